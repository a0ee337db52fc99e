// Sentences of an article: evidence for every relation is the sentence it was read from.

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Splits at 。！？ (keeping a closing quote with its sentence) and at line breaks. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？!?\n]*(?:[。！？!?]+[”’」]?|\n|$)/g;
  for (const m of text.matchAll(re)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return out;
}

/** Index of the sentence containing offset, by binary search over sorted sentences. */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
