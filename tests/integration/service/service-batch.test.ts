// Batched reads on the fixture in a real Neo4j: one query for several neighbour or search requests gives each
// exactly the answer it gets alone, and the service under a burst of concurrent requests (one read slot, so
// they queue and are batched) answers each as it does one at a time.
import { describe, expect, it } from "vitest";
import { neighbours, neighboursMany, search, searchMany } from "../../../service/graph-api.js";
import { A1, A3, M1, O1, O3, P1, P2, P4, PL1, PL2, PR1 } from "../cypher/fixture.js";
import { useService } from "./service-harness.js";

const read = { timeoutMs: 10_000 };
const IDS = [P1, P2, P4, O1, O3, PL1, PL2, PR1, M1, A1, A3];
const QUERIES = ["一鸣", "云山客", "甄一鸣", "云岭", "市委", "", "  ", "a:b*", "AND", "没有这个名字"];

describe("batched graph reads", () => {
  const service = useService({ cache: false, maxConcurrentReads: 1 });

  it("gives every node of a neighbours batch the answer it gets alone, limits included", async () => {
    const requests = IDS.map((id, i) => ({ id, limit: id === A3 ? 50 : 1 + (i % 3) }));
    const many = await neighboursMany(service.driver(), read, requests);
    const alone = [];
    for (const r of requests) alone.push(await neighbours(service.driver(), read, r.id, r.limit));
    expect(many).toEqual(alone);
    // Not vacuous: the batch holds capped nodes, a node without neighbours and an article.
    expect(alone.some((g) => (g.omitted ?? 0) > 0)).toBe(true);
    expect(alone.find((g) => g.nodes[0]?.id === P4)?.nodes).toHaveLength(1);
    expect(alone.find((g) => g.nodes[0]?.id === A3)?.nodes.length).toBeGreaterThan(3);
  });

  it("gives every query of a search batch the answer it gets alone", async () => {
    const requests = QUERIES.map((q, i) => ({ q, limit: 1 + (i % 4) }));
    const many = await searchMany(service.driver(), read, requests);
    const alone = [];
    for (const r of requests) alone.push(await search(service.driver(), read, r.q, r.limit));
    expect(many).toEqual(alone);
    expect(alone.filter((a) => a.results.length > 0).length).toBeGreaterThanOrEqual(4);
  });

  it("answers a burst of concurrent requests as it answers them one at a time, an unknown id with 404", async () => {
    const paths = [
      ...IDS.flatMap((id) => [
        `/api/neighbours/${encodeURIComponent(id)}?limit=2`,
        `/api/neighbours?id=${encodeURIComponent(id)}`,
      ]),
      ...QUERIES.filter((q) => q.trim()).map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=3`),
      `/api/neighbours?id=${encodeURIComponent("person:qfix-nobody")}`,
    ];
    const alone = [];
    for (const path of paths) alone.push(await service.get(path));
    const together = await Promise.all([...paths, ...paths].map((path) => service.get(path)));
    expect(together).toEqual([...alone, ...alone]);
    expect(alone.at(-1)).toMatchObject({ status: 404, body: { code: "NOT_FOUND" } });
    expect(alone.slice(0, -1).every((a) => a.status === 200)).toBe(true);
  });
});
