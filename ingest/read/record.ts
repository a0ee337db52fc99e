// One article record of a JSON or JSONL file → RawDocument. Fields are found by the names crawlers and archives
// use (title/headline/标题, content/body/正文, publish_date/发布时间 …) unless --json-fields names them.
import type { RawDocument, RawMeta } from "../types.js";
import { checkedDate, dateFromUrl, originText, pageCode } from "./metadata.js";
import type { JsonlFields } from "./settings.js";

type Key = keyof JsonlFields | "pageName" | "url";

/** The usual names of each field, tried in order after the name the settings give. */
export const USUAL_FIELD_NAMES: Record<Key, readonly string[]> = {
  title: ["title", "headline", "标题", "题目", "name"],
  text: ["text", "content", "body", "正文", "内容", "article", "fulltext", "full_text"],
  date: [
    "date",
    "publish_date",
    "pubdate",
    "pub_date",
    "publishDate",
    "published",
    "published_at",
    "publish_time",
    "发布时间",
    "日期",
    "出版日期",
    "time",
  ],
  author: ["author", "authors", "byline", "作者", "记者", "reporter"],
  page: ["page", "section", "版面", "版次", "page_no", "pageNo", "版号"],
  pageName: ["section_name", "page_name", "sectionName", "pageName", "版名", "版面名称", "栏目"],
  source: ["source", "paper", "newspaper", "来源", "报纸", "报刊", "media", "site"],
  url: ["url", "link", "链接", "source_url", "href"],
};

/** The field names a record's keys were found under, for an error message. */
export function fieldList(record: Record<string, unknown>): string {
  return Object.keys(record).slice(0, 8).join(", ") || "none";
}

/** A field's value as text: strings trimmed, numbers as digits, a list of names joined with 、. */
function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) =>
      v && typeof v === "object" ? asText((v as Record<string, unknown>).name) : asText(v),
    );
    const joined = parts.filter((p): p is string => p !== undefined).join("、");
    return joined === "" ? undefined : joined;
  }
  return undefined;
}

/** Every value the record has for a field: the named field first, then the usual names, without repeats. */
export function fieldValues(record: Record<string, unknown>, key: Key, fields: Partial<JsonlFields>): string[] {
  const named = key in fields ? fields[key as keyof JsonlFields] : undefined;
  const names = [...new Set([...(named ? [named] : []), ...USUAL_FIELD_NAMES[key]])];
  const out: string[] = [];
  for (const name of names) {
    const value = asText(record[name]);
    if (value !== undefined && !out.includes(value)) out.push(value);
  }
  return out;
}

/**
 * Cleans article text as crawlers save it: \r\n\t runs, lines of spaces, full-width-space paragraph indents (U+3000 U+3000)
 * and blank lines go; one paragraph a line remains.
 */
export function cleanArticleText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ""))
    .filter((line) => line !== "")
    .join("\n");
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");

/**
 * A JSON article record → document, or null when it has no text field. Text is cleaned, a first line repeating the
 * title or page name is dropped, the page code is read (A033 → A03), a date that fails falls back to the next date
 * field or the URL's date; metadata checks come after (checkMetadata).
 */
export function recordToDocument(
  record: Record<string, unknown>,
  origin: RawDocument["origin"],
  fields: Partial<JsonlFields>,
  defaults: RawMeta = {},
): RawDocument | null {
  const body = fieldValues(record, "text", fields)[0];
  if (body === undefined) return null;
  const meta: RawMeta = {};
  const first = (key: Key) => fieldValues(record, key, fields)[0];
  for (const key of ["title", "source", "author", "pageName"] as const) {
    const value = first(key);
    if (value !== undefined) meta[key] = value;
  }
  // A crawler's page field is a code (A033, 第A03版) or a name; its section_name may be the code again (第A033版).
  for (const value of [...fieldValues(record, "page", fields), ...fieldValues(record, "pageName", fields)]) {
    const code = pageCode(value);
    if (code !== null) {
      meta.page ??= code;
      if (meta.pageName === value) delete meta.pageName;
    } else if (meta.pageName === undefined && value.length <= 16) meta.pageName = value;
  }
  const dates = fieldValues(record, "date", fields);
  const url = first("url");
  const warnings: string[] = [];
  // The first date field that is a date wins, then the URL's date; a field that fails is reported.
  const date = dates.find((d) => checkedDate(d) !== null);
  const fromUrl = url === undefined ? null : dateFromUrl(url);
  if (date !== undefined) meta.date = date;
  else if (fromUrl !== null) {
    meta.date = fromUrl;
    if (dates[0] !== undefined) {
      const where = originText(origin);
      warnings.push(
        `ingest/read: ${where}: the date field "${dates[0].slice(0, 24)}" is not a date; set aside, the URL's date ${fromUrl} is used`,
      );
    }
  } else if (dates[0] !== undefined) meta.date = dates[0];
  // What the file says beside its list of articles (the paper, the date) fills what an article leaves out.
  for (const [key, value] of Object.entries(defaults) as [keyof RawMeta, string][]) meta[key] ??= value;
  let text = cleanArticleText(body);
  // The content often opens with the title (or the page's name) again, as its own line.
  const firstLine = text.split("\n", 1)[0] ?? "";
  const repeats = [meta.title, meta.pageName].filter((v): v is string => v !== undefined).map(squash);
  // A web page's title holds the article's (杭州日报-青河港物流园二期开工): it goes too.
  const line = squash(firstLine);
  if (
    firstLine !== text &&
    repeats.some(
      (r) => line === r || (r.length >= 4 && line.includes(r) && line.length <= 64 && !/[。！？]/.test(line)),
    )
  )
    text = text.slice(firstLine.length + 1);
  const document: RawDocument = { text, meta, origin, kind: "article" };
  if (warnings.length > 0) document.warnings = warnings;
  return document;
}
