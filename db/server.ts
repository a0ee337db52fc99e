// Start, stop and status of a local Neo4j run by the Java launcher, plus ensureNeo4j() for `npm start`,
// tests and benches. When NEO4J_URI is set, that server is used and nothing is started or stopped.
import { spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { Neo4jLoadError } from "../core/errors.js";
import { authFor, boltAnswers, connectionSettingsFromEnv, tcpAccepts } from "../cypher/index.js";
import { ensureClassArchive, ensureLauncherBuilt, findProjectRoot, launcherDir } from "./launcher.js";
import {
  boltUri,
  dbPaths,
  IMPORT_DONE_LINE,
  IMPORT_FAILED_LINE,
  LOOPBACK,
  READY_LINE,
  javaArgs,
  javaCommand,
  resolveDbSettings,
  type DbPaths,
  type DbSettings,
} from "./options.js";
import {
  isLauncherProcess,
  readLogTail,
  readPidRecord,
  removePidFile,
  sendSignal,
  sleep,
  waitForExit,
  writePidRecord,
} from "./process.js";

export interface DbCallOptions extends Partial<DbSettings> {
  /** Progress lines (building, starting); default: silent. */
  log?: (line: string) => void;
  /** Ignore NEO4J_URI (the `db` commands with an explicit --port do not). Default false. */
  ignoreEnv?: boolean;
  /** Project folder; default: found from this module's location. */
  projectRoot?: string;
  /**
   * `ingest --bulk`: the launcher first runs Neo4j's importer with the arguments in this file (one a line, the
   * database name first; db/bulk-import.ts) into the stopped, empty store, then starts the database on it.
   */
  importFile?: string;
  /** `ingest --bulk`: schema statements (one a line) the launcher applies, and waits for, before it is ready. */
  schemaFile?: string;
  /**
   * `ingest --bulk`: the import file does not exist yet. The launcher warms up on a small store of its own, then
   * waits for the file (db/bulk-import.ts writes it whole, or cancels) as long as this process lives; the returned
   * promise settles once the database is ready after the import.
   */
  awaitImport?: boolean;
}

export interface StartResult {
  uri: string;
  pid: number;
  data: string;
  log: string;
  /** False when a launcher of ours was already running on that port. */
  started: boolean;
  elapsedMs: number;
  /** Where this start's lines begin in the log (bytes); -1 when a running launcher was found. */
  logStart: number;
}

export interface DbStatus {
  uri: string;
  /** Whether a Bolt server answers at uri. */
  answers: boolean;
  /** NEO4J_URI is set: the server is someone else's. */
  external: boolean;
  pid?: number;
  data?: string;
  log?: string;
  startedAt?: string;
  /** A pid file was left by a launcher that is no longer running. */
  stalePidFile: boolean;
}

function externalUri(options: DbCallOptions): string | undefined {
  return options.ignoreEnv ? undefined : process.env.NEO4J_URI?.trim() || undefined;
}

function context(options: DbCallOptions): { settings: DbSettings; root: string; paths: DbPaths; uri: string } {
  const settings = resolveDbSettings(options);
  const root = options.projectRoot ?? findProjectRoot();
  return { settings, root, paths: dbPaths(root, settings), uri: boltUri(settings.port) };
}

/** A claim older than this was left by a killed `db start`; longer than any first build plus start. */
const CLAIM_STALE_MS = 20 * 60_000;

/**
 * Starts the launcher in the background and returns once Bolt answers. Two callers starting the same port at
 * once (a test run and `npm start`, say) are serialised by a claim file, so one launches and the other waits
 * for it instead of launching a second JVM that fails on the port and removes the first one's pid file.
 */
export async function startNeo4j(options: DbCallOptions = {}): Promise<StartResult> {
  const { paths } = context(options);
  mkdirSync(paths.stateDir, { recursive: true });
  const claim = `${paths.pidFile}.starting`;
  for (;;) {
    try {
      writeFileSync(claim, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (claimIsStale(claim)) rmSync(claim, { force: true });
      else await sleep(500);
    }
  }
  try {
    return await startClaimed(options);
  } finally {
    rmSync(claim, { force: true });
  }
}

/** A claim whose process is gone (a `db start` killed by Ctrl-C) or that is implausibly old. */
function claimIsStale(claim: string): boolean {
  const held = statSync(claim, { throwIfNoEntry: false });
  if (!held) return false;
  if (Date.now() - held.mtimeMs > CLAIM_STALE_MS) return true;
  const pid = Number(readFileSync(claim, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - held.mtimeMs > 5000;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

async function startClaimed(options: DbCallOptions): Promise<StartResult> {
  const began = Date.now();
  const log = options.log ?? (() => undefined);
  const { settings, root, paths, uri } = context(options);

  const existing = readPidRecord(paths.pidFile);
  const running = existing !== undefined && isLauncherProcess(existing.pid) ? existing : undefined;
  if (running && options.importFile) {
    throw new Neo4jLoadError(
      `db: Neo4j is running on port ${settings.port}; the importer needs it stopped (pid ${running.pid})`,
      false,
    );
  }
  if (running && options.data !== undefined && running.data !== paths.dataDir) {
    // Asked for a database in another folder: answering with this one would give the caller (a benchmark that
    // wiped its folder for a fresh database, say) a graph it did not ask for, and its stop would end this server.
    throw new Neo4jLoadError(
      `db: Neo4j is already running on port ${settings.port} with data ${running.data} (pid ${running.pid}), not ${paths.dataDir}; stop it (jianwen db stop --port ${settings.port}) or pick another port`,
      false,
    );
  }
  if (running) {
    // Ours and alive: maybe still starting (another caller launched it a moment ago), so wait for Bolt.
    await waitForBolt(uri, running.pid, began + settings.startTimeoutMs, running.log, -1);
    return {
      uri,
      pid: running.pid,
      data: running.data,
      log: running.log,
      started: false,
      elapsedMs: Date.now() - began,
      logStart: -1,
    };
  }
  if (existing || existsSync(paths.pidFile)) removePidFile(paths.pidFile);
  if (await boltAnswers(uri)) {
    throw new Neo4jLoadError(
      `db: a Neo4j not started by jianwen already answers at ${uri}; use it with NEO4J_URI=${uri}, or pick another --port`,
      false,
    );
  }
  if (await tcpAccepts(LOOPBACK, settings.port)) {
    throw new Neo4jLoadError(
      `db: port ${settings.port} on ${LOOPBACK} is taken by a program that does not speak Bolt; pick another --port`,
      false,
    );
  }

  await ensureLauncherBuilt(launcherDir(root), log);
  const archive = await ensureClassArchive(launcherDir(root), settings, log);
  mkdirSync(paths.dataDir, { recursive: true });
  const fd = openSync(paths.logFile, "a");
  const logStart = statSync(paths.logFile).size;
  writeSync(fd, `== jianwen db start ${new Date().toISOString()} port ${settings.port} data ${paths.dataDir}\n`);
  const launched = Date.now();
  const java = javaCommand();
  log(`db: starting Neo4j on ${uri} (data ${paths.dataDir}, log ${paths.logFile})`);
  const args = javaArgs(launcherDir(root), settings, paths.dataDir, options, archive);
  const child = spawn(java, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  const pid = await Promise.race([
    new Promise<number | undefined>((resolve) => child.once("spawn", () => resolve(child.pid))),
    spawnError.then(() => undefined),
  ]);
  if (pid === undefined) {
    const error = await spawnError;
    throw new Neo4jLoadError(
      `db: could not run ${java} (${error.message}); install Java 17+ or set JAVA_HOME, or set NEO4J_URI to a running Neo4j`,
      false,
      { cause: error },
    );
  }
  child.unref();
  writePidRecord(paths.pidFile, {
    pid,
    port: settings.port,
    uri,
    data: paths.dataDir,
    log: paths.logFile,
    startedAt: new Date().toISOString(),
  });
  try {
    // The timeout counts from the launch, not from before a first-use Maven build.
    await waitForBolt(uri, pid, launched + settings.startTimeoutMs, paths.logFile, logStart, !!options.importFile);
  } catch (error) {
    if (isLauncherProcess(pid)) {
      sendSignal(pid, "SIGTERM");
      if (!(await waitForExit(pid, settings.stopTimeoutMs))) sendSignal(pid, "SIGKILL");
    }
    removePidFile(paths.pidFile);
    throw error;
  }
  return {
    uri,
    pid,
    data: paths.dataDir,
    log: paths.logFile,
    started: true,
    elapsedMs: Date.now() - began,
    logStart,
  };
}

function readyLogged(logFile: string, from: number): boolean {
  return existsSync(logFile) && readFileSync(logFile).subarray(from).includes(READY_LINE);
}

function importEnded(logFile: string, from: number): boolean {
  if (!existsSync(logFile)) return false;
  const text = readFileSync(logFile).subarray(from);
  return text.includes(IMPORT_DONE_LINE) || text.includes(IMPORT_FAILED_LINE);
}

/**
 * Waits for Bolt; with logStart >= 0, also for the launcher's ready line written after that byte of its log.
 * While an import runs first (`importing`), the start timeout counts from its end: an archive takes what it takes.
 */
async function waitForBolt(
  uri: string,
  pid: number,
  deadline: number,
  logFile: string,
  logStart: number,
  importing = false,
): Promise<void> {
  const timeout = deadline - Date.now();
  for (;;) {
    if (importing) {
      if (importEnded(logFile, logStart)) importing = false;
      else deadline = Date.now() + timeout;
    }
    if (!isLauncherProcess(pid)) {
      throw new Neo4jLoadError(
        `db: Neo4j exited before Bolt answered at ${uri}; its log (${logFile}) ends with:\n${readLogTail(logFile, Math.max(0, logStart))}`,
        false,
      );
    }
    // The launcher prints its ready line after warming up the query engine, a little after Bolt opens.
    if ((logStart < 0 || readyLogged(logFile, logStart)) && (await boltAnswers(uri, undefined, 2000))) return;
    if (Date.now() > deadline) {
      throw new Neo4jLoadError(
        `db: Bolt did not answer at ${uri} in time; stopping it. Its log (${logFile}) ends with:\n${readLogTail(logFile, Math.max(0, logStart))}`,
        true,
      );
    }
    await sleep(500);
  }
}

export interface StopResult {
  stopped: boolean;
  pid?: number;
  /** Why nothing was stopped, or that a forced kill was needed. */
  note?: string;
}

/** Sends SIGTERM to the launcher on that port and waits for it to exit (SIGKILL after the stop timeout). */
export async function stopNeo4j(options: DbCallOptions = {}): Promise<StopResult> {
  if (externalUri(options)) {
    return { stopped: false, note: `NEO4J_URI is set (${externalUri(options)}): jianwen started nothing to stop` };
  }
  const { settings, paths, uri } = context(options);
  const record = readPidRecord(paths.pidFile);
  if (!record || !isLauncherProcess(record.pid)) {
    const hadFile = existsSync(paths.pidFile);
    removePidFile(paths.pidFile);
    if (await boltAnswers(uri)) {
      return {
        stopped: false,
        note: `a Neo4j answers at ${uri} but jianwen did not start it; stop it where it was started`,
      };
    }
    return { stopped: false, note: hadFile ? "not running (removed a stale pid file)" : "not running" };
  }
  sendSignal(record.pid, "SIGTERM");
  let note: string | undefined;
  if (!(await waitForExit(record.pid, settings.stopTimeoutMs))) {
    sendSignal(record.pid, "SIGKILL");
    await waitForExit(record.pid, 10_000);
    note = `did not stop within ${settings.stopTimeoutMs} ms and was killed; Neo4j recovers from its transaction log on the next start`;
  }
  removePidFile(paths.pidFile);
  return { stopped: true, pid: record.pid, note };
}

export async function neo4jStatus(options: DbCallOptions = {}): Promise<DbStatus> {
  const external = externalUri(options);
  if (external) {
    const env = connectionSettingsFromEnv();
    return { uri: external, answers: await boltAnswers(external, authFor(env)), external: true, stalePidFile: false };
  }
  const { paths, uri } = context(options);
  const record = readPidRecord(paths.pidFile);
  const alive = record !== undefined && isLauncherProcess(record.pid);
  return {
    uri,
    answers: await boltAnswers(uri),
    external: false,
    pid: alive ? record.pid : undefined,
    data: alive ? record.data : undefined,
    log: alive ? record.log : undefined,
    startedAt: alive ? record.startedAt : undefined,
    stalePidFile: existsSync(paths.pidFile) && !alive,
  };
}

export interface Neo4jHandle {
  uri: string;
  startedByUs: boolean;
  /** Stops the server if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
}

/**
 * A Neo4j to talk to: NEO4J_URI when set; else whatever answers on the port; else a launcher started now.
 * Only a server started here is stopped by the handle's stop().
 */
export async function ensureNeo4j(options: DbCallOptions = {}): Promise<Neo4jHandle> {
  const noop = async (): Promise<void> => undefined;
  const external = externalUri(options);
  if (external) {
    const env = connectionSettingsFromEnv();
    if (!(await boltAnswers(external, authFor(env)))) {
      throw new Neo4jLoadError(
        `db: nothing answers at NEO4J_URI=${external}; start that server, or unset NEO4J_URI to let jianwen start a local one`,
        true,
      );
    }
    return { uri: external, startedByUs: false, stop: noop };
  }
  const { uri } = context(options);
  if (await boltAnswers(uri)) return { uri, startedByUs: false, stop: noop };
  const result = await startNeo4j(options);
  if (!result.started) return { uri, startedByUs: false, stop: noop };
  return {
    uri,
    startedByUs: true,
    stop: async () => {
      await stopNeo4j({ ...options, ignoreEnv: true });
    },
  };
}
