// Feature extraction for the character tagger. Each character gets FEATURES_PER_CHAR keys: character
// n-grams in a ±2 window, character types, a bias, lexicon matches that begin, end or cover it, and how far
// ahead in its clause an organization suffix ends.
// A key is (n-gram hash << 3 | slot): the same n-gram seen from different positions shares its hash and
// differs only in slot, so the model stores its rows side by side and one cache line serves neighbours.
// NONE marks an empty slot.
// Two forms of the same keys: featuresOf lays them out FEATURES_PER_CHAR per character (training keeps them);
// tagFeatures gives each n-gram hash once per position plus a short list of the other keys per character, so
// the tagger looks an n-gram up once for all the templates that read it and never visits an empty slot.
import { CharTable } from "../text.js";
import { BOS, CharType, charType, fmix, normalizeText } from "./chars.js";
import { LEX_CLASSES, Lexicon, NUM_CLASSES, type LexiconMatches } from "./lexicon.js";

const SURN_CLASS = LEX_CLASSES.indexOf("SURN");
const SFX_CLASS = LEX_CLASSES.indexOf("SFX");
// How far ahead (in characters, within one clause) the nearest organization suffix (局, 委员会, 公司…) ends:
// the cue that the characters before it may open a long organization name (国家发展和改革委员会).
const AHEAD_MAX = 20;
const AHEAD_BUCKET = Uint8Array.from({ length: AHEAD_MAX + 1 }, (_, d) =>
  d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 12 ? 6 : 7,
);

export const NONE = 0xffffffff;
const CHAR_TEMPLATES = 25;

// Characters of the standard transliteration tables (外国人名译名). A run of them (阿维兰热, 巴蒂斯图塔)
// is a strong hint of a foreign name the lexicon has never seen; the model weighs the hint per position.
const TRANSLIT = new CharTable(
  "阿埃艾爱安昂奥巴拜班邦贝本比彼宾波伯勃布采策查达戴黛丹道德迪蒂丁东杜顿多厄恩尔法凡菲费芬丰佛弗福富盖甘冈戈格贡古瓜圭哈海汉豪赫亨洪胡霍基吉加贾杰捷金津卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽列林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米敏明莫默姆穆纳娜奈南内尼涅宁努诺欧帕派潘庞佩彭皮珀普奇齐恰乔切琼丘萨塞桑瑟森沙莎舍什史舒斯松苏索塔泰坦汤唐特提廷图托瓦万威韦维魏温翁沃乌武西希锡席夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹茨热娃·",
);
const LEX_SLOTS = NUM_CLASSES * 3;
export const FEATURES_PER_CHAR = CHAR_TEMPLATES + LEX_SLOTS;

const UNI = fmix(0x5bd1e995),
  BI = fmix(0x1b873593),
  TRI = fmix(0xcc9e2d51),
  SKIP = fmix(0xe6546b64);
const TYPES = fmix(0x85ebca6b),
  BIAS = fmix(0xc2b2ae35),
  TRANS = fmix(0x94d049bb),
  SURNAME_BACK = fmix(0x2545f491),
  SFX_AHEAD = fmix(0x3c6ef372),
  SFX_AHEAD_CHAR = fmix(0xa54ff53a),
  SFX_AHEAD_SFX = fmix(0x510e527f);
// LEX_KEY[(cls * 3 + kind) * 8 + len]: constant keys for lexicon-match features.
const LEX_KEY = new Uint32Array(NUM_CLASSES * 3 * 8);
for (let i = 0; i < LEX_KEY.length; i++) LEX_KEY[i] = (fmix(0x27d4eb2f + i * 0x165667b1) << 3) >>> 0;
const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
const BOS_HASH = fmix(BOS * 0x9e3779b1 + 0x7f4a7c15);
const key = (h: number, slot: number): number => ((h << 3) | slot) >>> 0;
/** The feature key of hash `h` in `slot` (what a model's bucket and slot are taken from). */
export const featureKey = key;

// The n-gram families: every n-gram hash is computed once per text position and read by several templates.
const UNI_G = 0,
  BI_G = 1,
  TRI_G = 2,
  SKIP_G = 3;
export const NGRAM_FAMILIES = 4;

/**
 * The n-gram templates: character i reads the n-gram of family `family[t]` that starts at character
 * i + offset[t], keyed with slot[t], into feature index[t] of its FEATURES_PER_CHAR. Both the training
 * layout and the tagger's grouped form are built from this table, so they cannot drift apart.
 */
export const NGRAM_TEMPLATES = (() => {
  const t: [family: number, offset: number, slot: number, index: number][] = [
    [UNI_G, -2, 0, 0], // c-2
    [UNI_G, -1, 1, 1], // c-1
    [UNI_G, 0, 2, 2], // c0
    [UNI_G, 1, 3, 3], // c+1
    [UNI_G, 2, 4, 4], // c+2
    [BI_G, -2, 0, 5], // c-2 c-1
    [BI_G, -1, 1, 6], // c-1 c0
    [BI_G, 0, 2, 7], // c0 c+1
    [BI_G, 1, 3, 8], // c+1 c+2
    [TRI_G, -2, 0, 9], // c-2 c-1 c0
    [TRI_G, -1, 1, 10], // c-1 c0 c+1
    [TRI_G, 0, 2, 11], // c0 c+1 c+2
    [SKIP_G, -2, 0, 12], // c-2 _ c0
    [SKIP_G, -1, 1, 13], // c-1 _ c+1
    [SKIP_G, 0, 2, 14], // c0 _ c+2
    [UNI_G, -3, 5, 20], // c-3
    [UNI_G, 3, 6, 21], // c+3
  ];
  return {
    family: Int8Array.from(t, (x) => x[0]),
    offset: Int8Array.from(t, (x) => x[1]),
    slot: Int8Array.from(t, (x) => x[2]),
    index: Int8Array.from(t, (x) => x[3]),
  };
})();
// The n-gram arrays start NGRAM_PAD positions before the text: gram[p] starts at character p - NGRAM_PAD.
export const NGRAM_PAD = 3;
// At most this many features of one character are not n-grams: type, bias, transliteration run, two
// surname cues, three suffix-ahead cues and three per lexicon class.
const MAX_OTHER = 8 + LEX_SLOTS;

/** Per-text arrays the features are read from. */
interface Sources {
  types: Uint8Array;
  // r[j + 3] is the hash of character j; outside the text it is BOS_HASH.
  r: Int32Array;
  // grams[family][j + 3]: hash of the n-gram of that family starting at character j (j from -3).
  grams: [Int32Array, Int32Array, Int32Array, Int32Array];
  lex: LexiconMatches;
  // run[i]: length of the transliteration run through character i (0 when shorter than 2).
  run: Uint8Array;
  // ahead[i]: position of the nearest organization-suffix end after i in the same clause (-1: none).
  ahead: Int32Array;
}

type OwnSources = Omit<Sources, "lex">;

// Scratch sources reused across calls while tagging (sized for the longest text so far).
let pooled: OwnSources | null = null;

function allocate(n: number, reuse: boolean): OwnSources {
  if (reuse && pooled && pooled.types.length >= n) return pooled;
  const size = reuse ? n * 2 : n;
  const m = size + 6;
  const s = {
    types: new Uint8Array(size),
    r: new Int32Array(size + 8),
    grams: [new Int32Array(m), new Int32Array(m), new Int32Array(m), new Int32Array(m)] as Sources["grams"],
    run: new Uint8Array(size),
    ahead: new Int32Array(size),
  };
  if (reuse) pooled = s;
  return s;
}

// The functions with loops below take buffers sized by their callers and have no rarely taken branch (see
// viterbi in decode.ts on why).
function sourcesOf(norm: Int32Array, lexicon: Lexicon, reuse: boolean): Sources {
  const own = allocate(norm.length, reuse);
  const lex = lexicon.scan(norm, reuse);
  fillSources(norm, own, lex);
  return { types: own.types, r: own.r, grams: own.grams, lex, run: own.run, ahead: own.ahead };
}

function fillSources(norm: Int32Array, { types, r, grams, run, ahead }: OwnSources, lex: LexiconMatches): void {
  const n = norm.length;
  r.fill(BOS_HASH, 0, n + 8);
  for (let i = 0; i < n; i++) {
    types[i] = charType(norm[i]!);
    r[i + 3] = fmix(Math.imul(norm[i]!, 0x9e3779b1) + 0x7f4a7c15);
  }
  const m = n + 6;
  const [uni, bi, tri, skip] = grams;
  for (let j = 0; j < m; j++) {
    const a = r[j]!,
      b = r[j + 1]!,
      c = r[j + 2]!;
    uni[j] = a ^ UNI;
    bi[j] = a ^ rotl(b, 7) ^ BI;
    tri[j] = a ^ rotl(b, 7) ^ rotl(c, 14) ^ TRI;
    skip[j] = a ^ rotl(c, 7) ^ SKIP;
  }
  run.fill(0, 0, n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && TRANSLIT.has(norm[j]!)) j++;
    if (j - i >= 2) run.fill(j - i > 6 ? 6 : j - i, i, j);
    i = j > i ? j : i + 1;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (types[i] === CharType.Punct || types[i] === CharType.Boundary) next = -1;
    ahead[i] = next;
    if (lex.end[i * NUM_CLASSES + SFX_CLASS]) next = i;
  }
}

/**
 * The features other than the n-grams: character i's are keys[start[i]] .. keys[start[i + 1] - 1], and
 * index[] holds each key's feature index (its place among the FEATURES_PER_CHAR).
 */
interface Others {
  start: Int32Array;
  keys: Uint32Array;
  index: Uint8Array;
}

let othersPool: Others = { start: new Int32Array(0), keys: new Uint32Array(0), index: new Uint8Array(0) };

function othersOf(s: Sources, n: number, reuse: boolean): Others {
  let o = othersPool;
  if (!reuse || o.start.length < n + 1) {
    // Room for as many features as a character can have, so the loop needs no growth check.
    const size = reuse ? n * 2 : n;
    o = {
      start: new Int32Array(size + 1),
      keys: new Uint32Array(size * MAX_OTHER),
      index: new Uint8Array(size * MAX_OTHER),
    };
    if (reuse) othersPool = o;
  }
  fillOthers(s, n, o);
  return o;
}

function fillOthers(s: Sources, n: number, { start, keys, index }: Others): void {
  const { types, r, run, ahead } = s,
    { begin, end, inside, classes } = s.lex,
    uni = s.grams[UNI_G];
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    const j = i + 3; // index of character i in the padded arrays
    const tm1 = i >= 1 ? types[i - 1]! : 0,
      tp1 = i + 1 < n ? types[i + 1]! : 0;
    keys[at] = key(fmix(TYPES + tm1 * 64 + types[i]! * 8 + tp1), 0);
    index[at++] = 15;
    keys[at] = key(BIAS, 0);
    index[at++] = 16;
    // A surname one or two characters back: the given name that follows is rarely in any lexicon.
    const sur = SURN_CLASS;
    if (i >= 1 && begin[(i - 1) * NUM_CLASSES + sur]) {
      keys[at] = key(fmix(SURNAME_BACK + begin[(i - 1) * NUM_CLASSES + sur]! * 8 + types[i]!), 0);
      index[at++] = 18;
    }
    if (i >= 2 && begin[(i - 2) * NUM_CLASSES + sur]) {
      keys[at] = key(fmix(SURNAME_BACK + 64 + begin[(i - 2) * NUM_CLASSES + sur]! * 8 + types[i]!), 0);
      index[at++] = 19;
    }
    const ah = ahead[i]!;
    if (ah > i && ah - i <= AHEAD_MAX) {
      const b = AHEAD_BUCKET[ah - i]!;
      keys[at] = key(fmix(SFX_AHEAD + b * 8 + types[i]!), 0);
      index[at++] = 22;
      keys[at] = key(uni[j]! ^ fmix(SFX_AHEAD_CHAR + b), 1);
      index[at++] = 23;
      keys[at] = key(r[ah + 3]! ^ fmix(SFX_AHEAD_SFX + b), 2);
      index[at++] = 24;
    }
    if (run[i]) {
      const pos = i === 0 || !run[i - 1] ? 1 : i + 1 === n || !run[i + 1] ? 2 : 3;
      keys[at] = key(fmix(TRANS + run[i]! * 4 + pos), 0);
      index[at++] = 17;
    }
    // Lexicon matches that begin, end or cover character i, class by class (only the classes it has).
    const p = i * NUM_CLASSES;
    for (let bits = classes[i]!; bits !== 0; bits &= bits - 1) {
      const k = 31 - Math.clz32(bits & -bits);
      const bl = begin[p + k]!,
        el = end[p + k]!,
        ins = inside[p + k]!;
      const slot = CHAR_TEMPLATES + k * 3;
      if (bl) {
        keys[at] = LEX_KEY[k * 24 + (bl > 6 ? 7 : bl)]!;
        index[at++] = slot;
      }
      if (el) {
        keys[at] = LEX_KEY[k * 24 + 8 + (el > 6 ? 7 : el)]!;
        index[at++] = slot + 1;
      }
      if (ins) {
        keys[at] = LEX_KEY[k * 24 + 16 + (bl ? 1 : 0)]!;
        index[at++] = slot + 2;
      }
    }
  }
  start[n] = at;
}

/** Hashed feature keys for every UTF-16 unit of `text`, FEATURES_PER_CHAR per unit. */
export function extractFeatures(text: string, lexicon: Lexicon, reuse = false): Uint32Array {
  return featuresOf(normalizeText(text), lexicon, reuse);
}

let outPool = new Uint32Array(0);

/** With `reuse`, the result lives in a shared buffer that the next call overwrites; training keeps its own. */
export function featuresOf(norm: Int32Array, lexicon: Lexicon, reuse = false): Uint32Array {
  const n = norm.length;
  const F = FEATURES_PER_CHAR;
  let out: Uint32Array;
  if (reuse) {
    if (outPool.length < n * F) outPool = new Uint32Array(n * F * 2);
    out = outPool.subarray(0, n * F).fill(NONE);
  } else out = new Uint32Array(n * F).fill(NONE);
  const s = sourcesOf(norm, lexicon, reuse);
  const others = othersOf(s, n, reuse);
  const { family, offset, slot, index } = NGRAM_TEMPLATES;
  for (let i = 0; i < n; i++) {
    const o = i * F,
      j = i + NGRAM_PAD;
    for (let t = 0; t < family.length; t++) out[o + index[t]!] = key(s.grams[family[t]!]![j + offset[t]!]!, slot[t]!);
    for (let k = others.start[i]!; k < others.start[i + 1]!; k++) out[o + others.index[k]!] = others.keys[k]!;
  }
  return out;
}

/**
 * The features of a text grouped for tagging: each n-gram hash once per position (the templates of
 * NGRAM_TEMPLATES say which characters read it under which slot), and the other keys character by character
 * (character i's are keys[start[i]] .. keys[start[i + 1] - 1]). The arrays are scratch buffers that the next
 * call overwrites; `begin` is the lexicon scan's (Lexicon.scan), which the rules read too.
 */
export interface TagFeatures {
  grams: readonly [Int32Array, Int32Array, Int32Array, Int32Array];
  start: Int32Array;
  keys: Uint32Array;
  begin: Uint8Array;
}

/** The same features as extractFeatures (as sets per character), in the grouped form the tagger reads. */
export function tagFeatures(text: string, lexicon: Lexicon): TagFeatures {
  const norm = normalizeText(text);
  const s = sourcesOf(norm, lexicon, true);
  const { start, keys } = othersOf(s, norm.length, true);
  return { grams: s.grams, start, keys, begin: s.lex.begin };
}
