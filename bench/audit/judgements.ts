// Judgements of audited items, kept as tab-separated lines in a folder (tests/fixtures/audit/*.tsv):
//   key <TAB> right|wrong <TAB> a few words why
// Lines starting with # are comments; a later line for the same key overrides an earlier one.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../core/errors.js";
import type { AuditItem, Judgement } from "./sample.js";

export function parseJudgements(text: string, file = "judgements"): Judgement[] {
  const out: Judgement[] = [];
  text.split("\n").forEach((line, n) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [key, verdict, ...why] = line.split("\t");
    if (!key || (verdict !== "right" && verdict !== "wrong"))
      throw new InputError(`bench/audit: ${file}:${n + 1}: expected "key<TAB>right|wrong<TAB>why"`, file, n + 1);
    out.push({ key, verdict, why: why.join(" ").trim() });
  });
  return out;
}

/** Every judgement in the folder's .tsv files, by key. */
export function loadJudgements(dir: string): Map<string, Judgement> {
  const out = new Map<string, Judgement>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".tsv"))
    .sort()) {
    const file = join(dir, name);
    for (const j of parseJudgements(readFileSync(file, "utf8"), file)) out.set(j.key, j);
  }
  return out;
}

/** Tabs and line breaks would break the one-line format. */
const flat = (s: string) => s.replace(/[\t\r\n]+/g, " ");

/**
 * Unjudged items as lines a person completes: replace `?` with right or wrong, add a few words, and move the line
 * into a .tsv file of the judgements folder. The name and sentence follow as the reason's draft.
 */
export function pendingLines(items: AuditItem[]): string {
  const head = "# key\tverdict (right|wrong)\twhy — then, for reading: group | name | evidence sentence\n";
  return (
    head +
    items.map((i) => `${flat(i.key)}\t?\t\t# ${i.group} | ${flat(i.name)} | ${flat(i.sentence)}`).join("\n") +
    "\n"
  );
}
