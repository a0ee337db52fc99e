// startNeo4j when the launcher already runs on the port: asked for another data folder, it refuses (a benchmark
// that wiped its folder must not be handed the graph of a server someone else started, nor stop it afterwards).
// A stand-in process whose command line names the launcher class plays the running server; no Java is started.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNeo4j } from "../../db/server.js";
import { writePidRecord } from "../../db/process.js";
import { LAUNCHER_CLASS, dbPaths, resolveDbSettings } from "../../db/options.js";

const root = mkdtempSync(join(tmpdir(), "jianwen-start-running-"));
// A port nothing listens on in the test environment: the check comes before any network probe.
const port = 7611;
let standIn: ChildProcess;

beforeAll(async () => {
  mkdirSync(join(root, ".jianwen"), { recursive: true });
  standIn = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", LAUNCHER_CLASS], { stdio: "ignore" });
  await new Promise((resolve) => standIn.once("spawn", resolve));
  const paths = dbPaths(root, resolveDbSettings({ port }, {}));
  writePidRecord(paths.pidFile, {
    pid: standIn.pid!,
    port,
    uri: `bolt://127.0.0.1:${port}`,
    data: paths.dataDir,
    log: paths.logFile,
    startedAt: new Date().toISOString(),
  });
});

afterAll(() => {
  standIn?.kill();
  rmSync(root, { recursive: true, force: true });
});

describe("startNeo4j with a launcher already running on the port", () => {
  it("refuses a call that names another data folder, saying which server runs and how to stop it", async () => {
    const other = join(root, "fresh-data");
    const started = startNeo4j({ port, data: other, projectRoot: root, ignoreEnv: true });
    await expect(started).rejects.toThrow(
      new RegExp(
        `already running on port ${port} with data .*neo4j-${port} \\(pid ${standIn.pid}\\), not .*fresh-data; stop it \\(jianwen db stop --port ${port}\\)`,
      ),
    );
    expect(standIn.exitCode).toBeNull();
  });
});
