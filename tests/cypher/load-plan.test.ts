// Unit tests of the load plan: how a GraphDoc becomes node and relationship rows, without Neo4j.
import { describe, expect, it } from "vitest";
import { InputError, Neo4jLoadError } from "../../core/errors.js";
import type { GraphDoc } from "../../core/model.js";
import { factKey } from "../../cypher/facts.js";
import { chunk, planLoad } from "../../cypher/load-plan.js";
import {
  entityMergeQuery,
  factBatches,
  factMergeByNodeQuery,
  factTransactions,
  FACT_COLUMNS,
  linkCreateByNodeQuery,
  nodeMergeQuery,
  relationshipMergeQuery,
} from "../../cypher/load.js";

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

  it("makes one row per fact with every article's evidence, the span and the article counts", () => {
    const plan = planLoad(
      doc({
        articles: [
          {
            id: "article:2",
            title: "t",
            date: "2024-03-01",
            source: "s",
            page: null,
            byline: [],
            text: "x",
            sha256: "2",
          },
        ],
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
              { article: "article:1", sentence: "甲任乙书记。", date: "2023-05-10" },
              // No date on the evidence: the article's date of the document is used.
              { article: "article:2", sentence: "乙书记甲出席。" },
              { article: "article:2", sentence: "甲书记说。" },
              { article: "article:2", sentence: "甲书记说。" },
            ],
          },
          {
            type: "HOLDS_POSITION",
            source: "person:甲",
            target: "organization:乙",
            properties: { title: "书记", former: true },
            evidence: [{ article: "article:3", sentence: "时任乙书记甲。", date: "2024-09-09" }],
          },
        ],
      }),
    );
    const group = plan.relationships[0]!;
    expect(group.kind).toBe("fact");
    expect(group.rows).toHaveLength(1);
    expect(group.rows[0]).toEqual({
      source: "person:甲",
      target: "organization:乙",
      key: "书记",
      props: { title: "书记" },
      articles: ["article:1", "article:2", "article:3"],
      sentenceCounts: [1, 2, 1],
      formerFlags: [false, false, true],
      evidenceArticles: ["article:3", "article:2", "article:2", "article:1"],
      evidenceSentences: ["时任乙书记甲。", "乙书记甲出席。", "甲书记说。", "甲任乙书记。"],
      evidenceDates: ["2024-09-09", "2024-03-01", "2024-03-01", "2023-05-10"],
      firstSeen: "2023-05-10",
      lastSeen: "2024-09-09",
    });
  });

  it("keys a post by its title and a participation by its role, so two titles or roles stay two facts", () => {
    const rel = (type: "HOLDS_POSITION" | "PARTICIPATED_IN" | "HELD_IN", properties: Record<string, string>) => ({
      type,
      source: "person:甲",
      target: type === "HOLDS_POSITION" ? "org:乙" : "meeting:丙",
      properties,
      evidence: [{ article: "article:1", sentence: "句。" }],
    });
    const plan = planLoad(
      doc({
        relations: [
          rel("HOLDS_POSITION", { title: "书记" }),
          rel("HOLDS_POSITION", { title: "主任" }),
          rel("PARTICIPATED_IN", { role: "chaired" }),
          rel("PARTICIPATED_IN", { role: "spoke" }),
        ],
      }),
    );
    expect(plan.relationships.map((g) => g.rows.map((r) => ("key" in r ? r.key : null)))).toEqual([
      ["书记", "主任"],
      ["chaired", "spoke"],
    ]);
    expect(factKey("HELD_IN", { role: "x" })).toBe("");
  });

  it("keeps a mention as one link row with its first sentence and no evidence lists", () => {
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
        relations: [
          { type: "MENTIONS", source: ARTICLE, target: "person:甲", properties: { count: 2 }, evidence: [] },
          {
            type: "MENTIONS",
            source: ARTICLE,
            target: "person:甲",
            properties: { count: 2 },
            evidence: [{ article: ARTICLE, sentence: "甲说。" }],
          },
        ],
      }),
    );
    expect(plan.relationships[0]).toMatchObject({ kind: "link", type: "MENTIONS" });
    expect(plan.relationships[0]?.rows).toEqual([
      { source: ARTICLE, target: "person:甲", props: { count: 2, sentence: "甲说。" } },
    ]);
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
      relationshipMergeQuery({ type: "KNOWS" as never, kind: "fact", sourceLabel: "Person", targetLabel: "Person" }),
    ).toThrow(Neo4jLoadError);
  });

  it("batches rows into chunks of the given size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe("statements by element id", () => {
  const fact = (type: string, source: string, target: string, title?: string) => ({
    type: type as never,
    source,
    target,
    properties: title ? { title } : ({} as Record<string, string>),
    evidence: [{ article: ARTICLE, sentence: `${source} ${target}` }],
  });
  const entity = (id: string, type: string) => ({ id, type: type as never, name: id, aliases: [] });
  const plan = planLoad(
    doc({
      entities: [
        entity("person:b", "Person"),
        entity("person:a", "Person"),
        entity("org:x", "Organization"),
        entity("place:p", "Place"),
      ],
      relations: [
        fact("LOCATED_IN", "org:x", "place:p"),
        fact("HOLDS_POSITION", "person:b", "org:x", "主任"),
        fact("HOLDS_POSITION", "person:a", "org:x", "主任"),
        fact("HOLDS_POSITION", "person:a", "place:p", "市长"),
        fact("HOLDS_POSITION", "person:c", "org:x", "书记"),
      ],
    }),
  );
  const refs = new Map([
    ["person:a", "4:db:1"],
    ["person:b", "4:db:2"],
    ["org:x", "4:db:3"],
    ["place:p", "4:db:4"],
  ]);

  it("puts facts of every type and label pair whose ends the load wrote into one statement, in lock order", () => {
    const batches = factBatches(plan, refs, 100);
    const byNode = batches.filter((b) => b.query === factMergeByNodeQuery());
    expect(byNode).toHaveLength(1);
    const { type, source, target, s, t } = byNode[0]!.params as Record<string, string[]>;
    expect(type!.map((ty, i) => `${ty} ${source![i]} ${target![i]}`)).toEqual([
      "HOLDS_POSITION person:a org:x",
      "HOLDS_POSITION person:b org:x",
      "HOLDS_POSITION person:a place:p",
      "LOCATED_IN org:x place:p",
    ]);
    expect([s![0], t![0]]).toEqual(["4:db:1", "4:db:3"]);
  });

  it("leaves a fact with an end outside the load to the statement by labels", () => {
    const rest = factBatches(plan, refs, 100).filter((b) => b.query !== factMergeByNodeQuery());
    expect(rest).toHaveLength(1);
    expect(rest[0]!.query).toContain("MATCH (s:`Person` {id: row.source})");
    expect(rest[0]!.rows).toMatchObject([{ source: "person:c", target: "org:x", key: "书记" }]);
  });

  it("chunks the rows by the batch size and packs batches into transactions of at most that many rows", () => {
    expect(factBatches(plan, refs, 3).map((b) => b.rows.length)).toEqual([1, 3, 1]);
    const sized = (n: number) => ({ query: "q", rows: Array.from({ length: n }), params: {}, what: "" });
    const packed = factTransactions([sized(2), sized(2), sized(1), sized(5), sized(1)], 5);
    expect(packed.map((tx) => tx.map((b) => b.rows.length))).toEqual([[2, 2, 1], [5], [1]]);
  });

  it("has a MERGE branch for every entity label and every fact type, and refuses types outside the model", () => {
    for (const label of ["Person", "Organization", "Place", "Project", "Meeting"])
      expect(entityMergeQuery()).toContain(`MERGE (n:\`${label}\` {id: $id[idx]})`);
    expect(factMergeByNodeQuery()).toContain("MERGE (s)-[r:`PART_OF` {key: $key[idx]}]->(t)");
    expect(factMergeByNodeQuery()).not.toContain("`MENTIONS`");
    expect(linkCreateByNodeQuery("MENTIONS", "source")).toContain(
      "CREATE (s)-[r:`MENTIONS` {count: $count[idx], sentence: $sentence[idx]}]->(t)",
    );
    expect(() => linkCreateByNodeQuery("KNOWS" as never, "source")).toThrow(Neo4jLoadError);
  });

  it("checks the id of a link's entity end, not of the article this transaction created", () => {
    expect(linkCreateByNodeQuery("MENTIONS", "source")).toContain(
      "MATCH (t) WHERE elementId(t) = $t[idx] AND t.id = $id[idx]",
    );
    expect(linkCreateByNodeQuery("MENTIONS", "source")).toContain("MATCH (s) WHERE elementId(s) = $s[idx]\n");
    expect(linkCreateByNodeQuery("REPORTED", "target")).toContain(
      "MATCH (s) WHERE elementId(s) = $s[idx] AND s.id = $id[idx]",
    );
  });

  it("sends the facts by element id as columns, element i of each read off row i", () => {
    const [batch] = factBatches(plan, refs, 100).filter((b) => b.query === factMergeByNodeQuery());
    const params = batch!.params as Record<string, unknown[]>;
    expect(Object.keys(params).sort()).toEqual(Object.keys(FACT_COLUMNS).sort());
    for (const column of Object.values(params)) expect(column).toHaveLength(batch!.rows.length);
    // The plan's rows in lock order, read back off the plan itself.
    const planned = plan.relationships.flatMap((g) => (g.kind === "fact" ? g.rows : []));
    const row = (i: number) => planned.find((r) => r.source === params.source![i] && r.target === params.target![i])!;
    for (let i = 0; i < batch!.rows.length; i++) {
      expect(params.key![i]).toBe(row(i).key);
      expect(params.articles![i]).toEqual(row(i).articles);
      expect(params.evidenceSentences![i]).toEqual(row(i).evidenceSentences);
      expect(params.s![i]).toBe(refs.get(row(i).source));
      expect(params.t![i]).toBe(refs.get(row(i).target));
    }
  });
});
