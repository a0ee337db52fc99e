// The live counters of an ingest run and the records of what failed: what the progress display polls and the
// run report is written from.
import { newStageTimes, type StageTimes } from "../pipeline.js";

export type FailureStage = "read" | "extract" | "load";

export interface FailureRecord {
  file: string;
  line?: number;
  stage: FailureStage;
  /** Short code: a read reason (missing, binary, …), "extraction" or "neo4j". */
  reason: string;
  message: string;
}

export interface IngestStats {
  /** Raw bytes consumed from the inputs, and their known total (0 when reading standard input). */
  bytesRead: number;
  bytesTotal: number;
  /** Documents (pages, articles, JSONL lines) read without error. */
  documentsRead: number;
  /** Documents left to other shards by --shard. */
  documentsOtherShard: number;
  documentsExtracted: number;
  articlesRead: number;
  articlesNew: number;
  articlesSkipped: number;
  nodesCreated: number;
  relationshipsCreated: number;
  rowsWritten: number;
  charsExtracted: number;
  /** Summed over workers: time spent inside extractDocument. */
  extractMs: number;
  /** Summed over workers: extractMs by stage (layout, split, mentions, model, relate, resolve). */
  stageMs: StageTimes;
  /** Main thread: time spent reading and decoding inputs (waiting on the reader, not on full queues). */
  readMs: number;
  /** Main thread: merging a load's documents and ordering its rows before the write. */
  gatherMs: number;
  writeMs: number;
  analyzeMs: number;
  batches: number;
  failures: FailureRecord[];
  ignored: { file: string; reason: string }[];
  /** Metadata the read stage set aside (an author field that is no list of names …); the input was still read. */
  warnings: { file: string; line?: number; message: string }[];
  startedAt: number;
}

export function newStats(): IngestStats {
  return {
    bytesRead: 0,
    bytesTotal: 0,
    documentsRead: 0,
    documentsOtherShard: 0,
    documentsExtracted: 0,
    articlesRead: 0,
    articlesNew: 0,
    articlesSkipped: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    rowsWritten: 0,
    charsExtracted: 0,
    extractMs: 0,
    stageMs: newStageTimes(),
    readMs: 0,
    gatherMs: 0,
    writeMs: 0,
    analyzeMs: 0,
    batches: 0,
    failures: [],
    ignored: [],
    warnings: [],
    startedAt: Date.now(),
  };
}
