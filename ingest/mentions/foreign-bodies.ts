// Parties and state bodies of other countries, so their leaders' posts are tied to them and never to 中共中央 or
// 国务院: a country's name with a body word (朝鲜劳动党, 俄罗斯联邦委员会, 日本外务省), and the short forms news
// uses for the parties of neighbouring states (越共中央 = 越南共产党中央委员会). Facts of usage, not of a corpus.
import { FOREIGN_COUNTRIES } from "../gazetteer/lexicon.js";
import { CharTable } from "../text.js";
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
/** The short forms, longest first. */
const SHORTS = Object.keys(SHORT_FORMS).sort((a, b) => b.length - a.length);
/** The countries by their first character, in list order. */
const COUNTRIES_BY_FIRST = new Map<number, string[]>();
for (const c of FOREIGN_COUNTRIES)
  COUNTRIES_BY_FIRST.set(c.charCodeAt(0), [...(COUNTRIES_BY_FIRST.get(c.charCodeAt(0)) ?? []), c]);
const FIRST = new CharTable([...SHORTS, ...FOREIGN_COUNTRIES].map((w) => w[0]!));
const BODY_AT = new RegExp(BODY, "y");

/**
 * The body named at `at`: the first short form (longest first) written there, else the first country, in list
 * order, that a body word follows (几内亚 does not end 几内亚比绍政府, so 几内亚比绍 is tried after it).
 */
function bodyAt(text: string, at: number): string | null {
  for (const s of SHORTS) if (text.startsWith(s, at)) return s;
  for (const c of COUNTRIES_BY_FIRST.get(text.charCodeAt(at)) ?? []) {
    if (!text.startsWith(c, at)) continue;
    BODY_AT.lastIndex = at + c.length;
    const body = BODY_AT.exec(text);
    if (body) return c + body[0];
  }
  return null;
}

export function findForeignBodies(text: string): Mention[] {
  const out: Mention[] = [];
  // Left to right; a name found is skipped over, so none starts inside another.
  for (let at = 0; at < text.length; at++) {
    const name = FIRST.at(text, at) ? bodyAt(text, at) : null;
    if (!name) continue;
    const canonical = SHORT_FORMS[name] ?? name.replace(/中央$/, "中央委员会");
    out.push({
      type: "Organization",
      start: at,
      end: at + name.length,
      text: name,
      canonical,
      props: { kind: /党/.test(canonical) ? "party" : "government" },
      via: "foreign-body",
    });
    at += name.length - 1;
  }
  return out;
}
