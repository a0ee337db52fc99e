// Public surface of db/: a local Neo4j for development, tests and benches (`jianwen db start|stop|status`).
export { ensureNeo4j, neo4jStatus, startNeo4j, stopNeo4j } from "./server.js";
export type { DbCallOptions, DbStatus, Neo4jHandle, StartResult, StopResult } from "./server.js";
export { ensureLauncherBuilt, findProjectRoot, launcherDir, launcherIsStale } from "./launcher.js";
export {
  boltUri,
  dbPaths,
  DEFAULT_DB_SETTINGS,
  DEFAULT_PORT,
  parsePort,
  resolveDbSettings,
  type DbPaths,
  type DbSettings,
} from "./options.js";
export {
  cancelImport,
  importArguments,
  importDocker,
  importFilePath,
  importOutcome,
  schemaApplied,
  standbyOutcome,
  writeImportFile,
  writeSchemaFile,
  type ImportRun,
} from "./bulk-import.js";
export { isLauncherProcess, readPidRecord } from "./process.js";
