// Showing where a run is: a cli-progress bar (articles/s, characters/s, ETA) on a terminal, plain periodic lines
// when stderr is not a terminal, JSON lines on stdout for machines, or nothing with --quiet.
import type { FailureRecord, IngestStats } from "./stats.js";

export type ProgressMode = "bar" | "lines" | "json" | "quiet";

export interface ProgressDisplay {
  failure(failure: FailureRecord): void;
  stop(): void;
}

export interface Rates {
  elapsedS: number;
  articlesPerS: number;
  charsPerS: number;
  /** 0..1 by bytes read, or null when the total is unknown (stdin). */
  fraction: number | null;
  etaS: number | null;
}

export function rates(stats: IngestStats, now = Date.now()): Rates {
  const elapsedS = Math.max(0.001, (now - stats.startedAt) / 1000);
  const fraction = stats.bytesTotal > 0 ? Math.min(1, stats.bytesRead / stats.bytesTotal) : null;
  const etaS = fraction !== null && fraction > 0.001 ? (elapsedS / fraction) * (1 - fraction) : null;
  return {
    elapsedS,
    articlesPerS: stats.articlesRead / elapsedS,
    charsPerS: stats.charsExtracted / elapsedS,
    fraction,
    etaS,
  };
}

export function startProgress(
  mode: ProgressMode,
  stats: IngestStats,
  out = process.stdout,
  err = process.stderr,
): ProgressDisplay {
  switch (mode) {
    case "quiet":
      return { failure: (f) => err.write(`jianwen: ${f.message}\n`), stop: () => undefined };
    case "json":
      return periodic(
        2000,
        () => out.write(`${JSON.stringify(progressEvent(stats))}\n`),
        (f) => out.write(`${JSON.stringify({ event: "failure", ...f })}\n`),
      );
    case "lines":
      return periodic(
        10_000,
        () => err.write(`${progressLine(stats)}\n`),
        (f) => err.write(`jianwen: ${f.message}\n`),
      );
    case "bar":
      return bar(stats, err);
  }
}

export function progressEvent(stats: IngestStats): Record<string, unknown> {
  const r = rates(stats);
  return {
    event: "progress",
    elapsedS: round(r.elapsedS),
    bytesRead: stats.bytesRead,
    bytesTotal: stats.bytesTotal,
    documents: stats.documentsRead,
    articles: stats.articlesRead,
    articlesNew: stats.articlesNew,
    articlesSkipped: stats.articlesSkipped,
    chars: stats.charsExtracted,
    articlesPerS: round(r.articlesPerS),
    charsPerS: Math.round(r.charsPerS),
    etaS: r.etaS === null ? null : Math.round(r.etaS),
    failures: stats.failures.length,
  };
}

export function progressLine(stats: IngestStats): string {
  const r = rates(stats);
  const done = r.fraction === null ? "" : `, ${(r.fraction * 100).toFixed(0)}% read`;
  const eta = r.etaS === null ? "" : `, ETA ${duration(r.etaS)}`;
  return `ingest: ${stats.articlesRead} articles (${r.articlesPerS.toFixed(1)}/s), ${count(stats.charsExtracted)} chars (${count(r.charsPerS)}/s)${done}${eta}, ${stats.articlesNew} new, ${stats.failures.length} failed`;
}

function periodic(everyMs: number, tick: () => void, onFailure: (f: FailureRecord) => void): ProgressDisplay {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    failure: onFailure,
    stop() {
      clearInterval(timer);
      tick();
    },
  };
}

function bar(stats: IngestStats, err: NodeJS.WriteStream): ProgressDisplay {
  // Loaded only for terminals, which keeps --json and piped runs free of it.
  let multi: import("cli-progress").MultiBar | null = null;
  let single: import("cli-progress").SingleBar | null = null;
  const pending: string[] = [];
  void import("cli-progress").then(({ default: progress }) => {
    multi = new progress.MultiBar(
      {
        stream: err,
        hideCursor: true,
        clearOnComplete: false,
        format: " {bar} {pct} | {articles} articles {aps}/s | {chars} chars {cps}/s | ETA {etaText} | {failed} failed",
        barsize: 24,
      },
      progress.Presets.shades_classic,
    );
    single = multi.create(1000, 0, payload());
    for (const line of pending.splice(0)) multi.log(line);
  });
  const payload = () => {
    const r = rates(stats);
    return {
      pct: r.fraction === null ? "  ?" : `${(r.fraction * 100).toFixed(0).padStart(3)}%`,
      articles: stats.articlesRead,
      aps: r.articlesPerS.toFixed(1),
      chars: count(stats.charsExtracted),
      cps: count(r.charsPerS),
      etaText: r.etaS === null ? "?" : duration(r.etaS),
      failed: stats.failures.length,
    };
  };
  const timer = setInterval(() => single?.update(Math.round((rates(stats).fraction ?? 0) * 1000), payload()), 250);
  timer.unref();
  return {
    failure(f) {
      const line = `jianwen: ${f.message}\n`;
      if (multi) (multi as import("cli-progress").MultiBar).log(line);
      else pending.push(line);
    },
    stop() {
      clearInterval(timer);
      single?.update(Math.round((rates(stats).fraction ?? 1) * 1000), payload());
      (multi as import("cli-progress").MultiBar | null)?.stop();
      for (const line of pending) err.write(line);
    },
  };
}

export function count(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
