// Writes a GraphDoc into Neo4j: batched `UNWIND $rows AS row MERGE …` in managed write transactions, which the
// driver retries on transient errors. Labels and types cannot be query parameters, so they are spliced in only
// after checking them against the closed sets of core/model.ts. Every write is a MERGE on a stable key (a fact's
// source, type, target and title or role), and evidence is added once per article, so loading the same document
// twice leaves the database as it was.
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import { ENTITY_TYPES, type GraphDoc, type RelationType } from "../core/model.js";
import { applySchema, awaitSearchIndexes, errorMessage, isRetriable } from "./schema.js";
import { EVIDENCE_CAP, FACT_TYPES } from "./facts.js";
import {
  chunk,
  isNodeLabel,
  isRelationType,
  planLoad,
  type NodeLabel,
  type FactRow,
  type LinkRow,
  type LoadPlan,
  type NodeRow,
  type RelationshipGroup,
} from "./load-plan.js";

export interface LoadOptions {
  /** Rows per transaction. */
  batchSize?: number;
  database?: string;
  /** Run cypher/schema.cypher first (default true; idempotent). */
  schema?: boolean;
  /**
   * A statement (`UNWIND $rows …`) run in the load's last transaction, after everything else: ingest marks the
   * load's articles complete with it, so the mark commits exactly when the last of their data does.
   */
  finish?: { query: string; rows: unknown[] };
  /**
   * Wait for the full-text indexes to hold the load before returning (default true; awaitSearchIndexes). A batch
   * ingest waits once at the end of its run instead of once a load.
   */
  awaitSearch?: boolean;
}

export interface LoadCounts {
  /** Rows sent per label / relationship type (what the document holds, after merging duplicates). */
  nodes: Partial<Record<NodeLabel, number>>;
  relationships: Record<string, number>;
  /** What Neo4j reports it changed: zero on a rerun of the same document. */
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  /** Relationship rows whose source or target node is in neither the document nor the database. */
  missingEndpoints: number;
  batches: number;
}

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * The prefix of every load statement: plan it once and keep the plan. A load grows the graph fast enough that
 * Neo4j would otherwise find its cached plans stale again and again and plan them anew (a few hundred
 * milliseconds each for the fact statement) in the middle of an ingest; their plans (seeks on unique ids or
 * element ids, MERGE by Expand(Into)) do not depend on the graph's size, so the first one serves.
 */
const PLAN_ONCE = "CYPHER replan=skip\n";

/** The driver's fetch size for "all records of a statement in one answer". */
export const FETCH_ALL = -1;

export function nodeMergeQuery(label: NodeLabel): string {
  if (!isNodeLabel(label))
    throw new Neo4jLoadError(`cypher/load: "${String(label)}" is not a node label of the model`, false);
  const aliases =
    label === "Article"
      ? ""
      : `,\n    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)`;
  return `${PLAN_ONCE}UNWIND $rows AS row
MERGE (n:\`${label}\` {id: row.id})
SET n += row.props${aliases}
RETURN row.id AS id, elementId(n) AS node`;
}

/**
 * Entity nodes of every label in one statement: a branch per label MERGEs on its uniquely constrained id (a
 * label cannot be a parameter, and a dynamic one would use no index), then properties and aliases are set as in
 * nodeMergeQuery. One statement to plan and one round trip instead of one per label. Its rows come as columns
 * ($id, $label, $props, $aliases; row `idx` is element `idx` of each): a list of strings packs and unpacks in a
 * fraction of the time of as many maps, on the client and in the server's Bolt thread.
 */
export function entityMergeQuery(): string {
  const branches = ENTITY_TYPES.map(
    (label) => `  WITH * WHERE $label[idx] = '${label}'
  MERGE (n:\`${label}\` {id: $id[idx]})
  RETURN n`,
  ).join("\n  UNION ALL\n");
  return `${PLAN_ONCE}UNWIND range(0, size($id) - 1) AS idx
CALL (idx) {
${branches}
}
SET n += $props[idx],
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN $aliases[idx] | CASE WHEN a IN acc THEN acc ELSE acc + a END)
RETURN idx, elementId(n) AS node`;
}

/**
 * Articles, with which of them this statement created: a node MERGE has just created holds its id and nothing
 * else. Rows as columns ($id, $props), as in entityMergeQuery. A created article has no relationship yet, so its
 * links are CREATEd (linkCreateQuery) instead of MERGEd, which would scan the article's growing list of mentions
 * once per row. A concurrent load of the same article
 * waits on the id's lock until this transaction commits, and then finds the article, not a fresh one.
 */
export function articleMergeQuery(): string {
  return `${PLAN_ONCE}UNWIND range(0, size($id) - 1) AS idx
MERGE (n:Article {id: $id[idx]})
WITH n, idx, size(keys(n)) = 1 AS fresh
SET n += $props[idx]
RETURN idx, fresh, elementId(n) AS node`;
}

/** MENTIONS/REPORTED links of articles created in the same transaction (articleMergeQuery): nothing to match. */
export function linkCreateQuery(group: Pick<RelationshipGroup, "type" | "sourceLabel" | "targetLabel">): string {
  const { type, sourceLabel, targetLabel } = group;
  if (!isRelationType(type) || !isNodeLabel(sourceLabel) || !isNodeLabel(targetLabel)) {
    throw new Neo4jLoadError(
      `cypher/load: ${String(sourceLabel)}-${String(type)}->${String(targetLabel)} is not in the model`,
      false,
    );
  }
  return `${PLAN_ONCE}UNWIND $rows AS row
MATCH (s:\`${sourceLabel}\` {id: row.source})
MATCH (t:\`${targetLabel}\` {id: row.target})
CREATE (s)-[r:\`${type}\`]->(t)
SET r = row.props
RETURN count(r) AS linked`;
}

export function relationshipMergeQuery(
  group: Pick<RelationshipGroup, "type" | "sourceLabel" | "targetLabel" | "kind">,
): string {
  const { type, sourceLabel, targetLabel, kind } = group;
  if (!isRelationType(type) || !isNodeLabel(sourceLabel) || !isNodeLabel(targetLabel)) {
    throw new Neo4jLoadError(
      `cypher/load: ${String(sourceLabel)}-${String(type)}->${String(targetLabel)} is not in the model`,
      false,
    );
  }
  const match = `${PLAN_ONCE}UNWIND $rows AS row
MATCH (s:\`${sourceLabel}\` {id: row.source})
MATCH (t:\`${targetLabel}\` {id: row.target})`;
  if (kind === "link") {
    // One per (article, entity): nothing to tell apart, and a rerun sets the same values again.
    return `${match}
MERGE (s)-[r:\`${type}\`]->(t)
SET r += row.props
RETURN count(r) AS linked`;
  }
  return factMerge(type, match);
}

/**
 * The two ends of a relationship row found by the element ids their node statements of this load returned
 * (`$s[idx]`, `$t[idx]`): a direct lookup in the node store instead of a seek in a label's index, and no label in
 * the statement, so one statement serves every (source label, target label) pair of a type. The ids are checked
 * too (`$source[idx]`, `$target[idx]`): an element id names a node only while it exists, and a deleted node's may
 * be given to a new one.
 */
const MATCH_BY_NODE = `UNWIND range(0, size($s) - 1) AS idx
MATCH (s) WHERE elementId(s) = $s[idx] AND s.id = $source[idx]
MATCH (t) WHERE elementId(t) = $t[idx] AND t.id = $target[idx]`;

/** The properties a MENTIONS or REPORTED link carries; linkCreateByNodeQuery sends them as columns of their own. */
export const LINK_PROPERTIES = ["count", "sentence"] as const;

/**
 * MENTIONS/REPORTED links of articles created in this transaction, both ends found by element id. Rows as columns:
 * $s, $t, the entity end's id ($id; the article end is this transaction's own new node, which nothing else can
 * have deleted) and one column per LINK_PROPERTIES; a null property is not set.
 */
export function linkCreateByNodeQuery(type: RelationType, articleEnd: "source" | "target"): string {
  if (!isRelationType(type)) throw new Neo4jLoadError(`cypher/load: ${String(type)} is not in the model`, false);
  // The entity end's id is checked; the article end is the other one.
  const check = (end: "s" | "t") => (end === (articleEnd === "source" ? "t" : "s") ? ` AND ${end}.id = $id[idx]` : "");
  return `${PLAN_ONCE}UNWIND range(0, size($s) - 1) AS idx
MATCH (s) WHERE elementId(s) = $s[idx]${check("s")}
MATCH (t) WHERE elementId(t) = $t[idx]${check("t")}
CREATE (s)-[r:\`${type}\` {${LINK_PROPERTIES.map((p) => `${p}: $${p}[idx]`).join(", ")}}]->(t)
RETURN count(r) AS linked`;
}

/**
 * Facts of every type whose ends were written by this load, found by element id, in one statement: a branch per
 * type MERGEs the relationship (a type cannot be a parameter, and a dynamic one would scan every relationship of
 * the two nodes). A fact the MERGE has just created (no article list yet) takes the row's evidence as it comes
 * (sorted and capped by factRow); one stored before has the row's evidence folded in as in factMerge. One
 * statement to plan and one round trip a batch instead of one per type; rows as columns (FACT_COLUMNS).
 */
export function factMergeByNodeQuery(): string {
  const branches = FACT_TYPES.map(
    (type) => `  WITH * WHERE $type[idx] = '${type}'
  MERGE (s)-[r:\`${type}\` {key: $key[idx]}]->(t)
  RETURN r`,
  ).join("\n  UNION ALL\n");
  const col = (name: string) => `$${name}[idx]`;
  return `${PLAN_ONCE}${MATCH_BY_NODE}
CALL (s, t, idx) {
${branches}
}
WITH r, idx, r.articleIds IS NULL AND size($articles[idx]) > 0 AS created
CALL (r, idx, created) {
  WITH * WHERE created
  SET r += $props[idx],
    r.articleIds = $articles[idx],
    r.articles = size($articles[idx]),
    r.evidenceCount = reduce(n = 0, c IN $sentenceCounts[idx] | n + c),
    r.evidenceDates = $evidenceDates[idx],
    r.evidenceArticles = $evidenceArticles[idx],
    r.evidenceSentences = $evidenceSentences[idx],
    r.firstSeen = $firstSeen[idx],
    r.lastSeen = $lastSeen[idx]
  WITH r, idx, size([f IN $formerFlags[idx] WHERE f]) AS formerIn
  FOREACH (_ IN CASE WHEN type(r) = 'HOLDS_POSITION' THEN [1] ELSE [] END |
    SET r.formerIn = formerIn, r.former = (formerIn = size($articles[idx]))
  )
}
CALL (r, idx, created) {
  WITH * WHERE NOT created
${factUpdate("by type", col, "idx")
  .split("\n")
  .map((line) => `  ${line}`)
  .join("\n")}
}
RETURN count(*) AS linked`;
}

/** A fact row of factMergeByNodeQuery: the plan's row with its type and its ends' element ids. */
type FactByNode = ByNode<FactRow> & { type: RelationType };

/** The columns of factMergeByNodeQuery, each read off a row of the load plan. */
export const FACT_COLUMNS: Record<keyof FactRow | "s" | "t" | "type", (r: FactByNode) => unknown> = {
  s: (r) => r.s,
  t: (r) => r.t,
  source: (r) => r.row.source,
  target: (r) => r.row.target,
  type: (r) => r.type,
  key: (r) => r.row.key,
  props: (r) => r.row.props,
  articles: (r) => r.row.articles,
  sentenceCounts: (r) => r.row.sentenceCounts,
  formerFlags: (r) => r.row.formerFlags,
  evidenceArticles: (r) => r.row.evidenceArticles,
  evidenceSentences: (r) => r.row.evidenceSentences,
  evidenceDates: (r) => r.row.evidenceDates,
  firstSeen: (r) => r.row.firstSeen,
  lastSeen: (r) => r.row.lastSeen,
};

function factMerge(type: RelationType, match: string): string {
  // `match` begins with PLAN_ONCE: planning this statement takes a few hundred milliseconds.
  return `${match}
MERGE (s)-[r:\`${type}\` {key: row.key}]->(t)
${factUpdate(type === "HOLDS_POSITION", (name) => `row.${name}`, "row")}
RETURN count(*) AS linked`;
}

/** Whether evidence triple `x` ([date, article, sentence]) comes before `y`: newer first, then article, sentence. */
const BEFORE = (x: string, y: string) =>
  `(${x}[0] > ${y}[0] OR (${x}[0] = ${y}[0] AND (${x}[1] < ${y}[1] OR (${x}[1] = ${y}[1] AND ${x}[2] < ${y}[2]))))`;

/**
 * Adds a row's evidence to the fact `r`. Only articles the fact does not list yet (`articleIds`) count, so loading
 * an article again adds nothing. The first SET takes the relationship's write lock before anything is read: a
 * concurrent load of the same fact waits for this one to commit and then reads its lists (no lost update).
 * Stored evidence is sorted newest first, and so is the row's; the two are merged and capped in an expression
 * rather than a subquery, which keeps the statement cheap to plan and to run. When one list is wholly newer than
 * the other (an archive loaded in date order, either way) they are concatenated; only interleaved dates take the
 * element-by-element merge, whose list grows a copy a step. `articles` and `evidenceCount` are the full counts.
 */
function factUpdate(former: boolean | "by type", v: (name: string) => string, carry: string): string {
  const formerSet =
    former === true
      ? `,
    r.formerIn = formerIn,
    r.former = (formerIn = size(known) + size(added))`
      : "";
  // Statements for every type: posts (HOLDS_POSITION) get former/formerIn in a second FOREACH of their own.
  const formerByType =
    former === "by type"
      ? `
FOREACH (_ IN CASE WHEN size(added) > 0 AND type(r) = 'HOLDS_POSITION' THEN [1] ELSE [] END |
  SET r.formerIn = formerIn, r.former = (formerIn = size(known) + size(added))
)`
      : "";
  return `SET r += ${v("props")}
WITH r, ${carry}, coalesce(r.articleIds, []) AS known
WITH r, ${carry}, known, [i IN range(0, size(${v("articles")}) - 1) WHERE NOT ${v("articles")}[i] IN known] AS fresh
WITH r, ${carry}, known, [i IN fresh | ${v("articles")}[i]] AS added,
     reduce(n = 0, i IN fresh | n + ${v("sentenceCounts")}[i]) AS addedSentences,
     coalesce(r.formerIn, 0) + size([i IN fresh WHERE ${v("formerFlags")}[i]]) AS formerIn
WITH r, ${carry}, known, added, addedSentences, formerIn,
     coalesce(r.evidenceDates, []) AS storedDates, coalesce(r.evidenceArticles, []) AS storedArticles,
     coalesce(r.evidenceSentences, []) AS storedSentences
WITH r, ${carry}, known, added, addedSentences, formerIn,
     [i IN range(0, size(storedArticles) - 1) | [storedDates[i], storedArticles[i], storedSentences[i]]] AS a,
     [i IN range(0, size(${v("evidenceArticles")}) - 1) WHERE ${v("evidenceArticles")}[i] IN added |
       [${v("evidenceDates")}[i], ${v("evidenceArticles")}[i], ${v("evidenceSentences")}[i]]] AS b
WITH r, ${carry}, known, added, addedSentences, formerIn,
     CASE WHEN size(b) = 0 THEN a
          WHEN size(a) = 0 OR ${BEFORE("b[size(b) - 1]", "a[0]")} THEN (b + a)[0..${EVIDENCE_CAP}]
          WHEN ${BEFORE("a[size(a) - 1]", "b[0]")} THEN (a + b)[0..${EVIDENCE_CAP}] ELSE
     reduce(m = {i: 0, j: 0, out: []}, _ IN range(1, CASE WHEN size(a) + size(b) < ${EVIDENCE_CAP} THEN size(a) + size(b) ELSE ${EVIDENCE_CAP} END) |
       CASE WHEN m.j >= size(b) OR (m.i < size(a) AND ${BEFORE("a[m.i]", "b[m.j]")})
            THEN {i: m.i + 1, j: m.j, out: m.out + [a[m.i]]}
            ELSE {i: m.i, j: m.j + 1, out: m.out + [b[m.j]]} END).out END AS evidence
FOREACH (_ IN CASE WHEN size(added) > 0 THEN [1] ELSE [] END |
  SET r.articleIds = known + added,
    r.articles = size(known) + size(added),
    r.evidenceCount = coalesce(r.evidenceCount, 0) + addedSentences,
    r.evidenceDates = [x IN evidence | x[0]],
    r.evidenceArticles = [x IN evidence | x[1]],
    r.evidenceSentences = [x IN evidence | x[2]],
    r.firstSeen = CASE WHEN ${v("firstSeen")} IS NOT NULL AND (r.firstSeen IS NULL OR ${v("firstSeen")} < r.firstSeen)
                  THEN ${v("firstSeen")} ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN ${v("lastSeen")} IS NOT NULL AND (r.lastSeen IS NULL OR ${v("lastSeen")} > r.lastSeen)
                 THEN ${v("lastSeen")} ELSE r.lastSeen END${formerSet}
)${formerByType}`;
}

/** What one transaction of a load changed; added to LoadCounts only once it has committed. */
export interface TxCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  missingEndpoints: number;
  batches: number;
  /** The statement last sent, and the first one that failed, for error messages. */
  what?: string;
  failed?: string;
}

type Tx = Pick<ManagedTransaction, "run">;

function newTxCounts(): TxCounts {
  return { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, missingEndpoints: 0, batches: 0 };
}

function addCounts(into: LoadCounts | TxCounts, add: TxCounts): void {
  into.nodesCreated += add.nodesCreated;
  into.relationshipsCreated += add.relationshipsCreated;
  into.propertiesSet += add.propertiesSet;
  into.missingEndpoints += add.missingEndpoints;
  into.batches += add.batches;
}

/**
 * Runs one UNWIND statement in `tx` with `params` (its rows, as a list of maps or as columns), counts what it
 * changed and how many of its `rows` relationship rows found both ends. Errors pass through unwrapped, so that the
 * driver still sees a deadlock as transient and retries the transaction; `counts.failed` names the first statement
 * that failed, for the message of a lasting failure.
 */
async function runStatement(
  tx: Tx,
  query: string,
  params: Record<string, unknown>,
  rows: number,
  counts: TxCounts,
  what: string,
) {
  counts.what = what;
  try {
    const result = await tx.run(query, params);
    const updates = result.summary.counters.updates();
    counts.nodesCreated += updates.nodesCreated;
    counts.relationshipsCreated += updates.relationshipsCreated;
    counts.propertiesSet += updates.propertiesSet;
    counts.batches += 1;
    const linked = result.records[0]?.keys.includes("linked") ? result.records[0].get("linked") : undefined;
    if (linked !== undefined) counts.missingEndpoints += rows - Number(linked);
    return result.records;
  } catch (error) {
    counts.failed ??= what;
    throw error;
  }
}

async function runRows(tx: Tx, query: string, rows: unknown[], counts: TxCounts, what: string) {
  return runStatement(tx, query, { rows }, rows.length, counts, what);
}

/**
 * Waits for statements sent one after another without waiting in between: the driver pipelines them on the
 * transaction's connection, so the server runs one while the next is packed and sent. Every one is settled
 * before the first error (in the order sent) is thrown, so that a retry never overlaps a statement still running.
 */
export async function settleInOrder<T>(statements: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** Rows as columns: one list per key, element i of each read off row i. */
export function columns<R>(rows: readonly R[], spec: Record<string, (row: R) => unknown>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, read] of Object.entries(spec)) out[name] = rows.map(read);
  return out;
}

/**
 * Element ids of the nodes a load has written, by node id, as their MERGE returned them: the relationship
 * statements of the same load find their ends by these instead of seeking each id in its label's index.
 */
export type NodeRefs = Map<string, string>;

/**
 * Entity nodes, label after label in one statement (entityMergeQuery): one MERGE per id on its unique
 * constraint. Their element ids go into `refs`.
 */
export async function writeEntities(
  tx: Tx,
  plan: LoadPlan,
  batchSize: number,
  counts: TxCounts,
  refs: NodeRefs = new Map(),
): Promise<void> {
  const rows: (NodeRow & { label: NodeLabel })[] = [];
  for (const [label, nodes] of plan.nodes) if (label !== "Article") for (const n of nodes) rows.push({ ...n, label });
  const query = entityMergeQuery();
  const spec = {
    id: (r: NodeRow & { label: NodeLabel }) => r.id,
    label: (r: NodeRow & { label: NodeLabel }) => r.label,
    props: (r: NodeRow & { label: NodeLabel }) => r.props,
    aliases: (r: NodeRow & { label: NodeLabel }) => r.aliases ?? [],
  };
  await settleInOrder(
    chunk(rows, batchSize).map(async (batch) => {
      const what = `${batch.length} entity nodes`;
      const records = await runStatement(tx, query, columns(batch, spec), batch.length, counts, what);
      for (const r of records) refs.set(batch[Number(r.get("idx"))]!.id, r.get("node") as string);
    }),
  );
}

/**
 * A relationship row with its ends' element ids (MATCH_BY_NODE). The row is referred to, not copied: spreading
 * it into a new object cost about 2 µs a row, 10 ms of the client's time for the 5,450 rows of 500 articles.
 */
type ByNode<R> = { row: R; s: string; t: string };

/** Rows whose two ends have element ids in `refs`, with them; and the rest, left to the statements by label. */
function splitByNode<R extends { source: string; target: string }>(
  rows: R[],
  refs: NodeRefs,
): { byNode: ByNode<R>[]; byLabel: R[] } {
  const byNode: ByNode<R>[] = [];
  const byLabel: R[] = [];
  for (const row of rows) {
    const s = refs.get(row.source);
    const t = refs.get(row.target);
    if (s !== undefined && t !== undefined) byNode.push({ row, s, t });
    else byLabel.push(row);
  }
  return { byNode, byLabel };
}

/**
 * Articles and their MENTIONS/REPORTED links in one transaction: links of articles this transaction created are
 * CREATEd, the others (an article written by an earlier, interrupted run) MERGEd. Needs the entities written;
 * `refs` (from writeEntities) gives their element ids, and the articles' are added.
 */
export async function writeArticlesAndLinks(
  tx: Tx,
  plan: LoadPlan,
  batchSize: number,
  counts: TxCounts,
  refs: NodeRefs = new Map(),
): Promise<void> {
  const fresh = new Set<string>();
  const query = articleMergeQuery();
  await settleInOrder(
    chunk<NodeRow>(plan.nodes.get("Article") ?? [], batchSize).map(async (batch) => {
      const params = columns(batch, { id: (r) => r.id, props: (r) => r.props });
      const records = await runStatement(tx, query, params, batch.length, counts, `${batch.length} Article nodes`);
      for (const r of records) {
        const id = batch[Number(r.get("idx"))]!.id;
        refs.set(id, r.get("node") as string);
        if (r.get("fresh") === true) fresh.add(id);
      }
    }),
  );
  // Links of new articles by type: one statement for all target labels, ends found by element id, properties as
  // columns; a link with a property outside LINK_PROPERTIES goes with the rows by label, which set them all.
  const created = new Map<string, { type: RelationType; articleEnd: "source" | "target"; rows: ByNode<LinkRow>[] }>();
  const statements: Promise<unknown>[] = [];
  for (const group of plan.relationships) {
    if (group.kind !== "link") continue;
    const articleEnd = group.sourceLabel === "Article" ? "source" : group.targetLabel === "Article" ? "target" : null;
    const isFresh = (row: LinkRow) => articleEnd !== null && fresh.has(row[articleEnd]);
    const { byNode, byLabel } = splitByNode(group.rows.filter(isFresh), refs);
    const columnar: ByNode<LinkRow>[] = [];
    const byMap: LinkRow[] = [...byLabel];
    for (const ref of byNode) {
      if (Object.keys(ref.row.props).every((k) => LINK_KEYS.has(k))) columnar.push(ref);
      else byMap.push(ref.row);
    }
    if (articleEnd !== null && columnar.length > 0) {
      const key = `${group.type}|${articleEnd}`;
      const entry = created.get(key) ?? { type: group.type, articleEnd, rows: [] };
      entry.rows.push(...columnar);
      created.set(key, entry);
    }
    const merged = group.rows.filter((row) => !isFresh(row));
    const what = (n: number) => `${n} ${group.sourceLabel}-${group.type}->${group.targetLabel} relationships`;
    for (const batch of chunk(byMap, batchSize))
      statements.push(runRows(tx, linkCreateQuery(group), batch, counts, what(batch.length)));
    for (const batch of chunk(merged, batchSize))
      statements.push(runRows(tx, relationshipMergeQuery(group), batch, counts, what(batch.length)));
  }
  for (const { type, articleEnd, rows } of created.values()) {
    const entityEnd = articleEnd === "source" ? "target" : "source";
    const spec: Record<string, (row: ByNode<LinkRow>) => unknown> = {
      s: (r) => r.s,
      t: (r) => r.t,
      id: (r) => r.row[entityEnd],
    };
    for (const p of LINK_PROPERTIES) spec[p] = (r) => r.row.props[p] ?? null;
    const query = linkCreateByNodeQuery(type, articleEnd);
    for (const batch of chunk(rows, batchSize)) {
      const what = `${batch.length} ${type} relationships`;
      statements.push(runStatement(tx, query, columns(batch, spec), batch.length, counts, what));
    }
  }
  await settleInOrder(statements);
}

const LINK_KEYS: ReadonlySet<string> = new Set(LINK_PROPERTIES);

/** One statement's worth of fact rows: its query, rows, what is sent for them and a description for errors. */
export interface FactBatch {
  query: string;
  rows: unknown[];
  /** The statement's parameters: `{rows}`, or the rows as columns (FACT_COLUMNS). */
  params: Record<string, unknown>;
  what: string;
}

/**
 * The fact statements of a load, at most `batchSize` rows each: facts whose ends this load wrote (in `refs`)
 * by type, whatever their labels, found by element id; any other (an end only in the database) by label group.
 * Rows keep one global order (type, target, source, key), so concurrent loads lock shared nodes alike.
 */
export function factBatches(plan: LoadPlan, refs: NodeRefs, batchSize: number): FactBatch[] {
  const byNode: FactByNode[] = [];
  const out: FactBatch[] = [];
  for (const group of plan.relationships) {
    if (group.kind !== "fact") continue;
    const split = splitByNode(group.rows, refs);
    for (const ref of split.byNode) byNode.push({ ...ref, type: group.type });
    const query = relationshipMergeQuery(group);
    for (const rows of chunk(split.byLabel, batchSize)) {
      out.push({
        query,
        rows,
        params: { rows },
        what: `${rows.length} ${group.sourceLabel}-${group.type}->${group.targetLabel} relationships`,
      });
    }
  }
  byNode.sort(
    (a, b) =>
      compare(a.type, b.type) ||
      compare(a.row.target, b.row.target) ||
      compare(a.row.source, b.row.source) ||
      compare(a.row.key, b.row.key),
  );
  const query = factMergeByNodeQuery();
  for (const rows of chunk(byNode, batchSize))
    out.push({ query, rows, params: columns(rows, FACT_COLUMNS), what: `${rows.length} fact relationships` });
  return out;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Consecutive fact batches packed into transactions of at most `rows` rows (a larger batch alone in its own). */
export function factTransactions(batches: FactBatch[], rows: number): FactBatch[][] {
  const out: FactBatch[][] = [];
  let size = Infinity;
  for (const batch of batches) {
    if (size + batch.rows.length > rows) {
      out.push([]);
      size = 0;
    }
    out.at(-1)!.push(batch);
    size += batch.rows.length;
  }
  return out;
}

/** One batch of facts: evidence folded into the stored relationship (factUpdate). */
export async function writeFacts(tx: Tx, batch: FactBatch, counts: TxCounts): Promise<void> {
  await runStatement(tx, batch.query, batch.params, batch.rows.length, counts, batch.what);
}

/** Rows a plan sends, by label and relationship type. */
export function planSizes(plan: LoadPlan): Pick<LoadCounts, "nodes" | "relationships"> {
  const nodes: LoadCounts["nodes"] = {};
  const relationships: LoadCounts["relationships"] = {};
  for (const [label, rows] of plan.nodes) nodes[label] = rows.length;
  for (const group of plan.relationships)
    relationships[group.type] = (relationships[group.type] ?? 0) + group.rows.length;
  return { nodes, relationships };
}

/**
 * Writes a document in three steps, each its own transaction (or several, for facts): entity nodes; articles
 * with their links; facts, one transaction per batch so that locks on shared entities (中国, 国务院) are held
 * briefly. Fewer, larger transactions than one per statement: every commit is a flush of the transaction log.
 */
export async function loadGraphDoc(driver: Driver, doc: GraphDoc, opts: LoadOptions = {}): Promise<LoadCounts> {
  return loadPlan(driver, planLoad(doc), opts);
}

/**
 * loadGraphDoc for a document already planned (planLoad): the batch writer plans a load while gathering it, so
 * that planning is timed with the gathering and not as writing (ingest/batch/writer.ts).
 */
export async function loadPlan(driver: Driver, plan: LoadPlan, opts: LoadOptions = {}): Promise<LoadCounts> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Neo4jLoadError(`cypher/load: batchSize must be a positive integer, got ${batchSize}`, false);
  }
  if (opts.schema !== false) await applySchema(driver, { database: opts.database });

  const counts: LoadCounts = { ...planSizes(plan), ...newTxCounts() };
  // Every record at once: a statement returns at most batchSize of them, and pulling them in pages of the
  // default 1,000 would cost a round trip a page.
  const session = driver.session({ database: opts.database, defaultAccessMode: "WRITE", fetchSize: FETCH_ALL });
  // executeWrite runs its function again from a clean transaction on a transient error (a deadlock), so each
  // attempt counts into its own TxCounts and only the committed one is added.
  const inTransaction = async (work: (tx: Tx, c: TxCounts) => Promise<void>) => {
    let attempt = newTxCounts();
    try {
      await session.executeWrite(async (tx) => {
        attempt = newTxCounts();
        await work(tx, attempt);
      });
    } catch (error) {
      throw loadError(error, attempt.failed ?? attempt.what ?? "the load");
    }
    addCounts(counts, attempt);
  };
  // A retried transaction sets the same element ids again (its nodes are MERGEd anew), so one map serves.
  const refs: NodeRefs = new Map();
  try {
    await inTransaction((tx, c) => writeEntities(tx, plan, batchSize, c, refs));
    // opts.finish commits with the load's last transaction: after every other one has, and without a commit and
    // a round trip of its own. Every fact row gives a fact batch, so whether there is one is known beforehand.
    const finish = async (tx: Tx, c: TxCounts) => {
      if (opts.finish) await runRows(tx, opts.finish.query, opts.finish.rows, c, "the end of the load");
    };
    const hasFacts = plan.relationships.some((g) => g.kind === "fact" && g.rows.length > 0);
    await inTransaction(async (tx, c) => {
      await writeArticlesAndLinks(tx, plan, batchSize, c, refs);
      if (!hasFacts) await finish(tx, c);
    });
    // Fact statements share transactions up to batchSize rows: a commit is a flush of the transaction log, and
    // a load's few hundred facts of each type would otherwise pay one each.
    const transactions = factTransactions(factBatches(plan, refs, batchSize), batchSize);
    for (const [i, group] of transactions.entries()) {
      await inTransaction(async (tx, c) => {
        await settleInOrder(group.map((batch) => writeFacts(tx, batch, c)));
        if (i === transactions.length - 1) await finish(tx, c);
      });
    }
  } finally {
    await session.close();
  }
  if (opts.awaitSearch !== false) await awaitSearchIndexes(driver, opts.database);
  return counts;
}

function loadError(error: unknown, what: string): Neo4jLoadError {
  if (error instanceof Neo4jLoadError) return error;
  const retriable = isRetriable(error);
  return new Neo4jLoadError(
    `cypher/load: writing ${what} failed: ${errorMessage(error)}; ${retriable ? "Neo4j was busy or unreachable, run the load again" : "check NEO4J_URI and the server log"}`,
    retriable,
    { cause: error },
  );
}
