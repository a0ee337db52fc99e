// The explorer's first view (GET /api/graph?months=N): the people and organizations with the most facts seen in
// the last N months of articles, then the meetings they sat in, the projects they run and the places these
// happened in, each kind capped so people and organizations stay the majority. Places come with the provinces
// above them, so the explorer can fold counties and towns into their province until asked to open it.
import neo4j, { type Driver } from "neo4j-driver";
import type { ApiGraph } from "../core/api.js";
import { ENTITY_LABEL_EXPR, FACT_TYPES, toPlain } from "../cypher/index.js";
import {
  EVIDENCE_OF,
  NODE_ROW,
  REL_MAP,
  apiNodeFromRow,
  foldEdges,
  readTx,
  relRows,
  type ReadOpts,
} from "./graph-read.js";
import { EVIDENCE_PER_LINK } from "./graph-api.js";

const FACTS = FACT_TYPES.join("|");

/** Shares of the first view by kind: people and organizations first. */
export const FIRST_VIEW_SHARES = { core: 0.7, meetings: 0.1, projects: 0.08 };

/** The ISO date `months` months before `last` (YYYY-MM-DD), clamped to the month's length. */
export function monthsBefore(last: string, months: number): string {
  const [y, m, d] = last.slice(0, 10).split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d || 1, days))}`;
}

export async function firstView(driver: Driver, opts: ReadOpts, limit: number, months: number): Promise<ApiGraph> {
  return readTx(driver, opts, async (tx) => {
    const lastRow = await tx.run(`MATCH (a:Article) WHERE a.date IS NOT NULL RETURN max(a.date) AS last`);
    const last = toPlain(lastRow.records[0]?.get("last")) as string | null;
    const cutoff = typeof last === "string" && /^\d{4}-\d{2}/.test(last) ? monthsBefore(last, months) : null;
    const core = Math.max(1, Math.round(limit * FIRST_VIEW_SHARES.core));
    const meetings = Math.round(limit * FIRST_VIEW_SHARES.meetings);
    const projects = Math.round(limit * FIRST_VIEW_SHARES.projects);
    const recent = `($cutoff IS NULL OR coalesce(r.lastSeen, '9999') >= $cutoff)`;
    const picked = await tx.run(
      `CALL {
         CALL {
           MATCH (n:Person)-[r:${FACTS}]-() WHERE ${recent} RETURN n, r
           UNION ALL
           MATCH (n:Organization)-[r:${FACTS}]-() WHERE ${recent} RETURN n, r
         }
         WITH n, sum(coalesce(r.articles, 1)) AS weight
         ORDER BY weight DESC, coalesce(n.pagerank, 0.0) DESC, n.id LIMIT $core
         RETURN collect(n) AS core
       }
       CALL (core) {
         UNWIND core AS n
         MATCH (n)-[r:PARTICIPATED_IN|ORGANIZED_BY]-(m:Meeting)
         WHERE ${recent}
         WITH m, count(DISTINCT n) AS k ORDER BY k DESC, m.date DESC, m.id LIMIT $meetings
         RETURN collect(m) AS ms
       }
       CALL (core) {
         UNWIND core AS n
         MATCH (n)-[r:RUNS]-(p:Project)
         WHERE ${recent}
         WITH p, count(DISTINCT n) AS k ORDER BY k DESC, p.id LIMIT $projects
         RETURN collect(p) AS ps
       }
       CALL (core, ms, ps) {
         UNWIND core + ms + ps AS n
         MATCH (n)-[r:HELD_IN|LOCATED_IN]->(pl:Place)
         WITH pl, count(DISTINCT n) AS k ORDER BY k DESC, pl.id LIMIT $places
         OPTIONAL MATCH (pl)-[:PART_OF*1..3]->(prov:Place {level: 'province'})
         RETURN collect(pl) + collect(prov) AS pls
       }
       // A place with a division code lies in the province of its first two digits, PART_OF or not.
       CALL (pls) {
         UNWIND pls AS pl
         WITH pl WHERE pl.code =~ '[0-9]{6}' AND NOT pl.code ENDS WITH '0000'
         MATCH (prov:Place {id: 'place:' + left(pl.code, 2) + '0000'})
         RETURN collect(prov) AS provs
       }
       UNWIND core + ms + ps + pls + provs AS n
       WITH DISTINCT n
       RETURN collect(${NODE_ROW("n")}) AS nodes`,
      {
        cutoff,
        core: neo4j.int(core),
        meetings: neo4j.int(meetings),
        projects: neo4j.int(projects),
        places: neo4j.int(Math.max(0, limit - core - meetings - projects)),
      },
    );
    const nodes = ((picked.records[0]?.get("nodes") as unknown[]) ?? []).map(apiNodeFromRow);
    const ids = nodes.map((n) => n.id);
    const rels = await tx.run(
      `UNWIND $ids AS id
       MATCH (s:${ENTITY_LABEL_EXPR} {id: id})-[r:${FACTS}]->(t:${ENTITY_LABEL_EXPR})
       WHERE t.id IN $ids
       ${EVIDENCE_OF("r", "$perLink")}
       RETURN ${REL_MAP("r", "s", "t")} AS rel`,
      { ids, perLink: neo4j.int(EVIDENCE_PER_LINK) },
    );
    const total = await tx.run(`MATCH (n:${ENTITY_LABEL_EXPR}) RETURN count(n) AS n`);
    const omitted = Math.max(0, Number(total.records[0]?.get("n") ?? 0) - nodes.length);
    return { nodes, edges: foldEdges(relRows(rels.records)), omitted };
  });
}
