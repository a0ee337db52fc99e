// Search by pinyin over loaded nodes: initials, full pinyin, Chinese substrings and aliases, table-driven.
import { describe, expect, it } from "vitest";
import type { ApiNode } from "../../core/api.js";
import { PinyinIndex } from "../../explorer/src/pinyin-index.js";

const node = (id: string, name: string, aliases: string[] = []): ApiNode => ({ id, type: "Person", name, aliases });

const index = new PinyinIndex();
index.add([
  node("p:李长萍", "李长萍"),
  node("p:林晓峰", "林晓峰"),
  node("p:陈静怡", "陈静怡"),
  { ...node("o:河清市人民政府", "河清市人民政府", ["市政府"]), type: "Organization" },
]);

const CASES: Array<{ query: string; expected: string; why: string }> = [
  { query: "lcp", expected: "p:李长萍", why: "initials, with 长 read chang in a name" },
  { query: "lxf", expected: "p:林晓峰", why: "initials" },
  { query: "chenjingyi", expected: "p:陈静怡", why: "full pinyin" },
  { query: "chenjy", expected: "p:陈静怡", why: "mixed full and initials" },
  { query: "晓峰", expected: "p:林晓峰", why: "Chinese substring" },
  { query: "市政府", expected: "o:河清市人民政府", why: "alias" },
  { query: "shizhengfu", expected: "o:河清市人民政府", why: "pinyin of an alias" },
];

describe("pinyin search over loaded nodes", () => {
  for (const c of CASES) {
    it(`finds ${c.expected} for "${c.query}" (${c.why})`, () => {
      expect(index.search(c.query)[0]?.id).toBe(c.expected);
    });
  }

  it("finds nothing for letters no name starts with", () => {
    expect(index.search("zzq")).toEqual([]);
  });
});
