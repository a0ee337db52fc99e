// The curation file: corrections a person made to the extracted graph, kept as YAML beside the data so they can
// be reviewed and versioned like any other text. It is a list, one decision a block of lines: what was decided
// (reject a node, merge one node into another, rename one), by whom and why, and when. History is never edited:
// appending is the only write, and an undo is one more block naming the decision it takes back.
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument, stringify, isSeq, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { InputError } from "../../core/errors.js";

/** Used when neither `--curation FILE` nor JIANWEN_CURATION names one: `curation.yaml` in the working folder. */
export const DEFAULT_CURATION_FILE = "curation.yaml";

export function curationPath(given?: string): string {
  return resolve(given ?? process.env.JIANWEN_CURATION ?? DEFAULT_CURATION_FILE);
}

const nodeId = z.string().trim().min(3, "a node id such as person:张三").max(400);
const decisionId = { id: z.string().regex(/^c\d+$/, 'an id such as "c12"') };
const common = {
  by: z.string().trim().min(1, "who decided (a name or initials)").max(200),
  note: z.string().max(2000).optional(),
  at: z.iso.datetime({ offset: true, message: "an ISO date and time such as 2026-11-30T20:15:00Z" }),
};

export const Decision = z.discriminatedUnion(
  "action",
  [
    z.strictObject({
      ...decisionId,
      action: z.literal("reject"),
      node: nodeId,
      /** What the node was called when the decision was made, for the reader of the file. */
      name: z.string().optional(),
      ...common,
    }),
    z.strictObject({
      ...decisionId,
      action: z.literal("merge"),
      /** The node merged away. */
      node: nodeId,
      name: z.string().optional(),
      /** The node kept; it takes all of `node`'s relationships, evidence and names. */
      into: nodeId,
      /** The kept node's name, so a graph that holds only `node` (a fresh ingest) can be re-keyed to it. */
      intoName: z.string().trim().min(1).max(400),
      ...common,
    }),
    z.strictObject({
      ...decisionId,
      action: z.literal("rename"),
      node: nodeId,
      from: z.string().optional(),
      to: z.string().trim().min(1, "the new name").max(400),
      ...common,
    }),
    z.strictObject({
      ...decisionId,
      action: z.literal("undo"),
      /** The id of the earlier decision this one takes back. */
      decision: z.string().regex(/^c\d+$/, 'the id of an earlier decision, such as "c3"'),
      ...common,
    }),
  ],
  { error: () => "action must be one of reject, merge, rename, undo" },
);
export type Decision = z.infer<typeof Decision>;
export type DecisionInput = Decision extends infer D ? (D extends Decision ? Omit<D, "id" | "at"> : never) : never;

export interface CurationFile {
  path: string;
  decisions: Decision[];
}

/** Reads and checks a curation file; a missing file holds no decisions. Errors name the file and the line. */
export async function readCuration(path: string): Promise<CurationFile> {
  if (!existsSync(path)) return { path, decisions: [] };
  return parseCuration(await readFile(path, "utf8"), path);
}

export function parseCuration(text: string, path: string): CurationFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => `${path}: line ${offset === undefined ? 1 : lines.linePos(offset).line}`;
  const firstError = doc.errors[0];
  if (firstError) throw new InputError(`curation: ${at(firstError.pos[0])}: not valid YAML: ${firstError.message}`);
  if (doc.contents === null) return { path, decisions: [] };
  if (!isSeq(doc.contents))
    throw new InputError(`curation: ${at(doc.contents.range?.[0])}: the file must be a YAML list of decisions`);
  const decisions: Decision[] = [];
  const seen = new Map<string, Decision>();
  doc.contents.items.forEach((item, index) => {
    const node = item as YamlNode;
    const where = at(node.range?.[0]);
    const parsed = Decision.safeParse((node as { toJSON(): unknown }).toJSON());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || "decision";
      throw new InputError(`curation: ${where}: decision ${index + 1}: ${field}: ${issue?.message ?? "invalid"}`);
    }
    const d = parsed.data;
    if (seen.has(d.id)) throw new InputError(`curation: ${where}: decision ${index + 1}: id ${d.id} is used twice`);
    if (d.action === "merge" && d.node === d.into)
      throw new InputError(`curation: ${where}: decision ${d.id}: a node cannot be merged into itself (${d.node})`);
    if (d.action === "undo" && !seen.has(d.decision))
      throw new InputError(`curation: ${where}: decision ${d.id}: undoes ${d.decision}, which no earlier decision is`);
    seen.set(d.id, d);
    decisions.push(d);
  });
  return { path, decisions };
}

/**
 * The decisions in force: every decision not taken back. An undo that is itself undone takes nothing back, so
 * the file is read from its end: a later undo decides about the earlier ones.
 */
export function effectiveDecisions(decisions: readonly Decision[]): {
  active: Decision[];
  undone: Decision[];
} {
  const cancelled = new Set<string>();
  for (const d of [...decisions].reverse()) {
    if (d.action === "undo" && !cancelled.has(d.id)) cancelled.add(d.decision);
  }
  return {
    active: decisions.filter((d) => d.action !== "undo" && !cancelled.has(d.id)),
    undone: decisions.filter((d) => d.action !== "undo" && cancelled.has(d.id)),
  };
}

const HEADER = `# Jianwen curation: corrections to the extracted graph, one decision a block, newest last.
# Written by \`jianwen curate\` and the explorer's curation buttons; applied by \`jianwen curate apply\` and after
# every \`jianwen ingest\`. Never edit a decision: take it back with \`jianwen curate undo ID\`.
`;

/** Appends one decision (numbered after the last, stamped now) and returns it as written. */
export async function appendDecision(path: string, input: DecisionInput, now = new Date()): Promise<Decision> {
  const file = await readCuration(path);
  const last = file.decisions.reduce((n, d) => Math.max(n, Number(d.id.slice(1))), 0);
  const candidate = { id: `c${last + 1}`, ...input, at: now.toISOString() };
  const parsed = Decision.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`curation: ${issue?.path.join(".") || "decision"}: ${issue?.message ?? "invalid"}`);
  }
  const d = parsed.data;
  if (d.action === "merge" && d.node === d.into)
    throw new InputError(`curation: a node cannot be merged into itself (${d.node})`);
  if (d.action === "undo") {
    const target = file.decisions.find((x) => x.id === d.decision);
    if (!target) throw new InputError(`curation: there is no decision ${d.decision} in ${path} to undo`);
  }
  // One block: the YAML of a one-item list, a blank line before it so each decision stands alone.
  const block = `\n${stringify([d], { lineWidth: 0 })}`;
  if (!existsSync(path)) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, HEADER);
  }
  await appendFile(path, block);
  return d;
}

/** One line per decision, for `jianwen curate list`. */
export function describeDecision(d: Decision, undone = false): string {
  const what =
    d.action === "reject"
      ? `reject ${d.node}${d.name ? ` (${d.name})` : ""}`
      : d.action === "merge"
        ? `merge ${d.node}${d.name ? ` (${d.name})` : ""} into ${d.into} (${d.intoName})`
        : d.action === "rename"
          ? `rename ${d.node}${d.from ? ` from ${d.from}` : ""} to ${d.to}`
          : `undo ${d.decision}`;
  return `${d.id}  ${d.at}  ${what}  — ${d.by}${d.note ? `: ${d.note}` : ""}${undone ? "  [undone]" : ""}`;
}
