// extract --spans line protocol: one JSON line per input line, offsets in code points, streaming input.
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Ner, NerSpan } from "../../../ingest/ner/index.js";
import { runSpans, spansLine } from "../../../ingest/ner/spans.js";

/** A tagger that marks every occurrence of the given words, so the protocol is tested apart from the model. */
function wordTagger(words: Record<string, NerSpan["type"]>): Ner {
  return {
    tag(text) {
      const spans: NerSpan[] = [];
      for (const [w, type] of Object.entries(words))
        for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length))
          spans.push({ start: i, end: i + w.length, type });
      return spans.sort((a, b) => a.start - b.start);
    },
  };
}

async function run(chunks: (string | Buffer)[], ner: Ner): Promise<string[]> {
  const out = new PassThrough();
  const got: Buffer[] = [];
  out.on("data", (c: Buffer) => got.push(c));
  await runSpans(Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c))), out, ner);
  const text = Buffer.concat(got).toString("utf8");
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

const ner = wordTagger({ 李长萍: "PER", 聊城市: "LOC", 市委: "ORG" });

describe("spansLine", () => {
  it("counts offsets in code points when astral characters come before an entity", () => {
    const line = "𠀋𠀋李长萍到聊城市";
    const { entities } = JSON.parse(spansLine(ner, line)) as {
      entities: { start: number; end: number; text: string }[];
    };
    expect(entities.map((e) => [e.start, e.end, e.text])).toEqual([
      [2, 5, "李长萍"],
      [6, 9, "聊城市"],
    ]);
    const cps = [...line];
    for (const e of entities) expect(cps.slice(e.start, e.end).join("")).toBe(e.text);
  });

  it("names the types Person, Place and Organization", () => {
    const { entities } = JSON.parse(spansLine(ner, "市委李长萍")) as { entities: { type: string }[] };
    expect(entities.map((e) => e.type)).toEqual(["Organization", "Person"]);
  });

  it("gives an empty list for an empty line", () => {
    expect(spansLine(ner, "")).toBe('{"entities":[]}');
  });
});

describe("runSpans", () => {
  it("writes exactly one line for each input line, blank lines included", async () => {
    const lines = await run(["李长萍\n\n聊城市\n\n"], ner);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('{"entities":[]}');
  });

  it("treats a last line without a newline as a line", async () => {
    expect(await run(["李长萍\n聊城市"], ner)).toHaveLength(2);
  });

  it("writes nothing for empty input", async () => {
    expect(await run([], ner)).toEqual([]);
  });

  it("joins a character whose UTF-8 bytes are split across chunks", async () => {
    const bytes = Buffer.from("到聊城市\n李长萍\n");
    const lines = await run([bytes.subarray(0, 4), bytes.subarray(4, 11), bytes.subarray(11)], ner);
    expect(lines.map((l) => (JSON.parse(l) as { entities: { text: string }[] }).entities.map((e) => e.text))).toEqual([
      ["聊城市"],
      ["李长萍"],
    ]);
  });

  it("drops the carriage return of CRLF lines before tagging", async () => {
    const lines = await run(["聊城市\r\n"], ner);
    expect(JSON.parse(lines[0]!)).toEqual({ entities: [{ start: 0, end: 3, type: "Place", text: "聊城市" }] });
  });

  it("keeps the line count on many lines streamed in small chunks", async () => {
    const input = Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? "" : `第${i}行李长萍`)).join("\n") + "\n";
    const buf = Buffer.from(input);
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += 97) chunks.push(buf.subarray(i, i + 97));
    expect(await run(chunks, ner)).toHaveLength(500);
  });
});
