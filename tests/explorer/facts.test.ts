// How the panel words a fact (explorer/src/ui/facts.ts), on the static export of the fixture graph: a post stated
// by three articles is one edge with its span and article count, and the panel's line reads so.
import { describe, expect, it } from "vitest";
import type { ApiEvidence } from "../../core/api.js";
import { byRecency, factDetails, factSummaryText, spanText } from "../../explorer/src/ui/facts.js";
import { graphDocToApiGraph } from "../../graph/export-api.js";
import { FIXTURE_DOC } from "../browser/fixture.js";

const ev = (article: string, date: string | null): ApiEvidence => ({
  article,
  articleTitle: null,
  date,
  sentence: "句。",
});

describe("a fact in the panel", () => {
  it("is one edge per post in the static export, with its span and article count", () => {
    const posts = graphDocToApiGraph(FIXTURE_DOC).edges.filter(
      (e) => e.type === "HOLDS_POSITION" && e.source === "person:陈静怡",
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]!.properties).toMatchObject({
      title: "市长",
      articles: 3,
      firstSeen: "2023-02-06",
      lastSeen: "2023-03-15",
      former: false,
    });
    expect(posts[0]!.evidence.map((e) => e.date)).toEqual(["2023-03-15", "2023-03-02", "2023-02-06"]);
    expect(factSummaryText(posts[0]!)).toBe("2023-02-06 – 2023-03-15 · 3 篇");
  });

  it("falls back to its evidence when it carries no span or count, and says 原任 for a former post", () => {
    const old = { properties: { title: "县长" }, evidence: [ev("a:2", "2020-05-01"), ev("a:1", "2019-01-02")] };
    expect(factSummaryText(old)).toBe("2019-01-02 – 2020-05-01 · 2 篇");
    expect(spanText({ properties: {}, evidence: [ev("a:1", "2019-01-02")] })).toBe("2019-01-02");
    const former = { properties: { title: "县长", former: true, formerIn: 2, articles: 2 }, evidence: [] };
    expect(factDetails(former)).toEqual(["县长", "原任"]);
    expect(factDetails({ properties: { role: "chaired", articles: 4 }, evidence: [] })).toEqual(["主持"]);
  });

  it("orders posts by when they were last seen, then by articles", () => {
    const a = { properties: { lastSeen: "2021-01-01", articles: 1 }, evidence: [] };
    const b = { properties: { lastSeen: "2023-01-01", articles: 1 }, evidence: [] };
    const c = { properties: { lastSeen: "2023-01-01", articles: 9 }, evidence: [] };
    expect([a, b, c].sort(byRecency)).toEqual([c, b, a]);
  });
});
