// Runs Cypher a user typed, read-only. Three guards, each enough alone for plain writes: an EXPLAIN first whose
// query type must be "r" and whose plan may call only allow-listed read procedures and no LOAD CSV; a READ
// access-mode session, so the server itself refuses writes; and a transaction timeout, so a runaway query is
// stopped on the server. Results stop at a row cap and a byte cap and say they were truncated.
import neo4j, { type Driver, type Record as Neo4jRecord } from "neo4j-driver";
import { QueryError } from "../core/errors.js";
import type { ApiQueryResult } from "../core/api.js";
import { graphOfValues, toPlain } from "./values.js";

export interface ReadOnlyOptions {
  database?: string;
  /** Server-side transaction timeout. */
  timeoutMs?: number;
  maxRows?: number;
  /** Cap on the JSON size of the rows returned. */
  maxBytes?: number;
}

export const DEFAULT_READONLY: Required<Omit<ReadOnlyOptions, "database">> = {
  timeoutMs: 10_000,
  maxRows: 1000,
  maxBytes: 5_000_000,
};

/** Procedures a user query may call: index lookups and schema introspection, nothing that changes or reveals the server. */
export const ALLOWED_PROCEDURES = new Set([
  "db.index.fulltext.querynodes",
  "db.index.fulltext.queryrelationships",
  "db.labels",
  "db.relationshiptypes",
  "db.propertykeys",
  "db.schema.visualization",
  "db.schema.nodetypeproperties",
  "db.schema.reltypeproperties",
]);

/** Plan operators refused whatever the query type says: file and URL reads, and commands about the server. */
const REFUSED_OPERATORS = [
  /^LoadCSV/i,
  /^Terminate/i,
  /^Show(?!Indexes|Constraints)/i,
  /^(Create|Drop|Alter|Grant|Deny|Revoke|Start|Stop)/i,
];

export interface ExplainResult {
  queryType: string;
  operators: string[];
  procedures: string[];
  plan: unknown;
}

interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

export async function explainQuery(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  opts: ReadOnlyOptions = {},
): Promise<ExplainResult> {
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`EXPLAIN ${cypher}`, params, {
      timeout: opts.timeoutMs ?? DEFAULT_READONLY.timeoutMs,
    });
    const summary = result.summary;
    const operators: string[] = [];
    const procedures: string[] = [];
    const walk = (node: PlanNode | false | undefined) => {
      if (!node) return;
      const op = node.operatorType.replace(/@.*$/, "");
      operators.push(op);
      if (/^ProcedureCall/i.test(op)) {
        const details = String(node.arguments?.Details ?? node.arguments?.Signature ?? "");
        procedures.push(/^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? details);
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(summary.plan as PlanNode | false);
    return { queryType: summary.queryType, operators, procedures, plan: toPlain(summary.plan) };
  } catch (error) {
    throw toQueryError(error);
  } finally {
    await session.close();
  }
}

/** Refuses anything that is not a plain read; returns the EXPLAIN it checked. */
export async function assertReadOnly(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  opts: ReadOnlyOptions = {},
): Promise<ExplainResult> {
  const prefix = /^\s*(PROFILE|EXPLAIN|CYPHER|USE)\b/i.exec(stripComments(cypher));
  if (prefix) {
    throw new QueryError(
      `cypher/readonly: queries may not start with ${prefix[1]!.toUpperCase()}; send the plain query (use --explain to see a plan)`,
      "WRITE_REFUSED",
    );
  }
  const explained = await explainQuery(driver, cypher, params, opts);
  if (explained.queryType !== "r") {
    const what =
      { w: "writes", rw: "reads and writes", s: "changes the schema" }[explained.queryType] ??
      `is of type ${explained.queryType}`;
    throw new QueryError(`cypher/readonly: the query ${what}; only read queries are allowed here`, "WRITE_REFUSED");
  }
  for (const procedure of explained.procedures) {
    if (!ALLOWED_PROCEDURES.has(procedure.toLowerCase())) {
      throw new QueryError(
        `cypher/readonly: calling ${procedure} is not allowed here; allowed: ${[...ALLOWED_PROCEDURES].join(", ")}`,
        "PROCEDURE_REFUSED",
      );
    }
  }
  const refused = explained.operators.find((op) => REFUSED_OPERATORS.some((re) => re.test(op)));
  if (refused) throw new QueryError(`cypher/readonly: ${refused} is not allowed in a read-only query`, "WRITE_REFUSED");
  return explained;
}

export interface ReadOnlyResult extends ApiQueryResult {
  /** Raw records (up to the cap), for callers that format driver values themselves. */
  records: Neo4jRecord[];
}

export async function runReadOnly(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  options: ReadOnlyOptions = {},
): Promise<ReadOnlyResult> {
  const opts = { ...DEFAULT_READONLY, ...options };
  const started = performance.now();
  await assertReadOnly(driver, cypher, params, opts);
  const session = driver.session({
    database: opts.database,
    defaultAccessMode: neo4j.session.READ,
    fetchSize: Math.max(1, Math.min(opts.maxRows + 1, 1000)),
  });
  const records: Neo4jRecord[] = [];
  const rows: unknown[][] = [];
  let columns: string[];
  let bytes = 0;
  let truncated = false;
  const tx = await session.beginTransaction({ timeout: opts.timeoutMs });
  try {
    const result = tx.run(cypher, params);
    columns = (await result.keys()).map(String);
    for await (const record of result) {
      if (rows.length >= opts.maxRows) {
        truncated = true;
        break;
      }
      const row = columns.map((c) => toPlain(record.get(c)));
      bytes += Buffer.byteLength(JSON.stringify(row));
      if (bytes > opts.maxBytes) {
        truncated = true;
        break;
      }
      rows.push(row);
      records.push(record);
    }
  } catch (error) {
    throw toQueryError(error);
  } finally {
    // Read-only: rolling back ends the transaction on the server and drops any rows not yet pulled.
    await tx.rollback().catch(() => undefined);
    await tx.close().catch(() => undefined);
    await session.close();
  }
  const graph = graphOfValues(records.flatMap((r) => r.keys.map((k) => r.get(k))));
  return { columns, rows, graph, truncated, elapsedMs: Math.round(performance.now() - started), records };
}

/**
 * Driver errors as QueryErrors with a stable code, by whose fault they are: the caller's (TIMEOUT, SYNTAX, TOO_BIG,
 * WRITE_REFUSED for writes and administration commands, NEO4J_CLIENT for any other Neo.ClientError), Neo4j being
 * away or busy (NEO4J_UNAVAILABLE), or Neo4j failing by itself (NEO4J). Neo4j's own code rides along.
 */
export function toQueryError(error: unknown): QueryError {
  if (error instanceof QueryError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  const message = error instanceof Error ? error.message : String(error);
  const refused = (text: string, ours: string) =>
    new QueryError(`cypher/readonly: ${text}: ${message} [${code || "no code"}]`, ours, {
      cause: error,
      neo4jCode: code || undefined,
    });
  if (
    /TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed.*timeout/i.test(code) ||
    (/timed? ?out/i.test(message) && /transaction/i.test(message))
  ) {
    return refused("the query ran past its time limit and was stopped", "TIMEOUT");
  }
  if (/Statement\.(SyntaxError|ArgumentError|ParameterMissing|TypeError|SemanticError|EntityNotFound)/.test(code)) {
    return refused("Neo4j cannot run this query", "SYNTAX");
  }
  if (/MemoryPoolOutOfMemoryError|MemoryLimitExceeded|TransactionOutOfMemory/.test(code)) {
    return refused(
      "the query needed more memory than Neo4j allows one query; add a LIMIT or aggregate earlier",
      "TOO_BIG",
    );
  }
  if (/AccessMode|Forbidden|Security|UnsupportedAdministrationCommand|NotSystemDatabaseError/.test(code)) {
    return refused("Neo4j refused the query as a write or an administration command", "WRITE_REFUSED");
  }
  if (code.startsWith("Neo.ClientError.")) return refused("Neo4j refused the query", "NEO4J_CLIENT");
  if (
    code === neo4j.error.SERVICE_UNAVAILABLE ||
    code === neo4j.error.SESSION_EXPIRED ||
    code.startsWith("Neo.TransientError.")
  ) {
    return refused("Neo4j is unreachable or busy; try again shortly", "NEO4J_UNAVAILABLE");
  }
  return refused("Neo4j failed", "NEO4J");
}

function stripComments(cypher: string): string {
  return cypher.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/^\s*\/\/.*$/gm, " ");
}
