// `jianwen start` (npm start): brings up Neo4j when needed, ingests the shipped samples or the given paths, serves the
// explorer and prints its URL. Ctrl-C stops what it started.
import { Command, Option } from "commander";
import { portNumber } from "../options.js";

export function define(): Command {
  return new Command("start")
    .description("Start Neo4j if needed, ingest the samples (or PATHs), and serve the explorer")
    .argument("[paths...]", "files or directories to ingest instead of the shipped samples")
    .addOption(new Option("--port <n>", "explorer port").default(7475).argParser(portNumber("start", "--port", true)))
    .option("--host <host>", "address to bind", "127.0.0.1")
    .addOption(
      new Option("--db-port <n>", "Bolt port of the embedded Neo4j (ignored when NEO4J_URI is set)")
        .default(7687)
        .argParser(portNumber("start", "--db-port")),
    )
    .action(async (paths: string[], opts: { port: number; host: string; dbPort: number }) => {
      const { runStart } = await import("../start.js");
      await runStart(paths, { port: opts.port, host: opts.host, dbPort: opts.dbPort });
    });
}
