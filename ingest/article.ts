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
