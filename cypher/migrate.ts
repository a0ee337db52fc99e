// Folds a graph loaded before facts were kept one per (source, type, target, title or role): such a graph holds
// one relationship per (article, fact), keyed "article|title", with `article`, `sentence` and `sentences`. Each
// batch reads old relationships, deletes them and writes what they say through the loader's own fact MERGE, all
// in one transaction, so a failed or killed migration loses nothing and running it again finishes the job.
// MENTIONS and REPORTED keep their relationships and only lose the per-article key. Run it with ingest stopped.
import type { Driver, ManagedTransaction } from "neo4j-driver";
import neo4j from "neo4j-driver";
import { Neo4jLoadError, SettingsError } from "../core/errors.js";
import type { PropertyValue, RelationDoc, RelationType } from "../core/model.js";
import { FACT_TYPES, foldFacts } from "./facts.js";
import { relationshipMergeQuery } from "./load.js";
import { factRow, isNodeLabel, type FactRow, type NodeLabel } from "./load-plan.js";
import { errorMessage, isRetriable } from "./schema.js";

export interface MigrateOptions {
  database?: string;
  /** Old relationships read and folded per transaction. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface MigrateCounts {
  /** Old per-article relationships folded away. */
  folded: number;
  /** Fact rows written from them (a fact already in the new form only gains their evidence). */
  facts: number;
  /** MENTIONS and REPORTED relationships whose old key was removed. */
  links: number;
}

/** A relationship of the old form: per-article key, or evidence on `article`/`sentences` instead of lists. */
const OLD = "r.articleIds IS NULL AND (r.article IS NOT NULL OR r.sentences IS NOT NULL OR r.key CONTAINS '|')";

/** What the old relationship carried that is evidence or identity, not a property of the fact. */
const OLD_EVIDENCE_KEYS = new Set(["key", "article", "sentence", "sentences", "asOf"]);

export async function migrateGraph(driver: Driver, opts: MigrateOptions = {}): Promise<MigrateCounts> {
  const batchSize = opts.batchSize ?? 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new SettingsError(`cypher/migrate: the batch size must be a positive integer, got ${batchSize}`);
  }
  const counts: MigrateCounts = { folded: 0, facts: 0, links: 0 };
  for (const type of FACT_TYPES) {
    for (;;) {
      const batch = await inWrite(driver, opts.database, `folding ${type}`, (tx) => foldBatch(tx, type, batchSize));
      if (batch.folded === 0) break;
      counts.folded += batch.folded;
      counts.facts += batch.facts;
      opts.log?.(`migrate: ${type}: ${counts.folded} old relationships folded so far`);
    }
  }
  counts.links = await cleanLinks(driver, opts.database);
  return counts;
}

async function foldBatch(
  tx: ManagedTransaction,
  type: RelationType,
  batchSize: number,
): Promise<{ folded: number; facts: number }> {
  const old = await tx.run(
    `MATCH (s)-[r:\`${type}\`]->(t)
     WHERE ${OLD}
     WITH s, r, t LIMIT $batch
     OPTIONAL MATCH (a:Article {id: r.article})
     RETURN elementId(r) AS rel, s.id AS source, labels(s) AS sourceLabels, t.id AS target, labels(t) AS targetLabels,
            properties(r) AS props, coalesce(a.date, r.asOf) AS date`,
    { batch: neo4j.int(batchSize) },
  );
  if (old.records.length === 0) return { folded: 0, facts: 0 };
  const labels = new Map<string, NodeLabel>();
  const relations: RelationDoc[] = [];
  for (const record of old.records) {
    const source = record.get("source") as string;
    const target = record.get("target") as string;
    labels.set(source, modelLabel(record.get("sourceLabels") as string[], source));
    labels.set(target, modelLabel(record.get("targetLabels") as string[], target));
    const props = record.get("props") as Record<string, unknown>;
    const properties: Record<string, PropertyValue> = {};
    for (const [k, v] of Object.entries(props)) {
      if (!OLD_EVIDENCE_KEYS.has(k) && !Array.isArray(v)) properties[k] = v as PropertyValue;
    }
    const article = typeof props.article === "string" ? props.article : null;
    const sentences = Array.isArray(props.sentences)
      ? props.sentences.map(String)
      : typeof props.sentence === "string"
        ? [props.sentence]
        : [];
    const date = (record.get("date") as string | null) ?? null;
    relations.push({
      type,
      source,
      target,
      properties,
      evidence: article ? sentences.map((sentence) => ({ article, sentence, date })) : [],
    });
  }
  // Deleted before the merge: an old relationship with no article has the new form's key ("") and would
  // otherwise be merged into and then deleted.
  await tx.run("UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r", {
    ids: old.records.map((r) => r.get("rel") as string),
  });
  const groups = new Map<string, { sourceLabel: NodeLabel; targetLabel: NodeLabel; rows: FactRow[] }>();
  const facts = foldFacts(relations);
  for (const fact of facts) {
    const sourceLabel = labels.get(fact.source)!;
    const targetLabel = labels.get(fact.target)!;
    const key = `${sourceLabel}|${targetLabel}`;
    if (!groups.has(key)) groups.set(key, { sourceLabel, targetLabel, rows: [] });
    groups.get(key)!.rows.push(factRow(fact));
  }
  for (const g of groups.values()) {
    const query = relationshipMergeQuery({
      type,
      kind: "fact",
      sourceLabel: g.sourceLabel,
      targetLabel: g.targetLabel,
    });
    await tx.run(query, { rows: g.rows });
  }
  return { folded: old.records.length, facts: facts.length };
}

/** MENTIONS and REPORTED: already one per (article, entity); the old key, article and sentence list go. */
async function cleanLinks(driver: Driver, database: string | undefined): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    // CALL … IN TRANSACTIONS commits in batches and needs an auto-commit transaction (session.run).
    const result = await session.run(
      `MATCH ()-[r:MENTIONS|REPORTED]->()
       WHERE r.key IS NOT NULL OR r.article IS NOT NULL OR r.sentences IS NOT NULL
       CALL (r) {
         SET r.sentence = coalesce(r.sentence, head(coalesce(r.sentences, [])))
         REMOVE r.key, r.article, r.sentences
       } IN TRANSACTIONS OF 10000 ROWS
       RETURN count(*) AS links`,
    );
    return Number(result.records[0]?.get("links") ?? 0);
  } catch (error) {
    throw loadError("cleaning MENTIONS and REPORTED", error);
  } finally {
    await session.close();
  }
}

function modelLabel(labels: string[], id: string): NodeLabel {
  const label = labels.find(isNodeLabel);
  if (!label) throw new Neo4jLoadError(`cypher/migrate: node ${id} has none of the model's labels`, false);
  return label;
}

async function inWrite<T>(
  driver: Driver,
  database: string | undefined,
  what: string,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    return await session.executeWrite(work);
  } catch (error) {
    throw loadError(what, error);
  } finally {
    await session.close();
  }
}

function loadError(what: string, error: unknown): Neo4jLoadError {
  if (error instanceof Neo4jLoadError) return error;
  return new Neo4jLoadError(
    `cypher/migrate: ${what} failed: ${errorMessage(error)}; run \`jianwen migrate\` again (it resumes)`,
    isRetriable(error),
    { cause: error },
  );
}
