// Markdown files holding many articles, as e-paper crawlers save them:
//  - a whole issue: `# 杭州日报 - 2026-04-04`, a table of contents, one `## A03 杭州新闻` section per page and one
//    `### 2. <title>_<paper>` section per article, opening with `> **作者**: 王青 | **日期**: 2026-04-04 | …`;
//  - one `# title` per article with `---` lines between them.
// Each article section is one document with the page, page name, date, author and paper its own lines give; text
// outside any article section (the table of contents, a page's summary) is not article text.
import type { RawDocument, RawMeta } from "../types.js";
import { pageCode } from "./metadata.js";

/** A table of contents: 目录, 本期目录, Contents. */
const CONTENTS = /^(?:本期|今日)?目\s*录$|^(?:table of )?contents$/i;

interface Heading {
  level: number;
  text: string;
  line: number;
}

/** `## A03 杭州新闻`, `## 第A03版：杭州新闻`, `## 第3版 要闻`: a page code and its name. */
function pageHeading(text: string): { page: string; pageName?: string } | null {
  const m = /^(第?\s*[A-Za-z]{0,2}\d{1,3}\s*版?)(?:[\s:：·|—-]+(.*))?$/.exec(text.trim());
  const page = m ? pageCode(m[1]!) : null;
  if (!m || page === null) return null;
  const name = (m[2] ?? "").trim();
  return name === "" ? { page } : { page, pageName: name };
}

/** `# 杭州日报 - 2026-04-04`, `# 杭州日报 2026年4月4日`: the issue's paper and date. */
function issueHeading(text: string): { source?: string; date?: string } {
  const m = /^(.*?)[\s·|—-]*((?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日))\s*$/.exec(text.trim());
  if (!m) return {};
  const source = m[1]!.replace(/[\s·|—-]+$/, "").trim();
  return source === "" ? { date: m[2]! } : { source, date: m[2]! };
}

/** Markdown decoration that is not text: links keep their words, images and emphasis marks go. */
function plain(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*|__/g, "")
    .replace(/^\s*>\s?/, "")
    .trim();
}

const META_NAMES: Record<string, keyof RawMeta> = {
  作者: "author",
  记者: "author",
  author: "author",
  日期: "date",
  时间: "date",
  发布时间: "date",
  date: "date",
  版面: "page",
  版次: "page",
  page: "page",
  来源: "source",
  source: "source",
};

/** `> **作者**: 王青 | **日期**: 2026-04-04 | **字数**: 891 字`: the article's own metadata, or null for text. */
function metaLine(line: string): Partial<RawMeta> | null {
  if (!/^\s*>|\*\*[^*]{1,8}(?:\*\*\s*[:：]|[:：]\*\*)/.test(line)) return null;
  const pairs = plain(line)
    .split(/\s*[|｜]\s*/)
    .map((part) => /^([\u4e00-\u9fffA-Za-z]{1,8})\s*[:：]\s*(.*)$/.exec(part));
  if (pairs.length === 0 || pairs.some((p) => p === null)) return null;
  const meta: Partial<RawMeta> = {};
  let known = 0;
  for (const pair of pairs) {
    const key = META_NAMES[pair![1]!.toLowerCase()];
    if (key === undefined) continue;
    known++;
    const value = pair![2]!.trim();
    if (value !== "") meta[key] = value;
  }
  return known > 0 ? meta : null;
}

/** `2. 标题_杭州日报` → title 标题, paper 杭州日报. */
function articleHeading(text: string, paper: string | undefined): { title: string; source?: string } {
  const title = plain(text).replace(/^\d{1,3}\s*[.、．)）]\s*/, "");
  const m = /^(.+?)[_＿]([^_＿]{2,16})$/.exec(title);
  if (m && (/(?:报|刊|网|社|台)$/.test(m[2]!) || m[2] === paper)) return { title: m[1]!.trim(), source: m[2]!.trim() };
  return { title };
}

/**
 * The article sections of a Markdown body, or null when it is one article (fewer than two article headings). Lines
 * are numbered from `firstLine` (the body's line in the file). `defaults` come from the front matter.
 */
export function markdownSections(
  body: string,
  file: string,
  firstLine: number,
  defaults: RawMeta,
): RawDocument[] | null {
  const lines = body.split("\n");
  const headings: Heading[] = [];
  lines.forEach((line, i) => {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) headings.push({ level: m[1]!.length, text: m[2]!, line: i });
  });
  const count = (level: number) => headings.filter((h) => h.level === level).length;
  const rules = lines.filter((l) => /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(l)).length;
  const metaLines = lines.filter((l) => metaLine(l) !== null).length;
  // A whole issue: articles at ###, pages at ##; a feature with ### subheadings has neither pages nor meta lines.
  const pageHeads = headings.filter((h) => h.level === 2 && pageHeading(h.text) !== null).length;
  let level: number;
  if (count(3) >= 2 && (pageHeads > 0 || metaLines >= 2)) level = 3;
  else if (count(1) >= 2 && (rules >= 1 || metaLines >= 2)) level = 1;
  else return null;

  const documents: RawDocument[] = [];
  const issue: RawMeta = { ...defaults };
  let page: { page: string; pageName?: string } | null = null;
  let contents = false;
  let current: { meta: RawMeta; line: number; text: string[]; opening: boolean } | null = null;
  const close = () => {
    if (current === null) return;
    const text = current.text.join("\n").trim();
    documents.push({ text, meta: current.meta, origin: { file, line: firstLine + current.line }, kind: "article" });
    current = null;
  };
  lines.forEach((line, i) => {
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const depth = heading ? heading[1]!.length : 0;
    if (heading && depth < level) {
      close();
      if (depth === 1) Object.assign(issue, issueHeading(heading[2]!));
      // A page section: `## A03 杭州新闻`; any other heading above the articles (目录) starts a part with no page.
      if (depth === 2) page = pageHeading(heading[2]!);
      contents = CONTENTS.test(heading[2]!);
      return;
    }
    // Headings inside the table of contents list the articles; they are not the articles.
    if (contents) return;
    if (heading && depth === level) {
      close();
      const { title, source } = articleHeading(heading[2]!, issue.source);
      const meta: RawMeta = { ...issue, title };
      if (source !== undefined) meta.source = source;
      if (page !== null) Object.assign(meta, page);
      current = { meta, line: i, text: [], opening: true };
      return;
    }
    if (current === null) return;
    // The lines right after the heading may be the article's metadata; after the first text line they are text.
    if (current.opening) {
      if (line.trim() === "") return;
      const meta = metaLine(line);
      if (meta !== null) {
        const { page: pageField, ...rest } = meta;
        Object.assign(current.meta, rest);
        const code = pageField === undefined ? null : pageCode(pageField);
        if (code !== null) current.meta.page = code;
        return;
      }
      current.opening = false;
    }
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line)) return;
    current.text.push(heading ? plain(heading[2]!) : plain(line));
  });
  close();
  return documents.length >= 2 ? documents : null;
}
