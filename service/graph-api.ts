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
  NODE_LABELS,
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
  NODE_ROW,
  REL_MAP,
  apiNodeFromRow,
  nodesById,
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
       RETURN collect(${NODE_ROW("n")}) AS nodes`,
      { limit: neo4j.int(limit) },
    );
    const nodes = ((top.records[0]?.get("nodes") as unknown[]) ?? []).map(apiNodeFromRow);
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
       RETURN ${REL_MAP("r", "startNode(r)", "endNode(r)")} AS rel, ${NODE_ROW("m")} AS other, total`,
      { id, limit: neo4j.int(limit), perFact: neo4j.int(EVIDENCE_CAP) },
    );
    const others = nodesById(rels.records.map((r) => r.get("other")));
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

/** A node's neighbour links: facts for an entity; mentions and reporters for an article. */
const linksOf = (label: NodeLabel | undefined) =>
  label === "Article" ? `MATCH (n)-[r:MENTIONS|REPORTED]-(m)` : `MATCH (n)-[r:${FACTS}]-(m)`;

/**
 * From rows (n, r, m) of nodes' links on: each node's neighbours ranked and capped at `limit` (a Cypher
 * expression), their facts' evidence references and the articles these name, as one row a node. `keep` names
 * variables carried along and returned (the batched form's `req`).
 */
const neighboursTail = (limit: string, keep = "") => `WITH ${keep}n, m, collect(r) AS rs
       // Neighbours by rank, then by how many articles state their facts with this node.
       ORDER BY coalesce(m.pagerank, 0.0) DESC, reduce(k = 0, x IN rs | k + coalesce(x.articles, 1)) DESC, m.id
       WITH ${keep}n, collect({m: m, rs: rs}) AS items
       WITH ${keep}n, items[0..${limit}] AS shown, size(items) AS total
       CALL (shown) {
         UNWIND shown AS x
         UNWIND x.rs[0..$factsPerLink] AS r
         ${EVIDENCE_REF_MAP("r", "$perLink")}
         RETURN collect(ref) AS refs
       }
       ${ARTICLES_OF("refs")}
       RETURN ${keep}${NODE_ROW("n")} AS node, [x IN [y IN shown | y.m] | ${NODE_ROW("x")}] AS others, total, refs, articles`;

/**
 * The neighbours query for a node of `label` (undefined: label unknown, found through NODE_BY_ID). One query,
 * the hot path of the explorer. Entities: their neighbours by fact; articles: the entities they mention and
 * their reporters. Naming the types lets Neo4j read only those chains of a dense node.
 */
function neighboursCypher(label: NodeLabel | undefined): string {
  const start =
    label === undefined
      ? `${NODE_BY_ID}
       CALL {
         WITH n ${linksOf(undefined)} WHERE NOT n:Article RETURN m, r
         UNION ALL
         WITH n ${linksOf("Article")} WHERE n:Article RETURN m, r
       }`
      : `MATCH (n:\`${label}\` {id: $id})
       ${linksOf(label)}`;
  return `${start}
       ${neighboursTail("$limit")}`;
}

/**
 * neighboursCypher for several nodes at once, each of a known label: `$byLabel` maps a label to its requests
 * {i, id, limit}; one row per node that has a neighbour, with its request as `req`. Each label's requests seek
 * that label's unique index.
 */
const NEIGHBOURS_BATCH = `CALL {
         ${NODE_LABELS.map(
           (label) => `UNWIND $byLabel.${label} AS req
         MATCH (n:\`${label}\` {id: req.id})
         ${linksOf(label)}
         RETURN req, n, r, m`,
         ).join("\n         UNION ALL\n         ")}
       }
       ${neighboursTail("req.limit", "req, ")}`;

/** The answer from a row of neighboursCypher or NEIGHBOURS_BATCH. */
function neighboursAnswer(record: { get(key: string): unknown }): ApiGraph {
  const others = (record.get("others") as unknown[]).map(apiNodeFromRow);
  const total = Number(record.get("total"));
  const rels = joinEvidence(
    toPlain(record.get("refs")) as RelRef[],
    toPlain(record.get("articles")) as Array<{ id: string; title?: string; date?: string; source?: string }>,
  );
  return {
    nodes: [apiNodeFromRow(record.get("node")), ...others],
    edges: foldEdges(rels),
    omitted: total - others.length,
  };
}

const neighbourParams = () => ({
  perLink: neo4j.int(EVIDENCE_PER_LINK),
  factsPerLink: neo4j.int(FACTS_PER_LINK),
});

export async function neighbours(driver: Driver, opts: ReadOpts, id: string, limit: number): Promise<ApiGraph> {
  return readTx(driver, opts, (tx) => neighboursIn(tx, id, limit));
}

async function neighboursIn(tx: Reader, id: string, limit: number): Promise<ApiGraph> {
  const params = { id, limit: neo4j.int(limit), ...neighbourParams() };
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
  return neighboursAnswer(record);
}

export interface NeighboursRequest {
  id: string;
  limit: number;
}

/**
 * The answers of `neighbours` for several nodes, from one query for all those whose id names a label and that
 * have a neighbour; the rest (no neighbour, unknown node, unknown prefix) go through `neighbours`' own steps
 * in the same session.
 */
export async function neighboursMany(
  driver: Driver,
  opts: ReadOpts,
  requests: NeighboursRequest[],
): Promise<ApiGraph[]> {
  return readTx(driver, opts, async (tx) => {
    const answers = new Array<ApiGraph | undefined>(requests.length);
    const byLabel = Object.fromEntries(NODE_LABELS.map((label) => [label, [] as object[]]));
    for (const [i, r] of requests.entries()) {
      const label = labelFromId(r.id);
      if (label !== undefined) byLabel[label]!.push({ i: neo4j.int(i), id: r.id, limit: neo4j.int(r.limit) });
    }
    if (Object.values(byLabel).some((reqs) => reqs.length > 0)) {
      const result = await tx.run(NEIGHBOURS_BATCH, { byLabel, ...neighbourParams() });
      for (const record of result.records) {
        answers[Number((toPlain(record.get("req")) as { i: number }).i)] = neighboursAnswer(record);
      }
    }
    for (const [i, r] of requests.entries()) answers[i] ??= await neighboursIn(tx, r.id, r.limit);
    return answers as ApiGraph[];
  });
}

/** The node and its label, or NOT_FOUND; later queries then seek it through that label's unique index. */
async function findNode(tx: Reader, id: string): Promise<{ label: NodeLabel; node: ApiNode }> {
  const found = await tx.run(`${NODE_BY_ID} RETURN ${NODE_ROW("n")} AS node`, { id });
  const record = found.records[0];
  if (!record) throw new QueryError(`service: no node has id "${id}"; search for it with /api/search?q=…`, "NOT_FOUND");
  const node = apiNodeFromRow(record.get("node"));
  const label = node.type;
  if (!isNodeLabel(label)) throw new QueryError(`service: node "${id}" has no label of the model`, "NOT_FOUND");
  return { label, node };
}

/** Lucene's query syntax characters, escaped so user text is searched as text. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&").replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase());
}

/** Lucene's candidates for `query` (Cypher expressions), scored, ranked and cut to `limit`: rows (node, score). */
const searchRows = (
  query: string,
  q: string,
  fetch: string,
) => `CALL db.index.fulltext.queryNodes('entity_names', ${query}, {limit: ${fetch}}) YIELD node, score
       // An exact name or alias outranks a partial match whatever Lucene scored it.
       WITH node, score + CASE WHEN node.name = ${q} THEN 100.0 WHEN ${q} IN coalesce(node.aliases, []) THEN 50.0 ELSE 0.0 END AS score
       ORDER BY score DESC, coalesce(node.pagerank, 0.0) DESC, node.id`;

/** One search: node rows (NODE_ROW) only for the hits kept (Lucene hands over three times as many candidates). */
const SEARCH = `${searchRows("$query", "$q", "$fetch")} LIMIT $limit
       RETURN ${NODE_ROW("node")} AS node, score`;

/**
 * Several searches in one query: `$reqs` is a list of {i, query, q, fetch, limit}; one row a search, `results`
 * holding its [node row, score] pairs in rank order (an empty list when nothing matched).
 */
const SEARCH_BATCH = `UNWIND $reqs AS req
       CALL (req) {
         ${searchRows("req.query", "req.q", "req.fetch")}
         WITH req, collect({node: node, score: score}) AS ranked
         UNWIND ranked[0..req.limit] AS hit
         WITH hit.node AS node, hit.score AS score
         RETURN collect([${NODE_ROW("node")}, score]) AS results
       }
       RETURN req.i AS i, results`;

const searchResult = (node: unknown, score: unknown) => ({ ...apiNodeFromRow(node), score: Number(score) });

export interface SearchRequest {
  q: string;
  limit: number;
}

export async function search(driver: Driver, opts: ReadOpts, q: string, limit: number): Promise<ApiSearchResult> {
  const query = escapeLucene(q.trim());
  if (!query) return { results: [] };
  return readTx(driver, opts, async (tx) => {
    const result = await tx.run(SEARCH, {
      query,
      q: q.trim(),
      fetch: neo4j.int(limit * 3),
      limit: neo4j.int(limit),
    });
    return { results: result.records.map((r) => searchResult(r.get("node"), r.get("score"))) };
  });
}

/** The answers of `search` for several requests, from one query. */
export async function searchMany(
  driver: Driver,
  opts: ReadOpts,
  requests: SearchRequest[],
): Promise<ApiSearchResult[]> {
  const answers = requests.map((): ApiSearchResult => ({ results: [] }));
  const reqs = requests.flatMap(({ q, limit }, i) => {
    const query = escapeLucene(q.trim());
    if (!query) return [];
    return [{ i: neo4j.int(i), query, q: q.trim(), fetch: neo4j.int(limit * 3), limit: neo4j.int(limit) }];
  });
  if (reqs.length === 0) return answers;
  return readTx(driver, opts, async (tx) => {
    const result = await tx.run(SEARCH_BATCH, { reqs });
    for (const record of result.records) {
      const hits = record.get("results") as Array<[unknown, unknown]>;
      answers[Number(record.get("i"))] = { results: hits.map(([node, score]) => searchResult(node, score)) };
    }
    return answers;
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
         WITH p, [x IN nodes(p) | ${NODE_ROW("x")}] AS ns, relationships(p) AS rs
         UNWIND range(0, size(rs) - 1) AS i
         WITH ns, rs[i] AS r
         ${EVIDENCE_OF("r", "$perLink")}
         RETURN ns, collect(${REL_MAP("r", "startNode(r)", "endNode(r)")}) AS rels`,
        { from, to, perLink: neo4j.int(EVIDENCE_PER_LINK) },
      );
      const record = result.records[0];
      if (record) {
        const nodes = (record.get("ns") as unknown[]).map(apiNodeFromRow);
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
