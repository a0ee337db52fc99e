// Suffix-headed organization names read over the segmenter's words: a word ending in an organization head (公司,
// 研究院, 党支部, 图书馆 …) ends a name, and the name runs left over words that can sit inside one (places, proper
// nouns, nouns, unknown words) until a verb, adverb, preposition, pronoun, conjunction, particle or punctuation.
// A place is where a name begins: only another place may stand before it (浙江 湖州 莫干山…). So 拿出公司,
// 引入北京春山里置业发展集团 and 坚决防止各种利益集团 give no name or the name alone.
import { wordIndexAt, type Word } from "../segmenter.js";
import {
  HEAD_FIRST,
  headOf,
  isTitleWord,
  MAX_HEAD,
  ORG_HEADS,
  SUB_UNIT,
  titleAt,
  TITLE_AFTER,
} from "../gazetteer/org-heads.js";
import { givenNamePlausible, surnameAt } from "./person-names.js";
import type { ArticleContext, FocusPlace, Mention } from "./types.js";
import { wordOffsets } from "./word-offsets.js";
import { CharTable } from "../text.js";

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
const NUMERAL = new CharTable("一二三四五六七八九十");
/** Words that name the state or the party centre as a body's owner (中央|财经委员会, 国家|超级计算…中心). */
const OWNER = /^(?:中央|国家|全国)$/;
/** Common nouns jieba tags as places: they neither begin a name nor stop one at its left (…旅游|城市|联盟). */
const COMMON_NS = /^(?:城市|都市|山区)$/;
/** Marks of a former post (原|党组 成员): what follows is the unit of a title, not a body's name. */
const FORMER = /^(?:原|时任|前任)$/;
const UNITS = "党委|党组|党工委|区委|县委|市委|省委|纪委|常委会";
/** A body's party unit, which a name may hold after 原 (…集团有限责任公司原党委). */
const PARTY_UNIT = new RegExp(`^(?:${UNITS})$`);
/** 原 before the party unit that ends a name: the post was held before; the unit's own name has no 原. */
export const FORMER_UNIT = new RegExp(`原(?=(?:${UNITS})$)`);
/** Heads of a state's own organs: two states before one (中国-澳大利亚海关) are two bodies, not one joint body. */
const STATE_ORGAN = /(?:海关|部|局|厅|署|政府)$/;
/** Heads of a department inside a body (工作部, 办公室): with a common name it names no one body. */
const DEPARTMENT = /^(?:部|处|科|室|办公室)$/;
/** Characters that end a quoted name's run: punctuation, particles, joiners (“没有围墙的…博物馆”, “从…到…”). */
const QUOTE_STOP = /[“”，。、；：！？《》\s的了在和与及是为将对把从到由向如等其给]/;
/** Dashes that join two partners in one body's name (北约-乌克兰理事会). */
const DASH = /^[-－—–]$/;
/** Tags of a proper word that can stand before a place inside a name (博鳌|亚洲论坛). */
const PROPER_BEFORE_PLACE = /^(?:nr|nz|j|nt)$/;
/** Heads of the national centres named by a field and a place (国家超级计算长沙中心). */
const NATIONAL_HEAD = /(?:中心|实验室|研究院|研究所|基地)$/;
/** Characters of adverbs, prepositions and copulas that the segmenter glues into unknown words (仅为, 将在). */
const FUNCTION_CHAR = /[为是在将把被了对仅也都还又再就才已曾向从由让使称即并]/;
/** Tags of the words between 国家 and the place of a national centre (国家|超级|计算|长沙|中心). */
const NATIONAL_FIELD = /^(?:n|b|v|vn|l|nz)$/;

export interface HeadedName {
  start: number;
  end: number;
  /** The place word the name starts with when the text leaves it to the context (县交通运输局, 市图书馆). */
  relative: string | null;
  /** What the text shares with the names before it and leaves out here (中国驻 in 中国驻西班牙、土耳其大使馆). */
  shared?: string;
}

/** The head a word ends with, or a head it starts with when a title or 等 follows inside the word (局局长, 部等). */
function headIn(w: Word): { head: string; end: number } | null {
  if (NUMERAL.at(w.word, 0) && NUMBERED_SCHOOL.test(w.word)) return { head: w.word, end: w.end };
  const h = headOf(w.word);
  if (h) return { head: h, end: w.end };
  if (!HEAD_FIRST.at(w.word, 0)) return null;
  for (let n = Math.min(MAX_HEAD, w.word.length - 1); n >= 1; n--) {
    const pre = w.word.slice(0, n);
    if (ORG_HEADS.has(pre) && TITLE_AFTER.test(w.word.slice(n))) return { head: pre, end: w.start + n };
  }
  return null;
}

/** Names ending in a head, with their left edge decided by word tags and the places found in the text. */
export function readHeadedNames(
  text: string,
  words: Word[],
  places: Mention[],
  known: ReadonlyArray<{ start: number; end: number }> = [],
): HeadedName[] {
  const placeEnding = new Map(places.map((p) => [p.end, p]));
  const offsets = wordOffsets(words);
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
          (inWord.length < 2 && !/^科[院所]$/.test(head)) ||
          DIRECTION.test(inWord) ||
          !WORD_HOLDS_HEAD.has(w.tag) ||
          w.word.endsWith("干部")
        )
          continue;
        // A one-character head inside a tagged word (新格局/nt, 加工厂/nt) is no proof of a name.
        // 农科院/nt: one character before a short academy's head names its field.
        proper = PROPER.has(w.tag) && (head.length > 1 || /^科[院所]$/.test(head));
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
        j = offsets.indexEndingAt(start);
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
        /^(?:n|vn|nt)$/.test(right.tag) &&
        !OWNER.test(right.word);
      const dot = x.word === "·" && HAN.test(words[j - 1]?.word ?? "") && !begun;
      // 北约-乌克兰理事会: a dash between two proper words joins the partners of one body.
      const partner = words[j - 1];
      const dash =
        DASH.test(x.word) &&
        !STATE_ORGAN.test(head) &&
        !!partner &&
        !!right &&
        HAN.test(partner.word) &&
        partner.end === x.start &&
        partner.word.length >= 2 &&
        /^(?:ns|nr|nt|nz|j)$/.test(partner.tag) &&
        /^(?:ns|nr|nt|nz|j)$/.test(right.tag);
      // 原|党组|成员, 时任|…局|局长: the unit of a former post, read by the title rules; the body is before 原.
      if (FORMER.test(x.word)) {
        const prev = words[j - 1];
        const inside = !!prev && prev.end === x.start && HAN.test(prev.word) && INSIDE.has(prev.tag);
        // …公司|原|党委: the body's party unit, held before; the title rules keep it as a former post.
        if (inside && x.word === "原" && PARTY_UNIT.test(text.slice(start, end))) {
          start = x.start;
          j--;
          continue;
        }
        // 时任|南昌…中队: at the name's left edge it only marks the post as former.
        if (inside) start = -1;
        break;
      }
      // 全国|人大代表|航空工业|陕飞…厂: a title ends the name at its left when a proper word after it opens a name
      // of its own; a body named after the title (人大代表|中心|联络站) keeps it.
      if (isTitleWord(x.word) && words.slice(j + 1, i).some((w) => PROPER.has(w.tag))) break;
      if (dash) {
        start = partner!.start;
        proper = true;
        begun = BEGINS.has(partner!.tag);
        j -= 2;
        continue;
      }
      // 中国|驻|土耳其|大使馆: a mission is named by the state that sends it; without it the name is cut.
      if (x.word === "驻" && begun) {
        const sender =
          !!partner &&
          partner.end === x.start &&
          /^(?:ns|nt|j)$/.test(partner.tag) &&
          partner.word.length >= 2 &&
          !GROUP.test(partner.word);
        if (!sender) {
          start = -1;
          break;
        }
        start = partner.start;
        j -= 2;
        continue;
      }
      const xHead = headOf(x.word);
      // 中央|财经委员会: the owner word before a whole name is part of it.
      // 中国致公党|中央委员会: the party or league whose centre it is, too.
      const centreOf = /^中央/.test(w.word) && /^(?:nt|j)$/.test(x.tag) && j === i - 1;
      if (whole && !joiner && x.tag !== "ns" && !OWNER.test(x.word) && !centreOf) break;
      if (joiner) whole = false;
      // Before a place only another place may stand, or a proper name or national owner that opens the same name.
      const lead =
        begun && !xHead && !joiner && !dot && !dash && (x.word.length < 2 || !/^(?:ns|j|nz|nt)$/.test(x.tag))
          ? (properBeforePlace(words, j, start) ??
            unknownBeforePlace(words, j, start) ??
            nationalField(words, j, start, head))
          : null;
      // 金砖国家|工业|能力|中国|中心: 国家 is "countries" of a longer name this reading cannot bound.
      if (lead === -1) {
        start = -1;
        break;
      }
      if (lead !== null) {
        generic += start - words[lead]!.start;
        start = words[lead]!.start;
        j = lead - 1;
        continue;
      }
      // 旅游|城市|联盟: a common noun the segmenter tags as a place (城市) is no place; the noun before it goes on
      // the name.
      const commonPlace = words[j + 1];
      if (
        begun &&
        commonPlace?.start === start &&
        COMMON_NS.test(commonPlace.word) &&
        /^(?:n|vn)$/.test(x.tag) &&
        x.word.length >= 2
      )
        begun = false;
      if (!joiner && !dot && !dash) {
        // An unknown word glued from a joiner or a verb of saying and a name (等国, 称美) ends the name.
        if (
          !HAN.test(x.word) ||
          !INSIDE.has(x.tag) ||
          (x.tag === "x" && (JOINED.test(x.word) || /^[称据]/.test(x.word)))
        )
          break;
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
      if (PROPER.has(x.tag) && !COMMON_NS.test(x.word)) proper = true;
      begun = BEGINS.has(x.tag) || (begun && !xHead);
      if (!joiner && !dot && !dash) generic += x.word.length;
      if (xHead) innerHead = true;
      j--;
    }
    if (start < 0) continue;
    // 中国驻西班牙、土耳其大使馆: the second mission of a list shares the sender and 驻 of the first.
    let shared: string | undefined;
    if (begun && words[j]?.word === "、" && words[j]!.end === start) {
      let k = j;
      while (words[k]?.word === "、" && words[k - 1]?.tag === "ns" && words[k - 1]!.end === words[k]!.start) k -= 2;
      const sender = words[k - 1];
      if (k < j && words[k]?.word === "驻" && sender && /^(?:ns|nt|j)$/.test(sender.tag) && !GROUP.test(sender.word))
        shared = `${sender.word}驻`;
    }
    // A name whose quotation opens before it: “…中国—阿拉伯中心” quoted whole runs from the opening quote; one
    // the quotation opens with a verb (“促进…合作中国中心”) is a clause or a name too long to read, and is dropped.
    if (!relative && text[end] === "”") {
      const open = text.lastIndexOf("“", start - 1);
      const quoted = open >= 0 ? text.slice(open + 1, start) : "";
      if (open >= 0 && end - open - 1 <= MAX_NAME && quoted.length > 0 && !QUOTE_STOP.test(quoted)) {
        if (offsets.startingAt(open + 1)?.tag.startsWith("v")) continue;
        start = open + 1;
      }
    }
    // A body the lexicon names whole (工业和信息化部) that the words cut at 和: the name starts where it starts.
    const cutKnown = known.find(
      (k) => k.start < start && start < k.end && k.end <= end && offsets.startingAt(k.start) !== undefined,
    );
    if (cutKnown) start = cutKnown.start;
    // 沧州中心城区: the middle of a place, not a body; nor is a city's 副中心, a district it plans.
    if (head === "中心" && (CENTRE_OF.test(text.slice(end, end + 2)) || text[end - 3] === "副")) continue;
    // Numbers open no name (十二局 stays inside 中铁十二局集团, 5 in 5部门 does not).
    while (!relative) {
      const lead = offsets.startingAt(start);
      if (!lead || lead.tag !== "m" || lead.end >= end - head.length) break;
      generic -= lead.word.length;
      start = lead.end;
    }
    // A noun of action right after a verb is that verb's object (加快|建设…中心): it does not open the name.
    const first = offsets.startingAt(start);
    const before = words[offsets.indexEndingAt(start)];
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
    out.push(shared ? { start, end, relative, shared } : { start, end, relative });
  }
  return out;
}

/**
 * Before a place that begins a name, a proper word the segmenter knows (博鳌|亚洲论坛…) is part of the name, unless
 * it is a person's name (李强) or a glued function word: the index of that word, or null.
 */
function properBeforePlace(words: Word[], j: number, start: number): number | null {
  const w = words[j]!;
  if (w.end !== start || !HAN.test(w.word) || w.word.length < 2 || GROUP.test(w.word)) return null;
  if (!PROPER_BEFORE_PLACE.test(w.tag) || JOINED.test(w.word) || FUNCTION_CHAR.test(w.word)) return null;
  if (/^nr/.test(w.tag) && w.word.length <= 3 && surnameAt(w.word, 0) > 0 && givenNamePlausible(w.word)) return null;
  return j;
}

/** 胶济|铁路|青岛|博物馆: an unknown word (a name the segmenter does not know) and a noun before the place. */
function unknownBeforePlace(words: Word[], j: number, start: number): number | null {
  const n = words[j]!;
  const w = words[j - 1];
  if (n.tag !== "n" || n.word.length !== 2 || n.end !== start || !w || w.end !== n.start || w.tag !== "x") return null;
  if (!HAN.test(w.word) || w.word.length < 2 || w.word.length > 3 || GROUP.test(w.word) || JOINED.test(w.word))
    return null;
  // 纳方, 美方: a side in talks, no name.
  return FUNCTION_CHAR.test(w.word) || w.word.endsWith("方") ? null : j - 1;
}

/**
 * 国家|超级|计算|长沙|中心: a national centre or laboratory named by its field and its place; the index of 国家, or
 * null. 国家 after a noun is "countries" (金砖国家), no owner: -1, as the name it ends cannot be bounded here.
 */
function nationalField(words: Word[], j: number, start: number, head: string): number | null {
  if (!NATIONAL_HEAD.test(head)) return null;
  let end = start;
  for (let k = j; k >= Math.max(0, j - 3); k--) {
    const w = words[k]!;
    if (w.end !== end) return null;
    if (w.word === "国家") {
      const before = words[k - 1];
      const owned =
        before && before.end === w.start && HAN.test(before.word) && /^(?:n|ns|nr|nrt|nz|j|x|m)$/.test(before.tag);
      if (k === j) return null;
      return owned ? -1 : k;
    }
    if (!NATIONAL_FIELD.test(w.tag) || !HAN.test(w.word)) return null;
    end = w.start;
  }
  return null;
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
      out.push(mention(n.start, surface, (n.shared ?? "") + surface, "org-head"));
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
  // 驻|土耳其大使馆: a mission cut from the state that sends it.
  if (prev?.word === "驻") return false;
  // “推动…合作|中国中心”: the tail of a quoted name.
  if (text[end] === "”") {
    const open = text.lastIndexOf("“", start - 1);
    if (open >= 0 && open + 1 < start && !QUOTE_STOP.test(text.slice(open + 1, start))) return false;
  }
  // …布局, …格局: a one-character head glued to one character ends a common word, not a name.
  const last = words[wordIndexAt(words, end - 1)];
  const h = last && last.end === end ? headOf(last.word) : null;
  if (h && h.length === 1 && last!.word.length === 2) return false;
  // A common noun and a head (物业公司, 管理中心) names no one body: it needs a proper word, an owner or a longer
  // modifier, as in readHeadedNames (a little shorter here, for the tagger's 市场监管总局).
  const surface = text.slice(start, end);
  const headWord = headOf(surface);
  if (!headWord) return true;
  const inside = words.slice(wordIndexAt(words, start), wordIndexAt(words, end - 1) + 1);
  if (inside.some((w) => PROPER.has(w.tag))) return true;
  // The state or the party centre as the owner (国家统计局, 中央社会工作部) makes a common name one body's.
  const owner = inside.find((w) => OWNER.test(w.word));
  if (owner && headWord !== "中心") return surface.length - headWord.length - owner.word.length >= 2;
  // 议会|调查|委员会: an organ named by its task inside a kind of body, with no owner named, is no name on its own;
  // nor is a department with a common name (社会工作部), which every committee and company may have.
  const opening = inside[0];
  const between = inside.slice(1, -1);
  if (
    opening?.start === start &&
    opening.word.length >= 2 &&
    headOf(opening.word) === opening.word &&
    between.length > 0 &&
    between.every((w) => /^(?:v|vn)$/.test(w.tag))
  )
    return false;
  // A department a title follows (文化艺术部大臣) is the holder's body, named as the article names it.
  const department =
    DEPARTMENT.test(headWord) && !titleAt(text.slice(end, end + 6)) && text.slice(end, end + 2) !== "大臣";
  const need = headWord === "中心" ? GENERIC_MIN_CENTRE : department ? GENERIC_MIN : GENERIC_MIN - 1;
  return surface.length - headWord.length >= need;
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
