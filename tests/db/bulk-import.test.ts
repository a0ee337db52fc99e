// What ingest --bulk reads from the embedded launcher's log after it ran the importer (--import) and created the
// schema (--schema): the import time and the importer's summary, a failure with the importer's own words, and
// whether the schema needs applying over Bolt; its warm-up and stand-by times. Also the argument file the
// launcher reads, and the one that cancels an import.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cancelImport,
  importFilePath,
  importOutcome,
  schemaApplied,
  standbyOutcome,
  writeImportFile,
} from "../../db/bulk-import.js";
import { CANCEL_IMPORT } from "../../db/options.js";

const dir = mkdtempSync(join(tmpdir(), "jianwen-bulk-import-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function log(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const EARLIER = "== jianwen db start earlier\njianwen-neo4j: import done in 1 ms\nIMPORT DONE in 1ms.\n";

describe("the launcher's import and schema lines", () => {
  it("reads the import time and the importer's summary of this start, not an earlier one", () => {
    const text = `${EARLIER}== jianwen db start now\njianwen-neo4j: import starting\nIMPORT DONE in 3s 20ms. \nImported:\n  12 nodes\n  30 relationships\njianwen-neo4j: import done in 3512 ms\njianwen-neo4j: schema created in 800 ms\njianwen-neo4j: indexes online in 40 ms\njianwen-neo4j: ready bolt://127.0.0.1:7700\n`;
    const file = log("ok.log", text);
    const run = importOutcome(file, EARLIER.length);
    expect(run.ms).toBe(3512);
    expect(run.summary).toMatch(/IMPORT DONE in 3s 20ms/);
    expect(run.summary).toMatch(/12 nodes/);
    expect(run.summary).not.toMatch(/jianwen-neo4j/);
    expect(schemaApplied(file, EARLIER.length)).toBe(840);
  });

  it("fails with the importer's words when the import failed, even with an earlier success in the log", () => {
    const text = `${EARLIER}== jianwen db start now\njianwen-neo4j: import starting\nInput error: Missing header of type START_ID\njianwen-neo4j: import failed (exit 1)\njianwen-neo4j: ready bolt://127.0.0.1:7700\n`;
    const file = log("failed.log", text);
    expect(() => importOutcome(file, EARLIER.length)).toThrow(/Missing header of type START_ID/);
    expect(() => importOutcome(file, EARLIER.length)).toThrow(/import failed \(exit 1\)/);
  });

  it("asks for the schema over Bolt when the launcher could not create it", () => {
    const file = log(
      "schema.log",
      "jianwen-neo4j: import done in 5 ms\njianwen-neo4j: schema failed: Unknown analyzer\njianwen-neo4j: ready\n",
    );
    expect(schemaApplied(file, 0)).toBeNull();
    expect(schemaApplied(log("none.log", "jianwen-neo4j: ready\n"), 0)).toBeNull();
  });

  it("writes the importer's arguments one a line, the database name first", () => {
    const files = {
      nodes: [{ path: "/c/nodes-Article.csv", rows: 2, multiline: true }],
      relationships: [{ path: "/c/rels-MENTIONS.csv", rows: 3, multiline: false }],
      nodeCount: 2,
      relationshipCount: 3,
    };
    const lines = readFileSync(writeImportFile(files, dir, "news"), "utf8")
      .trimEnd()
      .split("\n");
    expect(lines[0]).toBe("news");
    expect(lines).toContain("--nodes=/c/nodes-Article.csv");
    expect(lines).toContain("--relationships=/c/rels-MENTIONS.csv");
    expect(lines).toContain("--multiline-fields=/c/nodes-Article.csv");
    // Written aside and renamed: a launcher standing by never reads half a file.
    expect(existsSync(`${importFilePath(dir)}.partial`)).toBe(false);
  });

  it("cancels an import with a file the launcher reads as no import, written whole", () => {
    const work = join(dir, "cancelled");
    mkdirSync(work);
    cancelImport(work);
    expect(readFileSync(importFilePath(work), "utf8")).toBe(`${CANCEL_IMPORT}\n`);
    expect(readdirSync(work)).toEqual(["import.args"]);
  });

  it("reads the launcher's warm-up and stand-by times from its log", () => {
    const file = log(
      "standby.log",
      "jianwen-neo4j: warm-up import and start done in 12345 ms\njianwen-neo4j: standing by for the import file /w/import.args\njianwen-neo4j: import file found after 678 ms standing by\n",
    );
    expect(standbyOutcome(file, 0)).toEqual({ warmUpMs: 12345, standbyMs: 678 });
    expect(standbyOutcome(log("cold.log", "jianwen-neo4j: import done in 5 ms\n"), 0)).toEqual({
      warmUpMs: null,
      standbyMs: null,
    });
  });
});
