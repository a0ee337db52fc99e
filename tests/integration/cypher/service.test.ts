// The read-only service against a real Neo4j: writes of every kind are refused and change nothing, parameters
// cannot inject, a long query is stopped on the server, big results are cut and say so, bad input gets 400,
// and a public bind without a token does not start.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiGraph, ApiNodeDetail, ApiPath, ApiQueryResult, ApiSearchResult } from "../../../core/api.js";
import { SettingsError } from "../../../core/errors.js";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { createServer, type JianwenServer } from "../../../cypher/service/server.js";
import { P1, P3, fixtureDoc, removeFixture } from "./fixture.js";

const TOKEN = "qfix-token-0123456789abcdef";

describe("the read-only service", () => {
  let driver: Driver;
  let server: JianwenServer;
  let base: string;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const post = async (path: string, body: string, contentType = "application/json") => {
    const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": contentType }, body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const counts = async () => {
    const { records } = await driver.executeQuery(
      `CALL { MATCH (n) RETURN count(n) AS nodes }
       CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
       CALL { CALL db.labels() YIELD label RETURN collect(label) AS labels }
       RETURN nodes, rels, labels`,
    );
    const r = records[0]!;
    const indexes = await driver.executeQuery("SHOW INDEXES YIELD name RETURN name ORDER BY name");
    const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
    return {
      nodes: Number(r.get("nodes")),
      rels: Number(r.get("rels")),
      indexes: indexes.records.map((x) => x.get("name") as string),
      constraints: constraints.records.map((x) => x.get("name") as string),
      hacked: (r.get("labels") as string[]).includes("Hacked"),
      name: (await driver.executeQuery("MATCH (p:Person {id: $id}) RETURN p.name AS name", { id: P1 })).records[0]?.get(
        "name",
      ),
    };
  };

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await removeFixture(driver);
    await loadGraphDoc(driver, fixtureDoc());
    server = await createServer({
      driver,
      port: 0,
      staticDir: false,
      limits: { timeoutMs: 1500, maxRows: 1000, maxBytes: 200_000 },
    });
    base = new URL(await server.listen()).origin;
  });

  afterAll(async () => {
    await server?.close();
    if (!driver) return;
    await removeFixture(driver);
    await driver.close();
  });

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
    const { records } = await driver.executeQuery(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker AND NOT currentQuery CONTAINS 'SHOW' RETURN count(*) AS n",
      { marker },
    );
    expect(Number(records[0]?.get("n"))).toBe(0);
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

  describe("graph reads", () => {
    it("finds a person by part of an alias through the cjk full-text index", async () => {
      const body = (await get(`/api/search?q=${encodeURIComponent("一鸣")}`)).body as unknown as ApiSearchResult;
      expect(body.results[0]?.id).toBe(P1);
    });

    it("caps neighbours and says how many it left out", async () => {
      const body = (await get(`/api/neighbours?id=${encodeURIComponent(P1)}&limit=1`)).body as unknown as ApiGraph;
      expect(body.nodes.map((n) => n.id)).toContain(P1);
      expect(body.nodes).toHaveLength(2);
      expect(body.omitted).toBe(2);
      expect(body.edges.every((e) => e.source === P1 || e.target === P1)).toBe(true);
    });

    it("answers a node without neighbours with the node alone, and an unknown id with 404", async () => {
      const alone = (await get(`/api/neighbours/${encodeURIComponent("person:qfix-祁四海")}`))
        .body as unknown as ApiGraph;
      expect(alone.nodes.map((n) => n.id)).toEqual(["person:qfix-祁四海"]);
      expect(alone).toMatchObject({ edges: [], omitted: 0 });
      const missing = await get(`/api/neighbours?id=${encodeURIComponent("person:qfix-nobody")}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe("NOT_FOUND");
    });

    it("gives an article's mentioned entities as its neighbours", async () => {
      const body = (await get(`/api/neighbours?id=${encodeURIComponent("article:qfix000000000a3")}&limit=50`))
        .body as unknown as ApiGraph;
      expect(body.nodes.map((n) => n.id).sort()).toEqual(
        [
          "article:qfix000000000a3",
          P3,
          "person:qfix-祁四海",
          "person:qfix-韦六一",
          "project:qfix-光伏产业园",
          "organization:qfix-云岭新材料",
          "place:qfix-石门镇",
        ].sort(),
      );
    });

    it("gives a node's relations with their evidence sentences and article titles", async () => {
      const body = (await get(`/api/node/${encodeURIComponent(P1)}`)).body as unknown as ApiNodeDetail;
      const post = body.relations.find((r) => r.type === "HOLDS_POSITION");
      expect(post?.evidence.map((e) => e.articleTitle).sort()).toEqual(["云岭县项目推进会召开", "市委常委会会议召开"]);
      expect(body.articles.map((a) => a.date)).toEqual(["1901-04-11", "1901-03-03"]);
    });

    it("finds the shortest path between two people", async () => {
      const body = (await get(`/api/path?from=${encodeURIComponent(P1)}&to=${encodeURIComponent(P3)}`))
        .body as unknown as ApiPath;
      expect(body.found).toBe(true);
      expect(body.nodes).toEqual([P1, "meeting:qfix-推进会", P3]);
    });
  });

  describe("binding", () => {
    it("refuses to start on a non-loopback address without a token", async () => {
      await expect(createServer({ driver, host: "0.0.0.0", port: 0, staticDir: false })).rejects.toThrow(SettingsError);
    });

    it("on a public address with a token, answers only requests that carry it", async () => {
      const open = await createServer({ driver, host: "0.0.0.0", port: 0, staticDir: false, token: TOKEN });
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
