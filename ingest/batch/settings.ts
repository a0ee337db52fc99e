// Settings of a batch ingest run (sigma-style triad): interface, defaults, and a resolver that checks every
// value before any file is read or any connection opened.
import { availableParallelism } from "node:os";
import { SettingsError } from "../../core/errors.js";

export interface Shard {
  /** 1-based: this process takes the inputs whose content hash falls in shard `index` of `count`. */
  index: number;
  count: number;
}

export interface IngestSettings {
  /** Rows per Neo4j write transaction (one UNWIND … MERGE statement). */
  batchSize: number;
  /** Articles gathered into one load: their entities are merged before writing, then written together. */
  batchArticles: number;
  /** Extraction threads; 0 extracts on the main thread. */
  workers: number;
  /** Loads written to Neo4j at the same time. */
  concurrency: number;
  shard: Shard | null;
  /** Use the trained tagger besides the rules and gazetteers. */
  model: boolean;
  /** Run analyzeGraph (metrics, communities) after the load. */
  analyze: boolean;
  /** How many times a load that failed with a transient error is tried again (beyond the driver's own retries). */
  loadRetries: number;
  /** Write each load in one transaction, so a failure mid-load leaves nothing of it (ingest/batch/atomic.ts). */
  atomicLoads: boolean;
}

export const DEFAULT_INGEST_SETTINGS: IngestSettings = {
  // Each load is ~20 statements whatever its size, so big loads amortise the per-transaction cost.
  batchSize: 5000,
  batchArticles: 1000,
  workers: Math.max(1, availableParallelism()),
  // Two loads at once lock the same hub entities (中国, 北京…) and deadlock into the driver's retry backoff;
  // one writer while the workers extract is faster on a single server.
  concurrency: 1,
  shard: null,
  model: true,
  analyze: true,
  loadRetries: 3,
  atomicLoads: false,
};

export function resolveIngestSettings(partial: Partial<IngestSettings> = {}): IngestSettings {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const settings: IngestSettings = { ...DEFAULT_INGEST_SETTINGS, ...defined };
  positive("--batch-size", settings.batchSize, 1);
  positive("--batch-articles", settings.batchArticles, 1);
  positive("--workers", settings.workers, 0);
  positive("--concurrency", settings.concurrency, 1);
  positive("load retries", settings.loadRetries, 0);
  const shard = settings.shard;
  if (
    shard &&
    !(Number.isInteger(shard.index) && Number.isInteger(shard.count) && shard.index >= 1 && shard.index <= shard.count)
  ) {
    throw new SettingsError(`ingest/batch: shard ${shard.index}/${shard.count} is not I/N with 1 <= I <= N`);
  }
  return settings;
}

/** Parses "--shard 2/4". */
export function parseShard(text: string): Shard {
  const parts = text.split("/");
  const [index, count] = parts.map((p) => (/^\s*\d+\s*$/.test(p) ? Number(p) : Number.NaN));
  if (parts.length !== 2 || index === undefined || count === undefined || !(index >= 1 && index <= count)) {
    throw new SettingsError(
      `ingest/batch: --shard "${text}" is not I/N with 1 <= I <= N; e.g. --shard 1/3 on the first of three machines`,
    );
  }
  return { index, count };
}

/** Parses a whole-number option such as --workers 2. */
export function parseCount(option: string, text: string, min = 1): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  positive(option, value, min);
  return value;
}

function positive(option: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new SettingsError(`ingest/batch: ${option} must be a whole number of at least ${min}, got ${String(value)}`);
  }
}
