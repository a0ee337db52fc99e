// `jianwen analyze`: computes degree, PageRank and Louvain communities over the entity graph in Neo4j and writes
// them back onto the nodes (ingest does the same after each load). Heavy modules load inside the action.
import { Command } from "commander";
import { wholeNumber } from "../options.js";

export function define(): Command {
  return new Command("analyze")
    .description(
      "compute degree, PageRank and Louvain communities of the entity graph in Neo4j and store them on the nodes",
    )
    .option(
      "--seed <n>",
      "seed for Louvain, so reruns give the same communities",
      wholeNumber("analyze", "--seed", { min: 0 }),
      42,
    )
    .option("--betweenness", "also compute betweenness centrality, whatever the graph's size (slow on large graphs)")
    .option("--no-betweenness", "skip betweenness even on small graphs")
    .action(async (flags: { seed: number; betweenness?: boolean }) => {
      const { connectionSettingsFromEnv, openDriver } = await import("../../cypher/index.js");
      const { analyzeGraph } = await import("../../graph/index.js");
      const settings = connectionSettingsFromEnv();
      const driver = await openDriver(settings);
      try {
        const r = await analyzeGraph(driver, {
          database: settings.database,
          seed: flags.seed,
          betweenness: flags.betweenness ?? "auto",
        });
        process.stdout.write(
          `analyze: ${r.nodes} entities, ${r.edges} links, ${r.communities} communities${r.betweenness ? ", betweenness" : ""} ` +
            `(read ${r.elapsedMs.read} ms, compute ${r.elapsedMs.compute} ms, write ${r.elapsedMs.write} ms)\n`,
        );
      } finally {
        await driver.close();
      }
    });
}
