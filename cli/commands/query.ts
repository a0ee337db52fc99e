// `jianwen query`: runs inline Cypher or a named query from cypher/queries, always read-only (checked by EXPLAIN,
// READ session, timeout, row cap), and prints a table, CSV or JSON lines. Driver and runner load inside the action.
import { Command, Option } from "commander";
import { SettingsError } from "../../core/errors.js";
import { PARAM_HELP, collect, cypherParams, namedQueryParams, wholeNumber } from "../options.js";

interface QueryFlags {
  param: string[];
  name?: string;
  list?: boolean;
  format: "table" | "json" | "csv";
  explain?: boolean;
  timeout: number;
  maxRows: number;
}

export function define(): Command {
  return new Command("query")
    .description("run a read-only Cypher query, or a named one from cypher/queries, against Neo4j (NEO4J_URI)")
    .argument("[cypher]", "the Cypher to run; writes, schema commands and admin procedures are refused")
    .option("--param <k=v>", PARAM_HELP, collect, [])
    .option("--name <query>", "run the named query NAME instead of inline Cypher")
    .option("--list", "list the named queries with their parameters")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .option("--explain", "show whether the query reads or writes and its plan, without running it")
    .addOption(
      new Option("--timeout <ms>", "stop the query on the server after this long")
        .default(30_000)
        .argParser(wholeNumber("query", "--timeout")),
    )
    .addOption(
      new Option("--max-rows <n>", "print at most this many rows")
        .default(10_000)
        .argParser(wholeNumber("query", "--max-rows")),
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
      const { loadQueryLibrary, getNamedQuery, bindParams } = await import("../../cypher/index.js");
      if (flags.list) {
        process.stdout.write(`${listQueries([...loadQueryLibrary().values()])}\n`);
        return;
      }
      let cypher: string;
      let params: Record<string, unknown>;
      if (flags.name) {
        if (cypherArg) throw new SettingsError("query: give either inline Cypher or --name, not both");
        const named = getNamedQuery(flags.name);
        cypher = named.cypher;
        params = bindParams(named, await namedQueryParams("query", flags.param));
      } else {
        if (!cypherArg?.trim())
          throw new SettingsError(
            'query: give the Cypher to run, e.g. jianwen query "MATCH (n) RETURN count(n)", or --name/--list',
          );
        cypher = cypherArg;
        params = await cypherParams("query", flags.param);
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
