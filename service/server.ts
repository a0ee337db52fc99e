// `createServer(opts)`: the read-only HTTP service behind the explorer (Fastify). Binds to 127.0.0.1 unless
// told otherwise, and then only with a token. Every input is checked by a zod schema (service/schemas.ts);
// every answer follows core/api.ts; errors are ApiError { error, code } with a fitting status.
import { existsSync } from "node:fs";
import { join } from "node:path";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Driver } from "neo4j-driver";
import { API_ROUTES, type ApiError } from "../core/api.js";
import { JianwenError, Neo4jLoadError, QueryError, SettingsError } from "../core/errors.js";
import { projectRoot, DEFAULT_READONLY, type ReadOnlyOptions } from "../cypher/index.js";
import { TOKEN_COOKIE, bearer, isLoopbackHost, readCookie, tokenMatches } from "./auth.js";
import { entityPage } from "./entity-api.js";
import { firstView } from "./first-view.js";
import { ReadBatcher } from "./batch.js";
import {
  nodeDetail,
  neighbours,
  neighboursMany,
  overview,
  search,
  searchMany,
  shortestPath,
  type NeighboursRequest,
  type SearchRequest,
} from "./graph-api.js";
import { ReadCache, type ReadCacheOptions } from "./cache.js";
import { readTx, type ReadOpts } from "./graph-read.js";
import { QueryLimiter } from "./limiter.js";
import { openApiDocument } from "./openapi.js";
import { namedQueries, runNamed, userQuery } from "./query-api.js";
import * as S from "./schemas.js";
import { stats } from "./stats.js";
import { registerCuration } from "./curation-api.js";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 7475;

export interface ServerOptions {
  /** A driver to use; the caller keeps ownership. */
  driver: Driver;
  database?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Required for a non-loopback host; also honoured on loopback when given. */
  token?: string;
  /** Folder of the built explorer; default dist/explorer of the project; false serves no page. */
  staticDir?: string | false;
  /** Limits for user Cypher (POST /api/query and named queries). */
  limits?: ReadOnlyOptions;
  /** Timeout for the service's own reads. */
  readTimeoutMs?: number;
  /** Answers of the graph routes kept until the graph changes (service/cache.ts); false keeps none. */
  cache?: ReadCacheOptions | false;
  /** The service's own reads run at once (default 4); more wait in line. */
  maxConcurrentReads?: number;
  /**
   * Neighbour or search requests waiting in that line answered together by one query, at most (default 16;
   * 1 answers each alone). See service/batch.ts.
   */
  maxReadBatch?: number;
  /** User queries run at once (default 4) and queued beyond that (default 32) before 429 BUSY. */
  maxConcurrentQueries?: number;
  maxQueuedQueries?: number;
  logger?: boolean;
  /** A curation file: turns on POST /api/curation (needs `token`); see service/curation-api.ts. */
  curation?: string;
}

export interface JianwenServer {
  app: FastifyInstance;
  /** Starts listening; resolves to the URL a person opens (with ?token=… when one is set). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_PARAM: 400,
  SYNTAX: 400,
  WRITE_REFUSED: 400,
  PROCEDURE_REFUSED: 400,
  UNKNOWN_QUERY: 404,
  NOT_FOUND: 404,
  TIMEOUT: 504,
  TOO_BIG: 413,
  BUSY: 429,
  /** Neo4j refused the query (Neo.ClientError.*): the caller's to fix. */
  NEO4J_CLIENT: 400,
  NEO4J_UNAVAILABLE: 503,
  /** Neo4j failed by itself (Neo.DatabaseError.*): an upstream fault, not ours and not the caller's. */
  NEO4J: 502,
};

export async function createServer(opts: ServerOptions): Promise<JianwenServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  const token = opts.token?.trim() || undefined;
  if (!isLoopbackHost(host) && !token) {
    throw new SettingsError(
      `service: refusing to listen on ${host} without a token: anyone who can reach it could read the whole graph; pass --token or set JIANWEN_TOKEN, or bind to 127.0.0.1`,
    );
  }
  if (token && token.length < 16)
    throw new SettingsError(
      "service: the token must be at least 16 characters; generate one with `openssl rand -hex 16`",
    );
  if (opts.curation && !token)
    throw new SettingsError(
      "service: curation writes to the graph, so it needs a token: pass --token (or set JIANWEN_TOKEN) with --curate",
    );
  const { driver, database } = opts;
  const limits: ReadOnlyOptions = { ...DEFAULT_READONLY, maxBytes: 2_000_000, ...opts.limits, database };
  const read = { database, timeoutMs: opts.readTimeoutMs ?? 10_000 };
  const limiter = new QueryLimiter(opts.maxConcurrentQueries ?? 4, opts.maxQueuedQueries ?? 32);
  const reads = new QueryLimiter(opts.maxConcurrentReads ?? 4, 4096, "graph reads");
  const cache =
    opts.cache === false
      ? null
      : new ReadCache(read, (o) => readTx(driver, o, (tx) => tx.run("RETURN 1")), opts.cache ?? {});
  const maxBatch = opts.maxReadBatch ?? 16;
  const neighbourReads = new ReadBatcher<NeighboursRequest, Awaited<ReturnType<typeof neighbours>>>(
    reads,
    { one: (o, r) => neighbours(driver, o, r.id, r.limit), many: (o, rs) => neighboursMany(driver, o, rs) },
    maxBatch,
  );
  const searchReads = new ReadBatcher<SearchRequest, Awaited<ReturnType<typeof search>>>(
    reads,
    { one: (o, r) => search(driver, o, r.q, r.limit), many: (o, rs) => searchMany(driver, o, rs) },
    maxBatch,
  );
  /**
   * Answers a graph route: from the cache when the graph has not changed, else by `work`, in the line of graph
   * reads (four at a time by default) unless `work` queues itself there (`queued`: the batched routes).
   */
  const answer = async <T>(reply: FastifyReply, key: string, work: (o: ReadOpts) => Promise<T>, queued = false) => {
    const run = queued ? work : (o: ReadOpts) => reads.run(() => work(o));
    if (!cache) return run(read);
    const { json, outcome } = await cache.get(key, run);
    return reply.header("x-jianwen-cache", outcome).type("application/json; charset=utf-8").send(json);
  };

  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 256 * 1024, return503OnClosing: true });

  app.setErrorHandler((error: unknown, _req, reply) => sendError(reply, error));
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({
      error: `service: no route ${req.method} ${req.url.split("?")[0]}; see /api/openapi.json`,
      code: "NOT_FOUND",
    } satisfies ApiError);
  });

  app.addHook("onRequest", async (req, reply) => {
    if (!token) return;
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith("/api/")) {
      // Opening the printed URL trades the token in the query string for a cookie the page's requests carry.
      const given = url.searchParams.get("token");
      if (given !== null && tokenMatches(token, given)) {
        reply.header("set-cookie", `${TOKEN_COOKIE}=${encodeURIComponent(given)}; HttpOnly; SameSite=Strict; Path=/`);
        return reply.redirect(url.pathname);
      }
      return;
    }
    if (
      tokenMatches(token, bearer(req.headers.authorization)) ||
      tokenMatches(token, readCookie(req.headers.cookie, TOKEN_COOKIE))
    )
      return;
    return reply.code(401).send({
      error: "service: this service needs its token: send Authorization: Bearer <token>",
      code: "UNAUTHORIZED",
    } satisfies ApiError);
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-content-type-options", "nosniff");
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });

  app.get(API_ROUTES.graph, async (req, reply) => {
    const { limit, months } = S.parse(S.GraphQuery, req.query, "query string");
    if (months !== undefined)
      return answer(reply, `graph|${limit}|${months}`, (o) => firstView(driver, o, limit, months));
    return answer(reply, `graph|${limit}`, (o) => overview(driver, o, limit));
  });
  app.get(`${API_ROUTES.entity}/:id`, async (req, reply) => {
    const { id } = S.parse(S.NodeParams, req.params, "path");
    S.parse(S.EmptyQuery, req.query, "query string");
    return answer(reply, `entity|${id}`, (o) => entityPage(driver, o, id));
  });
  app.get(`${API_ROUTES.node}/:id`, async (req, reply) => {
    const { id } = S.parse(S.NodeParams, req.params, "path");
    const { limit } = S.parse(S.NodeQuery, req.query, "query string");
    return answer(reply, `node|${limit}|${id}`, (o) => nodeDetail(driver, o, id, limit));
  });
  const neighboursHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const { id: pathId } = S.parse(S.NeighboursParams, req.params, "path");
    const q = S.parse(S.NeighboursQuery, req.query, "query string");
    const id = pathId ?? q.id;
    if (!id)
      throw new QueryError(
        "service: invalid query string: id: give the node id as /api/neighbours/:id or ?id=",
        "BAD_REQUEST",
      );
    return answer(reply, `neighbours|${q.limit}|${id}`, (o) => neighbourReads.run(o, { id, limit: q.limit }), true);
  };
  app.get(API_ROUTES.neighbours, neighboursHandler);
  app.get(`${API_ROUTES.neighbours}/:id`, neighboursHandler);
  app.get(API_ROUTES.search, async (req, reply) => {
    const q = S.parse(S.SearchQuery, req.query, "query string");
    return answer(reply, `search|${q.limit}|${q.q}`, (o) => searchReads.run(o, { q: q.q, limit: q.limit }), true);
  });
  app.get(API_ROUTES.path, async (req, reply) => {
    const q = S.parse(S.PathQuery, req.query, "query string");
    return answer(reply, JSON.stringify(["path", q.maxLength, q.from, q.to]), (o) =>
      shortestPath(driver, o, q.from, q.to, q.maxLength),
    );
  });
  app.get(API_ROUTES.queries, async (req) => {
    S.parse(S.EmptyQuery, req.query, "query string");
    return namedQueries();
  });
  app.post(`${API_ROUTES.queries}/:name`, async (req) => {
    const { name } = S.parse(S.NamedQueryParams, req.params, "path");
    const body = S.parse(S.NamedQueryBody, req.body, "body");
    return limiter.run(() => runNamed(driver, name, body.params, limits));
  });
  app.post(API_ROUTES.query, async (req) => {
    const body = S.parse(S.QueryBody, req.body, "body");
    return limiter.run(() =>
      userQuery(driver, body.cypher, S.toCypherParams(body.params) as Record<string, unknown>, limits),
    );
  });
  app.get(API_ROUTES.stats, async (req, reply) => {
    S.parse(S.EmptyQuery, req.query, "query string");
    return answer(reply, "stats", (o) => stats(driver, o));
  });
  app.get(API_ROUTES.openapi, async () => openApiDocument());
  registerCuration(app, { driver, database, file: opts.curation, changed: () => cache?.forget() });

  const staticDir = opts.staticDir === undefined ? join(projectRoot(), "dist", "explorer") : opts.staticDir;
  if (staticDir && existsSync(join(staticDir, "index.html"))) {
    const fastifyStatic = (await import("@fastify/static")).default;
    await app.register(fastifyStatic, { root: staticDir, prefix: "/", index: ["index.html"] });
  } else {
    app.get("/", async (_req, reply) =>
      reply
        .type("text/html; charset=utf-8")
        .send(
          `<!doctype html><meta charset="utf-8"><title>Jianwen</title><p>The explorer is not built (no ${staticDir ? `${staticDir}/index.html` : "static folder"}). Run <code>npm run build</code>; the API answers under <a href="/api/openapi.json">/api/</a>.</p>`,
        ),
    );
  }

  return {
    app,
    async listen() {
      const address = await app.listen({ host, port });
      // Plan the hot queries once now, so the first person to click does not wait for Cypher planning.
      void warmUp(driver, read).catch((error: unknown) =>
        app.log.warn({ err: error }, "service: warm-up query failed"),
      );
      const url = new URL(address);
      if (!isLoopbackHost(host) && host !== url.hostname) url.hostname = host;
      if (token) url.searchParams.set("token", token);
      return url.toString();
    },
    close: () => app.close(),
  };
}

async function warmUp(driver: Driver, read: { database?: string; timeoutMs: number }): Promise<void> {
  const absent = "\u0000warm-up";
  const notFound = (error: unknown) => {
    if (!(error instanceof QueryError && error.code === "NOT_FOUND")) throw error;
  };
  await search(driver, read, "中国", 5);
  await neighbours(driver, read, absent, 5).catch(notFound);
  // The batched forms too, so the first burst of requests does not wait for their planning.
  await searchMany(driver, read, [
    { q: "中国", limit: 5 },
    { q: "北京", limit: 5 },
  ]);
  await neighboursMany(driver, read, [
    { id: `person:${absent}`, limit: 5 },
    { id: `place:${absent}`, limit: 5 },
  ]).catch(notFound);
  await overview(driver, read, 5);
}

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof QueryError) {
    const body: ApiError = { error: error.message, code: error.code };
    if (error.neo4jCode) body.neo4jCode = error.neo4jCode;
    return reply.code(STATUS[error.code] ?? 400).send(body);
  }
  if (error instanceof Neo4jLoadError) {
    return reply.code(503).send({ error: error.message, code: "NEO4J_UNAVAILABLE" } satisfies ApiError);
  }
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own refusals: malformed JSON, wrong content type, body too large.
    const code =
      e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
        ? "UNSUPPORTED_MEDIA_TYPE"
        : e.statusCode === 413
          ? "BODY_TOO_LARGE"
          : "BAD_REQUEST";
    return reply.code(e.statusCode).send({ error: `service: ${e.message ?? "bad request"}`, code } satisfies ApiError);
  }
  const message = error instanceof JianwenError || error instanceof Error ? error.message : String(error);
  reply.log.error(error);
  return reply.code(500).send({ error: `service: unexpected error: ${message}`, code: "INTERNAL" } satisfies ApiError);
}
