// Runs Neo4j's offline importer (`neo4j-admin database import full`) over CSV files from cypher/bulk-csv.ts.
// The importer writes the store files directly, so the database must be stopped meanwhile:
// - embedded launcher (`jianwen db start`): the import tool is on the launcher's classpath (org.neo4j:neo4j
//   pulls in neo4j-import-tool), so it runs as `java … org.neo4j.cli.AdminTool` with NEO4J_HOME set to the
//   launcher's data folder, which is where the launcher keeps its databases;
// - docker compose: the official image's `neo4j-admin`, in a one-off container of the same service and volume.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Neo4jLoadError } from "../core/errors.js";
import { ARRAY_DELIMITER_OPTION, type ImportFiles } from "../cypher/index.js";
import { tailLines } from "./options.js";

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

/** Imports with the launcher's classpath into `dataDir` (the launcher must be stopped). */
export async function importEmbedded(
  launcherDir: string,
  dataDir: string,
  files: ImportFiles,
  workDir: string,
  database = "neo4j",
): Promise<ImportRun> {
  // An empty configuration folder: the importer then uses the defaults, whose data folder under NEO4J_HOME is
  // the one the embedded launcher uses (data/databases, data/transactions).
  const conf = join(workDir, "conf");
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, "neo4j.conf"), "");
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const classpath = [join(launcherDir, "target", "classes"), join(launcherDir, "target", "lib", "*")].join(":");
  const args = [
    "-Xmx1g",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
    "-cp",
    classpath,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    `--report-file=${join(workDir, "import.report")}`,
    "--max-off-heap-memory=1g",
    ...importArguments(files, database, (p) => p),
  ];
  try {
    return await run(java, args, { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: conf }, "the Neo4j import tool");
  } catch (error) {
    // A failed import leaves store files Neo4j cannot start on. The database was empty (bulk refuses any other),
    // so its folders are removed and Neo4j creates it empty again on the next start.
    rmSync(join(dataDir, "data", "databases", database), { recursive: true, force: true });
    rmSync(join(dataDir, "data", "transactions", database), { recursive: true, force: true });
    throw error;
  }
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
