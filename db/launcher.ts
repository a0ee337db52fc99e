// Finds the project folder and builds the Java launcher (neo4j/) with Maven when it is missing or older than
// its pom or source. Dependencies land in neo4j/target/lib, so Java runs with a plain classpath. After a build,
// one training run writes a class-data archive of the classes a start and an import load, which later starts map.
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import lockfile from "proper-lockfile";
import { Neo4jLoadError } from "../core/errors.js";
import { writeSchemaFile } from "./bulk-import.js";
import {
  classArchive,
  javaCommand,
  jvmOptions,
  LAUNCHER_CLASS,
  launcherClasspath,
  launcherJar,
  launcherNeedsBuild,
  tailLines,
  type DbSettings,
} from "./options.js";

/** The project root: the nearest folder above this module holding neo4j/pom.xml (works from source and dist/). */
export function findProjectRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "neo4j", "pom.xml")) && existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Neo4jLoadError(
        `db: no neo4j/pom.xml found above ${start}; run jianwen from its project folder or set NEO4J_URI to a running Neo4j`,
        false,
      );
    }
    dir = parent;
  }
}

export function launcherDir(projectRoot: string): string {
  return join(projectRoot, "neo4j");
}

function mtime(path: string): number | undefined {
  return existsSync(path) ? statSync(path).mtimeMs : undefined;
}

/** A small file's text, or undefined when it cannot be read. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function javaSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".java"))
    .map((e) => join(e.parentPath, e.name));
}

function stampFile(dir: string): string {
  return join(dir, "target", "jianwen-build.stamp");
}

export function launcherIsStale(dir: string): boolean {
  const lib = join(dir, "target", "lib");
  return launcherNeedsBuild({
    pom: mtime(join(dir, "pom.xml")),
    sources: javaSources(join(dir, "src", "main", "java")).map(mtime),
    compiledClass: mtime(join(dir, "target", "classes", "jianwen", "EmbeddedNeo4j.class")),
    stamp: mtime(stampFile(dir)),
    libCount: existsSync(lib) ? readdirSync(lib).filter((f) => f.endsWith(".jar")).length : 0,
  });
}

/**
 * Runs `mvn -q -B package` in neo4j/ when needed; returns whether it built. A lock (proper-lockfile) keeps two
 * `db start` runs (say, on different ports) from running Maven over the same target/ at once. The holder
 * refreshes the lock every few seconds, so a lock left by a killed process is taken over within a minute.
 */
export async function ensureLauncherBuilt(
  dir: string,
  log: (line: string) => void = () => undefined,
): Promise<boolean> {
  if (!launcherIsStale(dir)) return false;
  const release = await lockBuild(dir, log);
  try {
    if (!launcherIsStale(dir)) return false;
    return await runMaven(dir, log);
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Takes the lock on neo4j/target that a build and a training run hold, waiting for another holder however long
 * Maven or the training takes. Inside target/ so it is ignored by git like the build itself.
 */
async function lockBuild(dir: string, log: (line: string) => void): Promise<() => Promise<void>> {
  const target = join(dir, "target");
  mkdirSync(target, { recursive: true });
  return lockfile.lock(target, {
    lockfilePath: join(target, ".build-lock"),
    realpath: false,
    stale: 60_000,
    update: 10_000,
    retries: { forever: true, minTimeout: 500, maxTimeout: 1000 },
    onCompromised: (error) =>
      log(`db: the launcher build lock was taken over (${error.message}); another build may run beside this one`),
  });
}

async function runMaven(dir: string, log: (line: string) => void): Promise<boolean> {
  log(
    `db: building the Neo4j launcher (mvn -q -B package in ${dir}); the first build may download Neo4j from Maven Central`,
  );
  const mvn = process.env.MVN ?? "mvn";
  const run = await runCapturing(mvn, ["-q", "-B", "package"], { cwd: dir });
  if (run.error) {
    throw new Neo4jLoadError(
      `db: could not run Maven (${mvn}): ${run.error.message}; install Maven 3.8+ and Java 17, or set NEO4J_URI to a running Neo4j`,
      false,
      { cause: run.error },
    );
  }
  const code = run.code ?? 1;
  if (code === 0) writeFileSync(stampFile(dir), `${new Date().toISOString()}\n`);
  if (code !== 0 || launcherIsStale(dir)) {
    throw new Neo4jLoadError(
      `db: building the Neo4j launcher failed (mvn exit ${code}); Maven said:\n${tailLines(run.output, 40)}`,
      false,
    );
  }
  return true;
}

/**
 * Which JVM `java` (javaCommand()) is: the real path of the binary and its modification time, or "unknown" when
 * it is not found (starting it then fails with its own message). A class-data archive maps only into the JVM
 * build that wrote it; another one logs an error at every start and loads every class itself, so the archive is
 * written again when this changes (JAVA_HOME set to another JDK, the JDK package updated).
 */
export function javaRuntimeId(java = javaCommand(), path = process.env.PATH ?? ""): string {
  const candidates = java.includes("/")
    ? [java]
    : path
        .split(delimiter)
        .filter((d) => d !== "")
        .map((d) => join(d, java));
  for (const candidate of candidates) {
    try {
      const real = realpathSync(candidate);
      const stat = statSync(real);
      if (stat.isFile()) return `${real} ${Math.floor(stat.mtimeMs)}`;
    } catch {
      // Not in this folder: the next one of PATH.
    }
  }
  return "unknown";
}

/** The training run's limit: a cold import, start and dump on a busy machine take well under this. */
const TRAINING_TIMEOUT_MS = 5 * 60_000;

/**
 * The launcher's class-data archive, written once after each build, and again when Java changes, by a training
 * run (the launcher with --train under -XX:ArchiveClassesAtExit: a small import, a database started on it, the
 * schema and the warm-up queries); undefined when it cannot be had, and the launcher then starts without it. A
 * failed training is remembered for that build and JVM (a marker beside the archive), so it is not retried on
 * every start. JIANWEN_NEO4J_CDS=off: none.
 */
export async function ensureClassArchive(
  dir: string,
  settings: DbSettings,
  log: (line: string) => void = () => undefined,
): Promise<string | undefined> {
  if (process.env.JIANWEN_NEO4J_CDS?.trim() === "off") return undefined;
  const archive = classArchive(dir);
  const failed = `${archive}.failed`;
  const built = mtime(launcherJar(dir));
  if (built === undefined) return undefined;
  // An archive (or a failed training) counts for this build and this JVM: `<file>.jvm` names the JVM it is for.
  const jvm = javaRuntimeId();
  const current = (path: string) => (mtime(path) ?? 0) >= built && readText(`${path}.jvm`) === jvm;
  if (current(archive)) return archive;
  if (current(failed)) return undefined;
  const release = await lockBuild(dir, log);
  try {
    if (current(archive)) return archive;
    if (current(failed)) return undefined;
    log("db: writing the launcher's class-data archive for this Java (once after each build; about half a minute)");
    const work = mkdtempSync(join(tmpdir(), "jianwen-cds-"));
    const partial = `${archive}.partial`;
    rmSync(partial, { force: true });
    try {
      const args = [
        ...jvmOptions(settings),
        `-XX:ArchiveClassesAtExit=${partial}`,
        // The archive skips the classes of signed jars; the JVM says so for each, which is noise here.
        "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off",
        "-cp",
        launcherClasspath(dir, true),
        LAUNCHER_CLASS,
        "--data",
        join(work, "data"),
        "--schema",
        writeSchemaFile(join(work, "schema.cypher")),
        "--train",
      ];
      const run = await runCapturing(javaCommand(), args, { timeoutMs: TRAINING_TIMEOUT_MS });
      const code = run.code ?? -1;
      const output = run.error?.message ?? run.output;
      if (code !== 0 || !existsSync(partial) || !output.includes("jianwen-neo4j: trained")) {
        writeFileSync(failed, `${new Date().toISOString()} exit ${code}\n${tailLines(output, 20)}\n`);
        writeFileSync(`${failed}.jvm`, jvm);
        log(`db: no class-data archive (the training run exited with ${code}); starting without it`);
        return undefined;
      }
      renameSync(partial, archive);
      writeFileSync(`${archive}.jvm`, jvm);
      return archive;
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(partial, { force: true });
    }
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Runs a command to its end and keeps what it printed (stdout and stderr as they came); `error` when it could not
 * be started at all. `code` is null when a signal ended it (the timeout's SIGKILL among them).
 */
function runCapturing(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string; error?: Error }> {
  return new Promise((resolve) => {
    const output: string[] = [];
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs,
      killSignal: "SIGKILL",
    });
    child.stdout.on("data", (b: Buffer) => output.push(b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => output.push(b.toString("utf8")));
    child.on("error", (error) => resolve({ code: null, output: output.join(""), error }));
    child.on("close", (code) => resolve({ code, output: output.join("") }));
  });
}
