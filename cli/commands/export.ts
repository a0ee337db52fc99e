// `jianwen export --site DIR`: writes the explorer as a static folder with one subgraph baked in, which anyone
// can open or host without Neo4j. The subgraph comes from a GraphDoc file (`jianwen extract --json` output),
// from a read-only Cypher query, or by default from the most central entities in Neo4j. Heavy code loads
// inside the action so `jianwen --help` stays fast.
import { Command, InvalidArgumentError } from "commander";

interface ExportFlags {
  site?: string;
  input?: string;
  query?: string;
  param: string[];
  limit: number;
  months?: number;
  title?: string;
  articles: boolean;
}

function positiveInt(v: string): number {
  const n = Number.parseInt(v, 10);
  if (!Number.isFinite(n) || n <= 0 || String(n) !== v.trim())
    throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

export function define(): Command {
  return new Command("export")
    .description("write the explorer with a chosen subgraph baked in, as a static folder that works without Neo4j")
    .requiredOption(
      "--site <dir>",
      "folder to write (created if needed; existing files with the same names are replaced)",
    )
    .option(
      "--input <file>",
      "take the graph from a GraphDoc JSON file (as `jianwen extract --json` prints) instead of Neo4j",
    )
    .option(
      "--query <cypher>",
      "take the subgraph a read-only Cypher query returns (nodes and relationships in its rows)",
    )
    .option(
      "--param <k=v>",
      "query parameter (repeatable; numbers and true/false are typed)",
      (v, all: string[]) => [...all, v],
      [],
    )
    .option("--limit <n>", "without --query: how many of the most central entities to include", positiveInt, 500)
    .option(
      "--months <n>",
      "without --query: the explorer's first view instead: the people and organizations with the most facts in the last n months of articles, with their meetings, projects and places",
      positiveInt,
    )
    .option("--title <text>", "title shown in the explorer's header")
    .option("--no-articles", "leave article nodes out (with --input)")
    .action(async (flags: ExportFlags) => {
      const { SettingsError } = await import("../../core/errors.js");
      const { makeBundle, writeStaticSite } = await import("../../graph/export-site.js");
      if (!flags.site) throw new SettingsError("export: pass --site DIR, the folder to write");
      if (flags.input && flags.query)
        throw new SettingsError("export: --input and --query both choose the graph; pass one of them");
      let graph;
      let title = flags.title;
      if (flags.input) {
        const { readGraphDocFile } = await import("../../graph/export-input.js");
        const { graphDocToApiGraph } = await import("../../graph/export-api.js");
        graph = graphDocToApiGraph(await readGraphDocFile(flags.input), { articles: flags.articles });
        title ??= flags.input;
      } else {
        const { readSubgraph } = await import("../../graph/export-neo4j.js");
        graph = await readSubgraph({
          query: flags.query,
          params: flags.param,
          limit: flags.limit,
          months: flags.months,
        });
        title ??= flags.query
          ? "Cypher 查询结果"
          : flags.months
            ? `最近 ${flags.months} 个月的人物与机构`
            : `前 ${flags.limit} 个实体`;
      }
      const report = await writeStaticSite(flags.site, makeBundle(graph, title));
      process.stdout.write(
        `export: wrote ${report.dir} — ${report.nodes} nodes, ${report.edges} relationships (${(report.bytes / 1024).toFixed(0)} KiB of data); ` +
          `open index.html, or serve the folder with any static web server\n`,
      );
    });
}
