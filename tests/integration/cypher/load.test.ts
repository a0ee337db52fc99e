// The loader against a real Neo4j: what it writes, that a fact's evidence from several articles lands on one
// relationship, and that loading the same document twice changes nothing.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { applySchema } from "../../../cypher/schema.js";
import { A1, A2, P1, P2, O1, fixtureCounts, fixtureDoc, removeFixture } from "./fixture.js";

describe("loadGraphDoc", () => {
  let driver: Driver;

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await removeFixture(driver);
  });

  afterAll(async () => {
    if (!driver) return;
    await removeFixture(driver);
    await driver.close();
  });

  it("writes every node and one relationship per fact, however many articles state it", async () => {
    const doc = fixtureDoc();
    const counts = await loadGraphDoc(driver, doc, { batchSize: 4 });
    expect(counts.nodesCreated).toBe(doc.articles.length + doc.entities.length);
    // The fixture states each fact in one relation; 甄一鸣's post has two articles' evidence on that one.
    expect(counts.relationshipsCreated).toBe(doc.relations.length);
    expect(counts.missingEndpoints).toBe(0);
    expect(counts.batches).toBeGreaterThan(doc.entities.length / 4);
    expect(await fixtureCounts(driver)).toEqual({
      nodes: doc.articles.length + doc.entities.length,
      relationships: doc.relations.length,
    });
  });

  it("keeps every article's evidence on the one relationship, newest first, with the span", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (:Person {id: $p})-[r:HOLDS_POSITION]->(:Organization {id: $o})
       RETURN r.title AS title, r.evidenceArticles AS articles, r.evidenceSentences AS sentences,
              r.firstSeen AS firstSeen, r.lastSeen AS lastSeen, r.articles AS count`,
      { p: P1, o: O1 },
    );
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r.get("title")).toBe("市委书记");
    expect(r.get("articles")).toEqual([A2, A1]);
    expect((r.get("sentences") as string[]).every((s) => s.includes("甄一鸣"))).toBe(true);
    expect([r.get("firstSeen"), r.get("lastSeen"), Number(r.get("count"))]).toEqual(["1901-03-03", "1901-04-11", 2]);
  });

  it("leaves identical node and relationship counts when the same document is loaded again", async () => {
    const before = await fixtureCounts(driver);
    const again = await loadGraphDoc(driver, fixtureDoc(), { batchSize: 1000 });
    expect(again.nodesCreated).toBe(0);
    expect(again.relationshipsCreated).toBe(0);
    expect(await fixtureCounts(driver)).toEqual(before);
  });

  it("applies the schema again without changing the indexes and constraints", async () => {
    const names = async () => {
      const indexes = await driver.executeQuery("SHOW INDEXES YIELD name RETURN collect(name) AS names");
      return (indexes.records[0]?.get("names") as string[]).sort();
    };
    const before = await names();
    await applySchema(driver);
    expect(await names()).toEqual(before);
    expect(before).toEqual(
      expect.arrayContaining(["entity_names", "article_date", "meeting_date", "person_id", "person_name"]),
    );
  });

  it("keeps the full-text indexes eventually consistent, and returns from a load once the search finds all of it", async () => {
    const { records: indexes } = await driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig AS config ORDER BY name",
    );
    expect(indexes.map((r) => r.get("name") as string)).toEqual(["article_titles", "entity_names"]);
    for (const r of indexes)
      expect((r.get("config") as Record<string, unknown>)["fulltext.eventually_consistent"]).toBe(true);
    // Enough new names that Lucene's thread is still busy when the last commit returns.
    const names = Array.from({ length: 3000 }, (_, i) => `检索测试人${String(i).padStart(4, "0")}`);
    const entities = names.map((name) => ({ id: `person:ftfix-${name}`, type: "Person" as const, name, aliases: [] }));
    try {
      await loadGraphDoc(driver, { articles: [], entities, relations: [] }, { schema: false });
      const { records } = await driver.executeQuery(
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.name AS name",
        { q: `"${names.at(-1)!}"` },
      );
      expect(records.map((r) => r.get("name") as string)).toContain(names.at(-1));
    } finally {
      await driver.executeQuery("MATCH (n:Person) WHERE n.id STARTS WITH 'person:ftfix-' DETACH DELETE n");
    }
  });

  it("unions aliases from a later document instead of replacing them", async () => {
    const doc = fixtureDoc();
    const p1 = doc.entities.find((e) => e.id === P1)!;
    await loadGraphDoc(
      driver,
      { articles: [], entities: [{ ...p1, aliases: ["甄书记"] }], relations: [] },
      { schema: false },
    );
    const { records } = await driver.executeQuery("MATCH (p:Person {id: $id}) RETURN p.aliases AS aliases", { id: P1 });
    expect(records[0]?.get("aliases")).toEqual(["一鸣书记", "云山客", "甄书记"]);
  });

  it("reports relationships whose endpoints exist nowhere instead of dropping them silently", async () => {
    const counts = await loadGraphDoc(
      driver,
      {
        articles: [],
        entities: [],
        relations: [
          {
            type: "PART_OF",
            source: "place:qfix-nowhere",
            target: "place:qfix-青州府市",
            properties: {},
            evidence: [],
          },
        ],
      },
      { schema: false },
    );
    expect(counts.missingEndpoints).toBe(1);
    expect(counts.relationshipsCreated).toBe(0);
  });

  it("writes the links of an article stored before without them (an interrupted load) once, by MERGE", async () => {
    const before = await fixtureCounts(driver);
    const links = async () => {
      const { records } = await driver.executeQuery(
        `MATCH (a:Article)-[r:MENTIONS]-() WHERE a.id IN $ids
         RETURN a.id AS id, count(r) AS n, count(DISTINCT elementId(startNode(r)) + elementId(endNode(r))) AS pairs ORDER BY id`,
        { ids: [A1, A2] },
      );
      return records.map((r) => [r.get("id"), Number(r.get("n")), Number(r.get("pairs"))]);
    };
    const stored = await links();
    const removed = await driver.executeQuery(
      "MATCH (a:Article {id: $id})-[r:MENTIONS]-() DELETE r RETURN count(r) AS n",
      { id: A1 },
    );
    const n = Number(removed.records[0]!.get("n"));
    expect(n).toBeGreaterThan(0);
    const counts = await loadGraphDoc(driver, fixtureDoc(), { schema: false });
    expect(counts.relationshipsCreated).toBe(n);
    expect(await links()).toEqual(stored);
    expect(await fixtureCounts(driver)).toEqual(before);
  });

  it("leaves each link once when two loads of the same new articles run at the same time", async () => {
    const before = await fixtureCounts(driver);
    await removeFixture(driver);
    const results = await Promise.all([
      loadGraphDoc(driver, fixtureDoc(), { schema: false }),
      loadGraphDoc(driver, fixtureDoc(), { schema: false }),
    ]);
    expect(results[0]!.relationshipsCreated + results[1]!.relationshipsCreated).toBe(before.relationships);
    expect(await fixtureCounts(driver)).toEqual(before);
  });

  it("stores a new article's links with their count and sentence, and a property of another name as well", async () => {
    await removeFixture(driver);
    const doc = fixtureDoc();
    const mention = doc.relations.find((r) => r.type === "MENTIONS" && r.source === A1 && r.target !== P2)!;
    mention.evidence = [{ article: A1, sentence: "青州府市的会上有人发言。" }];
    const extra = { ...mention, target: P2, properties: { count: 3, salience: "high" } };
    doc.relations = [
      ...doc.relations.filter((r) => !(r.type === "MENTIONS" && r.source === A1 && r.target === P2)),
      extra,
    ];
    await loadGraphDoc(driver, doc, { schema: false });
    const { records } = await driver.executeQuery(
      `MATCH (:Article {id: $a})-[r:MENTIONS]->(e) WHERE e.id IN [$t, $p]
       RETURN e.id AS id, r.count AS count, r.sentence AS sentence, r.salience AS salience`,
      { a: A1, t: mention.target, p: P2 },
    );
    const byId = new Map(records.map((r) => [r.get("id") as string, r]));
    const plain = byId.get(mention.target)!;
    expect(Number(plain.get("count"))).toBe(Number(mention.properties.count));
    expect(plain.get("sentence")).toBe("青州府市的会上有人发言。");
    const other = byId.get(P2)!;
    expect([Number(other.get("count")), other.get("salience")]).toEqual([3, "high"]);
  });

  it("stores an article text of several Bolt chunks byte for byte", async () => {
    await removeFixture(driver);
    const doc = fixtureDoc();
    // Over 300 kB of UTF-8 with characters of one, two, three and four bytes, so chunk borders fall inside them.
    const text = Array.from({ length: 30_000 }, (_, i) => `青州府${i % 10}é𠀋`).join("");
    doc.articles = doc.articles.map((a) => (a.id === A1 ? { ...a, text } : a));
    await loadGraphDoc(driver, doc, { schema: false });
    const { records } = await driver.executeQuery("MATCH (a:Article {id: $id}) RETURN a.text AS text", { id: A1 });
    expect(records[0]!.get("text")).toBe(text);
  });

  it("runs `finish` once, in the last transaction, after the facts, and also when a load has none", async () => {
    await removeFixture(driver);
    const finish = {
      query: `UNWIND $rows AS row MATCH (a:Article {id: row.id})
              SET a.postsSeen = COUNT { (:Person {id: row.person})-[:HOLDS_POSITION]->() }`,
      rows: [{ id: A1, person: P1 }],
    };
    await loadGraphDoc(driver, fixtureDoc(), { schema: false, batchSize: 2, finish });
    const seen = async () => {
      const { records } = await driver.executeQuery(
        `MATCH (a:Article {id: $a}) RETURN a.postsSeen AS seen, COUNT { (:Person {id: $p})-[:HOLDS_POSITION]->() } AS posts`,
        { a: A1, p: P1 },
      );
      return [records[0]!.get("seen"), records[0]!.get("posts")].map(Number);
    };
    const [postsSeen, posts] = await seen();
    expect(posts).toBeGreaterThan(0);
    expect(postsSeen).toBe(posts);

    const articlesOnly = { ...fixtureDoc(), entities: [], relations: [] };
    await driver.executeQuery("MATCH (a:Article {id: $a}) REMOVE a.postsSeen", { a: A1 });
    const counts = await loadGraphDoc(driver, articlesOnly, { schema: false, finish });
    expect(counts.nodesCreated).toBe(0);
    expect((await seen())[0]).toBe(posts);
  });
});
