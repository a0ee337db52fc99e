// `npm run audit [-- --seed S --size N --corpus FILE --graph FILE --save-graph FILE --write-pending FILE --quiet
// --show-wrong]`:
// extracts the news corpus in-process with the shipped model (as `jianwen extract --json` does), draws a fixed-seed
// sample of each entity type and of HOLDS_POSITION and PARTICIPATED_IN, and prints precision per group from the
// judgements in tests/fixtures/audit/*.tsv. Items without a judgement are printed with their evidence sentence (and
// written to the --write-pending file) so a person can judge them; judgements of items no longer drawn are ignored.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { GraphDoc } from "../core/model.js";
import { extractFiles } from "../cli/extract-files.js";
import { auditItems, drawSample, scoreSample, type AuditItem } from "./audit/sample.js";
import { loadJudgements, pendingLines } from "./audit/judgements.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const seed = flag("--seed") ?? "jianwen-audit-1";
const size = Number(flag("--size") ?? 100);
const corpus = flag("--corpus") ?? join(ROOT, "../shared/data/news/xinwenlianbo.jsonl");
const judgementsDir = flag("--judgements") ?? join(ROOT, "tests/fixtures/audit");

async function graph(): Promise<GraphDoc> {
  const saved = flag("--graph");
  if (saved) return JSON.parse(readFileSync(saved, "utf8")) as GraphDoc;
  if (!existsSync(corpus)) {
    console.log(`bench/audit: ${corpus} is absent (the shared folder sits beside the project); nothing to audit`);
    process.exit(0);
  }
  const t0 = performance.now();
  const { doc, failures } = await extractFiles([corpus], { model: !args.includes("--no-model") });
  for (const f of failures) console.error(`bench/audit: ${f}`);
  const chars = doc.articles.reduce((n, a) => n + a.text.length, 0);
  console.log(
    `extracted ${doc.articles.length} articles, ${chars} chars in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
      `${doc.entities.length} entities, ${doc.relations.length} relations`,
  );
  const out = flag("--save-graph");
  if (out) writeFileSync(out, JSON.stringify(doc));
  return doc;
}

const doc = await graph();
const items = auditItems(doc);
const sample = drawSample(items, seed, size);
const judgements = loadJudgements(judgementsDir);
const scores = scoreSample(sample, judgements);
const sampledKeys = new Set([...sample.values()].flat().map((i) => i.key));
const stale = [...judgements.keys()].filter((k) => !sampledKeys.has(k)).length;

const unjudged: AuditItem[] = scores.flatMap((s) => s.unjudged);
if (!args.includes("--quiet"))
  for (const s of scores) {
    if (!s.unjudged.length) continue;
    console.log(`\n${s.group}: ${s.unjudged.length} unjudged`);
    for (const i of s.unjudged) console.log(`  ${i.key}\n    ${i.name}\n    ${i.sentence}`);
  }
if (args.includes("--show-wrong"))
  for (const s of scores) {
    if (!s.wrongItems.length) continue;
    console.log(`\n${s.group}: ${s.wrongItems.length} judged wrong`);
    for (const { item, why } of s.wrongItems) console.log(`  ${item.name}  — ${why}`);
  }
const pending = flag("--write-pending");
if (pending) writeFileSync(pending, pendingLines(unjudged));

console.log(`\naudit of ${relative(ROOT, corpus)}, seed ${JSON.stringify(seed)}, ${size} a group`);
console.log("group             sampled  judged  right  wrong  precision  unjudged");
for (const s of scores) {
  const p = s.precision === null ? "   —" : s.precision.toFixed(3);
  console.log(
    `${s.group.padEnd(17)} ${String(s.sampled).padStart(7)} ${String(s.right + s.wrong).padStart(7)} ` +
      `${String(s.right).padStart(6)} ${String(s.wrong).padStart(6)}      ${p} ${String(s.unjudged.length).padStart(9)}`,
  );
}
console.log(
  `${unjudged.length} unjudged${pending ? ` (written to ${pending})` : ""}; ` +
    `${stale} judgements of items no longer drawn kept but ignored`,
);
