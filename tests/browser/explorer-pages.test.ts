// Entity pages, the first view and timeline play, in Chromium against the real service and a real Neo4j
// holding the fixture city: a link opens a person's page; from it the reader walks to an organization's roster,
// a meeting's attendees by role and a province's divisions; the first view draws people and organizations with
// counties folded into their province; the timeline plays through the article dates and puts the filters back.
import { resolve } from "node:path";
import type { Driver } from "neo4j-driver";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiEntityPage } from "../../core/api.js";
import { loadGraphDoc } from "../../cypher/load.js";
import { connectionSettingsFromEnv, openDriver } from "../../cypher/driver.js";
import { createServer, type JianwenServer } from "../../service/index.js";
import { TYPE_COLORS } from "../../explorer/src/appearance.js";
import { FIXTURE_DOC } from "./fixture.js";
import { chromiumAvailable, launch, openPage, ready, screenshot } from "./harness.js";

const hasChromium = await chromiumAvailable();
const PROVINCE = "place:370000";

describe.skipIf(!hasChromium)("entity pages, first view and timeline play", () => {
  let driver: Driver;
  let server: JianwenServer;
  let browser: BrowserContext;
  let page: Page;
  let url: string;
  const errors: string[] = [];

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await driver.executeQuery("MATCH (n) DETACH DELETE n");
    await loadGraphDoc(driver, FIXTURE_DOC);
    // A district known only by its division code (no PART_OF): the first view still brings and folds its province.
    await driver.executeQuery(
      `MATCH (o:Organization {id: 'org:河清港务集团'})
       CREATE (p:Place {id: 'place:370102', name: '历下区', aliases: [], level: 'county', code: '370102'})
       CREATE (o)-[:LOCATED_IN {articles: 1, evidenceCount: 1, firstSeen: '2023-03-02', lastSeen: '2023-03-02',
         evidenceArticles: ['article:a3'], evidenceSentences: ['河清港务集团在历下区设有办事处。'],
         evidenceDates: ['2023-03-02']}]->(p)`,
    );
    server = await createServer({ driver, port: 0, staticDir: resolve("dist/explorer") });
    url = await server.listen();
    browser = await launch();
    page = await openPage(browser, errors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await driver?.close();
  });

  const app = <T>(f: string) => page.evaluate(f) as Promise<T>;

  it("serves entity pages through a read-only route described in the OpenAPI", async () => {
    const res = await fetch(
      new URL("/api/entity/org%3A%E6%B2%B3%E6%B8%85%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C", url),
    );
    expect(res.status).toBe(200);
    const org = (await res.json()) as ApiEntityPage;
    expect(org.posts.map((p) => `${p.other.name} ${p.title}`).sort()).toEqual(["孙丽华 副市长", "陈静怡 市长"]);
    expect(org.meetings.map((m) => m.other.name)).toEqual(["市政府常务会议"]);
    const missing = await fetch(new URL("/api/entity/person%3A%E6%97%A0%E6%AD%A4%E4%BA%BA", url));
    expect(missing.status).toBe(404);
    const bad = await fetch(new URL("/api/entity/person%3Ax?limit=3", url));
    expect(bad.status).toBe(400);
    const doc = (await (await fetch(new URL("/api/openapi.json", url))).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/entity/{id}");
  });

  it("first view: people and organizations are most of what is drawn, counties folded into their province", async () => {
    await page.goto(url);
    await ready(page);
    const drawn = await app<Array<{ id: string; kind: string; label: string }>>(
      "window.__jianwen.drawn.mapNodes((id, a) => ({ id, kind: a.kind, label: a.label }))",
    );
    const core = drawn.filter((n) => n.kind === "Person" || n.kind === "Organization").length;
    expect(core * 2).toBeGreaterThan(drawn.length);
    const places = drawn.filter((n) => n.kind === "Place");
    expect(places.map((p) => p.id)).toEqual([PROVINCE]);
    expect(places[0]?.label).toContain("含 4 地");
    // People who only sign articles have no facts: the first view leaves them out.
    expect(drawn.map((n) => n.id)).not.toContain("person:吴海燕");
    await screenshot(page, "pages-first-view");

    await page.evaluate((id) => window.__jianwen?.select(id), PROVINCE);
    await page.getByTestId("toggle-province").click();
    await expect
      .poll(() => app<number>("window.__jianwen.drawn.filterNodes((_n, a) => a.kind === 'Place').length"))
      .toBe(5);
    expect(page.url()).toContain("open=place%3A370000");
    await page.getByTestId("toggle-province").click();
    await expect
      .poll(() => app<number>("window.__jianwen.drawn.filterNodes((_n, a) => a.kind === 'Place').length"))
      .toBe(1);
  });

  it("a link opens a person's page: posts as a timeline, meetings by date with role, co-mentioned people", async () => {
    await page.goto(`${url.replace(/\/?$/, "/")}#/entity/${encodeURIComponent("person:陈静怡")}`);
    await ready(page);
    await page.getByTestId("panel-title").filter({ hasText: "陈静怡" }).waitFor();
    const post = page.getByTestId("post");
    await expect.poll(() => post.count(), { timeout: 20_000 }).toBe(1);
    expect(await post.first().textContent()).toMatch(/河清市人民政府市长现任2023-02-06 – 2023-03-15 · 3 篇/);
    const meetings = await page.getByTestId("meeting").allTextContents();
    expect(meetings).toEqual([
      "2023-03-15市政府常务会议主持",
      "2023-03-02全市优化营商环境大会讲话",
      "2023-02-03市委常委会会议讲话",
    ]);
    const co = await page.getByTestId("co-mentioned").allTextContents();
    expect(co.map((t) => t.replace(/\d+ 篇$/, "")).sort()).toEqual(["周明远", "孙丽华", "林晓峰", "赵国栋"].sort());
    const dates = await page
      .getByTestId("evidence")
      .locator(".src")
      .allTextContents()
      .then((t) => t.map((s) => s.slice(-10)));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await page.getByTestId("curate-slot").count()).toBe(1);
    await page.waitForTimeout(500); // the camera's move to the entity
    await screenshot(page, "pages-person");
  });

  it("an organization's page lists its roster and the meetings it organized", async () => {
    await page.getByTestId("post").getByRole("link", { name: "河清市人民政府" }).click();
    await page.getByTestId("panel-title").filter({ hasText: "河清市人民政府" }).waitFor();
    expect(page.url()).toContain(`#/entity/${encodeURIComponent("org:河清市人民政府")}`);
    const roster = await page.getByTestId("roster").allTextContents();
    expect(roster).toHaveLength(2);
    expect(roster[0]).toContain("市长陈静怡");
    expect(roster[1]).toContain("副市长孙丽华");
    expect(await page.getByTestId("meeting").allTextContents()).toEqual(["2023-03-15市政府常务会议"]);
    await page.waitForTimeout(500); // the camera's move to the entity
    await screenshot(page, "pages-organization");
  });

  it("a meeting's page gives date, place and attendees grouped by role", async () => {
    await page.evaluate(() => {
      location.hash = `#/entity/${encodeURIComponent("meeting:全市优化营商环境大会:2023-03-02")}`;
    });
    await page.getByTestId("panel-title").filter({ hasText: "全市优化营商环境大会" }).waitFor();
    expect(await page.getByTestId("meeting-place").textContent()).toBe("河清市");
    expect(await page.getByTestId("attendee-chaired").allTextContents()).toEqual(["孙丽华2023-03-02 · 1 篇"]);
    expect(await page.getByTestId("attendee-spoke").allTextContents()).toEqual(["陈静怡2023-03-02 · 1 篇"]);
    expect(await page.getByTestId("role-attended").count()).toBe(0);
    await page.waitForTimeout(500); // the camera's move to the entity
    await screenshot(page, "pages-meeting");
  });

  it("a province's page shows its divisions and what happened inside them", async () => {
    await page.evaluate((id) => void window.__jianwen?.open(id), PROVINCE);
    await page.getByTestId("panel-title").filter({ hasText: "山东省" }).waitFor();
    expect(await page.getByTestId("division").allTextContents()).toEqual(["河清市2023-03-02 · 1 篇"]);
    const meetings = await page.getByTestId("meeting").allTextContents();
    expect(meetings).toEqual(["2023-03-02全市优化营商环境大会在河清市"]);
    expect(await page.getByTestId("project").allTextContents()).toEqual([
      "青禾光伏储能一体化项目在柳林镇2023-02-18 · 1 篇",
    ]);
    await page.waitForTimeout(500); // the camera's move to the entity
    await screenshot(page, "pages-place");
  });

  it("plays the timeline: entities appear with their evidence dates and fade, then the filters come back", async () => {
    await page.goto(url);
    await ready(page);
    const before = await app<unknown>("window.__jianwen.view.filters");
    await page.evaluate(() => {
      const a = window.__jianwen!;
      const w = window as unknown as { __frames: unknown[] };
      w.__frames = [];
      a.addEventListener("changed", () => {
        if (!a.playing) return;
        w.__frames.push({
          to: a.view.filters.to,
          nodes: a.drawn.nodes(),
          colour: a.drawn.hasNode("person:林晓峰") ? a.drawn.getNodeAttribute("person:林晓峰", "color") : null,
        });
      });
    });
    await page.getByTestId("play").click();
    await expect.poll(() => app<string>("document.querySelector('[data-testid=play]').textContent")).toContain("停止");
    await page.waitForTimeout(1200);
    await screenshot(page, "pages-timeline-play");
    await expect.poll(() => app<boolean>("window.__jianwen.playing === null"), { timeout: 30_000 }).toBe(true);
    const frames = await app<Array<{ to: string; nodes: string[]; colour: string | null }>>("window.__frames");
    expect(frames.length).toBeGreaterThan(2);
    const first = frames[0]!;
    const last = frames[frames.length - 1]!;
    expect(first.to < last.to).toBe(true);
    // 周明远 is first reported on 2023-03-15: absent at the start, there at the end.
    expect(first.nodes).not.toContain("person:周明远");
    expect(last.nodes).toContain("person:周明远");
    expect(first.nodes).toContain("person:林晓峰");
    // 林晓峰's evidence is from early February: drawn in full colour first, faded or gone at the end.
    expect(first.colour).toBe(TYPE_COLORS.Person);
    expect(last.colour).not.toBe(TYPE_COLORS.Person);
    expect(await app<unknown>("window.__jianwen.view.filters")).toEqual(before);
    expect(errors).toEqual([]);
  });
});
