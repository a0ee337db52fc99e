// Applies cypher/schema.cypher: constraints and indexes, each statement `IF NOT EXISTS`, so it is safe to run
// before every load. Schema commands cannot share a transaction with data writes, so each runs on its own.
// Runs that start together on an empty database race here: `IF NOT EXISTS` is checked before the schema lock
// is taken, so a twin's commit surfaces as "an equivalent index already exists", and two creations can deadlock
// on the schema lock. Both are retried; the retry sees the twin's rule and does nothing.
import neo4j, { type Driver, type Session } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import { readCypherFile, splitStatements } from "./files.js";
import { isTransient, isUnavailable, neo4jCode, withRetries } from "./retry.js";

export interface SchemaOptions {
  database?: string;
  /** Seconds to wait for new indexes to come online; 0 skips the wait. */
  awaitIndexesSeconds?: number;
}

export function schemaStatements(): string[] {
  return splitStatements(readCypherFile("schema.cypher"));
}

/** A concurrent creation of the same rule committed first: the statement is run again and then finds it. */
export function isSchemaRace(error: unknown): boolean {
  return /^Neo\.ClientError\.Schema\.\w*(AlreadyExists|EquivalentSchemaRule)/.test(neo4jCode(error));
}

const retryOn = (error: unknown) => isSchemaRace(error) || (isTransient(error) && !isUnavailable(error));

export async function applySchema(driver: Driver, opts: SchemaOptions = {}): Promise<number> {
  const statements = schemaStatements();
  const session = driver.session({ database: opts.database, defaultAccessMode: "WRITE" });
  try {
    for (const statement of statements) await runSchemaStatement(session, statement);
    const wait = opts.awaitIndexesSeconds ?? 60;
    // A fresh full-text index fills in the background; searches right after a first load would miss nodes.
    if (wait > 0) {
      await withRetries(() => session.run("CALL db.awaitIndexes($wait)", { wait: neo4j.int(wait) }), {
        retryOn,
      }).catch((error: unknown) => {
        throw schemaError("CALL db.awaitIndexes", error);
      });
    }
  } finally {
    await session.close();
  }
  return statements.length;
}

/**
 * Waits until the eventually consistent full-text indexes (schema.cypher) hold every committed change, so that a
 * search right after a write finds what it wrote. Quick when they have caught up, as they do within moments.
 */
export async function awaitSearchIndexes(driver: Driver, database?: string): Promise<void> {
  // No bookmarks: the call concerns every commit the server has made, and a driver that outlived a restart of its
  // server on a new store (ingest --bulk) holds bookmarks of the old one, which the new store would wait for.
  await driver
    .executeQuery(
      "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()",
      {},
      // A server-side limit, so that an index that never catches up (a failed one) ends in an error, not a hang.
      { database, bookmarkManager: null, transactionConfig: { timeout: 120_000 } },
    )
    .catch((error: unknown) => {
      throw new Neo4jLoadError(
        `cypher/schema: waiting for the full-text indexes failed: ${errorMessage(error)} [${neo4jCode(error) || "no code"}]; what was written is stored, only searches may miss it for a moment`,
        isRetriable(error),
        { cause: error },
      );
    });
}

async function runSchemaStatement(session: Session, statement: string): Promise<void> {
  try {
    await withRetries(() => session.run(statement), { retryOn });
  } catch (error) {
    throw schemaError(firstLine(statement), error);
  }
}

function schemaError(what: string, error: unknown): Neo4jLoadError {
  const hint = isUnavailable(error)
    ? "check that Neo4j is running and NEO4J_URI points at it"
    : "check that the server is Neo4j 5 and that the data allows the constraint";
  return new Neo4jLoadError(
    `cypher/schema: Neo4j refused a schema statement (${what}): ${errorMessage(error)} [${neo4jCode(error) || "no code"}]; ${hint}`,
    isRetriable(error),
    { cause: error },
  );
}

function firstLine(statement: string): string {
  return statement.split("\n")[0] ?? statement;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isRetriable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { retriable?: unknown }).retriable === true;
}
