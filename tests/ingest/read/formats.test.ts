// The read stage on each input format: plain pages, Markdown with front matter, JSONL, HTML, gzip, stdin-like sniffing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isReadFailure, readPath, readPaths, type ReadItem } from "../../../ingest/read/index.js";
import type { RawDocument } from "../../../ingest/types.js";
import { fixtureDir, gzip, htmlPage, jsonl, STORY, TITLE, type FixtureDir } from "./fixtures.js";

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

describe("plain text", () => {
  it("reads a .txt file as one page with its text unchanged", async () => {
    const file = await dir.write("p1.txt", STORY);
    const [item, ...rest] = await collect(readPath(file));
    expect(rest).toHaveLength(0);
    expect(item).toMatchObject({
      kind: "page",
      text: STORY,
      meta: {},
      origin: { file },
    });
  });

  it("turns Windows line ends into plain line breaks", async () => {
    const file = await dir.write("crlf.txt", STORY.replaceAll("\n", "\r\n"));
    const [item] = documents(await collect(readPath(file)));
    expect(item?.text).toBe(STORY);
  });

  it("sniffs the format of a file with an unknown extension from its first bytes", async () => {
    const page = await dir.write("page.dat", STORY);
    const lines = await dir.write("items.dat", jsonl([{ title: TITLE, text: STORY }]));
    const items = documents(await collect(readPaths([page, lines])));
    expect(items.map((d) => d.kind)).toEqual(["page", "article"]);
  });
});

describe("Markdown with front matter", () => {
  it("takes title, date, page, author and source from the YAML block", async () => {
    const file = await dir.write(
      "a.md",
      `---\ntitle: ${TITLE}\ndate: 2023-02-06\npage: 1\nauthor: 周文澜\nsource: 青河日报\n---\n\n${STORY}\n`,
    );
    const [item] = documents(await collect(readPath(file)));
    expect(item?.kind).toBe("article");
    expect(item?.meta).toEqual({
      title: TITLE,
      date: "2023-02-06",
      page: "1",
      author: "周文澜",
      source: "青河日报",
    });
    expect(item?.text.trim()).toBe(STORY);
  });

  it("uses a leading # heading as the title when the front matter has none", async () => {
    const file = await dir.write("b.md", `# ${TITLE}\n\n${STORY}\n`);
    const [item] = documents(await collect(readPath(file)));
    expect(item?.meta.title).toBe(TITLE);
    expect(item?.text).not.toContain("#");
  });

  it("reads a Markdown file without any front matter as a page", async () => {
    const file = await dir.write("c.md", STORY);
    const [item] = documents(await collect(readPath(file)));
    expect(item?.kind).toBe("page");
  });
});

describe("JSONL", () => {
  it("yields one article a line with its line number and the default fields", async () => {
    const file = await dir.write(
      "news.jsonl",
      jsonl([
        { title: TITLE, date: "2023-02-06", source: "青河日报", text: STORY },
        { title: "第二条", date: "2023-02-07", text: STORY.slice(0, 40) },
      ]),
    );
    const items = documents(await collect(readPath(file)));
    expect(items.map((d) => d.origin)).toEqual([
      { file, line: 1 },
      { file, line: 2 },
    ]);
    expect(items[0]).toMatchObject({
      kind: "article",
      text: STORY,
      meta: { title: TITLE, date: "2023-02-06", source: "青河日报" },
    });
  });

  it("reads renamed fields when told which field holds what", async () => {
    const file = await dir.write("renamed.jsonl", jsonl([{ headline: TITLE, body: STORY, day: "2023-02-06" }]));
    const [item] = documents(
      await collect(
        readPath(file, {
          jsonlFields: { title: "headline", text: "body", date: "day" },
        }),
      ),
    );
    expect(item?.meta).toMatchObject({ title: TITLE, date: "2023-02-06" });
    expect(item?.text).toBe(STORY);
  });

  it("skips blank lines but keeps counting them", async () => {
    const file = await dir.write("blank.jsonl", `\n${JSON.stringify({ text: STORY })}\n\n`);
    const items = await collect(readPath(file));
    expect(items).toHaveLength(1);
    expect(items[0]?.kind === "article" && items[0].origin.line).toBe(2);
  });

  it("reads a line longer than one read chunk whole", async () => {
    const long = STORY.repeat(3000);
    const file = await dir.write("long.jsonl", jsonl([{ text: long }, { text: STORY }]));
    const items = documents(await collect(readPath(file)));
    expect(items.map((d) => d.text.length)).toEqual([long.length, STORY.length]);
  });
});

describe("HTML", () => {
  it("finds the headline and the article's paragraphs, leaving navigation and footer out", async () => {
    const paragraphs = STORY.split("\n");
    const file = await dir.write("a.html", htmlPage(TITLE, paragraphs, '<meta name="author" content="周文澜">'));
    const [item] = documents(await collect(readPath(file)));
    expect(item?.meta.title).toBe(TITLE);
    expect(item?.meta.author).toBe("周文澜");
    expect(item?.text).toBe(paragraphs.join("\n"));
    expect(item?.text).not.toContain("版权所有");
  });

  it("takes the publication date from the article:published_time meta tag", async () => {
    const head = '<meta property="article:published_time" content="2023-02-06T08:00:00+08:00">';
    const file = await dir.write("dated.htm", htmlPage(TITLE, STORY.split("\n"), head));
    const [item] = documents(await collect(readPath(file)));
    expect(item?.meta.date).toBe("2023-02-06T08:00:00+08:00");
  });
});

describe("gzip", () => {
  it("reads gzipped text, JSONL and HTML by their magic bytes", async () => {
    const files = [
      await dir.write("p.txt.gz", gzip(STORY)),
      await dir.write("n.jsonl.gz", gzip(jsonl([{ text: STORY }, { text: STORY }]))),
      await dir.write("h.html.gz", gzip(htmlPage(TITLE, STORY.split("\n")))),
      await dir.write("no-extension-hint.gz", gzip(STORY)),
    ];
    const items = await collect(readPaths(files));
    expect(items.filter(isReadFailure)).toEqual([]);
    expect(items.map((d) => d.kind)).toEqual(["page", "article", "article", "article", "page"]);
    expect(documents(items).every((d) => d.text.startsWith("本报讯"))).toBe(true);
  });

  it("reads a gzipped file even when its name does not say so", async () => {
    const file = await dir.write("plain-name.txt", gzip(STORY));
    const [item] = documents(await collect(readPath(file)));
    expect(item?.text).toBe(STORY);
  });
});

describe("standard input", () => {
  it('reads "-" from the given stream and sniffs JSONL from its content', async () => {
    const { Readable } = await import("node:stream");
    const stdin = Readable.from([Buffer.from(jsonl([{ title: TITLE, text: STORY }, { text: STORY }]))]);
    const items = documents(await collect(readPath("-", { stdin })));
    expect(items.map((d) => [d.kind, d.origin.file, d.origin.line])).toEqual([
      ["article", "-", 1],
      ["article", "-", 2],
    ]);
  });

  it('reads a gzipped page from "-"', async () => {
    const { Readable } = await import("node:stream");
    const items = documents(await collect(readPath("-", { stdin: Readable.from([gzip(STORY)]) })));
    expect(items.map((d) => [d.kind, d.text])).toEqual([["page", STORY]]);
  });
});
