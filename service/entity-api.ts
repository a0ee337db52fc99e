// Entity pages (GET /api/entity/:id): the node's facts from nodeDetail sorted into a who's-who page by
// core/entity-page.ts, plus what needs its own read: the people most often named in the same articles as a
// person, and for a place what happened in its divisions. Kept apart from graph-api.ts's hot reads.
import neo4j, { type Driver } from "neo4j-driver";
import type { ApiEntityPage } from "../core/api.js";
import { buildEntityPage, pageFact } from "../core/entity-page.js";
import { QueryError } from "../core/errors.js";
import type { RelationType } from "../core/model.js";
import { toPlain } from "../cypher/index.js";
import { nodeDetail } from "./graph-api.js";
import {
  EVIDENCE_OF,
  NODE_ROW,
  REL_MAP,
  apiNodeFromRow,
  nodesById,
  foldEdges,
  readTx,
  relRows,
  type ReadOpts,
} from "./graph-read.js";

/** Relations read for a page; a node with more shows the most central and says how many were left out. */
export const PAGE_RELATIONS = 500;
/** People listed as co-mentioned on a person's page. */
export const CO_MENTIONED = 15;
/** Meetings and projects read from a place's divisions (up to three levels down). */
export const WITHIN_LIMIT = 60;

export async function entityPage(driver: Driver, opts: ReadOpts, id: string): Promise<ApiEntityPage> {
  const detail = await nodeDetail(driver, opts, id, PAGE_RELATIONS);
  if (detail.node.type === "Article")
    throw new QueryError(`service: ${id} is an article, not an entity; its page is /api/node/${id}`, "NOT_FOUND");
  const label = detail.node.type;
  const coMentioned =
    label === "Person"
      ? await readTx(driver, opts, async (tx) => {
          const result = await tx.run(
            `MATCH (n:Person {id: $id})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(m:Person)
             WHERE m <> n
             WITH m, count(DISTINCT a) AS articles
             ORDER BY articles DESC, coalesce(m.pagerank, 0.0) DESC, m.id LIMIT $limit
             RETURN ${NODE_ROW("m")} AS node, articles`,
            { id, limit: neo4j.int(CO_MENTIONED) },
          );
          return result.records.map((r) => ({
            node: apiNodeFromRow(r.get("node")),
            articles: Number(toPlain(r.get("articles"))),
          }));
        })
      : [];
  const page = buildEntityPage(detail, coMentioned);
  if (label === "Place") await addWithin(driver, opts, id, page);
  return page;
}

/**
 * Meetings held and projects located in the place's divisions (PART_OF up to three levels), each as a fact of
 * the division it happened in: the page shows what happened in a province, not only at its name.
 */
async function addWithin(driver: Driver, opts: ReadOpts, id: string, page: ApiEntityPage): Promise<void> {
  const rows = await readTx(driver, opts, async (tx) => {
    const result = await tx.run(
      `MATCH (p:Place {id: $id})<-[:PART_OF*1..3]-(d:Place)<-[r:HELD_IN|LOCATED_IN]-(x:Meeting|Project)
       WITH d, r, x ORDER BY coalesce(r.lastSeen, x.date, '') DESC, x.id LIMIT $limit
       ${EVIDENCE_OF("r", "3")}
       RETURN ${REL_MAP("r", "x", "d")} AS rel, ${NODE_ROW("x")} AS other, ${NODE_ROW("d")} AS division`,
      { id, limit: neo4j.int(WITHIN_LIMIT) },
    );
    return result.records;
  });
  const others = nodesById(rows.map((r) => r.get("other")));
  const divisions = nodesById(rows.map((r) => r.get("division")));
  const have = new Set([...page.meetings, ...page.projects].map((f) => f.other.id));
  for (const edge of foldEdges(relRows(rows))) {
    const other = others.get(edge.source);
    if (!other || have.has(other.id)) continue;
    const fact = pageFact({
      type: edge.type as RelationType,
      direction: "in",
      other,
      properties: edge.properties,
      evidence: edge.evidence,
    });
    fact.via = divisions.get(edge.target);
    (other.type === "Meeting" ? page.meetings : page.projects).push(fact);
    have.add(other.id);
  }
  const date = (f: (typeof page.meetings)[number]) => f.other.date ?? f.lastSeen ?? "";
  page.meetings.sort((a, b) => date(b).localeCompare(date(a)));
  page.projects.sort((a, b) => (b.lastSeen ?? "").localeCompare(a.lastSeen ?? ""));
}
