// CharTable, the character sets that per-character loops ask: by a text's unit and by a code, with the
// whitespace option matching what `\s` matches, and false outside the text or the UTF-16 range.
import { describe, expect, it } from "vitest";
import { CharTable } from "../../ingest/text.js";

describe("CharTable", () => {
  const table = new CharTable(["，。", "中"]);

  it("answers by unit of a text, false outside it", () => {
    expect(table.at("中国，", 0)).toBe(true);
    expect(table.at("中国，", 1)).toBe(false);
    expect(table.at("中国，", 2)).toBe(true);
    expect(table.at("中国，", -1)).toBe(false);
    expect(table.at("中国，", 3)).toBe(false);
  });

  it("answers by code, false for numbers that are no UTF-16 unit", () => {
    expect(table.has("。".charCodeAt(0))).toBe(true);
    expect(table.has("国".charCodeAt(0))).toBe(false);
    expect(table.has("中".charCodeAt(0) + 0x10000)).toBe(false);
    expect(table.has(-1)).toBe(false);
  });

  it("adds what \\s matches when asked to", () => {
    const spaced = new CharTable([], true);
    for (const c of [" ", "\t", "\n", "\u3000", "\u00a0", "\ufeff"])
      expect(spaced.has(c.charCodeAt(0))).toBe(/\s/.test(c));
    expect(spaced.has("a".charCodeAt(0))).toBe(false);
    expect(new CharTable([]).has(" ".charCodeAt(0))).toBe(false);
  });
});
