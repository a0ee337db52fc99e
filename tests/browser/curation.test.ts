// Corrections through the explorer that stick: the shipped sample pages are ingested, the service runs with
// --curate and a token, and a person rejects a wrong organization and merges a project named twice, with the
// panel's buttons. Both land in the curation file and in Neo4j; then the graph is emptied and the same files are
// ingested again, and the corrections hold, in Neo4j and on the page.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Driver } from "neo4j-driver";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../cypher/driver.js";
import { emptyGraph } from "../../cypher/empty.js";
import { createServer, type JianwenServer } from "../../cypher/service/server.js";
import { readCuration } from "../../graph/curation/file.js";
import { ingestPaths } from "../../ingest/batch/index.js";
import { chromiumAvailable, launch, openPage, ready, screenshot } from "./harness.js";

const hasChromium = await chromiumAvailable();
const SAMPLES = resolve("samples");
const WRONG = "org:经济运行开好局";
const TWICE = "project:德州恒裕新材料项目";
const KEPT = "project:德州恒裕新材料有限公司高性能纤维材料项目（一期）";
const TOKEN = "curation-test-token-0123456789";

describe.skipIf(!hasChromium)("corrections in the explorer", () => {
  let driver: Driver;
  let server: JianwenServer;
  let browser: BrowserContext;
  let page: Page;
  let dir: string;
  let file: string;
  const errors: string[] = [];

  const ingest = () => ingestPaths([SAMPLES], { driver, settings: { workers: 1 }, report: null, curation: file });
  const node = async (id: string) => {
    const { records } = await driver.executeQuery(
      "MATCH (n {id: $id}) RETURN n.name AS name, n.aliases AS aliases, COUNT { (n)--() } AS degree",
      { id },
      { routing: "READ" },
    );
    const r = records[0];
    return r
      ? { name: r.get("name") as string, aliases: r.get("aliases") as string[], degree: Number(r.get("degree")) }
      : null;
  };
  const openPanel = async (id: string, name: string) => {
    await page.evaluate((n) => window.__jianwen?.select(n), id);
    await page.getByTestId("panel-title").filter({ hasText: name }).waitFor();
  };

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await emptyGraph(driver);
    dir = await mkdtemp(join(tmpdir(), "jianwen-curation-"));
    file = join(dir, "curation.yaml");
    await ingest();
    server = await createServer({
      driver,
      port: 0,
      token: TOKEN,
      curation: file,
      staticDir: resolve("dist/explorer"),
    });
    const url = await server.listen();
    browser = await launch();
    page = await openPage(browser, errors);
    await page.goto(url);
    await ready(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await emptyGraph(driver);
    await driver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("holds both nodes before any correction", async () => {
    expect(await node(WRONG)).not.toBeNull();
    expect((await node(TWICE))?.degree).toBeGreaterThan(0);
    expect(await node(KEPT)).not.toBeNull();
    const drawn = await page.evaluate(
      (ids) => ids.map((id) => window.__jianwen?.dataset.graph.hasNode(id)),
      [WRONG, TWICE],
    );
    expect(drawn).toEqual([true, true]);
  });

  it("rejects a wrong organization from its panel", async () => {
    await openPanel(WRONG, "经济运行开好局");
    await page.getByTestId("curate-reject").click();
    await page.getByTestId("curate-note").fill("标题里的词，不是机构");
    await screenshot(page, "curation-reject-form");
    await page.getByTestId("curate-confirm").click();
    await expect.poll(() => page.evaluate((id) => window.__jianwen?.dataset.graph.hasNode(id), WRONG)).toBe(false);
    expect(await node(WRONG)).toBeNull();
    const { decisions } = await readCuration(file);
    expect(decisions).toMatchObject([{ id: "c1", action: "reject", node: WRONG, note: "标题里的词，不是机构" }]);
  });

  it("merges a project named twice into the other, found by search, keeping all its evidence", async () => {
    const before = await driver.executeQuery(
      "MATCH (n:Project {id: $id})-[r:RUNS|LOCATED_IN]->(o) RETURN type(r) + ' ' + o.id AS fact ORDER BY fact",
      { id: TWICE },
    );
    const moved = before.records.map((r) => String(r.get("fact")));
    expect(moved.length).toBeGreaterThan(0);
    await openPanel(TWICE, "德州恒裕新材料项目");
    await page.getByTestId("curate-merge").click();
    await page.getByTestId("curate-merge-search").fill("高性能纤维");
    const target = page.getByTestId("curate-merge-results").locator(`a[data-id="${KEPT}"]`);
    await target.waitFor();
    await screenshot(page, "curation-merge-search");
    await target.click();
    await page.getByTestId("panel-title").filter({ hasText: "高性能纤维材料项目" }).waitFor();
    expect(await node(TWICE)).toBeNull();
    expect((await node(KEPT))?.aliases).toContain("德州恒裕新材料项目");
    // Every fact of the merged node is now a fact of the kept one, with the sentences of both.
    const after = await driver.executeQuery(
      `MATCH (n:Project {id: $id})-[r:RUNS|LOCATED_IN]->(o)
       RETURN type(r) + ' ' + o.id AS fact, r.evidenceSentences AS sentences ORDER BY fact`,
      { id: KEPT },
    );
    expect(after.records.map((r) => String(r.get("fact")))).toEqual(expect.arrayContaining(moved));
    expect(
      after.records.some((r) => (r.get("sentences") as string[]).some((s) => s.includes("德州恒裕新材料项目"))),
    ).toBe(true);
    await screenshot(page, "curation-merged");
  });

  it("keeps both corrections through a re-ingest of the same files into an emptied graph", async () => {
    const kept = await node(KEPT);
    await emptyGraph(driver);
    expect(await node(KEPT)).toBeNull();
    const outcome = await ingest();
    expect(outcome.summary.articlesNew).toBeGreaterThan(0);
    expect(outcome.curation?.results.map((r) => [r.id, r.outcome])).toEqual([
      ["c1", "applied"],
      ["c2", "applied"],
    ]);
    expect(await node(WRONG)).toBeNull();
    expect(await node(TWICE)).toBeNull();
    expect(await node(KEPT)).toEqual(kept);
    // The page, loaded afresh, draws neither.
    await page.reload();
    await ready(page);
    const drawn = await page.evaluate(
      (ids) => ids.map((id) => window.__jianwen?.dataset.graph.hasNode(id)),
      [WRONG, TWICE, KEPT],
    );
    expect(drawn).toEqual([false, false, true]);
    await screenshot(page, "curation-after-reingest");
    expect(await readFile(file, "utf8")).toMatch(/action: merge[\s\S]*into: project:德州恒裕新材料有限公司/);
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
