// API benchmark: `jianwen serve` (its own process) under autocannon at 50 connections, against search and
// neighbours of typical nodes, on whatever graph NEO4J_URI holds (ingest the news corpus first for figures that
// mean something). Prints requests/s, p50/p99 latency, errors and non-2xx answers for each route.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { ENTITY_LABEL_EXPR, connectionSettingsFromEnv, openDriver } from "../cypher/index.js";
import { cpuShares, cpuTicks, percent, type CpuShares } from "./machine.js";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as Autocannon;

const CONNECTIONS = Number(process.env.JIANWEN_BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.JIANWEN_BENCH_SECONDS ?? 15);
/**
 * Seconds of unmeasured load on each route first: query plans, the connection pool and the JIT. Neo4j's C2
 * compiler (db/options.ts) takes about ten seconds of load on two cores to compile the search and expansion
 * paths; figures measured before that show the compiler at work, not the service.
 */
const WARM_UP = Number(process.env.JIANWEN_BENCH_WARMUP_SECONDS ?? 10);
/** JIANWEN_BENCH_CACHE=0: only the uncached runs (the acceptance figures), for quicker before/after comparisons. */
const WITH_CACHE = process.env.JIANWEN_BENCH_CACHE !== "0";

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

async function sampleInputs(): Promise<{
  entities: number;
  names: string[];
  typical: string[];
  hub: string | null;
  medianDegree: number;
}> {
  const settings = connectionSettingsFromEnv();
  const driver = await openDriver(settings);
  try {
    const count = await driver.executeQuery(
      `MATCH (n:${ENTITY_LABEL_EXPR}) RETURN count(n) AS n`,
      {},
      { routing: "READ" },
    );
    const entities = Number(count.records[0]?.get("n") ?? 0);
    // Neighbour counts per entity (facts only, as the explorer shows them), to pick typical nodes and the hub.
    const degrees = await driver.executeQuery(
      `MATCH (n:${ENTITY_LABEL_EXPR})
       WITH n, COUNT { (n)-[r]-(m) WHERE NOT r:MENTIONS AND NOT m:Article } AS d
       WHERE d > 0
       RETURN n.id AS id, n.name AS name, d ORDER BY d`,
      {},
      { routing: "READ" },
    );
    const rows = degrees.records.map((r) => ({
      id: r.get("id") as string,
      name: r.get("name") as string,
      d: Number(r.get("d")),
    }));
    const median = rows[Math.floor(rows.length / 2)]?.d ?? 0;
    // Typical: between the 25th and 75th percentile of neighbour counts.
    const typical = rows.slice(Math.floor(rows.length * 0.25), Math.ceil(rows.length * 0.75)).map((r) => r.id);
    const names = rows.map((r) => r.name).filter((n) => n && n.length >= 2);
    // Half full names, half their first two characters (a person typing).
    const queries = [...names, ...names.map((n) => [...n].slice(0, 2).join(""))];
    return { entities, names: queries, typical, hub: rows.at(-1)?.id ?? null, medianDegree: median };
  } finally {
    await driver.close();
  }
}

async function startService(extraArgs: string[] = []): Promise<{ url: string; stop: () => void }> {
  const cli = join(ROOT, "bin", "jianwen.js");
  if (!existsSync(join(ROOT, "dist", "cli", "cli.js")))
    throw new Error("bench/api: run `npm run build` first (the service runs from dist/)");
  const child = spawn(process.execPath, [cli, "serve", "--port", "0", ...extraArgs], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.once("exit", (code) => reject(new Error(`bench/api: jianwen serve exited with ${code} before listening`)));
    lines.on("line", (line) => {
      const m = /(http:\/\/\S+)/.exec(line);
      if (m && line.startsWith("Jianwen explorer")) resolveUrl(new URL(m[1]!).origin);
    });
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

function report(label: string, r: AutocannonResult & { cores?: CpuShares }): void {
  // The cores' time during the run: steal is time the hypervisor gave other guests, which no code here can use.
  const cores = r.cores ? `   cores busy ${percent(r.cores.busy, 0)}, stolen ${percent(r.cores.steal, 0)}` : "";
  console.log(
    `${label.padEnd(38)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ` +
      `max ${String(r.latency.max).padStart(5)} ms   errors ${r.errors}   timeouts ${r.timeouts}   non-2xx ${r.non2xx}   (${r.requests.total} requests)${cores}`,
  );
}

async function run(
  url: string,
  paths: () => string,
  duration = DURATION,
  connections = CONNECTIONS,
): Promise<AutocannonResult & { cores?: CpuShares }> {
  const before = cpuTicks();
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths() }) }],
  });
  const after = cpuTicks();
  return before && after ? { ...result, cores: cpuShares(before, after) } : result;
}

async function main(): Promise<void> {
  const inputs = await sampleInputs();
  const { loadavg, cpus } = await import("node:os");
  console.log(
    `bench/api: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} before the run`,
  );
  console.log(
    `bench/api: ${inputs.entities} entities; ${inputs.typical.length} typical nodes (median ${inputs.medianDegree} neighbours); ` +
      `${CONNECTIONS} connections, ${DURATION} s a route after ${WARM_UP} s of warm-up`,
  );
  if (inputs.entities < 1000) {
    console.log(
      "bench/api: the graph is small; for figures on the news corpus run `jianwen ingest ../shared/data/news/xinwenlianbo.jsonl` first",
    );
  }
  if (inputs.typical.length === 0) {
    console.log("bench/api: no entity has a neighbour; nothing to measure");
    return;
  }
  const search = () => `/api/search?q=${encodeURIComponent(pick(inputs.names))}&limit=20`;
  const neighbours = () => `/api/neighbours?id=${encodeURIComponent(pick(inputs.typical))}&limit=50`;

  // First every request from Neo4j (--no-cache): what a request costs when nothing has been asked before.
  const cold = await startService(["--no-cache"]);
  try {
    await run(cold.url, search, WARM_UP);
    await run(cold.url, neighbours, WARM_UP);
    // One connection first: what a request costs on this machine when nothing queues behind it.
    report("no cache: search, 1 connection", await run(cold.url, search, 5, 1));
    report("no cache: neighbours, 1 connection", await run(cold.url, neighbours, 5, 1));
    report("no cache: search", await run(cold.url, search));
    report("no cache: neighbours (typical node)", await run(cold.url, neighbours));
  } finally {
    cold.stop();
  }
  if (!WITH_CACHE) {
    console.log(
      `bench/api: load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} after the run`,
    );
    return;
  }

  // Then as served: answers kept until the graph changes. The measured runs start with an empty cache, so
  // they include the misses of every node asked for the first time.
  const served = await startService();
  try {
    // Warm-up on requests outside the measured sets (the overview, the hub), so the code is compiled.
    await run(served.url, () => `/api/graph?limit=${50 + Math.floor(Math.random() * 50)}`, 3);
    report("search (names, prefixes)", await run(served.url, search));
    report("neighbours (typical node)", await run(served.url, neighbours));
    report("neighbours (typical node), again", await run(served.url, neighbours));
    if (inputs.hub) {
      const hub = inputs.hub;
      report(
        "neighbours (hub)",
        await run(served.url, () => `/api/neighbours?id=${encodeURIComponent(hub)}&limit=50`, Math.min(DURATION, 10)),
      );
    }
  } finally {
    served.stop();
  }
  console.log(
    `bench/api: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} after the run`,
  );
}

await main();
