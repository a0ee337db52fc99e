// The explorer's controller: owns the dataset and the view state, and keeps the one-way flow
// dataset → filtered graph (filters.ts) → drawn graph (view.ts) after every change. UI modules call its
// methods and listen to "changed"; none of them touches sigma's graph directly.
import { MultiDirectedGraph } from "graphology";
import {
  MAX_NEIGHBOURS,
  type ApiEntityPage,
  type ApiGraph,
  type ApiNodeDetail,
  type ApiQueryResult,
} from "../../core/api.js";
import type { PropertyValue } from "../../core/model.js";
import { Dataset, type Added } from "./dataset.js";
import { computeMetrics, filteredSubgraph, syncDrawn, type Metrics } from "./drawn-sync.js";
import { settle, toUndirected, WorkerLayout } from "./layout.js";
import { applyFilters, type Filtered, type Filters } from "./filters.js";
import { PinyinIndex } from "./pinyin-index.js";
import { detailFromGraph, entityFromGraph, type DataSource } from "./source.js";
import { readView, writeView, type ViewState } from "./state.js";
import { createRenderer, Highlighter, type DrawnGraph, type Renderer } from "./view.js";

type Step =
  { kind: "expand"; node: string; added: Added } | { kind: "replace"; previous: ApiGraph; query: ViewState["query"] };

export const OVERVIEW_LIMIT = 400;
export const NEIGHBOUR_LIMIT = 25;
/** The first view centres on what the last months of articles reported. */
export const FIRST_VIEW_MONTHS = 6;
/** How long one step of the playing timeline stays on screen, and how many steps a run takes at most. */
export const PLAY_STEP_MS = 900;
export const PLAY_STEPS = 24;

/** The entity a link's hash names (#/entity/<id>), or null. */
export function entityFromHash(hash: string): string | null {
  const m = /^#\/entity\/(.+)$/.exec(hash);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/** Neighbours loaded by the nth expansion of one node (n from 0): 25, then 100, then 400, then the service's cap. */
export function neighbourLimit(times: number): number {
  return Math.min(MAX_NEIGHBOURS, NEIGHBOUR_LIMIT * 4 ** times);
}

export class App extends EventTarget {
  readonly dataset = new Dataset();
  readonly drawn: DrawnGraph = new MultiDirectedGraph();
  readonly pinyin = new PinyinIndex();
  renderer!: Renderer;
  private highlighter!: Highlighter;
  view: ViewState;
  filtered!: Filtered;
  readonly history: Step[] = [];
  hovered: string | null = null;
  /** Nodes and edges to keep highlighted (a path, query results) when nothing is hovered. */
  emphasis: { nodes: string[]; edges: string[] } | null = null;
  lastQuery: ApiQueryResult | null = null;
  private metrics: Metrics = {};
  /** Set when new nodes arrived without positions: the next refresh settles them with a short layout. */
  private needsSettle = false;
  private readonly layout = new WorkerLayout(this.drawn, () => this.renderer);
  /** While the timeline plays: the step shown, the steps' ranges, and the filters to restore at the end. */
  playing: { step: number; steps: Array<{ from: string; to: string; fadeBefore: string }>; saved: Filters } | null =
    null;
  private playTimer: number | undefined;

  constructor(readonly source: DataSource) {
    super();
    this.view = readView(location.search);
  }

  notify(message: string, kind: "info" | "error" = "info"): void {
    this.dispatchEvent(new CustomEvent("message", { detail: { message, kind } }));
  }

  private changed(): void {
    this.writeUrl();
    this.dispatchEvent(new Event("changed"));
  }

  /** The query string holds the view; the hash names the selected entity's page, so a link opens it. */
  private writeUrl(): void {
    const id = this.view.selected;
    const hash = id ? `#/entity/${encodeURIComponent(id)}` : "";
    history.replaceState(null, "", `${location.pathname}${writeView(this.view)}${hash}`);
  }

  /** Keeps the camera in the URL a moment after it stops moving; only the URL changes, the panels do not redraw. */
  private followCamera(): void {
    let timer: number | undefined;
    this.renderer.getCamera().on("updated", (state) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        this.view = { ...this.view, camera: { x: state.x, y: state.y, ratio: state.ratio } };
        this.writeUrl();
      }, 250);
    });
  }

  /** Loads the first view, replays what the URL asks for (expansions, query, path), then draws. */
  async start(container: HTMLElement): Promise<void> {
    const overview =
      this.source.mode === "static"
        ? await this.source.overview(1_000_000)
        : await this.source.overview(OVERVIEW_LIMIT, FIRST_VIEW_MONTHS);
    this.dataset.merge(overview);
    // A link to an entity's page opens it, with its neighbours loaded when the first view lacks it.
    const linked = entityFromHash(location.hash);
    if (linked) {
      this.view = { ...this.view, selected: linked };
      if (!this.dataset.graph.hasNode(linked))
        await this.source
          .neighbours(linked, NEIGHBOUR_LIMIT)
          .then((g) => this.dataset.merge(g))
          .catch((error: Error) => this.notify(`无法载入 ${linked}：${error.message}`, "error"));
    }
    const unpositioned = overview.nodes.some((n) => typeof n.x !== "number");
    const replayed = new Map<string, number>();
    for (const id of this.view.expanded) {
      const times = replayed.get(id) ?? 0;
      replayed.set(id, times + 1);
      await this.loadNeighbours(id, false, times);
    }
    if (this.view.query) await this.runQuery(this.view.query.cypher, this.view.query.params, false);
    this.filtered = applyFilters(this.dataset.graph, this.view.filters, { opened: this.view.opened });
    await this.syncDrawn();
    if ((unpositioned || this.needsSettle) && this.drawn.order <= 3000) await this.settleLayout();
    this.needsSettle = false;
    this.renderer = createRenderer(this.drawn, container);
    if (window.__JIANWEN_BENCH__) markFirstFrame(this.renderer);
    this.highlighter = new Highlighter(this.renderer, this.drawn);
    this.bindEvents();
    if (unpositioned && this.drawn.order > 3000) {
      // Too big to settle before drawing: let the worker untangle it for a while in view.
      void this.startLayout().then(() => setTimeout(() => this.stopLayout(), 10_000));
    }
    if (this.view.path) await this.findPath(this.view.path[0], this.view.path[1], false);
    // A link's camera wins over the fit a path asked for: it is what the person who copied the link saw.
    if (this.view.camera) {
      this.renderer.getCamera().cancelAnimation().setState(this.view.camera);
    }
    this.followCamera();
    window.addEventListener("hashchange", () => {
      const id = entityFromHash(location.hash);
      if (id && id !== this.view.selected) void this.open(id);
    });
    this.applyHighlight();
    this.changed();
  }

  /** Selects a node by id, loading it with its neighbours first when it is not loaded (links, page links). */
  async open(id: string): Promise<void> {
    if (!this.dataset.graph.hasNode(id)) {
      try {
        this.dataset.merge(await this.source.neighbours(id, NEIGHBOUR_LIMIT));
        if (this.dataset.graph.order <= 500) this.needsSettle = true;
        await this.refresh();
      } catch (error) {
        this.notify(`无法载入 ${id}：${(error as Error).message}`, "error");
      }
    }
    this.select(id);
    if (this.drawn.hasNode(id)) this.focusCamera(id);
  }

  private bindEvents(): void {
    const r = this.renderer;
    r.on("enterNode", ({ node }) => {
      this.hovered = node;
      this.applyHighlight();
    });
    r.on("leaveNode", () => {
      this.hovered = null;
      this.applyHighlight();
    });
    r.on("clickNode", ({ node }) => this.select(node));
    r.on("clickStage", () => this.select(null));
    r.on("doubleClickNode", (e) => {
      e.preventSigmaDefault();
      void this.expand(e.node);
    });
  }

  /** A short synchronous ForceAtlas2 for small views without positions: a readable picture at once. */
  private async settleLayout(): Promise<void> {
    await settle(this.drawn);
    this.dataset.keepPositions(this.drawn.mapNodes((n, a) => [n, a.x, a.y] as [string, number, number]));
  }

  // ---- state changes ---------------------------------------------------------------------------------------

  async setView(partial: Partial<ViewState>): Promise<void> {
    this.view = { ...this.view, ...partial };
    if ("filters" in partial) this.metrics = {};
    await this.refresh();
  }

  async refresh(): Promise<void> {
    // The layout works on a copy of the drawn graph; a new structure needs a new run.
    if (this.layout.running) this.stopLayout();
    this.filtered = applyFilters(this.dataset.graph, this.view.filters, { opened: this.view.opened });
    await this.syncDrawn();
    if (this.needsSettle) {
      this.needsSettle = false;
      if (this.drawn.order <= 3000) await this.settleLayout();
    }
    this.applyHighlight();
    this.changed();
  }

  select(id: string | null): void {
    const previous = this.view.selected;
    if (previous && this.drawn.hasNode(previous)) this.renderer.setNodeState(previous, { selected: false });
    this.view = { ...this.view, selected: id };
    if (id && this.drawn.hasNode(id)) this.renderer.setNodeState(id, { selected: true });
    this.applyHighlight();
    this.changed();
  }

  applyHighlight(): void {
    if (!this.highlighter) return;
    const center = this.hovered ?? this.view.selected;
    if (this.hovered || !this.emphasis) this.highlighter.apply(this.highlighter.neighbourhood(center));
    else this.highlighter.apply(this.emphasis);
  }

  /** The entity's page from the service (or the static bundle); what is loaded when the service fails. */
  async entityPage(id: string): Promise<ApiEntityPage> {
    if (this.source.mode === "live") {
      try {
        return await this.source.entity(id);
      } catch (error) {
        console.warn(`explorer: /api/entity failed for ${id}; showing what is loaded`, error);
        return entityFromGraph(this.dataset.toApiGraph(), id);
      }
    }
    return this.source.entity(id);
  }

  async detail(id: string): Promise<ApiNodeDetail> {
    if (this.source.mode === "live") {
      try {
        return await this.source.detail(id);
      } catch (error) {
        console.warn(`explorer: /api/node failed for ${id}; showing what is loaded`, error);
      }
    }
    if (this.source.mode === "static") return this.source.detail(id);
    return detailFromGraph(this.dataset.toApiGraph(), id);
  }

  // ---- expand, collapse, undo -------------------------------------------------------------------------------

  /** Loads a node's neighbours; the `times`-th expansion of the same node asks for four times as many. */
  private async loadNeighbours(id: string, record: boolean, times: number): Promise<Added> {
    const limit = neighbourLimit(times);
    const g = await this.source.neighbours(id, limit);
    const added = this.dataset.merge(g, id);
    if (record) this.history.push({ kind: "expand", node: id, added });
    const left = g.omitted ?? 0;
    const more = neighbourLimit(times + 1);
    this.notify(
      `展开 ${this.label(id)}：新增 ${added.nodes.length} 个节点` +
        (left > 0
          ? more > limit
            ? `，另有 ${left} 个邻居未载入（再次展开载入至多 ${more} 个）`
            : `，另有 ${left} 个邻居未载入（上限 ${limit}）`
          : ""),
    );
    return added;
  }

  async expand(id: string): Promise<void> {
    try {
      // Expanding a node again loads more of its neighbours; the link keeps one entry per expansion.
      const times = this.view.expanded.filter((e) => e === id).length;
      await this.loadNeighbours(id, true, times);
      // Expanding a province opens it: its counties and towns are drawn instead of folded into it.
      const n = this.dataset.graph.hasNode(id) ? this.dataset.graph.getNodeAttribute(id, "node") : null;
      if (n?.type === "Place" && n.level === "province" && !this.view.opened.includes(id))
        this.view = { ...this.view, opened: [...this.view.opened, id] };
      // A small picture is re-settled so the newcomers find their place; a big one keeps its layout.
      if (this.dataset.graph.order <= 500) this.needsSettle = true;
      this.view = { ...this.view, expanded: [...this.view.expanded, id] };
      await this.refresh();
    } catch (error) {
      this.notify(`展开失败：${(error as Error).message}`, "error");
    }
  }

  /** Opens a folded province (its places are drawn) or folds an open one again. */
  async toggleProvince(id: string): Promise<void> {
    const opened = this.view.opened.includes(id) ? this.view.opened.filter((p) => p !== id) : [...this.view.opened, id];
    if (this.dataset.graph.order <= 500) this.needsSettle = true;
    await this.setView({ opened });
  }

  // ---- timeline play --------------------------------------------------------------------------------------

  /**
   * Plays the timeline: a window a quarter of the dated span wide moves from the first article date to the last;
   * entities appear when their evidence enters it and fade as it passes them. Stops at the end (or on stop())
   * and puts the filters back as they were.
   */
  async play(stepMs = PLAY_STEP_MS): Promise<void> {
    if (this.playing) return;
    const dates = this.dataset.allDates();
    if (dates.length < 2) return this.notify("没有足够的日期可以播放");
    const n = Math.min(PLAY_STEPS, dates.length);
    const width = Math.max(1, Math.ceil(dates.length / 4));
    const steps = Array.from({ length: n }, (_, k) => {
      const hi = Math.round(((dates.length - 1) * (k + 1)) / n);
      const lo = Math.max(0, hi - width + 1);
      const fade = Math.max(lo, hi - Math.ceil(width / 2) + 1);
      return { from: dates[lo]!, to: dates[hi]!, fadeBefore: dates[fade]! };
    });
    this.playing = { step: -1, steps, saved: this.view.filters };
    // The whole picture: entities come and go all over it.
    void this.renderer?.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
    await this.playStep(stepMs);
  }

  private async playStep(stepMs: number): Promise<void> {
    const p = this.playing;
    if (!p) return;
    p.step++;
    const step = p.steps[p.step];
    if (!step) return this.stop();
    await this.setView({ filters: { ...p.saved, from: step.from, to: step.to } });
    this.playTimer = window.setTimeout(() => void this.playStep(stepMs), stepMs);
  }

  async stop(): Promise<void> {
    window.clearTimeout(this.playTimer);
    const p = this.playing;
    if (!p) return;
    this.playing = null;
    await this.setView({ filters: p.saved });
  }

  /** Removes the node's neighbours that hang only on it (like Neo4j Browser's collapse). */
  async collapse(id: string): Promise<void> {
    const g = this.dataset.graph;
    if (!g.hasNode(id)) return;
    const leaves = g.neighbors(id).filter((n) => g.neighbors(n).every((m) => m === id));
    this.dataset.remove({ nodes: leaves, edges: [] });
    this.view = { ...this.view, expanded: this.view.expanded.filter((e) => e !== id) };
    this.notify(`收起 ${this.label(id)}：移除 ${leaves.length} 个节点`);
    await this.refresh();
  }

  async undo(): Promise<void> {
    const step = this.history.pop();
    if (!step) return this.notify("没有可以撤销的操作");
    if (step.kind === "expand") {
      this.dataset.remove(step.added);
      const last = this.view.expanded.lastIndexOf(step.node);
      this.view = { ...this.view, expanded: this.view.expanded.filter((_, i) => i !== last) };
    } else {
      this.dataset.clear();
      this.dataset.merge(step.previous);
      this.view = { ...this.view, query: step.query };
      this.emphasis = null;
    }
    if (this.view.selected && !this.dataset.graph.hasNode(this.view.selected))
      this.view = { ...this.view, selected: null };
    await this.refresh();
  }

  // ---- ask: query and path --------------------------------------------------------------------------------------

  /** Runs Cypher read-only through the service; its graph replaces the drawing (undo brings the old one back). */
  async runQuery(cypher: string, params: Record<string, PropertyValue>, refresh = true): Promise<ApiQueryResult> {
    const result = await this.source.query(cypher, params);
    this.lastQuery = result;
    this.history.push({ kind: "replace", previous: this.dataset.toApiGraph(), query: this.view.query });
    if (result.graph.nodes.length > 0) {
      this.dataset.clear();
      this.dataset.merge(result.graph);
      this.emphasis = null;
      this.needsSettle = true;
    }
    this.view = { ...this.view, query: { cypher, params } };
    if (refresh) await this.refresh();
    return result;
  }

  async findPath(from: string, to: string, refresh = true): Promise<boolean> {
    let nodes: string[] | null = null;
    const remote = await this.source.path(from, to).catch((error: Error) => {
      this.notify(`路径查询失败：${error.message}`, "error");
      return null;
    });
    if (remote?.found) {
      this.dataset.merge(remote.graph);
      nodes = remote.nodes;
    } else {
      const { bidirectional } = await import("graphology-shortest-path/unweighted.js");
      const g = this.dataset.graph;
      if (g.hasNode(from) && g.hasNode(to)) nodes = bidirectional(toUndirected(g), from, to);
    }
    if (!nodes) {
      this.emphasis = null;
      this.notify(`${this.label(from)} 与 ${this.label(to)} 之间没有找到路径`, "error");
      return false;
    }
    const g = this.dataset.graph;
    const edges: string[] = [];
    for (let i = 1; i < nodes.length; i++) {
      const a = nodes[i - 1] ?? "";
      const b = nodes[i] ?? "";
      const e = g.edges(a, b)[0] ?? g.edges(b, a)[0];
      if (e) edges.push(e);
    }
    this.emphasis = { nodes, edges };
    this.view = { ...this.view, path: [from, to] };
    this.notify(`路径：${nodes.map((n) => this.label(n)).join(" → ")}（${nodes.length - 1} 步）`);
    if (refresh) await this.refresh();
    if (this.renderer) this.fitNodes(nodes);
    return true;
  }

  clearEmphasis(): void {
    this.emphasis = null;
    this.view = { ...this.view, path: null };
    this.applyHighlight();
    this.changed();
  }

  /** Moves the camera onto a drawn node. */
  focusCamera(id: string): void {
    const pos = this.renderer.getNodeDisplayData(id);
    if (!pos) return;
    void this.renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.6 }, { duration: 400 });
  }

  /** Moves the camera so the given drawn nodes fill most of the view (a path, a neighbourhood). */
  fitNodes(ids: string[]): void {
    const pts = ids.map((id) => this.renderer.getNodeDisplayData(id)).filter((d) => d !== undefined);
    if (!pts.length) return;
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.min(1, Math.max(0.15, 1.4 * Math.max(x1 - x0, y1 - y0)));
    void this.renderer.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 400 });
  }

  /** Pans so a drawn node is not hidden under a panel covering the right `inset` pixels of the graph. */
  keepVisible(id: string, inset: number): void {
    const data = this.renderer.getNodeDisplayData(id);
    if (!data) return;
    const p = this.renderer.framedGraphToViewport(data);
    const { width } = this.renderer.getDimensions();
    const limit = width - inset - 60;
    if (p.x <= limit) return;
    const from = this.renderer.viewportToFramedGraph({ x: p.x, y: p.y });
    const to = this.renderer.viewportToFramedGraph({ x: limit - (width - inset) / 4, y: p.y });
    const cam = this.renderer.getCamera();
    void cam.animate({ x: cam.x + (from.x - to.x) }, { duration: 300 });
  }

  label(id: string): string {
    const g = this.dataset.graph;
    return g.hasNode(id) ? g.getNodeAttribute(id, "node").name : id;
  }

  // ---- layout -------------------------------------------------------------------------------------------------

  get layoutRunning(): boolean {
    return this.layout.running;
  }

  /** ForceAtlas2 iterations run since the layout last started (the benchmark reads it). */
  get layoutIterations(): number {
    return this.layout.iterations;
  }

  async startLayout(): Promise<void> {
    await this.layout.start();
    this.changed();
  }

  stopLayout(): void {
    if (!this.layout.running) return;
    this.layout.stop();
    this.dataset.keepPositions(this.drawn.mapNodes((n, a) => [n, a.x, a.y] as [string, number, number]));
    this.changed();
  }

  // ---- dataset → drawn ---------------------------------------------------------------------------------------

  /** The drawn subgraph with its API attributes (exports use it). */
  drawnSubgraph(): MultiDirectedGraph {
    return filteredSubgraph(this.dataset, this.filtered);
  }

  private async syncDrawn(): Promise<void> {
    await computeMetrics(this.metrics, this.view, this.dataset, this.filtered);
    const fadeBefore = this.playing?.steps[this.playing.step]?.fadeBefore ?? null;
    const added = syncDrawn(this.drawn, this.dataset, this.filtered, this.view, this.metrics, fadeBefore);
    if (this.highlighter) this.highlighter.adopt(added.nodes, added.edges);
    if (this.renderer && this.view.selected && this.drawn.hasNode(this.view.selected)) {
      this.renderer.setNodeState(this.view.selected, { selected: true });
    }
    if (this.pinyin.size > 0) this.pinyin.add(this.dataset.graph.mapNodes((_n, a) => a.node));
  }

  /** Builds the pinyin index when the browser is idle after drawing. */
  indexForSearch(): void {
    this.pinyin.add(this.dataset.graph.mapNodes((_n, a) => a.node));
  }
}

declare global {
  interface Window {
    /** Set by bench/explorer.ts: record when the first frame is done on the GPU. */
    __JIANWEN_BENCH__?: boolean;
    __benchFirstFrame?: number;
  }
}

/** Sigma draws its first frame inside its constructor; reading one pixel waits for the GPU to finish it. */
function markFirstFrame(renderer: Renderer): void {
  const gl = renderer.getWebGLContext();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  window.__benchFirstFrame = performance.now();
}
