// Unit tests of the load plan: how a GraphDoc becomes node and relationship rows, without Neo4j.
import { describe, expect, it } from "vitest";
import { InputError, Neo4jLoadError } from "../../core/errors.js";
import type { GraphDoc } from "../../core/model.js";
import { chunk, planLoad, relationshipKey } from "../../cypher/load-plan.js";
import { nodeMergeQuery, relationshipMergeQuery } from "../../cypher/load.js";

const ARTICLE = "article:00000000000000a1";

function doc(partial: Partial<GraphDoc>): GraphDoc {
  return { articles: [], entities: [], relations: [], ...partial };
}

describe("planLoad", () => {
  it("merges two mentions of one entity into one row with the union of their aliases", () => {
    const plan = planLoad(
      doc({
        entities: [
          { id: "place:371500", type: "Place", name: "聊城市", aliases: ["聊城"], level: "city", code: "371500" },
          { id: "place:371500", type: "Place", name: "聊城市", aliases: ["水城", "聊城"] },
        ],
      }),
    );
    const rows = plan.nodes.get("Place");
    expect(rows).toHaveLength(1);
    expect(rows?.[0]?.aliases).toEqual(["聊城", "水城"]);
    expect(rows?.[0]?.props).toEqual({ name: "聊城市", level: "city", code: "371500" });
  });

  it("makes one relationship row per evidence sentence from a different article", () => {
    const plan = planLoad(
      doc({
        entities: [
          { id: "person:甲", type: "Person", name: "甲", aliases: [] },
          { id: "organization:乙", type: "Organization", name: "乙", aliases: [] },
        ],
        relations: [
          {
            type: "HOLDS_POSITION",
            source: "person:甲",
            target: "organization:乙",
            properties: { title: "书记" },
            evidence: [
              { article: "article:1", sentence: "甲任乙书记。" },
              { article: "article:2", sentence: "乙书记甲出席。" },
              { article: "article:2", sentence: "甲书记说。" },
            ],
          },
        ],
      }),
    );
    const group = plan.relationships[0];
    expect(group?.sourceLabel).toBe("Person");
    expect(group?.targetLabel).toBe("Organization");
    expect(group?.rows.map((r) => r.key)).toEqual(["article:1|书记", "article:2|书记"]);
    expect(group?.rows[1]?.sentences).toEqual(["乙书记甲出席。", "甲书记说。"]);
    expect(group?.rows[1]?.props).toEqual({ title: "书记", article: "article:2", sentence: "乙书记甲出席。" });
  });

  it("keys a participation by its role, so chairing and speaking at one meeting stay two facts", () => {
    expect(relationshipKey("PARTICIPATED_IN", "article:1", { role: "chaired" })).not.toBe(
      relationshipKey("PARTICIPATED_IN", "article:1", { role: "spoke" }),
    );
    expect(relationshipKey("HELD_IN", "article:1", { role: "x" })).toBe("article:1");
  });

  it("gives a mention without evidence its source article as the key", () => {
    const plan = planLoad(
      doc({
        articles: [
          {
            id: ARTICLE,
            title: "t",
            date: "2023-02-06",
            source: "聊城日报",
            page: null,
            byline: [],
            text: "x",
            sha256: "f",
          },
        ],
        entities: [{ id: "person:甲", type: "Person", name: "甲", aliases: [] }],
        relations: [{ type: "MENTIONS", source: ARTICLE, target: "person:甲", properties: { count: 2 }, evidence: [] }],
      }),
    );
    expect(plan.relationships[0]?.rows[0]?.key).toBe(ARTICLE);
    expect(plan.relationships[0]?.rows[0]?.props).toEqual({ count: 2, article: ARTICLE });
    expect(plan.nodes.get("Article")?.[0]?.props).not.toHaveProperty("page");
  });

  it("falls back to the id prefix for endpoints that live only in the database", () => {
    const plan = planLoad(
      doc({
        relations: [{ type: "PART_OF", source: "place:371526", target: "place:371500", properties: {}, evidence: [] }],
      }),
    );
    expect(plan.relationships[0]).toMatchObject({ sourceLabel: "Place", targetLabel: "Place" });
  });

  it("refuses an endpoint whose type it cannot tell", () => {
    expect(() =>
      planLoad(
        doc({ relations: [{ type: "RUNS", source: "who-knows", target: "project:x", properties: {}, evidence: [] }] }),
      ),
    ).toThrow(InputError);
  });

  it("refuses a relation type outside the model instead of splicing it into Cypher", () => {
    const bad = {
      type: "RUNS]->() DETACH DELETE n //",
      source: "person:a",
      target: "person:b",
      properties: {},
      evidence: [],
    };
    expect(() => planLoad(doc({ relations: [bad as never] }))).toThrow(InputError);
  });
});

describe("merge queries", () => {
  it("only build queries for labels and types of the model", () => {
    expect(nodeMergeQuery("Person")).toContain("MERGE (n:`Person` {id: row.id})");
    expect(() => nodeMergeQuery("Person`) DETACH DELETE n //" as never)).toThrow(Neo4jLoadError);
    expect(() =>
      relationshipMergeQuery({ type: "KNOWS" as never, sourceLabel: "Person", targetLabel: "Person" }),
    ).toThrow(Neo4jLoadError);
  });

  it("batches rows into chunks of the given size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
