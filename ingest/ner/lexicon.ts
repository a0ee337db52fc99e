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

/** What Lexicon.scan finds; see there. */
export interface LexiconMatches {
  begin: Uint8Array;
  end: Uint8Array;
  inside: Uint8Array;
  classes: Uint16Array;
}

const fresh = (n: number): LexiconMatches => ({
  begin: new Uint8Array(n * NUM_CLASSES),
  end: new Uint8Array(n * NUM_CLASSES),
  inside: new Uint8Array(n * NUM_CLASSES),
  classes: new Uint16Array(n),
});

// Scratch arrays reused across calls while tagging, so long inputs do not churn the garbage collector.
let pool = fresh(0);
function scratch(n: number): LexiconMatches {
  if (pool.classes.length < n) pool = fresh(n * 2);
  const size = n * NUM_CLASSES;
  pool.begin.fill(0, 0, size);
  pool.end.fill(0, 0, size);
  pool.inside.fill(0, 0, size);
  pool.classes.fill(0, 0, n);
  return pool;
}

export class Lexicon {
  // first[c]: the entry of the one-character string c (-1: not looked up yet), filled in as characters are
  // met, so the first probe of every scan position reads a small table instead of the large one.
  private readonly first = new Int32Array(0x10000).fill(-1);

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
   * classes[pos] has bit c set when any of the three is set for class c at pos, so readers skip the rest.
   */
  scan(norm: Int32Array, reuse = false): LexiconMatches {
    const matches = reuse ? scratch(norm.length) : fresh(norm.length);
    this.match(norm, matches);
    return matches;
  }

  /** The loops of scan, apart from its buffer handling so that they have no rarely taken branch (see viterbi). */
  private match(norm: Int32Array, { begin, end, inside, classes }: LexiconMatches): void {
    const n = norm.length;
    const C = NUM_CLASSES;
    const first = this.first;
    for (let i = 0; i < n; i++) {
      const lim = Math.min(n, i + LEX_MAX_LEN);
      const c0 = norm[i]!;
      let h = stepHash(SEED, c0);
      let found = c0 >>> 16 === 0 ? first[c0]! : -1;
      if (found < 0) {
        found = this.get(keyOf(h));
        if (c0 >>> 16 === 0) first[c0] = found;
      }
      for (let j = i; found !== 0;) {
        const m = found & 0xfff;
        if (m !== 0) {
          const len = j - i + 1;
          // Each class of the entry, lowest bit first.
          for (let bits = m; bits !== 0; bits &= bits - 1) {
            const c = 31 - Math.clz32(bits & -bits);
            if (begin[i * C + c]! < len) begin[i * C + c] = len;
            if (end[j * C + c]! < len) end[j * C + c] = len;
            for (let k = i + 1; k < j; k++) inside[k * C + c] = 1;
          }
          for (let k = i; k <= j; k++) classes[k]! |= m;
          if ((found & PREFIX) === 0) break;
        }
        if (++j >= lim) break;
        h = stepHash(h, norm[j]!);
        found = this.get(keyOf(h));
      }
    }
  }
}
