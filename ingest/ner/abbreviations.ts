// Country and city abbreviations the People's Daily NER convention tags as single-character LOC
// (中美关系 → 中, 美; 访华 → 华; 来京 → 京), plus place words that sit inside ordinary words (华侨, 京剧).
// Used twice: to relabel the January-1998 training clauses, which leave them untagged, and after
// tagging, where the contexts are unambiguous enough to add spans the model missed.
import { CharTable } from "../text.js";
import type { NerSpan } from "./decode.js";

export interface Labeled {
  text: string;
  spans: NerSpan[];
}

/** Single characters that stand for a country or city. */
export const ABBREVIATIONS = "中美日俄英法德韩朝印巴以欧意澳加越泰葡蒙苏埃墨菲叙古非亚拉港台华京沪津渝藏";

// The January-1998 clauses leave country abbreviations untagged (the PKU corpus calls 中美 one
// abbreviation word), while the People's Daily NER convention tags each character as LOC. These
// unambiguous contexts are relabelled so the model learns the convention.
const PAIR_CHARS = "中美日俄英法德韩朝印巴以欧越泰葡蒙苏埃墨菲叙澳";
const BAD_PAIRS = new Set(["美德", "中意", "中欧", "中以", "以美", "以日", "以德", "以法", "中巴"]);
const NOT_BEFORE_ZHONG = "其集之当从空心期途手眼家群城市年月高初";
const VISIT = "访来驻对援旅赴抵离进返在";
const VISITED = "华美日俄英法德韩朝京沪港台欧";
const NOT_AFTER = "丽好术食容化满味常益前子报夜记期程后内里本国语文元圆洲军人方式口上下剧盟";

const RELATION =
  /^(?:两国|双方|关系|首脑|建交|边界|之间|合作|会谈|友好|贸易|经济|战略|伙伴|外长|会晤|联合|谈判|对话|峰会|和约|三国|两军|人民|交流)/;
const OFFICE = /^(?:政府|总统|总理|外长|首相|国内|金融|大使|领导人|军|寇|议会|外交|经济)/;
const IN_WORD = /华(?=侨|人|裔|商|工)|京(?=剧|韵|城|郊)|中(?=医|药)|青(?=藏)|(?<=青)藏/g;
// Place words the 1998 corpus leaves as common nouns but the NER convention tags.
const PLACE_WORDS =
  /地球|月球|火星|拉美|亚太|中东|中华(?=民族|文化|大地|儿女)|(?:东北|西北|西南|华北|华东|华南|华中)(?![部方风向侧角])/g;

const has = (set: string, ch: string | undefined): boolean => ch !== undefined && set.includes(ch);
// Characters that can start any of the patterns below: the scan skips every other position cheaply.
const FIRST = new CharTable(PAIR_CHARS + VISIT);

export function relabelAbbreviations<S extends Labeled>(s: S): S {
  const text = s.text;
  let spans = s.spans;
  // 青藏高原 as one LOC in the 1998 clauses; the NER convention tags 青 and 藏.
  if (spans.some((sp) => text.slice(sp.start, sp.end).startsWith("青藏"))) {
    spans = spans.flatMap((sp) => (text.slice(sp.start, sp.end).startsWith("青藏") ? [] : [sp]));
  }
  const covered = new Uint8Array(text.length);
  for (const sp of spans) covered.fill(1, sp.start, sp.end);
  const add: NerSpan[] = [];
  const mark = (i: number): void => {
    if (!covered[i]) {
      covered[i] = 1;
      add.push({ start: i, end: i + 1, type: "LOC" });
    }
  };
  for (let i = 0; i + 1 < text.length; i++) {
    if (!FIRST.at(text, i) || covered[i] || covered[i + 1]) continue;
    const a = text[i]!,
      b = text[i + 1]!;
    const prev = text[i - 1] ?? "";
    if (PAIR_CHARS.includes(a) && PAIR_CHARS.includes(b) && a !== b) {
      if (RELATION.test(text.slice(i + 2, i + 4)) && a + b !== "美德") {
        mark(i);
        mark(i + 1);
        continue;
      }
      if (b === "中" || BAD_PAIRS.has(a + b)) continue;
      if (/[0-9０-９一二三四五六七八九十]/.test(prev) || (a === "中" && has(NOT_BEFORE_ZHONG, text[i - 1]))) continue;
      if (b === "日" && has("报常益前子夜记期程", text[i + 2])) continue;
      mark(i);
      mark(i + 1);
    } else if (
      PAIR_CHARS.includes(a) &&
      b === "、" &&
      has(PAIR_CHARS, text[i + 2]) &&
      RELATION.test(text.slice(i + 3, i + 5))
    ) {
      mark(i);
      mark(i + 2);
    } else if (VISIT.includes(a) && VISITED.includes(b) && ("华京沪".includes(b) || !has(NOT_AFTER, text[i + 2]))) {
      mark(i + 1);
    } else if (PAIR_CHARS.includes(a) && a !== "以" && b === "方" && ABBREVIATIONS.includes(a)) {
      mark(i);
    } else if (
      PAIR_CHARS.includes(a) &&
      a !== "中" &&
      a !== "以" &&
      OFFICE.test(text.slice(i + 1, i + 4)) &&
      !/[\u4e00-\u9fa5]/.test(prev)
    ) {
      mark(i);
    }
  }
  for (const m of text.matchAll(IN_WORD)) if (!covered[m.index]) mark(m.index);
  for (const m of text.matchAll(PLACE_WORDS)) {
    if (covered.subarray(m.index, m.index + m[0].length).some((x) => x)) continue;
    covered.fill(1, m.index, m.index + m[0].length);
    add.push({ start: m.index, end: m.index + m[0].length, type: "LOC" });
  }
  if (!add.length && spans === s.spans) return s;
  return { ...s, spans: [...spans, ...add].sort((x, y) => x.start - y.start) };
}
