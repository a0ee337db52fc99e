// One load written in one transaction (`--atomic-loads`): every node and relationship statement of the load and
// the mark that its articles are complete commit together or not at all, so a failure or a kill mid-load leaves
// nothing of it behind. The cost is one larger transaction a load (more memory on the server, longer locks).
import type { Driver } from "neo4j-driver";
import type { GraphDoc } from "../../core/model.js";
import { nodeMergeQuery, relationshipMergeQuery, chunk, planLoad } from "../../cypher/index.js";

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
  const session = driver.session({ database: options.database, defaultAccessMode: "WRITE" });
  try {
    // executeWrite runs the whole function again on a transient error (deadlock), from a clean transaction.
    return await session.executeWrite(async (tx) => {
      const counts: AtomicCounts = { nodesCreated: 0, relationshipsCreated: 0, rows: 0 };
      const run = async (query: string, rows: unknown[]) => {
        const updates = (await tx.run(query, { rows })).summary.counters.updates();
        counts.nodesCreated += updates.nodesCreated;
        counts.relationshipsCreated += updates.relationshipsCreated;
        counts.rows += rows.length;
      };
      for (const [label, rows] of plan.nodes) {
        for (const batch of chunk(rows, options.batchSize)) await run(nodeMergeQuery(label), batch);
      }
      for (const group of plan.relationships) {
        for (const batch of chunk(group.rows, options.batchSize)) await run(relationshipMergeQuery(group), batch);
      }
      await tx.run(options.markComplete, { ids });
      return counts;
    });
  } finally {
    await session.close();
  }
}
