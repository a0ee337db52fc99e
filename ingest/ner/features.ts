// Feature extraction for the character tagger. Each character gets FEATURES_PER_CHAR keys: character
// n-grams in a ±2 window, character types, a bias, lexicon matches that begin, end or cover it, and how far
// ahead in its clause an organization suffix ends.
// A key is (n-gram hash << 3 | slot): the same n-gram seen from different positions shares its hash and
// differs only in slot, so the model stores its rows side by side and one cache line serves neighbours.
// NONE marks an empty slot.
import { BOS, CharType, charType, fmix, normalizeText } from "./chars.js";
import { LEX_CLASSES, Lexicon, NUM_CLASSES } from "./lexicon.js";

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
const TRANSLIT = new Set(
  [
    ..."阿埃艾爱安昂奥巴拜班邦贝本比彼宾波伯勃布采策查达戴黛丹道德迪蒂丁东杜顿多厄恩尔法凡菲费芬丰佛弗福富盖甘冈戈格贡古瓜圭哈海汉豪赫亨洪胡霍基吉加贾杰捷金津卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽列林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米敏明莫默姆穆纳娜奈南内尼涅宁努诺欧帕派潘庞佩彭皮珀普奇齐恰乔切琼丘萨塞桑瑟森沙莎舍什史舒斯松苏索塔泰坦汤唐特提廷图托瓦万威韦维魏温翁沃乌武西希锡席夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹茨热娃·",
  ].map((c) => c.codePointAt(0)!),
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

/** Hashed feature keys for every UTF-16 unit of `text`, FEATURES_PER_CHAR per unit. */
export function extractFeatures(text: string, lexicon: Lexicon, reuse = false): Uint32Array {
  return featuresOf(normalizeText(text), lexicon, reuse);
}

let outPool = new Uint32Array(0);

/** With `reuse`, the result lives in a shared buffer that the next call overwrites (tagging); training keeps its own. */
export function featuresOf(norm: Int32Array, lexicon: Lexicon, reuse = false): Uint32Array {
  const n = norm.length;
  const F = FEATURES_PER_CHAR;
  let out: Uint32Array;
  if (reuse) {
    if (outPool.length < n * F) outPool = new Uint32Array(n * F * 2);
    out = outPool.subarray(0, n * F).fill(NONE);
  } else out = new Uint32Array(n * F).fill(NONE);
  const types = new Uint8Array(n);
  // r[j + 3] is the hash of character j; outside the text it is BOS_HASH. uni/bi/tri/skip[j + 3] are the
  // n-gram hashes starting at character j (j from -3).
  const r = new Int32Array(n + 8).fill(BOS_HASH);
  for (let i = 0; i < n; i++) {
    types[i] = charType(norm[i]!);
    r[i + 3] = fmix(Math.imul(norm[i]!, 0x9e3779b1) + 0x7f4a7c15);
  }
  const m = n + 6;
  const uni = new Int32Array(m),
    bi = new Int32Array(m),
    tri = new Int32Array(m),
    skip = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const a = r[j]!,
      b = r[j + 1]!,
      c = r[j + 2]!;
    uni[j] = a ^ UNI;
    bi[j] = a ^ rotl(b, 7) ^ BI;
    tri[j] = a ^ rotl(b, 7) ^ rotl(c, 14) ^ TRI;
    skip[j] = a ^ rotl(c, 7) ^ SKIP;
  }
  const { begin, end, inside } = lexicon.scan(norm, reuse);
  // run[i]: length of the transliteration run through character i (0 when shorter than 2).
  const run = new Uint8Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && TRANSLIT.has(norm[j]!)) j++;
    if (j - i >= 2) run.fill(j - i > 6 ? 6 : j - i, i, j);
    i = j > i ? j : i + 1;
  }
  // ahead[i]: position of the nearest organization-suffix end after i in the same clause (-1: none).
  const ahead = new Int32Array(n);
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (types[i] === CharType.Punct || types[i] === CharType.Boundary) next = -1;
    ahead[i] = next;
    if (end[i * NUM_CLASSES + SFX_CLASS]) next = i;
  }
  for (let i = 0; i < n; i++) {
    const o = i * F,
      j = i + 3; // j: index of character i in the padded arrays
    out[o] = key(uni[j - 2]!, 0);
    out[o + 1] = key(uni[j - 1]!, 1);
    out[o + 2] = key(uni[j]!, 2);
    out[o + 3] = key(uni[j + 1]!, 3);
    out[o + 4] = key(uni[j + 2]!, 4);
    out[o + 5] = key(bi[j - 2]!, 0); // c-2 c-1
    out[o + 6] = key(bi[j - 1]!, 1); // c-1 c0
    out[o + 7] = key(bi[j]!, 2); // c0 c+1
    out[o + 8] = key(bi[j + 1]!, 3); // c+1 c+2
    out[o + 9] = key(tri[j - 2]!, 0); // c-2 c-1 c0
    out[o + 10] = key(tri[j - 1]!, 1); // c-1 c0 c+1
    out[o + 11] = key(tri[j]!, 2); // c0 c+1 c+2
    out[o + 12] = key(skip[j - 2]!, 0); // c-2 _ c0
    out[o + 13] = key(skip[j - 1]!, 1); // c-1 _ c+1
    out[o + 14] = key(skip[j]!, 2); // c0 _ c+2
    const tm1 = i >= 1 ? types[i - 1]! : 0,
      tp1 = i + 1 < n ? types[i + 1]! : 0;
    out[o + 15] = key(fmix(TYPES + tm1 * 64 + types[i]! * 8 + tp1), 0);
    out[o + 16] = key(BIAS, 0);
    // A surname one or two characters back: the given name that follows is rarely in any lexicon.
    const sur = SURN_CLASS;
    if (i >= 1 && begin[(i - 1) * NUM_CLASSES + sur])
      out[o + 18] = key(fmix(SURNAME_BACK + begin[(i - 1) * NUM_CLASSES + sur]! * 8 + types[i]!), 0);
    if (i >= 2 && begin[(i - 2) * NUM_CLASSES + sur])
      out[o + 19] = key(fmix(SURNAME_BACK + 64 + begin[(i - 2) * NUM_CLASSES + sur]! * 8 + types[i]!), 0);
    out[o + 20] = key(uni[j - 3]!, 5); // c-3
    out[o + 21] = key(uni[j + 3]!, 6); // c+3
    const at = ahead[i]!;
    if (at > i && at - i <= AHEAD_MAX) {
      const b = AHEAD_BUCKET[at - i]!;
      out[o + 22] = key(fmix(SFX_AHEAD + b * 8 + types[i]!), 0);
      out[o + 23] = key(uni[j]! ^ fmix(SFX_AHEAD_CHAR + b), 1);
      out[o + 24] = key(r[at + 3]! ^ fmix(SFX_AHEAD_SFX + b), 2);
    }
    if (run[i]) {
      const pos = i === 0 || !run[i - 1] ? 1 : i + 1 === n || !run[i + 1] ? 2 : 3;
      out[o + 17] = key(fmix(TRANS + run[i]! * 4 + pos), 0);
    }
    const p = i * NUM_CLASSES;
    for (let k = 0; k < NUM_CLASSES; k++) {
      const bl = begin[p + k]!,
        el = end[p + k]!,
        ins = inside[p + k]!;
      if (bl === 0 && el === 0 && ins === 0) continue;
      const s = o + CHAR_TEMPLATES + k * 3;
      if (bl) out[s] = LEX_KEY[k * 24 + (bl > 6 ? 7 : bl)]!;
      if (el) out[s + 1] = LEX_KEY[k * 24 + 8 + (el > 6 ? 7 : el)]!;
      if (ins) out[s + 2] = LEX_KEY[k * 24 + 16 + (bl ? 1 : 0)]!;
    }
  }
  return out;
}
