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
  /** Article-only fields. */
  title?: string;
  source?: string;
}

export interface ApiEvidence {
  article: string;
  articleTitle: string | null;
  date: string | null;
  sentence: string;
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
}
