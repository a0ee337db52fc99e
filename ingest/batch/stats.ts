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
  /** Time at least one load was writing (the union of their spans, so concurrent loads are not counted twice). */
  writeMs: number;
  analyzeMs: number;
  batches: number;
  /** Every load in the order it finished: when it began (ms after the run started), its rows and its write time. */
  loads: LoadRecord[];
  failures: FailureRecord[];
  ignored: { file: string; reason: string }[];
  /** Metadata the read stage set aside (an author field that is no list of names …); the input was still read. */
  warnings: { file: string; line?: number; message: string }[];
  startedAt: number;
}

/** One load of a run: a fresh server's first loads are slower than the rest, and the report shows by how much. */
export interface LoadRecord {
  /** Milliseconds after the run started that the load began writing. */
  atMs: number;
  articles: number;
  rows: number;
  writeMs: number;
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
    loads: [],
    failures: [],
    ignored: [],
    warnings: [],
    startedAt: Date.now(),
  };
}

/** Total length of the union of [start, end] spans, in the spans' unit. */
export function unionLength(spans: readonly (readonly [number, number])[]): number {
  const sorted = [...spans].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [from, to] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [a, b] of sorted) {
    if (a > to) {
      if (to > from) total += to - from;
      [from, to] = [a, b];
    } else to = Math.max(to, b);
  }
  if (to > from) total += to - from;
  return total;
}
