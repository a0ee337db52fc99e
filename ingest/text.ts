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

/**
 * Chinese news typesets punctuation full width; e-paper text often carries half-width marks instead.
 * Punctuation touching a CJK character becomes full width; straight double quotes become “ ” by alternation
 * within a paragraph, so quoted names (“爱山东”) can be matched one way.
 */
export function normalizePunctuation(paragraph: string): string {
  let out = "";
  let openQuote = true;
  const chars = [...paragraph];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '"') {
      out += openQuote ? "“" : "”";
      openQuote = !openQuote;
      continue;
    }
    const full = HALF_TO_FULL_PUNCT[c];
    if (
      full &&
      (isCjk(chars[i - 1]) ||
        isCjk(chars[i + 1]) ||
        /[“”）（]/.test(chars[i - 1] ?? "") ||
        /[“”（）]/.test(chars[i + 1] ?? ""))
    ) {
      out += full;
      continue;
    }
    if (c === "." && isCjk(chars[i - 1]) && (i === chars.length - 1 || isCjk(chars[i + 1]))) {
      out += "。";
      continue;
    }
    out += c;
  }
  return out;
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
