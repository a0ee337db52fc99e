// Bad inputs are reported with file, line and reason while their neighbours are ingested (exit status 2), and
// a GB18030 page or an HTML article gives the same entities as the same text in UTF-8.
import { readFile } from "node:fs/promises";
import iconv from "iconv-lite";
import type { Driver } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import {
  countArticles,
  fictionalArticle,
  fictionalJsonl,
  resetGraph,
  runIngest,
  snapshot,
  useIngestSandbox,
  ROOT,
} from "./helpers.js";

const PAGE = `${ROOT}/samples/dezhou-evening-2024-03-13-p1.txt`;

async function entityIds(driver: Driver): Promise<string[]> {
  const { records } = await driver.executeQuery(
    "MATCH (n) WHERE NOT n:Article RETURN n.id AS id ORDER BY id",
    {},
    { routing: "READ" },
  );
  return records.map((r) => String(r.get("id")));
}

describe("ingest inputs", () => {
  const sb = useIngestSandbox();
  const flags = (report: string) => sb.flags(report, "--workers", "1");

  it("reports every bad input with its reason and ingests the good ones beside it", async () => {
    await resetGraph(sb.driver);
    const good = fictionalArticle(1);
    const files = [
      await sb.dir.write("good.txt", `${good.title}\n${good.text}`),
      `${sb.dir.root}/missing.txt`,
      await sb.dir.write("empty.txt", ""),
      await sb.dir.write("binary.txt", Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256))),
      await sb.dir.write("english.txt", "The county council met on Monday."),
      await sb.dir.write(
        "damaged.txt",
        Buffer.concat([Buffer.from(good.text.slice(0, 8)), Buffer.from([0xc3, 0x28]), Buffer.from(good.text)]),
      ),
      await sb.dir.write("mixed.jsonl", `${fictionalJsonl(2, 4)}{"title":"截断","text":"本报讯 3月`),
    ];
    const run = await runIngest(sb.uri, [...files, ...flags("bad"), "--max-bytes", "10MB"]);
    expect(run.code).toBe(2);
    const report = JSON.parse(await readFile(`${sb.dir.root}/bad.json`, "utf8")) as {
      failures: { file: string; line?: number; reason: string }[];
    };
    const reasons = report.failures
      .map((f) => `${f.file.slice(sb.dir.root.length + 1)}${f.line ? `:${f.line}` : ""} ${f.reason}`)
      .sort();
    expect(reasons).toEqual([
      "binary.txt binary",
      "damaged.txt invalid-bytes",
      "empty.txt empty",
      "english.txt no-chinese",
      "missing.txt missing",
      "mixed.jsonl:3 invalid-json",
    ]);
    // One line each on standard error, naming the file.
    expect(run.stderr.trim().split("\n")).toHaveLength(6);
    expect(await countArticles(sb.driver)).toBe(3);
  });

  it("refuses a file over the size limit and still ingests its neighbour", async () => {
    await resetGraph(sb.driver);
    const good = fictionalArticle(7);
    const big = await sb.dir.write("big.txt", good.text.repeat(200));
    const small = await sb.dir.write("small.txt", good.text);
    const run = await runIngest(sb.uri, [big, small, ...flags("big"), "--max-bytes", "4KB"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("big.txt");
    expect(await countArticles(sb.driver)).toBe(1);
  });

  it("gives the same entities for a GB18030 page as for its UTF-8 text", async () => {
    await resetGraph(sb.driver);
    expect((await runIngest(sb.uri, [PAGE, ...flags("utf8")])).code).toBe(0);
    const utf8 = await snapshot(sb.driver);
    await resetGraph(sb.driver);
    const gb = await sb.dir.write("page-gb18030.txt", iconv.encode(await readFile(PAGE, "utf8"), "gb18030"));
    expect((await runIngest(sb.uri, [gb, ...flags("gb")])).code).toBe(0);
    expect(utf8.nodes.length).toBeGreaterThan(5);
    expect(await snapshot(sb.driver)).toEqual(utf8);
  });

  it("gives the same entities for an HTML article as for the same article in UTF-8 Markdown", async () => {
    const article = fictionalArticle(11);
    const paragraphs = article.text
      .split("。")
      .filter(Boolean)
      .map((s) => `${s}。`);
    await resetGraph(sb.driver);
    const md = await sb.dir.write(
      "a.md",
      `---\ntitle: ${article.title}\ndate: ${article.date}\n---\n${paragraphs.join("\n")}\n`,
    );
    expect((await runIngest(sb.uri, [md, ...flags("md")])).code).toBe(0);
    const fromMarkdown = await entityIds(sb.driver);
    await resetGraph(sb.driver);
    const html = await sb.dir.write(
      "a.html",
      `<!doctype html><html><head><meta charset="gbk"><title>县融媒 - ${article.title}</title>
<meta name="pubdate" content="${article.date}"></head><body><nav><a href="/">首页</a><a href="/x">要闻</a></nav>
<article><h1>${article.title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article><footer>版权所有</footer></body></html>`,
    );
    const gbkHtml = await sb.dir.write("a-gbk.html", iconv.encode(await readFile(html, "utf8"), "gbk"));
    expect((await runIngest(sb.uri, [gbkHtml, ...flags("html")])).code).toBe(0);
    expect(fromMarkdown.length).toBeGreaterThan(2);
    expect(await entityIds(sb.driver)).toEqual(fromMarkdown);
  });
});
