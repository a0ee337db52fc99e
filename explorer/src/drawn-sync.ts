// The middle of the one-way flow: the filtered dataset becomes the drawn graph sigma renders. Nodes and edges
// that left the filter are dropped, new ones added where the dataset has them, and colour, size and label
// follow the view's appearance (type or Louvain community; degree or PageRank), computed on the drawn subgraph.
import { MultiDirectedGraph } from "graphology";
import { communityColor, sizeFor, TYPE_COLORS } from "./appearance.js";
import { cjsDefault } from "./cjs.js";
import type { Dataset } from "./dataset.js";
import type { Filtered } from "./filters.js";
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
  for (const e of filtered.edges)
    g.addDirectedEdgeWithKey(e, d.source(e), d.target(e), { ...d.getEdgeAttribute(e, "edge") });
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
export function syncDrawn(
  drawn: DrawnGraph,
  dataset: Dataset,
  f: Filtered,
  view: ViewState,
  metrics: Metrics,
): { nodes: string[]; edges: string[] } {
  const g = drawn;
  const d = dataset.graph;
  if (g.order) dataset.keepPositions(g.mapNodes((n, a) => [n, a.x, a.y] as [string, number, number]));
  for (const e of g.filterEdges((e) => !f.edges.has(e))) g.dropEdge(e);
  for (const n of g.filterNodes((n) => !f.nodes.has(n))) g.dropNode(n);

  const degree = new Map<string, number>();
  for (const e of f.edges) {
    degree.set(d.source(e), (degree.get(d.source(e)) ?? 0) + 1);
    degree.set(d.target(e), (degree.get(d.target(e)) ?? 0) + 1);
  }
  const metric = view.sizeBy === "pagerank" && metrics.pagerank ? metrics.pagerank : degree;
  let max = 0;
  for (const n of f.nodes) max = Math.max(max, metric.get(n) ?? 0);

  const added = { nodes: [] as string[], edges: [] as string[] };
  for (const n of f.nodes) {
    const a = d.getNodeAttributes(n);
    const color = view.colorBy === "community" ? communityColor(metrics.community?.get(n)) : TYPE_COLORS[a.node.type];
    const size = sizeFor(metric.get(n) ?? 0, max);
    const label = a.node.type === "Article" ? shorten(a.node.title ?? a.node.name, 14) : a.node.name;
    if (!g.hasNode(n)) {
      g.addNode(n, { x: a.x, y: a.y, size, color, label, kind: a.node.type });
      added.nodes.push(n);
      continue;
    }
    const old = g.getNodeAttributes(n);
    if (old.size !== size || old.color !== color || old.label !== label)
      g.mergeNodeAttributes(n, { size, color, label });
  }
  for (const e of f.edges) {
    if (g.hasEdge(e)) continue;
    const type = d.getEdgeAttribute(e, "edge").type;
    const faint = type === "MENTIONS" || type === "REPORTED";
    g.addDirectedEdgeWithKey(e, d.source(e), d.target(e), {
      size: faint ? 0.6 : 1,
      color: faint ? "#e3e7ed" : "#c3ccd7",
      kind: type,
    });
    added.edges.push(e);
  }
  return added;
}
