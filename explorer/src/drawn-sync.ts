// The middle of the one-way flow: the filtered dataset becomes the drawn graph sigma renders. Nodes and edges
// that left the filter are dropped, new ones added where the dataset has them, and colour, size and label
// follow the view's appearance (type or Louvain community; degree or PageRank), computed on the drawn subgraph.
import { MultiDirectedGraph } from "graphology";
import { communityColor, sizeFor, TYPE_COLORS } from "./appearance.js";
import { cjsDefault } from "./cjs.js";
import type { Dataset } from "./dataset.js";
import { edgeEnds, type Filtered } from "./filters.js";
import { toUndirected } from "./layout.js";
import type { ViewState } from "./state.js";
import type { DrawnGraph } from "./view.js";

export interface Metrics {
  pagerank?: Map<string, number>;
  community?: Map<string, number>;
}

/** The filtered subgraph of the dataset with its API attributes (for metrics and exports). */
export function filteredSubgraph(dataset: Dataset, filtered: Filtered): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  const d = dataset.graph;
  for (const n of filtered.nodes) g.addNode(n, { ...d.getNodeAttribute(n, "node") });
  for (const e of filtered.edges) {
    const [s, t] = edgeEnds(d, filtered, e);
    g.addDirectedEdgeWithKey(e, s, t, { ...d.getEdgeAttribute(e, "edge") });
  }
  return g;
}

/** Fills the metrics the view needs and lacks; communities come from the service when it computed them. */
export async function computeMetrics(
  metrics: Metrics,
  view: ViewState,
  dataset: Dataset,
  filtered: Filtered,
): Promise<void> {
  if (view.sizeBy === "pagerank" && !metrics.pagerank) {
    const pagerank = cjsDefault((await import("graphology-metrics/centrality/pagerank.js")).default);
    metrics.pagerank = new Map(Object.entries(pagerank(toUndirected(filteredSubgraph(dataset, filtered)))));
  }
  if (view.colorBy === "community" && !metrics.community) {
    const given = dataset.graph.everyNode((_n, a) => typeof a.node.community === "number");
    if (given) {
      metrics.community = new Map(dataset.graph.mapNodes((n, a) => [n, a.node.community ?? -1]));
    } else {
      const louvain = cjsDefault((await import("graphology-communities-louvain")).default);
      metrics.community = new Map(Object.entries(louvain(toUndirected(filteredSubgraph(dataset, filtered)))));
    }
  }
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Brings the drawn graph in line with the filter; returns the nodes and edges it added. */
/** A colour mixed toward white: how a node looks when its evidence is older than the playing timeline's edge. */
export function faded(hex: string, amount = 0.7): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [mix((n >> 16) & 255), mix((n >> 8) & 255), mix(n & 255)];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/**
 * `fadeBefore`: while the timeline plays, nodes with no date on or after it (inside the drawn range) are drawn
 * faded: they appeared earlier and are leaving the window.
 */
export function syncDrawn(
  drawn: DrawnGraph,
  dataset: Dataset,
  f: Filtered,
  view: ViewState,
  metrics: Metrics,
  fadeBefore: string | null = null,
): { nodes: string[]; edges: string[] } {
  const g = drawn;
  const d = dataset.graph;
  if (g.order) dataset.keepPositions(g.mapNodes((n, a) => [n, a.x, a.y] as [string, number, number]));
  // Edges that left the filter, or whose drawn ends changed (a province folded or opened), go.
  for (const e of g.filterEdges((e, _a, s, t) => {
    if (!f.edges.has(e)) return true;
    const [s2, t2] = edgeEnds(d, f, e);
    return s !== s2 || t !== t2;
  }))
    g.dropEdge(e);
  for (const n of g.filterNodes((n) => !f.nodes.has(n))) g.dropNode(n);

  const degree = new Map<string, number>();
  for (const e of f.edges) {
    const [s, t] = edgeEnds(d, f, e);
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  const metric = view.sizeBy === "pagerank" && metrics.pagerank ? metrics.pagerank : degree;
  let max = 0;
  const boost = (n: string) => (view.sizeBy === "degree" ? (f.folded.get(n) ?? 0) : 0);
  for (const n of f.nodes) max = Math.max(max, (metric.get(n) ?? 0) + boost(n));

  const added = { nodes: [] as string[], edges: [] as string[] };
  for (const n of f.nodes) {
    const a = d.getNodeAttributes(n);
    const base = view.colorBy === "community" ? communityColor(metrics.community?.get(n)) : TYPE_COLORS[a.node.type];
    const to = view.filters.to;
    const old = fadeBefore !== null && a.dates.length > 0 && !a.dates.some((d) => d >= fadeBefore && (!to || d <= to));
    const color = old ? faded(base) : base;
    // A province holding folded places is drawn as big as what it holds.
    const size = sizeFor((metric.get(n) ?? 0) + boost(n), max);
    const folded = f.folded.get(n);
    const name = a.node.type === "Article" ? shorten(a.node.title ?? a.node.name, 14) : a.node.name;
    const label = folded ? `${name}（含 ${folded} 地）` : name;
    if (!g.hasNode(n)) {
      g.addNode(n, { x: a.x, y: a.y, size, color, label, kind: a.node.type });
      added.nodes.push(n);
      continue;
    }
    const was = g.getNodeAttributes(n);
    if (was.size !== size || was.color !== color || was.label !== label)
      g.mergeNodeAttributes(n, { size, color, label });
  }
  for (const e of f.edges) {
    if (g.hasEdge(e)) continue;
    const type = d.getEdgeAttribute(e, "edge").type;
    const faint = type === "MENTIONS" || type === "REPORTED";
    const [s, t] = edgeEnds(d, f, e);
    g.addDirectedEdgeWithKey(e, s, t, {
      size: faint ? 0.6 : 1,
      color: faint ? "#e3e7ed" : "#c3ccd7",
      kind: type,
    });
    added.edges.push(e);
  }
  return added;
}
