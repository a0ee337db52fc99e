// Settings for a local Neo4j started by `jianwen db`: port, data folder, heap, timeouts, and the paths and
// command line derived from them. Pure functions only, so they are unit-tested without Java or a network.
import { isAbsolute, join, resolve } from "node:path";
import { SettingsError } from "../core/errors.js";

export const DEFAULT_PORT = 7687;
export const DEFAULT_HEAP = "1g";
export const DEFAULT_PAGE_CACHE_MB = 512;
export const DEFAULT_START_TIMEOUT_MS = 120_000;
export const DEFAULT_STOP_TIMEOUT_MS = 60_000;
/** Bolt only listens on loopback: auth is disabled in the launcher, so it must never face a network. */
export const LOOPBACK = "127.0.0.1";
export const LAUNCHER_CLASS = "jianwen.EmbeddedNeo4j";
/** What the launcher prints once the database is available and warmed up. */
export const READY_LINE = "jianwen-neo4j: ready ";
/** What the launcher prints after an import it was asked to run (--import), before starting the database. */
export const IMPORT_DONE_LINE = "jianwen-neo4j: import done in ";
export const IMPORT_FAILED_LINE = "jianwen-neo4j: import failed";
/** An import file holding only this line tells a launcher standing by (--await-import) that no import comes. */
export const CANCEL_IMPORT = "--cancel";

export const JIT_MODES = ["lean", "quick", "full"] as const;
export type JitMode = (typeof JIT_MODES)[number];

/**
 * C2 with a shallow inlining budget: a compiled method inlines at most 5 levels of callees, each at most 20
 * bytecodes (100 when hot), into code of at most 500 bytes. C2's compile time grows with what it inlines;
 * Neo4j's hot paths (record changes, index seeks, commit serialization) are loops over small methods that keep
 * their speed with these bounds, while the compile work halves.
 */
export const LEAN_JIT_FLAGS = [
  "-XX:MaxInlineLevel=5",
  "-XX:MaxInlineSize=20",
  "-XX:FreqInlineSize=100",
  "-XX:InlineSmallCode=500",
] as const;

export interface DbSettings {
  port: number;
  /** Data folder; relative paths are taken from the working directory. Default: <project>/.jianwen/neo4j-<port>. */
  data?: string;
  /** Java heap, as for -Xmx (e.g. "1g", "768m"). */
  heap: string;
  pageCacheMb: number;
  /**
   * How the JVM compiles Neo4j's hot code. "lean" (default): C1, then C2 with shallow inlining (LEAN_JIT_FLAGS).
   * "quick": C1 only. "full": the JVM's own C2. Measured on a whole-corpus ingest into a fresh server (2 cores,
   * same machine and hour): the Bolt thread ran 34 CPU-s with C1 code and 21 with C2's, but full C2 spent 40
   * CPU-s compiling, the cores the extraction needed; with shallow inlining C2 compiles in 18 CPU-s and its code
   * runs as fast (the same 21 s, and a 500-article load at 23k rows/s against 10.5k with C1).
   */
  jit: JitMode;
  /**
   * The JVM's garbage collector: "parallel" (default) or "g1" (the JVM's own default). On a quiet 2-core machine
   * the whole-corpus load took 6-8% less of Neo4j's CPU with the parallel collector, whose write barriers are
   * cheaper; its pauses are longer but stay short on a heap of a gigabyte. JIANWEN_NEO4J_GC=g1 for a large heap.
   */
  gc: "parallel" | "g1";
  startTimeoutMs: number;
  stopTimeoutMs: number;
}

export const DEFAULT_DB_SETTINGS: DbSettings = {
  port: DEFAULT_PORT,
  heap: DEFAULT_HEAP,
  pageCacheMb: DEFAULT_PAGE_CACHE_MB,
  jit: "lean",
  gc: "parallel",
  startTimeoutMs: DEFAULT_START_TIMEOUT_MS,
  stopTimeoutMs: DEFAULT_STOP_TIMEOUT_MS,
};

/** Merges partial settings over the defaults (and JIANWEN_NEO4J_HEAP) and validates them up front. */
export function resolveDbSettings(partial: Partial<DbSettings> = {}, env: NodeJS.ProcessEnv = process.env): DbSettings {
  const settings: DbSettings = {
    ...DEFAULT_DB_SETTINGS,
    heap: env.JIANWEN_NEO4J_HEAP?.trim() || DEFAULT_HEAP,
    jit: (env.JIANWEN_NEO4J_JIT?.trim() || DEFAULT_DB_SETTINGS.jit) as JitMode,
    gc: (env.JIANWEN_NEO4J_GC?.trim() || "parallel") as DbSettings["gc"],
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
  if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535) {
    throw new SettingsError(`db: port must be a whole number from 1 to 65535, got ${String(settings.port)}`);
  }
  if (!/^\d+[kmgKMG]?$/.test(settings.heap)) {
    throw new SettingsError(`db: heap must look like -Xmx values such as 1g or 768m, got "${settings.heap}"`);
  }
  if (!(JIT_MODES as readonly string[]).includes(settings.jit)) {
    throw new SettingsError(`db: JIANWEN_NEO4J_JIT must be ${JIT_MODES.join(", ")}, got "${String(settings.jit)}"`);
  }
  if (settings.gc !== "parallel" && settings.gc !== "g1") {
    throw new SettingsError(`db: JIANWEN_NEO4J_GC must be parallel or g1, got "${String(settings.gc)}"`);
  }
  if (!Number.isInteger(settings.pageCacheMb) || settings.pageCacheMb < 8) {
    throw new SettingsError(`db: page cache must be at least 8 MB, got ${String(settings.pageCacheMb)}`);
  }
  for (const key of ["startTimeoutMs", "stopTimeoutMs"] as const) {
    if (!(settings[key] > 0)) throw new SettingsError(`db: ${key} must be positive, got ${String(settings[key])}`);
  }
  return settings;
}

/** Parses a --port value from the command line. */
export function parsePort(text: string): number {
  const port = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SettingsError(`db: --port must be a whole number from 1 to 65535, got "${text}"`);
  }
  return port;
}

export function boltUri(port: number): string {
  return `bolt://${LOOPBACK}:${port}`;
}

export interface DbPaths {
  stateDir: string;
  dataDir: string;
  pidFile: string;
  logFile: string;
}

/** Where one instance keeps its data, pid and log: all under <project>/.jianwen/ unless --data says otherwise. */
export function dbPaths(
  projectRoot: string,
  settings: Pick<DbSettings, "port" | "data">,
  cwd = process.cwd(),
): DbPaths {
  const stateDir = join(projectRoot, ".jianwen");
  const dataDir =
    settings.data === undefined
      ? join(stateDir, `neo4j-${settings.port}`)
      : isAbsolute(settings.data)
        ? settings.data
        : resolve(cwd, settings.data);
  return {
    stateDir,
    dataDir,
    pidFile: join(stateDir, `neo4j-${settings.port}.pid`),
    logFile: join(stateDir, `neo4j-${settings.port}.log`),
  };
}

const JIT_FLAGS: Record<JitMode, readonly string[]> = {
  lean: LEAN_JIT_FLAGS,
  quick: ["-XX:TieredStopAtLevel=1"],
  full: [],
};

/** The java command: JAVA_HOME's when set, else the one on PATH. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/** The launcher's jar (the pom's fixed finalName). */
export function launcherJar(launcherDir: string): string {
  return join(launcherDir, "target", "jianwen-neo4j.jar");
}

/** The launcher's class-data archive, written by a training run after a build (db/launcher.ts). */
export function classArchive(launcherDir: string): string {
  return join(launcherDir, "target", "jianwen-neo4j.jsa");
}

/** The JVM's options before the launcher's class: heap, JIT, collector. */
export function jvmOptions(settings: DbSettings): string[] {
  return [
    `-Xmx${settings.heap}`,
    ...JIT_FLAGS[settings.jit],
    settings.gc === "g1" ? "-XX:+UseG1GC" : "-XX:+UseParallelGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
  ];
}

/**
 * The launcher's classpath: the compiled class and the copied jars, or with a class-data archive the launcher's
 * jar instead of the class folder (the JVM archives classes from jars only).
 */
export function launcherClasspath(launcherDir: string, archived: boolean): string {
  const own = archived ? launcherJar(launcherDir) : join(launcherDir, "target", "classes");
  return [own, join(launcherDir, "target", "lib", "*")].join(":");
}

/**
 * The java argument list for the launcher. `archive`: a class-data archive the JVM maps instead of loading and
 * verifying Neo4j's classes one by one (a start took 11 CPU-seconds instead of 14).
 */
export function javaArgs(
  launcherDir: string,
  settings: DbSettings,
  dataDir: string,
  bulk: { importFile?: string | undefined; schemaFile?: string | undefined; awaitImport?: boolean | undefined } = {},
  archive?: string,
): string[] {
  return [
    ...jvmOptions(settings),
    ...(archive ? [`-XX:SharedArchiveFile=${archive}`] : []),
    "-cp",
    launcherClasspath(launcherDir, archive !== undefined),
    LAUNCHER_CLASS,
    "--port",
    String(settings.port),
    "--data",
    dataDir,
    "--pagecache-mb",
    String(settings.pageCacheMb),
    ...(bulk.importFile
      ? ["--import", bulk.importFile, ...(bulk.awaitImport ? ["--await-import", String(process.pid)] : [])]
      : []),
    ...(bulk.schemaFile ? ["--schema", bulk.schemaFile] : []),
  ];
}

/**
 * Whether the launcher must be (re)built: no compiled class or no copied jars, or the pom or a Java source is
 * newer than the last build. The last build is the later of the compiled class and the stamp written after a
 * build by `db start`: Maven leaves an up-to-date class untouched when only the pom changed, and a plain
 * `mvn package` (as CI runs it) writes no stamp. Times are milliseconds; undefined means the file is missing.
 */
export function launcherNeedsBuild(state: {
  pom: number | undefined;
  sources: (number | undefined)[];
  compiledClass: number | undefined;
  stamp: number | undefined;
  libCount: number;
}): boolean {
  if (state.compiledClass === undefined || state.libCount === 0) return true;
  const built = Math.max(state.compiledClass, state.stamp ?? 0);
  return [state.pom, ...state.sources].some((t) => t !== undefined && t > built);
}

/** The last `lines` lines of a log, for error messages. */
export function tailLines(text: string, lines = 30): string {
  const all = text.replace(/\s+$/, "").split(/\r?\n/);
  return all.slice(Math.max(0, all.length - lines)).join("\n");
}

/** The record kept in the pid file, so `status` and `stop` know what was started and where. */
export interface PidRecord {
  pid: number;
  port: number;
  uri: string;
  data: string;
  log: string;
  startedAt: string;
}

export function parsePidRecord(text: string): PidRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // An unreadable pid file is reported by the caller as "stale"; it holds no process we can trust.
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r.pid !== "number" || !Number.isInteger(r.pid) || r.pid <= 0) return undefined;
  if (typeof r.port !== "number" || typeof r.uri !== "string") return undefined;
  return {
    pid: r.pid,
    port: r.port,
    uri: r.uri,
    data: typeof r.data === "string" ? r.data : "",
    log: typeof r.log === "string" ? r.log : "",
    startedAt: typeof r.startedAt === "string" ? r.startedAt : "",
  };
}
