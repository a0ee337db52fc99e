// Runs Neo4j's offline importer (`neo4j-admin database import full`) over CSV files from cypher/bulk-csv.ts.
// The importer writes the store files directly, so the database must be stopped meanwhile:
// - embedded launcher (`jianwen db start`): the import tool is on the launcher's classpath (org.neo4j:neo4j
//   pulls in neo4j-import-tool), so the launcher itself runs it (AdminTool with its data folder as NEO4J_HOME)
//   when started with --import, then starts the database on the imported store: one JVM start, not two;
// - docker compose: the official image's `neo4j-admin`, in a one-off container of the same service and volume.
import { spawn } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Neo4jLoadError } from "../core/errors.js";
import { ARRAY_DELIMITER_OPTION, schemaStatements, type ImportFiles } from "../cypher/index.js";
import { CANCEL_IMPORT, IMPORT_DONE_LINE, IMPORT_FAILED_LINE, tailLines } from "./options.js";

export interface ImportRun {
  ms: number;
  /** The importer's last lines: its summary of nodes, relationships and properties imported. */
  summary: string;
}

/** The importer's arguments after `database import full`, with file paths as the importer will see them. */
export function importArguments(files: ImportFiles, database: string, pathOf: (path: string) => string): string[] {
  const multiline = [...files.nodes, ...files.relationships].filter((f) => f.multiline).map((f) => pathOf(f.path));
  return [
    // First: the file options take several values each and would swallow a database name after them.
    database,
    "--overwrite-destination=true",
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    // Article texts hold line breaks. Only the files that do are named (format v2): the importer parses those
    // on one thread and the others in parallel. Paths are given as for --nodes, which the importer reads the same way.
    ...(multiline.length > 0 ? ["--multiline-fields-format=v2", `--multiline-fields=${multiline.join(",")}`] : []),
    ...files.nodes.map((f) => `--nodes=${pathOf(f.path)}`),
    ...files.relationships.map((f) => `--relationships=${pathOf(f.path)}`),
  ];
}

/** Writes the schema (cypher/schema.cypher) for the launcher's --schema: one statement a line. */
export function writeSchemaFile(path: string): string {
  // Cypher reads a line break as a space.
  writeFileSync(
    path,
    `${schemaStatements()
      .map((s) => s.replace(/\s*\n\s*/g, " "))
      .join("\n")}\n`,
  );
  return path;
}

/** Where the launcher's import file of a work folder is (`--import FILE`). */
export function importFilePath(workDir: string): string {
  return join(workDir, "import.args");
}

/**
 * Writes the importer's arguments for the embedded launcher (`--import FILE`, one a line, the database name
 * first), which runs the import in its own JVM before it starts the database (neo4j/EmbeddedNeo4j.java). The file
 * appears whole (written aside, then renamed): a launcher started with --await-import reads it once it exists.
 */
export function writeImportFile(files: ImportFiles, workDir: string, database = "neo4j"): string {
  const path = importFilePath(workDir);
  const args = [
    ...importArguments(files, database, (p) => p),
    `--report-file=${join(workDir, "import.report")}`,
    "--max-off-heap-memory=1g",
  ];
  for (const arg of args) {
    if (/[\r\n]/.test(arg))
      throw new Neo4jLoadError(`db/bulk-import: an importer argument holds a line break: ${arg}`, false);
  }
  writeWhole(path, `${args.join("\n")}\n`);
  return path;
}

/** Tells a launcher standing by for `--import` (--await-import) that no import comes: it starts the store as it was. */
export function cancelImport(workDir: string): void {
  writeWhole(importFilePath(workDir), `${CANCEL_IMPORT}\n`);
}

function writeWhole(path: string, text: string): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

/**
 * How long the launcher's warm-up import took and how long it then stood by for the import file (0 when the file
 * was there first), from its log after byte `from`; null where it did not say.
 */
export function standbyOutcome(logFile: string, from: number): { warmUpMs: number | null; standbyMs: number | null } {
  const text = readFileSync(logFile).subarray(Math.max(0, from)).toString("utf8");
  const warm = /jianwen-neo4j: warm-up import and start done in (\d+) ms/.exec(text);
  const found = /jianwen-neo4j: import file found after (\d+) ms/.exec(text);
  return { warmUpMs: warm ? Number(warm[1]) : null, standbyMs: found ? Number(found[1]) : null };
}

/**
 * What the launcher's log says of the import it ran, from byte `from` on: its time and the importer's summary,
 * or a Neo4jLoadError with the importer's last lines when it failed (the launcher then started the database empty).
 */
export function importOutcome(logFile: string, from: number): ImportRun {
  const text = readFileSync(logFile).subarray(Math.max(0, from)).toString("utf8");
  const done = new RegExp(`${IMPORT_DONE_LINE}(\\d+) ms`).exec(text);
  // The tool has been seen to exit 0 after an argument error; only its closing line says the import happened.
  if (!done || !/IMPORT DONE/.test(text)) {
    const failedAt = text.indexOf(IMPORT_FAILED_LINE);
    const output = failedAt >= 0 ? text.slice(0, text.indexOf("\n", failedAt) + 1 || text.length) : text;
    throw new Neo4jLoadError(`db/bulk-import: the Neo4j import tool failed; it said:\n${tailLines(output, 30)}`, false);
  }
  const summary = text.slice(text.indexOf("IMPORT DONE"), done.index);
  return { ms: Number(done[1]), summary: tailLines(summary, 8) };
}

/**
 * Milliseconds the launcher took to create the schema it was given (`--schema`) and fill its indexes, or null
 * when it did not (a statement failed, or the indexes did not come online).
 */
export function schemaApplied(logFile: string, from: number): number | null {
  const text = readFileSync(logFile).subarray(Math.max(0, from)).toString("utf8");
  const created = /jianwen-neo4j: schema created in (\d+) ms/.exec(text);
  const online = /jianwen-neo4j: indexes online in (\d+) ms/.exec(text);
  if (!created || !online || text.includes("jianwen-neo4j: schema failed")) return null;
  return Number(created[1]) + Number(online[1]);
}

/** Imports in a one-off container of the compose service, with the CSV folder mounted read-only at /import. */
export async function importDocker(
  service: string,
  files: ImportFiles,
  csvDir: string,
  database = "neo4j",
): Promise<ImportRun> {
  const args = [
    "compose",
    "run",
    "--rm",
    "--no-deps",
    "-v",
    `${csvDir}:/import:ro`,
    service,
    "neo4j-admin",
    "database",
    "import",
    "full",
    ...importArguments(files, database, (p) => `/import/${basename(p)}`),
  ];
  return run("docker", args, process.env, "neo4j-admin in docker compose");
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<ImportRun> {
  const began = performance.now();
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (b: Buffer) => output.push(b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => output.push(b.toString("utf8")));
    child.on("error", (error) =>
      reject(new Neo4jLoadError(`db/bulk-import: could not run ${command}: ${error.message}`, false, { cause: error })),
    );
    child.on("close", (c) => resolve(c ?? 1));
  });
  const text = output.join("");
  // The tool has been seen to exit 0 after an argument error; only its closing line says the import happened.
  if (code !== 0 || !/IMPORT DONE/.test(text)) {
    throw new Neo4jLoadError(`db/bulk-import: ${what} failed (exit ${code}); it said:\n${tailLines(text, 30)}`, false);
  }
  return { ms: performance.now() - began, summary: tailLines(text, 8) };
}
