// The service keeps answers of its graph routes until the graph changes: a repeated request is answered from
// memory with the same body, and a write to Neo4j by anyone (here a load through another driver session) makes
// the next request read the new graph. Also: an id whose prefix names another label than the node carries still
// finds its neighbours (the fast path seeks the prefix's label first).
import { afterAll, describe, expect, it } from "vitest";
import type { ApiGraph } from "../../../core/api.js";
import type { GraphDoc } from "../../../core/model.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { A1, O1, P1, S1 } from "../cypher/fixture.js";
import { useService } from "./service-harness.js";

const CHECK_MS = 150;
const NEWCOMER = "person:qcache-邬七星";
const MISLABELLED = "person:qcache-青州府文联";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the service's answer cache", () => {
  const service = useService({ cache: { checkMs: CHECK_MS } });

  afterAll(async () => {
    await service
      .driver()
      .executeQuery("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", { ids: [NEWCOMER, MISLABELLED] });
  });

  const neighboursOf = async (id: string) => {
    const res = await service.fetch(`/api/neighbours/${encodeURIComponent(id)}?limit=50`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    return { outcome: res.headers.get("x-jianwen-cache"), text: await res.text() };
  };

  it("answers a repeated request from memory with the same body", async () => {
    const first = await neighboursOf(O1);
    const second = await neighboursOf(O1);
    expect(first.outcome).toBe("miss");
    expect(second.outcome).toBe("hit");
    expect(second.text).toBe(first.text);
    expect((JSON.parse(second.text) as ApiGraph).nodes.map((n) => n.id)).toContain(P1);
  });

  it("reads the graph again once a write elsewhere has moved its version", async () => {
    const before = JSON.parse((await neighboursOf(O1)).text) as ApiGraph;
    expect(before.nodes.map((n) => n.id)).not.toContain(NEWCOMER);
    const doc: GraphDoc = {
      articles: [],
      entities: [{ id: NEWCOMER, type: "Person", name: "邬七星", aliases: [] }],
      relations: [
        {
          type: "HOLDS_POSITION",
          source: NEWCOMER,
          target: O1,
          properties: { title: "市委秘书长" },
          evidence: [{ article: A1, sentence: S1 }],
        },
      ],
    };
    await loadGraphDoc(service.driver(), doc);
    await sleep(CHECK_MS + 50);
    const after = await neighboursOf(O1);
    expect(after.outcome).toBe("miss");
    const graph = JSON.parse(after.text) as ApiGraph;
    expect(graph.nodes.map((n) => n.id)).toContain(NEWCOMER);
    expect(graph.edges.some((e) => e.source === NEWCOMER && e.properties.title === "市委秘书长")).toBe(true);
    expect((await neighboursOf(O1)).outcome).toBe("hit");
  });

  it("does not keep errors: an unknown id is 404 every time, and found once it exists", async () => {
    const missing = await service.get(`/api/neighbours/${encodeURIComponent(MISLABELLED)}`);
    expect(missing.status).toBe(404);
    // An Organization whose id starts with person: (no Jianwen load makes one; a user's own write could).
    await loadGraphDoc(service.driver(), {
      articles: [],
      entities: [{ id: MISLABELLED, type: "Organization", name: "青州府文联", aliases: [] }],
      relations: [{ type: "LOCATED_IN", source: MISLABELLED, target: O1, properties: {}, evidence: [] }],
    });
    await sleep(CHECK_MS + 50);
    const found = await neighboursOf(MISLABELLED);
    const graph = JSON.parse(found.text) as ApiGraph;
    expect(graph.nodes[0]).toMatchObject({ id: MISLABELLED, type: "Organization" });
    expect(graph.nodes.map((n) => n.id)).toContain(O1);
  });
});
