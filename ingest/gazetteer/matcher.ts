// Longest-match dictionary scanning, keyed by the first two characters: two small map lookups a position.
// The words are filed by their first and then their second UTF-16 code unit (small integer keys), so a scan
// allocates nothing a position.

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

export class DictMatcher<T> {
  private readonly byPrefix = new Map<number, Map<number, Array<Entry<T>>>>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [word, value] of entries) {
      if (word.length < 2) continue;
      let second = this.byPrefix.get(word.charCodeAt(0));
      if (!second) this.byPrefix.set(word.charCodeAt(0), (second = new Map()));
      const list = second.get(word.charCodeAt(1)) ?? [];
      list.push({ word, value });
      second.set(word.charCodeAt(1), list);
    }
    for (const second of this.byPrefix.values())
      for (const list of second.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /** Non-overlapping longest matches, left to right. */
  scan(text: string): Array<DictHit<T>> {
    const hits: Array<DictHit<T>> = [];
    for (let i = 0; i < text.length - 1;) {
      const list = this.byPrefix.get(text.charCodeAt(i))?.get(text.charCodeAt(i + 1));
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
