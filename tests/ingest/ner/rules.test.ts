// Post-rules of the tagger on spans given by hand, so each rule is checked apart from what the model guesses.
import { describe, expect, it } from "vitest";
import { defaultModelPath } from "../../../ingest/ner/index.js";
import type { NerSpan } from "../../../ingest/ner/decode.js";
import { readModel } from "../../../ingest/ner/model.js";
import { applyRules } from "../../../ingest/ner/rules.js";

const { lexicon } = readModel(defaultModelPath());
const whole = (text: string, type: NerSpan["type"]): NerSpan[] => [{ start: 0, end: text.length, type }];
const read = (text: string, spans: NerSpan[]) =>
  applyRules(text, spans, lexicon).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe("a place before a name that starts with a full division name", () => {
  it.each([
    { text: "河南省郑州市新星职业学校", type: "ORG" as const, expected: ["LOC:河南省", "ORG:郑州市新星职业学校"] },
    { text: "吉林东丰县第二中学", type: "ORG" as const, expected: ["LOC:吉林", "ORG:东丰县第二中学"] },
  ])("is a place of its own: $text", ({ text, type, expected }) => {
    expect(read(text, whole(text, type))).toEqual(expected);
  });

  it.each([
    { text: "美国哥伦比亚大学", type: "ORG" as const },
    { text: "河北裕华建材公司", type: "ORG" as const },
    { text: "山东省聊城市", type: "LOC" as const },
  ])("stays one name when what follows is a country, a short name or nothing more: $text", ({ text, type }) => {
    expect(read(text, whole(text, type))).toEqual([`${type}:${text}`]);
  });
});
