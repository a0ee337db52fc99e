// Runs started at the same moment on an empty database (no nodes, no indexes, no constraints): three shards of
// one archive, and six runs of the same file. They race on creating the schema and on writing the same entities;
// every run exits 0 and the graph equals one clean run's (same node ids, same relationship keys and evidence).
import neo4j, { type Driver } from "neo4j-driver";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_AUTH } from "../../../cypher/driver.js";
import { applySchema } from "../../../cypher/schema.js";
import {
  duplicates,
  fictionalJsonl,
  resetGraph,
  runIngest,
  snapshot,
  useIngestSandbox,
  type Snapshot,
} from "./helpers.js";

/** Drops every constraint and index but the built-in token lookups, and every node: a fresh database. */
async function emptyDatabase(driver: Driver): Promise<void> {
  await resetGraph(driver);
  const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name");
  for (const r of constraints.records)
    await driver.executeQuery(`DROP CONSTRAINT \`${String(r.get("name"))}\` IF EXISTS`);
  const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name");
  for (const r of indexes.records) await driver.executeQuery(`DROP INDEX \`${String(r.get("name"))}\` IF EXISTS`);
}

async function schemaNames(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN count(*) AS n",
  );
  return Number(records[0]?.get("n"));
}

describe("runs started together on an empty database", () => {
  const sb = useIngestSandbox();
  let file: string;
  let single: Snapshot;
  const flags = (report: string, ...extra: string[]) =>
    sb.flags(report, "--batch-articles", "25", "--workers", "1", ...extra);
  const together = (runs: string[][]) => Promise.all(runs.map((args) => runIngest(sb.uri, args)));

  beforeAll(async () => {
    file = await sb.dir.write("news.jsonl", fictionalJsonl(0, 300));
    await emptyDatabase(sb.driver);
    const run = await runIngest(sb.uri, [file, ...flags("single")]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    single = await snapshot(sb.driver);
    expect(single.nodes.filter((n) => n.startsWith("Article ")).length).toBe(300);
  });

  // Processes reach the schema step a few hundred milliseconds apart, which may or may not race; six drivers
  // in one process reach it within a millisecond, and without the retries most of them fail every time.
  it("six schema applications at once on an empty database all succeed", async () => {
    for (let round = 0; round < 3; round++) {
      await emptyDatabase(sb.driver);
      const drivers = Array.from({ length: 6 }, () => neo4j.driver(sb.uri, NO_AUTH));
      try {
        const results = await Promise.allSettled(drivers.map((d) => applySchema(d)));
        expect(results.map((r) => (r.status === "fulfilled" ? "ok" : String(r.reason)))).toEqual(
          drivers.map(() => "ok"),
        );
      } finally {
        await Promise.all(drivers.map((d) => d.close()));
      }
    }
  });

  it("three shards all succeed and give one run's graph", async () => {
    await emptyDatabase(sb.driver);
    const runs = await together([1, 2, 3].map((i) => [file, ...flags(`shard${i}`, "--shard", `${i}/3`)]));
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([1, 2, 3].map(() => [0, ""]));
    expect(await duplicates(sb.driver)).toEqual({ nodes: [], relationships: [] });
    expect(await snapshot(sb.driver)).toEqual(single);
    expect(await schemaNames(sb.driver)).toBeGreaterThan(0);
  });

  it("six runs of the same file all succeed and give one run's graph", async () => {
    await emptyDatabase(sb.driver);
    const runs = await together([1, 2, 3, 4, 5, 6].map((i) => [file, ...flags(`same${i}`)]));
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([1, 2, 3, 4, 5, 6].map(() => [0, ""]));
    expect(await duplicates(sb.driver)).toEqual({ nodes: [], relationships: [] });
    expect(await snapshot(sb.driver)).toEqual(single);
  });

  it("three shards writing each load in one transaction give the same graph", async () => {
    await emptyDatabase(sb.driver);
    const runs = await together(
      [1, 2, 3].map((i) => [file, ...flags(`atomic${i}`, "--shard", `${i}/3`, "--atomic-loads")]),
    );
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([1, 2, 3].map(() => [0, ""]));
    expect(await snapshot(sb.driver)).toEqual(single);
    // Later test files expect the schema in place.
    await applySchema(sb.driver);
  });
});
