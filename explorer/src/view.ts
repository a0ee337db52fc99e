// What sigma draws: a graphology graph derived from the filtered dataset (positions, colour, size, label), and
// sigma's item states for hover, selection and paths, styled declaratively. Sigma v4 styles replace reducers:
// a reducer would make every node's style depend on graph state and re-evaluate all items whenever the camera
// starts or stops moving; whenState rules on item states only touch the items whose state changed.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { CJK_FONT_STACK } from "./appearance.js";

export interface DrawnNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
}
export interface DrawnEdge {
  size: number;
  color: string;
  kind: string;
}
export type DrawnGraph = MultiDirectedGraph<DrawnNode, DrawnEdge>;

const NODE_STATE = { dim: false, focus: false, selected: false };
const EDGE_STATE = { dim: false, focus: false };

/** Draw less while the camera moves (no edges, no labels), fewer labels at rest: the idle picture stays legible. */
export const EXPLORER_SETTINGS: Partial<Settings> = {
  hideEdgesOnMove: true,
  hideLabelsOnMove: true,
  labelDensity: 0.6,
  labelGridCellSize: 120,
  labelRenderedSizeThreshold: 7,
  itemSizesReference: "screen",
  zoomToSizeRatioFunction: Math.sqrt,
  minCameraRatio: 0.02,
  maxCameraRatio: 20,
  stagePadding: 40,
  enableCameraRotation: false,
  enableCameraMouseRotation: false,
};

export function createRenderer(graph: DrawnGraph, container: HTMLElement) {
  return new Sigma(graph, container, {
    settings: EXPLORER_SETTINGS,
    customNodeState: NODE_STATE,
    customEdgeState: EDGE_STATE,
    styles: {
      nodes: [
        {
          x: { attribute: "x" },
          y: { attribute: "y" },
          size: { attribute: "size", defaultValue: 4 },
          color: { attribute: "color", defaultValue: "#8d99ae" },
          label: { attribute: "label" },
          labelFont: CJK_FONT_STACK,
          labelSize: 13,
          labelColor: "#1f2933",
          backdropColor: "#ffffff",
          backdropShadowColor: "rgba(15, 23, 42, 0.28)",
          backdropShadowBlur: 10,
          backdropPadding: 5,
        },
        {
          whenState: "isHovered",
          then: { labelVisibility: "visible", depth: "topNodes", backdropVisibility: "visible" },
        },
        { whenState: "dim", then: { color: "#dfe4ea", labelVisibility: "hidden" } },
        { whenState: "focus", then: { labelVisibility: "visible", depth: "topNodes" } },
        {
          whenState: "selected",
          then: {
            labelVisibility: "visible",
            depth: "topNodes",
            backdropVisibility: "visible",
            backdropColor: "#fff4d6",
          },
        },
      ],
      edges: [
        { size: { attribute: "size", defaultValue: 1 }, color: { attribute: "color", defaultValue: "#cfd6e0" } },
        { whenState: "dim", then: { color: "#f0f2f5" } },
        { whenState: "focus", then: { color: "#55657a", size: 2, depth: "topEdges" } },
      ],
    },
  });
}

export type Renderer = ReturnType<typeof createRenderer>;

/** Highlights a set of nodes and edges (a neighbourhood, a path, query results) and dims the rest. */
export class Highlighter {
  private active = false;
  private lastFocus: string[] = [];
  private lastEdges: string[] = [];

  constructor(
    private readonly renderer: Renderer,
    private readonly graph: DrawnGraph,
  ) {}

  neighbourhood(center: string | null): { nodes: string[]; edges: string[] } {
    if (!center || !this.graph.hasNode(center)) return { nodes: [], edges: [] };
    return { nodes: [center, ...this.graph.neighbors(center)], edges: this.graph.edges(center) };
  }

  apply(focus: { nodes: string[]; edges: string[] }): void {
    const r = this.renderer;
    const g = this.graph;
    const nowActive = focus.nodes.length > 0;
    if (this.lastFocus.length)
      r.setNodesState(
        this.lastFocus.filter((n) => g.hasNode(n)),
        { focus: false },
      );
    if (this.lastEdges.length)
      r.setEdgesState(
        this.lastEdges.filter((e) => g.hasEdge(e)),
        { focus: false },
      );
    if (nowActive !== this.active) {
      r.setNodesState(g.nodes(), { dim: nowActive });
      r.setEdgesState(g.edges(), { dim: nowActive });
      this.active = nowActive;
    } else if (nowActive) {
      r.setNodesState(
        this.lastFocus.filter((n) => g.hasNode(n)),
        { dim: true },
      );
      r.setEdgesState(
        this.lastEdges.filter((e) => g.hasEdge(e)),
        { dim: true },
      );
    }
    const nodes = focus.nodes.filter((n) => g.hasNode(n));
    const edges = focus.edges.filter((e) => g.hasEdge(e));
    if (nodes.length) r.setNodesState(nodes, { dim: false, focus: true });
    if (edges.length) r.setEdgesState(edges, { dim: false, focus: true });
    this.lastFocus = nodes;
    this.lastEdges = edges;
  }

  /** New items drawn while a highlight is on start dimmed, like their peers. */
  adopt(nodes: string[], edges: string[]): void {
    if (!this.active) return;
    if (nodes.length) this.renderer.setNodesState(nodes, { dim: true });
    if (edges.length) this.renderer.setEdgesState(edges, { dim: true });
  }
}
