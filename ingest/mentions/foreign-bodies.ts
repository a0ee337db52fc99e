// Parties and state bodies of other countries, so their leaders' posts are tied to them and never to 中共中央 or
// 国务院: a country's name with a body word (朝鲜劳动党, 俄罗斯联邦委员会, 日本外务省), and the short forms news
// uses for the parties of neighbouring states (越共中央 = 越南共产党中央委员会). Facts of usage, not of a corpus.
import { FOREIGN_COUNTRIES } from "../gazetteer/lexicon.js";
import type { Mention } from "./types.js";

/** Short forms whose full names news takes as known. */
const SHORT_FORMS: Record<string, string> = {
  越共中央政治局: "越南共产党中央政治局",
  老挝人革党中央政治局: "老挝人民革命党中央政治局",
  越共中央: "越南共产党中央委员会",
  越共: "越南共产党",
  老挝人革党中央: "老挝人民革命党中央委员会",
  老挝人革党: "老挝人民革命党",
  朝鲜劳动党中央: "朝鲜劳动党中央委员会",
  柬埔寨人民党中央: "柬埔寨人民党中央委员会",
  非国大: "南非非洲人国民大会",
  古共中央: "古巴共产党中央委员会",
  古共: "古巴共产党",
};

const BODY =
  "(?:共产党|劳动党|人民党|人民革命党|社会党|工人党|国民大会党|执政党|联邦委员会|国家杜马|国民议会|议会|国会|参议院|众议院|政府|外交部|外务省|国防部)(?:中央委员会|中央政治局|中央)?";
const PATTERN = new RegExp(
  `${Object.keys(SHORT_FORMS)
    .sort((a, b) => b.length - a.length)
    .join("|")}|(?:${FOREIGN_COUNTRIES.join("|")})${BODY}`,
  "g",
);

export function findForeignBodies(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const canonical = SHORT_FORMS[m[0]] ?? m[0].replace(/中央$/, "中央委员会");
    out.push({
      type: "Organization",
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      canonical,
      props: { kind: /党/.test(canonical) ? "party" : "government" },
      via: "foreign-body",
    });
  }
  return out;
}
