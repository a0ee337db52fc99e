// Feature extraction: the long-range organization cue fires for characters that an organization suffix
// follows within the same clause, and only there.
import { describe, expect, it } from "vitest";
import { extractFeatures, FEATURES_PER_CHAR, NONE } from "../../../ingest/ner/features.js";
import { Lexicon } from "../../../ingest/ner/lexicon.js";

const lex = Lexicon.build([
  ["委员会", "SFX"],
  ["公司", "SFX"],
]);
const AHEAD = 22; // first of the three suffix-ahead slots
const ahead = (text: string): boolean[] => {
  const f = extractFeatures(text, lex);
  return Array.from({ length: text.length }, (_, i) => f[i * FEATURES_PER_CHAR + AHEAD] !== NONE);
};

describe("organization suffix ahead", () => {
  it("marks every character before a suffix in its clause", () => {
    const text = "省卫生健康委员会";
    expect(ahead(text).slice(0, 5)).toEqual([true, true, true, true, true]);
  });

  it("does not reach across a clause mark", () => {
    const text = "他说，华兴电器公司";
    const got = ahead(text);
    expect(got.slice(0, 3)).toEqual([false, false, false]);
    expect(got[3]).toBe(true);
  });

  it("gives the same key for the same distance and a different one further away", () => {
    const a = extractFeatures("华兴公司", lex),
      b = extractFeatures("天华兴公司", lex);
    expect(a[1 * FEATURES_PER_CHAR + AHEAD]).toBe(b[2 * FEATURES_PER_CHAR + AHEAD]);
    expect(a[0 * FEATURES_PER_CHAR + AHEAD]).not.toBe(a[1 * FEATURES_PER_CHAR + AHEAD]);
  });

  it("stays silent when no suffix follows within twenty characters", () => {
    const text = "今天上午" + "很".repeat(20) + "公司";
    expect(ahead(text)[0]).toBe(false);
    expect(ahead(text)[5]).toBe(true);
  });
});
