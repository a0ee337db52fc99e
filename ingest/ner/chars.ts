// Character normalization and hashing shared by NER training and tagging. Features see a normalized code
// (full-width ASCII folded to half-width, digits folded to 0, Latin lower-cased) so that the January-1998
// corpus (full-width digits) and modern text (half-width) produce the same features.
import { CharTable } from "../text.js";

export const BOS = 1;
export const EOS = 1; // the same as BOS: a clause mark before or after a character reads as a boundary

/** Character classes used as features; small integers so they hash cheaply. */
export const enum CharType {
  Boundary = 0,
  Digit = 1,
  CnNumeral = 2,
  Latin = 3,
  Punct = 4,
  Cjk = 5,
  Other = 6,
}

// Character sets are CharTables (one bit a UTF-16 unit): asked once or twice per character of every text, a
// typed-array read costs less than a Set probe.
const CN_NUMERALS = new CharTable("〇零一二三四五六七八九十百千万亿两");

// Clause marks read as a sentence boundary: the January-1998 training clauses were cut at these marks and
// the marks dropped, so "，中国" must look like a clause start to the model.
const CLAUSE_MARKS = new CharTable("，。！？、；：“”‘’「」『』\"',.!?;:");

export function normalizeCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) code = 0x20;
  if (CLAUSE_MARKS.has(code)) return BOS;
  if (code >= 0x30 && code <= 0x39) return 0x30;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  return code;
}

export function charType(norm: number): CharType {
  if (norm === BOS) return CharType.Boundary;
  if (norm === 0x30) return CharType.Digit;
  if ((norm >= 0x61 && norm <= 0x7a) || (norm >= 0xc0 && norm <= 0x24f)) return CharType.Latin;
  if (norm >= 0x4e00 && norm <= 0x9fff) return CN_NUMERALS.has(norm) ? CharType.CnNumeral : CharType.Cjk;
  if (norm >= 0x3400 && norm <= 0x4dbf) return CharType.Cjk;
  if (
    norm < 0x80 ||
    (norm >= 0x2000 && norm <= 0x206f) ||
    (norm >= 0x3000 && norm <= 0x303f) ||
    (norm >= 0xff00 && norm <= 0xffef)
  )
    return CharType.Punct;
  return CharType.Other;
}

/** Normalized codes of a UTF-16 string, one per code unit (astral characters give two units). */
export function normalizeText(text: string): Int32Array {
  const out = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = normalizeCode(text.charCodeAt(i));
  return out;
}

// Murmur3-style mixing: feature keys are hashed into a fixed table, and low bits must be well mixed.
export function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  return Math.imul(h, 0x1b873593) ^ 0xe6546b64;
}

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
