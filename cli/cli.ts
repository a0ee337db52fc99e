// The `jianwen` command: a short dispatcher. Each subcommand lives in cli/commands/ and lazy-loads its heavy code,
// so `jianwen --help` and `extract --spans` start fast. Only main() turns errors into exit codes.
import { Command, CommanderError } from "commander";
import { JianwenError } from "../core/errors.js";

const COMMANDS = ["extract", "ingest", "query", "serve", "start", "db", "analyze", "export"] as const;

export async function buildProgram(): Promise<Command> {
  const program = new Command("jianwen")
    .description("Knowledge graphs from Chinese news: extract, load into Neo4j, query and explore")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  for (const name of COMMANDS) {
    const mod = (await import(`./commands/${name}.js`)) as { define: () => Command };
    program.addCommand(mod.define().exitOverride());
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    const program = await buildProgram();
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof JianwenError) {
      process.stderr.write(`jianwen: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`jianwen: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
