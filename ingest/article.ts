// Turns an article draft into the ArticleDoc of the graph model: text reassembled into paragraphs, content-hash id.
import { createHash } from "node:crypto";
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
  return createHash("sha256").update(`${title}\n${body}`.replace(/\s+/g, "")).digest("hex");
}

export function articleId(sha256: string): string {
  return `article:${sha256.slice(0, 16)}`;
}

export function buildArticle(draft: ArticleDraft, origin: Origin): ArticleDoc {
  const body = paragraphs(draft.blocks).join("\n");
  const heads = draft.headlines.length ? draft.headlines : draft.title ? [draft.title] : [];
  const text = heads.length ? `${heads.join("\n")}\n${body}` : body;
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
