// Folding administrative places into their province: a first view of a news graph is otherwise a field of
// counties and towns around each province. A place below province level whose province is loaded is not drawn
// until that province is opened (double-click, or the panel's button); the province's label says how many it
// holds. The province is found by following PART_OF upwards, or from the administrative code (370102 → 370000).
import type { DataGraph } from "./dataset.js";

const MAX_STEPS = 6;

function isProvince(g: DataGraph, id: string): boolean {
  const n = g.getNodeAttribute(id, "node");
  return n.type === "Place" && n.level === "province";
}

/** The loaded province a place lies in, or null (a province itself, a country, or a place whose province is absent). */
export function provinceOf(g: DataGraph, id: string): string | null {
  const node = g.getNodeAttribute(id, "node");
  if (node.type !== "Place" || node.level === "province") return null;
  let current = id;
  for (let step = 0; step < MAX_STEPS; step++) {
    let parent: string | null = null;
    g.forEachOutEdge(current, (_e, a, _s, t) => {
      if (!parent && a.edge.type === "PART_OF" && g.getNodeAttribute(t, "node").type === "Place") parent = t;
    });
    if (!parent) break;
    if (isProvince(g, parent)) return parent;
    current = parent;
  }
  const code = node.code ?? /^place:(\d{6})$/.exec(id)?.[1];
  if (code && /^\d{6}$/.test(code) && !code.endsWith("0000")) {
    const province = `place:${code.slice(0, 2)}0000`;
    if (g.hasNode(province) && isProvince(g, province)) return province;
  }
  return null;
}

export interface Folding {
  /** Places not drawn, each with the province it is folded into. */
  hidden: Map<string, string>;
  /** Per province: how many loaded places it holds folded. */
  counts: Map<string, number>;
}

/** Which places are folded, given the provinces the reader opened. */
export function foldPlaces(g: DataGraph, opened: Iterable<string>): Folding {
  const open = new Set(opened);
  const hidden = new Map<string, string>();
  const counts = new Map<string, number>();
  g.forEachNode((id, a) => {
    if (a.node.type !== "Place") return;
    const province = provinceOf(g, id);
    if (!province || open.has(province)) return;
    hidden.set(id, province);
    counts.set(province, (counts.get(province) ?? 0) + 1);
  });
  return { hidden, counts };
}
