// A run that meets a fatal error reports it and exits non-zero within seconds: Neo4j going away in the middle of
// a run (a TCP relay in front of the test server is shut), a schema statement the server refuses (duplicate ids
// where the schema wants a unique constraint), and no server at all.
import { readFile } from "node:fs/promises";
import { createServer, connect, type Server, type Socket } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { ExtractionError } from "../../../core/errors.js";
import { applySchema } from "../../../cypher/schema.js";
import { resolveIngestSettings } from "../../../ingest/batch/index.js";
import { runIngest as runInProcess } from "../../../ingest/batch/run.js";
import { countArticles, fictionalJsonl, resetGraph, runIngest, startIngest, useIngestSandbox } from "./helpers.js";

/** A relay on a free local port to the test Neo4j; shut() refuses new connections and drops the open ones. */
async function relay(target: URL): Promise<{ uri: string; shut: () => void }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 7687), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => s.destroy());
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("tests/fatal: the relay has no port");
  return {
    uri: `bolt://127.0.0.1:${address.port}`,
    shut: () => {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

describe("a fatal error", () => {
  const sb = useIngestSandbox();
  let big: string;

  beforeAll(async () => {
    big = await sb.dir.write("big.jsonl", fictionalJsonl(0, 3000));
  });

  it("ends the run within 30 s when Neo4j goes away in the middle of it", async () => {
    await resetGraph(sb.driver);
    const neo4j = await relay(new URL(sb.uri));
    const run = startIngest(neo4j.uri, [big, ...sb.flags("gone", "--batch-articles", "20", "--workers", "1")]);
    // Wait until the run has written something, then take the server away.
    for (let i = 0; i < 600 && (await countArticles(sb.driver)) === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await countArticles(sb.driver)).toBeGreaterThan(0);
    const shutAt = performance.now();
    neo4j.shut();
    const result = await run.done;
    expect(seconds(shutAt)).toBeLessThan(30);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^jianwen: .*(unreachable|ECONNREFUSED)/m);
    expect(await countArticles(sb.driver)).toBeLessThan(3000);
    // The report says why the run stopped and lists the inputs it could not write.
    const report = JSON.parse(await readFile(`${sb.dir.root}/gone.json`, "utf8")) as {
      stoppedBy?: string;
      failures: Array<{ stage: string }>;
    };
    expect(report.stoppedBy).toMatch(/unreachable|ECONNREFUSED/);
    expect(report.failures.some((f) => f.stage === "load")).toBe(true);
  });

  it("ends the run when Neo4j refuses a schema statement", async () => {
    await resetGraph(sb.driver);
    await sb.driver.executeQuery("DROP CONSTRAINT person_id IF EXISTS");
    await sb.driver.executeQuery("CREATE (:Person {id: 'person:twin'}), (:Person {id: 'person:twin'})");
    try {
      const began = performance.now();
      const result = await runIngest(sb.uri, [big, ...sb.flags("refused")]);
      expect(seconds(began)).toBeLessThan(30);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /^jianwen: cypher\/schema: Neo4j refused a schema statement \(CREATE CONSTRAINT person_id/m,
      );
      expect(await countArticles(sb.driver)).toBe(0);
    } finally {
      await resetGraph(sb.driver);
      await applySchema(sb.driver);
    }
  });

  it("ends the run at once when nothing answers", async () => {
    const closed = await relay(new URL(sb.uri));
    closed.shut();
    const began = performance.now();
    const result = await runIngest(closed.uri, [big, ...sb.flags("nothing")]);
    expect(seconds(began)).toBeLessThan(30);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^jianwen: cypher\/driver: nothing answers/m);
  });

  it("ends the run with an ExtractionError when an extraction worker dies", async () => {
    await resetGraph(sb.driver);
    const settings = resolveIngestSettings({ workers: 2, model: false, analyze: false, batchArticles: 20 });
    const began = performance.now();
    const run = runInProcess(sb.driver, [big], {
      settings,
      pool: { script: new URL("../../fixtures/dying-worker.mjs", import.meta.url) },
    });
    await expect(run).rejects.toBeInstanceOf(ExtractionError);
    expect(seconds(began)).toBeLessThan(30);
    expect(await countArticles(sb.driver)).toBe(0);
  });
});
