// Where the explorer's data comes from: the read-only API of `jianwen serve`, or a bundle baked into a static
// export (window.__JIANWEN_STATIC__). Both answer the same questions; the static one answers from memory and
// says plainly what it cannot do (Cypher needs the database).
import {
  API_ROUTES,
  type ApiEntityPage,
  type ApiError,
  type ApiGraph,
  type ApiNamedQuery,
  type ApiNamedQueries,
  type ApiNode,
  type ApiNodeDetail,
  type ApiPath,
  type ApiQueryResult,
  type ApiSearchResult,
  type StaticBundle,
} from "../../core/api.js";
import { buildEntityPage, pageFact } from "../../core/entity-page.js";
import type { PropertyValue } from "../../core/model.js";

export class SourceError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "SourceError";
  }
}

export interface DataSource {
  readonly mode: "live" | "static";
  readonly title: string;
  /** The first view; `months`: centre it on what was reported in the last months of articles. */
  overview(limit: number, months?: number): Promise<ApiGraph>;
  neighbours(id: string, limit: number): Promise<ApiGraph>;
  detail(id: string): Promise<ApiNodeDetail>;
  /** The entity's who's-who page (posts, roster, meetings, attendees, divisions …). */
  entity(id: string): Promise<ApiEntityPage>;
  search(q: string, limit: number): Promise<ApiSearchResult>;
  path(from: string, to: string): Promise<ApiPath | null>;
  query(cypher: string, params: Record<string, PropertyValue>): Promise<ApiQueryResult>;
  namedQueries(): Promise<ApiNamedQuery[]>;
}

async function readJson<T>(res: Response, where: string): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new SourceError(
      `${where}: the service answered ${res.status} with something that is not JSON`,
      "BAD_RESPONSE",
    );
  }
  if (!res.ok) {
    const err = body as Partial<ApiError> | null;
    throw new SourceError(
      err?.error ?? `${where}: the service answered ${res.status}`,
      err?.code ?? `HTTP_${res.status}`,
    );
  }
  return body as T;
}

/** The pauses before a read is asked again (ApiSource.get); two retries in all. */
export const GET_RETRY_MS = [400, 1200] as const;
const TRANSIENT_STATUS = new Set([502, 503, 504]);

export class ApiSource implements DataSource {
  readonly mode = "live" as const;
  readonly title = "Neo4j";
  constructor(private readonly base = "") {}

  private async get<T>(route: string, params: Record<string, string | number>): Promise<T> {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const url = `${this.base}${route}${qs.size ? `?${qs}` : ""}`;
    // Reads change nothing, so one that met a busy or restarting service (502, 503, 504) or a dropped connection
    // is asked again, GET_RETRY_MS apart, before the page shows an error.
    for (let attempt = 0; ; attempt++) {
      const wait = GET_RETRY_MS[attempt];
      const res = await fetch(url).catch((error: unknown) => {
        if (wait === undefined) throw error;
        return null;
      });
      if (res && (wait === undefined || !TRANSIENT_STATUS.has(res.status))) return readJson<T>(res, route);
      await res?.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  overview(limit: number, months?: number): Promise<ApiGraph> {
    return this.get<ApiGraph>(API_ROUTES.graph, months ? { limit, months } : { limit });
  }
  entity(id: string): Promise<ApiEntityPage> {
    return this.get<ApiEntityPage>(`${API_ROUTES.entity}/${encodeURIComponent(id)}`, {});
  }
  neighbours(id: string, limit: number): Promise<ApiGraph> {
    return this.get<ApiGraph>(API_ROUTES.neighbours, { id, limit });
  }
  detail(id: string): Promise<ApiNodeDetail> {
    return this.get<ApiNodeDetail>(`${API_ROUTES.node}/${encodeURIComponent(id)}`, {});
  }
  search(q: string, limit: number): Promise<ApiSearchResult> {
    return this.get<ApiSearchResult>(API_ROUTES.search, { q, limit });
  }
  async path(from: string, to: string): Promise<ApiPath | null> {
    try {
      return await this.get<ApiPath>(API_ROUTES.path, { from, to });
    } catch (error) {
      // A service without the path route: the caller falls back to the loaded graph.
      if (error instanceof SourceError && error.code === "HTTP_404") return null;
      throw error;
    }
  }
  async query(cypher: string, params: Record<string, PropertyValue>): Promise<ApiQueryResult> {
    const res = await fetch(`${this.base}${API_ROUTES.query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ cypher, params }),
    });
    return readJson<ApiQueryResult>(res, API_ROUTES.query);
  }
  async namedQueries(): Promise<ApiNamedQuery[]> {
    try {
      return (await this.get<ApiNamedQueries>(API_ROUTES.queries, {})).queries;
    } catch (error) {
      if (error instanceof SourceError && error.code === "HTTP_404") return [];
      throw error;
    }
  }
}

/** Answers from a baked bundle. Neighbours and search work over the whole bundle, not only what is drawn. */
export class StaticSource implements DataSource {
  readonly mode = "static" as const;
  readonly title: string;
  private readonly byId = new Map<string, ApiNode>();
  constructor(private readonly bundle: StaticBundle) {
    this.title = bundle.title;
    for (const n of bundle.graph.nodes) this.byId.set(n.id, n);
  }

  async overview(limit: number): Promise<ApiGraph> {
    const g = this.bundle.graph;
    if (g.nodes.length <= limit) return g;
    const keep = new Set(
      [...g.nodes]
        .sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0))
        .slice(0, limit)
        .map((n) => n.id),
    );
    return {
      nodes: g.nodes.filter((n) => keep.has(n.id)),
      edges: g.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
      omitted: g.nodes.length - keep.size,
    };
  }

  async neighbours(id: string, limit: number): Promise<ApiGraph> {
    const edges = this.bundle.graph.edges.filter((e) => e.source === id || e.target === id);
    const others = [...new Set(edges.map((e) => (e.source === id ? e.target : e.source)))];
    const kept = new Set(others.slice(0, limit));
    kept.add(id);
    return {
      nodes: [...kept].map((n) => this.byId.get(n)).filter((n): n is ApiNode => !!n),
      edges: edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
      omitted: Math.max(0, others.length - limit),
    };
  }

  async detail(id: string): Promise<ApiNodeDetail> {
    return detailFromGraph(this.bundle.graph, id, this.byId);
  }

  async entity(id: string): Promise<ApiEntityPage> {
    return entityFromGraph(this.bundle.graph, id, this.byId);
  }

  async search(q: string, limit: number): Promise<ApiSearchResult> {
    const needle = q.trim().toLowerCase();
    const results = this.bundle.graph.nodes
      .filter((n) => [n.name, ...n.aliases].some((s) => s.toLowerCase().includes(needle)))
      .slice(0, limit)
      .map((n) => ({ ...n, score: n.name === q ? 2 : 1 }));
    return { results };
  }

  async path(): Promise<ApiPath | null> {
    return null;
  }

  async query(): Promise<ApiQueryResult> {
    throw new SourceError(
      "explorer: this is a static export without a database, so Cypher cannot run here; open it with `jianwen serve` to query",
      "STATIC_MODE",
    );
  }

  async namedQueries(): Promise<ApiNamedQuery[]> {
    return [];
  }
}

declare global {
  interface Window {
    __JIANWEN_STATIC__?: StaticBundle;
  }
}

export function detectSource(): DataSource {
  const bundle = window.__JIANWEN_STATIC__;
  return bundle ? new StaticSource(bundle) : new ApiSource();
}

/** A node's panel from a graph in memory: what the service's /api/node answers, for static mode and fallbacks. */
export function detailFromGraph(graph: ApiGraph, id: string, byId?: Map<string, ApiNode>): ApiNodeDetail {
  const nodes = byId ?? new Map(graph.nodes.map((n) => [n.id, n]));
  const node = nodes.get(id);
  if (!node)
    throw new SourceError(`explorer: node ${id} is not in this view; search for it or expand a neighbour`, "NOT_FOUND");
  const detail: ApiNodeDetail = { node, relations: [], articles: [] };
  for (const e of graph.edges) {
    if (e.source !== id && e.target !== id) continue;
    const otherId = e.source === id ? e.target : e.source;
    const other = nodes.get(otherId);
    if (!other) continue;
    if (e.type === "MENTIONS" && other.type === "Article") {
      const count = typeof e.properties.count === "number" ? e.properties.count : 1;
      detail.articles.push({
        id: other.id,
        title: other.title ?? other.name,
        date: other.date ?? null,
        source: other.source ?? "",
        count,
      });
      continue;
    }
    detail.relations.push({
      type: e.type,
      direction: e.source === id ? "out" : "in",
      other,
      properties: e.properties,
      evidence: e.evidence,
    });
  }
  detail.articles.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  return detail;
}

/** An entity's page from a graph in memory (static exports): its facts, and for a person the people named in the
 * same articles (through MENTIONS edges, when the graph carries articles). */
export function entityFromGraph(graph: ApiGraph, id: string, byId?: Map<string, ApiNode>): ApiEntityPage {
  const nodes = byId ?? new Map(graph.nodes.map((n) => [n.id, n]));
  const detail = detailFromGraph(graph, id, nodes);
  const coMentioned: ApiEntityPage["coMentioned"] = [];
  if (detail.node.type === "Person") {
    const mine = new Set(detail.articles.map((a) => a.id));
    const counts = new Map<string, Set<string>>();
    for (const e of graph.edges) {
      if (e.type !== "MENTIONS" || !mine.has(e.source) || e.target === id) continue;
      const other = nodes.get(e.target);
      if (other?.type !== "Person") continue;
      const set = counts.get(other.id) ?? new Set<string>();
      set.add(e.source);
      counts.set(other.id, set);
    }
    for (const [other, arts] of counts) coMentioned.push({ node: nodes.get(other)!, articles: arts.size });
    coMentioned.sort((a, b) => b.articles - a.articles || a.node.name.localeCompare(b.node.name));
    coMentioned.splice(15);
  }
  const page = buildEntityPage(detail, coMentioned);
  if (detail.node.type === "Place") addWithin(graph, page, nodes);
  return page;
}

/** A place's page also lists the meetings and projects in its divisions (three levels down), as the service's. */
function addWithin(graph: ApiGraph, page: ApiEntityPage, nodes: Map<string, ApiNode>): void {
  const children = new Map<string, string[]>();
  for (const e of graph.edges)
    if (e.type === "PART_OF" && nodes.get(e.source)?.type === "Place")
      children.set(e.target, [...(children.get(e.target) ?? []), e.source]);
  const divisions = new Set<string>();
  let level = [page.node.id];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    level = level.flatMap((p) => children.get(p) ?? []).filter((d) => !divisions.has(d) && d !== page.node.id);
    level.forEach((d) => divisions.add(d));
  }
  const have = new Set([...page.meetings, ...page.projects].map((f) => f.other.id));
  for (const e of graph.edges) {
    if ((e.type !== "HELD_IN" && e.type !== "LOCATED_IN") || !divisions.has(e.target)) continue;
    const other = nodes.get(e.source);
    if (!other || (other.type !== "Meeting" && other.type !== "Project") || have.has(other.id)) continue;
    have.add(other.id);
    const fact = pageFact({ type: e.type, direction: "in", other, properties: e.properties, evidence: e.evidence });
    fact.via = nodes.get(e.target);
    (other.type === "Meeting" ? page.meetings : page.projects).push(fact);
  }
}
