// `jianwen serve`: the explorer and its read-only API on http://127.0.0.1:7475 by default. A non-loopback
// --host needs --token (or JIANWEN_TOKEN). The service and driver load inside the action.
import { availableParallelism } from "node:os";
import { Command, Option } from "commander";
import { SettingsError } from "../../core/errors.js";
import { portNumber, wholeNumber } from "../options.js";

interface ServeFlags {
  host: string;
  port: number;
  token?: string;
  timeout: number;
  maxRows: number;
  log?: boolean;
  cache: boolean;
  maxReads: number;
  readBatch: number;
  curate?: boolean;
  curation?: string;
}

export function define(): Command {
  return new Command("serve")
    .description("serve the explorer and its read-only API over the graph in Neo4j (NEO4J_URI)")
    .addOption(new Option("--host <host>", "address to bind; anything but loopback needs --token").default("127.0.0.1"))
    .addOption(
      new Option("--port <n>", "port to listen on (0 picks a free one)")
        .default(7475)
        .argParser(portNumber("serve", "--port", true)),
    )
    .addOption(
      new Option("--token <token>", "require this token (Authorization: Bearer, or open the printed URL)").env(
        "JIANWEN_TOKEN",
      ),
    )
    .addOption(
      new Option("--timeout <ms>", "time limit of a user query")
        .default(10_000)
        .argParser(wholeNumber("serve", "--timeout")),
    )
    .addOption(
      new Option("--max-rows <n>", "rows a user query may return")
        .default(1000)
        .argParser(wholeNumber("serve", "--max-rows")),
    )
    .addOption(
      new Option(
        "--max-reads <n>",
        "graph reads of the explorer's routes run on Neo4j at once; the rest wait in line; one a CPU core by default",
      )
        .default(Math.max(2, availableParallelism()))
        .env("JIANWEN_MAX_READS")
        .argParser(wholeNumber("serve", "--max-reads")),
    )
    .addOption(
      new Option(
        "--read-batch <n>",
        "neighbour or search requests waiting for a read answered by one Neo4j query, at most (1: each alone)",
      )
        .default(16)
        .env("JIANWEN_READ_BATCH")
        .argParser(wholeNumber("serve", "--read-batch")),
    )
    .option("--no-cache", "answer every graph request from Neo4j instead of keeping answers until the graph changes")
    .option("--log", "log each request")
    .option(
      "--curate",
      "let the explorer record corrections (reject, merge, rename) in the curation file and apply them; needs --token",
    )
    .option("--curation <file>", "the curation file (default: JIANWEN_CURATION or ./curation.yaml)")
    .action(async (flags: ServeFlags) => {
      const { connectionSettingsFromEnv, openDriver } = await import("../../cypher/index.js");
      const { createServer } = await import("../../service/index.js");
      const { curationPath } = await import("../../cypher/index.js");
      if (flags.curate && !flags.token?.trim())
        throw new SettingsError(
          "serve: --curate writes to the graph, so it needs --token (or JIANWEN_TOKEN); generate one with `openssl rand -hex 16`",
        );
      const settings = connectionSettingsFromEnv();
      const driver = await openDriver(settings);
      let server;
      try {
        server = await createServer({
          driver,
          database: settings.database,
          host: flags.host,
          port: flags.port,
          token: flags.token,
          limits: { timeoutMs: flags.timeout, maxRows: flags.maxRows },
          logger: flags.log ?? false,
          cache: flags.cache ? {} : false,
          maxConcurrentReads: flags.maxReads,
          maxReadBatch: flags.readBatch,
          ...(flags.curate ? { curation: curationPath(flags.curation) } : {}),
        });
        const url = await server.listen();
        if (flags.curate) process.stdout.write(`Curation on: decisions go to ${curationPath(flags.curation)}\n`);
        process.stdout.write(
          `Jianwen explorer: ${url}\n(API: ${new URL("/api/openapi.json", url).origin}/api/openapi.json; Ctrl-C stops)\n`,
        );
      } catch (error) {
        await driver.close();
        throw error;
      }
      const stop = async () => {
        await server.close();
        await driver.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
    });
}
