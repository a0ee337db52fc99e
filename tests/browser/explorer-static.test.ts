// The explorer in a real browser, as `jianwen export --site` ships it: the fixture graph baked in, no service and
// no network but 127.0.0.1. Covers drawing, the evidence panel, pinyin search, type filters, links that reopen a
// view, and GEXF export.
import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../explorer/src/appearance.js";
import { graphDocToApiGraph } from "../../graph/export-api.js";
import { makeBundle, writeStaticSite } from "../../graph/export-site.js";
import { FIXTURE_DOC } from "./fixture.js";
import {
  chromiumAvailable,
  colourDistance,
  hexToRgb,
  launch,
  nodePosition,
  openPage,
  pixelAt,
  ready,
  screenshot,
  serveDir,
} from "./harness.js";

const hasChromium = await chromiumAvailable();
if (!hasChromium)
  console.warn(
    "tests/browser: /usr/bin/chromium is missing (apt-get install -y chromium); skipping the explorer tests",
  );

describe.skipIf(!hasChromium)("the static explorer", () => {
  let browser: BrowserContext;
  let site: { url: string; close: () => Promise<void> };
  let page: Page;
  const errors: string[] = [];
  const PERSON = "person:陈静怡";
  /** 河清市, 清源县 and 柳林镇 lie in 山东省 and are folded into it until it is opened. */
  const FOLDED = ["place:河清市", "place:清源县", "place:柳林镇"];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "jianwen-site-"));
    await writeStaticSite(dir, makeBundle(graphDocToApiGraph(FIXTURE_DOC), "河清市 fixture"));
    site = await serveDir(dir);
    browser = await launch();
    page = await openPage(browser, errors);
    await page.goto(site.url);
    await ready(page);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("draws every entity of the fixture but the places folded into their province, coloured by type", async () => {
    const drawn = await page.evaluate(() => window.__jianwen?.drawn.nodes() ?? []);
    expect(drawn.sort()).toEqual(
      FIXTURE_DOC.entities
        .map((e) => e.id)
        .filter((id) => !FOLDED.includes(id))
        .sort(),
    );
    const pos = await nodePosition(page, PERSON);
    const colour = await pixelAt(page, pos.x, pos.y);
    expect(colourDistance(colour, hexToRgb(TYPE_COLORS.Person))).toBeLessThan(40);
    await screenshot(page, "static-overview");
  });

  it("lights a hovered node's neighbours and dims the rest, without touching the graph's data", async () => {
    const colourBefore = await page.evaluate(() => window.__jianwen?.drawn.getNodeAttribute("person:赵国栋", "color"));
    const pos = await nodePosition(page, "person:林晓峰");
    await page.mouse.move(pos.x, pos.y);
    const state = (id: string) => page.evaluate((n) => window.__jianwen?.renderer.getNodeState(n), id);
    await expect
      .poll(async () => (await state("meeting:市委常委会会议:2023-02-03"))?.focus, { timeout: 20_000 })
      .toBe(true);
    expect((await state("person:周明远"))?.dim).toBe(true);
    expect(await page.evaluate(() => window.__jianwen?.drawn.getNodeAttribute("person:赵国栋", "color"))).toBe(
      colourBefore,
    );
    await screenshot(page, "static-hover");
    await page.mouse.move(5, 500);
    await expect.poll(async () => (await state("person:周明远"))?.dim, { timeout: 20_000 }).toBe(false);
  });

  it("shows the evidence sentence with the name marked when a node is clicked", async () => {
    const pos = await nodePosition(page, PERSON);
    await page.mouse.move(pos.x, pos.y);
    await page.mouse.click(pos.x, pos.y);
    await page.getByTestId("panel-title").filter({ hasText: "陈静怡" }).waitFor();
    const evidence = page.getByTestId("evidence").filter({ hasText: "市长陈静怡出席会议并讲话" });
    await expect.poll(() => evidence.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await evidence.first().locator("mark").allTextContents()).toContain("陈静怡");
    await screenshot(page, "static-panel-evidence");
  });

  it("lists each post once with the span it was reported over and its article count", async () => {
    const posts = page.getByTestId("post");
    await expect.poll(() => posts.count(), { timeout: 20_000 }).toBe(1);
    expect(await posts.first().textContent()).toContain("市长");
    expect(await posts.first().textContent()).toContain("2023-02-06 – 2023-03-15 · 3 篇");
  });

  it("builds entity pages from the baked graph: an organization's roster", async () => {
    await page.evaluate(() => window.__jianwen?.open("org:河清市人民政府"));
    await page.getByTestId("panel-title").filter({ hasText: "河清市人民政府" }).waitFor();
    const roster = page.getByTestId("roster");
    await expect.poll(() => roster.count(), { timeout: 20_000 }).toBe(2);
    expect(await roster.first().textContent()).toContain("市长陈静怡");
    await page.evaluate(() => window.__jianwen?.open("person:陈静怡"));
    await page.getByTestId("panel-title").filter({ hasText: "陈静怡" }).waitFor();
  });

  it("finds a person by pinyin initials", async () => {
    await page.getByTestId("search").fill("lxf");
    const hit = page.getByTestId("suggestions").locator("li", { hasText: "林晓峰" });
    await hit.waitFor();
    await screenshot(page, "static-search-pinyin");
    await hit.dispatchEvent("mousedown");
    await page.getByTestId("panel-title").filter({ hasText: "林晓峰" }).waitFor();
    expect(await page.evaluate(() => window.__jianwen?.view.selected)).toBe("person:林晓峰");
  });

  it("hides a type's nodes when its filter is switched off, and the counts follow", async () => {
    const before = await page.evaluate(() => window.__jianwen?.drawn.order ?? 0);
    const pos = await nodePosition(page, "person:周明远");
    await page.getByTestId("type-Person").click();
    await expect
      .poll(() => page.evaluate(() => window.__jianwen?.drawn.filterNodes((_n, a) => a.kind === "Person").length), {
        timeout: 20_000,
      })
      .toBe(0);
    const persons = FIXTURE_DOC.entities.filter((e) => e.type === "Person").length;
    expect(await page.evaluate(() => window.__jianwen?.drawn.order)).toBe(before - persons);
    await expect
      .poll(() => page.getByTestId("type-Person").textContent(), { timeout: 20_000 })
      .toContain(`0 / ${persons}`);
    const colour = await pixelAt(page, pos.x, pos.y);
    expect(colourDistance(colour, hexToRgb(TYPE_COLORS.Person))).toBeGreaterThan(60);
    await screenshot(page, "static-filter-person-off");
  });

  it("reopens the same view, camera included, from a copied link", async () => {
    await page.evaluate(() => window.__jianwen?.select("org:河清市人民政府"));
    await page.waitForTimeout(600); // let the selection's camera move end
    await page.evaluate(() =>
      window.__jianwen?.renderer.getCamera().cancelAnimation().setState({ x: 0.3, y: 0.6, ratio: 0.5 }),
    );
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain("cam=0.3%2C0.6%2C0.5");
    const url = page.url();
    expect(url).toContain("sel=");
    expect(url).toContain("hide=");
    const expected = await page.evaluate(() => ({
      nodes: window.__jianwen?.drawn.order,
      filters: window.__jianwen?.view.filters,
    }));
    const again = await openPage(browser, errors);
    await again.goto(url);
    await ready(again);
    const got = await again.evaluate(() => ({
      nodes: window.__jianwen?.drawn.order,
      filters: window.__jianwen?.view.filters,
      sel: window.__jianwen?.view.selected,
      camera: window.__jianwen?.renderer.getCamera().getState(),
    }));
    expect(got.sel).toBe("org:河清市人民政府");
    expect(got.camera).toMatchObject({ x: 0.3, y: 0.6, ratio: 0.5 });
    expect(got.filters).toEqual(expected.filters);
    expect(got.nodes).toBe(expected.nodes);
    await again.getByTestId("panel-title").filter({ hasText: "河清市人民政府" }).waitFor();
    await screenshot(again, "static-reopened-link");
    await again.close();
  });

  it("exports the drawn subgraph as GEXF that graphology reads back", async () => {
    await page.getByTestId("type-Person").click();
    await expect
      .poll(() => page.evaluate(() => window.__jianwen?.drawn.order), { timeout: 20_000 })
      .toBe(FIXTURE_DOC.entities.length - FOLDED.length);
    await page.getByRole("button", { name: "导出 ▾" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-gexf").click()]);
    const xml = await readFile((await download.path()) ?? "", "utf8");
    const graph = parseGexf(MultiDirectedGraph, xml);
    const drawn = await page.evaluate(() => ({
      order: window.__jianwen?.drawn.order,
      size: window.__jianwen?.drawn.size,
    }));
    expect(graph.order).toBe(drawn.order);
    expect(graph.size).toBe(drawn.size);
    expect(graph.getNodeAttribute("person:陈静怡", "label")).toBe("陈静怡");
    const sentences = graph.mapEdges((_e, a) => String(a.sentence ?? ""));
    expect(sentences).toContain("市长陈静怡出席会议并讲话。");
    // Each fact carries the evidence it was first reported with: 市长 is stated on 02-06, 03-02 and 03-15.
    const mayor = graph.findEdge((_e, a) => a.type === "HOLDS_POSITION" && a.title === "市长");
    expect(mayor && graph.getEdgeAttributes(mayor)).toMatchObject({
      sentence: "市长陈静怡出席会议并讲话。",
      article: "article:a1",
      articleTitle: "市委常委会召开会议 研究部署优化营商环境工作",
      date: "2023-02-06",
      firstSeen: "2023-02-06",
      lastSeen: "2023-03-15",
      articles: 3,
    });
    // A folded place's facts are drawn and exported to its province, naming the place they are about.
    const held = graph.findEdge((_e, a) => a.type === "HELD_IN");
    expect(held && graph.target(held)).toBe("place:370000");
    expect(held && graph.getEdgeAttribute(held, "via")).toBe("place:河清市");
  });

  it("narrows the picture to a date range, and the timeline and type filters compose", async () => {
    await page.evaluate(() => window.__jianwen?.select(null));
    const all = await page.evaluate(() => window.__jianwen?.drawn.order ?? 0);
    const filters = await page.evaluate(() => window.__jianwen?.view.filters);
    await page.evaluate((f) => window.__jianwen?.setView({ filters: { ...f!, from: "2023-03-01" } }), filters);
    const march = await page.evaluate(() => window.__jianwen?.drawn.nodes() ?? []);
    expect(march.length).toBeLessThan(all);
    expect(march).toContain("meeting:市政府常务会议:2023-03-15");
    expect(march).not.toContain("meeting:市委常委会会议:2023-02-03");
    expect(page.url()).toContain("from=2023-03-01");
    await page.getByTestId("type-Meeting").click();
    await expect
      .poll(() => page.evaluate(() => window.__jianwen?.drawn.order ?? 0), { timeout: 20_000 })
      .toBe(march.filter((n) => !n.startsWith("meeting:")).length);
    await screenshot(page, "static-filters-composed");
    await page.evaluate((f) => window.__jianwen?.setView({ filters: f! }), filters);
  });

  it("finds the shortest path between two people and highlights it", async () => {
    const found = await page.evaluate(() => window.__jianwen?.findPath("person:林晓峰", "person:周明远"));
    expect(found).toBe(true);
    const path = await page.evaluate(() => window.__jianwen?.emphasis?.nodes ?? []);
    expect(path[0]).toBe("person:林晓峰");
    expect(path.at(-1)).toBe("person:周明远");
    expect(path.length).toBeGreaterThan(2);
    expect(page.url()).toContain("path=");
    await screenshot(page, "static-path");
    await page.evaluate(() => window.__jianwen?.clearEmphasis());
  });

  it("colours by Louvain community on demand", async () => {
    await page.getByTestId("color-community").click();
    await expect
      .poll(() => page.evaluate(() => new Set(window.__jianwen?.drawn.mapNodes((_n, a) => a.color)).size), {
        timeout: 20_000,
      })
      .toBeGreaterThan(1);
    const byType = await page.evaluate(() => window.__jianwen?.drawn.getNodeAttribute("person:陈静怡", "color"));
    expect(byType).not.toBe(TYPE_COLORS.Person);
    await screenshot(page, "static-communities");
    await page.evaluate(() => window.__jianwen?.setView({ colorBy: "type" }));
  });

  it("exports a PNG of the view", async () => {
    await page.getByRole("button", { name: "导出 ▾" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    const png = await readFile((await download.path()) ?? "");
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(png.length).toBeGreaterThan(5000);
  });

  it("logged no console errors and fetched nothing it could not load", () => {
    expect(errors).toEqual([]);
  });
});
