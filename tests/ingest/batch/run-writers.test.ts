// The run's writers: at most --concurrency loads write at once, every document goes to exactly one load, and
// loads start in the order their batches were gathered.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Driver } from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { BACKLOG_LOADS, runIngest } from "../../../ingest/batch/run.js";
import { newStats } from "../../../ingest/batch/stats.js";
import { resolveIngestSettings } from "../../../ingest/batch/settings.js";
import { emptyOutcome, type LoadEntry } from "../../../ingest/batch/writer.js";

const dir = mkdtempSync(join(tmpdir(), "jianwen-run-writers-"));
const file = join(dir, "items.jsonl");
const COUNTIES = ["青河", "石门", "临川", "澄江", "白水", "南屏"];
const lines = Array.from({ length: 36 }, (_, i) => {
  const county = COUNTIES[i % COUNTIES.length]!;
  const text = `本报讯 3月${(i % 28) + 1}日，${county}县召开第${i + 1}次项目推进会，县长出席会议并讲话。`;
  return JSON.stringify({ title: `推进会${i + 1}`, date: "2023-03-01", text });
});
writeFileSync(file, `${lines.join("\n")}\n`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the run's writers", () => {
  it.each([1, 2])("never let more than %i loads write at once, and give every document to one load", async (n) => {
    const settings = resolveIngestSettings({
      workers: 0,
      model: false,
      analyze: false,
      batchArticles: 5,
      concurrency: n,
    });
    let active = 0;
    let most = 0;
    const loads: LoadEntry[][] = [];
    const write = async (entries: LoadEntry[]) => {
      active++;
      most = Math.max(most, active);
      loads.push(entries);
      await sleep(30);
      active--;
      return { ...emptyOutcome(), articlesNew: entries.length, rows: entries.length };
    };
    const { stats } = await runIngest({} as Driver, [file], { settings, write });
    expect(most).toBe(n);
    const lineNumbers = loads.flat().map((e) => e.line);
    expect(lineNumbers).toHaveLength(lines.length);
    expect(new Set(lineNumbers).size).toBe(lines.length);
    expect(stats.articlesNew).toBe(lines.length);
    // The report lists every load once, with its rows.
    expect(stats.loads).toHaveLength(loads.length);
    expect(stats.loads.reduce((sum, l) => sum + l.rows, 0)).toBe(stats.rowsWritten);
    expect(stats.loads.every((l) => l.atMs >= 0)).toBe(true);
    // Loads start in the order their batches were taken: with one writer, the documents come back in file order.
    if (n === 1) expect(lineNumbers).toEqual([...lineNumbers].sort((a, b) => a! - b!));
  });
});

describe("the run's backlog", () => {
  it("keeps extracting while a slow load writes, up to BACKLOG_LOADS loads' worth", async () => {
    const settings = resolveIngestSettings({ workers: 0, model: false, analyze: false, batchArticles: 4 });
    const stats = newStats();
    const extractedDuringLoad: number[] = [];
    const write = async (entries: LoadEntry[]) => {
      const before = stats.documentsExtracted;
      await sleep(150);
      extractedDuringLoad.push(stats.documentsExtracted - before);
      return { ...emptyOutcome(), articlesNew: entries.length, rows: entries.length };
    };
    await runIngest({} as Driver, [file], { settings, write, stats });
    // While the first load (4 articles) writes, the backlog fills to BACKLOG_LOADS loads, and stops there.
    const first = extractedDuringLoad[0]!;
    expect(first).toBeGreaterThan(settings.batchArticles);
    expect(first).toBeLessThanOrEqual(settings.batchArticles * BACKLOG_LOADS);
    expect(stats.articlesNew).toBe(lines.length);
  });
});
