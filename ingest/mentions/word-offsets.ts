// The words of a text by offset: which word starts and which ends at each UTF-16 offset. Every finder of an article
// asks these questions of the same word list, so the answer is built once a list, as an array twice as long as the
// text, and shared.
import type { Word } from "../segmenter.js";

export class WordOffsets {
  /**
   * Two numbers an offset: 1 + the index of the word starting there, then 1 + the index of the word ending there;
   * 0 where none does. One array, so a bound's two answers sit side by side.
   */
  private readonly at: Int32Array;

  constructor(readonly words: Word[]) {
    let size = 0;
    for (const w of words) if (w.end > size) size = w.end;
    this.at = new Int32Array(2 * size + 2);
    // Where two words share an offset (an empty word), the later one is kept, as a Map filled in order keeps it.
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      this.at[2 * w.start] = i + 1;
      this.at[2 * w.end + 1] = i + 1;
    }
  }

  /** The word that starts at `offset`. */
  startingAt(offset: number): Word | undefined {
    const k = this.at[2 * offset];
    return k ? this.words[k - 1] : undefined;
  }

  /** The word that ends at `offset`. */
  endingAt(offset: number): Word | undefined {
    const k = this.at[2 * offset + 1];
    return k ? this.words[k - 1] : undefined;
  }

  /** Index of the word that ends at `offset`, or -1. */
  indexEndingAt(offset: number): number {
    const k = this.at[2 * offset + 1];
    return k ? k - 1 : -1;
  }

  /** Whether a word starts or ends at `offset`. */
  isBound(offset: number): boolean {
    return Boolean(this.at[2 * offset] || this.at[2 * offset + 1]);
  }
}

const built = new WeakMap<Word[], WordOffsets>();

/** The offsets of no words, for a text read without a segmenter. */
export const NO_WORDS = new WordOffsets([]);

/** The offsets of a word list (one list per text from wordsOf): built on first use, never to be changed after. */
export function wordOffsets(words: Word[]): WordOffsets {
  let offsets = built.get(words);
  if (!offsets) built.set(words, (offsets = new WordOffsets(words)));
  return offsets;
}
