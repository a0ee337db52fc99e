// Batch-ingest benchmark: the CCTV 新闻联播 corpus (../shared/data/news/xinwenlianbo.jsonl) through
// `jianwen ingest` into a fresh embedded Neo4j of its own (port 7699, data wiped first, stopped after).
// Prints wall time, throughput, where the time went, the peak RSS of every process and the graph's size,
// then times a per-row baseline (one MERGE per row, one transaction each) against the batched loader.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { startNeo4j, stopNeo4j } from "../db/index.js";
import { openDriver } from "../cypher/index.js";
import { graphTotals } from "../ingest/batch/index.js";
import type { WorkerStats } from "../ingest/batch/pool.js";
import { perRowBaseline } from "./ingest-baseline.js";
import { cpuShares, cpuTicks, describeCpu } from "./machine.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CORPUS = resolve(ROOT, "../shared/data/news/xinwenlianbo.jsonl");
const PORT = Number(process.env.JIANWEN_BENCH_PORT ?? 7699);
const DATA = join(ROOT, ".jianwen", `bench-neo4j-${PORT}`);
const SLICE = 500;
const BASELINE_BUDGET_S = Number(process.env.JIANWEN_BENCH_BASELINE_SECONDS ?? 60);

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

/** CPU seconds (user + system) a live process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident set of a live process, from the kernel's high-water mark. */
function vmHwm(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = status.split("\n").find((l) => l.startsWith("VmHWM:"));
  return kb ? Number.parseInt(kb.replace(/\D+/g, " ").trim(), 10) * 1024 : 0;
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`bench/ingest: skipped: ${CORPUS} is absent (it lives in ../shared/data, outside the project)`);
    return;
  }
  if (!existsSync(join(ROOT, "dist/cli/cli.js"))) throw new Error("bench/ingest: run `npm run build` first");
  rmSync(DATA, { recursive: true, force: true });
  console.log(`bench/ingest: starting a fresh Neo4j on port ${PORT} (data ${DATA})`);
  const server = await startNeo4j({ port: PORT, data: DATA, ignoreEnv: true });
  const uri = server.uri;
  let driver: Driver | undefined;
  const extra: string[] = [];
  try {
    driver = await openDriver({ uri });
    const reportFile = join(ROOT, ".jianwen", "reports", `bench-ingest-${Date.now()}.json`);
    extra.push(...process.argv.slice(2));
    if (!existsSync(join(ROOT, "models/ner.bin")) && !extra.includes("--no-model")) {
      console.log(
        "bench/ingest: models/ner.bin is absent (run `npm run train`); extracting with rules and gazetteers only",
      );
      extra.push("--no-model");
    }
    const args = [join(ROOT, "bin/jianwen.js"), "ingest", CORPUS, "--json", "--report", reportFile, ...extra];
    console.log(`bench/ingest: node ${args.slice(1).join(" ")}`);
    const javaCpuBefore = cpuSeconds(server.pid);
    const ticksBefore = cpuTicks();
    const benchCpuBefore = process.cpuUsage();
    const began = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: uri },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let javaPeak = 0;
    const poll = setInterval(() => (javaPeak = Math.max(javaPeak, vmHwm(server.pid))), 1000);
    let lastShown = 0;
    for await (const line of createInterface({ input: child.stdout })) {
      const event = JSON.parse(line) as Record<string, unknown>;
      if (event.event === "progress" && performance.now() - lastShown > 15_000) {
        lastShown = performance.now();
        console.log(
          `  ${event.elapsedS}s: ${event.articles} articles (${event.articlesPerS}/s), ${event.chars} chars, ${event.articlesNew} new, ETA ${event.etaS}s`,
        );
      } else if (event.event === "failure") console.log(`  failure: ${String(event.message)}`);
    }
    const code = await new Promise<number | null>((done) => child.on("close", done));
    const wallS = (performance.now() - began) / 1000;
    const ticksAfter = cpuTicks();
    const benchCpu = process.cpuUsage(benchCpuBefore);
    clearInterval(poll);
    javaPeak = Math.max(javaPeak, vmHwm(server.pid));
    const javaCpu = cpuSeconds(server.pid) - javaCpuBefore;
    if (code !== 0 && code !== 2) throw new Error(`bench/ingest: jianwen ingest exited with ${code}`);
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as BenchReport;
    const t = report.timing;
    const totals = await graphTotals(driver);
    const labels = await nodeCounts(driver);
    const workers = report.settings.workers;
    console.log("\n== batch ingest of the whole corpus");
    console.log(
      `machine load         ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (1/5/15-min load average on ${availableParallelism()} cores; other work slows every figure)`,
    );
    if (ticksBefore && ticksAfter) {
      const own = report.cpuSeconds + javaCpu + (benchCpu.user + benchCpu.system) / 1e6;
      console.log(`machine CPU          ${describeCpu(cpuShares(ticksBefore, ticksAfter), own)}`);
    }
    console.log(`wall time            ${wallS.toFixed(1)} s (${(wallS / 60).toFixed(2)} min; target <= 60 s)`);
    console.log(
      `articles             ${report.summary.articlesRead} read, ${report.summary.articlesNew} new, ${report.summary.failures} failed`,
    );
    console.log(`articles/s           ${(report.summary.articlesRead / wallS).toFixed(1)} (wall)`);
    console.log(
      `extraction chars/s   ${Math.round(t.charsExtracted / wallS)} over the wall time; ${Math.round(t.charsExtracted / (t.extractMs / 1000))} per worker (${workers} workers, ${(t.extractMs / 1000).toFixed(1)} worker-seconds)`,
    );
    console.log(
      `Neo4j rows/s         ${Math.round(t.rowsWritten / (t.writeMs / 1000))} in the write phase alone (${t.rowsWritten} rows in ${(t.writeMs / 1000).toFixed(1)} s of writes, ${t.batches} loads; target >= 15000)`,
    );
    if (t.loads?.length) {
      // A fresh server's first loads run while its JIT compiles the write path: shown apart from the rest.
      const rate = (ls: typeof t.loads) =>
        Math.round(ls.reduce((s, l) => s + l.rows, 0) / (ls.reduce((s, l) => s + l.writeMs, 0) / 1000 || 1));
      const first = t.loads.slice(0, 3);
      const rest = t.loads.slice(3);
      console.log(
        `loads                first ${first.length}: ${first.map((l) => `${l.rows} rows in ${(l.writeMs / 1000).toFixed(2)} s`).join(", ")}; rows/s first ${rate(first)}${rest.length ? `, the other ${rest.length} ${rate(rest)}` : ""}`,
      );
    }
    const stages: Record<string, number> = { read: t.readMs, ...t.stageMs, gather: t.gatherMs, write: t.writeMs };
    const slowest = Object.entries(stages).reduce((a, b) => (b[1] > a[1] ? b : a));
    console.log(
      `stages (s)           ${Object.entries(stages)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
        .join(", ")} (extraction stages summed over ${workers} workers); slowest: ${slowest[0]}`,
    );
    console.log(`analyze              ${(t.analyzeMs / 1000).toFixed(1)} s`);
    console.log(
      `peak RSS             ingest main process ${mb(report.memory.mainMaxRssBytes)}; extraction workers ${report.memory.workers.map((w) => mb(w.peakRss)).join(", ") || "none (inline)"}; Neo4j (java) ${mb(javaPeak)}; this bench ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
    console.log(
      `CPU seconds          ingest (main and worker processes) ${report.cpuSeconds.toFixed(0)} (its workers spent ${(t.extractMs / 1000).toFixed(0)} s of wall time extracting), Neo4j ${javaCpu.toFixed(0)}; ${(wallS * availableParallelism()).toFixed(0)} core-seconds were available`,
    );
    console.log(`worker heaps (peak)  ${report.memory.workers.map((w) => mb(w.peakHeap)).join(", ") || "inline"}`);
    const niceness = report.memory.workers.map((w) => `${w.priority.nice ?? "unset"}/${w.priority.groupNice ?? "-"}`);
    console.log(
      `worker priority      nice/autogroup nice ${niceness.join(", ") || "inline"} (extraction yields to the writer and Neo4j)`,
    );
    console.log(
      `graph                ${totals.articles} articles, ${totals.entities} entities, ${totals.relationships} relationships`,
    );
    console.log(
      `nodes by label       ${Object.entries(labels)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    console.log(
      `where time goes      extraction ${(t.extractMs / 1000 / workers).toFixed(1)} s per worker (in parallel with writes), Neo4j writes ${(t.writeMs / 1000).toFixed(1)} s, analyze ${(t.analyzeMs / 1000).toFixed(1)} s`,
    );

    console.log(`\n== per-row baseline vs batched loader on a ${SLICE}-item slice`);
    const rates = await perRowBaseline(
      driver,
      CORPUS,
      { items: SLICE, budgetS: BASELINE_BUDGET_S, model: !extra.includes("--no-model") },
      (line) => console.log(line),
    );
    const wholeRun = t.rowsWritten / (t.writeMs / 1000);
    console.log(`batched / per-row    ${(rates.batched / rates.perRow).toFixed(1)}x on the slice (target >= 100x)`);
    console.log(
      `                     ${(wholeRun / rates.perRow).toFixed(1)}x with the whole run's ${Math.round(wholeRun)} rows/s`,
    );
  } finally {
    await driver?.close();
    await stopNeo4j({ port: PORT, ignoreEnv: true });
    rmSync(DATA, { recursive: true, force: true });
  }
}

interface BenchReport {
  settings: { workers: number };
  summary: { articlesRead: number; articlesNew: number; failures: number };
  timing: {
    extractMs: number;
    writeMs: number;
    readMs: number;
    gatherMs: number;
    stageMs: Record<string, number>;
    analyzeMs: number;
    batches: number;
    loads?: Array<{ atMs: number; articles: number; rows: number; writeMs: number }>;
    rowsWritten: number;
    charsExtracted: number;
  };
  memory: { mainMaxRssBytes: number; workers: WorkerStats[] };
  cpuSeconds: number;
}

async function nodeCounts(driver: Driver): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(
    "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY n DESC",
    {},
    { routing: "READ" },
  );
  return Object.fromEntries(records.map((r) => [String(r.get("label")), Number(r.get("n"))]));
}

await main();
