// Reading a person's name at a position: a surname and a one- or two-character given name, whose end the
// segmenter agrees with. Word boundaries decide what a pattern cannot: 钟娟说 is 钟娟 + 说 (说 is a word of its
// own), 寻国华 is one name (国华 is one word), 王永来到 is 王永 + 来到 (来 starts the next word).
import { COMPOUND_SURNAMES, COUNTRY_SET, SURNAMES } from "../gazetteer/lexicon.js";
import {
  FOREIGN_NAME_CHARS,
  FOREIGN_PART_CHARS,
  NAME_CHAR_RATES,
  NAME_CHARS,
} from "../gazetteer/name-chars.generated.js";
import { wordIndexAt, type Word } from "../segmenter.js";
import type { Mention } from "./types.js";
import { wordOffsets } from "./word-offsets.js";

/** The article's words, indexed for the questions name reading asks. */
export interface WordIndex {
  /** Offsets where a word starts or ends. */
  bounds: { has(offset: number): boolean };
  /** The word starting at an offset. */
  startingAt: { get(offset: number): Word | undefined };
  /** All words in text order. */
  list: Word[];
}

export function indexWords(words: Word[]): WordIndex {
  const offsets = wordOffsets(words);
  return {
    bounds: { has: (offset) => offsets.isBound(offset) },
    startingAt: { get: (offset) => offsets.startingAt(offset) },
    list: words,
  };
}

/** The word that holds the character at `offset`, if one does. */
export function wordAt(words: WordIndex, offset: number): Word | undefined {
  const w = words.list[wordIndexAt(words.list, offset)];
  return w && w.start <= offset && offset < w.end ? w : undefined;
}

/** Characters that never sit in a given name of news text (function words, place and body words). */
const NOT_NAME_CHARS = /[的了在和与及是为将对把从到向等其这那各全本该市省县区镇乡村局委办会议部厅院记者员]/;
/** One-character words that follow a name and never end one: 钟娟说, 李强还, 杨勇正. */
const AFTER_NAME_CHAR = /[说问道称还来去正再又也就都将已曾在对向把被给让以头和与及等是为作]/;
/** Characters that almost never end a given name, whatever the segmenter joined: 唐攀说, 李强还. */
export const NEVER_LAST = /[说问称还再又也就都将已曾案受]/;
/** Forms of address that follow a surname and are no given name: 黄强同志 read from 强, 杜先生. */
const ADDRESS = /^(?:同志|先生|女士|老师|师傅|大爷|大妈|阿姨|总理|主席)$/;
/** Tags of words that a name may be as a whole (people, unknown words). */
const NAME_TAGS = /^(?:nr|nrfg|nrt|x|zg|ng|g|j|)$/;
/** Tags of words that never sit inside a name after its first character: verbs, adverbs, function words, time. */
const NOT_IN_NAME_TAG = /^(?:v|vd|vn|vi|d|p|c|u|uj|ul|uz|ug|uv|ud|r|f|t|m|q|y|e|o)$/;
/** What may follow a name when no segmenter is at hand: punctuation, a verb of reporting or meeting, a title. */
const AFTER_NAME =
  /^(?:[，。、；：！？）”\s]|总书记|书记|主席|同志|市长|县长|省长|主持|出席|参加|指出|强调|表示|介绍|讲话|说|问|在|到|前往|深入|调研|会见|看望|听取|带队|陪同|等|一行|率|对|向|与|和|就|作|为|是|及|要求|提出|宣布|察看|检查|慰问|来到|走进|先后|分别|代表|致辞|发言|通报|汇报|作了|$)/;

/** A Person mention of `name` at `start`, found by the rule `via`. */
export function personMention(start: number, name: string, via: string): Mention {
  return { type: "Person", start, end: start + name.length, text: name, canonical: name, props: {}, via };
}

export function surnameAt(text: string, i: number): number {
  if (COMPOUND_SURNAMES.has(text.slice(i, i + 2))) return 2;
  return SURNAMES.has(text[i] ?? "") ? 1 : 0;
}

/** The words after a surname up to `end` hold no verb, adverb or function word (来 + 调解 is no name). */
function restIsName(from: number, end: number, words: WordIndex): boolean {
  for (let at = from; at < end;) {
    const w = words.startingAt.get(at);
    if (!w || w.end > end) return true;
    // A one-character adverb may be a given name's character (鲁隆均: 均); a two-character verb never is (来调解).
    if (NOT_IN_NAME_TAG.test(w.tag) && (w.word.length > 1 || AFTER_NAME_CHAR.test(w.word))) return false;
    at = w.end;
  }
  return true;
}

/**
 * The name starting at i, or null. With words, the name must start and end on word boundaries, its last
 * character must not be a one-character word of its own that cannot end a name, and a name that is one
 * dictionary word must be tagged as a name or an unknown word (强调, 党组织 and 周原 are words, not people).
 * Without words, what follows must be able to follow a name.
 */
export function nameAt(text: string, i: number, words?: WordIndex): string | null {
  const sur = surnameAt(text, i);
  if (!sur) return null;
  if (words && !words.bounds.has(i)) return null;
  // Set when a longer reading ended in a word that follows names (张明说): the shorter one then needs no boundary.
  let verbCut = false;
  for (const len of [sur + 2, sur + 1]) {
    const name = text.slice(i, i + len);
    if (name.length < len || !/^[\u4e00-\u9fff]+$/.test(name)) continue;
    if (NOT_NAME_CHARS.test(name.slice(sur)) || ADDRESS.test(name.slice(sur))) continue;
    if (len > 2 && NEVER_LAST.test(name.at(-1)!)) {
      verbCut = true;
      continue;
    }
    if (words) {
      if (!words.bounds.has(i + len) && !verbCut) continue;
      const last = words.startingAt.get(i + len - 1);
      if (len > 2 && last && last.end === i + len && AFTER_NAME_CHAR.test(last.word)) continue;
      const whole = words.startingAt.get(i);
      if (whole && whole.end === i + len && !NAME_TAGS.test(whole.tag)) continue;
      // An unknown word the segmenter glued from a name and the word after it (李飞作, 孙龙以).
      if (len > 2 && whole?.tag === "x" && whole.end === i + len && AFTER_NAME_CHAR.test(name.at(-1)!)) {
        verbCut = true;
        continue;
      }
      if (whole && whole.end < i + len && !restIsName(whole.end, i + len, words)) continue;
      // A name may begin with a one-character surname word or a name the segmenter knows, not with a longer
      // common word (毕业 + 后).
      const surnameWord = whole !== undefined && whole.end === i + sur;
      if (whole && whole.end < i + len && whole.word.length >= 2 && !surnameWord && !/^(?:nr|x)/.test(whole.tag))
        continue;
      // A surname that is also a preposition or conjunction, standing as one (和群众, 向雷锋, 同莫迪), is that word.
      if (whole && whole.end < i + len && whole.word.length === 1 && /^(?:p|c|u|f)/.test(whole.tag)) continue;
      return name;
    }
    if (len > 2 && AFTER_NAME_CHAR.test(name.at(-1)!) && AFTER_NAME.test(text.slice(i + len - 1))) continue;
    if (AFTER_NAME.test(text.slice(i + len))) return name;
  }
  return null;
}

/**
 * Whether the words under [start, end) can be a name the tagger proposed: one word tagged as a name or unknown
 * (李长萍, 唐攀), or a surname followed by words none of which is a verb, adverb or function word (寻 + 国华; not
 * 来 + 调解, 都 + 开始).
 */
export function looksLikeName(start: number, end: number, words: WordIndex): boolean {
  const first = words.startingAt.get(start);
  if (!first || !words.bounds.has(end)) return false;
  if (first.end === end) return NAME_TAGS.test(first.tag);
  if (first.end > end) return false;
  return restIsName(first.end, end, words) && words.startingAt.get(first.end)?.end !== undefined;
}

/** Words that follow a place, project or body name, never a person's: 周原遗址, 李庄村. */
const HEAD_AFTER =
  /^(?:遗址|遗迹|古城|村|镇|乡|县|区|市|省|路|街|社区|公司|集团|大学|中学|小学|医院|工程|项目|水库|山|河|湖|江|人)/;

/** A name the tagger proposes must not run into the head word of a place or body (周原遗址). */
export function freeStanding(text: string, end: number): boolean {
  return !HEAD_AFTER.test(text.slice(end, end + 2));
}

/** Words that stand right after a person's name in news: a list mark, 等, a form of address. */
const AFTER_PERSON_WORD = /^(?:等|一行|同志|先生|女士|教授|院士|主任|书记|总统|总理|首相|主席|部长|大使)/;

/**
 * Whether a name the tagger alone proposes sits where news puts people: after punctuation, a verb, a preposition
 * or a conjunction, and before punctuation, a verb or 等. Common words the segmenter's dictionary files as names
 * (毛巾等, 高强岩层, 严正交涉, 金秋十月) fail one side. A two-character name must pass both, a longer one either.
 */
export function inPersonContext(text: string, start: number, end: number, words: WordIndex): boolean {
  const prev = start > 0 ? wordAt(words, start - 1) : undefined;
  const next = words.startingAt.get(end);
  const before =
    start === 0 || !/[\u4e00-\u9fff]/.test(text[start - 1]!) || (prev !== undefined && /^(?:v|p|c)/.test(prev.tag));
  const after =
    end >= text.length ||
    !/[\u4e00-\u9fff]/.test(text[end]!) ||
    (next !== undefined && /^v/.test(next.tag) && next.tag !== "vn") ||
    AFTER_PERSON_WORD.test(text.slice(end, end + 2));
  return end - start <= 2 ? before && after : before || after;
}

/** The first word of a name is no preposition, conjunction or other function word (同莫迪, 和高级, 向雷锋). */
export function startsLikeName(start: number, end: number, words: WordIndex): boolean {
  const first = words.startingAt.get(start);
  if (!first || (first.end > end && first.tag !== "x")) return false;
  if (first.end > end) return true;
  if (first.end === end) return (first.tag !== "n" && first.tag !== "v" && first.tag !== "vn") || /^nr/.test(first.tag);
  // A name may begin with a one-character surname word or a word filed as a name, not with a longer common
  // word (官邸 + 外).
  if (first.word.length >= 2 && !/^(?:nr|x)/.test(first.tag)) return false;
  return !/^(?:p|c|u|r|d|v|f|m|q|a)/.test(first.tag);
}

const NAME_RATE = new Map<string, number>([...NAME_CHARS].map((c, i) => [c, NAME_CHAR_RATES[i]!]));
/** Given-name uses per thousand occurrences below which a character makes a word, not a name (列, 养, 型, 决). */
const MIN_NAME_RATE = 6;

/**
 * Whether a name's given part is made of characters people are named with, by the rates derived from annotated
 * names (name-chars.generated.ts). A character too rare to have a rate is no evidence either way.
 */
export function givenNamePlausible(name: string): boolean {
  const chars = [...name];
  const given = chars.slice(surnameAt(name, 0) || 1);
  return given.every((c) => (NAME_RATE.get(c) ?? MIN_NAME_RATE) >= MIN_NAME_RATE);
}

const FOREIGN = new Set(FOREIGN_NAME_CHARS);
const FOREIGN_PART = new Set(FOREIGN_PART_CHARS);
/** Characters that end a name's last part: function words and verbs news puts right after a name. */
const PART_STOP =
  /[的了在和与及是为说表示会见讲指出称向对就同率等一行近日今天当天已祝签致抵发访出再也将曾于受作互热贺宣带还时请代之]/;

/** The words that tile [start, end) when both ends fall on word boundaries; fewer where they do not. */
export function wordsIn(words: WordIndex, start: number, end: number): Word[] {
  const out: Word[] = [];
  for (let w = words.startingAt.get(start); w && w.start < end; w = words.startingAt.get(w.end)) out.push(w);
  return out;
}

/**
 * The end of a person's name read on over what the segmenter or the tagger cut off: the parts of a foreign name
 * joined by · or - (安杰伊·杜达, 哈拉-阿霍), and a transliteration cut short (拉马|福萨, 阿列伊|尼克), by the
 * characters foreign names are written with (name-chars.generated.ts).
 */
export function nameEnd(text: string, start: number, end: number, words?: WordIndex, foreign = false): number {
  let e = end;
  const read = [...text.slice(start, e)];
  // Foreign so far: the holder of a foreign state's or body's title (丹麦国王腓特烈), a name written only with
  // transliteration characters, or with characters seen in transliterations where the segmenter files a word of
  // it as a transliterated name (莱恩/nrt, 德拉/nrt).
  const foreignSoFar =
    foreign ||
    read.every((c) => FOREIGN.has(c)) ||
    (words !== undefined &&
      read.every((c) => FOREIGN_PART.has(c)) &&
      wordsIn(words, start, e).some((w) => w.tag === "nrt"));
  if (foreignSoFar && words) {
    // The words the segmenter could not file or files as foreign names that follow (拉马|福萨, 阿|列伊|尼克,
    // 哈拉尔|五世, 马克|龙说 → 马克龙): a name's own part ends before a character that follows names.
    for (let next = words.startingAt.get(e); next && e - start < 8; next = words.startingAt.get(e)) {
      if (!/^[\u4e00-\u9fff]{1,4}$/.test(next.word)) break;
      const stop = [...next.word].findIndex((c) => PART_STOP.test(c));
      if (stop === 0) break;
      const part = stop > 0 ? next.word.slice(0, stop) : next.word;
      // A word filed as a name or left unfiled continues the name; so does a noun or place word made only of
      // the characters transliterations are written with (拉拉巴拉|武, 谢尔达罗|夫, 德拉|埃斯|普列亚).
      // Another country (沙特|伊朗) is no part of a name.
      if (COUNTRY_SET.has(next.word)) break;
      const filed = /^(?:nrt|nr)$/.test(next.tag) || (next.tag === "f" && FOREIGN.has(next.word));
      const translit = [...part].every((c) => FOREIGN_PART.has(c));
      const unfiled = next.tag === "x" && (translit || foreign || [...read].every((c) => FOREIGN.has(c)));
      const content = stop < 0 && translit && !/^(?:v|p|c|u|d|m|q|r|y|e|o|w|a$|ad|an)/.test(next.tag);
      // The last syllable glued to the verb after the name (普拉昌|达致 → 普拉昌达 致).
      const glued =
        stop === 1 && next.word.length === 2 && FOREIGN.has(next.word[0]!) && /^[^提][致说称讲]$/.test(next.word);
      if (!filed && !unfiled && !content && !glued) break;
      e = next.start + part.length;
      if (stop > 0) break;
    }
    // A regnal number (腓特烈十世, 查尔斯三世).
    const regnal = /^[一二三四五六七八九十]{1,3}世/.exec(text.slice(e, e + 4))?.[0];
    if (regnal) e += regnal.length;
  } else if (!foreignSoFar && words && e - start === 2 && surnameAt(text, start) === 1) {
    // A given name's second character the segmenter glued to a following verb (李干|杰作 → 李干杰 作): taken
    // when people are named with it far more often than not.
    const next = words.startingAt.get(e);
    if (next?.word.length === 2 && /[作说称讲]$/.test(next.word) && (NAME_RATE.get(next.word[0]!) ?? 0) >= 100) e++;
  } else if (foreignSoFar) {
    let f = e;
    while (f < text.length && f - start < 8 && FOREIGN.has(text[f]!)) f++;
    e = f;
  }
  // A first name whose last characters the reader left before its · (安德烈|娅·耶利内克).
  const toDot = /^[\u4e00-\u9fff]{1,2}(?=[·•‧][\u4e00-\u9fff])/.exec(text.slice(e, e + 4))?.[0];
  if (toDot && ![...toDot].some((c) => PART_STOP.test(c))) e += toDot.length;
  while (/[·•‧－-]/.test(text[e] ?? "") && /[\u4e00-\u9fff]/.test(text[e + 1] ?? "")) {
    let f = e + 1;
    if (words) {
      // The part runs over one-character words and words filed as names, up to a longer word (杜|达|抵达).
      for (let w = words.startingAt.get(f); w && w.end - e <= 9; w = words.startingAt.get(f)) {
        const stopAt = [...w.word].findIndex((c) => PART_STOP.test(c));
        const part =
          w.word.length === 1 ? stopAt < 0 : /^(?:nr|nrt|nrfg|x|ns|nz)$/.test(w.tag) && (w.tag !== "x" || stopAt < 0);
        if (!/^[\u4e00-\u9fff]+$/.test(w.word)) break;
        if (!part) {
          // A word that runs on into what follows the name (穆伊|兹将): its transliterated head ends the part.
          const stop = [...w.word].findIndex((c) => PART_STOP.test(c));
          if (stop > 0 && !/^v/.test(w.tag) && [...w.word.slice(0, stop)].every((c) => FOREIGN_PART.has(c)))
            f = w.start + stop;
          break;
        }
        f = w.end;
      }
    } else while (f < text.length && f - e <= 8 && /[\u4e00-\u9fff]/.test(text[f]!) && !PART_STOP.test(text[f]!)) f++;
    if (f === e + 1) break;
    e = f;
  }
  return e;
}
