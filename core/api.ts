// Shapes of the read-only HTTP API that `jianwen serve` offers and the explorer consumes.
// Both sides import these types; the service validates its inputs separately.

import type { EntityProps, EntityType, PropertyValue, RelationType } from "./model.js";

/** A node as the explorer draws it: an entity, or an article when a view includes articles. */
export interface ApiNode extends EntityProps {
  id: string;
  type: EntityType | "Article";
  name: string;
  aliases: string[];
  /** Filled by `jianwen analyze` / after ingest; absent before. */
  degree?: number;
  pagerank?: number;
  community?: number;
  /** Layout position, when a saved view carries one (static exports); the explorer lays out nodes without. */
  x?: number;
  y?: number;
  /** Article-only fields. */
  title?: string;
  source?: string;
}

export interface ApiEvidence {
  article: string;
  articleTitle: string | null;
  date: string | null;
  sentence: string;
  /** The article's paper or agency (聊城日报, 新华社 …); lets the explorer filter by source. */
  source?: string | null;
}

export interface ApiEdge {
  /** Stable id: source, type, target and distinguishing properties. */
  id: string;
  type: RelationType;
  source: string;
  target: string;
  properties: Record<string, PropertyValue>;
  evidence: ApiEvidence[];
}

export interface ApiGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
  /** How many nodes a cap left out, when one applied. */
  omitted?: number;
}

/** GET /api/node/:id */
export interface ApiNodeDetail {
  node: ApiNode;
  /** Every relationship of the node, with the other end and the sentences it came from. */
  relations: Array<{
    type: RelationType;
    direction: "out" | "in";
    other: ApiNode;
    properties: Record<string, PropertyValue>;
    evidence: ApiEvidence[];
  }>;
  /** Articles that mention the node (MENTIONS), newest first. */
  articles: Array<{ id: string; title: string; date: string | null; source: string; count: number }>;
  /** How many relationships the service's cap left out of `relations`, when one applied. */
  omitted?: number;
}

/** GET /api/search?q= */
export interface ApiSearchResult {
  results: Array<ApiNode & { score: number }>;
}

/** POST /api/query { cypher, params } */
export interface ApiQueryResult {
  columns: string[];
  rows: unknown[][];
  /** Nodes and relationships found in the rows, for drawing. */
  graph: ApiGraph;
  truncated: boolean;
  elapsedMs: number;
}

export interface ApiError {
  error: string;
  code: string;
  /** Neo4j's status code when Neo4j refused or failed the query, e.g. Neo.ClientError.Procedure.ProcedureNotFound. */
  neo4jCode?: string;
}

/** The most neighbours one /api/neighbours request may ask for (its `limit`). */
export const MAX_NEIGHBOURS = 500;

/** Routes of the read-only API, so the service and the explorer spell them once. */
export const API_ROUTES = {
  /** GET ?limit=N → ApiGraph: the starting view (most connected entities and the relations among them). */
  graph: "/api/graph",
  /** GET /api/node/:id → ApiNodeDetail */
  node: "/api/node",
  /** GET ?q=&limit= → ApiSearchResult (full-text index over names and aliases) */
  search: "/api/search",
  /** POST { cypher, params } → ApiQueryResult; a write is refused with 400 ApiError { code: "WRITE_REFUSED" … } */
  query: "/api/query",
  /** GET ?id=&limit= → ApiGraph: the node, its neighbours up to limit, and `omitted` = how many were left out */
  neighbours: "/api/neighbours",
  /** GET ?from=&to=&maxLength= → ApiPath */
  path: "/api/path",
  /** GET → ApiNamedQueries: the named queries of cypher/queries, for the explorer's menu; POST /:name { params } → ApiQueryResult */
  queries: "/api/queries",
  /** GET → { enabled, decisions? }; POST { action, node, into?, to?, decision?, note? } records and applies a
   * correction — only on a server started with `--curate` and a token (see cypher/curation). */
  curation: "/api/curation",
  /** GET → ApiStats: counts per label and type, article date span, sources */
  stats: "/api/stats",
  /** GET /api/entity/:id → ApiEntityPage: the who's-who page of a person, organization, meeting, place or project */
  entity: "/api/entity",
  /** GET → the OpenAPI 3.1 description of these routes */
  openapi: "/api/openapi.json",
} as const;

/** GET /api/path: a shortest path between two nodes. */
export interface ApiPath {
  found: boolean;
  /** Node ids in path order, from `from` to `to`; empty when not found. */
  nodes: string[];
  graph: ApiGraph;
}

/** One named, parameterised query from cypher/queries. */
export interface ApiNamedQuery {
  name: string;
  description: string;
  cypher: string;
  /** Parameter names the query expects ($name), with example values when known. */
  params: Record<string, PropertyValue>;
  /** Each parameter's declared type, meaning and default, from the query file's header. */
  parameters?: Array<{
    name: string;
    type: "STRING" | "INTEGER" | "FLOAT" | "BOOLEAN";
    description: string;
    default?: PropertyValue;
  }>;
}

/** GET /api/stats */
export interface ApiStats {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  articles: { first: string | null; last: string | null; undated: number };
  sources: Array<{ source: string; articles: number }>;
  /** Whether degree/pagerank/community have been computed (`jianwen analyze`, or after ingest). */
  analyzed: boolean;
}

/** GET /api/queries */
export interface ApiNamedQueries {
  queries: ApiNamedQuery[];
}

/**
 * What `jianwen export --site` bakes into a static explorer (as `window.__JIANWEN_STATIC__`, from data.js):
 * the explorer finds it, reads everything from it and needs no service.
 */
export interface StaticBundle {
  version: 1;
  title: string;
  generatedAt: string;
  graph: ApiGraph;
}

/** One fact on an entity page: the other end, its title or role, its span and article count, newest evidence first. */
export interface ApiPageFact {
  type: RelationType;
  direction: "out" | "in";
  other: ApiNode;
  /** HOLDS_POSITION's title, PARTICIPATED_IN's role (chaired, spoke, attended), when the fact has one. */
  title?: string;
  role?: string;
  firstSeen: string | null;
  lastSeen: string | null;
  /** How many articles state the fact. */
  articles: number;
  /** A post every stating article calls former (时任, 原, 前任). */
  former: boolean;
  evidence: ApiEvidence[];
  /** On a place's page: the division the meeting or project is in, when it is not the place itself. */
  via?: ApiNode;
}

/**
 * GET /api/entity/:id — a who's-who page. Which sections fill depends on the node's type:
 * Person: posts (a timeline of posts held), meetings (with role), coMentioned (people ranked by shared articles).
 * Organization: posts (its roster: who held which title when), meetings (organized), projects, parents, children,
 * partners, places. Meeting: attendees (grouped by role in the explorer), organizers, places. Place: meetings and
 * projects (held or located there), located (organizations), parents, children (its divisions). Every page: the
 * latest evidence across its facts and the articles that mention it.
 */
export interface ApiEntityPage {
  node: ApiNode;
  posts: ApiPageFact[];
  meetings: ApiPageFact[];
  attendees: ApiPageFact[];
  organizers: ApiPageFact[];
  projects: ApiPageFact[];
  places: ApiPageFact[];
  located: ApiPageFact[];
  parents: ApiPageFact[];
  children: ApiPageFact[];
  partners: ApiPageFact[];
  coMentioned: Array<{ node: ApiNode; articles: number }>;
  /** Evidence across all the node's facts, newest first (capped). */
  evidence: ApiEvidence[];
  articles: ApiNodeDetail["articles"];
  /** Relations a cap left out of the page, when one applied. */
  omitted?: number;
}
