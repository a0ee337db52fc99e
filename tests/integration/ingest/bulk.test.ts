// `jianwen ingest --bulk` (CSV + Neo4j's offline importer) gives the graph the normal batched MERGE gives: the
// same node ids, relationship keys, fact counts, evidence and first/last dates, node properties and aliases;
// a normal ingest after a bulk load adds to it as to a normally loaded graph; a database that holds anything is
// refused. Runs the real CLI against the test Neo4j, which --bulk stops and starts again, so it needs the
// embedded launcher (the global setup's, or `jianwen db start` on JIANWEN_TEST_PORT).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { beforeAll, describe, expect, it } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { analyzeGraph } from "../../../graph/analyze.js";
import { fictionalJsonl, resetGraph, runIngest, snapshot, useIngestSandbox, type Snapshot } from "./helpers.js";

const NEWS = fileURLToPath(new URL("../../../../shared/data/news/xinwenlianbo.jsonl", import.meta.url));
const ITEMS = 200;
const FIRST = 150;
// A bulk run stops and starts Neo4j: tens of seconds on a busy machine on top of extraction.
const BULK_TIMEOUT = 400_000;

/** The first `n` lines of the news corpus when it is present, else fictional articles of the same number. */
function corpusLines(n: number): string[] {
  if (existsSync(NEWS)) {
    const lines: string[] = [];
    for (const line of readFileSync(NEWS, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      lines.push(line);
      if (lines.length === n) break;
    }
    return lines;
  }
  console.warn("tests/integration/ingest/bulk: ../shared/data/news is absent; using fictional articles");
  return fictionalJsonl(0, n).trim().split("\n");
}

/** Node properties the two paths must agree on (aliases sorted: loads may add them in another order). */
async function nodeProperties(driver: Driver): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (n)
     WITH n, COLLECT { UNWIND coalesce(n.aliases, []) AS a RETURN a ORDER BY a } AS aliases
     RETURN n.id + ' ' + coalesce(n.name, n.title, '-') + ' ' + coalesce(n.date, '-') + ' ' + coalesce(n.kind, '-') + ' ' +
            coalesce(n.level, '-') + ' ' + coalesce(n.code, '-') + ' ' + coalesce(n.source, '-') + ' ' +
            coalesce(toString(n.ingested), '-') + ' ' + coalesce(toString(size(n.text)), '-') + ' ' +
            reduce(acc = '', a IN aliases | acc + '|' + a) AS s
     ORDER BY s`,
    {},
    { routing: "READ" },
  );
  return records.map((r) => String(r.get("s")));
}

interface Metrics {
  degree: number;
  pagerank: number;
  betweenness: number;
  community: number;
}

/** The analysis properties of every entity, by id. */
async function metrics(driver: Driver): Promise<Map<string, Metrics>> {
  const { records } = await driver.executeQuery(
    "MATCH (n) WHERE NOT n:Article RETURN n.id AS id, n.degree AS degree, n.pagerank AS pagerank, n.betweenness AS betweenness, n.community AS community",
    {},
    { routing: "READ" },
  );
  return new Map(
    records.map((r) => [
      String(r.get("id")),
      {
        degree: Number(r.get("degree")),
        pagerank: Number(r.get("pagerank")),
        betweenness: Number(r.get("betweenness")),
        community: Number(r.get("community")),
      },
    ]),
  );
}

describe("ingest --bulk", () => {
  const sb = useIngestSandbox();
  let all: string;
  let first: string;
  let rest: string;
  let normal: Snapshot;
  let normalProps: string[];
  const flags = (report: string, ...extra: string[]) => sb.flags(report, "--workers", "2", ...extra);
  /**
   * A driver remembers the last transaction it saw and waits for the server to reach it; after an import the
   * store starts again from a lower transaction, so a client of the old store reconnects with a new driver.
   */
  const freshDriver = async () => {
    await sb.driver.close();
    sb.driver = await openDriver({ ...connectionSettingsFromEnv(), uri: sb.uri });
  };

  beforeAll(async () => {
    const lines = corpusLines(ITEMS);
    expect(lines.length).toBe(ITEMS);
    all = await sb.dir.write("all.jsonl", `${lines.join("\n")}\n`);
    first = await sb.dir.write("first.jsonl", `${lines.slice(0, FIRST).join("\n")}\n`);
    rest = await sb.dir.write("rest.jsonl", `${lines.slice(FIRST).join("\n")}\n`);
    await resetGraph(sb.driver);
    const run = await runIngest(sb.uri, [all, ...flags("normal")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    normal = await snapshot(sb.driver);
    normalProps = await nodeProperties(sb.driver);
  });

  it("loads the graph the normal path loads, and leaves Neo4j running", { timeout: BULK_TIMEOUT }, async () => {
    expect(normal.nodes.length).toBeGreaterThan(ITEMS);
    await resetGraph(sb.driver);
    const run = await runIngest(sb.uri, [all, "--bulk", ...flags("bulk")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    await freshDriver();
    const bulk = await snapshot(sb.driver);
    expect(bulk.nodes.length).toBe(normal.nodes.length);
    expect(bulk.relationships.length).toBe(normal.relationships.length);
    expect(bulk.nodes).toEqual(normal.nodes);
    expect(bulk.relationships).toEqual(normal.relationships);
    expect(bulk.facts).toEqual(normal.facts);
    expect(await nodeProperties(sb.driver)).toEqual(normalProps);
    const report = JSON.parse(readFileSync(`${sb.dir.root}/bulk.json`, "utf8")) as {
      summary: { articlesNew: number; relationshipsCreated: number };
      bulk: { nodes: number; relationships: number; importMs: number; warmUpMs: number };
    };
    expect(report.summary.articlesNew).toBe(ITEMS);
    expect(report.bulk.nodes).toBe(normal.nodes.length);
    expect(report.bulk.relationships).toBe(normal.relationships.length);
    expect(report.bulk.importMs).toBeGreaterThan(0);
    // The launcher warmed up on a store of its own while the workers extracted.
    expect(report.bulk.warmUpMs).toBeGreaterThan(0);
  });

  it(
    "imports the degree, PageRank and betweenness that jianwen analyze computes from the stored graph",
    { timeout: BULK_TIMEOUT },
    async () => {
      await resetGraph(sb.driver);
      const report = `${sb.dir.root}/bulk-metrics.json`;
      const run = await runIngest(sb.uri, [
        all,
        "--bulk",
        "--no-model",
        "--workers",
        "2",
        "--quiet",
        "--report",
        report,
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(JSON.parse(readFileSync(report, "utf8")).bulk.metricsMs).toBeGreaterThan(0);
      await freshDriver();
      const imported = await metrics(sb.driver);
      expect(imported.size).toBeGreaterThan(ITEMS);
      await analyzeGraph(sb.driver);
      const analyzed = await metrics(sb.driver);
      expect([...imported.keys()].sort()).toEqual([...analyzed.keys()].sort());
      for (const [id, m] of analyzed) {
        const got = imported.get(id)!;
        expect(got.degree, id).toBe(m.degree);
        expect(got.pagerank, id).toBeCloseTo(m.pagerank, 12);
        expect(got.betweenness, id).toBeCloseTo(m.betweenness, 12);
        expect(Number.isInteger(got.community), id).toBe(true);
      }
    },
  );

  it("refuses a database that is not empty, saying to use the normal path", async () => {
    const run = await runIngest(sb.uri, [rest, "--bulk", ...flags("refused")]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--bulk only loads an empty database/);
    expect(run.stderr).toMatch(/without --bulk/);
  });

  it(
    "leaves Neo4j running as it was found when the CSV cannot be written after the launcher stood by",
    { timeout: BULK_TIMEOUT },
    async () => {
      await resetGraph(sb.driver);
      // The list delimiter of the CSV in an article's text: refused once extraction is over, with the new launcher
      // already standing by for the import file.
      const lines = corpusLines(20);
      const item = JSON.parse(lines[0]!) as { text: string };
      item.text = `${item.text}\u001f`;
      lines[0] = JSON.stringify(item);
      const bad = await sb.dir.write("delimiter.jsonl", `${lines.join("\n")}\n`);
      const run = await runIngest(sb.uri, [bad, "--bulk", ...flags("delimiter")]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/U\+001F/);
      await freshDriver();
      const { records } = await sb.driver.executeQuery("MATCH (n) RETURN count(n) AS n", {}, { routing: "READ" });
      expect(Number(records[0]?.get("n"))).toBe(0);
    },
  );

  it(
    "takes a normal incremental ingest afterwards: bulk of a part, then the whole, gives the normal graph",
    { timeout: BULK_TIMEOUT },
    async () => {
      await resetGraph(sb.driver);
      const bulk = await runIngest(sb.uri, [first, "--bulk", ...flags("bulk-first")]);
      expect(bulk.stderr).toBe("");
      expect(bulk.code).toBe(0);
      await freshDriver();
      const after = await runIngest(sb.uri, [all, ...flags("incremental")]);
      expect(after.stderr).toBe("");
      expect(after.code).toBe(0);
      const report = JSON.parse(readFileSync(`${sb.dir.root}/incremental.json`, "utf8")) as {
        summary: { articlesNew: number; articlesSkipped: number };
      };
      // The imported articles are marked ingested, so the normal run skips them and writes only the rest.
      expect(report.summary.articlesSkipped).toBeGreaterThanOrEqual(FIRST);
      expect(report.summary.articlesNew).toBeLessThanOrEqual(ITEMS - FIRST);
      const combined = await snapshot(sb.driver);
      expect(combined.nodes).toEqual(normal.nodes);
      expect(combined.relationships).toEqual(normal.relationships);
      expect(combined.facts).toEqual(normal.facts);
      expect(await nodeProperties(sb.driver)).toEqual(normalProps);
    },
  );
});
