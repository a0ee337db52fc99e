// Places below the county: towns, streets, villages and communities (镇 乡 街道 苏木 村 社区 嘎查), and named sites
// read by what they are (水库 矿区 风景区). A name the package lists under a county or city the article names gets
// its code (新街镇 in an article about 嘉鱼县); another is read by its suffix when its left edge is certain: the end
// of a place right before it (三坑镇湴崀村), or a word boundary after punctuation or a function word.
import { localitiesNamed, type Locality } from "../gazetteer/localities.js";
import { wordsOf, type Segmenter } from "../segmenter.js";
import type { Mention } from "./types.js";
import { NO_WORDS, wordOffsets, type WordOffsets } from "./word-offsets.js";

const SUFFIX = /镇|乡|街道|苏木|村|社区|嘎查|水库|矿区|风景区/g;
const CJK = /^[\u4e00-\u9fff]+$/;

/** Words ending in a place suffix that are common nouns, not names. */
// prettier-ignore
const COMMON = new Set([
  "乡村", "农村", "城乡", "山村", "渔村", "全村", "本村", "该村", "各村", "两村", "邻村", "村村", "回村", "进村", "城镇", "乡镇", "村镇", "集镇", "小镇",
  "重镇", "强镇", "名镇", "古镇", "市镇", "全镇", "本镇", "该镇", "各镇", "家乡", "故乡", "老乡", "他乡", "异乡", "下乡", "返乡", "回乡", "城乡", "全乡",
  "各乡", "本乡", "水乡", "梦乡", "家乡", "社区", "全社区", "各社区", "本社区", "该社区", "街道", "各街道", "全街道", "水库", "景区", "风景区", "矿区", "老区",
  "苏木", "嘎查", "新村", "小区", "库区",
]);

/** Words that never belong to a place name: they end the stem on the left. */
// prettier-ignore
const STOP = new Set([
  "美丽", "示范", "重点", "特色", "贫困", "脱贫", "试点", "行政", "自然", "传统", "文明", "生态", "旅游", "专业", "明星", "先进", "典型", "数字", "未来",
  "和美", "宜居", "中心", "周边", "附近", "所在", "省级", "市级", "县级", "国家级", "全国", "全省", "全市", "全县", "全区", "一个", "这个", "那个", "每个",
  "多个", "各个", "许多", "不少", "少数民族", "民族", "边境", "沿海", "山区", "偏远", "当地", "本地", "外地", "城区", "郊区", "新型", "现代", "我们", "他们",
  "大家", "乡亲", "附近", "相邻", "隔壁", "对口", "结对", "帮扶", "扎根", "富裕", "小康", "富强", "闻名", "有名", "知名", "著名", "深入", "走进", "来到", "回到", "走访", "服务", "基层", "社区", "农村", "乡村", "城镇",
]);

/** Characters that begin no name: a function word the segmenter glued to an unknown name (从旺甫, 和村). */
const FUNCTION_CHAR = /^[个从和与及在到向对把被给让于等每各全本该这那一逐由经往将至为是的了]/;

/** Parts of speech that may stand inside a name (nouns, place and person names, unknown words). */
const NAME_TAG = /^(ns|nr|nrt|nz|n|ng|nt|x|zg|g|j|s)$/;

/** Code prefixes of one length (one tier: counties, cities, …), in the order the article names them. */
type Prefixes = string[];

export interface PlaceSpan {
  start: number;
  end: number;
}

/** Package towns and villages under the named codes (prefixes), as mentions with their codes. */
export function findLocalities(
  text: string,
  prefixes: string[],
  bounds: Set<number> | null,
  placeEnds: Map<number, string | undefined>,
): Mention[] {
  if (!prefixes.length) return [];
  // A prefix's names are read only when a form is first looked up under it: most articles that name a county
  // have no candidate town or village to look up.
  const tiers = new Map<number, Prefixes>();
  for (const p of new Set(prefixes)) {
    const tier = tiers.get(p.length);
    if (tier) tier.push(p);
    else tiers.set(p.length, [p]);
  }
  const ordered = [...tiers.entries()].sort((a, b) => b[0] - a[0]).map(([, tier]) => tier);
  const out: Mention[] = [];
  /** Codes of the divisions written within 30 characters before `at`, nearest first. */
  const nearby = (at: number): string[] => {
    const codes: string[] = [];
    for (let p = at; p >= Math.max(0, at - 30); p--) {
      const c = codePrefix(placeEnds.get(p));
      if (c) codes.push(c);
    }
    return codes;
  };
  for (const m of text.matchAll(SUFFIX)) {
    const end = m.index + m[0].length;
    if (!/镇|乡|街道|苏木|村|社区|嘎查/.test(m[0])) continue;
    for (let len = Math.min(9, m.index); len > m[0].length + 1; len--) {
      const start = end - len;
      if (
        !placeEnds.has(start) &&
        bounds &&
        !bounds.has(start) &&
        /[\u4e00-\u9fff]/.test(text[start - 1] ?? "") &&
        !FUNCTION_CHAR.test(text[start - 1]!)
      )
        continue;
      const form = text.slice(start, end);
      // Right after a coded place (格尔木市昆仑路社区), only that place's own localities count.
      const before = codePrefix(placeEnds.get(start));
      const found = before ? pick([[before]], form) : pick(ordered, form, nearby(start));
      if (!found) continue;
      out.push({
        type: "Place",
        start,
        end,
        text: form,
        canonical: form,
        props: found.code ? { code: found.code, level: found.level } : { level: found.level },
        via: "locality",
      });
      if (!placeEnds.has(end)) placeEnds.set(end, found.code);
      break;
    }
  }
  return out;
}

/** The code prefix a division or locality covers: 441800 → 4418; town and village codes stay whole. */
export function codePrefix(code: string | undefined): string | undefined {
  return code?.length === 6 ? code.replace(/(00)+$/, "") : code;
}

/**
 * The locality a form names: the only candidate of the narrowest prefixes that know the form (a county before a
 * city), or the name without a code when two places of that tier share it.
 */
function pick(
  tiers: Prefixes[],
  form: string,
  near: string[] = [],
): { code?: string; level: Locality["level"] } | null {
  for (const prefixes of tiers) {
    const list =
      prefixes.length === 1 ? localitiesNamed(prefixes[0]!, form) : prefixes.flatMap((p) => localitiesNamed(p, form));
    if (!list.length) continue;
    // Of namesakes, the one under the nearest division written before it (苍梧县人大代表、清水村 → 苍梧县's).
    for (const c of near) {
      const under = list.filter((l) => l.code.startsWith(c));
      if (under.length) {
        if (new Set(under.map((l) => l.code)).size === 1) return { code: under[0]!.code, level: under[0]!.level };
        break;
      }
    }
    const codes = new Set(list.map((l) => l.code));
    return codes.size === 1 ? { code: list[0]!.code, level: list[0]!.level } : { level: list[0]!.level };
  }
  return null;
}

/**
 * Places read by their suffix. The stem runs left from the suffix over name-like words and stops at the end of a
 * place (a chain), punctuation, a function word or a word that never is part of a name; it must be 2–5 characters.
 */
export function findSuffixPlaces(text: string, segmenter: Segmenter | undefined, placeEnds: Set<number>): Mention[] {
  const words = segmenter ? wordsOf(segmenter, text) : null;
  const wordEndingAt = words ? wordOffsets(words) : NO_WORDS;
  const out: Mention[] = [];
  for (const m of text.matchAll(SUFFIX)) {
    const sufStart = m.index;
    const end = sufStart + m[0].length;
    // The suffix must end a word: 村 in 村民, 镇 in 镇上 is none.
    if (words && !wordEndingAt.endingAt(end)) continue;
    let start = -1;
    // A chain: right after a place (the nearest), the stem is what lies between, if it reads as a name.
    for (let k = 2; k <= 5 && sufStart - k >= 0; k++)
      if (placeEnds.has(sufStart - k)) {
        if (nameLike(text, sufStart - k, sufStart, wordEndingAt, words !== null)) start = sufStart - k;
        break;
      }
    const locality = /镇|乡|街道|苏木|村|社区|嘎查/.test(m[0]);
    if (start < 0 && words) start = stemStart(text, sufStart, end, wordEndingAt, locality);
    if (start < 0) continue;
    const stem = text.slice(start, sufStart);
    if (COMMON.has(text.slice(start, end)) || STOP.has(stem) || /[不没未的了是和与或]/.test(stem)) continue;
    // A verb in the stem (做实社区, 利用社区) makes a clause of it, not a name.
    if (
      words &&
      words.some((w) => w.start >= start && w.start < sufStart && w.end <= end && /^(?:v|vd|vi|p)$/.test(w.tag))
    )
      continue;
    // A motion verb glued to the place word (出村, 驻镇, 进社区) is that verb and its object.
    const last = wordEndingAt.endingAt(end);
    if (last && last.word.length === 2 && last.start === sufStart - 1 && /^[出进驻到入回下]/.test(last.word)) continue;
    // 岐岭村村(民) is no village; a reservoir may be named after a town (黄河镇水库).
    if (locality && /(?:镇|乡|村|社区|街道|区|县|市|嘎查)$/.test(stem)) continue;
    const level = !locality ? "other" : /镇|乡|街道|苏木/.test(m[0]) ? "town" : "village";
    const name = text.slice(start, end);
    out.push({ type: "Place", start, end, text: name, canonical: name, props: { level }, via: "suffix" });
    placeEnds.add(end); // the next place of a chain starts here (酒井乡勐根村)
  }
  return out;
}

/** Whether [from, to) is CJK made of whole name-like words (no verb, preposition or stop word inside). */
function nameLike(text: string, from: number, to: number, wordEndingAt: WordOffsets, haveWords: boolean): boolean {
  if (!CJK.test(text.slice(from, to))) return false;
  if (!haveWords) return true;
  let at = to;
  while (at > from) {
    const w = wordEndingAt.endingAt(at);
    if (!w || w.start < from || !NAME_TAG.test(w.tag) || STOP.has(w.word) || DIVISION_END.test(w.word)) return false;
    at = w.start;
  }
  return true;
}

const BREAK = /[\s，。、；：！？“”‘’（）《》「」,.;:!?()\-—…·]/;

const COMMON_END = /(?:水乡|山村|渔村|小镇|古镇|名镇|重镇|乡村|农村|城乡|家乡|故乡)$/;
const DIVISION_END = /^(?:[\u4e00-\u9fff]{2,6}(?:省|市|县|区|州|旗|盟)|[\u4e00-\u9fff]县)$/;
const PROPER_TAG = /^(ns|nr|nrt|nz|x|zg|g|j|ng)$/;

/** Whether the words in [from, to) include a proper (non-common-noun) word. */
function properIn(from: number, to: number, wordEndingAt: WordOffsets): boolean {
  for (let at = to; at > from;) {
    const w = wordEndingAt.endingAt(at);
    if (!w) return true; // the suffix's own word (心宁村/x) was checked by its tag
    if (PROPER_TAG.test(w.tag)) return true;
    at = w.start;
  }
  return false;
}

/** Left edge of the stem before a suffix, from the segmenter's words, or -1. */
function stemStart(text: string, sufStart: number, end: number, wordEndingAt: WordOffsets, locality: boolean): number {
  const last = wordEndingAt.endingAt(end);
  if (!last) return -1; // the suffix runs on into a longer word (村民, 镇上)
  if (last.start < sufStart && COMMON.has(last.word)) return -1;
  let at: number;
  if (last.start < sufStart) {
    // The suffix inside a word (心宁村/x): only a name-like word counts, and its start begins the stem.
    if (!/^(ns|nr|nrt|nz|x|zg|g|j)$/.test(last.tag)) return -1;
    if (COMMON_END.test(last.word)) return -1;
    if (FUNCTION_CHAR.test(last.word)) return sufStart - (last.start + 1) >= 2 ? last.start + 1 : -1;
    at = last.start;
  } else at = sufStart;
  let start = at;
  while (start > 0) {
    const w = wordEndingAt.endingAt(start);
    if (!w || !CJK.test(w.word) || !NAME_TAG.test(w.tag) || STOP.has(w.word) || BREAK.test(w.word)) break;
    if (w.tag === "x" && FUNCTION_CHAR.test(w.word)) {
      start = w.start + 1;
      break;
    }
    if (DIVISION_END.test(w.word)) break; // a division's name (代县) ends the stem: the chain reads it
    if (sufStart - w.start > 5) return -1; // no edge within a name's length: not certain
    start = w.start;
  }
  const len = sufStart - start;
  if (len < 2 || len > 5) return -1;
  // A village or town name holds a proper word (苏/j 安北/ns, 心宁村/x); common nouns alone (低收入社区, 小山村) are
  // a description. A reservoir or scenic area may be named by common words (碾子滩水库).
  if (locality && !properIn(start, sufStart, wordEndingAt)) return -1;
  return start;
}
