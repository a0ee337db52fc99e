// analyzeGraph against a real Neo4j: metrics computed in graphology land on the fixture's nodes.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { analyzeGraph, readEntityGraph } from "../../../graph/analyze.js";
import { M2, P1, P2, P4, PL1, PL2, fixtureDoc, removeFixture } from "./fixture.js";

describe("analyzeGraph", () => {
  let driver: Driver;

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await removeFixture(driver);
    await loadGraphDoc(driver, fixtureDoc());
  });

  afterAll(async () => {
    if (!driver) return;
    await removeFixture(driver);
    await driver.close();
  });

  it("reads entities linked by facts, weighting a link by its evidence, and leaves articles out", async () => {
    const g = await readEntityGraph(driver);
    expect(g.hasNode(P1)).toBe(true);
    expect(g.hasNode("article:qfix000000000a1")).toBe(false);
    expect(g.hasEdge(PL2, PL1)).toBe(true);
    // 甄一鸣 is 市委书记 of 中共青州府市委 in two articles: one link of weight 2.
    expect(g.getEdgeAttribute(P1, "organization:qfix-市委", "weight")).toBe(2);
  });

  it("writes degree, pagerank and community onto the nodes", async () => {
    const result = await analyzeGraph(driver);
    expect(result.nodes).toBeGreaterThanOrEqual(fixtureDoc().entities.length);
    const { records } = await driver.executeQuery(
      "MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.degree AS degree, n.pagerank AS pagerank, n.community AS community",
      { ids: [P1, P2, P4, M2] },
    );
    const byId = Object.fromEntries(records.map((r) => [r.get("id"), r]));
    // 甄一鸣: 市委 (post), two meetings.
    expect(Number(byId[P1]!.get("degree"))).toBe(3);
    // 祁四海 is only mentioned, never in a fact.
    expect(Number(byId[P4]!.get("degree"))).toBe(0);
    expect(byId[P1]!.get("pagerank")).toBeGreaterThan(byId[P4]!.get("pagerank"));
    expect(byId[P1]!.get("community")).not.toBeNull();
  });

  it("writes every node's metrics in batches of one label, and finds a node whose id names another label", async () => {
    // An Organization whose id says person: (no load makes one; a hand-written graph might).
    const odd = "person:qfix-错标机构";
    await loadGraphDoc(driver, {
      articles: [],
      entities: [{ id: odd, type: "Organization", name: "错标机构", aliases: [] }],
      relations: [],
    });
    try {
      const ids = [...fixtureDoc().entities.map((e) => e.id), odd];
      await driver.executeQuery("MATCH (n) WHERE n.id IN $ids REMOVE n.degree, n.pagerank, n.community", { ids });
      // Batches of three rows: the fixture's five people take two, written at the same time.
      await analyzeGraph(driver, { batchSize: 3 });
      const { records } = await driver.executeQuery(
        "MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.degree AS degree, n.pagerank AS pagerank, n.community AS community",
        { ids },
      );
      expect(records.map((r) => r.get("id")).sort()).toEqual([...ids].sort());
      for (const r of records) {
        expect(r.get("degree"), String(r.get("id"))).not.toBeNull();
        expect(r.get("pagerank"), String(r.get("id"))).toBeGreaterThan(0);
        expect(r.get("community"), String(r.get("id"))).not.toBeNull();
      }
    } finally {
      await driver.executeQuery("MATCH (n {id: $odd}) DETACH DELETE n", { odd });
    }
  });
});
