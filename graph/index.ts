// Public surface of graph/: graph metrics (graphology) and the exports of a graph (API shape, static site,
// subgraphs read from Neo4j). Other folders import from here only.
export {
  analyzeGraph,
  computeMetrics,
  createEntityGraph,
  readEntityGraph,
  type AnalyzeOptions,
  type AnalyzeResult,
  type EntityGraph,
  type MetricsOptions,
  type NodeMetrics,
} from "./metrics.js";
export { edgeId, graphDocToApiGraph, type ToApiGraphOptions } from "./export-api.js";
export { readGraphDocFile } from "./export-input.js";
export { parseParams, readSubgraph, type SubgraphChoice } from "./export-neo4j.js";
export { bundleScript, defaultExplorerDir, makeBundle, writeStaticSite, type SiteReport } from "./export-site.js";
