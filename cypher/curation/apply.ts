// Writes the decisions of a curation file to Neo4j. Every step is idempotent — applying the same file twice, or
// after an ingest that brought a node back, ends in the same graph — so `jianwen ingest` simply applies the whole
// file after its loads, and a fresh graph built from the same sources ends with the same corrections.
//
// - reject: the node and its relationships are removed (DETACH DELETE); a later ingest that recreates it is
//   followed by the same removal. The articles that stated it are kept on a `CurationRecord` node (no `id`, no
//   relationships and no entity label, so no read sees it), which an undo uses.
// - merge: every relationship of the merged node moves to the kept one; where the kept node already has the same
//   fact (type, other end, title or role), the two are folded: article lists and evidence unioned, counts, spans
//   and `former` recomputed. Names and aliases are unioned. When the kept node is not in the graph, the merged one
//   takes its id and name.
// - rename: the name changes, the old one becomes an alias.
// - undo: a rename goes back; a rejected or merged node comes back at the next ingest of its articles (they are
//   marked not yet ingested). What a merge folded into the kept node stays there until the graph is rebuilt.
import neo4j, { type Driver, type Integer, type ManagedTransaction, type Node, type Relationship } from "neo4j-driver";
import { Neo4jLoadError } from "../../core/errors.js";
import { ENTITY_TYPES } from "../../core/model.js";
import { EVIDENCE_CAP, LINK_TYPES } from "../../cypher/facts.js";
import { awaitSearchIndexes } from "../../cypher/schema.js";
import { effectiveDecisions, type Decision } from "./file.js";

export type Outcome = "applied" | "unchanged" | "absent" | "failed" | "reverted" | "nothing to undo";

export interface ApplyReport {
  /** One line per decision considered, in file order. */
  results: Array<{ id: string; action: Decision["action"]; outcome: Outcome; message: string }>;
  /** Articles marked to be read again by the next ingest (undone rejects and merges). */
  articlesToReingest: number;
}

/** Finds an entity by id through the unique index of each label (an unlabelled match would scan every node). */
export const ENTITY_BY_ID = `CALL { ${ENTITY_TYPES.map((t) => `MATCH (n:${t} {id: $id}) RETURN n`).join(" UNION ")} }`;
/** The node found earlier in the same transaction. */
const N = "MATCH (n) WHERE elementId(n) = $n";
const labelOf = (n: Node) => n.labels.find((l) => (ENTITY_TYPES as readonly string[]).includes(l));

export async function applyCuration(
  driver: Driver,
  decisions: readonly Decision[],
  opts: { database?: string | undefined } = {},
): Promise<ApplyReport> {
  const { active, undone } = effectiveDecisions(decisions);
  const report: ApplyReport = { results: [], articlesToReingest: 0 };
  const undoneIds = new Set(undone.map((d) => d.id));
  const session = driver.session({ database: opts.database, defaultAccessMode: "WRITE" });
  try {
    for (const d of decisions) {
      if (d.action === "undo") continue;
      const result = { id: d.id, action: d.action };
      try {
        if (undoneIds.has(d.id)) {
          const { outcome, message, articles } = await session.executeWrite((tx) => revert(tx, d));
          report.articlesToReingest += articles;
          report.results.push({ ...result, outcome, message });
        } else if (active.includes(d)) {
          const { outcome, message } = await session.executeWrite((tx) => apply(tx, d));
          report.results.push({ ...result, outcome, message });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof Neo4jLoadError) throw error;
        if (isConnectionError(error))
          throw new Neo4jLoadError(`curation: Neo4j failed while applying ${d.id}: ${message}`, true, {
            cause: error,
          });
        report.results.push({ ...result, outcome: "failed", message });
      }
    }
  } finally {
    await session.close();
  }
  // Renames and merges change what the name search finds; it is eventually consistent (cypher/schema.cypher).
  await awaitSearchIndexes(driver, opts.database);
  return report;
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code === "ServiceUnavailable" || code === "SessionExpired";
}

type Step = { outcome: Outcome; message: string };

async function findNode(tx: ManagedTransaction, id: string): Promise<Node | null> {
  const r = await tx.run(`${ENTITY_BY_ID} RETURN n LIMIT 1`, { id });
  return (r.records[0]?.get("n") as Node | undefined) ?? null;
}

/** Articles that state anything about a node: its mentions and the article lists of its facts. */
async function articlesOf(tx: ManagedTransaction, n: Node): Promise<string[]> {
  const r = await tx.run(
    `${N}
     RETURN COLLECT { MATCH (a:Article)-[:MENTIONS]->(n) RETURN a.id } +
            COLLECT { MATCH (n)-[:REPORTED]->(b:Article) RETURN b.id } +
            reduce(acc = [], l IN COLLECT { MATCH (n)-[r]-() WHERE r.articleIds IS NOT NULL RETURN r.articleIds } | acc + l) AS ids`,
    { n: n.elementId },
  );
  return [...new Set((r.records[0]?.get("ids") as string[] | undefined) ?? [])];
}

async function keepRecord(tx: ManagedTransaction, d: Decision, n: Node, articles: string[]): Promise<void> {
  await tx.run(
    `MERGE (c:CurationRecord {decision: $decision, entityId: $entityId})
     SET c.action = $action, c.label = $label, c.name = $name,
         c.articleIds = reduce(acc = coalesce(c.articleIds, []), a IN $articles | CASE WHEN a IN acc THEN acc ELSE acc + a END)`,
    {
      decision: d.id,
      entityId: String(n.properties.id),
      action: d.action,
      label: labelOf(n) ?? "",
      name: String(n.properties.name ?? ""),
      articles,
    },
  );
}

async function apply(tx: ManagedTransaction, d: Decision): Promise<Step> {
  if (d.action === "undo") return { outcome: "absent", message: "" };
  const n = await findNode(tx, d.node);
  if (!n) return { outcome: "absent", message: `${d.node} is not in the graph (already applied, or not ingested)` };
  if (d.action === "reject") {
    await keepRecord(tx, d, n, await articlesOf(tx, n));
    await tx.run(`${N} DETACH DELETE n`, { n: n.elementId });
    return { outcome: "applied", message: `removed ${d.node} (${String(n.properties.name)})` };
  }
  if (d.action === "rename") {
    const old = String(n.properties.name ?? "");
    if (old === d.to) return { outcome: "unchanged", message: `${d.node} is already called ${d.to}` };
    await tx.run(
      `${N}
       SET n.aliases = [a IN coalesce(n.aliases, []) WHERE a <> $to] + CASE WHEN $old IN coalesce(n.aliases, []) OR $old = '' THEN [] ELSE [$old] END,
           n.name = $to`,
      { n: n.elementId, to: d.to, old },
    );
    return { outcome: "applied", message: `renamed ${d.node} from ${old} to ${d.to}` };
  }
  return merge(tx, d, n);
}

async function merge(tx: ManagedTransaction, d: Extract<Decision, { action: "merge" }>, n: Node): Promise<Step> {
  const m = await findNode(tx, d.into);
  const label = labelOf(n);
  await keepRecord(tx, d, n, await articlesOf(tx, n));
  const oldName = String(n.properties.name ?? "");
  if (!m) {
    // Only the merged node is in the graph (a fresh ingest of its articles): it becomes the kept one.
    await tx.run(
      `${N}
       SET n.id = $into, n.name = $intoName,
           n.aliases = [a IN coalesce(n.aliases, []) + [$old] WHERE a <> $intoName | a]`,
      { n: n.elementId, into: d.into, intoName: d.intoName, old: oldName },
    );
    await dedupeAliases(tx, n);
    return { outcome: "applied", message: `${d.into} was not in the graph: ${d.node} now carries its id and name` };
  }
  if (labelOf(m) !== label)
    throw new Error(`cannot merge ${d.node} (${label}) into ${d.into} (${labelOf(m)}): they are of different types`);

  const rels = await tx.run(
    `${N} MATCH (n)-[r]-(o)
     RETURN r, o.id AS other, elementId(o) AS o, startNode(r) = n AS out`,
    { n: n.elementId },
  );
  let moved = 0;
  let folded = 0;
  for (const rec of rels.records) {
    const r = rec.get("r") as Relationship;
    const other = rec.get("other") as string;
    const o = rec.get("o") as string;
    const out = rec.get("out") as boolean;
    if (other === d.into) continue; // would become a loop on the kept node; DETACH DELETE drops it.
    const key = (r.properties.key as string | undefined) ?? null;
    const pattern = out ? `(m)-[x:\`${r.type}\`]->(o)` : `(m)<-[x:\`${r.type}\`]-(o)`;
    // r.type comes from the database, not from the request; checked anyway before it is spliced into Cypher.
    if (!/^[A-Z_]+$/.test(r.type)) throw new Error(`unexpected relationship type ${r.type}`);
    const found = await tx.run(
      `MATCH (m), (o) WHERE elementId(m) = $m AND elementId(o) = $o
       OPTIONAL MATCH ${pattern} WHERE $key IS NULL OR x.key = $key
       RETURN x LIMIT 1`,
      { m: m.elementId, o, key },
    );
    const existing = found.records[0]?.get("x") as Relationship | null | undefined;
    if (existing) {
      const props = LINK_TYPES.has(r.type as never)
        ? foldLink(existing.properties, r.properties)
        : foldFact(existing.properties, r.properties);
      await tx.run(`MATCH ()-[x]->() WHERE elementId(x) = $x SET x = $props`, {
        x: existing.elementId,
        props,
      });
      folded++;
    } else {
      await tx.run(
        `MATCH (m), (o) WHERE elementId(m) = $m AND elementId(o) = $o
         CREATE ${out ? `(m)-[x:\`${r.type}\`]->(o)` : `(m)<-[x:\`${r.type}\`]-(o)`}
         SET x = $props`,
        { m: m.elementId, o, props: r.properties },
      );
      moved++;
    }
  }
  // Names: the kept node's name stays; the merged node's name and aliases join its aliases. Properties the kept
  // node lacks (a division code, a kind) are taken from the merged one.
  await tx.run(
    `${N} MATCH (m) WHERE elementId(m) = $m
     WITH n, m, [a IN coalesce(m.aliases, []) + [n.name] + coalesce(n.aliases, []) WHERE a IS NOT NULL AND a <> m.name] AS names
     SET m.aliases = reduce(acc = [], a IN names | CASE WHEN a IN acc THEN acc ELSE acc + a END),
         m.kind = coalesce(m.kind, n.kind), m.level = coalesce(m.level, n.level),
         m.code = coalesce(m.code, n.code), m.date = coalesce(m.date, n.date)
     WITH n DETACH DELETE n`,
    { n: n.elementId, m: m.elementId },
  );
  return {
    outcome: "applied",
    message: `merged ${d.node} (${oldName}) into ${d.into}: ${moved} relationships moved, ${folded} folded into the same fact`,
  };
}

async function dedupeAliases(tx: ManagedTransaction, n: Node): Promise<void> {
  await tx.run(
    `${N}
     SET n.aliases = reduce(acc = [], a IN coalesce(n.aliases, []) | CASE WHEN a IN acc THEN acc ELSE acc + a END)`,
    { n: n.elementId },
  );
}

async function revert(tx: ManagedTransaction, d: Decision): Promise<Step & { articles: number }> {
  if (d.action === "rename") {
    if (!d.from) return { outcome: "nothing to undo", message: "the decision does not say the old name", articles: 0 };
    const r = await tx.run(
      `${ENTITY_BY_ID} WITH n WHERE n.name = $to
       SET n.name = $from, n.aliases = [a IN coalesce(n.aliases, []) WHERE a <> $from]
       RETURN count(n) AS changed`,
      { id: d.node, to: d.to, from: d.from },
    );
    const changed = Number(r.records[0]?.get("changed") ?? 0);
    return changed
      ? { outcome: "reverted", message: `${d.node} is called ${d.from} again`, articles: 0 }
      : { outcome: "nothing to undo", message: `${d.node} is not called ${d.to}`, articles: 0 };
  }
  if (d.action === "undo") return { outcome: "nothing to undo", message: "", articles: 0 };
  // A rejected or merged node comes back when its articles are read again.
  const kept = await tx.run("MATCH (c:CurationRecord {decision: $decision}) RETURN count(c) AS n", { decision: d.id });
  if (Number(kept.records[0]?.get("n") ?? 0) === 0)
    return { outcome: "nothing to undo", message: "already undone, or never applied", articles: 0 };
  const r = await tx.run(
    `MATCH (c:CurationRecord {decision: $decision})
     UNWIND c.articleIds AS id
     MATCH (a:Article {id: id})
     SET a.ingested = false
     RETURN count(DISTINCT a) AS marked`,
    { decision: d.id },
  );
  await tx.run("MATCH (c:CurationRecord {decision: $decision}) DELETE c", { decision: d.id });
  const marked = Number(r.records[0]?.get("marked") ?? 0);
  return {
    outcome: "reverted",
    message: `${d.node} comes back at the next ingest of its ${marked} article(s)${d.action === "merge" ? `; what it brought to ${d.into} stays there until the graph is rebuilt` : ""}`,
    articles: marked,
  };
}

type Props = Record<string, unknown>;

const num = (v: unknown): number => (neo4j.isInt(v) ? (v as Integer).toNumber() : typeof v === "number" ? v : 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Two links (an article's mentions of the two nodes): counts add up, the kept sentence stays. */
export function foldLink(kept: Props, merged: Props): Props {
  const out: Props = { ...merged, ...kept };
  if (kept.count !== undefined || merged.count !== undefined)
    out.count = neo4j.int(num(kept.count) + num(merged.count));
  return out;
}

/**
 * Two facts of the same type, other end and title or role: article lists unioned, evidence unioned (newest first,
 * capped as the loader caps it), spans widened, counts recomputed. `evidenceCount` and `formerIn` add up, less
 * what both stated (the same sentence of the same article; an article calling both former), so a fact is not
 * counted twice for an article that named it under both names.
 */
export function foldFact(kept: Props, merged: Props): Props {
  const out: Props = { ...merged, ...kept };
  const knownIds = strings(kept.articleIds);
  const ids = [...knownIds, ...strings(merged.articleIds).filter((a) => !knownIds.includes(a))];
  out.articleIds = ids;
  out.articles = neo4j.int(ids.length);
  const triples = (p: Props) => {
    const arts = strings(p.evidenceArticles);
    const dates = strings(p.evidenceDates);
    const sentences = strings(p.evidenceSentences);
    return arts.map((a, i) => [dates[i] ?? "", a, sentences[i] ?? ""] as const);
  };
  const seen = new Set<string>();
  const all = [...triples(kept), ...triples(merged)];
  const union = all.filter((t) => {
    const k = `${t[1]}\u0000${t[2]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const shared = all.length - union.length;
  union.sort((x, y) =>
    x[0] !== y[0]
      ? x[0] > y[0]
        ? -1
        : 1
      : x[1] !== y[1]
        ? x[1] < y[1]
          ? -1
          : 1
        : x[2] < y[2]
          ? -1
          : x[2] > y[2]
            ? 1
            : 0,
  );
  const capped = union.slice(0, EVIDENCE_CAP);
  out.evidenceDates = capped.map((t) => t[0]);
  out.evidenceArticles = capped.map((t) => t[1]);
  out.evidenceSentences = capped.map((t) => t[2]);
  out.evidenceCount = neo4j.int(Math.max(union.length, num(kept.evidenceCount) + num(merged.evidenceCount) - shared));
  const first = [kept.firstSeen, merged.firstSeen].filter((v): v is string => typeof v === "string" && v !== "");
  const last = [kept.lastSeen, merged.lastSeen].filter((v): v is string => typeof v === "string" && v !== "");
  if (first.length) out.firstSeen = first.sort()[0];
  if (last.length) out.lastSeen = last.sort().at(-1);
  if (kept.formerIn !== undefined || merged.formerIn !== undefined) {
    const formerIn = Math.min(ids.length, num(kept.formerIn) + num(merged.formerIn));
    out.formerIn = neo4j.int(formerIn);
    out.former = formerIn === ids.length;
  }
  return out;
}
