// `--atomic-loads`: each load commits whole or not at all. A run killed with SIGKILL at any moment leaves only
// whole loads behind: every article in the graph is marked complete, their count is a multiple of the load size,
// and every node and relationship is one a clean run also writes.
import { beforeAll, describe, expect, it } from "vitest";
import {
  countArticles,
  fictionalJsonl,
  resetGraph,
  runIngest,
  snapshot,
  startIngest,
  useIngestSandbox,
  type Snapshot,
} from "./helpers.js";

const ARTICLES = 300;
const LOAD = 25;

describe("a run writing each load in one transaction", () => {
  const sb = useIngestSandbox();
  let corpus: string;
  let clean: Snapshot;
  const args = () => [
    corpus,
    ...sb.flags("atomic", "--batch-articles", String(LOAD), "--workers", "2", "--atomic-loads"),
  ];

  beforeAll(async () => {
    corpus = await sb.dir.write("news.jsonl", fictionalJsonl(0, ARTICLES));
    await resetGraph(sb.driver);
    const run = await runIngest(sb.uri, args());
    expect([run.code, run.stderr]).toEqual([0, ""]);
    clean = await snapshot(sb.driver);
  });

  it("leaves only whole loads when killed in the middle", async () => {
    await resetGraph(sb.driver);
    const { child, done } = startIngest(sb.uri, args());
    while (child.exitCode === null && (await countArticles(sb.driver)) < LOAD) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    expect((await done).signal).toBe("SIGKILL");
    const { records } = await sb.driver.executeQuery(
      "MATCH (a:Article) RETURN count(a) AS all, count(CASE WHEN a.ingested THEN 1 END) AS complete",
    );
    const all = Number(records[0]?.get("all"));
    expect(all).toBeGreaterThanOrEqual(LOAD);
    expect(all).toBeLessThan(ARTICLES);
    expect(Number(records[0]?.get("complete"))).toBe(all);
    expect(all % LOAD).toBe(0);
    const partial = await snapshot(sb.driver);
    expect(partial.nodes.filter((n) => !clean.nodes.includes(n))).toEqual([]);
    expect(partial.relationships.filter((r) => !clean.relationships.includes(r))).toEqual([]);
  });
});
