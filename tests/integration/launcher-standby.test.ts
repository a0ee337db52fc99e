// A launcher started for `ingest --bulk` before its CSV exists (--await-import) warms up on a store of its own,
// answers nothing meanwhile, and never leaves the database stopped: told that no import comes (the ingest failed),
// or finding the ingest gone, it starts the store as it was, without the warm-up's nodes. Each case uses its own
// port and data folder beside the test Neo4j.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { boltAnswers, openDriver } from "../../cypher/driver.js";
import {
  boltUri,
  cancelImport,
  dbPaths,
  findProjectRoot,
  importFilePath,
  launcherDir,
  resolveDbSettings,
  startNeo4j,
  stopNeo4j,
} from "../../db/index.js";
import { javaArgs, javaCommand } from "../../db/options.js";
import { isLauncherProcess } from "../../db/process.js";

// A warm-up import and start on a cold JVM, then the real start: tens of seconds on a busy 2-core machine.
const TIMEOUT = 400_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitUntil(what: string, test: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function nodeCount(uri: string): Promise<number> {
  const driver = await openDriver({ uri });
  try {
    const { records } = await driver.executeQuery("MATCH (n) RETURN count(n) AS n", {}, { routing: "READ" });
    return Number(records[0]?.get("n"));
  } finally {
    await driver.close();
  }
}

describe("a launcher standing by for an import", () => {
  const dir = mkdtempSync(join(tmpdir(), "jianwen-standby-"));
  const root = findProjectRoot();

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A free port, a data folder and an empty work folder (where the import file goes) for one case. */
  const place = async (name: string) => {
    const work = join(dir, `${name}-work`);
    mkdirSync(work);
    return { port: await freePort(), data: join(dir, `${name}-data`), work };
  };

  it(
    "warms up without answering, then starts the store as it was when told no import comes",
    { timeout: TIMEOUT },
    async () => {
      const { port, data, work } = await place("cancel");
      const { logFile } = dbPaths(root, resolveDbSettings({ port, data }));
      const logStart = existsSync(logFile) ? readFileSync(logFile).length : 0;
      const log = () => (existsSync(logFile) ? readFileSync(logFile).subarray(logStart).toString("utf8") : "");
      const starting = startNeo4j({ port, data, ignoreEnv: true, importFile: importFilePath(work), awaitImport: true });
      starting.catch(() => undefined);
      try {
        await waitUntil("the launcher to stand by", () => log().includes("standing by for the import file"), TIMEOUT);
        expect(log()).toMatch(/warm-up import and start done in \d+ ms/);
        expect(await boltAnswers(boltUri(port))).toBe(false);
        cancelImport(work);
        const started = await starting;
        expect(started.started).toBe(true);
        expect(log()).toMatch(/import cancelled; starting the database as it was/);
        expect(await boltAnswers(boltUri(port))).toBe(true);
        // The warm-up's store was its own: none of its nodes are in the database, and its folder is gone.
        expect(await nodeCount(boltUri(port))).toBe(0);
        expect(existsSync(join(data, "warm-up"))).toBe(false);
      } finally {
        await stopNeo4j({ port, ignoreEnv: true });
      }
    },
  );

  it(
    "starts the store as it was when the ingest it stands by for exits without writing the import file",
    { timeout: TIMEOUT },
    async () => {
      const { port, data, work } = await place("orphan");
      // The ingest: a process that exits a few seconds in, long before the warm-up is over.
      const ingest = spawn("sleep", ["3"], { stdio: "ignore" });
      const args = javaArgs(launcherDir(root), resolveDbSettings({ port }), data, {
        importFile: importFilePath(work),
        awaitImport: true,
      });
      args[args.indexOf("--await-import") + 1] = String(ingest.pid);
      const logFile = join(dir, "orphan.log");
      const out = openSync(logFile, "a");
      const launcher = spawn(javaCommand(), args, { cwd: root, detached: true, stdio: ["ignore", out, out] });
      launcher.unref();
      const log = () => readFileSync(logFile, "utf8");
      try {
        await waitUntil("Bolt to answer", () => boltAnswers(boltUri(port)), TIMEOUT);
        expect(log()).toMatch(
          new RegExp(`the ingest \\(pid ${ingest.pid}\\) that was to write it has exited; no import`),
        );
        expect(log()).toMatch(/import cancelled; starting the database as it was/);
        expect(await nodeCount(boltUri(port))).toBe(0);
      } finally {
        if (launcher.pid && isLauncherProcess(launcher.pid)) process.kill(launcher.pid, "SIGTERM");
        await waitUntil("the launcher to stop", () => !launcher.pid || !isLauncherProcess(launcher.pid), 60_000);
      }
    },
  );
});
