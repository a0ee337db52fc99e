// Corrections to the graph: the curation file (file.ts), how its decisions are written to Neo4j (apply.ts), and
// how a request becomes a decision (record.ts). Other folders import these through cypher/index.ts.
export {
  DEFAULT_CURATION_FILE,
  appendDecision,
  curationPath,
  describeDecision,
  effectiveDecisions,
  parseCuration,
  readCuration,
  type CurationFile,
  type Decision,
  type DecisionInput,
} from "./file.js";
export { applyCuration, type ApplyReport, type Outcome } from "./apply.js";
export { prepareDecision, recordAndApply, type DecisionRequest } from "./record.js";
