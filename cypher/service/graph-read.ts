// Reads the service needs, as fixed parameterised Cypher: nodes by id (through each label's unique index),
// relationships with their evidence joined to the article's title, date and source, folded into ApiEdges.
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type { ApiEdge, ApiEvidence, ApiNode } from "../../core/api.js";
import type { PropertyValue, RelationType } from "../../core/model.js";
import { toQueryError } from "../readonly.js";
import { toPlain } from "../values.js";

/** A node by id in any label: one unique-index seek a label, where `MATCH (n {id: $id})` would scan every node. */
export const NODE_BY_ID = `CALL {
  MATCH (n:Person {id: $id}) RETURN n
  UNION ALL MATCH (n:Organization {id: $id}) RETURN n
  UNION ALL MATCH (n:Place {id: $id}) RETURN n
  UNION ALL MATCH (n:Project {id: $id}) RETURN n
  UNION ALL MATCH (n:Meeting {id: $id}) RETURN n
  UNION ALL MATCH (n:Article {id: $id}) RETURN n
}`;

/** The map a query returns for a node: `n {.*, labels: labels(n)}` minus the article text, which can be long. */
export const NODE_MAP = (v: string) =>
  `${v} {.id, .name, .aliases, .kind, .level, .code, .date, .title, .source, .degree, .pagerank, .community, labels: labels(${v})}`;

/** The map a query returns for a relationship and its article. */
export const REL_MAP = (r: string, s: string, t: string, a: string) =>
  `{source: ${s}.id, target: ${t}.id, type: type(${r}), props: properties(${r}), articleTitle: ${a}.title, date: ${a}.date, articleSource: ${a}.source}`;

export interface RelRow {
  source: string;
  target: string;
  type: RelationType;
  props: Record<string, unknown>;
  articleTitle: string | null;
  date: string | null;
  articleSource: string | null;
}

const ENTITY_LABELS = ["Person", "Organization", "Place", "Project", "Meeting"];

export function apiNodeFromMap(raw: unknown): ApiNode {
  const m = toPlain(raw) as Record<string, unknown>;
  const labels = (m.labels as string[] | undefined) ?? [];
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

/** Properties that belong to one piece of evidence, not to the fact: left out of the edge's properties and id. */
const EVIDENCE_KEYS = new Set(["key", "article", "sentence", "sentences", "count"]);

/** Folds one-relationship-per-evidence rows into edges: one per (source, type, target, title/role …). */
export function foldEdges(rows: RelRow[]): ApiEdge[] {
  const edges = new Map<string, ApiEdge>();
  for (const row of rows) {
    const props = toPlain(row.props) as Record<string, unknown>;
    const properties: Record<string, PropertyValue> = {};
    for (const [k, v] of Object.entries(props))
      if (!EVIDENCE_KEYS.has(k) && !Array.isArray(v)) properties[k] = v as PropertyValue;
    const keys = Object.keys(properties).sort();
    const suffix = keys.map((k) => `${k}=${String(properties[k])}`).join(",");
    const id = `${row.source}|${row.type}|${row.target}${suffix ? `|${suffix}` : ""}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = { id, type: row.type, source: row.source, target: row.target, properties, evidence: [] };
      edges.set(id, edge);
    }
    if (typeof props.count === "number") edge.properties.count = Number(edge.properties.count ?? 0) + props.count;
    const article = typeof props.article === "string" ? props.article : null;
    const sentences =
      Array.isArray(props.sentences) && props.sentences.length > 0
        ? props.sentences.map(String)
        : props.sentence
          ? [String(props.sentence)]
          : [];
    if (article) {
      for (const sentence of sentences) {
        const ev: ApiEvidence = {
          article,
          articleTitle: row.articleTitle,
          date: row.date,
          source: row.articleSource,
          sentence,
        };
        edge.evidence.push(ev);
      }
    }
  }
  for (const edge of edges.values()) edge.evidence.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  return [...edges.values()];
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
