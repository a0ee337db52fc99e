import { describe, expect, it } from "vitest";
import type { ArticleDoc, EntityDoc, GraphDoc, RelationDoc } from "../../core/model.js";
import { mergeDocs } from "../../ingest/pipeline.js";
import { mergeEntities } from "../../ingest/resolve.js";

function article(id: string, title = id): ArticleDoc {
  return { id, title, date: "2024-03-12", source: "德州晚报", page: null, byline: [], text: title, sha256: id };
}

function post(
  article: string,
  sentence: string,
  properties: RelationDoc["properties"] = { title: "市长" },
): RelationDoc {
  return {
    type: "HOLDS_POSITION",
    source: "person:王明",
    target: "org:德州市人民政府",
    properties,
    evidence: [{ article, sentence }],
  };
}

const doc = (parts: Partial<GraphDoc>): GraphDoc => ({ articles: [], entities: [], relations: [], ...parts });

describe("mergeDocs", () => {
  it("joins the evidence of a relation stated in many documents, each piece once and in the order met", () => {
    const docs: GraphDoc[] = [];
    for (let i = 0; i < 3000; i++) docs.push(doc({ relations: [post(`article:${i % 1000}`, `第${i % 1000}句`)] }));
    const merged = mergeDocs(docs);
    expect(merged.relations).toHaveLength(1);
    const evidence = merged.relations[0]!.evidence;
    expect(evidence).toHaveLength(1000);
    expect(evidence[0]).toEqual({ article: "article:0", sentence: "第0句" });
    expect(evidence[999]).toEqual({ article: "article:999", sentence: "第999句" });
    expect(new Set(evidence.map((e) => `${e.article}|${e.sentence}`)).size).toBe(1000);
  });

  it("keeps a second sentence of the same article, and relations with other properties apart", () => {
    const merged = mergeDocs([
      doc({ relations: [post("article:1", "甲")] }),
      doc({
        relations: [post("article:1", "乙"), post("article:1", "甲"), post("article:1", "甲", { title: "副市长" })],
      }),
    ]);
    expect(merged.relations.map((r) => [r.properties.title, r.evidence.map((e) => e.sentence)])).toEqual([
      ["市长", ["甲", "乙"]],
      ["副市长", ["甲"]],
    ]);
  });

  it("leaves its inputs as they were", () => {
    const first = doc({
      relations: [post("article:1", "甲")],
      entities: [{ id: "p", type: "Person", name: "王明", aliases: ["王"] }],
    });
    const second = doc({
      relations: [post("article:2", "乙")],
      entities: [{ id: "p", type: "Person", name: "王明", aliases: ["小王"] }],
    });
    const before = JSON.stringify([first, second]);
    const merged = mergeDocs([first, second]);
    mergeDocs([first, second]);
    expect(JSON.stringify([first, second])).toBe(before);
    expect(merged.relations[0]!.evidence).toHaveLength(2);
    expect(merged.entities[0]!.aliases).toEqual(["王", "小王"]);
  });

  it("keeps an article once, at its first place, as the last document gives it", () => {
    const merged = mergeDocs([
      doc({ articles: [article("article:a", "旧"), article("article:b")] }),
      doc({ articles: [article("article:a", "新")] }),
    ]);
    expect(merged.articles.map((a) => [a.id, a.title])).toEqual([
      ["article:a", "新"],
      ["article:b", "article:b"],
    ]);
  });
});

describe("mergeEntities", () => {
  it("keeps the first name and values, fills what later sightings add, and unions aliases without the name", () => {
    const list: EntityDoc[] = [
      {
        id: "org:德州市人民政府",
        type: "Organization",
        name: "德州市人民政府",
        aliases: ["德州市政府", "德州市人民政府"],
      },
      { id: "place:371400", type: "Place", name: "德州市", aliases: [], level: "city" },
      { id: "org:德州市人民政府", type: "Organization", name: "德州市政府", aliases: [], kind: "government" },
      {
        id: "org:德州市人民政府",
        type: "Organization",
        name: "市政府",
        aliases: ["市政府", "德州市人民政府", "德州市政府"],
        kind: "other",
      },
    ];
    const merged = mergeEntities(list);
    expect(merged).toEqual([
      {
        id: "org:德州市人民政府",
        type: "Organization",
        name: "德州市人民政府",
        aliases: ["德州市政府", "市政府"],
        kind: "government",
      },
      { id: "place:371400", type: "Place", name: "德州市", aliases: [], level: "city" },
    ]);
    expect(list[0]!.aliases).toEqual(["德州市政府", "德州市人民政府"]);
    expect(list[0]).not.toHaveProperty("kind");
  });
});
