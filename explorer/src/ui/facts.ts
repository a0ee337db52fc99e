// How the panel words a fact: its span (first and last seen), how many articles state it, and its own properties
// (title, role, former) apart from the counts the loader keeps. A fact from an older graph or a static export
// without these counts falls back to its evidence.
import type { ApiEvidence } from "../../../core/api.js";
import type { PropertyValue } from "../../../core/model.js";
import { ROLE_LABELS } from "../appearance.js";

export interface FactLike {
  properties: Record<string, PropertyValue>;
  evidence: ApiEvidence[];
}

/** Counts and dates the loader keeps on a fact: shown as its span and article count, not as properties. */
const SUMMARY_KEYS = new Set(["count", "firstSeen", "lastSeen", "articles", "evidenceCount", "formerIn", "former"]);

export function factSpan(f: FactLike): { first: string | null; last: string | null } {
  const dates = f.evidence
    .map((e) => e.date)
    .filter((d): d is string => !!d)
    .sort();
  const str = (v: PropertyValue | undefined) => (typeof v === "string" && v ? v : null);
  return {
    first: str(f.properties.firstSeen) ?? dates[0] ?? null,
    last: str(f.properties.lastSeen) ?? dates[dates.length - 1] ?? null,
  };
}

/** "2023-02-03 – 2023-05-06", or one date when the fact was seen on one day. */
export function spanText(f: FactLike): string {
  const { first, last } = factSpan(f);
  if (!first || !last) return first ?? last ?? "";
  return first === last ? first : `${first} – ${last}`;
}

export function factArticles(f: FactLike): number {
  const n = f.properties.articles;
  return typeof n === "number" ? n : new Set(f.evidence.map((e) => e.article)).size;
}

export function isFormer(f: FactLike): boolean {
  return f.properties.former === true;
}

/** The fact's own properties as words: role in Chinese, the title, 原 for a former post. */
export function factDetails(f: FactLike): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(f.properties)) {
    if (SUMMARY_KEYS.has(k) || v === null || v === "") continue;
    out.push(k === "role" ? (ROLE_LABELS[String(v)] ?? String(v)) : String(v));
  }
  if (isFormer(f)) out.push("原任");
  return out;
}

/** Span and article count, e.g. "2023-02-03 – 2023-05-06 · 12 篇". */
export function factSummaryText(f: FactLike): string {
  const n = factArticles(f);
  return [spanText(f), n > 0 ? `${n} 篇` : ""].filter(Boolean).join(" · ");
}

/** Posts newest first (by last seen), then by how many articles state them. */
export function byRecency(a: FactLike, b: FactLike): number {
  const la = factSpan(a).last ?? "";
  const lb = factSpan(b).last ?? "";
  return la !== lb ? (la < lb ? 1 : -1) : factArticles(b) - factArticles(a);
}

/** The evidence a fact was first reported with: the earliest dated one (undated ones last), else the first. */
export function firstEvidence(evidence: ApiEvidence[]): ApiEvidence | undefined {
  let best: ApiEvidence | undefined;
  for (const ev of evidence) {
    if (!best || (ev.date && (!best.date || ev.date < best.date))) best = ev;
  }
  return best;
}
