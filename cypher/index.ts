// Public surface of cypher/: the Neo4j driver settings, schema, loader, retries, query library, the read-only
// runner and result formatting. Other folders import from here only.
export {
  DEFAULT_NEO4J_URI,
  NO_AUTH,
  authFor,
  boltAnswers,
  closeDriver,
  connectionSettingsFromEnv,
  openDriver,
  tcpAccepts,
  toNeo4jLoadError,
  type Neo4jConnectionSettings,
  type OpenDriverOptions,
} from "./driver.js";
export { applySchema, awaitSearchIndexes, isSchemaRace, schemaStatements, type SchemaOptions } from "./schema.js";
export { emptyGraph } from "./empty.js";
export {
  loadGraphDoc,
  loadPlan,
  nodeMergeQuery,
  relationshipMergeQuery,
  writeArticlesAndLinks,
  writeEntities,
  writeFacts,
  factBatches,
  settleInOrder,
  DEFAULT_BATCH_SIZE,
  FETCH_ALL,
  type LoadCounts,
  type LoadOptions,
} from "./load.js";
export {
  chunk,
  isNodeLabel,
  labelFromId,
  planLoad,
  NODE_LABELS,
  ENTITY_LABEL_EXPR,
  type LoadPlan,
  type NodeLabel,
} from "./load-plan.js";
export {
  EVIDENCE_CAP,
  FACT_TYPES,
  LINK_TYPES,
  factEdgeId,
  factKey,
  factSummary,
  foldFacts,
  type Fact,
} from "./facts.js";
export { isTransient, isUnavailable, withRetries, type RetryOptions } from "./retry.js";
export { migrateGraph, type MigrateCounts, type MigrateOptions } from "./migrate.js";
export {
  bindParams,
  coerceParam,
  getNamedQuery,
  loadQueryLibrary,
  type NamedQuery,
  type ParamType,
  type QueryParam,
} from "./library.js";
export {
  DEFAULT_READONLY,
  assertReadOnly,
  explainQuery,
  runReadOnly,
  toQueryError,
  type ReadOnlyOptions,
  type ReadOnlyResult,
} from "./readonly.js";
export { formatRows, OUTPUT_FORMATS, type OutputFormat } from "./format.js";
export { toPlain } from "./values.js";
export { projectRoot } from "./files.js";
export * from "./curation/index.js";
export { ARRAY_DELIMITER_OPTION, writeImportFiles, type ImportFiles } from "./bulk-csv.js";
