// `npm run bench:extract-graph [-- N]`: in-process graph extraction speed on one core — the first N items
// (default 2,000) of the news corpus (../shared/data/news/xinwenlianbo.jsonl), with the shipped tagger and the
// segmenter, as every ingest worker runs it. Prints characters per second for extraction alone (model load apart).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument } from "../ingest/index.js";
import { loadSegmenter } from "../ingest/segmenter.js";
import { loadTagger } from "../ingest/tagger.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = join(ROOT, "../shared/data/news/xinwenlianbo.jsonl");
const count = Number(process.argv[2] ?? 2000);
if (!existsSync(CORPUS)) {
  console.log(`bench/extract-graph: ${CORPUS} is absent (the shared folder sits beside the project); nothing to time`);
  process.exit(0);
}
const items = readFileSync(CORPUS, "utf8")
  .split("\n")
  .filter(Boolean)
  .slice(0, count)
  .map((l) => JSON.parse(l) as { title: string; date: string; text: string });
const t0 = performance.now();
const tagger = await loadTagger();
const segmenter = loadSegmenter();
const load = (performance.now() - t0) / 1000;
let chars = 0;
let entities = 0;
let relations = 0;
const t1 = performance.now();
const cpu0 = process.cpuUsage();
for (const [i, it] of items.entries()) {
  chars += it.text.length;
  const doc = extractDocument(
    { text: it.text, meta: { title: it.title, date: it.date }, origin: { file: CORPUS, line: i + 1 }, kind: "article" },
    { tagger, segmenter },
  );
  entities += doc.entities.length;
  relations += doc.relations.length;
}
const seconds = (performance.now() - t1) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time of this process: on a machine busy with other work it is the fairer figure.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `${items.length} items, ${chars.toLocaleString("en")} chars in ${seconds.toFixed(2)} s on one core: ` +
    `${Math.round(chars / seconds).toLocaleString("en")} chars/s wall, ` +
    `${Math.round(chars / cpuSeconds).toLocaleString("en")} chars/s of CPU time (model and dictionary load ${load.toFixed(2)} s); ` +
    `${entities} entities, ${relations} relations`,
);
