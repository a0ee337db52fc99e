// What archives and crawlers hold: JSON article files (an object, an array, {articles: […]}), a whole issue in one
// Markdown file, articles between `---` lines, and metadata that is broken — read by the read stage and by
// `jianwen extract`.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GraphDoc } from "../../../core/model.js";
import { isReadFailure, readPath, readPaths, type ReadItem } from "../../../ingest/read/index.js";
import { isAuthorList, pageCode } from "../../../ingest/read/metadata.js";
import type { RawDocument } from "../../../ingest/types.js";
import { fixtureDir, type FixtureDir } from "./fixtures.js";
import {
  ISSUE_MARKDOWN,
  JSON_BROKEN,
  JSON_OBJECT,
  JSON_SECOND,
  JSON_THIRD,
  MULTI_MARKDOWN,
} from "./crawler-samples.js";

const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function documents(items: ReadItem[]): RawDocument[] {
  return items.filter((i): i is RawDocument => !isReadFailure(i));
}

let dir: FixtureDir;
beforeEach(async () => {
  dir = await fixtureDir();
});
afterEach(async () => {
  await dir.remove();
});

describe("JSON article files", () => {
  it("reads one pretty-printed article object: cleaned text, page code A033 as A03, date and author", async () => {
    const file = await dir.write("a.json", JSON.stringify(JSON_OBJECT, null, 2));
    const items = await collect(readPath(file));
    expect(items).toHaveLength(1);
    const [doc] = documents(items);
    expect(doc).toMatchObject({
      kind: "article",
      origin: { file },
      meta: { title: "青河港物流园二期开工", date: "2026-03-29", page: "A03", author: "王青" },
    });
    expect(doc?.warnings).toBeUndefined();
    // The repeated title line, \r\n\t runs and the full-width indents are gone: one paragraph a line.
    expect(doc?.text.split("\n")).toHaveLength(3);
    expect(doc?.text).toMatch(/^本报讯（记者 王青 通讯员 包成勇）3月26日上午/);
    expect(doc?.text).not.toMatch(/[\r\t\u3000]/);
  });

  it("reads an array of articles by the usual field names (headline, body, pubdate, 标题, 正文, 发布时间, 版面)", async () => {
    const file = await dir.write("list.json", JSON.stringify([JSON_OBJECT, JSON_SECOND, JSON_THIRD]));
    const docs = documents(await collect(readPath(file)));
    expect(docs.map((d) => d.origin)).toEqual([
      { file, item: 1 },
      { file, item: 2 },
      { file, item: 3 },
    ]);
    expect(docs.map((d) => [d.meta.title, d.meta.date, d.meta.page, d.meta.author])).toEqual([
      ["青河港物流园二期开工", "2026-03-29", "A03", "王青"],
      ["临港新区举办春季招聘会", "2026-03-28", "A05", "林小雨、王青"],
      ["河湾村用上“共享农机”", "2026年3月29日", "A06", "周可"],
    ]);
  });

  it("reads {articles: […]} with the paper every article shares, and fails an item without text by its number", async () => {
    const file = await dir.write(
      "issue.json",
      JSON.stringify({
        paper: "青河日报",
        date: "2026-03-28",
        articles: [JSON_SECOND, { title: "无正文" }, JSON_THIRD],
      }),
    );
    const items = await collect(readPath(file));
    expect(items.map((i) => (isReadFailure(i) ? i.reason : i.meta.source))).toEqual([
      "青河日报",
      "invalid-record",
      "青河日报",
    ]);
    const failure = items.find(isReadFailure);
    expect(failure?.error.message).toContain("item 2 without a text field (fields: title)");
  });

  it("drops a first line that is the web page's title, and reads meta lines with the colon inside the bold", async () => {
    const page = { ...JSON_SECOND, body: `青河日报数字报-临港新区举办春季招聘会\n${JSON_SECOND.body}` };
    const [doc] = documents(await collect(readPath(await dir.write("web.json", JSON.stringify(page)))));
    expect(doc?.text).toMatch(/^本报讯（实习生 林小雨/);
    const md = ISSUE_MARKDOWN.replaceAll("**作者**: ", "**作者：**").replaceAll("> **", "**");
    const docs = documents(await collect(readPath(await dir.write("issue-b.md", md))));
    expect(docs.map((d) => d.meta.author)).toEqual(["王青", "赵蕾", "王青", "郑凯", "周可", "郑凯", "王青", "钱一鸣"]);
    expect(docs.every((d) => d.text.startsWith("本报讯") || d.text.startsWith("连日来"))).toBe(true);
  });

  it("maps other field names with --json-fields", async () => {
    const file = await dir.write(
      "renamed.json",
      JSON.stringify({ 稿件标题: "临港新区举办春季招聘会", article_body: JSON_SECOND.body, ctime: "2026-03-28" }),
    );
    const [doc] = documents(
      await collect(readPath(file, { jsonlFields: { title: "稿件标题", text: "article_body", date: "ctime" } })),
    );
    expect(doc?.meta).toMatchObject({ title: "临港新区举办春季招聘会", date: "2026-03-28" });
    expect(doc?.text).toMatch(/^本报讯（实习生 林小雨/);
  });

  it("tells a file that is not JSON apart, and reads a pretty-printed object from standard input", async () => {
    const broken = await dir.write("cut.json", JSON.stringify(JSON_OBJECT, null, 2).slice(0, 120));
    const [failure] = await collect(readPath(broken));
    expect(failure).toMatchObject({ kind: "failure", reason: "invalid-json" });
    const { Readable } = await import("node:stream");
    const stdin = Readable.from([Buffer.from(JSON.stringify(JSON_OBJECT, null, 2))]);
    const [doc] = documents(await collect(readPaths(["-"], { stdin })));
    expect(doc?.meta.page).toBe("A03");
  });
});

describe("broken metadata", () => {
  it("sets aside a run-on author, a date that is no date and a paragraph title, with a warning for each", async () => {
    const file = await dir.write("broken.json", JSON.stringify(JSON_BROKEN, null, 2));
    const [doc] = documents(await collect(readPath(file)));
    expect(doc?.meta.author).toBeUndefined();
    expect(doc?.meta.title).toBeUndefined();
    // The crawler's date is "未知"; the URL's path gives the day.
    expect(doc?.meta.date).toBe("2026-03-28");
    expect(doc?.warnings).toHaveLength(3);
    expect(doc?.warnings?.join("\n")).toMatch(/author field "王夏琴）.*is not a list of names/);
    expect(doc?.warnings?.join("\n")).toMatch(/date field "未知" is not a date/);
    expect(doc?.warnings?.join("\n")).toMatch(/title field .* is a paragraph/);
  });

  it("judges author fields and page codes", () => {
    expect(
      ["王青", "王青、包成勇", "本报记者 颜  珂", "记者 王青 通讯员 包成勇", "新华社记者 李明"].map(isAuthorList),
    ).toEqual([true, true, true, true, true]);
    expect(["王夏琴）“水秀天下·语动全球”。今年1月1日", "3月26日上午，市委召开会议", ""].map(isAuthorList)).toEqual([
      false,
      false,
      false,
    ]);
    expect(["A033", "第A03版", "a05", "01", "第3版", "要闻"].map(pageCode)).toEqual([
      "A03",
      "A03",
      "A05",
      "1",
      "3",
      null,
    ]);
  });
});

describe("Markdown holding many articles", () => {
  it("reads a whole issue: one article per ### section with its page, page name, date and author; not the contents", async () => {
    const file = await dir.write("qhrb-2026-04-04.md", ISSUE_MARKDOWN);
    const docs = documents(await collect(readPath(file)));
    expect(docs).toHaveLength(8);
    expect(docs.map((d) => `${d.meta.page} ${d.meta.pageName}`)).toEqual([
      "A01 要闻",
      "A01 要闻",
      "A03 青河新闻",
      "A03 青河新闻",
      "A03 青河新闻",
      "A05 民生",
      "A05 民生",
      "A05 民生",
    ]);
    expect(new Set(docs.map((d) => d.meta.date))).toEqual(new Set(["2026-04-04"]));
    expect(new Set(docs.map((d) => d.meta.source))).toEqual(new Set(["青河日报"]));
    expect(docs[0]).toMatchObject({
      kind: "article",
      origin: { file, line: 24 },
      meta: { title: "青河市召开2026年重点项目推进会", author: "王青" },
    });
    expect(docs[0]?.text).toMatch(/^本报讯（记者 王青 通讯员 包成勇）/);
    for (const d of docs) expect(d.text).not.toMatch(/\*\*|目录|^>|#/m);
  });

  it("reads articles under # titles with --- between them", async () => {
    const file = await dir.write("three.md", MULTI_MARKDOWN);
    const docs = documents(await collect(readPath(file)));
    expect(docs.map((d) => [d.meta.title, d.origin.line])).toEqual([
      ["青河湾湿地公园开园", 1],
      ["河湾村举办农民运动会", 7],
      ["青河市第一人民医院开设夜间门诊", 13],
    ]);
    expect(docs.every((d) => d.kind === "article" && !d.text.includes("---"))).toBe(true);
  });

  it("keeps a single article with ### subheadings one article", async () => {
    const file = await dir.write(
      "feature.md",
      `# 河湾村的春天\n\n### 一、共享农机\n\n${JSON_THIRD.正文}\n\n### 二、村民说\n\n村民们说，今年的春耕轻松多了。\n`,
    );
    const docs = documents(await collect(readPath(file)));
    expect(docs).toHaveLength(1);
    expect(docs[0]?.meta.title).toBe("河湾村的春天");
  });
});

describe("jianwen extract on crawler files", () => {
  it("gives every article its title, date, page and byline roles, and warns about broken metadata", async () => {
    const files = [
      await dir.write("one.json", JSON.stringify(JSON_OBJECT, null, 2)),
      await dir.write("wrapped.json", JSON.stringify({ paper: "青河日报", articles: [JSON_SECOND, JSON_BROKEN] })),
      await dir.write("issue.md", ISSUE_MARKDOWN),
      await dir.write("three.md", MULTI_MARKDOWN),
    ];
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [`${ROOT}/bin/jianwen.js`, "extract", ...files, "--no-model"],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const doc = JSON.parse(stdout) as GraphDoc;
    expect(doc.articles).toHaveLength(1 + 2 + 8 + 3);
    const byTitle = new Map(doc.articles.map((a) => [a.title, a]));
    expect(byTitle.get("青河港物流园二期开工")).toMatchObject({ date: "2026-03-29", page: "A03" });
    expect(byTitle.get("临港新区新增三家高新技术企业")).toMatchObject({
      date: "2026-04-04",
      page: "A03",
      pageName: "青河新闻",
      source: "青河日报",
      byline: ["王青", "林小雨"],
    });
    // The broken author field gave way to the byline in the text.
    const broken = doc.articles.find((a) => a.text.includes("文化旅游推介会"));
    expect(broken?.byline).toEqual(["王青", "包成勇"]);
    expect(broken?.date).toBe("2026-03-28");
    expect(stderr).toMatch(/warning: .*wrapped\.json: item 2: the author field/);
    // Each byline name REPORTED its article in its role; 本报 is the paper's own organization.
    const roles = new Set(
      doc.relations
        .filter((r) => r.type === "REPORTED")
        .map((r) => `${r.source.replace("person:", "")} ${String(r.properties.role)}`),
    );
    for (const expected of [
      "王青 记者",
      "包成勇 通讯员",
      "林小雨 实习生",
      "周可 见习记者",
      "钱一鸣 摄影",
      "马骏 通讯员",
    ])
      expect(roles).toContain(expected);
    expect(
      doc.relations.some(
        (r) =>
          r.type === "HOLDS_POSITION" &&
          r.source === "person:周可" &&
          r.target === "org:青河日报社" &&
          r.properties.title === "见习记者",
      ),
    ).toBe(true);
  }, 60_000);
});
