// The explorer's filters as a pure function over the fixture graph: each filter narrows, they compose, edges
// follow their ends, and the counts describe what is drawn.
import { describe, expect, it } from "vitest";
import { Dataset } from "../../explorer/src/dataset.js";
import { applyFilters, DEFAULT_FILTERS, type Filters } from "../../explorer/src/filters.js";
import { graphDocToApiGraph } from "../../graph/export-api.js";
import { FIXTURE_DOC } from "../browser/fixture.js";

function dataset(): Dataset {
  const d = new Dataset();
  d.merge(graphDocToApiGraph(FIXTURE_DOC));
  return d;
}

const f = (over: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...over });

describe("explorer filters", () => {
  it("hide articles by default and show every entity", () => {
    const r = applyFilters(dataset().graph, DEFAULT_FILTERS);
    expect(r.nodes.size).toBe(FIXTURE_DOC.entities.length);
    expect([...r.nodes].some((n) => n.startsWith("article:"))).toBe(false);
    expect(r.typeCounts.get("Article")).toEqual({ shown: 0, total: FIXTURE_DOC.articles.length });
  });

  it("drop a hidden type's nodes and every edge that touched them", () => {
    const d = dataset();
    const r = applyFilters(d.graph, f({ hiddenTypes: ["Article", "Person"] }));
    expect([...r.nodes].some((n) => n.startsWith("person:"))).toBe(false);
    for (const e of r.edges) expect(r.nodes.has(d.graph.source(e)) && r.nodes.has(d.graph.target(e))).toBe(true);
  });

  it("keep only what the date range's articles support, and compose with the type filter", () => {
    const d = dataset();
    const march = applyFilters(d.graph, f({ from: "2023-03-01" }));
    expect(march.nodes.has("meeting:市政府常务会议:2023-03-15")).toBe(true);
    expect(march.nodes.has("meeting:市委常委会会议:2023-02-03")).toBe(false);
    const marchPeople = applyFilters(d.graph, f({ from: "2023-03-01", hiddenTypes: ["Article", "Meeting"] }));
    expect([...marchPeople.nodes].sort()).toEqual([...march.nodes].filter((n) => !n.startsWith("meeting:")).sort());
  });

  it("hide what only a hidden source reports", () => {
    const r = applyFilters(dataset().graph, f({ hiddenSources: ["新华社"] }));
    // The business-climate meeting is reported by 新华社 only.
    expect(r.nodes.has("meeting:全市优化营商环境大会:2023-03-02")).toBe(false);
    expect(r.nodes.has("person:陈静怡")).toBe(true);
  });

  it("drop nodes under the minimum degree counted on drawn edges", () => {
    const d = dataset();
    const r = applyFilters(d.graph, f({ minDegree: 3 }));
    // Degree among drawn entities (articles are hidden by default), counted before the cut.
    const entity = (n: string) => !n.startsWith("article:");
    const expected = d.graph.filterNodes(
      (n) => entity(n) && d.graph.edges(n).filter((e) => entity(d.graph.opposite(n, e))).length >= 3,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect([...r.nodes].sort()).toEqual(expected.sort());
    expect(r.nodes.has("person:吴海燕")).toBe(false);
  });

  it("hide a relation type without hiding its ends", () => {
    const d = dataset();
    const r = applyFilters(d.graph, f({ hiddenRelations: ["HOLDS_POSITION"] }));
    expect([...r.edges].some((e) => d.graph.getEdgeAttribute(e, "edge").type === "HOLDS_POSITION")).toBe(false);
    expect(r.relationCounts.get("HOLDS_POSITION")?.shown).toBe(0);
    expect(r.nodes.has("org:河清市发展和改革委员会")).toBe(true);
  });
});
