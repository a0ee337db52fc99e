// `jianwen export --site DIR`: writes the explorer as a static folder with one subgraph baked in, which anyone
// can open or host without Neo4j. The subgraph comes from a GraphDoc file (`jianwen extract --json` output),
// from a read-only Cypher query, or by default from the most central entities in Neo4j. Heavy code loads
// inside the action so `jianwen --help` stays fast.
import bytes from "bytes";
import { Command } from "commander";
import { PARAM_HELP, collect, cypherParams, wholeNumber } from "../options.js";

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
    .option("--param <k=v>", `with --query: ${PARAM_HELP}`, collect, [])
    .option(
      "--limit <n>",
      "without --query: how many of the most central entities to include",
      wholeNumber("export", "--limit"),
      500,
    )
    .option(
      "--months <n>",
      "without --query: the explorer's first view instead: the people and organizations with the most facts in the last n months of articles, with their meetings, projects and places",
      wholeNumber("export", "--months"),
    )
    .option("--title <text>", "title shown in the explorer's header")
    .option("--no-articles", "leave article nodes out (with --input)")
    .action(async (flags: ExportFlags) => {
      const { SettingsError } = await import("../../core/errors.js");
      const { makeBundle, writeStaticSite } = await import("../../graph/index.js");
      if (!flags.site) throw new SettingsError("export: pass --site DIR, the folder to write");
      if (flags.input && flags.query)
        throw new SettingsError("export: --input and --query both choose the graph; pass one of them");
      let graph;
      let title = flags.title;
      if (flags.input) {
        const { readGraphDocFile } = await import("../../graph/index.js");
        const { graphDocToApiGraph } = await import("../../graph/index.js");
        graph = graphDocToApiGraph(await readGraphDocFile(flags.input), { articles: flags.articles });
        title ??= flags.input;
      } else {
        const { readSubgraph } = await import("../../graph/index.js");
        if (flags.param.length > 0 && !flags.query)
          throw new SettingsError("export: --param gives parameters of --query; pass --query too");
        const params = await cypherParams("export", flags.param);
        graph = await readSubgraph({ query: flags.query, params, limit: flags.limit, months: flags.months });
        title ??= flags.query
          ? "Cypher 查询结果"
          : flags.months
            ? `最近 ${flags.months} 个月的人物与机构`
            : `前 ${flags.limit} 个实体`;
      }
      const report = await writeStaticSite(flags.site, makeBundle(graph, title));
      process.stdout.write(
        `export: wrote ${report.dir} — ${report.nodes} nodes, ${report.edges} relationships (${bytes.format(report.bytes, { unitSeparator: " " })} of data); ` +
          `open index.html, or serve the folder with any static web server\n`,
      );
    });
}
