// Every kind of bad input gives its own ReadFailure naming the file (and line), and the inputs around it still read.
import { chmod } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../../core/errors.js";
import { isReadFailure, readPaths, type ReadFailure, type ReadItem } from "../../../ingest/read/index.js";
import { encode, fixtureDir, gzip, jsonl, STORY, type FixtureDir } from "./fixtures.js";

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

let dir: FixtureDir;
beforeEach(async () => {
  dir = await fixtureDir();
});
afterEach(async () => {
  await dir.remove();
});

async function failureOf(name: string, data: string | Uint8Array, options = {}): Promise<ReadFailure> {
  const file = await dir.write(name, data);
  const items = await collect(readPaths([file], options));
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (!isReadFailure(item)) throw new Error(`expected ${name} to fail, it read as a ${item.kind}`);
  expect(item.file).toBe(file);
  expect(item.error).toBeInstanceOf(InputError);
  expect(item.error.file).toBe(file);
  expect(item.error.message.startsWith(`ingest/read: ${file}: `)).toBe(true);
  return item;
}

const utf8WithBadByte = () => {
  // One line, so it can sit inside a JSONL record too.
  const good = Buffer.from(STORY.replace("\n", ""));
  const offset = Buffer.byteLength(STORY.slice(0, 10));
  return {
    bytes: Buffer.concat([good.subarray(0, offset), Buffer.from([0xff]), good.subarray(offset)]),
    offset,
  };
};

describe("bad inputs", () => {
  it("reports a path that does not exist", async () => {
    const [item] = await collect(readPaths([dir.path("nowhere.txt")]));
    expect(item && isReadFailure(item) && item.reason).toBe("missing");
  });

  it("reports a path that cannot be read (a symbolic link loop)", async () => {
    await dir.link("loop-a.txt", dir.path("loop-b.txt"));
    await dir.link("loop-b.txt", dir.path("loop-a.txt"));
    const [item] = await collect(readPaths([dir.path("loop-a.txt")]));
    expect(item && isReadFailure(item) && item.reason).toBe("unreadable");
  });

  it.skipIf(process.getuid?.() === 0)("reports a file without read permission", async () => {
    const file = await dir.write("locked.txt", STORY);
    await chmod(file, 0o000);
    const [item] = await collect(readPaths([file]));
    expect(item && isReadFailure(item) && item.reason).toBe("unreadable");
  });

  it("reports an empty file and a file of blank lines", async () => {
    expect((await failureOf("empty.txt", "")).reason).toBe("empty");
    expect((await failureOf("blank.txt", "\n  \n\t\n")).reason).toBe("empty");
  });

  it("reports a binary file", async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    expect((await failureOf("image.txt", bytes)).reason).toBe("binary");
  });

  it("reports invalid UTF-8 with the offset of the first bad byte", async () => {
    const { bytes, offset } = utf8WithBadByte();
    const failure = await failureOf("damaged.txt", bytes);
    expect(failure.reason).toBe("invalid-bytes");
    expect(failure.error.message).toContain(`first bad byte at ${offset}`);
  });

  it("reports a page with no Chinese text", async () => {
    expect((await failureOf("english.txt", "City council meets on Friday to discuss the harbour.")).reason).toBe(
      "no-chinese",
    );
  });

  it("reports a file over the size limit without reading it whole", async () => {
    expect((await failureOf("big.txt", STORY.repeat(20), { maxBytes: 1024 })).reason).toBe("too-large");
  });

  it("reports a gzipped file that inflates past the size limit", async () => {
    expect(
      (
        await failureOf("bomb.txt.gz", gzip(STORY.repeat(2000)), {
          maxBytes: 64 * 1024,
        })
      ).reason,
    ).toBe("too-large");
  });

  it("reports a truncated gzip archive", async () => {
    const whole = gzip(STORY.repeat(50));
    expect((await failureOf("cut.txt.gz", whole.subarray(0, whole.length - 20))).reason).toBe("invalid-gzip");
  });

  it("reports Markdown whose front matter is not YAML", async () => {
    expect((await failureOf("bad.md", `---\ntitle: [unclosed\n---\n${STORY}`)).reason).toBe("invalid-front-matter");
  });

  it("reports a glob that matches nothing", async () => {
    const [item] = await collect(readPaths([dir.path("*.nothing")]));
    expect(item && isReadFailure(item) && item.reason).toBe("no-match");
  });
});

describe("bad JSONL lines", () => {
  it("reports each bad line with its number while the good lines still yield", async () => {
    const { bytes } = utf8WithBadByte();
    const good = JSON.stringify({ title: "好", text: STORY });
    const file = await dir.write(
      "mixed.jsonl",
      Buffer.concat([
        Buffer.from(`${good}\n[1,2]\n{"title":"无正文"}\n{"text":"only latin letters"}\n{"text":"`),
        bytes,
        Buffer.from(`"}\n${good}\n${good.slice(0, 25)}`),
      ]),
    );
    const items = await collect(readPaths([file]));
    const failures = items.filter(isReadFailure).map((f) => [f.line, f.reason]);
    expect(failures).toEqual([
      [2, "invalid-record"],
      [3, "invalid-record"],
      [4, "no-chinese"],
      [5, "invalid-bytes"],
      [7, "invalid-json"],
    ]);
    expect(items.filter((i) => !isReadFailure(i)).map((i) => !isReadFailure(i) && i.origin.line)).toEqual([1, 6]);
  });

  it("reports a line over the size limit and reads the next one", async () => {
    const file = await dir.write("long.jsonl", jsonl([{ text: STORY.repeat(400) }, { text: STORY }]));
    const items = await collect(readPaths([file], { maxBytes: 4096 }));
    expect(items.map((i) => (isReadFailure(i) ? i.reason : i.kind))).toEqual(["too-large", "article"]);
  });

  it("streams a JSONL file larger than the size limit, since each line is small", async () => {
    const file = await dir.write("many.jsonl", jsonl(Array.from({ length: 200 }, () => ({ text: STORY }))));
    const items = await collect(readPaths([file], { maxBytes: 1024 }));
    expect(items.filter(isReadFailure)).toEqual([]);
    expect(items).toHaveLength(200);
  });
});

describe("neighbours of bad inputs", () => {
  it("reads every good file of a directory in name order and reports the bad ones", async () => {
    await dir.write("archive/01.txt", STORY);
    await dir.write("archive/02.txt", "");
    await dir.write("archive/sub/03.txt", encode(STORY, "gb18030"));
    await dir.write("archive/sub/04.jsonl", jsonl([{ text: STORY }]));
    await dir.write("archive/notes.pdf", "%PDF-1.4");
    await dir.write("archive/.hidden.txt", STORY);
    const skipped: string[] = [];
    const items = await collect(
      readPaths([dir.path("archive")], {
        onSkip: (file) => skipped.push(file),
      }),
    );
    expect(items.map((i) => (isReadFailure(i) ? `${i.reason}` : i.origin.file.slice(dir.root.length)))).toEqual([
      "/archive/01.txt",
      "empty",
      "/archive/sub/03.txt",
      "/archive/sub/04.jsonl",
    ]);
    expect(skipped.map((f) => f.slice(dir.root.length)).sort()).toEqual(["/archive/.hidden.txt", "/archive/notes.pdf"]);
  });

  it("expands a glob pattern to its files in name order", async () => {
    await dir.write("g/b.txt", STORY);
    await dir.write("g/a.txt", STORY);
    await dir.write("g/c.md", STORY);
    const items = await collect(readPaths([dir.path("g/*.txt")]));
    expect(items.map((i) => !isReadFailure(i) && i.origin.file)).toEqual([dir.path("g/a.txt"), dir.path("g/b.txt")]);
  });
});
