// Two `jianwen ingest` processes at once on overlapping inputs leave no duplicate nodes or relationships and
// the same graph as one run over the union; so do two shards (--shard 1/2 and 2/2) of one archive.
import { beforeAll, describe, expect, it } from "vitest";
import {
  duplicates,
  fictionalJsonl,
  resetGraph,
  runIngest,
  snapshot,
  useIngestSandbox,
  type Snapshot,
} from "./helpers.js";

describe("concurrent ingests", () => {
  const sb = useIngestSandbox();
  let parts: string[];
  let union: Snapshot;
  const common = (report: string) => sb.flags(report, "--batch-articles", "20", "--workers", "1");

  beforeAll(async () => {
    // Three files; the two processes share the middle one.
    parts = [
      await sb.dir.write("a.jsonl", fictionalJsonl(0, 60)),
      await sb.dir.write("b.jsonl", fictionalJsonl(60, 120)),
      await sb.dir.write("c.jsonl", fictionalJsonl(120, 180)),
    ];
    await resetGraph(sb.driver);
    const run = await runIngest(sb.uri, [...parts, ...common("union")]);
    expect(run.code).toBe(0);
    union = await snapshot(sb.driver);
  });

  it("leave no duplicates and the union's graph when their inputs overlap", async () => {
    await resetGraph(sb.driver);
    const [one, two] = await Promise.all([
      runIngest(sb.uri, [parts[0]!, parts[1]!, ...common("one")]),
      runIngest(sb.uri, [parts[1]!, parts[2]!, ...common("two")]),
    ]);
    expect([one.code, two.code, one.stderr, two.stderr]).toEqual([0, 0, "", ""]);
    expect(await duplicates(sb.driver)).toEqual({ nodes: [], relationships: [] });
    expect(await snapshot(sb.driver)).toEqual(union);
  });

  it("split one archive between shards without overlap or loss", async () => {
    await resetGraph(sb.driver);
    const runs = await Promise.all([
      runIngest(
        sb.uri,
        [...parts, ...common("s1"), "--shard", "1/2", "--json"].filter((a) => a !== "--quiet"),
      ),
      runIngest(
        sb.uri,
        [...parts, ...common("s2"), "--shard", "2/2", "--json"].filter((a) => a !== "--quiet"),
      ),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const summaries = runs.map(
      (r) => JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { documentsRead: number; documentsOtherShard: number },
    );
    // Each shard took some of the 180 items and left the rest to the other.
    expect(summaries.map((s) => s.documentsRead - s.documentsOtherShard).every((n) => n > 0)).toBe(true);
    expect(summaries.reduce((sum, s) => sum + s.documentsRead - s.documentsOtherShard, 0)).toBe(180);
    expect(await duplicates(sb.driver)).toEqual({ nodes: [], relationships: [] });
    expect(await snapshot(sb.driver)).toEqual(union);
  });
});
