// Helpers of the batch-ingest integration tests: run `jianwen ingest` as a real child process, snapshot what
// the graph holds (node ids by label, relationships with their keys and evidence), reset the graph, and
// generate a corpus of fictional articles large enough to kill a run in the middle of it; `useIngestSandbox` gives
// a test file its driver, its temporary folder and an empty graph.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, inject } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { emptyGraph } from "../../../cypher/empty.js";

export const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const BIN = join(ROOT, "bin/jianwen.js");

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `jianwen ingest ARGS` against the test Neo4j; the caller may kill it. */
export function startIngest(uri: string, args: string[]): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [BIN, "ingest", ...args], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<RunResult>((resolveRun) =>
    child.on("close", (code, signal) => resolveRun({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export function runIngest(uri: string, args: string[]): Promise<RunResult> {
  return startIngest(uri, args).done;
}

/** Everything the graph holds, as sorted strings, so two states compare with one toEqual. */
export interface Snapshot {
  nodes: string[];
  /** Each relationship's identity: type, ends and key (a fact's title or role). */
  relationships: string[];
  /**
   * Each relationship's state: a fact's article count, sentence count, span, former flag, articles (sorted: loads
   * add them in any order) and stored evidence, or a link's sentence. A lost update under concurrent loads shows
   * here as a different count or list.
   */
  facts: string[];
}

export async function snapshot(driver: Driver): Promise<Snapshot> {
  const nodes = await driver.executeQuery(
    "MATCH (n) RETURN labels(n)[0] + ' ' + n.id AS s ORDER BY s",
    {},
    { routing: "READ" },
  );
  const rels = await driver.executeQuery(
    `MATCH (s)-[r]->(t)
     WITH s, r, t, type(r) + ' ' + s.id + ' ' + t.id + ' ' + coalesce(r.key, '') AS id,
          COLLECT { UNWIND coalesce(r.articleIds, []) AS a RETURN a ORDER BY a } AS articleIds
     RETURN id, id + ' ' + coalesce(toString(r.articles), '-') + '/' + coalesce(toString(r.evidenceCount), '-') + ' ' +
            coalesce(r.firstSeen, '-') + '..' + coalesce(r.lastSeen, '-') + ' ' + coalesce(toString(r.former), '-') + ' ' +
            reduce(acc = '', x IN articleIds | acc + '|' + x) + ' ' +
            reduce(acc = '', i IN range(0, size(coalesce(r.evidenceSentences, [])) - 1) |
              acc + '|' + r.evidenceArticles[i] + ':' + r.evidenceSentences[i]) + ' ' + coalesce(r.sentence, '') AS fact
     ORDER BY fact`,
    {},
    { routing: "READ" },
  );
  return {
    nodes: nodes.records.map((r) => String(r.get("s"))),
    relationships: rels.records.map((r) => String(r.get("id"))).sort(),
    facts: rels.records.map((r) => String(r.get("fact"))),
  };
}

/** Node ids that occur on more than one node, and relationships that occur more than once. */
export async function duplicates(driver: Driver): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await driver.executeQuery(
    "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id",
    {},
    { routing: "READ" },
  );
  const rels = await driver.executeQuery(
    "MATCH (s)-[r]->(t) WITH s.id AS s, type(r) AS type, t.id AS t, r.key AS key, count(*) AS c WHERE c > 1 RETURN s + ' ' + type + ' ' + t + ' ' + coalesce(key, '') AS d",
    {},
    { routing: "READ" },
  );
  return {
    nodes: nodes.records.map((r) => String(r.get("id"))),
    relationships: rels.records.map((r) => String(r.get("d"))),
  };
}

/** Empties the database. The integration files run one at a time and each leaves the graph as it found it. */
export { emptyGraph as resetGraph };

export async function countArticles(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (a:Article) RETURN count(a) AS n", {}, { routing: "READ" });
  return Number(records[0]?.get("n") ?? 0);
}

export interface TempDir {
  root: string;
  write: (name: string, data: string | Uint8Array) => Promise<string>;
  remove: () => Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const root = await mkdtemp(join(tmpdir(), "jianwen-ingest-it-"));
  return {
    root,
    async write(name, data) {
      const file = join(root, name);
      await writeFile(file, data);
      return file;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export interface IngestSandbox {
  readonly uri: string;
  /** Set in the sandbox's beforeAll, which runs before the file's own. */
  driver: Driver;
  dir: TempDir;
  /** Quiet ingest flags without analytics or the model, `extra` among them, the report in <dir>/<report>.json. */
  flags(report: string, ...extra: string[]): string[];
}

/** For one test file: a driver on the test Neo4j and a temporary folder; the graph is emptied before and after. */
export function useIngestSandbox(): IngestSandbox {
  const sandbox = {
    uri: inject("neo4jUri"),
    flags: (report: string, ...extra: string[]) => [
      "--no-analyze",
      "--no-model",
      ...extra,
      "--quiet",
      "--report",
      `${sandbox.dir.root}/${report}.json`,
    ],
  } as IngestSandbox;
  beforeAll(async () => {
    sandbox.driver = await openDriver({ ...connectionSettingsFromEnv(), uri: sandbox.uri });
    sandbox.dir = await tempDir();
    await emptyGraph(sandbox.driver);
  });
  afterAll(async () => {
    if (!sandbox.driver) return;
    await emptyGraph(sandbox.driver);
    await sandbox.driver.close();
    await sandbox.dir?.remove();
  });
  return sandbox;
}

const SURNAMES = ["韩", "苏", "周", "郑", "魏", "蒋", "沈", "彭", "薛", "范", "钟", "汪"];
const GIVEN = ["立松", "明远", "文澜", "晓岚", "建中", "海平", "雨辰", "志刚", "秀英", "国栋", "丽华", "少卿"];
const COUNTIES = ["青河县", "石门县", "临川县", "柳江县", "白水县", "云溪县"];
const TITLES = ["县委书记", "县长", "副县长", "县委副书记"];
const PROJECTS = ["物流园", "新材料产业园", "智慧农业示范区", "水系连通工程", "高铁片区"];

/** A unique fictional article for each index: an official, a county, a meeting, a project. */
export function fictionalArticle(i: number): { title: string; date: string; text: string } {
  const pick = <T>(list: T[], n: number): T => list[n % list.length]!;
  const official = pick(SURNAMES, i) + pick(GIVEN, Math.floor(i / SURNAMES.length));
  const other = pick(SURNAMES, i + 5) + pick(GIVEN, i + 3);
  const county = pick(COUNTIES, Math.floor(i / 7));
  const project = county.replace("县", "") + pick(PROJECTS, i);
  const day = (i % 28) + 1;
  return {
    title: `${county}推进${project}建设（第${i + 1}期）`,
    date: `2024-03-${String(day).padStart(2, "0")}`,
    text:
      `本报讯 3月${day}日上午，${county}委常委会召开会议，${pick(TITLES, i)}${official}主持会议并讲话。` +
      `会议研究部署${project}建设工作，要求确保项目第${i + 1}批任务按期完成。${other}出席会议。`,
  };
}

export function fictionalJsonl(from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) out += `${JSON.stringify(fictionalArticle(i))}\n`;
  return out;
}
