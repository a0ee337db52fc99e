// Graph metrics over the entity graph, pure graphology with no database: degree, PageRank, Louvain communities
// and betweenness, in graphology's style — `computeMetrics(graph)` returns a mapping,
// `computeMetrics.assign(graph)` writes node attributes. Reading the graph from Neo4j and writing the metrics
// back is graph/analyze.ts.
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import type { AbstractGraph } from "graphology-types";
import type { EntityType, RelationType } from "../core/model.js";

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
