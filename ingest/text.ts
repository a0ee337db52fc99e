// Character-level helpers shared by the ingest stages: CJK tests, width and punctuation normalization.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]/u;
export const CJK_CLASS = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Full-width ASCII variants (Ａ１！) to half width; the ideographic space to a plain space. */
export function toHalfWidth(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += text.slice(from, i) + String.fromCharCode(c === 0x3000 ? 0x20 : c - 0xfee0);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
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

/** The code point before UTF-16 offset `i` (a surrogate pair read whole), -1 at the start. */
function codeBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  }
  return low;
}

/** The code point after the one-unit character at `i`, -1 at the end. */
function codeAfter(text: string, i: number): number {
  if (i + 1 >= text.length) return -1;
  return text.codePointAt(i + 1)!;
}

/** Whether a code point is one CJK matches. */
function isCjkCode(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x2ebef)
  );
}

/** Quotes and full-width brackets: punctuation next to them is Chinese too. */
function isQuoteOrBracket(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0xff08 || c === 0xff09;
}

/**
 * Chinese news typesets punctuation full width; e-paper text often carries half-width marks instead.
 * Punctuation touching a CJK character becomes full width; straight double quotes become “ ” by alternation
 * within a paragraph, so quoted names (“爱山东”) can be matched one way. Only the marks themselves are visited:
 * the text between them is copied in slices, and the characters around a mark are read as code points.
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
      const before = codeBefore(paragraph, i);
      const after = codeAfter(paragraph, i);
      const full = HALF_TO_FULL_PUNCT[c];
      if (full && (isCjkCode(before) || isCjkCode(after) || isQuoteOrBracket(before) || isQuoteOrBracket(after)))
        replacement = full;
      else if (c === "." && isCjkCode(before) && (i === paragraph.length - 1 || isCjkCode(after))) replacement = "。";
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
  // Most lines hold no space or tab, and the pattern looks behind at every position.
  if (!text.includes(" ") && !text.includes("\t")) return text;
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

/** What `\s` matches in a regular expression: ECMAScript white space and line terminators. */
const WHITESPACE =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * A set of characters tested by UTF-16 code unit, so a loop over every character of a text asks it without making
 * a one-character string to look up (as Set<string>.has(text[i]) or a one-character regex test would). One bit a
 * unit: 8 KB, which stays in the processor's cache.
 */
export class CharTable {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  /** Every UTF-16 unit of `chars`, and with `whitespace` what `\s` matches. */
  constructor(chars: Iterable<string>, whitespace = false) {
    for (const c of chars) for (let i = 0; i < c.length; i++) this.add(c.charCodeAt(i));
    if (whitespace) for (let i = 0; i < WHITESPACE.length; i++) this.add(WHITESPACE.charCodeAt(i));
  }

  private add(code: number): void {
    this.bits[code >>> 5]! |= 1 << (code & 31);
  }

  /** Whether the unit at `i` of `text` is in the table; false outside the text. */
  at(text: string, i: number): boolean {
    if (i < 0 || i >= text.length) return false;
    const code = text.charCodeAt(i);
    return (this.bits[code >>> 5]! & (1 << (code & 31))) !== 0;
  }

  /** Whether a character code is in the table; false for any number that is no UTF-16 unit. */
  has(code: number): boolean {
    return code >>> 16 === 0 && (this.bits[code >>> 5]! & (1 << (code & 31))) !== 0;
  }
}
