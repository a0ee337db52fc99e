// `npm run bench:explorer`: the explorer against a bare sigma page (default settings) on the same graphs, in
// headless Chromium. For 5,000/25,000 and 20,000/100,000 nodes/edges it prints time to first frame, time for
// ForceAtlas2 worker iterations, median and p95 frame time idle and while the camera zooms and pans, and the
// explorer/bare ratios. Chromium here renders WebGL in software, so absolute times say little; ratios matter.
// Set BENCH_SIZES=small to run only the smaller graph.
import { mkdirSync, writeFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { build } from "vite";
import type { ApiEdge, ApiGraph, ApiNode } from "../core/api.js";
import { ENTITY_TYPES, type EntityType } from "../core/model.js";
import { bundleScript, makeBundle, writeStaticSite } from "../graph/index.js";
import { TYPE_COLORS } from "../explorer/src/appearance.js";
import { launch, serveDir } from "../tests/browser/harness.js";

const OUT = resolve("bench/out");
const EXPLORER_DIST = resolve("dist/explorer");

interface Size {
  name: string;
  nodes: number;
  edges: number;
  idleFrames: number;
  /** Frames to time while the camera zooms and pans. */
  moveFrames: number;
  /** FA2 iterations to time; the bare page renders one frame per iteration, so it gets fewer, scaled to 100. */
  fa2: { explorer: number; bare: number };
}

const SIZES: Size[] = [
  { name: "5k", nodes: 5_000, edges: 25_000, idleFrames: 8, moveFrames: 8, fa2: { explorer: 100, bare: 10 } },
  { name: "20k", nodes: 20_000, edges: 100_000, idleFrames: 3, moveFrames: 5, fa2: { explorer: 100, bare: 4 } },
];

// ---- graph generation ----------------------------------------------------------------------------------------

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰晓峰海燕长萍丽华明远国栋静怡思远志强";
const PLACES = "河清源柳林东平西山南湖北岗新城安宁永和长乐兴华";
const ORG_SUFFIX = ["有限公司", "集团", "委员会", "人民政府", "研究院", "商会"];
const TYPES: readonly EntityType[] = ENTITY_TYPES;

/** A clustered graph with positions spread over ~800 units, so default "positions" sizes read like pixels. */
export function generateGraph(n: number, m: number, seed = 7): ApiGraph {
  const rand = rng(seed);
  const pick = (s: string) => s[Math.floor(rand() * s.length)] ?? "";
  const clusters = Math.max(8, Math.round(Math.sqrt(n) / 2));
  const centres = Array.from({ length: clusters }, () => ({ x: (rand() - 0.5) * 700, y: (rand() - 0.5) * 700 }));
  const nodes: ApiNode[] = [];
  const clusterOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const type = TYPES[Math.floor(rand() ** 1.5 * TYPES.length)] ?? "Person";
    const c = Math.floor(rand() * clusters);
    const centre = centres[c] ?? { x: 0, y: 0 };
    const r = 60 * Math.sqrt(-2 * Math.log(rand() + 1e-9));
    const a = rand() * 2 * Math.PI;
    const base =
      type === "Person"
        ? pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : "")
        : pick(PLACES) + pick(PLACES);
    const name =
      type === "Organization"
        ? base + (ORG_SUFFIX[i % ORG_SUFFIX.length] ?? "")
        : type === "Place"
          ? `${base}镇`
          : type === "Project"
            ? `${base}项目`
            : type === "Meeting"
              ? `${base}会议`
              : base;
    nodes.push({
      id: `n${i}`,
      type,
      name: `${name}${type === "Person" ? "" : i % 97}`,
      aliases: [],
      x: centre.x + Math.cos(a) * r,
      y: centre.y + Math.sin(a) * r,
    });
    clusterOf.push(c);
  }
  const byCluster = new Map<number, number[]>();
  clusterOf.forEach((c, i) => byCluster.set(c, [...(byCluster.get(c) ?? []), i]));
  const edges: ApiEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < m) {
    const s = Math.floor(rand() * n);
    const local = byCluster.get(clusterOf[s] ?? 0) ?? [];
    const t = rand() < 0.85 ? (local[Math.floor(rand() * local.length)] ?? 0) : Math.floor(rand() * n);
    if (s === t || seen.has(`${s}-${t}`)) continue;
    seen.add(`${s}-${t}`);
    const date = `2023-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
    edges.push({
      id: `e${edges.length}`,
      type: "PARTICIPATED_IN",
      source: `n${s}`,
      target: `n${t}`,
      properties: {},
      evidence: [{ article: "article:bench", articleTitle: null, date, sentence: "", source: "河清日报" }],
    });
  }
  const degree = new Map<string, number>();
  for (const e of edges) for (const k of [e.source, e.target]) degree.set(k, (degree.get(k) ?? 0) + 1);
  for (const node of nodes) node.degree = degree.get(node.id) ?? 0;
  return { nodes, edges };
}

// ---- pages ---------------------------------------------------------------------------------------------------------

const BARE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>bare sigma</title>
<script src="./data.js"></script>
<style>html,body{margin:0;height:100%}#c{position:absolute;left:0;top:0}</style></head>
<body><div id="c"></div><script type="module" src="./main.js"></script></body></html>`;

/** The floor: graphology + sigma with default settings, the same data, colours and sizes as the explorer draws. */
const BARE_MAIN = `import Graph from "graphology";
import Sigma from "sigma";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
const COLORS = ${JSON.stringify(TYPE_COLORS)};
const params = new URLSearchParams(location.search);
const box = document.getElementById("c");
box.style.width = params.get("w") + "px";
box.style.height = params.get("h") + "px";
const data = window.__JIANWEN_STATIC__.graph;
const graph = new Graph({ multi: true });
let max = 0;
let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
for (const n of data.nodes) {
  max = Math.max(max, n.degree || 0);
  x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
}
// Default settings size nodes in graph units ("positions"); the explorer sizes them in pixels. Converting the
// same pixel sizes to graph units (sigma fits the extent into the box minus its 30 px padding) makes both pages
// fill the same pixels, so frame times compare the renderers, not the amount of paint.
const unitsPerPixel = Math.max(x1 - x0, y1 - y0) / (Math.min(Number(params.get("w")), Number(params.get("h"))) - 60);
for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: n.y, label: n.name, color: COLORS[n.type], size: (4 + 12 * Math.sqrt((n.degree || 0) / max)) * unitsPerPixel });
for (const e of data.edges) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { color: "#c3ccd7" });
const renderer = new Sigma(graph, box);
const gl = renderer.getWebGLContext();
gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
window.__benchFirstFrame = performance.now();
window.__sigma = renderer;
window.__startFA2 = () => { const l = new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 2000 } }); l.start(); return l; };
`;

async function buildBare(): Promise<string> {
  const src = join(OUT, "bare-src");
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, "index.html"), BARE_HTML);
  writeFileSync(join(src, "main.js"), BARE_MAIN);
  const dist = join(OUT, "bare-dist");
  await build({
    root: src,
    base: "./",
    configFile: false,
    logLevel: "warn",
    build: { outDir: dist, emptyOutDir: true },
  });
  return dist;
}

// ---- measurements (run inside the page; the same code for both pages) ------------------------------------------------

interface Measure {
  firstFrameMs: number;
  fa2Ms: number;
  fa2Measured: number;
  idle: number[];
  move: number[];
}

type Kind = "explorer" | "bare";

/** Time from navigation to the first frame finished on the GPU, as the page recorded it. */
async function firstFrame(page: Page): Promise<number> {
  const t = await page.evaluate(async () => {
    while (window.__benchFirstFrame === undefined) await new Promise((r) => setTimeout(r, 50));
    return window.__benchFirstFrame;
  });
  // Labels are glyph-rasterised shortly after the first frame; let that settle before timing frames.
  await page.waitForTimeout(1500);
  return t;
}

/** One full redraw with nothing changed, waited for on the GPU. */
async function idleFrame(page: Page, kind: Kind): Promise<number> {
  await page.bringToFront();
  return page.evaluate((kind) => {
    const w = window as unknown as { __jianwen?: { renderer: unknown }; __sigma?: unknown };
    const r = (kind === "explorer" ? w.__jianwen?.renderer : w.__sigma) as {
      refresh(o: object): void;
      getWebGLContext(): WebGL2RenderingContext;
    };
    const gl = r.getWebGLContext();
    const t = performance.now();
    r.refresh({ partialGraph: {}, skipIndexation: true });
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    return performance.now() - t;
  }, kind);
}

/** Frame times while the camera zooms and pans (one long animation, cut short after `frames` frames). */
async function movingFrames(page: Page, kind: Kind, frames: number): Promise<number[]> {
  await page.bringToFront();
  return page.evaluate(
    async ({ kind, frames }) => {
      const w = window as unknown as { __jianwen?: { renderer: unknown }; __sigma?: unknown };
      const r = (kind === "explorer" ? w.__jianwen?.renderer : w.__sigma) as {
        on(e: string, f: () => void): void;
        off(e: string, f: () => void): void;
        getCamera(): {
          getState(): { x: number; y: number; ratio: number };
          animate(s: object, o: object): Promise<void>;
          cancelAnimation(): void;
          setState(s: object): void;
        };
        getWebGLContext(): WebGL2RenderingContext;
      };
      const gl = r.getWebGLContext();
      const stamps: number[] = [];
      const px = new Uint8Array(4);
      const cam = r.getCamera();
      const start = cam.getState();
      let done!: () => void;
      const enough = new Promise<void>((ok) => (done = ok));
      const onFrame = () => {
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        stamps.push(performance.now());
        if (stamps.length > frames) done();
      };
      r.on("afterRender", onFrame);
      void cam.animate(
        { ratio: start.ratio / 3, x: start.x + 0.15, y: start.y - 0.1 },
        { duration: 600_000, easing: "linear" },
      );
      await enough;
      r.off("afterRender", onFrame);
      cam.cancelAnimation();
      cam.setState(start);
      return stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
    },
    { kind, frames },
  );
}

/** Time for `iterations` ForceAtlas2 worker iterations while the page keeps drawing as it normally would. */
async function layoutTime(page: Page, kind: Kind, iterations: number): Promise<number> {
  await page.bringToFront();
  return page.evaluate(
    async ({ kind, iterations }) => {
      const w = window as unknown as {
        __jianwen?: { layoutIterations: number; startLayout(): Promise<void>; stopLayout(): void };
        __sigma?: { getGraph(): { on(e: string, f: () => void): void } };
        __startFA2?: () => { kill(): void };
      };
      const t = performance.now();
      if (kind === "explorer") {
        const app = w.__jianwen;
        if (!app) throw new Error("no explorer handle");
        await app.startLayout();
        while (app.layoutIterations < iterations) await new Promise((ok) => setTimeout(ok, 20));
        const elapsed = performance.now() - t;
        app.stopLayout();
        return elapsed;
      }
      let count = 0;
      let done!: () => void;
      const finished = new Promise<void>((ok) => (done = ok));
      w.__sigma?.getGraph().on("eachNodeAttributesUpdated", () => {
        if (++count === iterations) done();
      });
      const layout = w.__startFA2?.();
      await finished;
      const elapsed = performance.now() - t;
      layout?.kill();
      return elapsed;
    },
    { kind, iterations },
  );
}

/**
 * Both pages stay open and the measurements alternate between them (one idle frame each, then the other; one
 * camera move each), so a machine whose load changes during the run affects both sides alike.
 */
async function measurePair(
  pages: Record<Kind, Page>,
  size: Size,
  first: Record<Kind, number>,
): Promise<Record<Kind, Measure>> {
  const out: Record<Kind, Measure> = {
    explorer: { firstFrameMs: first.explorer, fa2Ms: NaN, fa2Measured: size.fa2.explorer, idle: [], move: [] },
    bare: { firstFrameMs: first.bare, fa2Ms: NaN, fa2Measured: size.fa2.bare, idle: [], move: [] },
  };
  const kinds: Kind[] = ["explorer", "bare"];
  for (let i = 0; i < size.idleFrames; i++) {
    for (const k of i % 2 ? [...kinds].reverse() : kinds) out[k].idle.push(await idleFrame(pages[k], k));
  }
  const rounds = 2;
  for (let i = 0; i < rounds; i++) {
    for (const k of i % 2 ? [...kinds].reverse() : kinds)
      out[k].move.push(...(await movingFrames(pages[k], k, Math.ceil(size.moveFrames / rounds))));
  }
  for (const k of kinds) out[k].fa2Ms = (await layoutTime(pages[k], k, size.fa2[k])) * (100 / size.fa2[k]);
  return out;
}

// ---- report -----------------------------------------------------------------------------------------------------------

function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] ?? NaN;
}

const fmt = (ms: number) =>
  Number.isFinite(ms) ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`) : "n/a";
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "n/a");

function report(size: Size, ex: Measure, bare: Measure): void {
  const rows: Array<[string, number, number, string]> = [
    ["first frame", ex.firstFrameMs, bare.firstFrameMs, "≤ 1.5×"],
    [`FA2 100 iterations (timed ${ex.fa2Measured}/${bare.fa2Measured}, scaled)`, ex.fa2Ms, bare.fa2Ms, ""],
    [`idle frame median (${ex.idle.length})`, quantile(ex.idle, 0.5), quantile(bare.idle, 0.5), "≤ 1.2×"],
    ["idle frame p95", quantile(ex.idle, 0.95), quantile(bare.idle, 0.95), ""],
    [
      `moving frame median (${ex.move.length}/${bare.move.length})`,
      quantile(ex.move, 0.5),
      quantile(bare.move, 0.5),
      "≤ 0.5×",
    ],
    ["moving frame p95", quantile(ex.move, 0.95), quantile(bare.move, 0.95), ""],
  ];
  console.log(`\n${size.nodes.toLocaleString("en")} nodes / ${size.edges.toLocaleString("en")} edges`);
  console.log(
    `  ${"metric".padEnd(38)} ${"explorer".padStart(10)} ${"bare".padStart(10)} ${"ratio".padStart(8)}  target`,
  );
  for (const [name, a, b, target] of rows) {
    console.log(
      `  ${name.padEnd(38)} ${fmt(a).padStart(10)} ${fmt(b).padStart(10)} ${ratio(a, b).padStart(8)}  ${target}`,
    );
  }
}

async function main(): Promise<void> {
  try {
    await stat(join(EXPLORER_DIST, "index.html"));
  } catch {
    console.log("bench/explorer: building the explorer (dist/explorer)…");
    await build({ configFile: resolve("explorer/vite.config.ts"), logLevel: "warn" });
  }
  mkdirSync(OUT, { recursive: true });
  const bareDist = await buildBare();
  const only = process.env.BENCH_SIZES;
  const sizes = SIZES.filter((s) => !only || only.split(",").includes(s.name));
  const server = await serveDir(OUT);
  const browser = await launch();
  // tsx compiles this file with keepNames, which wraps functions passed to page.evaluate in a __name helper.
  await browser.addInitScript("window.__name = (f) => f;");
  try {
    for (const size of sizes) {
      const t = Date.now();
      const graph = generateGraph(size.nodes, size.edges);
      const bundle = makeBundle(graph, `bench ${size.name}`);
      await writeStaticSite(join(OUT, `explorer-${size.name}`), bundle, EXPLORER_DIST);
      const bareDir = join(OUT, `bare-${size.name}`);
      const { cp } = await import("node:fs/promises");
      await cp(bareDist, bareDir, { recursive: true });
      writeFileSync(join(bareDir, "data.js"), bundleScript(bundle));
      console.log(`bench/explorer: ${size.name} graph written in ${Date.now() - t} ms; measuring…`);

      const ex = await browser.newPage();
      await ex.addInitScript(() => (window.__JIANWEN_BENCH__ = true));
      // The big graphs take longer than a page load's default 30 s to draw; firstFrame() waits for them.
      await ex.goto(`${server.url}explorer-${size.name}/index.html`, { waitUntil: "commit", timeout: 0 });
      const exFirst = await firstFrame(ex);
      const box = await ex.evaluate(() => {
        const r = document.getElementById("graph")?.getBoundingClientRect();
        return { w: Math.round(r?.width ?? 800), h: Math.round(r?.height ?? 600) };
      });
      // The bare page draws into a container of the explorer's graph area, so both fill the same pixels.
      const bare = await browser.newPage();
      await bare.goto(`${server.url}bare-${size.name}/index.html?w=${box.w}&h=${box.h}`, {
        waitUntil: "commit",
        timeout: 0,
      });
      const bareFirst = await firstFrame(bare);
      const m = await measurePair({ explorer: ex, bare }, size, { explorer: exFirst, bare: bareFirst });
      await ex.close();
      await bare.close();
      const exMeasure = m.explorer;
      const bareMeasure = m.bare;
      report(size, exMeasure, bareMeasure);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
