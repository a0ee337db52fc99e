// The service answers by fault: what Neo4j refuses (administration commands, unknown procedures, a division by
// zero) is the caller's and gets 400 with Neo4j's own code, and changes nothing; a seeded fuzz of 3,000 requests
// of Cypher fragments gets no 5xx; Neo4j unreachable is 503.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDriver } from "../../../cypher/driver.js";
import { createServer, type JianwenServer } from "../../../service/server.js";
import { useService } from "./service-harness.js";

describe("the service's errors", () => {
  const service = useService();
  const databases = async () => {
    const { records } = await service.driver().executeQuery(
      "SHOW DATABASES YIELD name, currentStatus RETURN name + ' ' + currentStatus AS d ORDER BY d",
      {},
      {
        database: "system",
      },
    );
    return records.map((r) => String(r.get("d")));
  };

  const REFUSED: Array<[string, string, string]> = [
    ["CREATE DATABASE jianwen_fuzz", "WRITE_REFUSED", "Neo.ClientError.Statement.UnsupportedAdministrationCommand"],
    ["STOP DATABASE neo4j", "WRITE_REFUSED", "Neo.ClientError.Statement.UnsupportedAdministrationCommand"],
    ["DROP DATABASE neo4j", "WRITE_REFUSED", "Neo.ClientError.Statement.UnsupportedAdministrationCommand"],
    ["GRANT ROLE admin TO neo4j", "WRITE_REFUSED", "Neo.ClientError.Statement.UnsupportedAdministrationCommand"],
    ["CALL jianwen.nothing()", "NEO4J_CLIENT", "Neo.ClientError.Procedure.ProcedureNotFound"],
    ["RETURN 1 / 0 AS x", "NEO4J_CLIENT", "Neo.ClientError.Statement.ArithmeticError"],
  ];

  let before: string[];
  beforeAll(async () => {
    before = await databases();
  });

  it.each(REFUSED)("answers %s with 400 and Neo4j's code", async (cypher, code, neo4jCode) => {
    const res = await service.post("/api/query", JSON.stringify({ cypher }));
    expect([res.status, res.body.code, res.body.neo4jCode]).toEqual([400, code, neo4jCode]);
  });

  // Fragments of reads, writes, administration commands, procedures and bad values, joined at random.
  const FRAGMENTS = [
    "MATCH (n)",
    "RETURN",
    "n",
    "count(*)",
    "CREATE",
    "DATABASE",
    "DROP",
    "STOP",
    "START",
    "SHOW",
    "USERS",
    "CALL",
    "db.labels()",
    "jianwen.nothing()",
    "dbms.killQuery('x')",
    "YIELD",
    "label",
    "1 / 0",
    "UNWIND",
    "range(1, 5)",
    "AS x",
    "WITH",
    "LIMIT",
    "-1",
    "$p",
    "'中国'",
    "{a: 1}",
    "[1, 2]",
    "toInteger('x')",
    "date('2020-13-45')",
    "duration('P1X')",
    "n.name =~ '['",
    "range(1, 10, 0)",
    "substring('abc', -1)",
    "SET",
    "n.x = 1",
    "DELETE",
    "LOAD CSV FROM 'file:///etc/passwd' AS l",
    "USE system",
    "GRANT",
    "ROLE",
    "db.index.fulltext.queryNodes('no_such_index', 'x')",
    "ALTER",
    "USER neo4j",
    "TERMINATE TRANSACTIONS",
  ];
  // 3,000 requests, sixteen in flight at once: the service runs four user queries at a time and queues 32, so
  // none is refused as busy, and the run takes seconds rather than the better part of a minute one by one.
  const FUZZ_REQUESTS = 3000;
  const IN_FLIGHT = 16;
  it(`answers a seeded fuzz of ${FUZZ_REQUESTS} queries without a 5xx`, async () => {
    let seed = 12;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Drawn up front, so the requests do not depend on the order answers arrive in.
    const requests = Array.from({ length: FUZZ_REQUESTS }, () => {
      const words = Array.from({ length: 1 + next(5) }, () => FRAGMENTS[next(FRAGMENTS.length)]!);
      const params = next(3) === 0 ? { p: next(2) === 0 ? "x" : [1, 2] } : {};
      return { cypher: words.join(" "), params };
    });
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    let sent = 0;
    const client = async () => {
      for (let i = sent++; i < requests.length; i = sent++) {
        const request = requests[i]!;
        const res = await service.post("/api/query", JSON.stringify(request));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) serverErrors.push(`${res.status} ${String(res.body.code)} ${request.cypher}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, client));
    expect(serverErrors).toEqual([]);
    // Every request was answered, and the fuzz reached both sides: refusals and queries that ran.
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(FUZZ_REQUESTS);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(FUZZ_REQUESTS / 2);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(429) ?? 0).toBe(0);
  });

  it("leaves the databases as they were", async () => {
    expect(await databases()).toEqual(before);
  });
});

describe("the service without Neo4j", () => {
  let server: JianwenServer | undefined;
  let base = "";
  beforeAll(async () => {
    // A port nothing listens on: the driver is opened without checking, as if Neo4j went away after start.
    const driver = await openDriver(
      { uri: "bolt://127.0.0.1:9" },
      { verify: false, config: { maxTransactionRetryTime: 0 } },
    );
    server = await createServer({ driver, port: 0, staticDir: false, cache: false });
    base = new URL(await server.listen()).origin;
    afterAll(async () => {
      await server?.close();
      await driver.close();
    });
  });

  it.each([
    ["POST", "/api/query", JSON.stringify({ cypher: "MATCH (n) RETURN count(n) AS n" })],
    ["GET", "/api/search?q=%E4%B8%AD%E5%9B%BD", undefined],
    ["GET", "/api/stats", undefined],
  ])("answers %s %s with 503", async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body,
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { code: string }).code).toBe("NEO4J_UNAVAILABLE");
  });
});
