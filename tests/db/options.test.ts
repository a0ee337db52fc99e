// The pure parts of `jianwen db`: settings validation, paths, the java command line, when to rebuild the
// launcher, pid records and log tails.
import { describe, expect, it } from "vitest";
import { SettingsError } from "../../core/errors.js";
import {
  boltUri,
  dbPaths,
  DEFAULT_DB_SETTINGS,
  javaArgs,
  launcherNeedsBuild,
  LEAN_JIT_FLAGS,
  parsePidRecord,
  parsePort,
  resolveDbSettings,
  tailLines,
} from "../../db/options.js";

describe("resolveDbSettings", () => {
  it("fills in the defaults: port 7687, 1g heap, 512 MB page cache", () => {
    const s = resolveDbSettings({}, {});
    expect(s).toEqual(DEFAULT_DB_SETTINGS);
    expect([s.port, s.heap, s.pageCacheMb]).toEqual([7687, "1g", 512]);
  });

  it("keeps defaults for options passed as undefined, as commander does for flags not given", () => {
    expect(resolveDbSettings({ port: undefined, heap: undefined }, {}).port).toBe(7687);
  });

  it("takes the heap from JIANWEN_NEO4J_HEAP unless an option says otherwise", () => {
    expect(resolveDbSettings({}, { JIANWEN_NEO4J_HEAP: "768m" }).heap).toBe("768m");
    expect(resolveDbSettings({ heap: "2g" }, { JIANWEN_NEO4J_HEAP: "768m" }).heap).toBe("2g");
  });

  it.each([
    { partial: { port: 0 } },
    { partial: { port: 70000 } },
    { partial: { port: Number.NaN } },
    { partial: { heap: "lots" } },
    { partial: { pageCacheMb: 1 } },
    { partial: { startTimeoutMs: 0 } },
  ])("refuses $partial with a SettingsError", ({ partial }) => {
    expect(() => resolveDbSettings(partial, {})).toThrow(SettingsError);
  });
});

describe("parsePort", () => {
  it("reads a port number", () => {
    expect(parsePort("7700")).toBe(7700);
  });

  it.each(["", "abc", "77.5", "-1", "0", "65536"])("refuses %j", (text) => {
    expect(() => parsePort(text)).toThrow(SettingsError);
  });
});

describe("dbPaths", () => {
  it("keeps data, pid and log per port under <project>/.jianwen", () => {
    expect(dbPaths("/p", { port: 7700 })).toEqual({
      stateDir: "/p/.jianwen",
      dataDir: "/p/.jianwen/neo4j-7700",
      pidFile: "/p/.jianwen/neo4j-7700.pid",
      logFile: "/p/.jianwen/neo4j-7700.log",
    });
  });

  it("takes a relative --data folder from the working directory and an absolute one as given", () => {
    expect(dbPaths("/p", { port: 7687, data: "db" }, "/home/me").dataDir).toBe("/home/me/db");
    expect(dbPaths("/p", { port: 7687, data: "/srv/neo4j" }, "/home/me").dataDir).toBe("/srv/neo4j");
  });
});

describe("javaArgs", () => {
  it("passes heap, classpath of classes and copied jars, port, data and page cache to the launcher", () => {
    const args = javaArgs("/p/neo4j", resolveDbSettings({ port: 7700, heap: "768m" }, {}), "/d");
    expect(args[0]).toBe("-Xmx768m");
    expect(args[args.indexOf("-cp") + 1]).toBe("/p/neo4j/target/classes:/p/neo4j/target/lib/*");
    expect(args.slice(args.indexOf("jianwen.EmbeddedNeo4j"))).toEqual([
      "jianwen.EmbeddedNeo4j",
      "--port",
      "7700",
      "--data",
      "/d",
      "--pagecache-mb",
      "512",
    ]);
  });

  it("compiles with C2 on a shallow inlining budget unless JIANWEN_NEO4J_JIT says otherwise, and refuses other values", () => {
    const lean = javaArgs("/p/neo4j", resolveDbSettings({}, {}), "/d");
    for (const flag of LEAN_JIT_FLAGS) expect(lean).toContain(flag);
    expect(lean.some((a) => a.startsWith("-XX:TieredStopAtLevel"))).toBe(false);
    // The flags come before the launcher's class: after it they would be the program's arguments, not the JVM's.
    expect(lean.indexOf(LEAN_JIT_FLAGS[0])).toBeLessThan(lean.indexOf("jianwen.EmbeddedNeo4j"));
    const quick = javaArgs("/p/neo4j", resolveDbSettings({}, { JIANWEN_NEO4J_JIT: "quick" }), "/d");
    expect(quick).toContain("-XX:TieredStopAtLevel=1");
    expect(quick.some((a) => a.startsWith("-XX:MaxInline"))).toBe(false);
    const full = javaArgs("/p/neo4j", resolveDbSettings({}, { JIANWEN_NEO4J_JIT: "full" }), "/d");
    expect(full.some((a) => a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:MaxInline"))).toBe(false);
    expect(() => resolveDbSettings({}, { JIANWEN_NEO4J_JIT: "fast" })).toThrow(/lean, quick, full/);
  });

  it("runs the parallel collector unless JIANWEN_NEO4J_GC=g1, and refuses other values", () => {
    const args = javaArgs("/p/neo4j", resolveDbSettings({}, {}), "/d");
    expect(args).toContain("-XX:+UseParallelGC");
    expect(args).not.toContain("-XX:+UseG1GC");
    const g1 = javaArgs("/p/neo4j", resolveDbSettings({}, { JIANWEN_NEO4J_GC: "g1" }), "/d");
    expect(g1).toContain("-XX:+UseG1GC");
    expect(g1).not.toContain("-XX:+UseParallelGC");
    expect(() => resolveDbSettings({}, { JIANWEN_NEO4J_GC: "zgc" })).toThrow(/parallel or g1/);
  });

  it("asks the launcher to import and to create the schema only when ingest --bulk gives the files", () => {
    const settings = resolveDbSettings({}, {});
    expect(javaArgs("/p/neo4j", settings, "/d", {})).not.toContain("--import");
    const args = javaArgs("/p/neo4j", settings, "/d", { importFile: "/w/import.args", schemaFile: "/w/schema.cypher" });
    expect(args.slice(-4)).toEqual(["--import", "/w/import.args", "--schema", "/w/schema.cypher"]);
    // Started before the file exists: the launcher stands by while this process, which will write it, lives.
    const early = javaArgs("/p/neo4j", settings, "/d", { importFile: "/w/import.args", awaitImport: true });
    expect(early.slice(-4)).toEqual(["--import", "/w/import.args", "--await-import", String(process.pid)]);
  });

  it("builds the URI on loopback only", () => {
    expect(boltUri(7700)).toBe("bolt://127.0.0.1:7700");
  });
});

describe("launcherNeedsBuild", () => {
  const built = { pom: 100, sources: [100], compiledClass: 150, stamp: 200, libCount: 213 };
  it.each([
    { name: "nothing changed since the last build", state: built, expected: false },
    { name: "the pom changed", state: { ...built, pom: 300 }, expected: true },
    { name: "a Java source changed", state: { ...built, sources: [100, 300] }, expected: true },
    { name: "the class is missing", state: { ...built, compiledClass: undefined }, expected: true },
    { name: "no jars were copied", state: { ...built, libCount: 0 }, expected: true },
    {
      name: "Maven alone built it (no stamp, class newer than sources)",
      state: { ...built, stamp: undefined },
      expected: false,
    },
    {
      name: "the pom changed after a Maven-only build",
      state: { ...built, stamp: undefined, pom: 160 },
      expected: true,
    },
  ])("says $expected when $name", ({ state, expected }) => {
    expect(launcherNeedsBuild(state)).toBe(expected);
  });
});

describe("parsePidRecord", () => {
  it("reads the record `db start` writes", () => {
    const record = { pid: 42, port: 7700, uri: "bolt://127.0.0.1:7700", data: "/d", log: "/l", startedAt: "t" };
    expect(parsePidRecord(JSON.stringify(record))).toEqual(record);
  });

  it.each(["", "12345", "{}", '{"pid":-1,"port":1,"uri":"u"}', '{"pid":"1","port":1,"uri":"u"}'])(
    "treats %j as no record",
    (text) => {
      expect(parsePidRecord(text)).toBeUndefined();
    },
  );
});

describe("tailLines", () => {
  it("keeps the last lines without trailing blank ones", () => {
    expect(tailLines("a\nb\nc\nd\n\n", 2)).toBe("c\nd");
    expect(tailLines("only", 5)).toBe("only");
  });
});
