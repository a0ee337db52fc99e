// The tagger's fast paths against plain reference implementations of the same model: the grouped features
// against the per-character layout training uses, the unrolled Viterbi against a textbook one with
// back-pointers, and the whole Tagger against emissions summed straight from the int8 weight rows.
import { describe, expect, it } from "vitest";
import { ALLOWED, ALLOWED_END, ALLOWED_START, NUM_TAGS, tagsToSpans, viterbi } from "../../../ingest/ner/decode.js";
import {
  extractFeatures,
  FEATURES_PER_CHAR,
  featureKey,
  NGRAM_PAD,
  NGRAM_TEMPLATES,
  NONE,
  tagFeatures,
} from "../../../ingest/ner/features.js";
import { defaultModelPath } from "../../../ingest/ner/index.js";
import { Lexicon, NUM_CLASSES } from "../../../ingest/ner/lexicon.js";
import { readModel, Tagger } from "../../../ingest/ner/model.js";
import { normalizeText } from "../../../ingest/ner/chars.js";

const model = readModel(defaultModelPath());
const T = NUM_TAGS;

/** Viterbi with a full table of back-pointers, scanning predecessors in ascending order (first maximum wins). */
function referenceViterbi(em: ArrayLike<number>, n: number, trans: Float32Array): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * T),
    back = new Uint8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = ALLOWED_START[t] ? em[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let q = 0; q < T; q++) {
      let best = -Infinity,
        arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + q]) continue;
        const s = score[(i - 1) * T + p]! + trans[p * T + q]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + q] = best + em[i * T + q]!;
      back[i * T + q] = arg;
    }
  }
  let best = -Infinity,
    arg = 0;
  for (let t = 0; t < T; t++) {
    if (ALLOWED_END[t] && score[(n - 1) * T + t]! > best) {
      best = score[(n - 1) * T + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
  return out;
}

/** Emissions summed feature by feature from the model file's int8 rows (rowKeys is sorted: binary search). */
function referenceEmissions(text: string): Int32Array {
  const n = text.length,
    feats = extractFeatures(text, model.lexicon),
    mask = (1 << model.header.tableBits) - 1,
    keys = model.rowKeys;
  const em = new Int32Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FEATURES_PER_CHAR; f++) {
      const k = feats[i * FEATURES_PER_CHAR + f]!;
      if (k === NONE) continue;
      const want = ((((k >>> 3) & mask) << 3) | (k & 7)) >>> 0;
      let lo = 0,
        hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid]! < want) lo = mid + 1;
        else hi = mid;
      }
      if (lo === keys.length || keys[lo] !== want) continue;
      for (let t = 0; t < T; t++) em[i * T + t]! += model.weights[lo * T + t]!;
    }
  }
  return em;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const ALPHABET = [
  ..."中国北京市委书记周建华主持会议并讲话，。、：“”阿维兰热巴蒂斯图塔公司委员会局省县聊城山东美日访华0123456789ABCabc　！？ ·",
  "𠀋",
];
function randomTexts(count: number, seed: number): string[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => {
    let t = "";
    const len = Math.floor(rnd() * 80);
    for (let i = 0; i < len; i++)
      t +=
        rnd() < 0.1 ? String.fromCharCode(Math.floor(rnd() * 0xd800)) : ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    return t;
  });
}

const SENTENCES = [
  "",
  "中",
  "市委书记周建华主持会议并讲话。",
  "国务院副总理李明远今天在北京会见了日本客人。",
  "湖南省发展和改革委员会主任刘建国介绍了有关情况。",
  "阿维兰热和巴蒂斯图塔访问了山东省聊城市。",
  "北京晴转多云19℃／32℃天津多云18℃／31℃石家庄晴22℃／36℃",
  "𠀋李明远𠀋到𠀋北京𠀋",
  "新华社北京5月7日电（记者王晓东）国家统计局今天发布数据。".repeat(40),
];
const TEXTS = [...SENTENCES, ...randomTexts(300, 12345)];

describe("grouped features", () => {
  const built = Lexicon.build([
    ["委员会", "SFX"],
    ["公司", "SFX"],
    ["周建华", "PER"],
    ["北京", "LOC"],
    ["周", "SURN"],
  ]);
  it.each([
    ["the shipped lexicon", model.lexicon],
    ["a built lexicon", built],
  ])("give every character the keys extractFeatures lays out, with %s", (_, lexicon) => {
    const { family, offset, slot } = NGRAM_TEMPLATES;
    for (const text of TEXTS) {
      const dense = extractFeatures(text, lexicon);
      const g = tagFeatures(text, lexicon);
      for (let i = 0; i < text.length; i++) {
        const want = Array.from(dense.subarray(i * FEATURES_PER_CHAR, (i + 1) * FEATURES_PER_CHAR)).filter(
          (k) => k !== NONE,
        );
        const got: number[] = [];
        for (let t = 0; t < family.length; t++)
          got.push(featureKey(g.grams[family[t]!]![i + NGRAM_PAD + offset[t]!]!, slot[t]!));
        for (let x = g.start[i]!; x < g.start[i + 1]!; x++) got.push(g.keys[x]!);
        expect(got.sort()).toEqual(want.sort());
      }
    }
  });
});

describe("the lexicon", () => {
  it("finds every stored key and nothing else", () => {
    const { keys, vals } = model.lexicon;
    const rnd = random(7);
    for (let i = 0; i < keys.length; i += 97) if (keys[i]) expect(model.lexicon.get(keys[i]!)).toBe(vals[i]);
    const stored = new Set(keys);
    for (let i = 0; i < 20000; i++) {
      const k = (Math.floor(rnd() * 2 ** 32) | 1) >>> 0;
      if (!stored.has(k)) expect(model.lexicon.get(k)).toBe(0);
    }
  });

  it("marks in classes exactly the positions and classes a match begins, ends or covers", () => {
    for (const text of TEXTS) {
      const { begin, end, inside, classes } = model.lexicon.scan(normalizeText(text));
      for (let i = 0; i < text.length; i++) {
        let want = 0;
        for (let c = 0; c < NUM_CLASSES; c++) {
          const at = i * NUM_CLASSES + c;
          if (begin[at] || end[at] || inside[at]) want |= 1 << c;
        }
        expect(classes[i]).toBe(want);
      }
    }
  });
});

describe("viterbi", () => {
  it("decodes like the textbook version, ties included, with or without a scratch buffer", () => {
    const rnd = random(99);
    const scratch = new Float64Array(64 * T);
    for (let k = 0; k < 2000; k++) {
      const n = Math.floor(rnd() * 40);
      // Small integers and repeated or zero transitions make ties common.
      const trans =
        k % 3 === 0
          ? model.trans
          : Float32Array.from({ length: T * T }, () => (k % 3 === 1 ? 0 : Math.floor(rnd() * 3) - 1));
      const em =
        k % 2
          ? Int32Array.from({ length: n * T }, () => Math.floor(rnd() * 3) - 1)
          : Float32Array.from({ length: n * T }, () => Math.floor(rnd() * 5) * 0.5);
      const want = referenceViterbi(em, n, trans);
      const a = new Uint8Array(n),
        b = new Uint8Array(n);
      viterbi(em, n, trans, a);
      viterbi(em, n, trans, b, scratch);
      expect(a).toEqual(want);
      expect(b).toEqual(want);
    }
  });
});

describe("the tagger", () => {
  it("sums the emissions the model's rows give and tags by them", () => {
    const tagger = new Tagger(model);
    for (const text of TEXTS) {
      const n = text.length;
      const em = referenceEmissions(text);
      const spans = tagger.tag(text);
      if (n > 0) expect(tagger["em"].subarray(0, n * T)).toEqual(em);
      expect(spans).toEqual(tagsToSpans(referenceViterbi(em, n, model.trans), n));
    }
  });

  it("hands back the lexicon matches the rules would scan for", () => {
    const tagger = new Tagger(model);
    for (const text of SENTENCES) {
      const { begin } = tagger.tagWithMatches(text);
      const own = model.lexicon.scan(normalizeText(text)).begin;
      expect(begin.subarray(0, text.length * NUM_CLASSES)).toEqual(own);
    }
  });
});
