// `npm run bench:extract`: speed and quality of the `extract --spans` path. Prints characters per second
// for the whole command (process start, model load, all lines; spawned through bin/jianwen.js and through
// `npx jianwen`, so run `npm run build` first) and in-process (tagging only), at the dev split's size and at
// twice it (the usual People's Daily test split has twice the dev split's sentences), and exact-span P/R/F1
// per type on the People's Daily dev split, which the shipped model was trained on (held-out figures:
// `npm run eval`). Reads the split from ../shared/data; without it, times a page of our own samples.
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { loadNer } from "../ingest/ner/index.js";
import { runSpans } from "../ingest/ner/spans.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GOLD = process.argv[2] ?? join(ROOT, "../shared/data/peoples-daily/dev.spans.jsonl");
interface Gold {
  text: string;
  entities: { start: number; end: number; type: string }[];
}

function loadInput(): { lines: string[]; gold: Gold[] | null } {
  if (existsSync(GOLD)) {
    const gold = readFileSync(GOLD, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Gold);
    return { lines: gold.map((g) => g.text.replace(/\n/g, " ")), gold };
  }
  console.log(`bench/extract: ${GOLD} is absent; timing the shipped sample page only (no F1)`);
  const page = readFileSync(join(ROOT, "samples/liaocheng-daily-2023-02-06-p1.txt"), "utf8")
    .split("\n")
    .filter(Boolean);
  return { lines: Array.from({ length: 40 }, () => page).flat(), gold: null };
}

function score(out: string[], gold: Gold[]): void {
  const MAP: Record<string, string> = { Person: "PER", Place: "LOC", Organization: "ORG" };
  const stats: Record<string, number[]> = { PER: [0, 0, 0], LOC: [0, 0, 0], ORG: [0, 0, 0] };
  out.forEach((line, i) => {
    const pred = (JSON.parse(line) as { entities: { start: number; end: number; type: string }[] }).entities.map(
      (e) => `${MAP[e.type]}:${e.start}:${e.end}`,
    );
    const g = new Set(gold[i]!.entities.map((e) => `${e.type}:${e.start}:${e.end}`));
    for (const k of pred) {
      const t = k.split(":")[0]!;
      stats[t]![1]!++;
      if (g.has(k)) stats[t]![0]!++;
    }
    for (const k of g) stats[k.split(":")[0]!]![2]!++;
  });
  const prf = ([tp, p, g]: number[]): string => {
    const pr = p ? tp! / p : 0,
      rc = g ? tp! / g : 0;
    return `P ${pr.toFixed(3)} R ${rc.toFixed(3)} F1 ${(pr + rc ? (2 * pr * rc) / (pr + rc) : 0).toFixed(3)}`;
  };
  for (const [t, s] of Object.entries(stats)) console.log(`  ${t}: ${prf(s)} (gold ${s[2]})`);
  const all = [0, 1, 2].map((j) => Object.values(stats).reduce((a, s) => a + s[j]!, 0));
  console.log(`  micro: ${prf(all)}`);
}

async function main(): Promise<void> {
  const { lines, gold } = loadInput();
  const input = lines.join("\n") + "\n";
  const chars = lines.reduce((n, l) => n + [...l].length, 0);

  const t0 = process.hrtime.bigint();
  const ner = loadNer();
  const t1 = process.hrtime.bigint();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  await runSpans(Readable.from([Buffer.from(input)]), sink, ner);
  const t2 = process.hrtime.bigint();
  const out = Buffer.concat(chunks).toString("utf8").trim().split("\n");
  const loadMs = Number(t1 - t0) / 1e6,
    tagS = Number(t2 - t1) / 1e9;
  console.log(
    `in-process: model load ${loadMs.toFixed(0)} ms; tagging ${lines.length} lines, ${chars} chars in ${(tagS * 1000).toFixed(0)} ms = ${(chars / tagS / 1000).toFixed(0)}k chars/s`,
  );

  const cli = join(ROOT, "bin/jianwen.js");
  // npx costs about half a second of its own before the command starts, so its figure depends on the input size.
  const commands: [string, string, string[]][] = [
    ["node bin/jianwen.js extract --spans", process.execPath, [cli, "extract", "--spans"]],
    ["npx --no-install jianwen extract --spans", "npx", ["--no-install", "jianwen", "extract", "--spans"]],
  ];
  for (const copies of [1, 2]) {
    const text = input.repeat(copies);
    const size = chars * copies;
    for (const [label, command, argv] of commands) {
      const runs: number[] = [];
      const cpuRuns: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s0 = process.hrtime.bigint();
        // Through /usr/bin/time where present, so the child's CPU seconds are known as well as the wall time
        // (on a shared, loaded machine the wall time says more about the neighbours than about the code).
        const timed = existsSync("/usr/bin/time");
        const run = spawnSync(timed ? "/usr/bin/time" : command, timed ? ["-f", "cpu %U %S", command, ...argv] : argv, {
          input: text,
          encoding: "utf8",
          maxBuffer: 1 << 30,
          cwd: ROOT,
        });
        const secs = Number(process.hrtime.bigint() - s0) / 1e9;
        if (run.status !== 0) {
          console.log(`${label} failed (${run.status}): ${run.stderr.slice(-500)}; run \`npm run build\` first`);
          break;
        }
        if (run.stdout.trim().split("\n").length !== lines.length * copies)
          console.log(`${label}: output line count differs from input!`);
        runs.push(secs);
        const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
        if (cpu) cpuRuns.push(Number(cpu[1]) + Number(cpu[2]));
      }
      if (!runs.length) continue;
      const best = Math.min(...runs);
      const cpu = cpuRuns.length ? Math.min(...cpuRuns) : 0;
      console.log(
        `whole command, ${size} chars, ${label}: best of ${runs.length} ${(best * 1000).toFixed(0)} ms = ${(size / best / 1000).toFixed(0)}k chars/s` +
          ` (runs ${runs.map((r) => (r * 1000).toFixed(0)).join(", ")} ms${cpu ? `; CPU ${(cpu * 1000).toFixed(0)} ms` : ""})`,
      );
    }
  }
  if (gold) {
    console.log(`F1 on ${GOLD} (${lines.length} lines; the shipped model was trained on it, see npm run eval):`);
    score(out, gold);
  }
}

await main();
