// A string set keyed by 32-bit hashes of normalized characters, each entry carrying a bitmask of classes
// (division name, country, surname, organization suffix, lexicon PER/LOC/ORG). Stored as two typed arrays
// so the shipped model loads without building JavaScript strings or Maps. Every proper prefix of an
// entry is stored too (PREFIX bit), so a scan stops as soon as no entry can continue.
import { fmix, normalizeCode } from "./chars.js";

export const LEX_CLASSES = [
  "DIV",
  "CTRY",
  "ABBR",
  "SFX",
  "SURN",
  "PER",
  "LOC",
  "ORG",
  "WORD",
  "NR",
  "NS",
  "NT",
] as const;
export const NUM_CLASSES = LEX_CLASSES.length;
export type LexClass = (typeof LEX_CLASSES)[number];
export const LEX_MAX_LEN = 12;
const PREFIX = 0x8000;

const SEED = 0x811c9dc5;
export function stepHash(h: number, norm: number): number {
  return Math.imul(h ^ norm, 0x01000193);
}
function keyOf(h: number): number {
  return (fmix(h) | 1) >>> 0; // 0 marks an empty slot; unsigned, like the Uint32Array it is compared with
}

// Scratch arrays reused across calls while tagging, so long inputs do not churn the garbage collector.
let pool = { begin: new Uint8Array(0), end: new Uint8Array(0), inside: new Uint8Array(0) };
function scratch(size: number): typeof pool {
  if (pool.begin.length < size)
    pool = { begin: new Uint8Array(size * 2), end: new Uint8Array(size * 2), inside: new Uint8Array(size * 2) };
  pool.begin.fill(0, 0, size);
  pool.end.fill(0, 0, size);
  pool.inside.fill(0, 0, size);
  return pool;
}

export class Lexicon {
  constructor(
    readonly keys: Uint32Array,
    readonly vals: Uint16Array,
  ) {}

  static build(entries: Iterable<[string, LexClass]>): Lexicon {
    const map = new Map<number, number>();
    for (const [word, cls] of entries) {
      if (word.length === 0 || word.length > LEX_MAX_LEN) continue;
      let h = SEED;
      for (let i = 0; i < word.length; i++) {
        h = stepHash(h, normalizeCode(word.charCodeAt(i)));
        const k = keyOf(h);
        const bit = i === word.length - 1 ? 1 << LEX_CLASSES.indexOf(cls) : PREFIX;
        map.set(k, (map.get(k) ?? 0) | bit);
      }
    }
    let size = 1024;
    while (size < map.size * 2) size <<= 1;
    const keys = new Uint32Array(size);
    const vals = new Uint16Array(size);
    for (const [k, v] of map) {
      let slot = k & (size - 1);
      while (keys[slot] !== 0) slot = (slot + 1) & (size - 1);
      keys[slot] = k;
      vals[slot] = v;
    }
    return new Lexicon(keys, vals);
  }

  get(key: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = key & mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === key) return this.vals[slot]!;
      if (k === 0) return 0;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * For each position and class, the longest match beginning there (begin), ending there (end),
   * and whether a match covers it strictly inside (inside). Arrays are indexed [pos * NUM_CLASSES + class].
   */
  scan(norm: Int32Array, reuse = false): { begin: Uint8Array; end: Uint8Array; inside: Uint8Array } {
    const n = norm.length;
    const C = NUM_CLASSES;
    const { begin, end, inside } = reuse
      ? scratch(n * C)
      : { begin: new Uint8Array(n * C), end: new Uint8Array(n * C), inside: new Uint8Array(n * C) };
    for (let i = 0; i < n; i++) {
      let h = SEED;
      const lim = Math.min(n, i + LEX_MAX_LEN);
      for (let j = i; j < lim; j++) {
        h = stepHash(h, norm[j]!);
        const found = this.get(keyOf(h));
        if (found === 0) break;
        const m = found & 0xfff;
        if (m === 0) continue;
        const len = j - i + 1;
        for (let c = 0; c < C; c++) {
          if ((m & (1 << c)) === 0) continue;
          if (begin[i * C + c]! < len) begin[i * C + c] = len;
          if (end[j * C + c]! < len) end[j * C + c] = len;
          for (let k = i + 1; k < j; k++) inside[k * C + c] = 1;
        }
        if ((found & PREFIX) === 0) break;
      }
    }
    return { begin, end, inside };
  }
}
