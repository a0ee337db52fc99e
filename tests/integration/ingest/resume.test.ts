// A run killed with SIGKILL in the middle and started again ends with exactly the graph a clean run gives;
// ingesting the same input twice changes nothing. Runs the real `jianwen ingest` against the test Neo4j.
import { beforeAll, describe, expect, it } from "vitest";
import {
  countArticles,
  fictionalJsonl,
  resetGraph,
  runIngest,
  snapshot,
  startIngest,
  useIngestSandbox,
  ROOT,
  type Snapshot,
} from "./helpers.js";

const ARTICLES = 200;
const BATCH = 25;

describe("a batch ingest killed and rerun", () => {
  const sb = useIngestSandbox();
  let corpus: string;
  let clean: Snapshot;
  const args = () => [corpus, ...sb.flags("report", "--batch-articles", String(BATCH), "--workers", "2")];

  beforeAll(async () => {
    corpus = await sb.dir.write("news.jsonl", fictionalJsonl(0, ARTICLES));
    await resetGraph(sb.driver);
    const run = await runIngest(sb.uri, args());
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    clean = await snapshot(sb.driver);
  });

  it("writes every article of the corpus on a clean run", async () => {
    expect(clean.nodes.filter((n) => n.startsWith("Article ")).length).toBe(ARTICLES);
    expect(clean.relationships.length).toBeGreaterThan(ARTICLES);
  });

  it("ends with the clean run's nodes and relationships after kill -9 in the middle and a rerun", async () => {
    await resetGraph(sb.driver);
    const { child, done } = startIngest(sb.uri, args());
    let written = 0;
    while (written < BATCH && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
      written = await countArticles(sb.driver);
    }
    child.kill("SIGKILL");
    const killed = await done;
    expect(killed.signal).toBe("SIGKILL");
    const partial = await countArticles(sb.driver);
    // The kill must land mid-run for the test to mean anything.
    expect(partial).toBeGreaterThanOrEqual(BATCH);
    expect(partial).toBeLessThan(ARTICLES);

    const rerun = await runIngest(sb.uri, args());
    expect(rerun.code).toBe(0);
    expect(await snapshot(sb.driver)).toEqual(clean);
  });

  it("leaves identical counts when the same page is ingested twice", async () => {
    await resetGraph(sb.driver);
    const page = `${ROOT}/samples/dezhou-evening-2024-03-12-p1.txt`;
    const pageArgs = [page, "--no-analyze", "--no-model", "--json", "--report", `${sb.dir.root}/twice.json`];
    const first = await runIngest(sb.uri, pageArgs);
    const afterFirst = await snapshot(sb.driver);
    const second = await runIngest(sb.uri, pageArgs);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(await snapshot(sb.driver)).toEqual(afterFirst);
    const summary = (run: typeof first) => JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
    expect(summary(first).articlesNew).toBeGreaterThan(0);
    expect(summary(second).articlesNew).toBe(0);
    expect(summary(second).articlesSkipped).toBe(summary(first).articlesRead);
  });
});
