// `npm run eval`: PER/LOC/ORG span P/R/F1 of `jianwen extract --spans` on the People's Daily NER dev split,
// held out. The shipped model is trained on that split too (it is the only data in the test split's own
// conventions), so scoring the shipped model on it would measure memory, not reading. Instead the shipped recipe
// is run twice, each time training on one half of the split (sentence index % 2) and scoring the other half with
// ../shared/tools/score-spans.mjs through the whole `extract --spans` command. The folds train one after the
// other (about 8 GB of memory each; --parallel trains them at once). Every 20th sentence of MSRA train is never
// trained on (train.ts); fold 0's model scores that slice too, as the held-out figure in the MSRA convention.
// Options: --folds 0,1 (which halves to score)  --keep DIR (keep the fold models and half files there)  --parallel
//          --train ARGS… (everything after it goes to train.ts, to measure another recipe: --train --epochs 15)
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../../../core/errors.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const DATA = resolve(ROOT, "../shared/data");
const SCORER = resolve(ROOT, "../shared/tools/score-spans.mjs");
const all = process.argv.slice(2);
const cut = all.indexOf("--train");
const args = cut < 0 ? all : all.slice(0, cut);
const TRAIN_ARGS = cut < 0 ? [] : all.slice(cut + 1);
const opt = (name: string, dflt: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : dflt);
const FOLDS = opt("--folds", "0,1")
  .split(",")
  .map((f) => Number(f.trim()));
const KEEP = args.includes("--keep") ? resolve(opt("--keep", "")) : null;
const PARALLEL = args.includes("--parallel");
const MSRA_HOLD = 20; // as in train.ts

interface Run {
  code: number;
  out: string;
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = {}, echo = false): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.once("error", fail);
    child.once("close", (code) => done({ code: code ?? 1, out }));
  });
}

async function main(): Promise<void> {
  for (const f of FOLDS)
    if (f !== 0 && f !== 1) throw new InputError(`ingest/ner/eval: --folds takes 0 and/or 1, got ${f}`, "--folds");
  const gold = readFileSync(join(DATA, "peoples-daily/dev.spans.jsonl"), "utf8").trim().split("\n");
  const dir = KEEP ?? mkdtempSync(join(tmpdir(), "jianwen-eval-"));
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  try {
    console.log(
      `ner/eval: training ${FOLDS.length} fold model(s) of the ${TRAIN_ARGS.length ? `recipe with ${TRAIN_ARGS.join(" ")}` : "shipped recipe"}, each without the half it is scored on`,
    );
    const trainFold = async (f: number): Promise<{ f: number; model: string }> => {
      const model = join(dir, `fold${f}.bin`);
      const r = await run(process.execPath, [
        "--import",
        "tsx",
        "ingest/ner/training/train.ts",
        "--pd-ner-dev",
        `fold${f}`,
        "--out",
        model,
        ...TRAIN_ARGS,
      ]);
      if (r.code !== 0) throw new Error(`ner/eval: training fold ${f} failed:\n${r.out.slice(-2000)}`);
      const last =
        r.out
          .trim()
          .split("\n")
          .filter((l) => l.startsWith("epoch"))
          .at(-1) ?? "";
      console.log(`ner/eval: fold ${f} trained (${last.replace(/^epoch \d+: [^ ]+ wrong of \d+, [\d.]+s\s+/, "")})`);
      return { f, model };
    };
    const trained: { f: number; model: string }[] = [];
    if (PARALLEL) trained.push(...(await Promise.all(FOLDS.map(trainFold))));
    else for (const f of FOLDS) trained.push(await trainFold(f));
    const f1s: number[] = [];
    for (const { f, model } of trained) {
      const half = join(dir, `half${f}.spans.jsonl`);
      writeFileSync(half, gold.filter((_, i) => i % 2 === f).join("\n") + "\n");
      console.log(`\nner/eval: half ${f} of the People's Daily NER dev split (${half}), held out of fold ${f}'s model`);
      const r = await run(
        process.execPath,
        [SCORER, half, "--cmd", "node bin/jianwen.js extract --spans", "--min-f1", "0"],
        { JIANWEN_NER_MODEL: model, PROJECT: ROOT },
        true,
      );
      const m = /micro P [\d.]+ R [\d.]+ F1 ([\d.]+)/.exec(r.out);
      if (!m) throw new Error(`ner/eval: the scorer gave no micro F1 for half ${f}`);
      f1s.push(Number(m[1]));
    }
    const msraPath = join(DATA, "msra-train/train.spans.jsonl");
    let msraLine = "";
    if (existsSync(msraPath)) {
      const held = readFileSync(msraPath, "utf8")
        .trim()
        .split("\n")
        .filter((_, i) => i % MSRA_HOLD === 0);
      const file = join(dir, "msra-held.spans.jsonl");
      writeFileSync(file, held.join("\n") + "\n");
      console.log(
        `\nner/eval: every ${MSRA_HOLD}th MSRA train sentence (${held.length}), never trained on; fold ${trained[0]!.f}'s model`,
      );
      const r = await run(
        process.execPath,
        [SCORER, file, "--cmd", "node bin/jianwen.js extract --spans", "--min-f1", "0"],
        { JIANWEN_NER_MODEL: trained[0]!.model, PROJECT: ROOT },
        true,
      );
      const m = /micro P [\d.]+ R [\d.]+ F1 ([\d.]+)/.exec(r.out);
      msraLine = m ? `, MSRA held-out slice F1 ${m[1]}` : "";
    }
    const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
    console.log(
      `\nner/eval: held-out micro F1 ${f1s.map((x) => x.toFixed(3)).join(" / ")} -> mean ${mean.toFixed(3)}` +
        `${msraLine} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
    if (mean < 0.82) process.exitCode = 1;
  } finally {
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
