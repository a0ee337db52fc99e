// `npm run eval:graph [-- FILES… --verbose --no-model --out FILE]`: extracts the annotated news-gold articles
// (../shared/data/news-gold) in-process, as `jianwen extract --json` does, and scores the graph with
// ../shared/tools/score-graph.mjs: entity recall and precision, typed relation recall, title accuracy.
// Also prints the in-process extraction speed. Runs from the sources (tsx), so no build is needed.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFiles } from "../cli/extract-files.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GOLD_DIR = join(ROOT, "../shared/data/news-gold");
const args = process.argv.slice(2);
const flag = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const files = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--out" && args[i - 1] !== "--gold");
const gold = flag("--gold") ?? join(GOLD_DIR, "gold.json");
if (!existsSync(gold)) {
  console.log(`bench/graph: ${gold} is absent (the shared folder sits beside the project); nothing to score`);
  process.exit(0);
}
const t0 = performance.now();
const { doc, failures } = await extractFiles(files.length ? files : [join(GOLD_DIR, "articles")], {
  model: !args.includes("--no-model"),
});
const seconds = (performance.now() - t0) / 1000;
for (const f of failures) console.error(`bench/graph: ${f}`);
const out = flag("--out") ?? join(tmpdir(), `jianwen-graph-${process.pid}.json`);
writeFileSync(out, JSON.stringify(doc));
const chars = doc.articles.reduce((n, a) => n + a.text.length, 0);
console.log(
  `extracted ${doc.articles.length} articles, ${chars} chars in ${seconds.toFixed(2)} s (model load included): ` +
    `${doc.entities.length} entities, ${doc.relations.length} relations -> ${out}`,
);
const score = spawnSync(
  process.execPath,
  [
    join(ROOT, "../shared/tools/score-graph.mjs"),
    out,
    "--gold",
    gold,
    ...(args.includes("--verbose") ? ["--verbose"] : []),
  ],
  { stdio: "inherit" },
);
process.exit(score.status ?? 1);
