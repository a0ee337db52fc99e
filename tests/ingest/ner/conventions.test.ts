// Training-data conventions: the 1998 clauses are brought to the People's Daily NER convention.
import { describe, expect, it } from "vitest";
import { toPdConvention } from "../../../ingest/ner/conventions.js";
import type { Sentence } from "../../../ingest/ner/training/data.js";
import type { NerSpan } from "../../../ingest/ner/decode.js";

const surfaces = (s: Sentence): string[] => s.spans.map((x) => `${x.type}:${s.text.slice(x.start, x.end)}`);
const sentence = (text: string, spans: NerSpan[] = []): Sentence => ({ text, spans, source: "test" });

describe("toPdConvention", () => {
  it.each([
    { text: "中美关系稳定发展", expected: ["LOC:中", "LOC:美"] },
    { text: "韩中两国合作", expected: ["LOC:韩", "LOC:中"] },
    { text: "外宾专程来京参观", expected: ["LOC:京"] },
    { text: "他多次访华", expected: ["LOC:华"] },
    { text: "学习邓小平理论", expected: ["PER:邓小平"] },
    { text: "市委召开会议", expected: ["ORG:市委"] },
  ])("tags $expected in $text", ({ text, expected }) => {
    expect(surfaces(toPdConvention(sentence(text), new Set()))).toEqual(expected);
  });

  it("splits a government into its country, leaving 政府 outside", () => {
    const s = toPdConvention(sentence("泰国政府宣布", [{ start: 0, end: 4, type: "ORG" }]), new Set());
    expect(surfaces(s)).toEqual(["LOC:泰国"]);
  });

  it("leaves 中 alone in ordinary words", () => {
    expect(surfaces(toPdConvention(sentence("其中美好的部分"), new Set()))).toEqual([]);
  });

  it("tags a ministry inside 部长 when the corpus knows it", () => {
    const s = toPdConvention(sentence("国防部长表示"), new Set(["国防部"]));
    expect(surfaces(s)).toEqual(["ORG:国防部"]);
  });
});
