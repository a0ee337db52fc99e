// The loader against a real Neo4j: what it writes, that evidence lands on each relationship, and that loading
// the same document twice changes nothing.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { applySchema } from "../../../cypher/schema.js";
import { A1, A2, P1, O1, fixtureCounts, fixtureDoc, removeFixture } from "./fixture.js";

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

  it("writes every node and one relationship per piece of evidence", async () => {
    const doc = fixtureDoc();
    const counts = await loadGraphDoc(driver, doc, { batchSize: 4 });
    expect(counts.nodesCreated).toBe(doc.articles.length + doc.entities.length);
    const evidenced = doc.relations.reduce((n, r) => n + Math.max(1, r.evidence.length), 0);
    expect(counts.relationshipsCreated).toBe(evidenced);
    expect(counts.missingEndpoints).toBe(0);
    expect(counts.batches).toBeGreaterThan(doc.entities.length / 4);
    expect(await fixtureCounts(driver)).toEqual({
      nodes: doc.articles.length + doc.entities.length,
      relationships: evidenced,
    });
  });

  it("keeps each evidence sentence on its own relationship with its article", async () => {
    const { records } = await driver.executeQuery(
      "MATCH (:Person {id: $p})-[r:HOLDS_POSITION]->(:Organization {id: $o}) RETURN r.article AS article, r.title AS title, r.sentence AS sentence ORDER BY article",
      { p: P1, o: O1 },
    );
    expect(records.map((r) => [r.get("article"), r.get("title")])).toEqual([
      [A1, "市委书记"],
      [A2, "市委书记"],
    ]);
    expect(records.every((r) => typeof r.get("sentence") === "string" && r.get("sentence").includes("甄一鸣"))).toBe(
      true,
    );
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
});
