// A string set keyed by 32-bit hashes of normalized characters, each entry carrying a bitmask of classes
// (division name, country, surname, organization suffix, lexicon PER/LOC/ORG). Stored as two typed arrays
// so the shipped model loads without building JavaScript strings or Maps.
import { fmix, normalizeCode } from "./chars.js";

export const LEX_CLASSES = ["DIV", "CTRY", "ABBR", "SFX", "SURN", "PER", "LOC", "ORG"] as const;
export type LexClass = (typeof LEX_CLASSES)[number];
export const LEX_MAX_LEN = 12;

const SEED = 0x811c9dc5;
export function stepHash(h: number, norm: number): number {
  return Math.imul(h ^ norm, 0x01000193);
}
function keyOf(h: number): number {
  return fmix(h) | 1; // 0 marks an empty slot
}

export class Lexicon {
  constructor(
    readonly keys: Uint32Array,
    readonly vals: Uint8Array,
  ) {}

  static build(entries: Iterable<[string, LexClass]>): Lexicon {
    const map = new Map<number, number>();
    for (const [word, cls] of entries) {
      if (word.length === 0 || word.length > LEX_MAX_LEN) continue;
      let h = SEED;
      for (let i = 0; i < word.length; i++) h = stepHash(h, normalizeCode(word.charCodeAt(i)));
      const k = keyOf(h);
      map.set(k, (map.get(k) ?? 0) | (1 << LEX_CLASSES.indexOf(cls)));
    }
    let size = 1024;
    while (size < map.size * 2) size <<= 1;
    const keys = new Uint32Array(size);
    const vals = new Uint8Array(size);
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
   * and whether a match covers it strictly inside (inside). Arrays are indexed [pos * 8 + class].
   */
  scan(norm: Int32Array): { begin: Uint8Array; end: Uint8Array; inside: Uint8Array } {
    const n = norm.length;
    const begin = new Uint8Array(n * 8);
    const end = new Uint8Array(n * 8);
    const inside = new Uint8Array(n * 8);
    for (let i = 0; i < n; i++) {
      let h = SEED;
      const lim = Math.min(n, i + LEX_MAX_LEN);
      for (let j = i; j < lim; j++) {
        h = stepHash(h, norm[j]!);
        const m = this.get(keyOf(h));
        if (m === 0) continue;
        const len = j - i + 1;
        for (let c = 0; c < 8; c++) {
          if ((m & (1 << c)) === 0) continue;
          if (begin[i * 8 + c]! < len) begin[i * 8 + c] = len;
          if (end[j * 8 + c]! < len) end[j * 8 + c] = len;
          for (let k = i + 1; k < j; k++) inside[k * 8 + c] = 1;
        }
      }
    }
    return { begin, end, inside };
  }
}
