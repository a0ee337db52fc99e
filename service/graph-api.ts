// The service's graph reads, as functions from a driver and checked arguments to API shapes (core/api.ts):
// overview, node detail, neighbours, search, shortest path and stats. The HTTP layer only validates and calls these.
import neo4j, { type Driver } from "neo4j-driver";
import type { ApiGraph, ApiNode, ApiNodeDetail, ApiPath, ApiSearchResult } from "../core/api.js";
import {
  ENTITY_LABEL_EXPR,
  FACT_TYPES,
  isNodeLabel,
  labelFromId,
  type NodeLabel,
  toPlain,
  EVIDENCE_CAP,
} from "../cypher/index.js";
import { QueryError } from "../core/errors.js";
import type { RelationType } from "../core/model.js";
import {
  ARTICLES_OF,
  EVIDENCE_OF,
  EVIDENCE_REF_MAP,
  NODE_BY_ID,
  NODE_MAP,
  REL_MAP,
  apiNodeFromMap,
  foldEdges,
  joinEvidence,
  readTx,
  type RelRef,
  relRows,
  type ReadOpts,
  type Reader,
} from "./graph-read.js";

const ENTITY = ENTITY_LABEL_EXPR;
/** Relationships between entities; MENTIONS and REPORTED tie entities to articles. */
const FACTS = FACT_TYPES.join("|");

/**
 * Evidence sentences kept per fact in overview, neighbour and path views: a post like 李强 总理 国务院 is stated by
 * hundreds of articles, which would make every answer megabytes. /api/node/:id gives every stored sentence.
 */
export const EVIDENCE_PER_LINK = 5;

/** Facts kept per linked pair in neighbour views (several titles at one organization, several roles at a meeting). */
export const FACTS_PER_LINK = 20;

export async function overview(driver: Driver, opts: ReadOpts, limit: number): Promise<ApiGraph> {
  return readTx(driver, opts, async (tx) => {
    const top = await tx.run(
      `MATCH (n:${ENTITY})
       WITH n ORDER BY coalesce(n.pagerank, 0.0) DESC, coalesce(n.degree, 0) DESC, n.id LIMIT $limit
       RETURN collect(${NODE_MAP("n")}) AS nodes`,
      { limit: neo4j.int(limit) },
    );
    const nodes = ((top.records[0]?.get("nodes") as unknown[]) ?? []).map(apiNodeFromMap);
    const ids = nodes.map((n) => n.id);
    const rels = await tx.run(
      `UNWIND $ids AS id
       MATCH (s:${ENTITY} {id: id})-[r:${FACTS}]->(t:${ENTITY})
       WHERE t.id IN $ids
       ${EVIDENCE_OF("r", "$perLink")}
       RETURN ${REL_MAP("r", "s", "t")} AS rel`,
      { ids, perLink: neo4j.int(EVIDENCE_PER_LINK) },
    );
    const total = await tx.run(`MATCH (n:${ENTITY}) RETURN count(n) AS n`);
    const omitted = Math.max(0, Number(total.records[0]?.get("n") ?? 0) - nodes.length);
    return { nodes, edges: foldEdges(relRows(rels.records)), omitted };
  });
}

export async function nodeDetail(
  driver: Driver,
  opts: ReadOpts,
  id: string,
  limit: number,
): Promise<ApiNodeDetail & { omitted: number }> {
  return readTx(driver, opts, async (tx) => {
    const { label, node } = await findNode(tx, id);
    const isArticle = label === "Article";
    // An article's relations are its mentions; an entity's mentions are listed under `articles` instead. Naming
    // the types lets Neo4j read only those chains of a dense node, not every MENTIONS of 中国.
    const rels = await tx.run(
      `MATCH (n:\`${label}\` {id: $id})-[r:${isArticle ? "MENTIONS|REPORTED" : `${FACTS}|REPORTED`}]-(m)
       WITH n, r, m ORDER BY coalesce(m.pagerank, 0.0) DESC, m.id, coalesce(r.lastSeen, '') DESC
       WITH n, collect({r: r, m: m}) AS items
       WITH n, items[0..$limit] AS shown, size(items) AS total
       UNWIND shown AS x
       WITH n, x.r AS r, x.m AS m, total
       ${EVIDENCE_OF("r", "$perFact")}
       RETURN ${REL_MAP("r", "startNode(r)", "endNode(r)")} AS rel, ${NODE_MAP("m")} AS other, total`,
      { id, limit: neo4j.int(limit), perFact: neo4j.int(EVIDENCE_CAP) },
    );
    const others = new Map(
      rels.records.map((r) => {
        const o = apiNodeFromMap(r.get("other"));
        return [o.id, o] as const;
      }),
    );
    const relations = foldEdges(relRows(rels.records)).map((edge) => {
      const direction = edge.source === id ? ("out" as const) : ("in" as const);
      const otherId = direction === "out" ? edge.target : edge.source;
      return {
        type: edge.type as RelationType,
        direction,
        other: others.get(otherId)!,
        properties: edge.properties,
        evidence: edge.evidence,
      };
    });
    const total = Number(rels.records[0]?.get("total") ?? 0);
    const articles = isArticle
      ? []
      : (
          await tx.run(
            `${NODE_BY_ID}
             MATCH (a:Article)-[m:MENTIONS]->(n)
             WITH a, sum(coalesce(m.count, 1)) AS count
             RETURN a.id AS id, a.title AS title, a.date AS date, a.source AS source, count
             ORDER BY date DESC, id LIMIT $limit`,
            { id, limit: neo4j.int(limit) },
          )
        ).records.map((r) => toPlain(r.toObject()) as ApiNodeDetail["articles"][number]);
    return {
      node,
      relations,
      articles,
      omitted: Math.max(0, total - Math.min(total, limit)),
    };
  });
}

/**
 * The neighbours query for a node of `label` (undefined: label unknown, found through NODE_BY_ID). One query,
 * the hot path of the explorer. Entities: their neighbours by fact; articles: the entities they mention and
 * their reporters. Naming the types lets Neo4j read only those chains of a dense node.
 */
function neighboursCypher(label: NodeLabel | undefined): string {
  const facts = `MATCH (n)-[r:${FACTS}]-(m)`;
  const mentions = `MATCH (n)-[r:MENTIONS|REPORTED]-(m)`;
  const start =
    label === undefined
      ? `${NODE_BY_ID}
       CALL {
         WITH n ${facts} WHERE NOT n:Article RETURN m, r
         UNION ALL
         WITH n ${mentions} WHERE n:Article RETURN m, r
       }`
      : `MATCH (n:\`${label}\` {id: $id})
       ${label === "Article" ? mentions : facts}`;
  return `${start}
       WITH n, m, collect(r) AS rs
       // Neighbours by rank, then by how many articles state their facts with this node.
       ORDER BY coalesce(m.pagerank, 0.0) DESC, reduce(k = 0, x IN rs | k + coalesce(x.articles, 1)) DESC, m.id
       WITH n, collect({m: m, rs: rs}) AS items
       WITH n, items[0..$limit] AS shown, size(items) AS total
       CALL (shown) {
         UNWIND shown AS x
         UNWIND x.rs[0..$factsPerLink] AS r
         ${EVIDENCE_REF_MAP("r", "$perLink")}
         RETURN collect(ref) AS refs
       }
       ${ARTICLES_OF("refs")}
       RETURN ${NODE_MAP("n")} AS node, [x IN [y IN shown | y.m] | ${NODE_MAP("x")}] AS others, total, refs, articles`;
}

export async function neighbours(driver: Driver, opts: ReadOpts, id: string, limit: number): Promise<ApiGraph> {
  return readTx(driver, opts, async (tx) => {
    const params = {
      id,
      limit: neo4j.int(limit),
      perLink: neo4j.int(EVIDENCE_PER_LINK),
      factsPerLink: neo4j.int(FACTS_PER_LINK),
    };
    // The id's prefix names the label, so the query starts with one index seek instead of six.
    const label = labelFromId(id);
    let record = (await tx.run(neighboursCypher(label), params)).records[0];
    if (!record) {
      // No row: the node has no neighbours, does not exist, or (never made by a Jianwen load) carries a label
      // other than its prefix says. findNode tells which.
      const found = await findNode(tx, id);
      if (label === undefined || found.label === label) return { nodes: [found.node], edges: [], omitted: 0 };
      record = (await tx.run(neighboursCypher(undefined), params)).records[0];
      if (!record) return { nodes: [found.node], edges: [], omitted: 0 };
    }
    const others = (record.get("others") as unknown[]).map(apiNodeFromMap);
    const total = Number(record.get("total"));
    const rels = joinEvidence(
      toPlain(record.get("refs")) as RelRef[],
      toPlain(record.get("articles")) as Array<{ id: string; title?: string; date?: string; source?: string }>,
    );
    return {
      nodes: [apiNodeFromMap(record.get("node")), ...others],
      edges: foldEdges(rels),
      omitted: total - others.length,
    };
  });
}

/** The node and its label, or NOT_FOUND; later queries then seek it through that label's unique index. */
async function findNode(tx: Reader, id: string): Promise<{ label: NodeLabel; node: ApiNode }> {
  const found = await tx.run(`${NODE_BY_ID} RETURN ${NODE_MAP("n")} AS node`, { id });
  const record = found.records[0];
  if (!record) throw new QueryError(`service: no node has id "${id}"; search for it with /api/search?q=…`, "NOT_FOUND");
  const node = apiNodeFromMap(record.get("node"));
  const label = node.type;
  if (!isNodeLabel(label)) throw new QueryError(`service: node "${id}" has no label of the model`, "NOT_FOUND");
  return { label, node };
}

/** Lucene's query syntax characters, escaped so user text is searched as text. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&").replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase());
}

export async function search(driver: Driver, opts: ReadOpts, q: string, limit: number): Promise<ApiSearchResult> {
  const query = escapeLucene(q.trim());
  if (!query) return { results: [] };
  return readTx(driver, opts, async (tx) => {
    const result = await tx.run(
      `CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $fetch}) YIELD node, score
       // An exact name or alias outranks a partial match whatever Lucene scored it.
       WITH node, score + CASE WHEN node.name = $q THEN 100.0 WHEN $q IN coalesce(node.aliases, []) THEN 50.0 ELSE 0.0 END AS score
       ORDER BY score DESC, coalesce(node.pagerank, 0.0) DESC, node.id LIMIT $limit
       // The node maps only of the rows kept: Lucene hands over three times as many candidates as are shown.
       RETURN ${NODE_MAP("node")} AS node, score`,
      { query, q: q.trim(), fetch: neo4j.int(limit * 3), limit: neo4j.int(limit) },
    );
    return {
      results: result.records.map((r) => ({ ...apiNodeFromMap(r.get("node")), score: Number(r.get("score")) })),
    };
  });
}

export async function shortestPath(
  driver: Driver,
  opts: ReadOpts,
  from: string,
  to: string,
  maxLength: number,
): Promise<ApiPath> {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 10) {
    throw new QueryError(`service: maxLength must be an integer from 1 to 10, got ${maxLength}`, "BAD_PARAM");
  }
  if (from === to) {
    const detail = await nodeDetail(driver, opts, from, 0);
    return { found: true, nodes: [from], graph: { nodes: [detail.node], edges: [] } };
  }
  return readTx(driver, opts, async (tx) => {
    // Facts first; when none link the two, shared articles may (MENTIONS), which says less but still something.
    for (const types of [FACTS, `${FACTS}|MENTIONS|REPORTED`]) {
      const result = await tx.run(
        `${NODE_BY_ID.replace(/\$id/g, "$from")} WITH n AS a
         ${NODE_BY_ID.replace(/\$id/g, "$to")} WITH a, n AS b
         MATCH p = shortestPath((a)-[:${types}*..${maxLength}]-(b))
         WITH p, [x IN nodes(p) | ${NODE_MAP("x")}] AS ns, relationships(p) AS rs
         UNWIND range(0, size(rs) - 1) AS i
         WITH ns, rs[i] AS r
         ${EVIDENCE_OF("r", "$perLink")}
         RETURN ns, collect(${REL_MAP("r", "startNode(r)", "endNode(r)")}) AS rels`,
        { from, to, perLink: neo4j.int(EVIDENCE_PER_LINK) },
      );
      const record = result.records[0];
      if (record) {
        const nodes = (record.get("ns") as unknown[]).map(apiNodeFromMap);
        return {
          found: true,
          nodes: nodes.map((n) => n.id),
          graph: { nodes, edges: foldEdges(toPlain(record.get("rels")) as never) },
        };
      }
    }
    return { found: false, nodes: [], graph: { nodes: [], edges: [] } };
  });
}
