// The `jianwen` command: a short dispatcher. Only the invoked subcommand's module is loaded (cli/commands/<name>.ts),
// so `extract --spans` starts fast and one command's dependencies never slow another. Only main() maps errors to
// exit codes.
import { Command, CommanderError } from "commander";
import { JianwenError } from "../core/errors.js";

/** Every subcommand with the one-line summary the top-level help shows. */
export const COMMANDS = {
  extract: "extract articles, entities and relations from files and print them (no database)",
  ingest: "extract files and load them into Neo4j (batch, resumable)",
  query: "run a read-only Cypher query or a named query and print the rows",
  serve: "serve the explorer and its read-only API",
  start: "start Neo4j if needed, ingest the samples (or PATHs), and serve the explorer",
  analyze: "compute degree, PageRank and communities in Neo4j",
  export: "export the explorer with a subgraph baked in as a static site",
  db: "start, stop or check the embedded Neo4j",
  migrate: "fold a graph loaded one relationship per article into one relationship per fact",
  curate: "record corrections (reject, merge, rename, undo) in the curation file and apply them to Neo4j",
} as const;
export type CommandName = keyof typeof COMMANDS;

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

export async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command("jianwen")
    .description("Knowledge graphs from Chinese news: extract, load into Neo4j, query and explore")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  const invoked = argv.slice(2).find((a) => !a.startsWith("-"));
  for (const [name, summary] of Object.entries(COMMANDS)) {
    if (name === invoked && isCommand(name)) {
      const mod = (await import(`./commands/${name}.js`)) as { define: () => Command };
      program.addCommand(mod.define().summary(summary).exitOverride());
    } else program.command(name).summary(summary).description(summary);
  }
  return program;
}

/** Once a failure is reported, the process gets this long to end by itself before it is ended. */
const EXIT_GRACE_MS = 3000;

/**
 * A reader that goes away (`jianwen … | head`) closes our standard output: the rest of the output has nowhere
 * to go, so the process ends quietly with the status it has, instead of dying on an unhandled EPIPE.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    });
  }
}

/**
 * After a fatal error nothing should keep the process alive; if a socket, worker or timer still does, it is
 * ended after a short grace so that the error and its exit status reach the caller. The timer itself is unref'd:
 * a process that can end sooner does.
 */
function exitSoon(): void {
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
}

export async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe();
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    exitSoon();
    if (error instanceof JianwenError) {
      process.stderr.write(`jianwen: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(
      `jianwen: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
