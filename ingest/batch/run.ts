// The batch ingest run: read → (shard) → extract in the worker pool → gather batches → write to Neo4j.
// Every stage is bounded (documents in flight ≤ the pool's capacity, a few loads gathering, ≤ concurrency writes),
// so memory stays flat on an archive of any size. Failures of one input are recorded and the run goes on; a
// failure of the run itself (the schema refused, Neo4j gone, an extraction worker dead) stops it: nothing more
// is read, the writes in flight settle, the workers are terminated and the error is thrown.
import { stat } from "node:fs/promises";
import type { Driver } from "neo4j-driver";
import { applySchema } from "../../cypher/index.js";
import { EXTRACT_STAGES } from "../pipeline.js";
import { expandPaths, isReadFailure, readPaths, type PartialReadSettings } from "../read/index.js";
import { createPool, type PoolOptions, type WorkerStats } from "./pool.js";
import type { IngestSettings } from "./settings.js";
import { inShard } from "./shard.js";
import { newStats, unionLength, type FailureRecord, type IngestStats } from "./stats.js";
import { writeBatch, type BatchOutcome, type LoadEntry } from "./writer.js";

/** Loads' worth of extracted documents that may wait for the writer before extraction pauses (memory stays bounded). */
export const BACKLOG_LOADS = 3;

export interface IngestRunOptions {
  settings: IngestSettings;
  read?: PartialReadSettings;
  database?: string | undefined;
  /** Live counters, created by the caller when it wants to poll them (progress display). */
  stats?: IngestStats;
  onFailure?: (failure: FailureRecord) => void;
  /** How the extraction pool is built (its worker script); tests give a worker that dies. */
  pool?: PoolOptions;
  /**
   * Where gathered batches go instead of Neo4j's batched MERGE: `ingest --bulk` collects them for the offline
   * importer (ingest/batch/bulk.ts). The schema is then not applied up front either.
   */
  write?: (entries: LoadEntry[]) => Promise<BatchOutcome>;
}

export interface IngestResult {
  stats: IngestStats;
  workers: WorkerStats[];
}

export async function runIngest(
  driver: Driver,
  paths: readonly string[],
  options: IngestRunOptions,
): Promise<IngestResult> {
  const { settings } = options;
  const stats = options.stats ?? newStats();
  const fail = (failure: FailureRecord) => {
    stats.failures.push(failure);
    options.onFailure?.(failure);
  };
  if (!options.write) await applySchema(driver, { database: options.database });
  stats.bytesTotal = await totalBytes(paths);
  const pool = await createPool(settings.workers, settings.model, options.pool);
  const writer = {
    batchSize: settings.batchSize,
    loadRetries: settings.loadRetries,
    atomicLoads: settings.atomicLoads,
    database: options.database,
  };
  const extractions = new Set<Promise<void>>();
  const writes = new Set<Promise<void>>();
  let gathering: LoadEntry[] = [];
  let gatheredArticles = 0;
  let draining = false;
  /** The first error that ends the run; checked between documents. */
  let fatal: Error | undefined;
  const stopOn = (error: Error) => (fatal ??= error);
  pool.onFatal(stopOn);

  // Extraction of the next batch overlaps the write of the current one; a full batch waits for a free writer.
  // The first load is small: a fresh server plans its queries and warms up on it while extraction goes on.
  let loadsStarted = 0;
  const writeSpans: [number, number][] = [];
  let unspannedWriteMs = 0;
  const full = () =>
    gatheredArticles >= (loadsStarted === 0 ? Math.min(100, settings.batchArticles) : settings.batchArticles);
  // Documents extracted while the writer is busy wait here for the next load; extraction stalls only when this
  // backlog holds BACKLOG_LOADS loads. A fresh server writes its first loads slowly (its JIT is still compiling the
  // write path): with room for one load only, the workers idled through them.
  const backlogged = () => gatheredArticles >= settings.batchArticles * BACKLOG_LOADS;
  const maybeWrite = () => {
    while (!fatal && writes.size < settings.concurrency && gathering.length > 0 && (full() || draining)) startWrite();
  };

  // A load takes the documents gathered up to its size: those extracted while the writer was busy wait for the
  // next load, so a load never exceeds --batch-articles by more than its last document.
  const startWrite = () => {
    const limit = loadsStarted === 0 ? Math.min(100, settings.batchArticles) : settings.batchArticles;
    let taken = 0;
    let articles = 0;
    while (taken < gathering.length && articles < limit) articles += gathering[taken++]!.doc.articles.length;
    const entries = gathering.slice(0, taken);
    loadsStarted++;
    gathering = gathering.slice(taken);
    gatheredArticles -= articles;
    if (entries.length === 0) return;
    const job = (options.write ? options.write(entries) : writeBatch(driver, entries, writer)).then(
      (outcome) => {
        stats.batches++;
        stats.articlesNew += outcome.articlesNew;
        stats.articlesSkipped += outcome.articlesSkipped;
        stats.nodesCreated += outcome.nodesCreated;
        stats.relationshipsCreated += outcome.relationshipsCreated;
        stats.rowsWritten += outcome.rows;
        stats.loads.push({
          atMs: Math.round(
            performance.timeOrigin + (outcome.writeSpan?.[0] ?? performance.now() - outcome.writeMs) - stats.startedAt,
          ),
          articles: outcome.articlesNew,
          rows: outcome.rows,
          writeMs: Math.round(outcome.writeMs),
        });
        if (outcome.writeSpan) writeSpans.push(outcome.writeSpan);
        else unspannedWriteMs += outcome.writeMs;
        stats.writeMs = unionLength(writeSpans) + unspannedWriteMs;
        stats.gatherMs += outcome.gatherMs;
        for (const { entry, error } of outcome.failures) {
          fail({ ...where(entry.file, entry.line), stage: "load", reason: "neo4j", message: error.message });
        }
      },
      (error: unknown) => {
        // The batch could not be written at all (server gone): every input in it is reported, and the run stops.
        const message = error instanceof Error ? error.message : String(error);
        for (const entry of entries)
          fail({ ...where(entry.file, entry.line), stage: "load", reason: "neo4j", message });
        stopOn(error instanceof Error ? error : new Error(message));
      },
    );
    const tracked = job.finally(() => {
      writes.delete(tracked);
      maybeWrite();
    });
    writes.add(tracked);
  };

  try {
    const reading = timed(
      readPaths(paths, {
        ...options.read,
        onBytes: (n) => (stats.bytesRead += n),
        onSkip: (file, reason) => stats.ignored.push({ file, reason }),
      }),
      (ms) => (stats.readMs += ms),
    );
    for await (const item of reading) {
      if (isReadFailure(item)) {
        fail({ ...where(item.file, item.line), stage: "read", reason: item.reason, message: item.error.message });
        continue;
      }
      if (fatal) break;
      for (const message of item.warnings ?? [])
        stats.warnings.push({ ...where(item.origin.file, item.origin.line), message });
      stats.documentsRead++;
      if (!inShard(item, settings.shard)) {
        stats.documentsOtherShard++;
        continue;
      }
      while (!fatal && (extractions.size >= pool.capacity || backlogged()))
        await Promise.race([...extractions, ...writes]);
      if (fatal) break;
      const origin = item.origin;
      const job = pool.extract(item).then((result) => {
        stats.extractMs += result.ms;
        if (result.stages) for (const stage of EXTRACT_STAGES) stats.stageMs[stage] += result.stages[stage];
        if (!result.ok) {
          fail({
            ...where(origin.file, origin.line),
            stage: "extract",
            reason: "extraction",
            message: result.error.message,
          });
          return;
        }
        stats.documentsExtracted++;
        stats.charsExtracted += result.chars;
        stats.articlesRead += result.doc.articles.length;
        gathering.push({ file: origin.file, line: origin.line, doc: result.doc });
        gatheredArticles += result.doc.articles.length;
        maybeWrite();
      });
      const tracked = job.finally(() => extractions.delete(tracked));
      extractions.add(tracked);
    }
    await Promise.all(extractions);
    draining = true;
    maybeWrite();
    while (writes.size > 0 || (gathering.length > 0 && !fatal)) {
      await Promise.race(writes);
      maybeWrite();
    }
    if (fatal) throw fatal;
    return { stats, workers: await pool.stats() };
  } finally {
    await pool.close();
  }
}

/** The items of `source`, with the time spent waiting on each one added up by `add`. */
async function* timed<T>(source: AsyncIterable<T>, add: (ms: number) => void): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const began = performance.now();
      const next = await iterator.next();
      add(performance.now() - began);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

function where(file: string, line: number | undefined): { file: string; line?: number } {
  return line === undefined ? { file } : { file, line };
}

/** Sum of the input files' sizes, for the progress bar's ETA; directories and globs are walked once more. */
async function totalBytes(paths: readonly string[]): Promise<number> {
  let total = 0;
  for await (const source of expandPaths(paths)) {
    if ("kind" in source || source.path === null) continue;
    total += await stat(source.path).then(
      (s) => s.size,
      () => 0,
    );
  }
  return total;
}
