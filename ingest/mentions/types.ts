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
  /** The text marks the post as held before (时任, 原, 前任). */
  former?: boolean | undefined;
  /** The title names a body of its own (国会主席): it never inherits the organization of the chain before it. */
  standalone?: boolean | undefined;
}

/** Where the paper stands: resolves 市委, 市政府, short county names and relative dates. */
export interface ArticleContext {
  paper: string;
  articleDate: string | null;
  city: { code: string; name: string; short: string } | null;
  province: { code: string; name: string; short: string } | null;
  /**
   * The places the article itself names most (focus.ts), set by the mentions stage once places are read: short
   * forms resolve against them where the paper has no home (人民日报) or the article is about another place.
   */
  focus?:
    | { province: FocusPlace | null; city: FocusPlace | null; county: FocusPlace | null; village?: FocusPlace | null }
    | undefined;
}

export interface FocusPlace {
  code: string;
  name: string;
  short: string;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Of overlapping spans, keeps the first in the given order (callers order by priority); result in text order. */
export function firstOfOverlapping<T extends { start: number; end: number }>(ordered: T[]): T[] {
  const kept: T[] = [];
  for (const m of ordered) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Longest span first, then earliest: the fullest name wins among overlapping candidates. */
export function longestFirst(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start;
}
