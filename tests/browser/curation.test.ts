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
import { createServer, type JianwenServer } from "../../service/index.js";
import { readCuration } from "../../cypher/curation/file.js";
import { ingestPaths } from "../../ingest/batch/index.js";
import { chromiumAvailable, launch, openPage, ready, screenshot } from "./harness.js";

const hasChromium = await chromiumAvailable();
const SAMPLES = resolve("samples");
// What the extractor gets wrong on the samples today; should it learn better, other nodes of the same types stand in.
const WRONG_CHOICES = ["org:经济运行开好局", "org:德州市会展中心"];
const TWIN_CHOICES: Array<[string, string]> = [
  ["project:德州恒裕新材料项目", "project:德州恒裕新材料有限公司高性能纤维材料项目（一期）"],
  ["project:夏津县“黄河故道”生态修复工程", "project:夏津县黄河故道生态修复工程"],
  ["project:老旧小区改造工程", "project:平原县“智慧农机”服务平台"],
];
const TOKEN = "curation-test-token-0123456789";

describe.skipIf(!hasChromium)("corrections in the explorer", () => {
  let driver: Driver;
  let server: JianwenServer;
  let browser: BrowserContext;
  let page: Page;
  let dir: string;
  let file: string;
  const errors: string[] = [];
  let WRONG = "";
  let TWICE = "";
  let KEPT = "";

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
    await page.evaluate((n) => window.__jianwen?.open(n), id);
    await page.getByTestId("panel-title").filter({ hasText: name }).waitFor();
  };

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await emptyGraph(driver);
    dir = await mkdtemp(join(tmpdir(), "jianwen-curation-"));
    file = join(dir, "curation.yaml");
    await ingest();
    const present = async (id: string) => (await node(id)) !== null;
    for (const id of WRONG_CHOICES) if (!WRONG && (await present(id))) WRONG = id;
    for (const [a, b] of TWIN_CHOICES) if (!TWICE && (await present(a)) && (await present(b))) [TWICE, KEPT] = [a, b];
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
    expect([WRONG, TWICE, KEPT].every(Boolean)).toBe(true);
    expect(await node(WRONG)).not.toBeNull();
    expect((await node(TWICE))?.degree).toBeGreaterThan(0);
    expect(await node(KEPT)).not.toBeNull();
  });

  it("rejects a wrong organization from its panel", async () => {
    await openPanel(WRONG, (await node(WRONG))!.name);
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
    const facts = `MATCH (n:Project {id: $id})-[r]-(o) WHERE r.articleIds IS NOT NULL
       RETURN type(r) + ' ' + o.id AS fact, r.evidenceSentences AS sentences ORDER BY fact`;
    const before = await driver.executeQuery(facts, { id: TWICE });
    const moved = before.records.map((r) => String(r.get("fact")));
    const sentences = before.records.flatMap((r) => r.get("sentences") as string[]);
    expect(moved.length).toBeGreaterThan(0);
    const twiceName = (await node(TWICE))!.name;
    const keptName = (await node(KEPT))!.name;
    await openPanel(TWICE, twiceName);
    await page.getByTestId("curate-merge").click();
    await page.getByTestId("curate-merge-search").fill(keptName);
    const target = page.getByTestId("curate-merge-results").locator(`a[data-id="${KEPT}"]`);
    await target.waitFor();
    await screenshot(page, "curation-merge-search");
    await target.click();
    await page.getByTestId("panel-title").filter({ hasText: keptName }).waitFor();
    expect(await node(TWICE)).toBeNull();
    expect((await node(KEPT))?.aliases).toContain(twiceName);
    // Every fact of the merged node is now a fact of the kept one, with its sentences beside the kept ones.
    const after = await driver.executeQuery(facts, { id: KEPT });
    expect(after.records.map((r) => String(r.get("fact")))).toEqual(expect.arrayContaining(moved));
    expect(after.records.flatMap((r) => r.get("sentences") as string[])).toEqual(expect.arrayContaining(sentences));
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
    // And once more over the graph as it stands: the articles are known, nothing comes back.
    const again = await ingest();
    expect(again.summary.articlesNew).toBe(0);
    expect([await node(WRONG), await node(TWICE), await node(KEPT)]).toEqual([null, null, kept]);
    // The page, loaded afresh, draws neither.
    await page.reload();
    await ready(page);
    await openPanel(KEPT, kept!.name);
    const drawn = await page.evaluate(
      (ids) => ids.map((id) => window.__jianwen?.dataset.graph.hasNode(id)),
      [WRONG, TWICE, KEPT],
    );
    expect(drawn).toEqual([false, false, true]);
    await screenshot(page, "curation-after-reingest");
    expect(await readFile(file, "utf8")).toContain(`action: merge\n  node: ${TWICE}`);
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
