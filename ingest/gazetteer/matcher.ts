// Longest-match dictionary scanning, keyed by the first two characters so a scan costs one map lookup a position.

export interface DictHit<T> {
  start: number;
  end: number;
  text: string;
  value: T;
}

export class DictMatcher<T> {
  private readonly byPrefix = new Map<string, Array<{ word: string; value: T }>>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [word, value] of entries) {
      if (word.length < 2) continue;
      const key = word.slice(0, 2);
      const list = this.byPrefix.get(key) ?? [];
      list.push({ word, value });
      this.byPrefix.set(key, list);
    }
    for (const list of this.byPrefix.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /** Non-overlapping longest matches, left to right. */
  scan(text: string): Array<DictHit<T>> {
    const hits: Array<DictHit<T>> = [];
    for (let i = 0; i < text.length - 1;) {
      const list = this.byPrefix.get(text.slice(i, i + 2));
      const found = list?.find((e) => text.startsWith(e.word, i));
      if (found) {
        hits.push({ start: i, end: i + found.word.length, text: found.word, value: found.value });
        i += found.word.length;
      } else i++;
    }
    return hits;
  }
}
