// GET /api/stats: what the graph holds — nodes per label, relationships per type, the span of article dates,
// and articles per source. Counts per label and type come from Neo4j's count store, so this stays fast.
import type { Driver } from "neo4j-driver";
import type { ApiStats } from "../core/api.js";
import { RELATION_TYPES } from "../core/model.js";
import { ENTITY_LABEL_EXPR, NODE_LABELS } from "../cypher/index.js";
import { readTx, type ReadOpts } from "./graph-read.js";

export async function stats(driver: Driver, opts: ReadOpts): Promise<ApiStats> {
  return readTx(driver, opts, async (tx) => {
    const nodes: Record<string, number> = {};
    for (const label of NODE_LABELS) {
      // Labels come from the model's closed set, never from the request.
      const r = await tx.run(`MATCH (n:\`${label}\`) RETURN count(n) AS n`);
      nodes[label] = Number(r.records[0]?.get("n") ?? 0);
    }
    const relationships: Record<string, number> = {};
    for (const type of RELATION_TYPES) {
      const r = await tx.run(`MATCH ()-[r:\`${type}\`]->() RETURN count(r) AS n`);
      relationships[type] = Number(r.records[0]?.get("n") ?? 0);
    }
    const dates = await tx.run(
      `MATCH (a:Article) RETURN min(a.date) AS first, max(a.date) AS last, count(a) - count(a.date) AS undated`,
    );
    const d = dates.records[0];
    const sources = await tx.run(
      `MATCH (a:Article) RETURN coalesce(a.source, '') AS source, count(a) AS articles ORDER BY articles DESC, source LIMIT 200`,
    );
    const analyzed = await tx.run(`MATCH (n:${ENTITY_LABEL_EXPR}) WHERE n.pagerank IS NOT NULL RETURN n.id LIMIT 1`);
    return {
      nodes,
      relationships,
      articles: {
        first: (d?.get("first") as string | null) ?? null,
        last: (d?.get("last") as string | null) ?? null,
        undated: Number(d?.get("undated") ?? 0),
      },
      sources: sources.records.map((r) => ({ source: String(r.get("source")), articles: Number(r.get("articles")) })),
      analyzed: analyzed.records.length > 0,
    };
  });
}
