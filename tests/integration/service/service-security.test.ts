// The read-only service against a real Neo4j: writes of every kind are refused and change nothing, parameters
// cannot inject, a long query is stopped on the server, big results are cut and say so, bad input gets 400,
// and a public bind without a token does not start.
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiQueryResult } from "../../../core/api.js";
import { SettingsError } from "../../../core/errors.js";
import { createServer } from "../../../service/server.js";
import { P1 } from "../cypher/fixture.js";
import { useService } from "./service-harness.js";

const TOKEN = "qfix-token-0123456789abcdef";

describe("the read-only service", () => {
  const service = useService({ limits: { timeoutMs: 5000, maxRows: 1000, maxBytes: 200_000 } });
  const { get, post } = service;
  const counts = async () => {
    const driver = service.driver();
    const { records } = await driver.executeQuery(
      `CALL { MATCH (n) RETURN count(n) AS nodes }
       CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
       CALL { CALL db.labels() YIELD label RETURN collect(label) AS labels }
       RETURN nodes, rels, labels`,
    );
    const r = records[0]!;
    const indexes = await driver.executeQuery("SHOW INDEXES YIELD name RETURN name ORDER BY name");
    const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
    const name = await driver.executeQuery("MATCH (p:Person {id: $id}) RETURN p.name AS name", { id: P1 });
    return {
      nodes: Number(r.get("nodes")),
      rels: Number(r.get("rels")),
      indexes: indexes.records.map((x) => x.get("name") as string),
      constraints: constraints.records.map((x) => x.get("name") as string),
      hacked: (r.get("labels") as string[]).includes("Hacked"),
      name: name.records[0]?.get("name"),
    };
  };

  describe("refuses every write and changes nothing", () => {
    const WRITES: Array<[string, string, Record<string, unknown>?]> = [
      ["CREATE", "CREATE (n:Hacked {id: 'qfix-hacked'}) RETURN n"],
      ["MERGE", "MERGE (n:Hacked {id: 'qfix-hacked'}) RETURN n"],
      ["SET", "MATCH (p:Person {id: $id}) SET p.name = 'hacked' RETURN p", { id: P1 }],
      ["DELETE", "MATCH (p:Person {id: $id}) DELETE p", { id: P1 }],
      ["DETACH DELETE", "MATCH (p:Person {id: $id}) DETACH DELETE p", { id: P1 }],
      ["REMOVE", "MATCH (p:Person {id: $id}) REMOVE p.name RETURN p", { id: P1 }],
      ["a write in a subquery", "CALL { CREATE (:Hacked) } RETURN 1 AS x"],
      ["a write in FOREACH", "MATCH (p:Person {id: $id}) FOREACH (x IN [1] | CREATE (:Hacked))", { id: P1 }],
      ["a write after a comment", "// just reading\nCREATE (:Hacked)"],
      ["LOAD CSV of a local file", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
      ["LOAD CSV of a URL", "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line"],
      ["CALL dbms.components", "CALL dbms.components()"],
      ["CALL dbms.listConfig", "CALL dbms.listConfig()"],
      ["CALL db.createLabel", "CALL db.createLabel('Hacked')"],
      ["CALL db.createProperty", "CALL db.createProperty('hacked')"],
      ["CALL db.createRelationshipType", "CALL db.createRelationshipType('HACKED')"],
      ["CALL db.clearQueryCaches", "CALL db.clearQueryCaches()"],
      ["CREATE INDEX", "CREATE INDEX qfix_hacked IF NOT EXISTS FOR (n:Person) ON (n.hacked)"],
      ["CREATE CONSTRAINT", "CREATE CONSTRAINT qfix_hacked IF NOT EXISTS FOR (n:Hacked) REQUIRE n.id IS UNIQUE"],
      ["DROP CONSTRAINT", "DROP CONSTRAINT person_id"],
      ["DROP INDEX", "DROP INDEX entity_names"],
      ["SHOW TRANSACTIONS", "SHOW TRANSACTIONS"],
      ["TERMINATE TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
      ["PROFILE", "PROFILE MATCH (n) RETURN count(n)"],
      ["EXPLAIN of a write", "EXPLAIN CREATE (:Hacked)"],
      ["USE of another database", "USE system MATCH (n) RETURN n"],
    ];

    let before: Awaited<ReturnType<typeof counts>>;
    beforeAll(async () => {
      before = await counts();
    });

    it.each(WRITES)("refuses %s with 400", async (_what, cypher, params) => {
      const res = await post("/api/query", JSON.stringify({ cypher, params: params ?? {} }));
      expect(res.status).toBe(400);
      expect(["WRITE_REFUSED", "PROCEDURE_REFUSED"]).toContain(res.body.code);
      expect(typeof res.body.error).toBe("string");
    });

    it("leaves node, relationship, index and constraint counts as they were", async () => {
      expect(await counts()).toEqual(before);
      expect(before.hacked).toBe(false);
      expect(before.name).toBe("甄一鸣");
    });
  });

  describe("parameters", () => {
    it("are values, never Cypher", async () => {
      const before = await counts();
      for (const name of ["甄一鸣' OR 1=1 //", '甄一鸣"}) DETACH DELETE p //', "x' }) MATCH (n) DETACH DELETE n //"]) {
        const res = await post(
          "/api/query",
          JSON.stringify({ cypher: "MATCH (p:Person) WHERE p.name = $name RETURN p.name AS name", params: { name } }),
        );
        expect(res.status).toBe(200);
        expect((res.body as unknown as ApiQueryResult).rows).toEqual([]);
      }
      const named = await post("/api/queries/person-posts", JSON.stringify({ params: { person: "x' OR '1'='1" } }));
      expect(named.status).toBe(200);
      expect((named.body as unknown as ApiQueryResult).rows).toEqual([]);
      expect(await counts()).toEqual(before);
    });

    it("refuse a parameter name that is not an identifier", async () => {
      const res = await post(
        "/api/query",
        JSON.stringify({ cypher: "RETURN 1", params: { "a}) DETACH DELETE n //": 1 } }),
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("BAD_REQUEST");
    });

    it("arrive as integers when whole, so LIMIT accepts them", async () => {
      const res = await post(
        "/api/query",
        JSON.stringify({ cypher: "UNWIND range(1, 10) AS x RETURN x LIMIT $n", params: { n: 3 } }),
      );
      expect((res.body as unknown as ApiQueryResult).rows).toEqual([[1], [2], [3]]);
    });
  });

  it("stops a query that runs past the timeout, on the server too", async () => {
    const marker = "qfix_long_query";
    const started = Date.now();
    const res = await post(
      "/api/query",
      JSON.stringify({
        cypher: `UNWIND range(1, 1000000000) AS ${marker} WITH ${marker} WHERE ${marker} % 7 = 3 RETURN count(*) AS n`,
      }),
    );
    expect(res.status).toBe(504);
    expect(res.body.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(15_000);
    // The server ends it: within a few seconds no transaction runs that query any more.
    const running = async () => {
      const { records } = await service
        .driver()
        .executeQuery(
          "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker AND NOT currentQuery CONTAINS 'SHOW' RETURN count(*) AS n",
          { marker },
        );
      return Number(records[0]?.get("n"));
    };
    let left = await running();
    for (let i = 0; i < 25 && left > 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      left = await running();
    }
    expect(left).toBe(0);
  });

  it("cuts a result at the row cap and says it was truncated", async () => {
    const res = await post("/api/query", JSON.stringify({ cypher: "UNWIND range(1, 5000) AS x RETURN x" }));
    const body = res.body as unknown as ApiQueryResult;
    expect(res.status).toBe(200);
    expect(body.rows).toHaveLength(1000);
    expect(body.truncated).toBe(true);
  });

  it("cuts a result at the byte cap and says it was truncated", async () => {
    const res = await post(
      "/api/query",
      JSON.stringify({
        cypher: "UNWIND range(1, 100) AS x RETURN x, reduce(s = '', i IN range(1, 2000) | s + '会') AS big",
      }),
    );
    const body = res.body as unknown as ApiQueryResult;
    expect(body.truncated).toBe(true);
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.length).toBeLessThan(100);
    expect(JSON.stringify(body.rows).length).toBeLessThan(200_000);
  });

  it("answers a small result in full with truncated: false", async () => {
    const body = (await post("/api/query", JSON.stringify({ cypher: "UNWIND range(1, 3) AS x RETURN x" })))
      .body as unknown as ApiQueryResult;
    expect(body).toMatchObject({ columns: ["x"], rows: [[1], [2], [3]], truncated: false });
  });

  describe("bad input", () => {
    it("gets 400 with a reason for malformed JSON", async () => {
      const res = await post("/api/query", '{"cypher": "RETURN 1"');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("BAD_REQUEST");
      expect(String(res.body.error)).toMatch(/JSON/);
    });

    it("gets 400 naming an unknown body field", async () => {
      const res = await post("/api/query", JSON.stringify({ cypher: "RETURN 1", mode: "WRITE" }));
      expect(res.status).toBe(400);
      expect(String(res.body.error)).toContain("mode");
    });

    it("gets 400 naming an unknown query-string field or a limit out of range", async () => {
      const unknown = await get("/api/search?q=甄&sort=asc");
      expect(unknown.status).toBe(400);
      expect(String(unknown.body.error)).toContain("sort");
      const big = await get(`/api/neighbours?id=${encodeURIComponent(P1)}&limit=100000`);
      expect(big.status).toBe(400);
      expect(String(big.body.error)).toContain("limit");
    });

    it("gets 400 for a missing cypher and 404 for an unknown named query", async () => {
      expect((await post("/api/query", JSON.stringify({ params: {} }))).status).toBe(400);
      expect((await post("/api/queries/no-such-query", "{}")).status).toBe(404);
    });
  });

  describe("binding", () => {
    it("refuses to start on a non-loopback address without a token", async () => {
      await expect(
        createServer({ driver: service.driver(), host: "0.0.0.0", port: 0, staticDir: false }),
      ).rejects.toThrow(SettingsError);
    });

    it("on a public address with a token, answers only requests that carry it", async () => {
      const open = await createServer({
        driver: service.driver(),
        host: "0.0.0.0",
        port: 0,
        staticDir: false,
        token: TOKEN,
      });
      try {
        const url = new URL(await open.listen());
        expect(url.searchParams.get("token")).toBe(TOKEN);
        const origin = `http://127.0.0.1:${url.port}`;
        expect((await fetch(`${origin}/api/stats`)).status).toBe(401);
        expect(
          (await fetch(`${origin}/api/stats`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status,
        ).toBe(401);
        expect((await fetch(`${origin}/api/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
          200,
        );
      } finally {
        await open.close();
      }
    });
  });
});
