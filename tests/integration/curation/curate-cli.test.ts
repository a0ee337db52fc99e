// `jianwen curate` as a person runs it: reject, merge, rename and undo recorded in a curation file, listed, and
// applied to a real Neo4j — a merge folds two posts into one fact with the evidence, articles and span of both,
// applying twice changes nothing, an undo takes a decision back, and a damaged file is refused naming its line.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ArticleDoc, GraphDoc } from "../../../core/model.js";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { emptyGraph } from "../../../cypher/empty.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { snapshot } from "../ingest/helpers.js";

const BIN = resolve("bin/jianwen.js");

function article(id: string, date: string, text: string): ArticleDoc {
  return {
    id: `article:${id}`,
    title: text.slice(0, 12),
    date,
    source: "河清日报",
    page: "1",
    byline: [],
    text,
    sha256: id,
  };
}
const A1 = article("c1", "2023-04-02", "副县长李明华主持召开防汛工作会议。会议强调要压实责任。");
const A2 = article("c2", "2023-05-20", "副县长李明到柳林镇检查防汛工作。");
const A3 = article("c3", "2023-05-20", "副县长李明华、副县长李明一同出席全县防汛调度会。");
const GOV = "org:清源县人民政府";
const DOC: GraphDoc = {
  articles: [A1, A2, A3],
  entities: [
    { id: "person:李明华", type: "Person", name: "李明华", aliases: [] },
    { id: "person:李明", type: "Person", name: "李明", aliases: ["李明同志"] },
    { id: "person:会议强调", type: "Person", name: "会议强调", aliases: [] },
    { id: GOV, type: "Organization", name: "清源县人民政府", aliases: [] },
    { id: "meeting:全县防汛调度会", type: "Meeting", name: "全县防汛调度会", aliases: [] },
  ],
  relations: [
    ...[A1, A2, A3].map((a) => ({
      type: "MENTIONS" as const,
      source: a.id,
      target: a === A1 ? "person:李明华" : "person:李明",
      properties: { count: 1 },
      evidence: [{ article: a.id, sentence: a.text.split("。")[0]!, date: a.date }],
    })),
    {
      type: "MENTIONS",
      source: A1.id,
      target: "person:会议强调",
      properties: { count: 1 },
      evidence: [{ article: A1.id, sentence: "会议强调要压实责任", date: A1.date }],
    },
    {
      type: "HOLDS_POSITION",
      source: "person:李明华",
      target: GOV,
      properties: { title: "副县长" },
      evidence: [
        { article: A1.id, sentence: "副县长李明华主持召开防汛工作会议", date: A1.date },
        { article: A3.id, sentence: "副县长李明华、副县长李明一同出席全县防汛调度会", date: A3.date },
      ],
    },
    {
      type: "HOLDS_POSITION",
      source: "person:李明",
      target: GOV,
      properties: { title: "副县长" },
      evidence: [
        { article: A2.id, sentence: "副县长李明到柳林镇检查防汛工作", date: A2.date },
        { article: A3.id, sentence: "副县长李明华、副县长李明一同出席全县防汛调度会", date: A3.date },
      ],
    },
    {
      type: "PARTICIPATED_IN",
      source: "person:李明",
      target: "meeting:全县防汛调度会",
      properties: { role: "attended" },
      evidence: [{ article: A3.id, sentence: "副县长李明华、副县长李明一同出席全县防汛调度会", date: A3.date }],
    },
  ],
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("jianwen curate", () => {
  let driver: Driver;
  let dir: string;
  let file: string;
  const uri = inject("neo4jUri");

  const curate = (...args: string[]) => jianwen("curate", ...args);
  const jianwen = (...args: string[]) =>
    new Promise<Run>((done) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...process.env, NEO4J_URI: uri, JIANWEN_CURATION: file },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("close", (code) => done({ code, stdout, stderr }));
    });
  const one = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params, { routing: "READ" })).records[0]?.toObject();

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri });
    await emptyGraph(driver);
    await loadGraphDoc(driver, DOC);
    await driver.executeQuery("MATCH (a:Article) SET a.ingested = true");
    dir = await mkdtemp(join(tmpdir(), "jianwen-curate-"));
    file = join(dir, "curation.yaml");
  });

  afterAll(async () => {
    await emptyGraph(driver);
    await driver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("records reject, merge and rename, refusing a node that is not in the graph", async () => {
    expect((await curate("reject", "person:会议强调", "--by", "编辑甲", "--note", "不是人名")).code).toBe(0);
    expect((await curate("merge", "person:李明", "--into", "person:李明华", "--by", "编辑甲")).code).toBe(0);
    expect((await curate("rename", GOV, "--to", "清源县政府", "--by", "编辑乙")).code).toBe(0);
    const missing = await curate("reject", "person:查无此人", "--by", "编辑甲");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("there is no entity person:查无此人 in the graph");
    const text = await readFile(file, "utf8");
    expect(text).toContain("- id: c2\n  action: merge\n  node: person:李明\n  name: 李明\n  into: person:李明华");
    expect(text).not.toContain("查无此人");
    // Nothing is written to Neo4j before apply.
    expect(Number((await one("MATCH (n {id: 'person:会议强调'}) RETURN count(n) AS n"))?.n)).toBe(1);
  });

  it("lists the decisions, one a line", async () => {
    const list = await curate("list");
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^c1 .* reject person:会议强调 \(会议强调\) {2}— 编辑甲: 不是人名$/);
    expect(lines[1]).toContain("merge person:李明 (李明) into person:李明华 (李明华)");
    expect(lines[2]).toContain(`rename ${GOV} from 清源县人民政府 to 清源县政府`);
  });

  it("applies them: the wrong node gone, one post with the evidence of both, names kept as aliases", async () => {
    const run = await curate("apply", "--no-analyze");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/c1 {2}reject {2}applied/);
    expect(Number((await one("MATCH (n {id: 'person:会议强调'}) RETURN count(n) AS n"))?.n)).toBe(0);
    expect(Number((await one("MATCH (n {id: 'person:李明'}) RETURN count(n) AS n"))?.n)).toBe(0);
    const kept = await one("MATCH (n:Person {id: 'person:李明华'}) RETURN n.aliases AS aliases");
    expect([...(kept?.aliases as string[])].sort()).toEqual(["李明", "李明同志"]);
    const posts = await driver.executeQuery(
      `MATCH (:Person {id: 'person:李明华'})-[r:HOLDS_POSITION]->(:Organization {id: $gov})
       RETURN r.articles AS articles, r.articleIds AS ids, r.evidenceCount AS count, r.evidenceSentences AS sentences,
              r.firstSeen AS first, r.lastSeen AS last, r.former AS former`,
      { gov: GOV },
    );
    expect(posts.records).toHaveLength(1);
    const post = posts.records[0]!.toObject();
    expect(Number(post.articles)).toBe(3);
    expect([...(post.ids as string[])].sort()).toEqual([A1.id, A2.id, A3.id]);
    // The sentence both stated (article c3) is one piece of evidence, not two.
    expect(Number(post.count)).toBe(3);
    // Newest first, then by article, as the loader orders them.
    expect(post.sentences).toEqual([
      "副县长李明到柳林镇检查防汛工作",
      "副县长李明华、副县长李明一同出席全县防汛调度会",
      "副县长李明华主持召开防汛工作会议",
    ]);
    expect([post.first, post.last, post.former]).toEqual(["2023-04-02", "2023-05-20", false]);
    expect(
      await one("MATCH (:Person {id: 'person:李明华'})-[r:PARTICIPATED_IN]->(m) RETURN m.id AS m, r.role AS role"),
    ).toEqual({ m: "meeting:全县防汛调度会", role: "attended" });
    const mentions = await one("MATCH (a:Article)-[:MENTIONS]->(:Person {id: 'person:李明华'}) RETURN count(a) AS n");
    expect(Number(mentions?.n)).toBe(3);
    expect(await one(`MATCH (n {id: $gov}) RETURN n.name AS name, n.aliases AS aliases`, { gov: GOV })).toEqual({
      name: "清源县政府",
      aliases: ["清源县人民政府"],
    });
  });

  it("changes nothing when applied again", async () => {
    const before = await snapshot(driver);
    const run = await curate("apply", "--no-analyze");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/c2 {2}merge {2}absent/);
    expect(await snapshot(driver)).toEqual(before);
  });

  it("undoes a rename and a reject with one more decision each", async () => {
    expect((await curate("undo", "c3", "--by", "编辑乙")).code).toBe(0);
    expect((await curate("undo", "c1", "--by", "编辑甲", "--note", "确是人名")).code).toBe(0);
    const bad = await curate("undo", "c9", "--by", "编辑甲");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("there is no decision c9");
    const list = await curate("list");
    expect(list.stdout).toMatch(/c1 .*\[undone\]/);
    expect(list.stdout).toMatch(/c5 .*undo c1/);
    const run = await curate("apply", "--no-analyze");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/c3 {2}rename {2}reverted/);
    expect(run.stdout).toContain("1 article(s) will be read again");
    expect(await one(`MATCH (n {id: $gov}) RETURN n.name AS name`, { gov: GOV })).toEqual({ name: "清源县人民政府" });
    // The rejected name's article is read again by the next ingest, which brings the node back.
    expect(await one(`MATCH (a:Article {id: $id}) RETURN a.ingested AS ingested`, { id: A1.id })).toEqual({
      ingested: false,
    });
    expect(await one(`MATCH (a:Article {id: $id}) RETURN a.ingested AS ingested`, { id: A2.id })).toEqual({
      ingested: true,
    });
    // History is appended, never edited.
    expect(await readFile(file, "utf8")).toMatch(
      /id: c1\n {2}action: reject[\s\S]*id: c5\n {2}action: undo\n {2}decision: c1/,
    );
  });

  it("refuses a damaged file, naming the line", async () => {
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("action: rename", "action: renmae"));
    const run = await curate("list");
    expect(run.code).toBe(2);
    const line = text.split("\n").findIndex((l) => l.startsWith("- id: c3")) + 1;
    expect(run.stderr).toContain(`line ${line}: decision 3: action: action must be one of reject, merge, rename, undo`);
    // An ingest refuses it before reading anything, so no load happens without its corrections.
    const before = await snapshot(driver);
    const ingest = await jianwen(
      "ingest",
      resolve("samples"),
      "--quiet",
      "--no-model",
      "--report",
      join(dir, "r.json"),
    );
    expect(ingest.code).toBe(2);
    expect(ingest.stderr).toContain(`curation: ${file}: line ${line}: decision 3`);
    expect(await snapshot(driver)).toEqual(before);
    await writeFile(file, text);
  });
});
