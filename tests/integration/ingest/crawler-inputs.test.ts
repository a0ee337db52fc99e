// Crawler outputs into Neo4j: JSON article files and a whole issue in one Markdown file give one Article node per
// article with its page, page name and date; bylines give REPORTED links with roles; broken metadata is set aside
// with a warning in the run report while the article is ingested.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  ISSUE_MARKDOWN,
  JSON_BROKEN,
  JSON_OBJECT,
  JSON_SECOND,
  JSON_THIRD,
} from "../../ingest/read/crawler-samples.js";
import { resetGraph, runIngest, useIngestSandbox } from "./helpers.js";

describe("ingest crawler inputs", () => {
  const sb = useIngestSandbox();

  it("loads JSON files and a whole-issue Markdown file article by article, with bylines in their roles", async () => {
    await resetGraph(sb.driver);
    const files = [
      await sb.dir.write("crawl-a033.json", JSON.stringify(JSON_OBJECT, null, 2)),
      await sb.dir.write("crawl-list.json", JSON.stringify({ paper: "青河日报", articles: [JSON_SECOND, JSON_THIRD] })),
      await sb.dir.write("crawl-broken.json", JSON.stringify(JSON_BROKEN, null, 2)),
      await sb.dir.write("crawl-qhrb-2026-04-04.md", ISSUE_MARKDOWN),
    ];
    const run = await runIngest(sb.uri, [...files, ...sb.flags("crawl", "--workers", "1")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const { records } = await sb.driver.executeQuery(
      "MATCH (a:Article) RETURN a.title AS title, a.date AS date, a.page AS page, a.pageName AS pageName ORDER BY title",
      {},
      { routing: "READ" },
    );
    const articles = records.map((r) => r.toObject() as Record<string, string | null>);
    expect(articles).toHaveLength(1 + 2 + 1 + 8);
    expect(articles.every((a) => a.date !== null && a.title !== "")).toBe(true);
    expect(articles.find((a) => a.title === "青河港物流园二期开工")).toMatchObject({ page: "A03", date: "2026-03-29" });
    expect(articles.find((a) => a.title === "青河公交新开两条定制线路")).toMatchObject({
      page: "A05",
      pageName: "民生",
      date: "2026-04-04",
    });

    const reported = await sb.driver.executeQuery(
      "MATCH (p:Person)-[r:REPORTED]->(a:Article) RETURN p.name + ' ' + r.role AS credit",
      {},
      { routing: "READ" },
    );
    const credits = new Set(reported.records.map((r) => String(r.get("credit"))));
    for (const expected of ["王青 记者", "包成勇 通讯员", "林小雨 实习生", "周可 见习记者", "钱一鸣 摄影"])
      expect(credits).toContain(expected);
    // 本报 is the paper's own organization: its reporters hold their posts there.
    const staff = await sb.driver.executeQuery(
      "MATCH (p:Person)-[h:HOLDS_POSITION]->(o:Organization {name: '青河日报社'}) RETURN p.name + ' ' + h.title AS post",
      {},
      { routing: "READ" },
    );
    expect(staff.records.map((r) => String(r.get("post")))).toContain("周可 见习记者");

    const report = JSON.parse(await readFile(`${sb.dir.root}/crawl.json`, "utf8")) as {
      failures: unknown[];
      warnings: { file: string; message: string }[];
    };
    expect(report.failures).toEqual([]);
    expect(report.warnings.map((w) => w.file.endsWith("broken.json"))).toEqual([true, true, true]);
    expect(report.warnings.map((w) => w.message).join("\n")).toMatch(/author field .* is not a list of names/);
  }, 120_000);
});
