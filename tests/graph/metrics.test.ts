// Unit tests of the graph metrics on small hand-made graphs.
import { describe, expect, it } from "vitest";
import { computeMetrics, createEntityGraph } from "../../graph/metrics.js";

function star() {
  const g = createEntityGraph();
  for (const id of ["hub", "a", "b", "c"]) g.mergeNode(id, { type: "Person", name: id });
  for (const leaf of ["a", "b", "c"]) g.mergeEdge("hub", leaf, { weight: 1, types: ["PARTICIPATED_IN"] });
  g.mergeNode("alone", { type: "Place", name: "alone" });
  return g;
}

describe("computeMetrics", () => {
  it("ranks the hub of a star above its leaves and counts its neighbours as degree", () => {
    const m = computeMetrics(star());
    expect(m.hub?.degree).toBe(3);
    expect(m.a?.degree).toBe(1);
    expect(m.hub!.pagerank).toBeGreaterThan(m.a!.pagerank);
  });

  it("puts two cliques joined by one edge into two communities", () => {
    const g = createEntityGraph();
    const left = ["l1", "l2", "l3", "l4"];
    const right = ["r1", "r2", "r3", "r4"];
    for (const id of [...left, ...right]) g.mergeNode(id, { type: "Person", name: id });
    for (const group of [left, right])
      for (const x of group)
        for (const y of group) if (x < y) g.mergeEdge(x, y, { weight: 1, types: ["HOLDS_POSITION"] });
    g.mergeEdge("l1", "r1", { weight: 1, types: ["HOLDS_POSITION"] });
    const m = computeMetrics(g);
    expect(new Set(left.map((id) => m[id]!.community)).size).toBe(1);
    expect(new Set(right.map((id) => m[id]!.community)).size).toBe(1);
    expect(m.l2!.community).not.toBe(m.r2!.community);
  });

  it("gives an isolated node degree 0 and a community of its own", () => {
    const m = computeMetrics(star());
    expect(m.alone?.degree).toBe(0);
    expect(m.alone!.community).not.toBe(m.hub!.community);
  });

  it("writes the metrics as node attributes with .assign", () => {
    const g = star();
    computeMetrics.assign(g);
    expect(g.getNodeAttribute("hub", "degree")).toBe(3);
    expect(typeof g.getNodeAttribute("a", "pagerank")).toBe("number");
  });

  it("computes betweenness only when asked, highest at the hub of a star", () => {
    expect(computeMetrics(star()).hub?.betweenness).toBeUndefined();
    const m = computeMetrics(star(), { betweenness: true });
    expect(m.hub!.betweenness).toBeGreaterThan(0);
    expect(m.a!.betweenness).toBe(0);
  });

  it("gives the same communities for the same graph", () => {
    expect(computeMetrics(star())).toEqual(computeMetrics(star()));
  });
});
