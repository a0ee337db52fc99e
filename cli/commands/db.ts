// `jianwen db start|stop|status`: a local Neo4j (embedded, Java launcher in neo4j/) for development and tests.
// The launcher code is imported inside each action so `jianwen --help` stays fast.
import { Command, Option } from "commander";
import { portNumber, wholeNumber } from "../options.js";

interface DbFlags {
  port?: number;
  data?: string;
  heap?: string;
  timeout?: number;
}

function withFlags(command: Command): Command {
  return command
    .addOption(new Option("--port <n>", "Bolt port on 127.0.0.1 (default 7687)").argParser(portNumber("db", "--port")))
    .option("--data <dir>", "data folder (default .jianwen/neo4j-<port> in the project)");
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function define(): Command {
  const db = new Command("db").description(
    "run a local Neo4j 5.26 (embedded, Bolt on 127.0.0.1, no auth) for development and tests; NEO4J_URI overrides it",
  );

  withFlags(db.command("start"))
    .description("start Neo4j in the background and return once Bolt answers (builds the launcher on first use)")
    .option("--heap <size>", "Java heap, as for -Xmx (default 1g or JIANWEN_NEO4J_HEAP)")
    .addOption(
      new Option("--timeout <seconds>", "how long to wait for Bolt")
        .default(120)
        .argParser(wholeNumber("db start", "--timeout")),
    )
    .action(async (flags: DbFlags) => {
      const { startNeo4j, neo4jStatus } = await import("../../db/index.js");
      if (process.env.NEO4J_URI) {
        const status = await neo4jStatus();
        say(
          `jianwen db: NEO4J_URI is set; using ${status.uri} (${status.answers ? "answers" : "NOT answering"}), starting nothing`,
        );
        if (!status.answers) process.exitCode = 3;
        return;
      }
      const result = await startNeo4j({
        port: flags.port,
        data: flags.data,
        heap: flags.heap,
        startTimeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
        log: say,
      });
      const verb = result.started ? `started in ${(result.elapsedMs / 1000).toFixed(1)} s` : "already running";
      process.stdout.write(
        `Neo4j ${verb}: ${result.uri} (pid ${result.pid}, data ${result.data}, log ${result.log})\n`,
      );
    });

  withFlags(db.command("stop"))
    .description("stop the Neo4j started by `jianwen db start` on that port (SIGTERM, waits for a clean shutdown)")
    .action(async (flags: DbFlags) => {
      const { stopNeo4j } = await import("../../db/index.js");
      const result = await stopNeo4j({ port: flags.port, data: flags.data });
      if (result.stopped) process.stdout.write(`Neo4j stopped (pid ${result.pid})\n`);
      if (result.note) say(`jianwen db: ${result.note}`);
    });

  withFlags(db.command("status"))
    .description(
      "tell whether Neo4j is running: pid, Bolt URI, data folder (exit code 0 when Bolt answers, 1 when not)",
    )
    .option("--json", "print the status as JSON")
    .action(async (flags: DbFlags & { json?: boolean }) => {
      const { neo4jStatus } = await import("../../db/index.js");
      const status = await neo4jStatus({ port: flags.port, data: flags.data });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(status)}\n`);
      } else if (status.external) {
        process.stdout.write(`external (NEO4J_URI): ${status.uri} ${status.answers ? "answers" : "does NOT answer"}\n`);
      } else if (status.pid !== undefined) {
        const health = status.answers ? "" : " (process alive, Bolt not answering yet)";
        process.stdout.write(
          `running: ${status.uri} pid ${status.pid} since ${status.startedAt}${health}\n  data ${status.data}\n  log  ${status.log}\n`,
        );
      } else if (status.answers) {
        process.stdout.write(`running: ${status.uri} answers, but was not started by jianwen db start (no pid file)\n`);
      } else {
        process.stdout.write(
          `not running: nothing answers at ${status.uri}${status.stalePidFile ? " (stale pid file)" : ""}\n`,
        );
      }
      // Scripts can test the exit code: 0 when a server answers.
      if (!status.answers) process.exitCode = 1;
    });

  return db;
}
