// Suffix-headed organization names read over the segmenter's words: a word ending in an organization head (公司,
// 研究院, 党支部, 图书馆 …) ends a name, and the name runs left over words that can sit inside one (places, proper
// nouns, nouns, unknown words) until a verb, adverb, preposition, pronoun, conjunction, particle or punctuation.
// A place is where a name begins: only another place may stand before it (浙江 湖州 莫干山…). So 拿出公司,
// 引入北京春山里置业发展集团 and 坚决防止各种利益集团 give no name or the name alone.
import { wordIndexAt, type Word } from "../segmenter.js";
import { HEAD_FIRST, headOf, MAX_HEAD, ORG_HEADS, SUB_UNIT, titleAt, TITLE_AFTER } from "../gazetteer/org-heads.js";
import type { ArticleContext, FocusPlace, Mention } from "./types.js";

/** Tags of words that may sit inside a name (jieba's ICTCLAS set). */
const INSIDE = new Set(["n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "x", "j", "vn", "b", "a", "an", "l", "s"]);
INSIDE.add("tg").add("zg").add("ng").add("ag").add("m").add("g");
/** Tags of words that make a name a name: a place, a proper noun, an unknown word. */
const PROPER = new Set(["ns", "nr", "nrfg", "nrt", "nt", "nz", "x", "g"]);
/** A company's legal suffix ends its name: what follows is a unit or another company (…有限公司向家坝灌区公司). */
const LEGAL_END = /(?:有限公司|有限责任公司|股份公司)$/;
/** Heads that a company's name carries after its legal suffix (…有限公司北京分公司). */
const BRANCH = /^(?:分公司|子公司|分行|支行|分厂)$/;
/** Tags of words that begin a name: before a place stand only longer words of a name (国网 天津 电力 …), no
 * single-character word (经 新余市科协, 在 京). */
const BEGINS = new Set(["ns"]);
const HAN = /^[\u4e00-\u9fff]+$/;
/** First characters of a counted or pointed-to group (两县, 各市, 本院): no name of one body. */
const GROUP = /^[两各全本该我每这那其多几数]/;
const MAX_NAME = 24;
const DIRECTION = /^[东西南北中上下内外前后]+$/;
/** Tags of words that may end in a head they carry inside (物业公司/n, 中国科学院/nt, 市图书馆/n). */
const WORD_HOLDS_HEAD = new Set(["n", "nt", "nz", "ns", "x", "j"]);
/** Words of space before 中心 make it "the middle of" (天安门广场中心), not a body. */
const CENTRE_OF = /^(?:城区|城市|区域|地带|位置|地区|城)/;
const SPACE_BEFORE_CENTRE = /(?:广场|城市|城区|市区|县城|老城|舞台|画面|区域|湖|岛|园|街)$/;
/** Joiners read inside one unknown word (等国) end a name. */
const JOINED = /[等和与及的]/;
/** Without a proper word, a name needs this many characters before its head (地磁大科学装置研究院). */
const GENERIC_MIN = 5;
/** 中心 ends many things that are not bodies (会议中心, 展览中心): a generic one needs more before it. */
const GENERIC_MIN_CENTRE = 6;
/** Numbered schools: 一中, 二小 (德令哈一中). */
const NUMBERED_SCHOOL = /^[一二三四五六七八九十]{1,2}[中小]$/;

export interface HeadedName {
  start: number;
  end: number;
  /** The place word the name starts with when the text leaves it to the context (县交通运输局, 市图书馆). */
  relative: string | null;
}

/** The head a word ends with, or a head it starts with when a title or 等 follows inside the word (局局长, 部等). */
function headIn(w: Word): { head: string; end: number } | null {
  if (NUMBERED_SCHOOL.test(w.word)) return { head: w.word, end: w.end };
  const h = headOf(w.word);
  if (h) return { head: h, end: w.end };
  if (!HEAD_FIRST.has(w.word[0] ?? "")) return null;
  for (let n = Math.min(MAX_HEAD, w.word.length - 1); n >= 1; n--) {
    const pre = w.word.slice(0, n);
    if (ORG_HEADS.has(pre) && TITLE_AFTER.test(w.word.slice(n))) return { head: pre, end: w.start + n };
  }
  return null;
}

/** Names ending in a head, with their left edge decided by word tags and the places found in the text. */
export function readHeadedNames(text: string, words: Word[], places: Mention[]): HeadedName[] {
  const placeEnding = new Map(places.map((p) => [p.end, p]));
  const wordEnding = new Map(words.map((w, i) => [w.end, i]));
  const wordStarting = new Map(words.map((w) => [w.start, w]));
  const out: HeadedName[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const found = headIn(w);
    if (!found) continue;
    const { head, end } = found;
    const inWord = w.word.slice(0, end - w.start - head.length);
    let start = end - head.length;
    let proper = false;
    let begun = false;
    let relative: string | null = null;
    let generic = 0;
    let innerHead = false;
    // A whole organization word (中央电视台/nt, 中央统战部/nt) is a name already: what stands before it is no part
    // of it (所属, 委托), save a place or the first half of a name joined by 和 (人力资源和社会保障部).
    let whole = false;
    if (inWord) {
      start = w.start;
      if (/^[市县省区州村]$/.test(inWord)) {
        if (head.length < 2) continue; // 村部, 市局: a desk, not a body
        relative = inWord;
      } else {
        // 格局, 底部, 干部, 工厂: a head glued to one character is a common word; so is a direction (东北部) or
        // an idiom (统揽全局).
        if (
          GROUP.test(inWord) ||
          inWord.length < 2 ||
          DIRECTION.test(inWord) ||
          !WORD_HOLDS_HEAD.has(w.tag) ||
          w.word.endsWith("干部")
        )
          continue;
        // A one-character head inside a tagged word (新格局/nt, 加工厂/nt) is no proof of a name.
        proper = PROPER.has(w.tag) && head.length > 1;
        begun = BEGINS.has(w.tag);
        whole = w.tag === "nt";
        generic += inWord.length;
      }
    }
    let j = i - 1;
    while (!relative) {
      const p = placeEnding.get(start);
      if (p && p.start < start && end - p.start <= MAX_NAME) {
        start = p.start;
        proper = begun = true;
        // A place that begins inside a word (a village the segmenter ran into the word before) ends the name.
        j = wordEnding.get(start) ?? -1;
        if (j < 0) break;
        continue;
      }
      const x = words[j];
      if (!x || x.end !== start || end - x.start > MAX_NAME) break;
      // 和 joins the halves of one body's name (工业和信息化部, 发展和改革委员会), not two bodies: both halves are
      // short common nouns with no head of their own.
      const left = words[j - 1];
      const right = words[j + 1];
      const joiner =
        x.word === "和" &&
        x.tag === "c" &&
        !begun &&
        !innerHead &&
        generic > 0 &&
        !!left &&
        !!right &&
        /^(?:n|vn)$/.test(left.tag) &&
        left.word.length <= 4 &&
        !headOf(left.word) &&
        /^(?:n|vn|nt)$/.test(right.tag);
      const dot = x.word === "·" && HAN.test(words[j - 1]?.word ?? "") && !begun;
      const xHead = headOf(x.word);
      if (whole && !joiner && x.tag !== "ns") break;
      if (joiner) whole = false;
      if (!joiner && !dot) {
        if (!HAN.test(x.word) || !INSIDE.has(x.tag) || (x.tag === "x" && JOINED.test(x.word))) break;
        if (head === "中心" && start === end - 2 && SPACE_BEFORE_CENTRE.test(x.word)) {
          start = -1;
          break;
        }
        if (LEGAL_END.test(x.word) && !BRANCH.test(head)) break;
        // Before a place only another place, an abbreviation or unknown word of two or more characters (武警 四川), or the
        // body whose branch the place names (…局 蓟州 分局).
        if (begun && !xHead && (x.word.length < 2 || !/^(?:ns|j|nz|nt)$/.test(x.tag) || GROUP.test(x.word))) break;
        // A one-character place (在|京) does not open a longer name.
        if (x.tag === "ns" && x.word.length < 2) break;
        if (/届$/.test(x.word)) break; // 新一届, 本届: which term, not whose body
        // 县交通运输局: the place is the context's, unless a name stands before 村/县 (心宁|村 党支部).
        const prev = words[j - 1];
        const named =
          prev && prev.end === x.start && HAN.test(prev.word) && INSIDE.has(prev.tag) && !NOT_FIRST.test(prev.tag);
        if (/^[市县省区州村]$/.test(x.word) && !begun && !named) {
          relative = x.word;
          start = x.start;
          break;
        }
        // 任村 (serve as + village) read as one unknown word: a lone character before 村 is no village's name.
        if (/^[\u4e00-\u9fff]村$/.test(x.word) && x.tag === "x" && !begun) {
          relative = "村";
          start = x.start + 1;
          break;
        }
        if (/^[村镇乡县]$/.test(x.word) && named) proper = true;
        if (GROUP.test(x.word) && (x.tag === "x" || x.tag === "m" || x.tag === "r")) {
          start = -1;
          break;
        }
      }
      start = x.start;
      if (PROPER.has(x.tag)) proper = true;
      begun = BEGINS.has(x.tag) || (begun && !xHead);
      if (!joiner && !dot) generic += x.word.length;
      if (xHead) innerHead = true;
      j--;
    }
    if (start < 0) continue;
    // 沧州中心城区: the middle of a place, not a body.
    if (head === "中心" && CENTRE_OF.test(text.slice(end, end + 2))) continue;
    // Numbers open no name (十二局 stays inside 中铁十二局集团, 5 in 5部门 does not).
    while (!relative) {
      const lead = wordStarting.get(start);
      if (!lead || lead.tag !== "m" || lead.end >= end - head.length) break;
      generic -= lead.word.length;
      start = lead.end;
    }
    // A noun of action right after a verb is that verb's object (加快|建设…中心): it does not open the name.
    const first = wordStarting.get(start);
    const before = words[wordEnding.get(start) ?? -1];
    // An adjective does not open one either (配套|国际会议中心).
    const opensBadly = first?.tag === "a" || (first?.tag === "vn" && before?.tag.startsWith("v"));
    if (first && opensBadly && first.end < end - head.length) {
      generic -= first.word.length;
      start = first.end;
    }
    // A village body named alone (、村委会主任…) is the body of the article's village.
    if (end - start <= head.length && /^村/.test(head)) relative = "村";
    else if (end - start <= head.length) continue;
    if (!relative && !proper && generic < (head.endsWith("中心") ? GENERIC_MIN_CENTRE : GENERIC_MIN)) continue;
    // 办公室主任, 品宣部部长: the unit before a title is the person's desk; the body named before it is the name.
    // The same when the unit's name runs on from a body before it that the words did not join (…集团|向家坝灌区…项目部).
    const joined = innerHead || /[\u4e00-\u9fff]/.test(text[start - 1] ?? "");
    if (joined && SUB_UNIT.test(head) && titleAt(text.slice(end, end + 6))) continue;
    out.push({ start, end, relative });
  }
  return out;
}

/** The place a relative name (县交通运输局) stands for in this article: the paper's home, then the article's focus. */
export function relativePlace(word: string, ctx: ArticleContext): FocusPlace | null {
  const f = ctx.focus;
  if (word === "县") return f?.county && /县$/.test(f.county.name) ? f.county : null;
  if (word === "区") return f?.county && /区$/.test(f.county.name) ? f.county : null;
  // A county-level city the article is about is its 市 (格尔木市 in 海西州) before the prefecture above it.
  if (word === "市") return ctx.city ?? (f?.county && /市$/.test(f.county.name) ? f.county : (f?.city ?? null));
  if (word === "州")
    return f?.city && /州$/.test(f.city.name)
      ? { ...f.city, name: f.city.short !== f.city.name ? `${f.city.short}州` : f.city.name }
      : null;
  if (word === "村") return f?.village ?? null;
  if (word === "省") return ctx.province ?? f?.province ?? null;
  return null;
}

/** Mentions for the names read: canonical is the text, or the context's place plus the text after 县/市/省. */
export function headedMentions(
  text: string,
  names: HeadedName[],
  ctx: ArticleContext,
  mention: (start: number, surface: string, canonical: string, via: string) => Mention,
): Mention[] {
  const out: Mention[] = [];
  for (const n of names) {
    const surface = text.slice(n.start, n.end);
    if (!n.relative) {
      out.push(mention(n.start, surface, surface, "org-head"));
      continue;
    }
    // 两县交通运输局, 全市图书馆: a group, not one body.
    if (GROUP.test(text[n.start - 1] ?? "")) continue;
    const place = relativePlace(n.relative, ctx);
    if (!place) continue;
    const rest = n.relative === "村" && /^村(?:委|民)/.test(surface) ? surface : surface.slice(1);
    out.push(mention(n.start, surface, place.name + rest, "org-head-context"));
  }
  return out;
}

/** Tags that never open an organization's name: verbs, adverbs, prepositions, pronouns, conjunctions, numbers. */
const NOT_FIRST = /^(?:v|vd|d|ad|p|r|c|u|uj|ul|uz|ud|ug|uv|m|q|f|t|y|e|o)$/;

/**
 * Whether a span another reader proposes (the tagger's ORG) opens where a name can: its first word is no verb,
 * adverb, preposition or number (拿出公司, 应用研究中心), and it names no group (两县人大常委会).
 */
export function opensName(text: string, start: number, end: number, words: Word[]): boolean {
  if (GROUP.test(text[start] ?? "")) return false;
  const at = wordIndexAt(words, start);
  const first = words[at];
  if (first && first.start === start && NOT_FIRST.test(first.tag)) return false;
  // 两县|人大常委会: a group's bodies; 创办和|规范产业合作社: the second of two verbs joined by 和.
  const prev = first?.start === start ? words[at - 1] : undefined;
  if (prev && prev.end === start && GROUP.test(prev.word) && /^(?:x|m|r|n)$/.test(prev.tag)) return false;
  if (prev?.word === "和" && words[at - 2]?.tag.startsWith("v")) return false;
  // …布局, …格局: a one-character head glued to one character ends a common word, not a name.
  const last = words[wordIndexAt(words, end - 1)];
  const h = last && last.end === end ? headOf(last.word) : null;
  if (h && h.length === 1 && last!.word.length === 2) return false;
  // A common noun and a head (物业公司, 管理中心) names no one body: it needs a proper word or a longer modifier,
  // as in readHeadedNames (a little shorter here, for the tagger's 国家统计局).
  const surface = text.slice(start, end);
  const headWord = headOf(surface);
  if (!headWord) return true;
  const inside = words.slice(wordIndexAt(words, start), wordIndexAt(words, end - 1) + 1);
  const need = headWord === "中心" ? GENERIC_MIN_CENTRE : GENERIC_MIN - 1;
  return inside.some((w) => PROPER.has(w.tag)) || surface.length - headWord.length >= need;
}

/** Index of the word holding an offset (binary search over words in text order). */
/**
 * Whether a name read by pattern (a place and a suffix) ends where the words end a head: 建设新局 (新局, "a new
 * situation") and 北部 end in a head character glued to a common word.
 */
export function endsInHead(end: number, words: Word[]): boolean {
  const w = words[wordIndexAt(words, end - 1)];
  if (!w || w.end !== end) return false;
  const found = headIn(w);
  if (!found || found.end !== end) return false;
  const inWord = w.word.length - found.head.length;
  return inWord === 0 || inWord >= 2 || /^[市县省区州村]$/.test(w.word.slice(0, inWord));
}
