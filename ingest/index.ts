// The ingest folder's one import surface.
export {
  EXTRACT_STAGES,
  extractDocument,
  mergeDocs,
  newStageTimes,
  type ExtractOptions,
  type ExtractStage,
  type StageTimes,
} from "./pipeline.js";
export type { RawDocument, RawMeta } from "./types.js";
export type { SpanTagger } from "./mentions/index.js";
export { loadTagger } from "./tagger.js";
export { loadSegmenter } from "./segmenter.js";
