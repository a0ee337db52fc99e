// Graph analytics over the entity graph: degree, PageRank and Louvain communities, in graphology's style —
// `computeMetrics(graph)` returns a mapping, `computeMetrics.assign(graph)` writes node attributes — and
// `analyzeGraph(driver)`, which reads the graph from Neo4j, computes them and writes `degree`, `pagerank` and
// `community` back onto the nodes in UNWIND batches so Cypher and the explorer can rank and colour by them.
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import type { AbstractGraph } from "graphology-types";
import type { Driver } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import { RELATION_TYPES, type EntityType, type RelationType } from "../core/model.js";

export interface EntityAttributes {
  type: EntityType;
  name: string;
  degree?: number;
  pagerank?: number;
  community?: number;
}

export interface RelationAttributes {
  /** Articles stating each fact between the two entities, summed over their facts. */
  weight: number;
  types: RelationType[];
}

export interface CorpusAttributes {
  source?: string;
}

export type EntityGraph = AbstractGraph<EntityAttributes, RelationAttributes, CorpusAttributes>;

// Both packages are CommonJS whose module.exports is the function; their .d.ts declare it as `export default`,
// which TypeScript's NodeNext resolution reads as a namespace holding `default`. At run time the import is the function.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;
const betweenness = betweennessModule as unknown as typeof betweennessModule.default;

export interface NodeMetrics {
  degree: number;
  pagerank: number;
  community: number;
  /** Normalized betweenness, when asked for: it costs O(nodes × links). */
  betweenness?: number;
}

export interface MetricsOptions {
  /** Seed for Louvain's random walk, so the same graph gets the same communities. */
  seed?: number;
  betweenness?: boolean;
}

/** Graphs up to this many entities get betweenness by default (about 18 s for 15,000 on two busy cores). */
export const BETWEENNESS_AUTO_MAX_NODES = 5000;

/** Entities are linked by the facts between them (posts, meetings, places, projects), not by shared articles. */
export const FACT_TYPES: RelationType[] = RELATION_TYPES.filter((t) => t !== "MENTIONS" && t !== "REPORTED");

export function createEntityGraph(): EntityGraph {
  return new UndirectedGraph<EntityAttributes, RelationAttributes, CorpusAttributes>({ allowSelfLoops: false });
}

/** A small deterministic PRNG (mulberry32) for Louvain. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function compute(graph: EntityGraph, options: MetricsOptions = {}): Record<string, NodeMetrics> {
  const out: Record<string, NodeMetrics> = {};
  if (graph.order === 0) return out;
  const ranks = graph.size > 0 ? pagerank(graph, { getEdgeWeight: "weight" }) : {};
  const communities =
    graph.size > 0 ? louvain(graph, { getEdgeWeight: "weight", rng: seeded(options.seed ?? 42) }) : {};
  // Isolated nodes get their own community number after Louvain's, and the uniform rank PageRank would give them.
  let nextCommunity = Math.max(-1, ...Object.values(communities)) + 1;
  const between = options.betweenness ? betweenness(graph, { normalized: true }) : undefined;
  graph.forEachNode((node) => {
    out[node] = {
      degree: graph.degree(node),
      pagerank: ranks[node] ?? 1 / graph.order,
      community: communities[node] ?? nextCommunity++,
    };
    if (between) out[node]!.betweenness = between[node] ?? 0;
  });
  return out;
}

export const computeMetrics = Object.assign(compute, {
  assign(graph: EntityGraph, options: MetricsOptions = {}): void {
    const metrics = compute(graph, options);
    for (const [node, m] of Object.entries(metrics)) graph.mergeNodeAttributes(node, m);
  },
});

/** Reads every entity and the fact relationships among them into an undirected, weighted graphology graph. */
export async function readEntityGraph(driver: Driver, database?: string): Promise<EntityGraph> {
  const graph = createEntityGraph();
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const nodes = await session.run(
      "MATCH (n:Person|Organization|Place|Project|Meeting) RETURN n.id AS id, labels(n)[0] AS type, n.name AS name",
    );
    for (const r of nodes.records)
      graph.mergeNode(r.get("id") as string, { type: r.get("type") as EntityType, name: String(r.get("name") ?? "") });
    const edges = await session.run(
      `MATCH (s:Person|Organization|Place|Project|Meeting)-[r]->(t:Person|Organization|Place|Project|Meeting)
       WHERE type(r) IN $types AND s <> t
       // A fact weighs as many articles as state it (older per-article relationships weigh one each).
       RETURN s.id AS source, t.id AS target, type(r) AS type, sum(coalesce(r.articles, 1)) AS weight`,
      { types: FACT_TYPES },
    );
    for (const r of edges.records) {
      const source = r.get("source") as string;
      const target = r.get("target") as string;
      const weight = Number(r.get("weight"));
      const type = r.get("type") as RelationType;
      graph.updateEdge(source, target, (attr) => ({
        weight: (attr.weight ?? 0) + weight,
        types: attr.types?.includes(type) ? attr.types : [...(attr.types ?? []), type],
      }));
    }
  } catch (error) {
    throw new Neo4jLoadError(`graph/metrics: reading the entity graph from Neo4j failed: ${String(error)}`, false, {
      cause: error,
    });
  } finally {
    await session.close();
  }
  return graph;
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

/** Reads the entity graph, computes the metrics and writes them back as node properties. */
export async function analyzeGraph(driver: Driver, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const t0 = performance.now();
  const graph = await readEntityGraph(driver, options.database);
  const t1 = performance.now();
  const wantBetweenness =
    options.betweenness === "auto" || options.betweenness === undefined
      ? graph.order <= BETWEENNESS_AUTO_MAX_NODES
      : options.betweenness;
  const metrics = computeMetrics(graph, { seed: options.seed, betweenness: wantBetweenness });
  const t2 = performance.now();
  const rows = Object.entries(metrics).map(([id, m]) => ({ id, betweenness: null, ...m }));
  const batchSize = options.batchSize ?? 5000;
  const session = driver.session({ database: options.database, defaultAccessMode: "WRITE" });
  try {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      await session.executeWrite((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MATCH (n:Person|Organization|Place|Project|Meeting {id: row.id})
           SET n.degree = toInteger(row.degree), n.pagerank = toFloat(row.pagerank), n.community = toInteger(row.community),
               n.betweenness = toFloat(row.betweenness)`,
          { rows: batch },
        ),
      );
    }
  } catch (error) {
    throw new Neo4jLoadError(
      `graph/metrics: writing metrics back to Neo4j failed: ${String(error)}; run \`jianwen analyze\` again`,
      true,
      {
        cause: error,
      },
    );
  } finally {
    await session.close();
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
