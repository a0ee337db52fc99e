// Finds the .cypher files that ship beside the code. tsc does not copy them to dist/, so both the sources
// (run with tsx) and the compiled CLI (dist/cypher/*.js) look them up under the project's own cypher/ folder.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JianwenError } from "../core/errors.js";

let cachedRoot: string | undefined;

/** The folder holding package.json of this project, found by walking up from this module. */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "cypher", "schema.cypher"))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new JianwenError(
        `cypher/files: cannot find the project's cypher/schema.cypher above ${fileURLToPath(import.meta.url)}; reinstall Jianwen`,
      );
    }
    dir = parent;
  }
}

/** Absolute path of a file under cypher/, e.g. cypherPath("queries"). */
export function cypherPath(...parts: string[]): string {
  return join(projectRoot(), "cypher", ...parts);
}

export function readCypherFile(...parts: string[]): string {
  return readFileSync(cypherPath(...parts), "utf8");
}

/**
 * Splits a Cypher script into statements: ";" at the end of a line ends one, "//" lines are dropped.
 * Good enough for our own files, which keep ";" out of string literals.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const raw of script.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trimStart().startsWith("//") || line.trim() === "") continue;
    if (line.endsWith(";")) {
      current.push(line.slice(0, -1));
      statements.push(current.join("\n").trim());
      current = [];
    } else {
      current.push(line);
    }
  }
  const rest = current.join("\n").trim();
  if (rest) statements.push(rest);
  return statements.filter((s) => s.length > 0);
}
