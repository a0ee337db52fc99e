// The per-row baseline of bench/ingest.ts: the same rows the batched loader writes, sent as one MERGE per
// node and per relationship, each in its own write transaction, timed against cypher/load on the same slice.
import type { Driver } from "neo4j-driver";
import {
  emptyGraph,
  nodeMergeQuery,
  relationshipMergeQuery,
  planLoad,
  type LoadPlan,
  loadGraphDoc,
  loadPlan,
  awaitSearchIndexes,
} from "../cypher/index.js";
import { createExtractor } from "../ingest/batch/extract.js";
import { DEFAULT_INGEST_SETTINGS } from "../ingest/batch/settings.js";
import { mergeDocs } from "../ingest/pipeline.js";
import { isReadFailure, readPath } from "../ingest/read/index.js";
import type { GraphDoc } from "../core/model.js";

/**
 * Batched loads of the slice: the first ones not counted (after the per-row run the server is still compiling the
 * batched path: nine loads in a row took 0.59, 0.49, then 0.39–0.49 s), then the timed ones, whose median is the
 * batched rate. The per-row rate is an average over its whole run of thousands of transactions.
 */
const BATCHED_WARMUPS = 2;
const BATCHED_RUNS = 5;

/** Items [from, to) of the file, extracted and merged into one document. */
async function sliceDoc(file: string, from: number, to: number, model: boolean): Promise<GraphDoc> {
  const extract = await createExtractor(model).catch((error: unknown) => {
    // The baseline measures loading, not extraction: rules alone give rows enough, and the reason is printed.
    console.log(`bench/ingest: the tagger did not load for the slice (${(error as Error).message}); using rules only`);
    return createExtractor(false);
  });
  const docs: GraphDoc[] = [];
  let seq = 0;
  for await (const item of readPath(file)) {
    if (isReadFailure(item)) continue;
    if (seq >= to) break;
    if (seq++ < from) continue;
    const result = extract({ seq, raw: item });
    if (result.ok) docs.push(result.doc);
  }
  return mergeDocs(docs);
}

function rowCount(plan: LoadPlan): number {
  let rows = 0;
  for (const nodes of plan.nodes.values()) rows += nodes.length;
  for (const group of plan.relationships) rows += group.rows.length;
  return rows;
}

/** One statement and one transaction a row, until every row is written or the time budget is spent. */
async function perRow(driver: Driver, plan: LoadPlan, budgetS: number): Promise<{ rows: number; seconds: number }> {
  const session = driver.session({ defaultAccessMode: "WRITE" });
  const began = performance.now();
  const deadline = began + budgetS * 1000;
  let rows = 0;
  try {
    for (const [label, nodes] of plan.nodes) {
      // The batched statement with a one-row list: the same MERGE and SET, row by row.
      const query = nodeMergeQuery(label).replace("UNWIND $rows AS row\n", "WITH $row AS row\n");
      for (const row of nodes) {
        if (performance.now() > deadline) return { rows, seconds: (performance.now() - began) / 1000 };
        await session.executeWrite((tx) => tx.run(query, { row }));
        rows++;
      }
    }
    for (const group of plan.relationships) {
      const query = relationshipMergeQuery(group).replace("UNWIND $rows AS row\n", "WITH $row AS row\n");
      for (const row of group.rows) {
        if (performance.now() > deadline) return { rows, seconds: (performance.now() - began) / 1000 };
        await session.executeWrite((tx) => tx.run(query, { row }));
        rows++;
      }
    }
  } finally {
    await session.close();
  }
  return { rows, seconds: (performance.now() - began) / 1000 };
}

/** Prints both rates on the slice and returns them (rows/s). */
export async function perRowBaseline(
  driver: Driver,
  file: string,
  options: { items: number; budgetS: number; model: boolean },
  print: (line: string) => void,
): Promise<{ perRow: number; batched: number }> {
  const { items, budgetS } = options;
  const doc = await sliceDoc(file, 0, items, options.model);
  // The next items, loaded batched before the timed load, so that the timed load runs planned, JIT-compiled
  // queries on a graph of the size they were planned for (a wiped graph makes Neo4j plan again).
  const warmUp = await sliceDoc(file, items, 2 * items, options.model);
  const plan = planLoad(doc);
  const total = rowCount(plan);
  print(`slice                ${doc.articles.length} articles, ${total} rows (nodes + relationships)`);
  await emptyGraph(driver);
  const slow = await perRow(driver, plan, budgetS);
  const slowRate = slow.rows / slow.seconds;
  const partial = slow.rows < total ? ` (stopped at the ${budgetS} s budget; the rate is what counts)` : "";
  print(
    `per-row              ${slow.rows} rows in ${slow.seconds.toFixed(1)} s = ${slowRate.toFixed(0)} rows/s${partial}`,
  );
  // Loads of the slice, each into an emptied graph after the warm-up slice, the first BATCHED_WARMUPS not counted and
  // the median of the rest counting. Like the per-row run, each starts from the plan (planLoad) and ends when the
  // full-text indexes hold the load. Before each, the full-text indexes catch up (awaitSearchIndexes): the per-row
  // run leaves thousands of single-row index updates queued, and their Lucene work is the baseline's, not the
  // timed load's.
  const runs: { seconds: number; batches: number }[] = [];
  for (let i = 0; i < BATCHED_WARMUPS + BATCHED_RUNS; i++) {
    await emptyGraph(driver);
    await loadGraphDoc(driver, warmUp, { schema: false, batchSize: DEFAULT_INGEST_SETTINGS.batchSize });
    await awaitSearchIndexes(driver);
    const began = performance.now();
    // From the plan the per-row run wrote, as the batch writer loads a plan made while gathering.
    const counts = await loadPlan(driver, plan, { schema: false, batchSize: DEFAULT_INGEST_SETTINGS.batchSize });
    runs.push({ seconds: (performance.now() - began) / 1000, batches: counts.batches });
  }
  const uncounted = runs.splice(0, BATCHED_WARMUPS);
  const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(BATCHED_RUNS / 2)]!;
  // loadPlan counts a load's rows as planSizes does (the plan's nodes and relationships): the slice's `total`.
  const fastRate = total / median.seconds;
  print(
    `batched              ${total} rows in ${median.seconds.toFixed(2)} s = ${fastRate.toFixed(0)} rows/s (${median.batches} statements; median of ${BATCHED_RUNS} loads: ${runs.map((r) => r.seconds.toFixed(2)).join(", ")} s, after ${BATCHED_WARMUPS} not counted: ${uncounted.map((r) => r.seconds.toFixed(2)).join(", ")} s)`,
  );
  await emptyGraph(driver);
  return { perRow: slowRate, batched: fastRate };
}
