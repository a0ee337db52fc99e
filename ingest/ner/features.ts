// Feature extraction for the character tagger: each character gets a fixed number of hashed feature keys
// (character n-grams in a ±2 window, character types, and lexicon matches that begin, end or cover it).
// A key is a 32-bit hash; the model maps it to a weight row. NONE marks an empty slot.
import { BOS, EOS, charType, mix, fmix, normalizeText } from "./chars.js";
import { Lexicon } from "./lexicon.js";

export const NONE = 0xffffffff;
const CHAR_TEMPLATES = 15;
const LEX_SLOTS = 8 * 3;
export const FEATURES_PER_CHAR = CHAR_TEMPLATES + LEX_SLOTS;

function h1(t: number, a: number): number {
  return fmix(mix(t * 0x9e3779b1, a));
}
function h2(t: number, a: number, b: number): number {
  return fmix(mix(mix(t * 0x9e3779b1, a), b));
}
function h3(t: number, a: number, b: number, c: number): number {
  return fmix(mix(mix(mix(t * 0x9e3779b1, a), b), c));
}

/** Hashed feature keys for every UTF-16 unit of `text`, FEATURES_PER_CHAR per unit. */
export function extractFeatures(text: string, lexicon: Lexicon): Uint32Array {
  const norm = normalizeText(text);
  return featuresOf(norm, lexicon);
}

export function featuresOf(norm: Int32Array, lexicon: Lexicon): Uint32Array {
  const n = norm.length;
  const F = FEATURES_PER_CHAR;
  const out = new Uint32Array(n * F);
  const types = new Uint8Array(n);
  for (let i = 0; i < n; i++) types[i] = charType(norm[i]!);
  const { begin, end, inside } = lexicon.scan(norm);
  for (let i = 0; i < n; i++) {
    const cm2 = i >= 2 ? norm[i - 2]! : BOS;
    const cm1 = i >= 1 ? norm[i - 1]! : BOS;
    const c0 = norm[i]!;
    const cp1 = i + 1 < n ? norm[i + 1]! : EOS;
    const cp2 = i + 2 < n ? norm[i + 2]! : EOS;
    const tm1 = i >= 1 ? types[i - 1]! : 0;
    const t0 = types[i]!;
    const tp1 = i + 1 < n ? types[i + 1]! : 0;
    const o = i * F;
    out[o] = h1(1, cm2);
    out[o + 1] = h1(2, cm1);
    out[o + 2] = h1(3, c0);
    out[o + 3] = h1(4, cp1);
    out[o + 4] = h1(5, cp2);
    out[o + 5] = h2(6, cm2, cm1);
    out[o + 6] = h2(7, cm1, c0);
    out[o + 7] = h2(8, c0, cp1);
    out[o + 8] = h2(9, cp1, cp2);
    out[o + 9] = h2(10, cm1, cp1);
    out[o + 10] = h3(11, cm2, cm1, c0);
    out[o + 11] = h3(12, cm1, c0, cp1);
    out[o + 12] = h3(13, c0, cp1, cp2);
    out[o + 13] = h3(14, tm1, t0, tp1);
    out[o + 14] = h1(15, 0);
    for (let c = 0; c < 8; c++) {
      const b = begin[i * 8 + c]!;
      const e = end[i * 8 + c]!;
      const s = o + CHAR_TEMPLATES + c * 3;
      out[s] = b ? h2(20 + c, 1, b > 6 ? 6 : b) : NONE;
      out[s + 1] = e ? h2(20 + c, 2, e > 6 ? 6 : e) : NONE;
      out[s + 2] = inside[i * 8 + c] ? h2(20 + c, 3, b > 0 ? 1 : 0) : NONE;
    }
  }
  return out;
}
