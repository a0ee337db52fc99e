// Reads the service needs, as fixed parameterised Cypher: nodes by id (through each label's unique index),
// relationships with their evidence joined to the articles' titles, dates and sources, as ApiEdges.
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type { ApiEdge, ApiEvidence, ApiNode } from "../core/api.js";
import { ENTITY_TYPES, type PropertyValue, type RelationType } from "../core/model.js";
import { toQueryError, factEdgeId, toPlain } from "../cypher/index.js";

/** A node by id in any label: one unique-index seek a label, where `MATCH (n {id: $id})` would scan every node. */
export const NODE_BY_ID = `CALL {
  MATCH (n:Person {id: $id}) RETURN n
  UNION ALL MATCH (n:Organization {id: $id}) RETURN n
  UNION ALL MATCH (n:Place {id: $id}) RETURN n
  UNION ALL MATCH (n:Project {id: $id}) RETURN n
  UNION ALL MATCH (n:Meeting {id: $id}) RETURN n
  UNION ALL MATCH (n:Article {id: $id}) RETURN n
}`;

/** The properties of a node an answer shows: all but the article text, which can be long. */
const NODE_FIELDS = [
  "id",
  "name",
  "aliases",
  "kind",
  "level",
  "code",
  "date",
  "title",
  "source",
  "degree",
  "pagerank",
  "community",
] as const;

/**
 * What a query returns for a node: its NODE_FIELDS and then its labels, as a list read by position
 * (apiNodeFromRow). The driver unpacks a map key by key with Object.defineProperty, which leaves V8 a slow
 * dictionary object: under 50 connections that was a quarter of the service's CPU on search; a list is an array.
 */
export const NODE_ROW = (v: string) => `[${NODE_FIELDS.map((f) => `${v}.${f}`).join(", ")}, labels(${v})]`;

/** A list property's value, or [] when the relationship has none. */
const list = (r: string, key: string) => `coalesce(${r}.${key}, [])`;

/**
 * A subquery that gives `evidence`: up to `limit` (a Cypher expression) pieces of the relationship's evidence,
 * newest first, each with its article's title, date and source. A fact keeps its evidence in parallel lists; a
 * MENTIONS or REPORTED link keeps one sentence and its article is an endpoint; a relationship loaded before facts
 * were folded (see cypher/migrate.ts) keeps `article` and `sentences`.
 */
export const EVIDENCE_OF = (r: string, limit: string) => `CALL (${r}) {
  WITH ${r},
       CASE WHEN ${r}.sentences IS NOT NULL THEN ${r}.sentences
            WHEN ${r}.sentence IS NOT NULL THEN [${r}.sentence] ELSE [] END AS own
  WITH ${r}, own, coalesce(${r}.article, CASE WHEN startNode(${r}):Article THEN startNode(${r}).id ELSE endNode(${r}).id END) AS home
  WITH ${r}, coalesce(${r}.evidenceArticles, [x IN own | home]) AS arts, coalesce(${r}.evidenceSentences, own) AS sents
  UNWIND range(0, size(arts) - 1)[0..${limit}] AS i
  OPTIONAL MATCH (a:Article {id: arts[i]})
  WITH arts[i] AS article, sents[i] AS sentence, a,
       CASE WHEN ${list(r, "evidenceDates")}[i] <> '' THEN ${list(r, "evidenceDates")}[i] END AS stored
  RETURN collect({article: article, sentence: sentence, date: coalesce(a.date, stored), articleTitle: a.title, articleSource: a.source}) AS evidence
}`;

/**
 * EVIDENCE_OF without the article lookups: a relationship's map with its first `limit` pieces of evidence as
 * parallel lists (`arts`, `sents`, `dates`). The articles they name are looked up once each afterwards
 * (ARTICLES_OF) and joined in JavaScript (joinEvidence): the evidence of a node's neighbours names the same few
 * articles many times over, so this reads each article once instead of once per sentence.
 */
export const EVIDENCE_REF_MAP = (r: string, limit: string) => `CALL (${r}) {
  WITH ${r},
       CASE WHEN ${r}.sentences IS NOT NULL THEN ${r}.sentences
            WHEN ${r}.sentence IS NOT NULL THEN [${r}.sentence] ELSE [] END AS own
  WITH ${r}, own, coalesce(${r}.article, CASE WHEN startNode(${r}):Article THEN startNode(${r}).id ELSE endNode(${r}).id END) AS home
  RETURN {source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}),
          arts: coalesce(${r}.evidenceArticles, [x IN own | home])[0..${limit}],
          sents: coalesce(${r}.evidenceSentences, own)[0..${limit}],
          dates: ${list(r, "evidenceDates")}[0..${limit}],
          props: ${r} {.*, articleIds: null, evidenceArticles: null, evidenceSentences: null, evidenceDates: null, sentences: null}} AS ref
}`;

/** The articles named by a list of EVIDENCE_REF_MAP maps `refs`, each read once, as `articles`. */
export const ARTICLES_OF = (refs: string) => `CALL (${refs}) {
  UNWIND ${refs} AS ref
  UNWIND ref.arts AS id
  WITH DISTINCT id
  MATCH (a:Article {id: id})
  RETURN collect(a {.id, .title, .date, .source}) AS articles
}`;

export interface RelRef {
  source: string;
  target: string;
  type: RelationType;
  props: Record<string, unknown>;
  arts: string[];
  sents: string[];
  dates: string[];
}

/** RelRows from EVIDENCE_REF_MAP maps and ARTICLES_OF's articles: what EVIDENCE_OF gives, joined here. */
export function joinEvidence(
  refs: RelRef[],
  articles: Array<{ id: string; title?: string; date?: string; source?: string }>,
): RelRow[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return refs.map((ref) => ({
    source: ref.source,
    target: ref.target,
    type: ref.type,
    props: ref.props,
    evidence: ref.arts.map((id, i) => {
      const a = byId.get(id);
      const stored = ref.dates[i];
      return {
        article: id ?? null,
        sentence: ref.sents[i] ?? null,
        date: a?.date ?? (stored ? stored : null),
        articleTitle: a?.title ?? null,
        articleSource: a?.source ?? null,
      };
    }),
  }));
}

/** The map a query returns for a relationship, after EVIDENCE_OF: its lists stay on the server. */
export const REL_MAP = (r: string, s: string, t: string) =>
  `{source: ${s}.id, target: ${t}.id, type: type(${r}), evidence: evidence,
    props: ${r} {.*, articleIds: null, evidenceArticles: null, evidenceSentences: null, evidenceDates: null, sentences: null}}`;

export interface RelRow {
  source: string;
  target: string;
  type: RelationType;
  props: Record<string, unknown>;
  evidence: Array<{
    article: string | null;
    sentence: string | null;
    date: string | null;
    articleTitle: string | null;
    articleSource: string | null;
  }>;
}

const ENTITY_LABELS: readonly string[] = ENTITY_TYPES;

/** The nodes of NODE_ROW lists by id, each read once (apiNodeFromRow); a node named twice is kept once. */
export function nodesById(rows: readonly unknown[]): Map<string, ApiNode> {
  return new Map(
    rows.map((raw) => {
      const node = apiNodeFromRow(raw);
      return [node.id, node] as const;
    }),
  );
}

/** An ApiNode from a NODE_ROW list: Integers made numbers, absent properties left out. */
export function apiNodeFromRow(raw: unknown): ApiNode {
  const row = toPlain(raw) as unknown[];
  const m: Record<string, unknown> = {};
  NODE_FIELDS.forEach((f, i) => (m[f] = row[i]));
  const labels = (row[NODE_FIELDS.length] as string[] | undefined) ?? [];
  const type = (labels.find((l) => ENTITY_LABELS.includes(l)) ?? "Article") as ApiNode["type"];
  const node: ApiNode = {
    id: String(m.id),
    type,
    name: String(m.name ?? m.title ?? m.id),
    aliases: Array.isArray(m.aliases) ? m.aliases.map(String) : [],
  };
  for (const k of ["kind", "level", "code", "date", "title", "source"] as const) {
    if (typeof m[k] === "string") (node as unknown as Record<string, unknown>)[k] = m[k];
  }
  for (const k of ["degree", "pagerank", "community"] as const) if (typeof m[k] === "number") node[k] = m[k];
  return node;
}

/** Properties that are evidence, identity or storage, not something to show about the fact. */
const EVIDENCE_KEYS = new Set(["key", "article", "sentence", "sentences", "asOf"]);

/**
 * One edge per fact: (source, type, target, title or role). Rows of one fact are merged — a graph loaded before
 * facts were folded has one per article — adding their counts and evidence and widening their span.
 */
export function foldEdges(rows: RelRow[]): ApiEdge[] {
  const edges = new Map<string, ApiEdge>();
  for (const row of rows) {
    const props = toPlain(row.props) as Record<string, unknown>;
    const properties: Record<string, PropertyValue> = {};
    for (const [k, v] of Object.entries(props))
      if (!EVIDENCE_KEYS.has(k) && v !== null && !Array.isArray(v)) properties[k] = v as PropertyValue;
    const id = factEdgeId(row.type, row.source, row.target, properties);
    const evidence: ApiEvidence[] = [];
    for (const ev of toPlain(row.evidence ?? []) as RelRow["evidence"]) {
      if (!ev.article || !ev.sentence) continue;
      evidence.push({
        article: ev.article,
        articleTitle: ev.articleTitle,
        date: ev.date,
        source: ev.articleSource,
        sentence: ev.sentence,
      });
    }
    const edge = edges.get(id);
    if (!edge) edges.set(id, { id, type: row.type, source: row.source, target: row.target, properties, evidence });
    else {
      edge.properties = mergeFactProperties(edge.properties, properties);
      edge.evidence.push(...evidence);
    }
  }
  for (const edge of edges.values()) edge.evidence.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  return [...edges.values()];
}

/** Two rows of one fact as one: counts add up, the span widens, former only if both say so. */
export function mergeFactProperties(
  a: Record<string, PropertyValue>,
  b: Record<string, PropertyValue>,
): Record<string, PropertyValue> {
  const out = { ...a, ...b };
  for (const k of ["count", "articles", "evidenceCount", "formerIn"]) {
    if (typeof a[k] === "number" && typeof b[k] === "number") out[k] = a[k] + b[k];
  }
  const [f1, f2, l1, l2] = [a.firstSeen, b.firstSeen, a.lastSeen, b.lastSeen];
  if (typeof f1 === "string" && typeof f2 === "string") out.firstSeen = f1 < f2 ? f1 : f2;
  if (typeof l1 === "string" && typeof l2 === "string") out.lastSeen = l1 > l2 ? l1 : l2;
  if ("former" in a || "former" in b) out.former = a.former === true && b.former === true;
  return out;
}

export interface ReadOpts {
  database?: string;
  timeoutMs: number;
  /** Told the bookmark of the reads once they are done: the graph version they saw (service/cache.ts). */
  onBookmark?: (bookmark: string) => void;
}

/** What the service's fixed reads need from a transaction: `run`. */
export type Reader = Pick<ManagedTransaction, "run">;

/**
 * Runs the service's own fixed Cypher with a server-side timeout. Each statement is an auto-commit read: one
 * round trip to Neo4j instead of the three (BEGIN, RUN, COMMIT) of an explicit transaction, which is most of
 * a neighbours request's cost. User Cypher never comes through here: /api/query runs it in an explicit READ
 * transaction (readonly.ts), where Neo4j itself refuses writes.
 */
export async function readTx<T>(driver: Driver, opts: ReadOpts, work: (tx: Reader) => Promise<T>): Promise<T> {
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
  const reader: Reader = {
    run: ((query: string, parameters?: Record<string, unknown>) =>
      session.run(query, parameters, { timeout: opts.timeoutMs })) as Reader["run"],
  };
  try {
    const result = await work(reader);
    const bookmarks = session.lastBookmarks();
    // A server that gives no bookmark gives no version either: nothing is reported, so nothing is kept.
    if (opts.onBookmark && bookmarks.length > 0) opts.onBookmark(bookmarks.join(","));
    return result;
  } catch (error) {
    throw toQueryError(error);
  } finally {
    await session.close();
  }
}

export function relRows(records: Array<{ get(key: string): unknown }>, key = "rel"): RelRow[] {
  return records.map((r) => toPlain(r.get(key)) as RelRow);
}
