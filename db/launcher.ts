// Finds the project folder and builds the Java launcher (neo4j/) with Maven when it is missing or older than
// its pom or source. Dependencies land in neo4j/target/lib, so Java runs with a plain classpath.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import lockfile from "proper-lockfile";
import { Neo4jLoadError } from "../core/errors.js";
import { launcherNeedsBuild, tailLines } from "./options.js";

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
  // Inside target/ so it is ignored by git like the build itself.
  const target = join(dir, "target");
  mkdirSync(target, { recursive: true });
  const release = await lockfile.lock(target, {
    lockfilePath: join(target, ".build-lock"),
    realpath: false,
    stale: 60_000,
    update: 10_000,
    // Another build holds the lock: wait for it, however long Maven takes.
    retries: { forever: true, minTimeout: 500, maxTimeout: 1000 },
    onCompromised: (error) =>
      log(`db: the launcher build lock was taken over (${error.message}); another build may run beside this one`),
  });
  try {
    if (!launcherIsStale(dir)) return false;
    return await runMaven(dir, log);
  } finally {
    await release().catch(() => undefined);
  }
}

async function runMaven(dir: string, log: (line: string) => void): Promise<boolean> {
  log(
    `db: building the Neo4j launcher (mvn -q -B package in ${dir}); the first build may download Neo4j from Maven Central`,
  );
  const mvn = process.env.MVN ?? "mvn";
  const output: string[] = [];
  const code = await new Promise<number>((resolveCode, reject) => {
    const child = spawn(mvn, ["-q", "-B", "package"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (b: Buffer) => output.push(b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => output.push(b.toString("utf8")));
    child.on("error", (error) =>
      reject(
        new Neo4jLoadError(
          `db: could not run Maven (${mvn}): ${error.message}; install Maven 3.8+ and Java 17, or set NEO4J_URI to a running Neo4j`,
          false,
          { cause: error },
        ),
      ),
    );
    child.on("close", (c) => resolveCode(c ?? 1));
  });
  if (code === 0) writeFileSync(stampFile(dir), `${new Date().toISOString()}\n`);
  if (code !== 0 || launcherIsStale(dir)) {
    throw new Neo4jLoadError(
      `db: building the Neo4j launcher failed (mvn exit ${code}); Maven said:\n${tailLines(output.join(""), 40)}`,
      false,
    );
  }
  return true;
}
