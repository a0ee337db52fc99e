// Entity pages built from a graph in memory (what a static export shows and the service's pages are made of),
// places folded into their province, and the first view's date window.
import { describe, expect, it } from "vitest";
import { monthsBefore } from "../../service/first-view.js";
import { Dataset } from "../../explorer/src/dataset.js";
import { applyFilters, DEFAULT_FILTERS, edgeEnds } from "../../explorer/src/filters.js";
import { foldPlaces, provinceOf } from "../../explorer/src/fold.js";
import { firstEvidence } from "../../explorer/src/ui/facts.js";
import { entityFromGraph } from "../../explorer/src/source.js";
import { graphDocToApiGraph } from "../../graph/export-api.js";
import { FIXTURE_DOC } from "../browser/fixture.js";

const graph = graphDocToApiGraph(FIXTURE_DOC);

describe("entity pages", () => {
  it("a person: one line per post with its span and count, meetings newest first with role, co-mentioned people", () => {
    const p = entityFromGraph(graph, "person:陈静怡");
    expect(p.posts.map((f) => [f.other.id, f.title, f.firstSeen, f.lastSeen, f.articles, f.former])).toEqual([
      ["org:河清市人民政府", "市长", "2023-02-06", "2023-03-15", 3, false],
    ]);
    expect(p.meetings.map((f) => [f.other.date, f.role])).toEqual([
      ["2023-03-15", "chaired"],
      ["2023-03-02", "spoke"],
      ["2023-02-03", "spoke"],
    ]);
    expect(p.coMentioned.map((c) => c.node.name).sort()).toEqual(["周明远", "孙丽华", "林晓峰", "赵国栋"].sort());
    const dates = p.evidence.map((e) => e.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("an organization: its roster, the meetings it organized; a meeting: attendees and organizer", () => {
    const org = entityFromGraph(graph, "org:中共河清市委");
    expect(org.posts.map((f) => `${f.title} ${f.other.name}`).sort()).toEqual(["市委书记 林晓峰", "市委副书记 赵国栋"]);
    expect(org.meetings.map((f) => f.other.name)).toEqual(["市委常委会会议"]);
    const m = entityFromGraph(graph, "meeting:市委常委会会议:2023-02-03");
    expect(m.attendees.map((f) => `${f.role} ${f.other.name}`).sort()).toEqual([
      "attended 赵国栋",
      "chaired 林晓峰",
      "spoke 陈静怡",
    ]);
    expect(m.organizers.map((f) => f.other.id)).toEqual(["org:中共河清市委"]);
    expect(m.coMentioned).toEqual([]);
  });

  it("a place: parent and divisions; a project: who runs it and where", () => {
    const county = entityFromGraph(graph, "place:清源县");
    expect(county.parents.map((f) => f.other.id)).toEqual(["place:河清市"]);
    expect(county.children.map((f) => f.other.id)).toEqual(["place:柳林镇"]);
    expect(county.located.map((f) => f.other.id)).toEqual(["org:青禾新能源有限公司"]);
    // A province lists what happened in its divisions, naming the division.
    const province = entityFromGraph(graph, "place:370000");
    expect(province.meetings.map((f) => [f.other.name, f.via?.name])).toEqual([["全市优化营商环境大会", "河清市"]]);
    expect(province.projects.map((f) => [f.other.name, f.via?.name])).toEqual([["青禾光伏储能一体化项目", "柳林镇"]]);
    const project = entityFromGraph(graph, "project:河清港物流园项目");
    expect(project.organizers.map((f) => f.other.id)).toEqual(["org:河清港务集团"]);
  });
});

describe("folding places into their province", () => {
  const d = new Dataset();
  d.merge(graph);

  it("finds the province up PART_OF, and leaves provinces and other kinds alone", () => {
    expect(provinceOf(d.graph, "place:柳林镇")).toBe("place:370000");
    expect(provinceOf(d.graph, "place:370000")).toBeNull();
    expect(provinceOf(d.graph, "person:陈静怡")).toBeNull();
    const f = foldPlaces(d.graph, []);
    expect([...f.hidden.keys()].sort()).toEqual(["place:柳林镇", "place:河清市", "place:清源县"].sort());
    expect(f.counts.get("place:370000")).toBe(3);
    expect(foldPlaces(d.graph, ["place:370000"]).hidden.size).toBe(0);
  });

  it("draws a folded place's facts to its province and drops those inside it", () => {
    const r = applyFilters(d.graph, DEFAULT_FILTERS, { opened: [] });
    expect(r.nodes.has("place:河清市")).toBe(false);
    const held = [...r.edges].find((e) => d.graph.getEdgeAttribute(e, "edge").type === "HELD_IN")!;
    expect(edgeEnds(d.graph, r, held)).toEqual(["meeting:全市优化营商环境大会:2023-03-02", "place:370000"]);
    expect([...r.edges].some((e) => d.graph.getEdgeAttribute(e, "edge").type === "PART_OF")).toBe(false);
    // Without folding, nothing changes.
    expect(applyFilters(d.graph, DEFAULT_FILTERS).nodes.size).toBe(FIXTURE_DOC.entities.length);
  });
});

describe("helpers", () => {
  it("counts months back from the last article date, clamping the day", () => {
    expect(monthsBefore("2023-03-15", 6)).toBe("2022-09-15");
    expect(monthsBefore("2024-08-31", 6)).toBe("2024-02-29");
    expect(monthsBefore("2024-01-10", 1)).toBe("2023-12-10");
  });

  it("takes the earliest dated evidence as the one a fact was first reported with", () => {
    const ev = (date: string | null, article: string) => ({ article, date, sentence: article, articleTitle: null });
    expect(firstEvidence([ev("2023-03-02", "b"), ev(null, "c"), ev("2023-02-06", "a")])?.article).toBe("a");
    expect(firstEvidence([])).toBeUndefined();
  });
});
