// Graph analytics against Neo4j: `readEntityGraph(driver)` reads the entity graph into graphology, and
// `analyzeGraph(driver)` computes the metrics of graph/metrics.ts and writes `degree`, `pagerank`, `community` and
// `betweenness` back onto the nodes in UNWIND batches so Cypher and the explorer can rank and colour by them.
import type { Driver } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import type { EntityType, RelationType } from "../core/model.js";
import { ENTITY_LABEL_EXPR as ENTITY, FACT_TYPES, chunk, labelFromId } from "../cypher/index.js";
import {
  BETWEENNESS_AUTO_MAX_NODES,
  computeMetrics,
  createEntityGraph,
  type EntityGraph,
  type MetricsOptions,
  type NodeMetrics,
} from "./metrics.js";

// Entities are linked by the facts between them (FACT_TYPES: posts, meetings, places, projects), not by shared
// articles.

/** Reads every entity and the fact relationships among them into an undirected, weighted graphology graph. */
export async function readEntityGraph(driver: Driver, database?: string): Promise<EntityGraph> {
  const graph = createEntityGraph();
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const nodes = await session.run(`MATCH (n:${ENTITY}) RETURN n.id AS id, labels(n)[0] AS type, n.name AS name`);
    for (const r of nodes.records)
      graph.mergeNode(r.get("id") as string, { type: r.get("type") as EntityType, name: String(r.get("name") ?? "") });
    const edges = await session.run(
      `MATCH (s:${ENTITY})-[r]->(t:${ENTITY})
       WHERE type(r) IN $types AND s <> t
       // A fact weighs as many articles as state it (older per-article relationships weigh one each).
       RETURN s.id AS source, t.id AS target, type(r) AS type, sum(coalesce(r.articles, 1)) AS weight`,
      { types: FACT_TYPES },
    );
    for (const r of edges.records)
      addFact(
        graph,
        r.get("source") as string,
        r.get("target") as string,
        r.get("type") as RelationType,
        Number(r.get("weight")),
      );
  } catch (error) {
    throw new Neo4jLoadError(`graph/analyze: reading the entity graph from Neo4j failed: ${String(error)}`, false, {
      cause: error,
    });
  } finally {
    await session.close();
  }
  return graph;
}

/**
 * Adds the facts of one type from `source` to `target` to the entity graph: one undirected edge per pair, whose
 * weight sums the articles stating each fact (a fact without its article count weighs one).
 */
export function addFact(graph: EntityGraph, source: string, target: string, type: RelationType, weight: number): void {
  graph.updateEdge(source, target, (attr) => ({
    weight: (attr.weight ?? 0) + weight,
    types: attr.types?.includes(type) ? attr.types : [...(attr.types ?? []), type],
  }));
}

/** The metrics analyzeGraph stores, for an entity graph already in memory (ingest --bulk builds it from its load). */
export function graphMetrics(
  graph: EntityGraph,
  options: Omit<AnalyzeOptions, "database" | "batchSize"> = {},
): { metrics: Record<string, NodeMetrics>; betweenness: boolean } {
  const betweenness =
    options.betweenness === "auto" || options.betweenness === undefined
      ? graph.order <= BETWEENNESS_AUTO_MAX_NODES
      : options.betweenness;
  return { metrics: computeMetrics(graph, { seed: options.seed, betweenness }), betweenness };
}

export interface AnalyzeResult {
  nodes: number;
  edges: number;
  communities: number;
  betweenness: boolean;
  elapsedMs: { read: number; compute: number; write: number };
}

export interface AnalyzeOptions extends Omit<MetricsOptions, "betweenness"> {
  database?: string;
  batchSize?: number;
  /** "auto" (default): only for graphs up to BETWEENNESS_AUTO_MAX_NODES entities. */
  betweenness?: boolean | "auto";
}

type MetricsRow = Omit<NodeMetrics, "betweenness"> & { id: string; betweenness: number | null | undefined };

/** Transactions writing metrics at the same time: their nodes are disjoint, so they never wait for each other. */
const WRITERS = 2;

/**
 * Writes each node's metrics, in batches of one label each, so every row is one seek in that label's unique id
 * index (a row matched through all five entity labels seeks five indexes and deduplicates the hits). Batches
 * hold disjoint nodes, so WRITERS of them run at once; an id whose prefix names no label goes through all five.
 */
async function writeMetrics(driver: Driver, rows: MetricsRow[], batchSize: number, database?: string): Promise<void> {
  const byLabel = new Map<string, MetricsRow[]>();
  for (const row of rows) {
    const label = labelFromId(row.id);
    const key = label && label !== "Article" ? label : ENTITY;
    let list = byLabel.get(key);
    if (!list) byLabel.set(key, (list = []));
    list.push(row);
  }
  const batches = [...byLabel].flatMap(([label, list]) => chunk(list, batchSize).map((rows) => ({ label, rows })));
  const write = (label: string) => `UNWIND $rows AS row
     MATCH (n:${label} {id: row.id})
     SET n.degree = toInteger(row.degree), n.pagerank = toFloat(row.pagerank), n.community = toInteger(row.community),
         n.betweenness = toFloat(row.betweenness)
     RETURN count(n) AS written`;
  let next = 0;
  const writer = async () => {
    const session = driver.session({ database, defaultAccessMode: "WRITE" });
    try {
      for (let b = next++; b < batches.length; b = next++) {
        const { label, rows: batch } = batches[b]!;
        await session.executeWrite(async (tx) => {
          const result = await tx.run(write(label), { rows: batch });
          // A node whose label is not the one its id's prefix names is found through all five (same SETs again).
          if (label !== ENTITY && Number(result.records[0]?.get("written")) < batch.length)
            await tx.run(write(ENTITY), { rows: batch });
        });
      }
    } finally {
      await session.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITERS, batches.length) }, writer));
}

/** Reads the entity graph, computes the metrics and writes them back as node properties. */
export async function analyzeGraph(driver: Driver, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const t0 = performance.now();
  const graph = await readEntityGraph(driver, options.database);
  const t1 = performance.now();
  const { metrics, betweenness: wantBetweenness } = graphMetrics(graph, options);
  const t2 = performance.now();
  const rows = Object.entries(metrics).map(([id, m]) => ({ id, betweenness: null, ...m }));
  const batchSize = options.batchSize ?? 5000;
  try {
    await writeMetrics(driver, rows, batchSize, options.database);
  } catch (error) {
    throw new Neo4jLoadError(
      `graph/analyze: writing metrics back to Neo4j failed: ${String(error)}; run \`jianwen analyze\` again`,
      true,
      {
        cause: error,
      },
    );
  }
  const t3 = performance.now();
  return {
    nodes: graph.order,
    edges: graph.size,
    communities: new Set(rows.map((r) => r.community)).size,
    betweenness: wantBetweenness,
    elapsedMs: { read: Math.round(t1 - t0), compute: Math.round(t2 - t1), write: Math.round(t3 - t2) },
  };
}
