// The view state: everything a link must carry to reopen the same view (selection, filters, query, expansions,
// appearance, camera). It lives in the URL's query string; the app reads it at start and writes it on every change.
import type { PropertyValue, RelationType } from "../../core/model.js";
import type { ColorBy, SizeBy } from "./appearance.js";
import type { NodeKind } from "./dataset.js";
import { DEFAULT_FILTERS, type Filters } from "./filters.js";

export interface ViewState {
  selected: string | null;
  filters: Filters;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** The Cypher whose results are drawn, if any. */
  query: { cypher: string; params: Record<string, PropertyValue> } | null;
  /** Nodes whose neighbours were loaded, in order. */
  expanded: string[];
  path: [string, string] | null;
  /** Provinces whose counties and towns are drawn (all others are folded into their province). */
  opened: string[];
  /** Where the camera looks (sigma's framed-graph coordinates) and its zoom ratio; null: fit the whole graph. */
  camera: { x: number; y: number; ratio: number } | null;
}

export const DEFAULT_VIEW: ViewState = {
  selected: null,
  filters: DEFAULT_FILTERS,
  colorBy: "type",
  sizeBy: "degree",
  query: null,
  expanded: [],
  path: null,
  opened: [],
  camera: null,
};

const list = (v: string | null): string[] => (v ? v.split(",").filter(Boolean) : []);

/** "x,y,ratio" as written by writeView; anything else (a hand-edited link) is no camera. */
function readCamera(v: string | null): ViewState["camera"] {
  const [x, y, ratio] = (v ?? "").split(",").map(Number);
  if (![x, y, ratio].every(Number.isFinite)) return null;
  return ratio! > 0 ? { x: x!, y: y!, ratio: ratio! } : null;
}

/** Four decimals: a link stays short and the view moves by less than a pixel. */
const round = (n: number): number => Math.round(n * 1e4) / 1e4;

export function readView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const f: Filters = {
    hiddenTypes: p.has("hide") ? (list(p.get("hide")) as NodeKind[]) : DEFAULT_FILTERS.hiddenTypes,
    hiddenRelations: list(p.get("rels")) as RelationType[],
    from: p.get("from"),
    to: p.get("to"),
    hiddenSources: list(p.get("srcs")),
    minDegree: Number(p.get("deg") ?? 0) || 0,
  };
  let query: ViewState["query"] = null;
  if (p.get("q")) {
    let params: Record<string, PropertyValue> = {};
    try {
      params = JSON.parse(p.get("qp") ?? "{}") as Record<string, PropertyValue>;
    } catch {
      console.warn("explorer: the link's query parameters (qp) are not JSON; running the query without them");
    }
    query = { cypher: p.get("q") ?? "", params };
  }
  const path = list(p.get("path"));
  return {
    selected: p.get("sel"),
    filters: f,
    colorBy: p.get("color") === "community" ? "community" : "type",
    sizeBy: p.get("size") === "pagerank" ? "pagerank" : "degree",
    query,
    expanded: list(p.get("exp")),
    path: path.length === 2 ? [path[0] ?? "", path[1] ?? ""] : null,
    opened: list(p.get("open")),
    camera: readCamera(p.get("cam")),
  };
}

export function writeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.selected) p.set("sel", v.selected);
  const f = v.filters;
  if (f.hiddenTypes.join(",") !== DEFAULT_FILTERS.hiddenTypes.join(",")) p.set("hide", f.hiddenTypes.join(","));
  if (f.hiddenRelations.length) p.set("rels", f.hiddenRelations.join(","));
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.hiddenSources.length) p.set("srcs", f.hiddenSources.join(","));
  if (f.minDegree) p.set("deg", String(f.minDegree));
  if (v.colorBy !== "type") p.set("color", v.colorBy);
  if (v.sizeBy !== "degree") p.set("size", v.sizeBy);
  if (v.query) {
    p.set("q", v.query.cypher);
    if (Object.keys(v.query.params).length) p.set("qp", JSON.stringify(v.query.params));
  }
  if (v.expanded.length) p.set("exp", v.expanded.join(","));
  if (v.path) p.set("path", v.path.join(","));
  if (v.opened.length) p.set("open", v.opened.join(","));
  if (v.camera) p.set("cam", [v.camera.x, v.camera.y, v.camera.ratio].map(round).join(","));
  const s = p.toString();
  return s ? `?${s}` : "";
}
