// `jianwen query`: runs inline Cypher or a named query from cypher/queries, always read-only (checked by EXPLAIN,
// READ session, timeout, row cap), and prints a table, CSV or JSON lines. Driver and runner load inside the action.
import { Command, Option } from "commander";
import { SettingsError } from "../../core/errors.js";

interface QueryFlags {
  param: string[];
  name?: string;
  list?: boolean;
  format: "table" | "json" | "csv";
  explain?: boolean;
  timeout: number;
  maxRows: number;
}

const TYPE_ALIASES: Record<string, "STRING" | "INTEGER" | "FLOAT" | "BOOLEAN"> = {
  string: "STRING",
  str: "STRING",
  int: "INTEGER",
  integer: "INTEGER",
  float: "FLOAT",
  number: "FLOAT",
  bool: "BOOLEAN",
  boolean: "BOOLEAN",
};

export interface ParsedParam {
  name: string;
  type?: "STRING" | "INTEGER" | "FLOAT" | "BOOLEAN";
  raw: string;
}

/** `k=v` or `k:type=v`; the value may itself hold "=". */
export function parseParamFlag(flag: string): ParsedParam {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+))?=([\s\S]*)$/.exec(flag);
  if (!m)
    throw new SettingsError(
      `query: --param "${flag}" is not NAME=VALUE or NAME:TYPE=VALUE (types: int, float, bool, string)`,
    );
  const typeName = m[2]?.toLowerCase();
  const type = typeName === undefined ? undefined : TYPE_ALIASES[typeName];
  if (typeName !== undefined && !type)
    throw new SettingsError(`query: --param ${m[1]} has unknown type "${m[2]}"; use int, float, bool or string`);
  return { name: m[1]!, type, raw: m[3]! };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new SettingsError(`query: ${what} must be a positive integer, got "${value}"`);
    return n;
  };
}

export function define(): Command {
  return new Command("query")
    .description("run a read-only Cypher query, or a named one from cypher/queries, against Neo4j (NEO4J_URI)")
    .argument("[cypher]", "the Cypher to run; writes, schema commands and admin procedures are refused")
    .option("--param <k=v>", "a parameter, repeatable; type it as k:int=2023 (int, float, bool, string)", collect, [])
    .option("--name <query>", "run the named query NAME instead of inline Cypher")
    .option("--list", "list the named queries with their parameters")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .option("--explain", "show whether the query reads or writes and its plan, without running it")
    .addOption(
      new Option("--timeout <ms>", "stop the query on the server after this long")
        .default(30_000)
        .argParser(positiveInt("--timeout")),
    )
    .addOption(
      new Option("--max-rows <n>", "print at most this many rows").default(10_000).argParser(positiveInt("--max-rows")),
    )
    .addHelpText(
      "after",
      `
Examples:
  jianwen query "MATCH (p:Person)-[r]->(m:Meeting) RETURN p.name, type(r), m.name"
  jianwen query 'MATCH (a:Article) WHERE a.date STARTS WITH $year RETURN count(a)' --param year=2023
  jianwen query --name person-posts --param person=李长萍 --format csv
  jianwen query --list`,
    )
    .action(async (cypherArg: string | undefined, flags: QueryFlags) => {
      const { loadQueryLibrary, getNamedQuery, bindParams, coerceParam } = await import("../../cypher/index.js");
      if (flags.list) {
        process.stdout.write(`${listQueries([...loadQueryLibrary().values()])}\n`);
        return;
      }
      const parsed = flags.param.map(parseParamFlag);
      let cypher: string;
      let params: Record<string, unknown>;
      if (flags.name) {
        if (cypherArg) throw new SettingsError("query: give either inline Cypher or --name, not both");
        const named = getNamedQuery(flags.name);
        const given: Record<string, unknown> = {};
        for (const p of parsed) given[p.name] = p.type ? coerceParam(p.raw, p.type, `--param ${p.name}`) : p.raw;
        cypher = named.cypher;
        params = bindParams(named, given);
      } else {
        if (!cypherArg?.trim())
          throw new SettingsError(
            'query: give the Cypher to run, e.g. jianwen query "MATCH (n) RETURN count(n)", or --name/--list',
          );
        cypher = cypherArg;
        const neo4j = (await import("neo4j-driver")).default;
        params = {};
        for (const p of parsed) {
          const value = coerceParam(p.raw, p.type ?? "STRING", `--param ${p.name}`);
          params[p.name] = p.type === "INTEGER" ? neo4j.int(value as number) : value;
        }
      }

      const { connectionSettingsFromEnv, openDriver } = await import("../../cypher/index.js");
      const settings = connectionSettingsFromEnv();
      const driver = await openDriver(settings);
      try {
        const { assertReadOnly, explainQuery, runReadOnly } = await import("../../cypher/index.js");
        const opts = {
          database: settings.database,
          timeoutMs: flags.timeout,
          maxRows: flags.maxRows,
          maxBytes: Number.MAX_SAFE_INTEGER,
        };
        if (flags.explain) {
          const explained = await explainQuery(driver, cypher, params, opts);
          let verdict = "allowed: read-only";
          try {
            await assertReadOnly(driver, cypher, params, opts);
          } catch (error) {
            verdict = `refused: ${error instanceof Error ? error.message : String(error)}`;
          }
          process.stdout.write(`query type: ${explained.queryType} (${verdict})\n${formatPlan(explained.plan)}\n`);
          return;
        }
        const { formatRows } = await import("../../cypher/index.js");
        const result = await runReadOnly(driver, cypher, params, opts);
        const text = formatRows(flags.format, result.columns, result.rows);
        if (text) process.stdout.write(`${text}\n`);
        if (flags.format === "table") {
          process.stderr.write(
            `${result.rows.length} row${result.rows.length === 1 ? "" : "s"} in ${result.elapsedMs} ms\n`,
          );
        }
        if (result.truncated)
          process.stderr.write(`query: output stopped at ${flags.maxRows} rows; pass --max-rows to see more\n`);
      } finally {
        await driver.close();
      }
    });
}

function listQueries(
  queries: Array<{
    name: string;
    description: string;
    params: Array<{ name: string; type: string; description: string; default?: unknown }>;
    example: Record<string, unknown>;
  }>,
): string {
  return queries
    .map((q) => {
      const params = q.params.map(
        (p) =>
          `    --param ${p.name}  ${p.type}${p.default !== undefined ? ` (default ${JSON.stringify(p.default)})` : ""}  ${p.description}`,
      );
      const example = Object.entries(q.example)
        .map(([k, v]) => ` --param ${k}=${v === null ? "null" : String(v)}`)
        .join("");
      return [`${q.name}`, `    ${q.description}`, ...params, `    e.g. jianwen query --name ${q.name}${example}`].join(
        "\n",
      );
    })
    .join("\n\n");
}

interface PlainPlan {
  operatorType?: string;
  arguments?: { Details?: string; EstimatedRows?: number };
  children?: PlainPlan[];
}

export function formatPlan(plan: unknown, depth = 0): string {
  const node = plan as PlainPlan | null;
  if (!node?.operatorType) return "";
  const details = node.arguments?.Details ? `  ${node.arguments.Details}` : "";
  const rows =
    node.arguments?.EstimatedRows !== undefined ? `  (~${Math.round(node.arguments.EstimatedRows)} rows)` : "";
  const line = `${"  ".repeat(depth)}${node.operatorType.replace(/@.*$/, "")}${details}${rows}`;
  return [line, ...(node.children ?? []).map((c) => formatPlan(c, depth + 1))].filter(Boolean).join("\n");
}
