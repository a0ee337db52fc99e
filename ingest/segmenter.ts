// Word segmentation behind one interface. nodejieba (a native addon) is loaded only when a Segmenter is asked for,
// so the rules, most tests and the --spans path never pay its start-up.
import { createRequire } from "node:module";

export interface Segmenter {
  /** The text cut into words, in order; the words joined give the text back. */
  cut(text: string): string[];
}

interface Jieba {
  load(): void;
  cut(text: string, hmm?: boolean): string[];
}

let jieba: Segmenter | null = null;

/** nodejieba with its bundled dictionary, loaded once a process. */
export function loadSegmenter(): Segmenter {
  if (jieba) return jieba;
  const lib = createRequire(import.meta.url)("nodejieba") as Jieba;
  lib.load();
  jieba = { cut: (text) => lib.cut(text, true) };
  return jieba;
}

/** Offsets (UTF-16) where a word starts or ends. */
export function wordBoundaries(segmenter: Segmenter, text: string): Set<number> {
  const out = new Set<number>([0, text.length]);
  let at = 0;
  // Located, not summed: a segmenter may drop or fold whitespace.
  for (const word of segmenter.cut(text)) {
    const i = text.indexOf(word, at);
    if (i < 0) continue;
    out.add(i);
    at = i + word.length;
    out.add(at);
  }
  return out;
}
