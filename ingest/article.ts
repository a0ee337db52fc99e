// Turns an article draft into the ArticleDoc of the graph model: text reassembled into paragraphs, content-hash id.
import { hash } from "node:crypto";
import type { ArticleDoc, Origin } from "../core/model.js";
import type { ArticleDraft } from "./split.js";

/** Consecutive blocks join into one paragraph until a block ends a sentence. */
export function paragraphs(blocks: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const b of blocks) {
    cur += b;
    if (/[。！？!?…”」]$/.test(b)) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Whitespace-free text: the same article laid out differently hashes the same. */
export function contentHash(title: string, body: string): string {
  return hash("sha256", `${title}\n${body}`.replace(/\s+/g, ""), "hex");
}

export function articleId(sha256: string): string {
  return `article:${sha256.slice(0, 16)}`;
}

/**
 * The article of a draft. A page's blocks are column fragments, rejoined into paragraphs; an article file's blocks
 * are its paragraphs already, and a headline line among them (no closing punctuation) stays a line of its own.
 */
export function buildArticle(draft: ArticleDraft, origin: Origin, fragments = true): ArticleDoc {
  const body = (fragments ? paragraphs(draft.blocks) : draft.blocks).join("\n");
  const heads = draft.headlines.length ? draft.headlines : draft.title ? [draft.title] : [];
  // Joined in one piece (not concatenated), so the text is one flat string for the finders that read it.
  const text = heads.length ? [...heads, body].join("\n") : body;
  const sha256 = contentHash(draft.title, body);
  return {
    id: articleId(sha256),
    title: draft.title,
    date: draft.date,
    source: draft.source,
    page: draft.page,
    ...(draft.pageName ? { pageName: draft.pageName } : {}),
    byline: draft.byline,
    text,
    sha256,
    origin,
  };
}

// A web address, a markdown link to one, and a line made only of them (an optional short label before a colon:
// 原文链接：…, 查看原文 as the link's text).
const URL_PATTERN = String.raw`(?:https?|ftp)://[^\s()<>]+`;
const LINK_ITEM = String.raw`(?:\[[^\]\n]{0,40}\]\(\s*${URL_PATTERN}\s*\)|<?${URL_PATTERN}>?)`;
const LINK_LINE = new RegExp(
  String.raw`^(?:[^\s:：\[\]]{1,12}[:：]\s*)?${LINK_ITEM}(?:[\s|·,，、]+${LINK_ITEM})*$`,
  "i",
);

/**
 * Where the article's prose ends: before the lines at its end that hold nothing but links (web pages scraped to
 * text end with one, such as [查看原文](https://…)), and before blank lines. The first line (the headline) always
 * stays; without a link line the text is read whole. Such a line is no prose: the tagger finds names in it (cctv and
 * shtml as organizations) and, reading it as context, in the last sentence too (宜居宜业新城区's 新城区 as a place, then
 * resolved to 呼和浩特's district; the news corpus's one change).
 */
export function proseEnd(text: string): number {
  let end = text.length;
  let prose = text.length;
  let links = false;
  while (end > 0) {
    const lineStart = text.lastIndexOf("\n", end - 1) + 1;
    if (lineStart === 0) break;
    const line = text.slice(lineStart, end).trim();
    if (line !== "" && !LINK_LINE.test(line)) break;
    end = lineStart - 1;
    // Blank lines go with the link lines, not on their own.
    links ||= line !== "";
    if (links) prose = end;
  }
  return prose;
}

/**
 * The article as extraction reads it: its text up to proseEnd, so every offset into it is an offset into the
 * stored text too. The stored article (its text, id and hash) keeps the links.
 */
export function forReading(article: ArticleDoc): ArticleDoc {
  const end = proseEnd(article.text);
  return end === article.text.length ? article : { ...article, text: article.text.slice(0, end) };
}
