// Filters: a pure function from the dataset and the filter settings to the set of nodes and edges to draw, with
// the counts the sidebar shows. Filters compose: a node must pass type, date, source; an edge must pass its
// relation type, date and source and have both ends drawn; then nodes under the minimum degree fall away.
import type { RelationType } from "../../core/model.js";
import type { DataGraph, NodeKind } from "./dataset.js";

export interface Filters {
  /** Hidden node types (Article is hidden unless asked for: articles crowd the picture). */
  hiddenTypes: NodeKind[];
  hiddenRelations: RelationType[];
  /** Inclusive ISO date bounds; null = open. */
  from: string | null;
  to: string | null;
  hiddenSources: string[];
  minDegree: number;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenTypes: ["Article"],
  hiddenRelations: [],
  from: null,
  to: null,
  hiddenSources: [],
  minDegree: 0,
};

export interface Filtered {
  nodes: Set<string>;
  edges: Set<string>;
  /** Per node type / relation type: how many are drawn and how many are loaded. */
  typeCounts: Map<string, { shown: number; total: number }>;
  relationCounts: Map<string, { shown: number; total: number }>;
  sourceCounts: Map<string, number>;
}

function inRange(dates: string[], from: string | null, to: string | null): boolean {
  if (dates.length === 0 || (!from && !to)) return true;
  return dates.some((d) => (!from || d >= from) && (!to || d <= to));
}

function passSources(sources: string[], hidden: Set<string>): boolean {
  return sources.length === 0 || hidden.size === 0 || sources.some((s) => !hidden.has(s));
}

function bump(map: Map<string, { shown: number; total: number }>, key: string, shown: boolean): void {
  const c = map.get(key) ?? { shown: 0, total: 0 };
  c.total++;
  if (shown) c.shown++;
  map.set(key, c);
}

export function applyFilters(graph: DataGraph, f: Filters): Filtered {
  const hiddenTypes = new Set<string>(f.hiddenTypes);
  const hiddenRelations = new Set<string>(f.hiddenRelations);
  const hiddenSources = new Set(f.hiddenSources);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const sourceCounts = new Map<string, number>();

  graph.forEachNode((n, a) => {
    for (const s of a.sources) sourceCounts.set(s, (sourceCounts.get(s) ?? 0) + 1);
    if (hiddenTypes.has(a.node.type)) return;
    if (!inRange(a.dates, f.from, f.to)) return;
    if (!passSources(a.sources, hiddenSources)) return;
    nodes.add(n);
  });
  const degree = new Map<string, number>();
  graph.forEachEdge((e, a, s, t) => {
    if (!nodes.has(s) || !nodes.has(t)) return;
    if (hiddenRelations.has(a.edge.type)) return;
    if (!inRange(a.dates, f.from, f.to)) return;
    if (!passSources(a.sources, hiddenSources)) return;
    edges.add(e);
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  });
  if (f.minDegree > 0) {
    for (const n of [...nodes]) if ((degree.get(n) ?? 0) < f.minDegree) nodes.delete(n);
    for (const e of [...edges]) if (!nodes.has(graph.source(e)) || !nodes.has(graph.target(e))) edges.delete(e);
  }

  const typeCounts = new Map<string, { shown: number; total: number }>();
  graph.forEachNode((n, a) => bump(typeCounts, a.node.type, nodes.has(n)));
  const relationCounts = new Map<string, { shown: number; total: number }>();
  graph.forEachEdge((e, a) => bump(relationCounts, a.edge.type, edges.has(e)));
  return { nodes, edges, typeCounts, relationCounts, sourceCounts };
}
