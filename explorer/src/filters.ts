// Filters: a pure function from the dataset and the filter settings to the set of nodes and edges to draw, with
// the counts the sidebar shows. Filters compose: a node must pass type, date, source; an edge must pass its
// relation type, date and source and have both ends drawn; then nodes under the minimum degree fall away.
import type { RelationType } from "../../core/model.js";
import type { DataGraph, NodeKind } from "./dataset.js";
import { foldPlaces } from "./fold.js";

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
  /** Per province: how many of its places are folded into it (not drawn until it is opened). */
  folded: Map<string, number>;
  /** Edges drawn between other ends than the dataset's: a folded place's edges end at its province. */
  ends: Map<string, [string, string]>;
}

/** Where an edge that passed the filter is drawn from and to (its province, for an end folded into one). */
export function edgeEnds(graph: DataGraph, f: Filtered, e: string): [string, string] {
  return f.ends.get(e) ?? [graph.source(e), graph.target(e)];
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

/**
 * `fold`: fold places below province level into their loaded province, except in the provinces `opened`
 * (fold.ts); without it every place passes.
 */
export function applyFilters(graph: DataGraph, f: Filters, fold?: { opened: string[] }): Filtered {
  const folding = fold ? foldPlaces(graph, fold.opened) : { hidden: new Map<string, string>(), counts: new Map() };
  const hiddenTypes = new Set<string>(f.hiddenTypes);
  const hiddenRelations = new Set<string>(f.hiddenRelations);
  const hiddenSources = new Set(f.hiddenSources);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const sourceCounts = new Map<string, number>();

  graph.forEachNode((n, a) => {
    for (const s of a.sources) sourceCounts.set(s, (sourceCounts.get(s) ?? 0) + 1);
    if (hiddenTypes.has(a.node.type)) return;
    if (folding.hidden.has(n)) return;
    if (!inRange(a.dates, f.from, f.to)) return;
    if (!passSources(a.sources, hiddenSources)) return;
    nodes.add(n);
  });
  const degree = new Map<string, number>();
  const ends = new Map<string, [string, string]>();
  graph.forEachEdge((e, a, s0, t0) => {
    // An edge of a folded place is drawn to its province, unless it stays inside the province.
    const s = folding.hidden.get(s0) ?? s0;
    const t = folding.hidden.get(t0) ?? t0;
    if (s === t || !nodes.has(s) || !nodes.has(t)) return;
    if (folding.hidden.has(s0) && hiddenTypes.has("Place")) return;
    if (folding.hidden.has(t0) && hiddenTypes.has("Place")) return;
    if (hiddenRelations.has(a.edge.type)) return;
    if (!inRange(a.dates, f.from, f.to)) return;
    if (!passSources(a.sources, hiddenSources)) return;
    edges.add(e);
    if (s !== s0 || t !== t0) ends.set(e, [s, t]);
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  });
  if (f.minDegree > 0) {
    for (const n of [...nodes]) if ((degree.get(n) ?? 0) < f.minDegree) nodes.delete(n);
    for (const e of [...edges]) {
      const [s, t] = ends.get(e) ?? [graph.source(e), graph.target(e)];
      if (!nodes.has(s) || !nodes.has(t)) edges.delete(e);
    }
  }

  const typeCounts = new Map<string, { shown: number; total: number }>();
  graph.forEachNode((n, a) => bump(typeCounts, a.node.type, nodes.has(n)));
  const relationCounts = new Map<string, { shown: number; total: number }>();
  graph.forEachEdge((e, a) => bump(relationCounts, a.edge.type, edges.has(e)));
  return { nodes, edges, typeCounts, relationCounts, sourceCounts, folded: folding.counts, ends };
}
