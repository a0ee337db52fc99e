// Longest-match dictionary scanning, keyed by the first two characters. A bit set of the words' first UTF-16 code
// units passes over most positions of a text on one read, a bit set of their first two units' hashes over most of
// the rest; what is left looks its two units up in an open-addressing hash table. All are typed arrays small enough
// to stay in the processor's cache between articles, and a scan allocates nothing a position.

interface Entry<T> {
  word: string;
  value: T;
}

export interface DictHit<T> {
  start: number;
  end: number;
  text: string;
  value: T;
}

/** The first two code units of a word as one 32-bit key. */
function pairKey(first: number, second: number): number {
  return (first << 16) | second;
}

export class DictMatcher<T> {
  /** Words by their first two units, each list longest first. */
  private readonly lists: Array<Array<Entry<T>>> = [];
  /** The hash table, two numbers a slot: a pair's key and 1 + the index of its list in `lists` (0: empty slot). */
  private readonly table: Int32Array;
  private readonly shift: number;
  /** One bit for each code unit a word begins with. */
  private readonly firsts = new Uint32Array(0x10000 >>> 5);
  /** One bit for each 16-bit hash of a word's first two units. */
  private readonly pairs = new Uint32Array(0x10000 >>> 5);

  constructor(entries: Iterable<[string, T]>) {
    const byPair = new Map<number, Array<Entry<T>>>();
    for (const [word, value] of entries) {
      if (word.length < 2) continue;
      const key = pairKey(word.charCodeAt(0), word.charCodeAt(1));
      this.firsts[word.charCodeAt(0) >>> 5]! |= 1 << (word.charCodeAt(0) & 31);
      const h16 = Math.imul(key, 0x9e3779b1) >>> 16;
      this.pairs[h16 >>> 5]! |= 1 << (h16 & 31);
      const list = byPair.get(key) ?? [];
      list.push({ word, value });
      byPair.set(key, list);
    }
    // A table at most half full keeps probe runs short.
    let bits = 4;
    while (1 << bits < byPair.size * 2) bits++;
    this.shift = 32 - bits;
    this.table = new Int32Array(2 << bits);
    const mask = (1 << bits) - 1;
    for (const [key, list] of byPair) {
      list.sort((a, b) => b.word.length - a.word.length);
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.table[2 * h + 1] !== 0) h = (h + 1) & mask;
      this.table[2 * h] = key;
      this.table[2 * h + 1] = this.lists.push(list);
    }
  }

  /** The words that begin with the two units at `i` of `text`. */
  private listAt(text: string, i: number): Array<Entry<T>> | undefined {
    const first = text.charCodeAt(i);
    if ((this.firsts[first >>> 5]! & (1 << (first & 31))) === 0) return undefined;
    const key = pairKey(first, text.charCodeAt(i + 1));
    const hash = Math.imul(key, 0x9e3779b1);
    const h16 = hash >>> 16;
    if ((this.pairs[h16 >>> 5]! & (1 << (h16 & 31))) === 0) return undefined;
    const mask = (this.table.length >>> 1) - 1;
    for (let h = hash >>> this.shift; ; h = (h + 1) & mask) {
      const slot = this.table[2 * h + 1]!;
      if (slot === 0) return undefined;
      if (this.table[2 * h] === key) return this.lists[slot - 1];
    }
  }

  /** Non-overlapping longest matches, left to right. */
  scan(text: string): Array<DictHit<T>> {
    const hits: Array<DictHit<T>> = [];
    for (let i = 0; i < text.length - 1;) {
      const list = this.listAt(text, i);
      let found: Entry<T> | undefined;
      if (list)
        for (const e of list)
          if (text.startsWith(e.word, i)) {
            found = e;
            break;
          }
      if (found) {
        hits.push({ start: i, end: i + found.word.length, text: found.word, value: found.value });
        i += found.word.length;
      } else i++;
    }
    return hits;
  }
}
