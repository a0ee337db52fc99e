// The PER/LOC/ORG tagger the ingest pipeline calls on sentences: `loadNer().tag(text)` returns spans in
// UTF-16 offsets of `text`. The model file is found next to the project (models/ner.bin) from source or dist.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NerSpan } from "./decode.js";
import { readModel, Tagger } from "./model.js";
import { applyRules } from "./rules.js";

export type { NerSpan, EntityKind } from "./decode.js";

export interface Ner {
  tag(text: string): NerSpan[];
}

/** models/ner.bin in the nearest ancestor folder that has one (works from ingest/ner and dist/ingest/ner). */
export function defaultModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "models", "ner.bin");
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), "../../models/ner.bin");
}

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

// Lines longer than this are tagged piece by piece, cut after a sentence mark where there is one, so a
// pathological input line (a whole book on one line) costs memory in proportion to the piece, not the line.
const PIECE = 4000;
const SENTENCE_END = /[。！？；!?;\n]/g;

/** Model spans of one piece with the rules applied; the rules reuse the lexicon matches tagging found. */
function tagPiece(tagger: Tagger, text: string): NerSpan[] {
  const { spans, begin } = tagger.tagWithMatches(text);
  return applyRules(text, spans, begin);
}

function tagLong(tagger: Tagger, text: string): NerSpan[] {
  if (text.length <= PIECE) return tagPiece(tagger, text);
  const out: NerSpan[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + PIECE);
    if (end < text.length) {
      SENTENCE_END.lastIndex = start + PIECE / 2;
      let cut = -1;
      for (let m = SENTENCE_END.exec(text); m && m.index < end; m = SENTENCE_END.exec(text)) cut = m.index + 1;
      if (cut > start) end = cut;
      else if (isLow(text.charCodeAt(end))) end++; // never split a surrogate pair
    }
    const piece = text.slice(start, end);
    for (const s of tagPiece(tagger, piece)) out.push({ start: s.start + start, end: s.end + start, type: s.type });
    start = end;
  }
  return out;
}

export function loadNer(path: string = process.env.JIANWEN_NER_MODEL ?? defaultModelPath()): Ner {
  const tagger = new Tagger(readModel(path));
  return {
    tag(text: string): NerSpan[] {
      const spans = tagLong(tagger, text);
      // The model reads UTF-16 units; never let a span cut a surrogate pair in half.
      for (const s of spans) {
        if (s.start > 0 && isLow(text.charCodeAt(s.start))) s.start--;
        if (s.end < text.length && isLow(text.charCodeAt(s.end))) s.end++;
      }
      return spans;
    },
  };
}
