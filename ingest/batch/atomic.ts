// One load written in one transaction (`--atomic-loads`): every node and relationship statement of the load and
// the mark that its articles are complete commit together or not at all, so a failure or a kill mid-load leaves
// nothing of it behind. The cost is one larger transaction a load (more memory on the server, longer locks).
import type { Driver } from "neo4j-driver";
import type { GraphDoc } from "../../core/model.js";
import {
  FETCH_ALL,
  factBatches,
  planLoad,
  settleInOrder,
  writeArticlesAndLinks,
  writeEntities,
  writeFacts,
} from "../../cypher/index.js";

export interface AtomicCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  rows: number;
}

export async function loadAtomically(
  driver: Driver,
  doc: GraphDoc,
  options: { batchSize: number; database?: string | undefined; markComplete: string },
): Promise<AtomicCounts> {
  const plan = planLoad(doc);
  const ids = doc.articles.map((a) => a.id);
  let rows = 0;
  for (const nodes of plan.nodes.values()) rows += nodes.length;
  for (const group of plan.relationships) rows += group.rows.length;
  const session = driver.session({ database: options.database, defaultAccessMode: "WRITE", fetchSize: FETCH_ALL });
  try {
    // executeWrite runs the whole function again on a transient error (deadlock), from a clean transaction.
    return await session.executeWrite(async (tx) => {
      const c = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, missingEndpoints: 0, batches: 0 };
      const refs = new Map<string, string>();
      await writeEntities(tx, plan, options.batchSize, c, refs);
      await writeArticlesAndLinks(tx, plan, options.batchSize, c, refs);
      await settleInOrder(factBatches(plan, refs, options.batchSize).map((batch) => writeFacts(tx, batch, c)));
      await tx.run(options.markComplete, { rows: ids });
      return { nodesCreated: c.nodesCreated, relationshipsCreated: c.relationshipsCreated, rows };
    });
  } finally {
    await session.close();
  }
}
