// Batch ingest, composed: settings → run (read, extract in workers, write in batches) → analyze → summary and
// run report. The CLI's `ingest` command, the benchmark and the integration tests all call ingestPaths.
import type { Driver } from "neo4j-driver";
import { Neo4jLoadError } from "../../core/errors.js";
import { ENTITY_TYPES } from "../../core/model.js";
import { awaitSearchIndexes, withRetries } from "../../cypher/index.js";
import { type PartialReadSettings, resolveReadSettings } from "../read/index.js";
import { startProgress, type ProgressMode } from "./progress.js";
import { summarize, writeReport, type GraphTotals, type IngestSummary } from "./report.js";
import { runIngest } from "./run.js";
import { resolveIngestSettings, type IngestSettings } from "./settings.js";
import { newStats, type IngestStats } from "./stats.js";
import type { ApplyReport } from "../../cypher/index.js";
import type { WorkerStats } from "./pool.js";
import { serverGone } from "./writer.js";

export {
  DEFAULT_INGEST_SETTINGS,
  resolveIngestSettings,
  parseShard,
  parseCount,
  type IngestSettings,
  type Shard,
} from "./settings.js";
export { defaultReportPath, summaryText, type IngestSummary, type GraphTotals } from "./report.js";
export type { ProgressMode } from "./progress.js";
export type { FailureRecord, IngestStats } from "./stats.js";
export { contentHash, shardOf, inShard } from "./shard.js";
export { bulkIngestPaths, findBulkTarget, type BulkTarget } from "./bulk.js";

export interface IngestOptions {
  driver: Driver;
  database?: string | undefined;
  settings?: Partial<IngestSettings>;
  read?: PartialReadSettings;
  /** Default "quiet". */
  progress?: ProgressMode;
  /** Where to write the run report; null writes none. */
  report?: string | null;
  /** A curation file whose decisions are applied after the loads (cypher/curation); absent or null applies none. */
  curation?: string | null;
}

export interface IngestOutcome {
  summary: IngestSummary;
  stats: IngestStats;
  workers: WorkerStats[];
  reportFile: string | null;
  /** What applying the curation file did, when one was given. */
  curation?: ApplyReport;
}

export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestOutcome> {
  const settings = resolveIngestSettings(options.settings);
  // Checked here too, so a bad --encoding fails before the schema or the workers are touched.
  resolveReadSettings(options.read);
  // A damaged curation file is refused before anything is read or written, not after the loads.
  if (options.curation) await (await import("../../cypher/index.js")).readCuration(options.curation);
  const stats = newStats();
  const display = startProgress(options.progress ?? "quiet", stats);
  let workers: WorkerStats[];
  try {
    const result = await runIngest(options.driver, paths, {
      settings,
      read: options.read,
      database: options.database,
      stats,
      onFailure: (failure) => display.failure(failure),
    });
    workers = result.workers;
  } catch (error) {
    // The run stopped: what it did and which inputs failed still go into the report, beside the reason.
    if (options.report) {
      const stoppedBy = error instanceof Error ? error.message : String(error);
      const content = { inputs: paths, settings, summary: summarize(stats, null), stats, workers: [], stoppedBy };
      await writeReport(options.report, content).catch(() => undefined);
    }
    throw error;
  } finally {
    display.stop();
  }
  // The loads did not wait for the full-text indexes (cypher/schema.cypher); a search after the run finds all of it.
  await awaitSearchIndexes(options.driver, options.database);
  // Corrections stick: whatever this run brought back (a rejected node, a merged one) is corrected again.
  const curation = options.curation
    ? await applyCurationFile(options.driver, options.curation, options.database)
    : undefined;
  const curated = curation?.results.some((r) => r.outcome === "applied" || r.outcome === "reverted") ?? false;
  if (settings.analyze && (stats.articlesNew > 0 || curated)) {
    const began = performance.now();
    const { analyzeGraph } = await import("../../graph/index.js");
    // Shards that finish together analyze together; their metric writes touch the same nodes and may deadlock.
    await withRetries(() => analyzeGraph(options.driver, { database: options.database }), {
      attempts: 4,
      baseMs: 1000,
      retryOn: (error) => error instanceof Neo4jLoadError && error.retriable && !serverGone(error),
    });
    stats.analyzeMs = performance.now() - began;
  }
  const summary = summarize(stats, await graphTotals(options.driver, options.database));
  const reportFile = options.report ?? null;
  if (reportFile)
    await writeReport(reportFile, {
      inputs: paths,
      settings,
      summary,
      stats,
      workers,
      ...(curation ? { curation } : {}),
    });
  return { summary, stats, workers, reportFile, ...(curation ? { curation } : {}) };
}

async function applyCurationFile(driver: Driver, path: string, database: string | undefined): Promise<ApplyReport> {
  const { readCuration } = await import("../../cypher/index.js");
  const { applyCuration } = await import("../../cypher/index.js");
  return applyCuration(driver, (await readCuration(path)).decisions, { database });
}

const ENTITY_LABELS = ENTITY_TYPES.map((t) => `n:${t}`).join(" OR ");

/** Counts from the count store: cheap even on a large graph. */
export async function graphTotals(driver: Driver, database?: string): Promise<GraphTotals> {
  const one = async (query: string) => {
    const { records } = await driver.executeQuery(query, {}, { routing: "READ", database });
    return Number(records[0]?.get("n") ?? 0);
  };
  return {
    articles: await one("MATCH (n:Article) RETURN count(n) AS n"),
    entities: await one(`MATCH (n) WHERE ${ENTITY_LABELS} RETURN count(n) AS n`),
    relationships: await one("MATCH ()-[r]->() RETURN count(r) AS n"),
  };
}
