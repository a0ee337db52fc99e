// `jianwen ingest --bulk`: the first load of a large archive into an EMPTY database through Neo4j's offline
// importer instead of batched MERGE. Reading and extraction are the normal run's (ingest/batch/run.ts, same
// workers, failures and progress); the extracted documents are merged and planned exactly as the normal writer
// plans a load (mergeDocs → planLoad), written as CSV (cypher/bulk-csv.ts) and imported with the database
// stopped (db/bulk-import.ts). The database is stopped as soon as it is found empty, so the stop overlaps
// extraction, and the embedded launcher is started again before extraction ends, standing by for the import file:
// it warms its importer and database up on a store of its own while the last articles are extracted and the CSV
// is written. The graph metrics that `jianwen analyze` stores are computed from the plan and imported with the
// nodes; the launcher then imports, starts the database and applies the schema. Later runs use the normal path,
// which finds the imported articles marked `ingested`.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import {
  applySchema,
  boltAnswers,
  closeDriver,
  openDriver,
  planLoad,
  withRetries,
  writeImportFiles,
  type ImportFiles,
  type LoadPlan,
  type Neo4jConnectionSettings,
} from "../../cypher/index.js";
import { InputError, Neo4jLoadError } from "../../core/errors.js";
import type { GraphDoc } from "../../core/model.js";
import {
  dbPaths,
  findProjectRoot,
  importDocker,
  cancelImport,
  importFilePath,
  importOutcome,
  isLauncherProcess,
  readPidRecord,
  resolveDbSettings,
  schemaApplied,
  standbyOutcome,
  startNeo4j,
  stopNeo4j,
  writeImportFile,
  writeSchemaFile,
  type StartResult,
} from "../../db/index.js";
import { mergeDocs } from "../pipeline.js";
import type { PartialReadSettings } from "../read/index.js";
import { resolveReadSettings } from "../read/index.js";
import { rates, startProgress, type ProgressMode } from "./progress.js";
import { summarize, writeReport, type IngestSummary } from "./report.js";
import { runIngest } from "./run.js";
import { resolveIngestSettings, type IngestSettings } from "./settings.js";
import { newStats } from "./stats.js";
import type { WorkerStats } from "./pool.js";
import { emptyOutcome, type BatchOutcome, type LoadEntry } from "./writer.js";
import { graphTotals, type IngestOutcome } from "./index.js";

/**
 * The embedded launcher is started when the estimated time left to read the input falls to this (seconds).
 * Reading runs ahead of extraction by up to three loads, so on the news corpus this is about 20 s before the CSV
 * is written: the launcher's warm-up (10–15 s) shares the cores with the last of the extraction, which ends 7–8 s
 * later for it, and the steps after extraction take 11–12 s less than with a cold launcher started after the CSV
 * (corpus, four alternations: 2–6 s less in all). Started later, the warm-up outlasted the single-threaded CSV
 * writing and slowed it (three runs, 2–6 s more than the cold launcher); started with the workers, 2 s less.
 */
const LAUNCH_LEAD_S = 5;

/** Which Neo4j the importer writes into: the embedded launcher on a port, or a docker compose service. */
export type BulkTarget =
  { kind: "embedded"; port: number; dataDir: string; projectRoot: string } | { kind: "docker"; service: string };

export interface BulkOptions {
  driver: Driver;
  /**
   * How the driver connected: the URI finds the launcher or container behind it, and after the import a new
   * driver is opened with these settings, since the old one's bookmarks name transactions of the replaced store.
   */
  connection: Neo4jConnectionSettings;
  database?: string | undefined;
  settings?: Partial<IngestSettings>;
  read?: PartialReadSettings;
  progress?: ProgressMode;
  report?: string | null;
  /** Default: found from the URI (a running `jianwen db start` launcher), else docker compose service "neo4j". */
  target?: BulkTarget;
  /** Progress lines of the import phases. */
  log?: (line: string) => void;
}

export interface BulkTiming {
  target: string;
  csvMs: number;
  stopMs: number;
  importMs: number;
  /** From the import's end to "ready", less the schema: the database's start on the imported store. */
  startMs: number;
  /**
   * Embedded launcher: its warm-up import and start on a small store of its own, which runs while the CSV is
   * written, and how long it then stood by for the import file (0: the CSV was ready first).
   */
  warmUpMs: number;
  standbyMs: number;
  schemaMs: number;
  /** Degree, PageRank and communities computed from the load (no analysis runs against Neo4j afterwards). */
  metricsMs: number;
  files: number;
  nodes: number;
  relationships: number;
  /** Relationship rows whose endpoint is neither an article nor an entity of the input (as the normal path). */
  missingEndpoints: number;
  importer: string;
}

/** Which launcher or container stands behind `uri`; an error says what --bulk needs when it is neither. */
export async function findBulkTarget(uri: string, service = "neo4j"): Promise<BulkTarget> {
  const match = /^(?:bolt|neo4j):\/\/(127\.0\.0\.1|localhost|\[::1\])(?::(\d+))?\/?$/.exec(uri.trim());
  const port = match ? Number(match[2] ?? 7687) : undefined;
  if (port !== undefined) {
    const projectRoot = findProjectRoot();
    const paths = dbPaths(projectRoot, resolveDbSettings({ port }));
    const record = readPidRecord(paths.pidFile);
    if (record && isLauncherProcess(record.pid)) return { kind: "embedded", port, dataDir: record.data, projectRoot };
    if (await composeServiceRunning(service)) return { kind: "docker", service };
  }
  throw new Neo4jLoadError(
    `ingest --bulk: ${uri} is neither a Neo4j started by \`jianwen db start\` nor the running docker compose service "${service}"; the offline importer writes the store files directly, so --bulk needs one of those two on this machine (use the normal ingest for any other server)`,
    false,
  );
}

function composeServiceRunning(service: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile("docker", ["compose", "ps", "-q", "--status", "running", service], { timeout: 10_000 }, (error, stdout) =>
      resolve(!error && stdout.trim().length > 0),
    );
  });
}

/** Refuses a database that holds any node: the importer replaces the whole store. */
export async function assertEmpty(driver: Driver, database?: string): Promise<void> {
  const { records } = await driver.executeQuery("MATCH (n) RETURN count(n) AS n", {}, { routing: "READ", database });
  const nodes = Number(records[0]?.get("n") ?? 0);
  if (nodes > 0) {
    throw new InputError(
      `ingest --bulk: the database holds ${nodes} nodes; --bulk only loads an empty database (the offline importer replaces the whole store). Add to an existing graph with \`jianwen ingest\` without --bulk`,
    );
  }
}

/**
 * Keeps what the normal writer would write: a document whose articles all came earlier is skipped as already
 * ingested (ingest/batch/writer.ts skips articles marked complete). Nothing is written here.
 */
function collector(docs: GraphDoc[]): (entries: LoadEntry[]) => Promise<BatchOutcome> {
  const seen = new Set<string>();
  return (entries) => {
    const all = entries.flatMap((e) => e.doc.articles.map((a) => a.id));
    const ids = [...new Set(all)];
    const fresh = ids.filter((id) => !seen.has(id));
    for (const entry of entries) if (entry.doc.articles.some((a) => !seen.has(a.id))) docs.push(entry.doc);
    for (const id of fresh) seen.add(id);
    return Promise.resolve({
      ...emptyOutcome(),
      articlesNew: fresh.length,
      articlesSkipped: all.length - fresh.length,
    });
  };
}

/** Drops relationship rows whose endpoint is not a node of the plan: the MERGE path's MATCH finds none either. */
export function dropMissingEndpoints(plan: LoadPlan): number {
  const ids = new Set<string>();
  for (const rows of plan.nodes.values()) for (const row of rows) ids.add(row.id);
  let dropped = 0;
  for (const group of plan.relationships) {
    const before = group.rows.length;
    if (group.kind === "link") group.rows = group.rows.filter((r) => ids.has(r.source) && ids.has(r.target));
    else group.rows = group.rows.filter((r) => ids.has(r.source) && ids.has(r.target));
    dropped += before - group.rows.length;
  }
  return dropped;
}

export async function bulkIngestPaths(paths: readonly string[], options: BulkOptions): Promise<IngestOutcome> {
  const settings = resolveIngestSettings(options.settings);
  resolveReadSettings(options.read);
  const log = options.log ?? (() => undefined);
  const { driver, database } = options;
  await assertEmpty(driver, database);
  const target = options.target ?? (await findBulkTarget(options.connection.uri));
  const timing: BulkTiming = {
    target:
      target.kind === "embedded"
        ? `embedded launcher on port ${target.port}`
        : `docker compose service ${target.service}`,
    csvMs: 0,
    stopMs: 0,
    importMs: 0,
    startMs: 0,
    warmUpMs: 0,
    standbyMs: 0,
    schemaMs: 0,
    metricsMs: 0,
    files: 0,
    nodes: 0,
    relationships: 0,
    missingEndpoints: 0,
    importer: "",
  };
  // The database is empty, so nothing is lost by stopping it now rather than after extraction: the stop overlaps
  // the workers' start, and no write can reach the store between the check above and the import.
  const stopBegan = performance.now();
  const stopping = stopTarget(target).then(() => {
    timing.stopMs = performance.now() - stopBegan;
  });
  // Awaited below; a failure to stop is reported once extraction has finished.
  stopping.catch(() => undefined);

  const work = await mkdtemp(join(tmpdir(), "jianwen-bulk-"));
  const stats = newStats();
  // The embedded launcher is started before the CSV is written and stands by for the import file (--await-import):
  // on a fresh JVM the importer and the database spend most of their time loading and compiling their own code,
  // which it does first on a small store of its own. It is started once little input is left to read, so that
  // warm-up runs mostly on the core the single-threaded CSV writing leaves free, not beside the workers.
  let launcher: Promise<StartResult> | undefined;
  let launchTimer: NodeJS.Timeout | undefined;
  let launch = () => undefined as void;
  if (target.kind === "embedded") {
    const schemaFile = writeSchemaFile(join(work, "schema.cypher"));
    launch = () => {
      clearInterval(launchTimer);
      if (launcher) return;
      launcher = startNeo4j({
        port: target.port,
        data: target.dataDir,
        ignoreEnv: true,
        projectRoot: target.projectRoot,
        importFile: importFilePath(work),
        schemaFile,
        awaitImport: true,
      });
      // Awaited below; a launcher that fails to start is reported there.
      launcher.catch(() => undefined);
    };
    stopping.then(
      () => {
        launchTimer = setInterval(() => {
          const { etaS } = rates(stats);
          if (etaS !== null && etaS <= LAUNCH_LEAD_S) launch();
        }, 250);
      },
      () => undefined,
    );
  }
  /** Leaves Neo4j running as it was found (empty) when the run fails before the import. */
  const restore = async () => {
    // Once the stop has settled, the timer that starts the launcher is set if it was to be.
    const stopped = await stopping.then(
      () => true,
      () => false,
    );
    clearInterval(launchTimer);
    if (launcher) {
      cancelImport(work);
      await launcher.catch(() => startTarget(target, options.connection.uri));
    } else if (stopped) await startTarget(target, options.connection.uri);
    await rm(work, { recursive: true, force: true });
  };

  const display = startProgress(options.progress ?? "quiet", stats);
  const docs: GraphDoc[] = [];
  let workers: WorkerStats[];
  try {
    const result = await runIngest(driver, paths, {
      settings,
      read: options.read,
      database,
      stats,
      onFailure: (failure) => display.failure(failure),
      write: collector(docs),
    });
    workers = result.workers;
  } catch (error) {
    await restore();
    throw error;
  } finally {
    display.stop();
  }
  try {
    await stopping;
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  // At the latest now, when the input's size was unknown (stdin) or extraction outran the estimate.
  launch();

  let keepWork = false;
  let fresh: Driver | undefined;
  let files: ImportFiles;
  try {
    let t = performance.now();
    const plan = planLoad(mergeDocs(docs));
    docs.length = 0;
    timing.missingEndpoints = dropMissingEndpoints(plan);
    timing.csvMs = performance.now() - t;
    if (settings.analyze && stats.articlesNew > 0) {
      t = performance.now();
      await addMetrics(plan);
      timing.metricsMs = performance.now() - t;
      stats.analyzeMs = timing.metricsMs;
    }
    t = performance.now();
    files = writeImportFiles(plan, join(work, "csv"));
    timing.csvMs += performance.now() - t;
    timing.files = files.nodes.length + files.relationships.length;
    timing.nodes = files.nodeCount;
    timing.relationships = files.relationshipCount;
    log(
      `ingest --bulk: ${files.nodeCount} nodes and ${files.relationshipCount} relationships written as CSV in ${ms(timing.csvMs)}`,
    );
  } catch (error) {
    await restore();
    throw error;
  }
  try {
    let t = performance.now();
    let schemaDone = false;
    try {
      log(`ingest --bulk: running the Neo4j import tool (${timing.target})`);
      if (launcher) {
        // The launcher runs the importer in its own JVM once the file appears, starts the database on the new
        // store and creates the schema.
        writeImportFile(files, work, database ?? "neo4j");
        const started = await launcher;
        const imported = importOutcome(started.log, started.logStart);
        const schemaMs = schemaApplied(started.log, started.logStart);
        const standby = standbyOutcome(started.log, started.logStart);
        timing.importMs = imported.ms;
        timing.importer = imported.summary;
        timing.schemaMs = schemaMs ?? 0;
        timing.startMs = performance.now() - t - imported.ms - timing.schemaMs;
        timing.warmUpMs = standby.warmUpMs ?? 0;
        timing.standbyMs = standby.standbyMs ?? 0;
        schemaDone = schemaMs !== null;
      } else if (target.kind === "docker") {
        try {
          const imported = await importDocker(target.service, files, join(work, "csv"), database ?? "neo4j");
          timing.importMs = imported.ms;
          timing.importer = imported.summary;
        } finally {
          // Neo4j is left running as it was found, whether the import worked or not.
          t = performance.now();
          await startTarget(target, options.connection.uri);
          timing.startMs = performance.now() - t;
        }
      } else {
        // launch() ran after the stop for every embedded target; kept explicit so no path skips the import.
        throw new Neo4jLoadError("ingest --bulk: the embedded launcher was not started for the import", false);
      }
    } catch (error) {
      keepWork = true;
      // An embedded launcher whose import failed has started the database empty. One that died (out of memory in
      // the middle of the import, say) may have left part of a store: the database was empty, so its folders are
      // removed and Neo4j is started once more without the import, left running as it was found.
      if (target.kind === "embedded" && !(await boltAnswers(options.connection.uri))) {
        const name = database ?? "neo4j";
        await rm(join(target.dataDir, "data", "databases", name), { recursive: true, force: true });
        await rm(join(target.dataDir, "data", "transactions", name), { recursive: true, force: true });
        await startTarget(target, options.connection.uri).catch(() => undefined);
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new Neo4jLoadError(`${message}\ningest --bulk: the CSV files are kept in ${join(work, "csv")}`, false, {
        cause: error,
      });
    }
    fresh = await openDriver(options.connection);
    t = performance.now();
    // Over Bolt when the launcher did not create it (docker compose, or a statement it could not run: the
    // refusal is then reported from here).
    if (!schemaDone) {
      await withRetries(() => applySchema(fresh!, { database }), {
        attempts: 5,
        baseMs: 500,
        retryOn: (error) => error instanceof Neo4jLoadError && error.retriable,
      });
      timing.schemaMs += performance.now() - t;
    }
    stats.nodesCreated = files.nodeCount;
    stats.relationshipsCreated = files.relationshipCount;
    stats.rowsWritten = files.nodeCount + files.relationshipCount;
    stats.writeMs = timing.csvMs + timing.importMs + timing.startMs + timing.schemaMs;
    stats.batches = 1;
  } catch (error) {
    if (fresh) await closeDriver(fresh);
    throw error;
  } finally {
    if (!keepWork) await rm(work, { recursive: true, force: true });
  }
  let summary: IngestSummary;
  try {
    summary = summarize(stats, await graphTotals(fresh!, database));
  } finally {
    await closeDriver(fresh!);
  }
  const reportFile = options.report ?? null;
  const bulk = {
    ...timing,
    csvMs: round(timing.csvMs),
    stopMs: round(timing.stopMs),
    importMs: round(timing.importMs),
    startMs: round(timing.startMs),
    warmUpMs: round(timing.warmUpMs),
    standbyMs: round(timing.standbyMs),
    schemaMs: round(timing.schemaMs),
    metricsMs: round(timing.metricsMs),
  };
  if (reportFile) await writeReport(reportFile, { inputs: paths, settings, summary, stats, workers, bulk });
  return { summary, stats, workers, reportFile };
}

/**
 * Sets degree, PageRank and community (and betweenness on a small graph) on the plan's entity rows, computed as
 * `jianwen analyze` computes them from the stored graph (graph/analyze.ts: every entity, and the facts between
 * two different entities weighted by the articles stating them), so the importer stores them with the nodes and
 * no analysis has to read the graph back out of Neo4j and write it again.
 */
export async function addMetrics(plan: LoadPlan): Promise<void> {
  const { addFact, createEntityGraph, graphMetrics } = await import("../../graph/index.js");
  const graph = createEntityGraph();
  for (const [label, rows] of plan.nodes) {
    if (label === "Article") continue;
    for (const row of rows) graph.mergeNode(row.id, { type: label, name: String(row.props.name ?? "") });
  }
  for (const group of plan.relationships) {
    if (group.kind !== "fact") continue;
    for (const row of group.rows) {
      if (row.source === row.target || !graph.hasNode(row.source) || !graph.hasNode(row.target)) continue;
      addFact(graph, row.source, row.target, group.type, row.articles.length > 0 ? row.articles.length : 1);
    }
  }
  const { metrics, betweenness } = graphMetrics(graph);
  for (const [label, rows] of plan.nodes) {
    if (label === "Article") continue;
    for (const row of rows) {
      const m = metrics[row.id];
      if (!m) continue;
      row.props.degree = m.degree;
      row.props.pagerank = m.pagerank;
      row.props.community = m.community;
      if (betweenness) row.props.betweenness = m.betweenness ?? 0;
    }
  }
}

async function stopTarget(target: BulkTarget): Promise<void> {
  if (target.kind === "embedded") {
    const result = await stopNeo4j({ port: target.port, ignoreEnv: true, projectRoot: target.projectRoot });
    if (!result.stopped)
      throw new Neo4jLoadError(
        `ingest --bulk: could not stop Neo4j on port ${target.port}: ${result.note ?? ""}`,
        false,
      );
    return;
  }
  await docker(["compose", "stop", target.service]);
}

async function startTarget(target: BulkTarget, uri: string): Promise<void> {
  if (target.kind === "embedded") {
    await startNeo4j({ port: target.port, data: target.dataDir, ignoreEnv: true, projectRoot: target.projectRoot });
    return;
  }
  await docker(["compose", "start", target.service]);
  // Bolt answers some seconds after the container starts.
  const deadline = Date.now() + 120_000;
  while (!(await boltAnswers(uri))) {
    if (Date.now() > deadline)
      throw new Neo4jLoadError(
        "ingest --bulk: Neo4j in docker compose did not answer within 120 s after the import",
        false,
      );
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function docker(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("docker", args, { timeout: 120_000 }, (error, _stdout, stderr) =>
      error
        ? reject(
            new Neo4jLoadError(`ingest --bulk: docker ${args.join(" ")} failed: ${stderr || error.message}`, false, {
              cause: error,
            }),
          )
        : resolve(),
    );
  });
}

function round(n: number): number {
  return Math.round(n);
}

function ms(n: number): string {
  return n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(1)} s`;
}
