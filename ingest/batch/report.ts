// The end of a run: the summary (printed and written to the run report file) and the report file itself,
// which lists every failed input with its file, line and reason so nothing is lost without a trace.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { IngestStats } from "./stats.js";
import type { IngestSettings } from "./settings.js";
import type { WorkerStats } from "./pool.js";
import { count, duration, rates } from "./progress.js";

export interface GraphTotals {
  articles: number;
  entities: number;
  relationships: number;
}

export interface IngestSummary {
  articlesRead: number;
  articlesNew: number;
  articlesSkipped: number;
  documentsRead: number;
  documentsOtherShard: number;
  entitiesCreated: number;
  relationshipsCreated: number;
  failures: number;
  elapsedS: number;
  articlesPerS: number;
  charsPerS: number;
  /** Rows written a second over the time spent in Neo4j writes alone (the write phase). */
  rowsPerS: number;
  /**
   * Seconds by stage: read (main thread), the extraction stages summed over workers, gather (merging a load's
   * documents and planning its rows) and write (Neo4j). Extraction runs in parallel with reading and writing, so
   * they do not add up to the wall time; the largest is where to look first.
   */
  stagesS: Record<string, number>;
  slowestStage: string;
  graph: GraphTotals | null;
}

export function stageSeconds(stats: IngestStats): Record<string, number> {
  const ms: Record<string, number> = {
    read: stats.readMs,
    ...stats.stageMs,
    gather: stats.gatherMs,
    write: stats.writeMs,
  };
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v / 100) / 10]));
}

export function summarize(stats: IngestStats, graph: GraphTotals | null): IngestSummary {
  const r = rates(stats);
  const stages = stageSeconds(stats);
  return {
    articlesRead: stats.articlesRead,
    articlesNew: stats.articlesNew,
    articlesSkipped: stats.articlesSkipped,
    documentsRead: stats.documentsRead,
    documentsOtherShard: stats.documentsOtherShard,
    // Neo4j counts every node it created; the articles among them are the new ones.
    entitiesCreated: Math.max(0, stats.nodesCreated - stats.articlesNew),
    relationshipsCreated: stats.relationshipsCreated,
    failures: stats.failures.length,
    elapsedS: Math.round(r.elapsedS * 10) / 10,
    articlesPerS: Math.round(r.articlesPerS * 10) / 10,
    charsPerS: Math.round(r.charsPerS),
    rowsPerS: stats.writeMs > 0 ? Math.round(stats.rowsWritten / (stats.writeMs / 1000)) : 0,
    stagesS: stages,
    slowestStage: Object.entries(stages).reduce((a, b) => (b[1] > a[1] ? b : a), ["", -1])[0],
    graph,
  };
}

export function summaryText(summary: IngestSummary, reportFile: string | null): string {
  const lines = [
    `ingest: ${summary.articlesRead} articles read in ${duration(summary.elapsedS)} (${summary.articlesPerS}/s, ${count(summary.charsPerS)} chars/s): ${summary.articlesNew} new, ${summary.articlesSkipped} skipped as already ingested`,
    `ingest: ${summary.entitiesCreated} entities and ${summary.relationshipsCreated} relationships created; write phase ${count(summary.rowsPerS)} rows/s`,
    `ingest: seconds by stage (extraction summed over workers): ${Object.entries(summary.stagesS)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; slowest: ${summary.slowestStage}`,
  ];
  if (summary.documentsOtherShard > 0)
    lines.push(`ingest: ${summary.documentsOtherShard} documents left to other shards`);
  if (summary.graph) {
    lines.push(
      `ingest: the graph now holds ${summary.graph.articles} articles, ${summary.graph.entities} entities, ${summary.graph.relationships} relationships`,
    );
  }
  lines.push(
    summary.failures === 0
      ? "ingest: no failures"
      : `ingest: ${summary.failures} input${summary.failures === 1 ? "" : "s"} failed${reportFile ? `; see ${reportFile}` : ""}`,
  );
  return lines.join("\n");
}

export function defaultReportPath(now = new Date(), cwd = process.cwd()): string {
  return join(
    cwd,
    ".jianwen",
    "reports",
    `${now
      .toISOString()
      .replaceAll(":", "-")
      .replace(/\.\d+Z$/, "Z")}.json`,
  );
}

export async function writeReport(
  file: string,
  content: {
    inputs: readonly string[];
    settings: IngestSettings;
    summary: IngestSummary;
    stats: IngestStats;
    workers: WorkerStats[];
    /** Why the run stopped before its end (Neo4j gone, a worker dead); absent for a run that finished. */
    stoppedBy?: string;
    /** `ingest --bulk`: how the offline import went (files, rows, phase times). */
    bulk?: Record<string, unknown>;
  },
): Promise<void> {
  const { stats } = content;
  const report = {
    startedAt: new Date(stats.startedAt).toISOString(),
    finishedAt: new Date().toISOString(),
    ...(content.stoppedBy === undefined ? {} : { stoppedBy: content.stoppedBy }),
    inputs: content.inputs,
    settings: content.settings,
    summary: content.summary,
    failures: stats.failures,
    ignored: stats.ignored,
    warnings: stats.warnings,
    timing: {
      extractMs: Math.round(stats.extractMs),
      writeMs: Math.round(stats.writeMs),
      gatherMs: Math.round(stats.gatherMs),
      readMs: Math.round(stats.readMs),
      stageMs: Object.fromEntries(Object.entries(stats.stageMs).map(([k, v]) => [k, Math.round(v)])),
      analyzeMs: Math.round(stats.analyzeMs),
      batches: stats.batches,
      loads: stats.loads,
      rowsWritten: stats.rowsWritten,
      charsExtracted: stats.charsExtracted,
      documentsExtracted: stats.documentsExtracted,
    },
    memory: { mainMaxRssBytes: process.resourceUsage().maxRSS * 1024, workers: content.workers },
    // User + system CPU of the ingest: its main process and every worker process, to set against the wall time.
    cpuSeconds:
      Math.round(
        ((process.cpuUsage().user + process.cpuUsage().system) / 1e6 +
          content.workers.reduce((sum, w) => sum + w.cpuSeconds, 0)) *
          10,
      ) / 10,
    ...(content.bulk === undefined ? {} : { bulk: content.bulk }),
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
