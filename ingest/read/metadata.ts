// Metadata a file states is checked before it wins over the text: crawlers put run-on paragraphs in author fields,
// captions in titles and "未知" in dates. A value that fails its check is set aside with a warning, and what the text
// itself says (the byline 本报讯（记者 X 通讯员 Y）, a dated line) is used instead.
import { parseDate } from "../masthead.js";
import { codePointLength, toHalfWidth } from "../text.js";
import type { RawDocument, RawMeta } from "../types.js";

/** Role words that may stand beside the names in an author field (本报记者 王青 通讯员 包成勇). */
const AUTHOR_ROLE =
  /本报|特约|见习记者|记者|通讯员|实习生|评论员|摄影|摄|制图|责任编辑|编辑|撰文|文字|文\/图|文|图|作者|报道|整理|供稿|[:：]/g;

/** A name in an author field: two to four Han characters (or one, when padded 颜  珂), a Latin name, an agency. */
const NAME_TOKEN =
  /^(?:[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,8}|[A-Za-z][A-Za-z .'-]{0,40}|[\u4e00-\u9fff]{2,10}(?:社|网|报|台|中心|客户端))$/;

/** Whether an author field is a list of names rather than a sentence or a paragraph caught by the crawler. */
export function isAuthorList(value: string): boolean {
  const t = value.trim();
  if (t === "" || codePointLength(t) > 48) return false;
  if (/[。！？!?“”"《》；;]|\d/.test(t)) return false;
  const bare = t.replace(AUTHOR_ROLE, " ").replace(/^[（(]\s*|\s*[）)]$/g, "");
  if (/[（）()]/.test(bare)) return false;
  const tokens = bare.split(/[\s、，,/|&＆和及]+/).filter(Boolean);
  return tokens.length >= 1 && tokens.length <= 12 && tokens.every((token) => NAME_TOKEN.test(token));
}

/** A date field holds a date when it is short and parses as one (2026-03-29, 2026年3月29日, 20260329, with a time). */
export function checkedDate(value: string): string | null {
  const t = value.trim();
  if (codePointLength(t) > 40) return null;
  const iso = parseDate(t);
  if (!iso) return null;
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2100 ? iso : null;
}

/** A title is a line, not a paragraph: at most 64 characters, one line, not two sentences. */
export function isTitle(value: string): boolean {
  const t = value.trim();
  if (t === "" || /\n/.test(t) || codePointLength(t) > 64) return false;
  const sentences = t.split(/[。！？!?]/).filter((s) => s.trim() !== "").length;
  return sentences <= 1 || codePointLength(t) <= 30;
}

/**
 * A page code as papers print it: A03, 第A03版, 01, 第3版. Crawlers append the article's place on the page to the
 * code (A033 is page A03), so a letter with three digits keeps its first two. Null for anything else.
 */
export function pageCode(value: string): string | null {
  const t = toHalfWidth(value).trim().replace(/\s+/g, "");
  const lettered = /^第?([A-Za-z]{1,2})(\d{2})\d?版?$/.exec(t);
  if (lettered) return `${lettered[1]!.toUpperCase()}${lettered[2]!}`;
  const numbered = /^第?0*(\d{1,3})版?$/.exec(t);
  if (numbered) return numbered[1]!;
  return null;
}

/** The date a URL's path gives (…/2026/03/29/…, …/20260329/…, …/2026-03/29/…), when it has one. */
export function dateFromUrl(url: string): string | null {
  const m = /(?:^|[/_=-])(20\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?([0-2]\d|3[01])(?=$|[/_.-])/.exec(url);
  return m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** A full date written in the first lines of the text (2026年3月29日), for an article whose date field failed. */
export function dateFromText(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(toHalfWidth(text.slice(0, 400)));
  return m ? parseDate(m[0]) : null;
}

/** FILE, FILE: line N or FILE: item N, as messages name a place in an input. */
export function originText(origin: RawDocument["origin"]): string {
  if (origin.line !== undefined) return `${origin.file}: line ${origin.line}`;
  return origin.item === undefined ? origin.file : `${origin.file}: item ${origin.item}`;
}

function quote(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return codePointLength(flat) > 24 ? `"${[...flat].slice(0, 24).join("")}…"` : `"${flat}"`;
}

/**
 * Checks the document's title, date and author in place. A value that fails is removed from the metadata and a
 * warning says so; the pipeline then reads the title, byline and date from the text. Returns the document.
 */
export function checkMetadata(document: RawDocument): RawDocument {
  const meta: RawMeta = document.meta;
  const warnings: string[] = [];
  const where = originText(document.origin);
  const warn = (what: string) => warnings.push(`ingest/read: ${where}: ${what}`);
  if (meta.author !== undefined && !isAuthorList(meta.author)) {
    warn(`the author field ${quote(meta.author)} is not a list of names; set aside, the byline in the text is used`);
    delete meta.author;
  }
  if (meta.date !== undefined) {
    const iso = checkedDate(meta.date);
    if (iso === null) {
      const instead = dateFromText(document.text);
      warn(
        `the date field ${quote(meta.date)} is not a date; set aside, ${instead ? `the text's date ${instead} is used` : "the article has no date"}`,
      );
      delete meta.date;
      if (instead) meta.date = instead;
    }
  }
  if (meta.title !== undefined && !isTitle(meta.title)) {
    warn(
      `the title field ${quote(meta.title)} is a paragraph, not a title; set aside, the headline is read from the text`,
    );
    delete meta.title;
  }
  if (warnings.length > 0) document.warnings = [...(document.warnings ?? []), ...warnings];
  return document;
}
