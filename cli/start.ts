// The main job behind `npm start`: Neo4j (started when nothing answers), an ingest of the shipped samples or the
// user's paths, then the explorer. Ctrl-C closes the server and stops only what this run started.
import { join } from "node:path";
import { connectionSettingsFromEnv, curationPath, openDriver } from "../cypher/index.js";
import { ensureNeo4j, findProjectRoot } from "../db/index.js";
import { createServer } from "../service/index.js";
import { defaultReportPath, ingestPaths, summaryText } from "../ingest/batch/index.js";

export interface StartOptions {
  port: number;
  host: string;
  dbPort: number;
}

export async function runStart(paths: string[], options: StartOptions): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say("jianwen: checking Neo4j …");
  const db = await ensureNeo4j({ port: options.dbPort });
  say(`jianwen: Neo4j at ${db.uri}${db.startedByUs ? " (started by this run)" : ""}`);
  const driver = await openDriver({ ...connectionSettingsFromEnv(), uri: db.uri });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server?.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
    await db.stop();
    process.exit(code);
  };
  let server: Awaited<ReturnType<typeof createServer>> | undefined;
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  try {
    const inputs = paths.length ? paths : [join(findProjectRoot(), "samples")];
    say(`jianwen: ingesting ${inputs.join(", ")}`);
    const outcome = await ingestPaths(inputs, {
      driver,
      progress: process.stdout.isTTY ? "bar" : "lines",
      report: defaultReportPath(),
      curation: curationPath(),
    });
    say(summaryText(outcome.summary, outcome.reportFile));
    server = await createServer({ driver, host: options.host, port: options.port });
    const url = await server.listen();
    say(
      `\njianwen: the explorer is at ${url}  (Ctrl-C stops it${db.startedByUs ? " and the Neo4j this run started" : ""})`,
    );
  } catch (error) {
    await server?.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
    await db.stop();
    throw error;
  }
}
