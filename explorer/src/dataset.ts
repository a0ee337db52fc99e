// The dataset: every node and relation the explorer has loaded (first view, expansions, query results), as one
// graphology multigraph. It is the top of the one-way flow dataset → filtered graph → what sigma draws; nothing
// here knows about colours or sizes.
import { MultiDirectedGraph } from "graphology";
import type { ApiEdge, ApiEvidence, ApiGraph, ApiNode } from "../../core/api.js";

export type NodeKind = ApiNode["type"];

export interface NodeAttrs {
  node: ApiNode;
  /** Dates of the articles behind this node's relations (and its own date, for articles and meetings). */
  dates: string[];
  sources: string[];
  x: number;
  y: number;
}

export interface EdgeAttrs {
  edge: ApiEdge;
  dates: string[];
  sources: string[];
}

export type DataGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

export interface Added {
  nodes: string[];
  edges: string[];
}

function uniqSorted(values: Iterable<string | null | undefined>): string[] {
  return [...new Set([...values].filter((v): v is string => typeof v === "string" && v.length > 0))].sort();
}

function evidenceDates(evidence: ApiEvidence[]): string[] {
  return uniqSorted(evidence.map((e) => e.date));
}

export class Dataset {
  readonly graph: DataGraph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();

  /** Adds nodes and edges not yet present (existing ones get their fields refreshed); returns what was new. */
  merge(api: ApiGraph, near?: string): Added {
    const added: Added = { nodes: [], edges: [] };
    const g = this.graph;
    const anchor = near && g.hasNode(near) ? g.getNodeAttributes(near) : null;
    // New neighbours go on a ring around the node they came from, sized to the picture, not piled on it.
    const ring = anchor ? this.extent() * 0.08 || 1 : 0;
    let k = 0;
    for (const node of api.nodes) {
      if (g.hasNode(node.id)) {
        g.updateNodeAttribute(node.id, "node", (old) => ({ ...old, ...node }) as ApiNode);
        continue;
      }
      const pos =
        typeof node.x === "number" && typeof node.y === "number"
          ? { x: node.x, y: node.y }
          : anchor
            ? around(anchor.x, anchor.y, ring, k++)
            : randomPosition(node.id);
      g.addNode(node.id, { node, dates: [], sources: [], x: pos.x, y: pos.y });
      added.nodes.push(node.id);
    }
    for (const edge of api.edges) {
      if (!g.hasNode(edge.source) || !g.hasNode(edge.target)) continue;
      if (g.hasEdge(edge.id)) continue;
      g.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
        edge,
        dates: evidenceDates(edge.evidence),
        sources: uniqSorted(edge.evidence.map((e) => e.source)),
      });
      added.edges.push(edge.id);
    }
    this.refreshNodeFacets(new Set([...added.nodes, ...added.edges.flatMap((e) => g.extremities(e))]));
    return added;
  }

  /** Drops the given nodes (with their edges) and edges. */
  remove(removed: Added): void {
    for (const e of removed.edges) if (this.graph.hasEdge(e)) this.graph.dropEdge(e);
    for (const n of removed.nodes) if (this.graph.hasNode(n)) this.graph.dropNode(n);
  }

  clear(): void {
    this.graph.clear();
  }

  /** A node's dates and sources come from its relations' evidence, plus its own date/source (articles, meetings). */
  private refreshNodeFacets(nodes: Set<string>): void {
    const g = this.graph;
    for (const n of nodes) {
      if (!g.hasNode(n)) continue;
      const own = g.getNodeAttribute(n, "node");
      const dates: string[] = own.date ? [own.date] : [];
      const sources: string[] = own.type === "Article" && own.source ? [own.source] : [];
      g.forEachEdge(n, (_e, attrs) => {
        dates.push(...attrs.dates);
        sources.push(...attrs.sources);
      });
      g.mergeNodeAttributes(n, { dates: uniqSorted(dates), sources: uniqSorted(sources) });
    }
  }

  /** The larger side of the bounding box of all positions. */
  extent(): number {
    let minX = Infinity,
      maxX = -Infinity,
      minY = Infinity,
      maxY = -Infinity;
    this.graph.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    return Number.isFinite(minX) ? Math.max(maxX - minX, maxY - minY) : 0;
  }

  /** Every article date known to the dataset, sorted: the timeline's ticks. */
  allDates(): string[] {
    const dates = new Set<string>();
    this.graph.forEachNode((_n, a) => a.dates.forEach((d) => dates.add(d)));
    return [...dates].sort();
  }

  allSources(): string[] {
    const s = new Set<string>();
    this.graph.forEachNode((_n, a) => a.sources.forEach((d) => s.add(d)));
    return [...s].sort();
  }

  /** Copies the positions the layout computed on the drawn graph back, so they survive filtering. */
  keepPositions(positions: Iterable<[string, number, number]>): void {
    for (const [n, x, y] of positions) if (this.graph.hasNode(n)) this.graph.mergeNodeAttributes(n, { x, y });
  }

  toApiGraph(nodes?: Set<string>, edges?: Set<string>): ApiGraph {
    const out: ApiGraph = { nodes: [], edges: [] };
    this.graph.forEachNode((n, a) => {
      if (!nodes || nodes.has(n)) out.nodes.push(a.node);
    });
    this.graph.forEachEdge((e, a) => {
      if (!edges || edges.has(e)) out.edges.push(a.edge);
    });
    return out;
  }
}

/** A deterministic spread for nodes without a position yet (hash of the id), so a reload draws the same picture. */
function randomPosition(id: string): { x: number; y: number } {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const a = ((h >>> 0) % 10000) / 10000;
  const r = (((h >>> 8) % 10000) / 10000) ** 0.5;
  return { x: Math.cos(a * 2 * Math.PI) * r * 10, y: Math.sin(a * 2 * Math.PI) * r * 10 };
}

/** The k-th point on a golden-angle spiral around (x, y): evenly spread, whatever the count. */
function around(x: number, y: number, radius: number, k: number): { x: number; y: number } {
  const a = k * 2.39996;
  const r = radius * (0.6 + 0.4 * Math.sqrt((k + 1) / 10));
  return { x: x + Math.cos(a) * r, y: y + Math.sin(a) * r };
}

export function isEntity(kind: NodeKind): boolean {
  return kind !== "Article";
}
