// Converts neo4j-driver values into plain JSON: Integers to numbers (or strings beyond 2^53), temporal values
// to ISO strings, nodes, relationships and paths to small objects; and gathers the nodes and relationships
// a result holds, so a query's answer can also be drawn as a graph.
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
} from "neo4j-driver";
import type { Node, Path, Relationship } from "neo4j-driver";
import type { ApiEdge, ApiGraph, ApiNode } from "../core/api.js";
import { ENTITY_TYPES, type EntityType, type PropertyValue, type RelationType } from "../core/model.js";
import { factEdgeId } from "./facts.js";

export interface PlainNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

/** The property `id` when the node has one (all of ours do), else the server's element id. */
function nodeId(node: Node): string {
  const id = node.properties.id;
  return typeof id === "string" ? id : node.elementId;
}

export function toPlain(value: unknown, idOf: Map<string, string> = new Map()): unknown {
  if (value === null || value === undefined) return null;
  // Strings, floats and booleans (most of an answer) are already plain: no driver type checks for them.
  if (typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isNode(value as object)) {
    const node = value as Node;
    idOf.set(node.elementId, nodeId(node));
    return { id: nodeId(node), labels: node.labels, properties: plainProps(node.properties, idOf) } satisfies PlainNode;
  }
  if (isRelationship(value as object)) {
    const rel = value as Relationship;
    return {
      type: rel.type,
      start: idOf.get(rel.startNodeElementId) ?? rel.startNodeElementId,
      end: idOf.get(rel.endNodeElementId) ?? rel.endNodeElementId,
      properties: plainProps(rel.properties, idOf),
    } satisfies PlainRelationship;
  }
  if (isPath(value as object)) {
    const path = value as Path;
    const nodes = [path.start, ...path.segments.map((s) => s.end)].map((n) => toPlain(n, idOf));
    return { nodes, relationships: path.segments.map((s) => toPlain(s.relationship, idOf)) };
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return String(value);
  }
  if (Array.isArray(value)) return value.map((v) => toPlain(v, idOf));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v, idOf);
    return out;
  }
  return value;
}

function plainProps(props: Record<string, unknown>, idOf: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = toPlain(v, idOf);
  return out;
}

/** Walks raw driver values and collects every node and relationship, keyed by element id. */
export function collectGraphItems(value: unknown, nodes: Map<string, Node>, rels: Map<string, Relationship>): void {
  if (value === null || typeof value !== "object" || neo4j.isInt(value)) return;
  if (isNode(value)) {
    nodes.set((value as Node).elementId, value as Node);
  } else if (isRelationship(value)) {
    rels.set((value as Relationship).elementId, value as Relationship);
  } else if (isPath(value)) {
    const path = value as Path;
    nodes.set(path.start.elementId, path.start);
    for (const s of path.segments) {
      nodes.set(s.end.elementId, s.end);
      rels.set(s.relationship.elementId, s.relationship);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collectGraphItems(v, nodes, rels);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) collectGraphItems(v, nodes, rels);
  }
}

const ENTITY_SET = new Set<string>(ENTITY_TYPES);

export function apiNodeOf(node: Node): ApiNode {
  const p = toPlain(node.properties) as Record<string, unknown>;
  const type = (node.labels.find((l) => ENTITY_SET.has(l)) ??
    (node.labels.includes("Article") ? "Article" : (node.labels[0] ?? "Node"))) as EntityType | "Article";
  const out: ApiNode = {
    id: nodeId(node),
    type,
    name: String(p.name ?? p.title ?? nodeId(node)),
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
  };
  for (const key of ["kind", "level", "code", "date", "title", "source"] as const) {
    if (typeof p[key] === "string") (out as unknown as Record<string, unknown>)[key] = p[key];
  }
  for (const key of ["degree", "pagerank", "community"] as const) {
    if (typeof p[key] === "number") out[key] = p[key];
  }
  return out;
}

/** Storage and identity properties of a relationship, not shown as its properties. */
const EDGE_SKIP = new Set(["key", "article", "sentence", "sentences", "asOf"]);

/** An edge for drawing; evidence is the relationship's own (article titles are not looked up here). */
export function apiEdgeOf(rel: Relationship, idOf: (elementId: string) => string): ApiEdge {
  const p = toPlain(rel.properties) as Record<string, unknown>;
  const source = idOf(rel.startNodeElementId);
  const target = idOf(rel.endNodeElementId);
  const properties: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(p))
    if (!EDGE_SKIP.has(k) && !Array.isArray(v)) properties[k] = v as PropertyValue;
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : null);
  const own = strings(p.sentences) ?? (typeof p.sentence === "string" ? [p.sentence] : []);
  // A fact's evidence lists; else a link's sentence, or an older relationship's, from its article.
  const home = typeof p.article === "string" ? p.article : source.startsWith("article:") ? source : target;
  const articles = strings(p.evidenceArticles) ?? own.map(() => home);
  const sentences = strings(p.evidenceSentences) ?? own;
  const dates = strings(p.evidenceDates) ?? [];
  return {
    id: factEdgeId(rel.type as RelationType, source, target, properties),
    type: rel.type as RelationType,
    source,
    target,
    properties,
    evidence: sentences.map((sentence, i) => ({
      article: articles[i] ?? home,
      articleTitle: null,
      date: dates[i] || null,
      sentence,
    })),
  };
}

/** The nodes and relationships found in raw rows, as an ApiGraph; edges whose ends are not both present are dropped. */
export function graphOfValues(values: unknown[]): ApiGraph {
  const nodes = new Map<string, Node>();
  const rels = new Map<string, Relationship>();
  for (const v of values) collectGraphItems(v, nodes, rels);
  const idOf = (elementId: string) => {
    const n = nodes.get(elementId);
    return n ? nodeId(n) : elementId;
  };
  const edges = [...rels.values()]
    .filter((r) => nodes.has(r.startNodeElementId) && nodes.has(r.endNodeElementId))
    .map((r) => apiEdgeOf(r, idOf));
  return { nodes: [...nodes.values()].map(apiNodeOf), edges };
}
