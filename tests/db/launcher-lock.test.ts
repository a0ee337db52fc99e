// Two `db start` runs that find the launcher unbuilt at the same moment: the build lock lets one run Maven and
// the other wait and find it built. Maven is a stand-in script that takes a while and leaves what a build leaves.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureLauncherBuilt, launcherIsStale } from "../../db/launcher.js";

describe("the launcher build lock", () => {
  let dir = "";
  const saved = process.env.MVN;
  afterEach(() => {
    if (saved === undefined) delete process.env.MVN;
    else process.env.MVN = saved;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs Maven once for two builds started together", async () => {
    dir = mkdtempSync(join(tmpdir(), "jianwen-launcher-"));
    writeFileSync(join(dir, "pom.xml"), "<project/>\n");
    const runs = join(dir, "runs.log");
    const mvn = join(dir, "fake-mvn.sh");
    writeFileSync(
      mvn,
      [
        "#!/bin/sh",
        `echo start >> "${runs}"`,
        "sleep 0.4",
        "mkdir -p target/classes/jianwen target/lib",
        "touch target/classes/jianwen/EmbeddedNeo4j.class target/lib/neo4j.jar",
        `echo end >> "${runs}"`,
        "",
      ].join("\n"),
    );
    chmodSync(mvn, 0o755);
    process.env.MVN = mvn;
    mkdirSync(join(dir, "target"), { recursive: true });
    expect(launcherIsStale(dir)).toBe(true);

    const built = await Promise.all([ensureLauncherBuilt(dir), ensureLauncherBuilt(dir)]);
    expect(built.filter(Boolean)).toHaveLength(1);
    expect(readFileSync(runs, "utf8").trim().split("\n")).toEqual(["start", "end"]);
    expect(launcherIsStale(dir)).toBe(false);
  });
});
