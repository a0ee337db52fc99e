// `jianwen start` (npm start): brings up Neo4j when needed, ingests the shipped samples or the given paths, serves the
// explorer and prints its URL. Ctrl-C stops what it started.
import { Command } from "commander";

export function define(): Command {
  return new Command("start")
    .description("Start Neo4j if needed, ingest the samples (or PATHs), and serve the explorer")
    .argument("[paths...]", "files or directories to ingest instead of the shipped samples")
    .option("--port <n>", "explorer port", "7475")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--db-port <n>", "Bolt port of the embedded Neo4j (ignored when NEO4J_URI is set)", "7687")
    .action(async (paths: string[], opts: { port: string; host: string; dbPort: string }) => {
      const { runStart } = await import("../start.js");
      await runStart(paths, { port: Number(opts.port), host: opts.host, dbPort: Number(opts.dbPort) });
    });
}
