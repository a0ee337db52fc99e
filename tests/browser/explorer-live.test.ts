// The explorer against the real service and a real Neo4j holding the fixture graph: the evidence panel from
// /api/node, a Cypher query drawn as graph and table, a refused write that leaves graph and database as they
// were, named queries in the menu, and double-click expansion that says what it left out.
import { resolve } from "node:path";
import type { Driver } from "neo4j-driver";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadGraphDoc } from "../../cypher/load.js";
import { connectionSettingsFromEnv, openDriver } from "../../cypher/driver.js";
import { createServer, type JianwenServer } from "../../service/server.js";
import { FIXTURE_DOC } from "./fixture.js";
import { chromiumAvailable, launch, nodePosition, openPage, ready, screenshot } from "./harness.js";

const hasChromium = await chromiumAvailable();

describe.skipIf(!hasChromium)("the explorer on the service", () => {
  let driver: Driver;
  let server: JianwenServer;
  let browser: BrowserContext;
  let page: Page;
  let url: string;
  const errors: string[] = [];
  const MEETING = "全市优化营商环境大会";
  const QUERY = "MATCH (p:Person)-[r:PARTICIPATED_IN]->(m:Meeting {name: $meeting}) RETURN p, r, m";

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await loadGraphDoc(driver, FIXTURE_DOC);
    server = await createServer({ driver, port: 0, staticDir: resolve("dist/explorer") });
    url = await server.listen();
    browser = await launch();
    page = await openPage(browser, errors);
    await page.goto(url);
    await ready(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await driver?.close();
  });

  it("draws the graph the service sends", async () => {
    expect(await page.evaluate(() => window.__jianwen?.source.mode)).toBe("live");
    expect(await page.evaluate(() => window.__jianwen?.drawn.order ?? 0)).toBeGreaterThan(0);
    await screenshot(page, "live-overview");
  });

  it("draws a Cypher query's results as a graph and as a table", async () => {
    await page.getByTestId("toggle-console").click();
    await page.getByTestId("cypher").fill(QUERY);
    await page.getByTestId("cypher-params").fill(JSON.stringify({ meeting: MEETING }));
    await page.getByTestId("run-cypher").click();
    const table = page.getByTestId("results-table");
    await table.waitFor();
    const expected = FIXTURE_DOC.relations.filter((r) => r.type === "PARTICIPATED_IN" && r.target.includes(MEETING));
    expect(await table.locator("tbody tr").count()).toBe(expected.length);
    expect(await table.locator("th").allTextContents()).toEqual(["p", "r", "m"]);
    const drawn = await page.evaluate(() => window.__jianwen?.drawn.nodes().sort());
    expect(drawn).toEqual([...new Set(expected.flatMap((r) => [r.source, r.target]))].sort());
    expect(page.url()).toContain("q=");
    await screenshot(page, "live-cypher-graph-table");
  });

  it("opens the node's panel with its evidence from the service", async () => {
    const pos = await nodePosition(page, "person:孙丽华");
    await page.mouse.move(pos.x, pos.y);
    await page.mouse.click(pos.x, pos.y);
    await page.getByTestId("panel-title").filter({ hasText: "孙丽华" }).waitFor();
    const evidence = page.getByTestId("evidence").filter({ hasText: "副市长孙丽华主持会议" });
    await expect.poll(() => evidence.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await evidence.first().locator("mark").allTextContents()).toContain("孙丽华");
    // 副市长 is stated by two articles: one line, its span and count from the stored fact.
    const posts = page.getByTestId("post");
    await expect.poll(() => posts.count(), { timeout: 20_000 }).toBe(1);
    expect(await posts.first().textContent()).toContain("2023-02-18 – 2023-03-02 · 2 篇");
    // A service without --curate offers no corrections.
    expect(await page.evaluate(() => fetch("/api/curation").then((r) => r.json()))).toEqual({ enabled: false });
    expect(await page.getByTestId("curate-reject").count()).toBe(0);
    await screenshot(page, "live-panel-evidence");
  });

  it("refuses a write with a message and leaves the graph and the database unchanged", async () => {
    const before = await page.evaluate(() => ({
      nodes: window.__jianwen?.drawn.order,
      edges: window.__jianwen?.drawn.size,
    }));
    await page.getByTestId("cypher").fill("CREATE (n:Person {id: 'person:闯入者', name: '闯入者'}) RETURN n");
    await page.getByTestId("cypher-params").fill("");
    await page.getByTestId("run-cypher").click();
    const error = page.getByTestId("query-error");
    await error.waitFor();
    expect((await error.textContent())?.length ?? 0).toBeGreaterThan(5);
    const after = await page.evaluate(() => ({
      nodes: window.__jianwen?.drawn.order,
      edges: window.__jianwen?.drawn.size,
    }));
    expect(after).toEqual(before);
    const { records } = await driver.executeQuery("MATCH (n {id: 'person:闯入者'}) RETURN count(n) AS n");
    expect(Number(records[0]?.get("n"))).toBe(0);
    await screenshot(page, "live-write-refused");
  });

  it("lists the named queries of cypher/queries in the console's menu", async () => {
    const options = page.getByTestId("named-queries").locator("option");
    await expect.poll(() => options.count(), { timeout: 20_000 }).toBeGreaterThan(1);
  });

  it("loads a node's neighbours on double-click, and undo takes them away again", async () => {
    // Close the panel so it cannot cover the node.
    await page.evaluate(() => window.__jianwen?.select(null));
    const before = await page.evaluate(() => window.__jianwen?.drawn.order ?? 0);
    const pos = await nodePosition(page, "person:陈静怡");
    await page.mouse.move(pos.x, pos.y);
    await page.mouse.dblclick(pos.x, pos.y);
    await expect
      .poll(() => page.evaluate(() => window.__jianwen?.drawn.order ?? 0), { timeout: 20_000 })
      .toBeGreaterThan(before);
    await expect.poll(() => page.locator("#toast").textContent(), { timeout: 5_000 }).toContain("展开 陈静怡");
    await screenshot(page, "live-expanded");
    await page.getByTestId("undo").click();
    await expect.poll(() => page.evaluate(() => window.__jianwen?.drawn.order ?? 0), { timeout: 20_000 }).toBe(before);
  });

  it("loads four times more neighbours when a node is expanded again, and undo takes back only the last", async () => {
    // A hub with 40 people, loaded after the page opened, so none of them is drawn yet.
    const hub = "org:浏阳河书画院";
    const people = Array.from({ length: 40 }, (_, i) => `person:浏阳河会员${String(i).padStart(2, "0")}`);
    await loadGraphDoc(driver, {
      articles: [],
      entities: [
        { id: hub, type: "Organization", name: "浏阳河书画院", aliases: [] },
        ...people.map((id) => ({ id, type: "Person" as const, name: id.slice(7), aliases: [] })),
      ],
      relations: people.map((id) => ({
        type: "HOLDS_POSITION" as const,
        source: id,
        target: hub,
        properties: { title: "会员" },
        evidence: [],
      })),
    });
    try {
      const drawnPeople = () =>
        page.evaluate((ids) => ids.filter((id) => window.__jianwen?.dataset.graph.hasNode(id)).length, people);
      await page.evaluate((id) => window.__jianwen?.expand(id), hub);
      expect(await drawnPeople()).toBe(25);
      await expect
        .poll(() => page.locator("#toast").textContent(), { timeout: 5_000 })
        .toContain("另有 15 个邻居未载入");
      await page.evaluate((id) => window.__jianwen?.expand(id), hub);
      expect(await drawnPeople()).toBe(40);
      expect(
        await page.evaluate(() => window.__jianwen?.view.expanded.filter((e) => e === "org:浏阳河书画院")),
      ).toHaveLength(2);
      await page.getByTestId("undo").click();
      await expect.poll(drawnPeople, { timeout: 20_000 }).toBe(25);
      await page.getByTestId("undo").click();
      await expect.poll(drawnPeople, { timeout: 20_000 }).toBe(0);
    } finally {
      await driver.executeQuery("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", { ids: [hub, ...people] });
    }
  });

  it("logged no console errors", () => {
    // The refused write is an HTTP 400 the page handles; Chromium still logs the failed fetch itself.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
