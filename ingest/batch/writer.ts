// Writes one batch of extracted documents into Neo4j. Articles already in the graph are skipped; the rest go
// through cypher/load's batched MERGE. An Article is marked `ingested` only after everything its document
// holds is written, so a run killed mid-batch leaves unmarked articles that the next run writes again.
// A server that stops answering fails the whole batch (writeBatch rejects): the run cannot go on without it.
import type { Driver } from "neo4j-driver";
import { Neo4jLoadError } from "../../core/errors.js";
import type { GraphDoc } from "../../core/model.js";
import { loadPlan, isTransient, isUnavailable, planLoad, withRetries } from "../../cypher/index.js";
import { mergeDocs } from "../pipeline.js";
import { loadAtomically } from "./atomic.js";

export interface LoadEntry {
  file: string;
  line?: number | undefined;
  doc: GraphDoc;
}

export interface LoadFailure {
  entry: LoadEntry;
  error: Neo4jLoadError;
}

export interface BatchOutcome {
  /** Distinct articles of the batch not yet (completely) in the graph, now written. */
  articlesNew: number;
  /** Articles of the batch that were already in the graph, or repeated within it. */
  articlesSkipped: number;
  nodesCreated: number;
  relationshipsCreated: number;
  /** Rows sent to Neo4j (nodes and relationships). */
  rows: number;
  /** Milliseconds spent in Neo4j writes. */
  writeMs: number;
  /**
   * When the writing began and ended (performance.now()), gathering excluded: a run with several loads in flight
   * counts the time at least one of them was writing, not the sum of their times.
   */
  writeSpan?: [number, number];
  /** Milliseconds spent merging the batch's documents, ordering and planning its rows (before writing). */
  gatherMs: number;
  failures: LoadFailure[];
}

export interface WriterOptions {
  batchSize: number;
  loadRetries: number;
  /** Each load in one transaction (ingest/batch/atomic.ts) instead of one transaction per statement. */
  atomicLoads?: boolean;
  database?: string | undefined;
}

const COMPLETE_ARTICLES = "MATCH (a:Article) WHERE a.id IN $ids AND a.ingested = true RETURN a.id AS id";
const MARK_COMPLETE = "UNWIND $rows AS id MATCH (a:Article {id: id}) SET a.ingested = true";

/** An outcome with nothing counted yet. */
export function emptyOutcome(): BatchOutcome {
  return {
    articlesNew: 0,
    articlesSkipped: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    rows: 0,
    writeMs: 0,
    gatherMs: 0,
    failures: [],
  };
}

export async function writeBatch(driver: Driver, entries: LoadEntry[], options: WriterOptions): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  const all = entries.flatMap((e) => e.doc.articles.map((a) => a.id));
  const ids = [...new Set(all)];
  const began = performance.now();
  const done = await completeArticles(driver, ids, options.database);
  const pending = entries.filter((e) => e.doc.articles.some((a) => !done.has(a.id)));
  const failed = await loadWithRetries(driver, pending, options, outcome);
  const ended = performance.now();
  outcome.writeMs = ended - began - outcome.gatherMs;
  // Gathering (loadOnce: merging, ordering and planning the rows) runs between the first read and the load; the
  // span has the writes' length, its start moved by the gathering time, which is close enough for telling
  // concurrent loads apart.
  outcome.writeSpan = [Math.min(ended, began + outcome.gatherMs), ended];
  const failedIds = new Set(failed.flatMap((f) => f.entry.doc.articles.map((a) => a.id)));
  const written = ids.filter((id) => !done.has(id) && !failedIds.has(id));
  outcome.failures = failed;
  outcome.articlesNew = written.length;
  outcome.articlesSkipped = all.filter((id) => !failedIds.has(id)).length - written.length;
  return outcome;
}

async function completeArticles(driver: Driver, ids: string[], database?: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { records } = await driver.executeQuery(COMPLETE_ARTICLES, { ids }, { routing: "READ", database });
  return new Set(records.map((r) => r.get("id") as string));
}

/** Loads the entries together; on a lasting failure, one at a time, so one bad document cannot sink its batch. */
async function loadWithRetries(
  driver: Driver,
  entries: LoadEntry[],
  options: WriterOptions,
  outcome: BatchOutcome,
): Promise<LoadFailure[]> {
  if (entries.length === 0) return [];
  try {
    await loadOnce(driver, entries, options, outcome);
    return [];
  } catch (error) {
    const loadError = asLoadError(error);
    if (serverGone(loadError)) throw loadError;
    if (entries.length === 1) return [{ entry: entries[0]!, error: loadError }];
    const failures: LoadFailure[] = [];
    for (const entry of entries) failures.push(...(await loadWithRetries(driver, [entry], options, outcome)));
    return failures;
  }
}

async function loadOnce(
  driver: Driver,
  entries: LoadEntry[],
  options: WriterOptions,
  outcome: BatchOutcome,
): Promise<void> {
  // Gathering: the documents merged, their rows in lock order and planned (planLoad), all on the main thread and
  // before anything is sent, so not counted as writing. A document that cannot be planned throws here and is set
  // aside by loadWithRetries.
  const gathering = performance.now();
  const doc = inLockOrder(mergeDocs(entries.map((e) => e.doc)));
  const plan = options.atomicLoads ? undefined : planLoad(doc);
  outcome.gatherMs += performance.now() - gathering;
  const ids = doc.articles.map((a) => a.id);
  const { batchSize, database } = options;
  const once = async () => {
    try {
      if (!plan) {
        const counts = await loadAtomically(driver, doc, { batchSize, database, markComplete: MARK_COMPLETE });
        outcome.nodesCreated += counts.nodesCreated;
        outcome.relationshipsCreated += counts.relationshipsCreated;
        outcome.rows += counts.rows;
        return;
      }
      // The mark commits with the load's last transaction (loadPlan's `finish`), once all else has.
      const finish = { query: MARK_COMPLETE, rows: ids };
      // The run waits for the search indexes once, at its end (ingest/batch/index.ts).
      const counts = await loadPlan(driver, plan, {
        batchSize,
        schema: false,
        database,
        finish,
        awaitSearch: false,
      });
      outcome.nodesCreated += counts.nodesCreated;
      outcome.relationshipsCreated += counts.relationshipsCreated;
      outcome.rows +=
        Object.values(counts.nodes).reduce((a, b) => a + (b ?? 0), 0) +
        Object.values(counts.relationships).reduce((a, b) => a + b, 0);
    } catch (error) {
      throw asLoadError(error);
    }
  };
  // The driver already retried transient errors (deadlocks, a dropped connection) inside each transaction for
  // its maxTransactionRetryTime; these retries run the whole load again after a pause, which outlasts a longer
  // lock contention. A server still unreachable after the driver's retries is not waited for: the run stops.
  await withRetries(once, {
    attempts: options.loadRetries + 1,
    baseMs: 500,
    maxMs: 8000,
    retryOn: (error) => error instanceof Neo4jLoadError && error.retriable && !serverGone(error),
  });
}

/**
 * Rows in one global order (entities by id, relationships by type, target, source): loads running at the same
 * time then take their locks on shared nodes (中国, 国务院…) in the same order and wait for each other instead
 * of deadlocking.
 */
export function inLockOrder(doc: GraphDoc): GraphDoc {
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    articles: [...doc.articles].sort((a, b) => byKey(a.id, b.id)),
    entities: [...doc.entities].sort((a, b) => byKey(a.id, b.id)),
    relations: [...doc.relations].sort(
      (a, b) => byKey(a.type, b.type) || byKey(a.target, b.target) || byKey(a.source, b.source),
    ),
  };
}

/** The driver error underneath our wrappers. */
function rootCause(error: unknown): unknown {
  let e = error;
  while (e instanceof Neo4jLoadError && e.cause !== undefined) e = e.cause;
  return e;
}

/** Whether the failure means the server is gone (after the driver's own reconnect attempts). */
export function serverGone(error: unknown): boolean {
  return isUnavailable(rootCause(error));
}

function asLoadError(error: unknown): Neo4jLoadError {
  if (error instanceof Neo4jLoadError) return error;
  const retriable = isTransient(error);
  const message = error instanceof Error ? error.message : String(error);
  return new Neo4jLoadError(
    `ingest/batch: writing to Neo4j failed: ${message}; check the server and run the ingest again`,
    retriable,
    { cause: error },
  );
}
