// Public surface of graph/: graph metrics (pure graphology, metrics.ts; read from and written to Neo4j, analyze.ts) and the exports of a graph (API shape, static site,
// subgraphs read from Neo4j). Other folders import from here only.
export {
  computeMetrics,
  createEntityGraph,
  type EntityGraph,
  type MetricsOptions,
  type NodeMetrics,
} from "./metrics.js";
export {
  addFact,
  analyzeGraph,
  graphMetrics,
  readEntityGraph,
  type AnalyzeOptions,
  type AnalyzeResult,
} from "./analyze.js";
export { edgeId, graphDocToApiGraph, type ToApiGraphOptions } from "./export-api.js";
export { readGraphDocFile } from "./export-input.js";
export { readSubgraph, type SubgraphChoice } from "./export-neo4j.js";
export { bundleScript, defaultExplorerDir, makeBundle, writeStaticSite, type SiteReport } from "./export-site.js";
