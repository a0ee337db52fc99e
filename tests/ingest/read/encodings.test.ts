// The read stage on each encoding: detection of UTF-8, GB18030/GBK, UTF-16 with a BOM, and the --encoding override.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SettingsError } from "../../../core/errors.js";
import { isReadFailure, readPath, type ReadItem } from "../../../ingest/read/index.js";
import { encode, fixtureDir, gzip, htmlPage, jsonl, STORY, TITLE, type FixtureDir } from "./fixtures.js";

async function only(items: AsyncIterable<ReadItem>): Promise<ReadItem> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  expect(out).toHaveLength(1);
  return out[0]!;
}

let dir: FixtureDir;
beforeEach(async () => {
  dir = await fixtureDir();
});
afterEach(async () => {
  await dir.remove();
});

const ENCODED = [
  { name: "UTF-8", bytes: () => encode(STORY, "utf-8") },
  { name: "UTF-8 with a BOM", bytes: () => encode(STORY, "utf-8", true) },
  { name: "GB18030", bytes: () => encode(STORY, "gb18030") },
  { name: "GBK", bytes: () => encode(STORY, "gbk") },
  { name: "UTF-16LE with a BOM", bytes: () => encode(STORY, "utf-16le", true) },
  { name: "UTF-16BE with a BOM", bytes: () => encode(STORY, "utf-16be", true) },
];

describe("encoding detection", () => {
  for (const { name, bytes } of ENCODED) {
    it(`decodes a ${name} page to the same text`, async () => {
      const file = await dir.write("page.txt", bytes());
      const item = await only(readPath(file));
      expect(item.kind).toBe("page");
      expect(!isReadFailure(item) && item.text).toBe(STORY);
    });
  }

  it("decodes GB18030 characters outside GBK, such as a rare name character", async () => {
    const text = `${STORY}记者𠮷祥报道。`;
    const file = await dir.write("rare.txt", encode(text, "gb18030"));
    const item = await only(readPath(file));
    expect(!isReadFailure(item) && item.text).toBe(text);
  });

  it("decodes a GB18030 JSONL file line by line", async () => {
    const file = await dir.write("gb.jsonl", encode(jsonl([{ title: TITLE, text: STORY }]), "gb18030"));
    const item = await only(readPath(file));
    expect(!isReadFailure(item) && [item.meta.title, item.text]).toEqual([TITLE, STORY]);
  });

  it("decodes a gzipped GB18030 HTML page", async () => {
    const html = htmlPage(TITLE, STORY.split("\n")).replace('charset="utf-8"', 'charset="gbk"');
    const file = await dir.write("gb.html.gz", gzip(encode(html, "gb18030")));
    const item = await only(readPath(file));
    expect(!isReadFailure(item) && [item.meta.title, item.text]).toEqual([TITLE, STORY]);
  });
});

describe("the --encoding override", () => {
  it("decodes with the given encoding instead of guessing", async () => {
    const file = await dir.write("forced.txt", encode(STORY, "utf-16le"));
    const item = await only(readPath(file, { encoding: "utf-16le" }));
    expect(!isReadFailure(item) && item.text).toBe(STORY);
  });

  it("reports bytes that do not fit the forced encoding", async () => {
    const file = await dir.write("wrong.txt", encode(STORY, "gb18030"));
    const item = await only(readPath(file, { encoding: "utf-8" }));
    expect(isReadFailure(item) && item.reason).toBe("invalid-bytes");
  });

  it("refuses an encoding name iconv-lite does not know before reading anything", async () => {
    const reading = readPath(dir.path("none.txt"), { encoding: "klingon-8" });
    await expect(reading.next()).rejects.toBeInstanceOf(SettingsError);
  });
});
