// Character-level helpers shared by the ingest stages: CJK tests, width and punctuation normalization.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]/u;
export const CJK_CLASS = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Full-width ASCII variants (Ａ１！) to half width; the ideographic space to a plain space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const HALF_TO_FULL_PUNCT: Record<string, string> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "!": "！",
  "?": "？",
  "(": "（",
  ")": "）",
};

/** Every mark normalizePunctuation may rewrite. */
const HALF_PUNCT = /[",;:!?().]/g;

/** The code point before UTF-16 offset `i` (a surrogate pair read whole), undefined at the start. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The code point after the one-unit character at `i`, undefined at the end. */
function charAfter(text: string, i: number): string | undefined {
  if (i + 1 >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i + 1)!);
}

/**
 * Chinese news typesets punctuation full width; e-paper text often carries half-width marks instead.
 * Punctuation touching a CJK character becomes full width; straight double quotes become “ ” by alternation
 * within a paragraph, so quoted names (“爱山东”) can be matched one way. Only the marks themselves are visited:
 * the text between them is copied in slices.
 */
export function normalizePunctuation(paragraph: string): string {
  let out = "";
  let from = 0;
  let openQuote = true;
  HALF_PUNCT.lastIndex = 0;
  for (let m = HALF_PUNCT.exec(paragraph); m; m = HALF_PUNCT.exec(paragraph)) {
    const i = m.index;
    const c = m[0];
    let replacement: string | null = null;
    if (c === '"') {
      replacement = openQuote ? "“" : "”";
      openQuote = !openQuote;
    } else {
      const before = charBefore(paragraph, i);
      const after = charAfter(paragraph, i);
      const full = HALF_TO_FULL_PUNCT[c];
      if (full && (isCjk(before) || isCjk(after) || /[“”）（]/.test(before ?? "") || /[“”（）]/.test(after ?? "")))
        replacement = full;
      else if (c === "." && isCjk(before) && (i === paragraph.length - 1 || isCjk(after))) replacement = "。";
    }
    if (replacement !== null) {
      out += paragraph.slice(from, i) + replacement;
      from = i + 1;
    }
  }
  return from === 0 ? paragraph : out + paragraph.slice(from);
}

/**
 * Removes the spaces that column layout puts inside Chinese text (李 长萍, 统 筹性):
 * a run of spaces between two CJK characters, or between a CJK character and CJK punctuation, goes.
 * Spaces next to Latin letters or digits on both sides stay (CN 37-0048).
 */
export function joinCjkSpaces(text: string): string {
  return text.replace(
    /(?<=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、。，；：！？（）《》·])[ \t]+(?=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、。，；：！？（）《》·\d])|(?<=[\d%])[ \t]+(?=[\u3400-\u9fff\uf900-\ufaff])/gu,
    "",
  );
}

/** Code-point length: offsets in the --spans contract count code points, not UTF-16 units. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
