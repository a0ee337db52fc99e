// Public surface of cypher/: schema, loader, query library and the read-only runner. Other folders import from here.
export { applySchema } from "./schema.js";
export { emptyGraph } from "./empty.js";
export { loadGraphDoc, DEFAULT_BATCH_SIZE, type LoadCounts, type LoadOptions } from "./load.js";
export { planLoad, NODE_LABELS, type NodeLabel } from "./load-plan.js";
export { loadQueryLibrary, getNamedQuery, bindParams, type NamedQuery, type QueryParam } from "./library.js";
export { runReadOnly, assertReadOnly, explainQuery, type ReadOnlyOptions, type ReadOnlyResult } from "./readonly.js";
export { analyzeGraph, type AnalyzeResult } from "../graph/metrics.js";
export * from "./curation/index.js";
