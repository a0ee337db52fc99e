// Applies cypher/schema.cypher: constraints and indexes, each statement `IF NOT EXISTS`, so it is safe to run
// before every load. Schema commands cannot share a transaction with data writes, so each runs on its own.
import neo4j, { type Driver } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import { readCypherFile, splitStatements } from "./files.js";

export interface SchemaOptions {
  database?: string;
  /** Seconds to wait for new indexes to come online; 0 skips the wait. */
  awaitIndexesSeconds?: number;
}

export function schemaStatements(): string[] {
  return splitStatements(readCypherFile("schema.cypher"));
}

export async function applySchema(driver: Driver, opts: SchemaOptions = {}): Promise<number> {
  const statements = schemaStatements();
  const session = driver.session({ database: opts.database, defaultAccessMode: "WRITE" });
  try {
    for (const statement of statements) {
      try {
        await session.run(statement);
      } catch (error) {
        throw new Neo4jLoadError(
          `cypher/schema: Neo4j refused a schema statement (${firstLine(statement)}): ${errorMessage(error)}; check that the server is Neo4j 5`,
          isRetriable(error),
          { cause: error },
        );
      }
    }
    const wait = opts.awaitIndexesSeconds ?? 60;
    // A fresh full-text index fills in the background; searches right after a first load would miss nodes.
    if (wait > 0) await session.run("CALL db.awaitIndexes($wait)", { wait: neo4j.int(wait) });
  } finally {
    await session.close();
  }
  return statements.length;
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
