// Word segmentation behind one interface. nodejieba (a native addon) is loaded only when a Segmenter is asked for,
// so the rules, most tests and the --spans path never pay its start-up.
import { createRequire } from "node:module";
import { idfStubPath, readTagTable } from "./jieba/tags.js";

export interface Segmenter {
  /** The text cut into words, in order; the words joined give the text back. */
  cut(text: string): string[];
  /** Words with their part of speech (jieba's ICTCLAS-style tags: n nr ns nt nz v vn d p c u m r t x …). */
  tag?(text: string): Array<{ word: string; tag: string }>;
  /**
   * The tag `tag` would give a word `cut` returned, where the segmenter can answer word by word: wordsOf then tags
   * the cut's words without a {word, tag} object per word in between.
   */
  tagWord?(word: string): string;
}

/** A word of the text at its UTF-16 offsets, with its part-of-speech tag ("" where the segmenter gives none). */
export interface Word {
  word: string;
  tag: string;
  start: number;
  end: number;
}

interface Jieba {
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
  load(files?: { dict?: string; userDict?: string; idfDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): Array<{ word: string; tag: string }>;
}

let jieba: Segmenter | null = null;

/**
 * nodejieba with its bundled dictionary, loaded once a process. Tags are nodejieba's own, word for word: its cut,
 * then each word's tag looked up in a table read from the same dictionary files (jieba/tags.ts), which is what
 * nodejieba's tag() does inside the addon, in about 60% of the time. The keyword extractor's IDF table is not used
 * here, so a one-line stand-in replaces the 6 MB file load() would otherwise read.
 */
export function loadSegmenter(): Segmenter {
  if (jieba) return jieba;
  const lib = createRequire(import.meta.url)("nodejieba") as Jieba;
  const dict = lib.DEFAULT_DICT;
  const userDict = lib.DEFAULT_USER_DICT;
  const idfDict = idfStubPath();
  lib.load(idfDict ? { dict, userDict, idfDict } : { dict, userDict });
  const cut = (text: string): string[] => lib.cut(text, true);
  let tagOf: ((word: string) => string) | null = null;
  try {
    tagOf = readTagTable(dict, userDict).tagOf;
  } catch {
    // A dictionary read here some other way than cppjieba reads it: the addon tags instead.
  }
  if (tagOf) {
    const tagWord = tagOf;
    jieba = { cut, tag: (text) => cut(text).map((word) => ({ word, tag: tagWord(word) })), tagWord };
  } else {
    jieba = { cut, tag: (text) => lib.tag(text) };
  }
  return jieba;
}

/** Boundaries already read, by the word list they come from (wordsOf answers one list per text). */
const boundaryCache = new WeakMap<Word[], Set<number>>();

/** Offsets (UTF-16) where a word starts or ends. The set is shared between callers: read it, never change it. */
export function wordBoundaries(segmenter: Segmenter, text: string): Set<number> {
  const words = wordsOf(segmenter, text);
  const hit = boundaryCache.get(words);
  if (hit) return hit;
  const out = new Set<number>([0, text.length]);
  // Located, not summed: a segmenter may drop or fold whitespace.
  for (const w of words) {
    out.add(w.start);
    out.add(w.end);
  }
  boundaryCache.set(words, out);
  return out;
}

/** The last few texts segmented, newest last: an article and the short names read while relating it. */
const recent: Array<{ segmenter: Segmenter; text: string; words: Word[] }> = [];
const RECENT = 4;

/**
 * The text's words at their offsets, with tags where the segmenter tags. Every finder of one article asks for the
 * same text, and relating it asks for short names in between, so the last few answers are kept: an article is
 * segmented once however many finders read its words.
 */
export function wordsOf(segmenter: Segmenter, text: string): Word[] {
  const hit = recent.find((r) => r.segmenter === segmenter && r.text === text);
  if (hit) return hit.words;
  const tagged = segmenter.tagWord || !segmenter.tag ? null : segmenter.tag(text);
  const cut = tagged ? tagged.map((p) => p.word) : segmenter.cut(text);
  const words: Word[] = [];
  let at = 0;
  for (let k = 0; k < cut.length; k++) {
    const word = cut[k]!;
    const i = text.indexOf(word, at);
    if (i < 0) continue;
    const tag = tagged ? tagged[k]!.tag : (segmenter.tagWord?.(word) ?? "");
    words.push({ word, tag, start: i, end: i + word.length });
    at = i + word.length;
  }
  recent.push({ segmenter, text, words });
  if (recent.length > RECENT) recent.shift();
  return words;
}

/** Index of the last word that starts at or before `offset` (words in text order): the word covering it, if any. */
export function wordIndexAt(words: Word[], offset: number): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (words[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
