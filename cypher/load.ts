// Writes a GraphDoc into Neo4j: batched `UNWIND $rows AS row MERGE …` in managed write transactions, which the
// driver retries on transient errors. Labels and types cannot be query parameters, so they are spliced in only
// after checking them against the closed sets of core/model.ts. Every write is a MERGE on a stable key, so
// loading the same document twice leaves the database as it was.
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import type { GraphDoc } from "../core/model.js";
import { applySchema, errorMessage, isRetriable } from "./schema.js";
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

export function relationshipMergeQuery(group: Pick<RelationshipGroup, "type" | "sourceLabel" | "targetLabel">): string {
  const { type, sourceLabel, targetLabel } = group;
  if (!isRelationType(type) || !isNodeLabel(sourceLabel) || !isNodeLabel(targetLabel)) {
    throw new Neo4jLoadError(
      `cypher/load: ${String(sourceLabel)}-${String(type)}->${String(targetLabel)} is not in the model`,
      false,
    );
  }
  return `UNWIND $rows AS row
MATCH (s:\`${sourceLabel}\` {id: row.source})
MATCH (t:\`${targetLabel}\` {id: row.target})
MERGE (s)-[r:\`${type}\` {key: row.key}]->(t)
SET r += row.props,
    r.sentences = reduce(acc = coalesce(r.sentences, []), x IN row.sentences | CASE WHEN x IN acc THEN acc ELSE acc + x END)
RETURN count(r) AS linked`;
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
      for (const batch of chunk(group.rows, batchSize)) {
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
