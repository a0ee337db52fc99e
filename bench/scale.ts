// Scale benchmark: archives 1×, 3× and 10× the CCTV 新闻联播 corpus (../shared/data/news/xinwenlianbo.jsonl),
// each copy of an item with its date shifted by four years a copy and 「（第N辑）」 after its title, so every article
// is new to the graph, each ingested by `jianwen ingest` into a fresh embedded Neo4j of its own. Prints time,
// time per article, write-phase rows/s and the peak RSS of the ingest (its main process and extraction workers
// added up, sampled) and of Neo4j at each size, with
// the ratio to the smallest, so that growth is seen to be linear and memory flat.
//
//   npm run bench:scale                          1×, 3×, 10× of the whole corpus (long on a shared 2-core machine)
//   npm run bench:scale -- --times 1,3 --items 2000   two sizes of a 2,000-item base
//   npm run bench:scale -- --times 1,10 --items 1000 -- --no-model   arguments after a second -- go to ingest
//
// The archives are written to bench/out/ (never committed) and deleted after their run.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { once } from "node:events";
import { startNeo4j, stopNeo4j } from "../db/index.js";
import { cpuShares, cpuTicks, percent } from "./machine.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CORPUS = resolve(ROOT, "../shared/data/news/xinwenlianbo.jsonl");
const OUT = join(ROOT, "bench", "out");
const PORT = Number(process.env.JIANWEN_BENCH_PORT ?? 7698);
const DATA = join(ROOT, ".jianwen", `bench-scale-neo4j-${PORT}`);
/** Days a copy's dates move: four years, so that the copies of a corpus spanning four years do not overlap. */
const SHIFT_DAYS = 1461;

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

interface Options {
  times: number[];
  /** Items of the corpus each copy repeats (0: all). */
  items: number;
  ingestArgs: string[];
}

function parseArgs(argv: string[]): Options {
  const split = argv.indexOf("--");
  const own = split >= 0 ? argv.slice(0, split) : argv;
  const options: Options = { times: [1, 3, 10], items: 0, ingestArgs: split >= 0 ? argv.slice(split + 1) : [] };
  for (let i = 0; i < own.length; i++) {
    const flag = own[i];
    const value = own[i + 1] ?? "";
    if (flag === "--times") {
      options.times = value.split(",").map((t) => Number(t.trim()));
      if (options.times.some((t) => !Number.isInteger(t) || t < 1)) {
        throw new Error(`bench/scale: --times takes whole numbers of at least 1, e.g. 1,3,10; got "${value}"`);
      }
      i++;
    } else if (flag === "--items") {
      options.items = Number(value);
      if (!Number.isInteger(options.items) || options.items < 1) {
        throw new Error(`bench/scale: --items takes a whole number of at least 1; got "${value}"`);
      }
      i++;
    } else {
      throw new Error(`bench/scale: unknown option "${flag}" (--times 1,3,10, --items N, -- ingest options)`);
    }
  }
  options.times = [...new Set(options.times)].sort((a, b) => a - b);
  return options;
}

function shiftDate(date: unknown, days: number): unknown {
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(date) || days === 0) return date;
  const shifted = new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10) + date.slice(10);
}

/** Writes `times` copies of the first `items` corpus items (streamed: one line in memory at a time). */
async function buildArchive(file: string, times: number, items: number): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  for (let copy = 0; copy < times; copy++) {
    let taken = 0;
    const lines = createInterface({ input: createReadStream(CORPUS, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) {
      if (items > 0 && taken >= items) break;
      if (line.trim() === "") continue;
      taken++;
      const item = JSON.parse(line) as Record<string, unknown>;
      if (copy > 0) {
        item.date = shiftDate(item.date, copy * SHIFT_DAYS);
        item.title = `${String(item.title ?? "")}（第${copy + 1}辑）`;
      }
      if (!out.write(`${JSON.stringify(item)}\n`)) await once(out, "drain");
      written++;
    }
    lines.close();
  }
  out.end();
  await once(out, "finish");
  return written;
}

/** Resident set of a live process and all its descendants now (VmRSS), 0 for one that has gone. */
function treeRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let total = statusField(pid, "VmRSS:");
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
  } catch {
    // The process has ended.
  }
  for (const c of children) total += treeRss(Number(c));
  return total;
}

function statusField(pid: number, field: string): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith(field));
    return line ? Number.parseInt(line.replace(/\D+/g, " ").trim(), 10) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Peak resident set of a live process, from the kernel's high-water mark (0 once it has exited). */
function vmHwm(pid: number | undefined): number {
  return pid === undefined ? 0 : statusField(pid, "VmHWM:");
}

interface Run {
  times: number;
  items: number;
  articles: number;
  wallS: number;
  rows: number;
  writeS: number;
  ingestPeak: number;
  javaPeak: number;
  load: string;
  /** The share of the cores' time the hypervisor gave other guests during the ingest; null off Linux. */
  steal: number | null;
}

interface ScaleReport {
  summary: { articlesRead: number; articlesNew: number; failures: number; rowsPerS: number };
  timing: { writeMs: number; rowsWritten: number };
}

async function runOnce(times: number, options: Options): Promise<Run> {
  const archive = join(OUT, `scale-${times}x.jsonl`);
  const items = await buildArchive(archive, times, options.items);
  rmSync(DATA, { recursive: true, force: true });
  const server = await startNeo4j({ port: PORT, data: DATA, ignoreEnv: true });
  try {
    const reportFile = join(OUT, `scale-${times}x-report.json`);
    const args = [
      join(ROOT, "bin/jianwen.js"),
      "ingest",
      archive,
      "--json",
      "--no-analyze",
      "--report",
      reportFile,
      ...options.ingestArgs,
    ];
    console.log(`bench/scale: ${times}x: ${items} items; node ${args.slice(1).join(" ")}`);
    const ticksBefore = cpuTicks();
    const began = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: server.uri },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let ingestPeak = 0;
    let javaPeak = 0;
    // The ingest is its main process and its extraction workers (children): their resident sets added up at the
    // same moment, sampled four times a second, give what it held at once.
    const poll = setInterval(() => {
      ingestPeak = Math.max(ingestPeak, treeRss(child.pid));
      javaPeak = Math.max(javaPeak, vmHwm(server.pid));
    }, 250);
    let lastShown = performance.now();
    for await (const line of createInterface({ input: child.stdout })) {
      const event = JSON.parse(line) as Record<string, unknown>;
      if (event.event === "progress" && performance.now() - lastShown > 30_000) {
        lastShown = performance.now();
        console.log(`  ${event.elapsedS}s: ${event.articles} articles (${event.articlesPerS}/s), ETA ${event.etaS}s`);
      } else if (event.event === "failure") console.log(`  failure: ${String(event.message)}`);
    }
    const code = await new Promise<number | null>((done) => child.on("close", done));
    const wallS = (performance.now() - began) / 1000;
    const ticksAfter = cpuTicks();
    clearInterval(poll);
    javaPeak = Math.max(javaPeak, vmHwm(server.pid));
    if (code !== 0 && code !== 2) throw new Error(`bench/scale: jianwen ingest exited with ${code} at ${times}x`);
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as ScaleReport;
    return {
      times,
      items,
      articles: report.summary.articlesRead,
      wallS,
      rows: report.timing.rowsWritten,
      writeS: report.timing.writeMs / 1000,
      ingestPeak,
      javaPeak,
      load: loadavg()
        .map((l) => l.toFixed(1))
        .join(" "),
      steal: ticksBefore && ticksAfter ? cpuShares(ticksBefore, ticksAfter).steal : null,
    };
  } finally {
    await stopNeo4j({ port: PORT, ignoreEnv: true });
    rmSync(DATA, { recursive: true, force: true });
    rmSync(archive, { force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`bench/scale: skipped: ${CORPUS} is absent (it lives in ../shared/data, outside the project)`);
    return;
  }
  if (!existsSync(join(ROOT, "dist/cli/cli.js"))) throw new Error("bench/scale: run `npm run build` first");
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const runs: Run[] = [];
  for (const times of options.times) {
    const run = await runOnce(times, options);
    runs.push(run);
    console.log(
      `  ${times}x done: ${run.wallS.toFixed(1)} s, ${run.articles} articles, peak RSS ingest ${mb(run.ingestPeak)}`,
    );
  }
  const base = runs[0]!;
  const perArticle = (r: Run) => (r.wallS / Math.max(1, r.articles)) * 1000;
  console.log(
    `\n== scale: ${options.items > 0 ? `${options.items}-item base` : "the whole corpus"} repeated ${options.times.join(", ")} times (${availableParallelism()} cores)`,
  );
  console.log(
    "size   items     articles  wall s    ms/article (x base)  write rows/s  ingest peak RSS (x base)  Neo4j peak RSS  load (1/5/15)  stolen",
  );
  for (const r of runs) {
    console.log(
      [
        `${r.times}x`.padEnd(6),
        String(r.items).padEnd(9),
        String(r.articles).padEnd(9),
        r.wallS.toFixed(1).padEnd(9),
        `${perArticle(r).toFixed(2)} (${(perArticle(r) / perArticle(base)).toFixed(2)})`.padEnd(20),
        String(Math.round(r.rows / Math.max(r.writeS, 1e-3))).padEnd(13),
        `${mb(r.ingestPeak)} (${(r.ingestPeak / base.ingestPeak).toFixed(2)})`.padEnd(25),
        mb(r.javaPeak).padEnd(15),
        r.load.padEnd(14),
        r.steal === null ? "-" : percent(r.steal),
      ].join(" "),
    );
  }
  const last = runs.at(-1)!;
  if (runs.length > 1) {
    console.log(
      `\ntime per article at ${last.times}x is ${(perArticle(last) / perArticle(base)).toFixed(2)}x that at ${base.times}x (target <= 1.3); ingest peak RSS ${(last.ingestPeak / base.ingestPeak).toFixed(2)}x (target <= 1.2)`,
    );
  }
}

await main();
