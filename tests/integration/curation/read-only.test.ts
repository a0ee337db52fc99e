// Without --curate and a token the service changes nothing: every route of its OpenAPI document, with every
// method, and a curation request on each, leaves the graph and the curation file exactly as they were. Curation
// without a token is refused at start, and with one, a request that does not carry it is turned away.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { emptyGraph } from "../../../cypher/empty.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { createServer, type JianwenServer } from "../../../service/index.js";
import { FIXTURE_DOC } from "../../browser/fixture.js";
import { snapshot } from "../ingest/helpers.js";

const TOKEN = "read-only-test-token-0123456789";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const TARGET = "person:孙丽华";
const BODIES = [
  { action: "reject", node: TARGET },
  { action: "merge", node: TARGET, into: "person:陈静怡" },
  { action: "rename", node: TARGET, to: "改掉的名字" },
  { cypher: `MATCH (n {id: '${TARGET}'}) DETACH DELETE n` },
  { cypher: "CREATE (n:Person {id: 'person:闯入者'})" },
];

/** Route paths from Fastify's route tree (`printRoutes`), the static catch-all left out. */
function registeredRoutes(server: JianwenServer): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of server.app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^([│ ]*)[├└]── (\S+)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = `${stack.at(-1) ?? ""}${m[2]}`;
    stack.push(path);
    if (path !== "*") routes.push(path);
  }
  return routes;
}

describe("the service without curation writes nothing", () => {
  let driver: Driver;
  let dir: string;
  let file: string;
  const fileText = "- id: c1\n  action: reject\n  node: person:赵国栋\n  by: 编辑\n  at: 2026-01-01T00:00:00Z\n";
  const fileHash = async () =>
    createHash("sha256")
      .update(await readFile(file))
      .digest("hex");

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await emptyGraph(driver);
    await loadGraphDoc(driver, FIXTURE_DOC);
    dir = await mkdtemp(join(tmpdir(), "jianwen-readonly-"));
    file = join(dir, "curation.yaml");
    await writeFile(file, fileText);
    // Where a curation file would be looked for by default: the service must not read it on its own.
    process.env.JIANWEN_CURATION = file;
  });

  afterAll(async () => {
    delete process.env.JIANWEN_CURATION;
    await emptyGraph(driver);
    await driver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Every path of the OpenAPI document with its parameters filled, and the explorer's page. */
  async function allPaths(server: JianwenServer, headers: Record<string, string>): Promise<string[]> {
    const res = await server.app.inject({ method: "GET", url: "/api/openapi.json", headers });
    const doc = res.json<{ paths: Record<string, unknown> }>();
    const paths = Object.keys(doc.paths).map((p) =>
      p.replace("{id}", encodeURIComponent(TARGET)).replace("{name}", "person-posts"),
    );
    expect(paths).toContain("/api/curation");
    // The document names every route the server has (read from Fastify's own route table), so trying the
    // document's paths tries them all.
    const fill = (p: string) => p.replace(":id", encodeURIComponent(TARGET)).replace(":name", "person-posts");
    const registered = registeredRoutes(server).map(fill);
    for (const route of registered.filter((r) => r.startsWith("/api/"))) expect(paths).toContain(route);
    return [...new Set(["/", "/index.html", ...registered, ...paths])];
  }

  async function tryEverything(server: JianwenServer, headers: Record<string, string>): Promise<number[]> {
    const statuses: number[] = [];
    for (const url of await allPaths(server, headers)) {
      for (const method of METHODS) {
        for (const body of method === "GET" || method === "DELETE" ? [undefined] : BODIES) {
          const res = await server.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
          statuses.push(res.statusCode);
        }
      }
    }
    return statuses;
  }

  for (const withToken of [false, true]) {
    it(`leaves graph and file unchanged on every route and method (${withToken ? "with" : "without"} a token)`, async () => {
      const server = await createServer({
        driver,
        port: 0,
        staticDir: false,
        cache: false,
        ...(withToken ? { token: TOKEN } : {}),
      });
      const headers: Record<string, string> = withToken ? { authorization: `Bearer ${TOKEN}` } : {};
      try {
        const before = await snapshot(driver);
        const hash = await fileHash();
        const statuses = await tryEverything(server, headers);
        expect(statuses.length).toBeGreaterThan(200);
        expect(await snapshot(driver)).toEqual(before);
        expect(await fileHash()).toBe(hash);
        const status = await server.app.inject({ method: "GET", url: "/api/curation", headers });
        expect(status.json()).toEqual({ enabled: false });
        const post = await server.app.inject({ method: "POST", url: "/api/curation", headers, payload: BODIES[0] });
        expect(post.statusCode).toBe(404);
      } finally {
        await server.close();
      }
    });
  }

  it("refuses to start curation without a token", async () => {
    await expect(createServer({ driver, port: 0, staticDir: false, curation: file })).rejects.toThrow(
      /curation writes to the graph, so it needs a token/,
    );
  });

  it("with curation on, turns away requests that do not carry the token", async () => {
    const server = await createServer({ driver, port: 0, staticDir: false, token: TOKEN, curation: file });
    try {
      const before = await snapshot(driver);
      const hash = await fileHash();
      for (const headers of [{}, { authorization: "Bearer wrong-token-0123456789" }, { cookie: "jianwen_token=x" }]) {
        for (const body of BODIES.slice(0, 3)) {
          const res = await server.app.inject({ method: "POST", url: "/api/curation", headers, payload: body });
          expect(res.statusCode).toBe(401);
        }
      }
      expect(await snapshot(driver)).toEqual(before);
      expect(await fileHash()).toBe(hash);
      // With it, the same request is recorded and applied.
      const ok = await server.app.inject({
        method: "POST",
        url: "/api/curation",
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: { action: "rename", node: TARGET, to: "孙丽华（副市长）", note: "区分同名" },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ decision: { id: "c2", action: "rename", by: "explorer" } });
      const { records } = await driver.executeQuery("MATCH (n {id: $id}) RETURN n.name AS name", { id: TARGET });
      expect(records[0]?.get("name")).toBe("孙丽华（副市长）");
      // The file's earlier decision was applied too (the file is applied whole), and the file only grew.
      const gone = await driver.executeQuery("MATCH (n {id: 'person:赵国栋'}) RETURN count(n) AS n");
      expect(Number(gone.records[0]?.get("n"))).toBe(0);
      expect((await readFile(file, "utf8")).startsWith(fileText)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
