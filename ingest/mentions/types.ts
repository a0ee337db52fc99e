// Mentions: typed spans of an article's text, before they are resolved to graph entities.
import type { EntityProps, EntityType } from "../../core/model.js";

export interface Mention {
  type: EntityType;
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
  text: string;
  /** Canonical name the resolve stage keys on (聊城 → 聊城市, 市委 → 中共聊城市委). */
  canonical: string;
  props: EntityProps;
  /** Which rule or model found it, for debugging and evaluation. */
  via: string;
}

/** A title of office: 市委书记 = org surface 市委 + title 书记, with the person it introduces. */
export interface TitleMention {
  start: number;
  end: number;
  title: string;
  /** The organization mention the title belongs to, when the prefix names one. */
  org: Mention | null;
  person: Mention | null;
}

/** Where the paper stands: resolves 市委, 市政府, short county names and relative dates. */
export interface ArticleContext {
  paper: string;
  articleDate: string | null;
  city: { code: string; name: string; short: string } | null;
  province: { code: string; name: string; short: string } | null;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keeps the first of overlapping spans; callers order by priority. */
export function addIfFree<T extends { start: number; end: number }>(list: T[], item: T): boolean {
  if (list.some((m) => overlaps(m, item))) return false;
  list.push(item);
  return true;
}
