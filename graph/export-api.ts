// Turns a GraphDoc into the API's drawing shape (ApiGraph): what the explorer reads from the service or, for
// `jianwen export --site` and tests, baked into a static page. Facts are folded as the loader stores them (one
// edge per fact with its span and article count, cypher/facts.ts). Evidence is joined with its article's title,
// date and source here so the explorer can show and filter it without asking again.
import type { ApiEdge, ApiEvidence, ApiGraph, ApiNode } from "../core/api.js";
import type { ArticleDoc, EntityDoc, GraphDoc, RelationDoc } from "../core/model.js";
import { EVIDENCE_CAP, LINK_TYPES, factEdgeId, factSummary, foldFacts } from "../cypher/index.js";

export interface ToApiGraphOptions {
  /** Include articles as nodes (with MENTIONS and REPORTED edges); default true. */
  articles?: boolean;
}

function entityNode(e: EntityDoc): ApiNode {
  const node: ApiNode = { id: e.id, type: e.type, name: e.name, aliases: [...e.aliases] };
  if (e.kind) node.kind = e.kind;
  if (e.level) node.level = e.level;
  if (e.code) node.code = e.code;
  if (e.date) node.date = e.date;
  return node;
}

function articleNode(a: ArticleDoc): ApiNode {
  const node: ApiNode = { id: a.id, type: "Article", name: a.title, aliases: [], title: a.title, source: a.source };
  if (a.date) node.date = a.date;
  return node;
}

/** A stable edge id: source, type, target and, for posts and participations, the title or role (as the service's). */
export function edgeId(rel: Pick<RelationDoc, "type" | "source" | "target" | "properties">): string {
  return factEdgeId(rel.type, rel.source, rel.target, rel.properties);
}

export function graphDocToApiGraph(doc: GraphDoc, options: ToApiGraphOptions = {}): ApiGraph {
  const withArticles = options.articles ?? true;
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const nodes = new Map<string, ApiNode>();
  for (const e of doc.entities) nodes.set(e.id, entityNode(e));
  if (withArticles) for (const a of doc.articles) nodes.set(a.id, articleNode(a));

  const evidenceOf = (ev: { article: string; sentence: string; date?: string | null }): ApiEvidence => {
    const a = articles.get(ev.article);
    return {
      article: ev.article,
      articleTitle: a?.title ?? null,
      date: a?.date ?? ev.date ?? null,
      source: a?.source ?? null,
      sentence: ev.sentence,
    };
  };
  const edges = new Map<string, ApiEdge>();
  const present = (rel: { source: string; target: string }) => nodes.has(rel.source) && nodes.has(rel.target);
  // Mentions and bylines: one edge per (article, entity), as stored.
  for (const rel of doc.relations) {
    if (!LINK_TYPES.has(rel.type) || !present(rel)) continue;
    const id = edgeId(rel);
    const existing = edges.get(id);
    if (existing) existing.evidence.push(...rel.evidence.map(evidenceOf));
    else edges.set(id, { id, ...rel, properties: { ...rel.properties }, evidence: rel.evidence.map(evidenceOf) });
  }
  // Facts: one edge per (source, type, target, title or role) with every article's evidence, as the loader keeps them.
  const facts = foldFacts(
    doc.relations.filter((r) => !LINK_TYPES.has(r.type) && present(r)),
    (article) => articles.get(article)?.date ?? null,
  );
  for (const fact of facts) {
    const properties = { ...fact.properties, ...factSummary(fact) };
    const id = factEdgeId(fact.type, fact.source, fact.target, properties);
    const evidence = fact.evidence.slice(0, EVIDENCE_CAP).map(evidenceOf);
    edges.set(id, { id, type: fact.type, source: fact.source, target: fact.target, properties, evidence });
  }

  // Degree over entity-to-entity relations: how connected a thing is in the news, not how often it is printed.
  const degree = new Map<string, number>();
  for (const edge of edges.values()) {
    if (edge.type === "MENTIONS" || edge.type === "REPORTED") continue;
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  for (const node of nodes.values()) node.degree = degree.get(node.id) ?? 0;

  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
