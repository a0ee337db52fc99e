// Writes a GraphDoc into Neo4j: batched `UNWIND $rows AS row MERGE …` in managed write transactions, which the
// driver retries on transient errors. Labels and types cannot be query parameters, so they are spliced in only
// after checking them against the closed sets of core/model.ts. Every write is a MERGE on a stable key (a fact's
// source, type, target and title or role), and evidence is added once per article, so loading the same document
// twice leaves the database as it was.
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import type { GraphDoc } from "../core/model.js";
import { applySchema, errorMessage, isRetriable } from "./schema.js";
import { EVIDENCE_CAP } from "./facts.js";
import {
  chunk,
  isNodeLabel,
  isRelationType,
  planLoad,
  type NodeLabel,
  type NodeRow,
  type RelationshipGroup,
} from "./load-plan.js";

export interface LoadOptions {
  /** Rows per transaction. */
  batchSize?: number;
  database?: string;
  /** Run cypher/schema.cypher first (default true; idempotent). */
  schema?: boolean;
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

export function nodeMergeQuery(label: NodeLabel): string {
  if (!isNodeLabel(label))
    throw new Neo4jLoadError(`cypher/load: "${String(label)}" is not a node label of the model`, false);
  const aliases =
    label === "Article"
      ? ""
      : `,\n    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)`;
  return `UNWIND $rows AS row
MERGE (n:\`${label}\` {id: row.id})
SET n += row.props${aliases}`;
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
  const match = `UNWIND $rows AS row
MATCH (s:\`${sourceLabel}\` {id: row.source})
MATCH (t:\`${targetLabel}\` {id: row.target})`;
  if (kind === "link") {
    // One per (article, entity): nothing to tell apart, and a rerun sets the same values again.
    return `${match}
MERGE (s)-[r:\`${type}\`]->(t)
SET r += row.props
RETURN count(r) AS linked`;
  }
  // Planning this statement takes a few hundred milliseconds, and a bulk load grows the graph fast enough that
  // Neo4j would plan it again and again; its plan (unique-index seeks, MERGE by Expand(Into)) does not depend on
  // the graph's size, so the first one is kept.
  return `CYPHER replan=skip
${match}
MERGE (s)-[r:\`${type}\` {key: row.key}]->(t)
${factUpdate(type === "HOLDS_POSITION")}
RETURN count(*) AS linked`;
}

/** Whether evidence triple `x` ([date, article, sentence]) comes before `y`: newer first, then article, sentence. */
const BEFORE = (x: string, y: string) =>
  `(${x}[0] > ${y}[0] OR (${x}[0] = ${y}[0] AND (${x}[1] < ${y}[1] OR (${x}[1] = ${y}[1] AND ${x}[2] < ${y}[2]))))`;

/**
 * Adds a row's evidence to the fact `r`. Only articles the fact does not list yet (`articleIds`) count, so loading
 * an article again adds nothing. The first SET takes the relationship's write lock before anything is read: a
 * concurrent load of the same fact waits for this one to commit and then reads its lists (no lost update).
 * Stored evidence is sorted newest first, and so is the row's; the two are merged in one pass and capped, in an
 * expression rather than a subquery, which keeps the statement cheap to plan and to run. `articles` and
 * `evidenceCount` are the full counts.
 */
function factUpdate(former: boolean): string {
  const formerSet = former
    ? `,
    r.formerIn = formerIn,
    r.former = (formerIn = size(known) + size(added))`
    : "";
  return `SET r += row.props
WITH r, row, coalesce(r.articleIds, []) AS known
WITH r, row, known, [i IN range(0, size(row.articles) - 1) WHERE NOT row.articles[i] IN known] AS fresh
WITH r, row, known, [i IN fresh | row.articles[i]] AS added,
     reduce(n = 0, i IN fresh | n + row.sentenceCounts[i]) AS addedSentences,
     coalesce(r.formerIn, 0) + size([i IN fresh WHERE row.formerFlags[i]]) AS formerIn
WITH r, row, known, added, addedSentences, formerIn,
     [i IN range(0, size(coalesce(r.evidenceArticles, [])) - 1) |
       [r.evidenceDates[i], r.evidenceArticles[i], r.evidenceSentences[i]]] AS a,
     [i IN range(0, size(row.evidenceArticles) - 1) WHERE row.evidenceArticles[i] IN added |
       [row.evidenceDates[i], row.evidenceArticles[i], row.evidenceSentences[i]]] AS b
WITH r, row, known, added, addedSentences, formerIn,
     reduce(m = {i: 0, j: 0, out: []}, _ IN range(1, CASE WHEN size(a) + size(b) < ${EVIDENCE_CAP} THEN size(a) + size(b) ELSE ${EVIDENCE_CAP} END) |
       CASE WHEN m.j >= size(b) OR (m.i < size(a) AND ${BEFORE("a[m.i]", "b[m.j]")})
            THEN {i: m.i + 1, j: m.j, out: m.out + [a[m.i]]}
            ELSE {i: m.i, j: m.j + 1, out: m.out + [b[m.j]]} END).out AS evidence
FOREACH (_ IN CASE WHEN size(added) > 0 THEN [1] ELSE [] END |
  SET r.articleIds = known + added,
    r.articles = size(known) + size(added),
    r.evidenceCount = coalesce(r.evidenceCount, 0) + addedSentences,
    r.evidenceDates = [x IN evidence | x[0]],
    r.evidenceArticles = [x IN evidence | x[1]],
    r.evidenceSentences = [x IN evidence | x[2]],
    r.firstSeen = CASE WHEN row.firstSeen IS NOT NULL AND (r.firstSeen IS NULL OR row.firstSeen < r.firstSeen)
                  THEN row.firstSeen ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN row.lastSeen IS NOT NULL AND (r.lastSeen IS NULL OR row.lastSeen > r.lastSeen)
                 THEN row.lastSeen ELSE r.lastSeen END${formerSet}
)`;
}

export async function loadGraphDoc(driver: Driver, doc: GraphDoc, opts: LoadOptions = {}): Promise<LoadCounts> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Neo4jLoadError(`cypher/load: batchSize must be a positive integer, got ${batchSize}`, false);
  }
  const plan = planLoad(doc);
  if (opts.schema !== false) await applySchema(driver, { database: opts.database });

  const counts: LoadCounts = {
    nodes: {},
    relationships: {},
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    missingEndpoints: 0,
    batches: 0,
  };
  const session = driver.session({ database: opts.database, defaultAccessMode: "WRITE" });
  try {
    for (const [label, rows] of plan.nodes) {
      counts.nodes[label] = rows.length;
      const query = nodeMergeQuery(label);
      for (const batch of chunk<NodeRow>(rows, batchSize)) {
        await writeBatch(session.executeWrite.bind(session), query, batch, counts, `${batch.length} ${label} nodes`);
      }
    }
    for (const group of plan.relationships) {
      counts.relationships[group.type] = (counts.relationships[group.type] ?? 0) + group.rows.length;
      const query = relationshipMergeQuery(group);
      for (const batch of chunk<unknown>(group.rows, batchSize)) {
        const linked = await writeBatch(
          session.executeWrite.bind(session),
          query,
          batch,
          counts,
          `${batch.length} ${group.sourceLabel}-${group.type}->${group.targetLabel} relationships`,
        );
        counts.missingEndpoints += batch.length - linked;
      }
    }
  } finally {
    await session.close();
  }
  return counts;
}

type ExecuteWrite = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

async function writeBatch(
  executeWrite: ExecuteWrite,
  query: string,
  rows: unknown[],
  counts: LoadCounts,
  what: string,
): Promise<number> {
  try {
    const result = await executeWrite((tx) => tx.run(query, { rows }));
    const updates = result.summary.counters.updates();
    counts.nodesCreated += updates.nodesCreated;
    counts.relationshipsCreated += updates.relationshipsCreated;
    counts.propertiesSet += updates.propertiesSet;
    counts.batches += 1;
    const linked = result.records[0]?.get("linked");
    return linked === undefined ? rows.length : Number(linked);
  } catch (error) {
    const retriable = isRetriable(error);
    throw new Neo4jLoadError(
      `cypher/load: writing ${what} failed: ${errorMessage(error)}; ${retriable ? "Neo4j was busy or unreachable, run the load again" : "check NEO4J_URI and the server log"}`,
      retriable,
      { cause: error },
    );
  }
}
