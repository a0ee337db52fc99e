// The launcher's class-data archive: written once after a build by a training run, used by later starts, left
// out (and not retried for that build) when the training fails, and not made without the launcher's jar or with
// JIANWEN_NEO4J_CDS=off. A stand-in `java` (JAVA_HOME) records its arguments and plays the training run.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ensureClassArchive, javaRuntimeId } from "../../db/launcher.js";
import { classArchive, javaArgs, launcherJar, resolveDbSettings } from "../../db/options.js";

const root = mkdtempSync(join(tmpdir(), "jianwen-class-archive-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const settings = resolveDbSettings({}, {});
const saved = { JAVA_HOME: process.env.JAVA_HOME, JIANWEN_NEO4J_CDS: process.env.JIANWEN_NEO4J_CDS };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** A JDK folder at `home` whose `java` logs its arguments to `calls` and then does `script`. */
function standInJdk(home: string, calls: string, script: string): void {
  mkdirSync(join(home, "bin"), { recursive: true });
  writeFileSync(join(home, "bin", "java"), `#!/bin/sh\necho "$@" >> ${calls}\n${script}\n`);
  chmodSync(join(home, "bin", "java"), 0o755);
}

let n = 0;
/** A launcher folder with a built jar, and JAVA_HOME at a stand-in JDK that does `script` (standInJdk). */
function setUp(script: string): { dir: string; calls: string } {
  const base = join(root, String(n++));
  const dir = join(base, "neo4j");
  mkdirSync(join(dir, "target", "lib"), { recursive: true });
  writeFileSync(launcherJar(dir), "jar");
  const home = join(base, "jdk");
  const calls = join(base, "calls");
  standInJdk(home, calls, script);
  process.env.JAVA_HOME = home;
  delete process.env.JIANWEN_NEO4J_CDS;
  return { dir, calls };
}

const runs = (calls: string) => (existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n").length : 0);

// Writes the file named by -XX:ArchiveClassesAtExit=, as the JVM does at exit, and says it trained.
const TRAINS = `for a in "$@"; do case "$a" in -XX:ArchiveClassesAtExit=*) echo archive > "\${a#*=}";; esac; done
echo "jianwen-neo4j: trained"`;

describe("ensureClassArchive", () => {
  it("trains once after a build, with the launcher's jar and --train, then reuses the archive", async () => {
    const { dir, calls } = setUp(TRAINS);
    expect(await ensureClassArchive(dir, settings)).toBe(classArchive(dir));
    expect(readFileSync(classArchive(dir), "utf8")).toBe("archive\n");
    const args = readFileSync(calls, "utf8");
    expect(args).toContain(`-XX:ArchiveClassesAtExit=${classArchive(dir)}.partial`);
    expect(args).toContain(launcherJar(dir));
    expect(args.trim().endsWith("--train")).toBe(true);
    expect(existsSync(`${classArchive(dir)}.partial`)).toBe(false);
    expect(await ensureClassArchive(dir, settings)).toBe(classArchive(dir));
    expect(runs(calls)).toBe(1);
  });

  it("trains again when the jar is newer than the archive (a new build)", async () => {
    const { dir, calls } = setUp(TRAINS);
    await ensureClassArchive(dir, settings);
    const later = new Date(Date.now() + 60_000);
    utimesSync(launcherJar(dir), later, later);
    expect(await ensureClassArchive(dir, settings)).toBe(classArchive(dir));
    expect(runs(calls)).toBe(2);
  });

  it("trains again when JAVA_HOME names another JDK, whose JVM cannot map the first one's archive", async () => {
    const { dir, calls } = setUp(TRAINS);
    const first = process.env.JAVA_HOME!;
    await ensureClassArchive(dir, settings);
    expect(readFileSync(`${classArchive(dir)}.jvm`, "utf8")).toContain(join(first, "bin", "java"));
    // A second JDK: the same stand-in, in another folder.
    const second = `${first}-other`;
    standInJdk(second, calls, TRAINS);
    process.env.JAVA_HOME = second;
    expect(await ensureClassArchive(dir, settings)).toBe(classArchive(dir));
    expect(runs(calls)).toBe(2);
    expect(readFileSync(`${classArchive(dir)}.jvm`, "utf8")).toContain(join(second, "bin", "java"));
    expect(await ensureClassArchive(dir, settings)).toBe(classArchive(dir));
    expect(runs(calls)).toBe(2);
    // Back to the first: the archive on disk is the second JDK's now.
    process.env.JAVA_HOME = first;
    await ensureClassArchive(dir, settings);
    expect(runs(calls)).toBe(3);
  });

  it("trains again when the JDK's java binary is replaced (a JDK update)", async () => {
    const { dir, calls } = setUp(TRAINS);
    await ensureClassArchive(dir, settings);
    const java = join(process.env.JAVA_HOME!, "bin", "java");
    const later = new Date(Date.now() + 60_000);
    utimesSync(java, later, later);
    await ensureClassArchive(dir, settings);
    expect(runs(calls)).toBe(2);
  });

  it("starts without an archive when the training fails, and does not retry it for that build", async () => {
    const { dir, calls } = setUp("echo 'Error: no such option' >&2; exit 3");
    const lines: string[] = [];
    expect(await ensureClassArchive(dir, settings, (l) => lines.push(l))).toBeUndefined();
    expect(lines.join("\n")).toMatch(/no class-data archive \(the training run exited with 3\)/);
    expect(readFileSync(`${classArchive(dir)}.failed`, "utf8")).toMatch(/no such option/);
    expect(existsSync(classArchive(dir))).toBe(false);
    expect(await ensureClassArchive(dir, settings)).toBeUndefined();
    expect(runs(calls)).toBe(1);
    // Another JDK is tried once: the failure was that JVM's.
    const other = `${process.env.JAVA_HOME!}-other`;
    standInJdk(other, calls, TRAINS);
    process.env.JAVA_HOME = other;
    expect(await ensureClassArchive(dir, settings)).toBe(classArchive(dir));
    expect(runs(calls)).toBe(2);
  });

  it("makes none without the launcher's jar or with JIANWEN_NEO4J_CDS=off", async () => {
    const { dir, calls } = setUp(TRAINS);
    process.env.JIANWEN_NEO4J_CDS = "off";
    expect(await ensureClassArchive(dir, settings)).toBeUndefined();
    delete process.env.JIANWEN_NEO4J_CDS;
    rmSync(launcherJar(dir));
    expect(await ensureClassArchive(dir, settings)).toBeUndefined();
    expect(runs(calls)).toBe(0);
  });
});

describe("javaRuntimeId", () => {
  it("names the binary JAVA_HOME or PATH leads to, through links, with its modification time", () => {
    const base = mkdtempSync(join(root, "jvm-"));
    mkdirSync(join(base, "jdk", "bin"), { recursive: true });
    mkdirSync(join(base, "empty"));
    mkdirSync(join(base, "links"));
    const java = join(base, "jdk", "bin", "java");
    writeFileSync(java, "#!/bin/sh\n");
    chmodSync(java, 0o755);
    symlinkSync(java, join(base, "links", "java"));
    const id = javaRuntimeId(java);
    expect(id).toMatch(new RegExp(`^${java.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\d+$`));
    expect(javaRuntimeId("java", [join(base, "empty"), join(base, "links")].join(":"))).toBe(id);
    expect(javaRuntimeId("java", join(base, "empty"))).toBe("unknown");
    utimesSync(java, new Date(1_000_000), new Date(1_000_000));
    expect(javaRuntimeId(java)).toBe(`${java} 1000000`);
  });
});

describe("javaArgs with a class-data archive", () => {
  it("maps the archive and runs the launcher from its jar, before the launcher's class", () => {
    const args = javaArgs("/p/neo4j", settings, "/d", {}, "/p/neo4j/target/jianwen-neo4j.jsa");
    const main = args.indexOf("jianwen.EmbeddedNeo4j");
    expect(args.indexOf("-XX:SharedArchiveFile=/p/neo4j/target/jianwen-neo4j.jsa")).toBeLessThan(main);
    expect(args[args.indexOf("-cp") + 1]).toBe("/p/neo4j/target/jianwen-neo4j.jar:/p/neo4j/target/lib/*");
    expect(javaArgs("/p/neo4j", settings, "/d").some((a) => a.startsWith("-XX:SharedArchiveFile"))).toBe(false);
  });
});
