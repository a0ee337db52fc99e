// One fact per (source, type, target, title or role): the relations of a GraphDoc folded so that every article
// stating the same fact adds evidence to it instead of making a second relationship. Pure, shared by the loader
// (cypher/load-plan.ts) and the static export (graph/export-api.ts), so both show the same spans and counts.
import { RELATION_TYPES, type PropertyValue, type RelationDoc, type RelationType } from "../core/model.js";

/** The property that tells two facts of one type between the same two nodes apart. */
export const FACT_KEY_PROPERTY: Partial<Record<RelationType, string>> = {
  HOLDS_POSITION: "title",
  PARTICIPATED_IN: "role",
};

/**
 * Types that tie an entity to one article (an article's mentions, a byline's reporter): one relationship per
 * (article, entity) by nature, with the first sentence and no evidence lists.
 */
export const LINK_TYPES: ReadonlySet<RelationType> = new Set<RelationType>(["MENTIONS", "REPORTED"]);

/** Relationships between entities (posts, meetings, places, projects): every relation type but the links. */
export const FACT_TYPES: readonly RelationType[] = RELATION_TYPES.filter((t) => !LINK_TYPES.has(t));

/** Evidence sentences stored on a fact, newest first; `evidenceCount` and `articles` keep the full counts. */
export const EVIDENCE_CAP = 50;

/** Per-statement properties that do not belong on the fact: `former` is folded into `former`/`formerIn`. */
const STATEMENT_PROPERTIES = new Set(["former"]);

export interface FactEvidence {
  article: string;
  sentence: string;
  /** The reporting article's date, or null when neither the evidence nor the article gives one. */
  date: string | null;
}

export interface Fact {
  type: RelationType;
  source: string;
  target: string;
  /** FACT_KEY_PROPERTY's value, "" for types without one. */
  key: string;
  /** The fact's own properties (title, role …), later statements winning, without per-statement ones. */
  properties: Record<string, PropertyValue>;
  /** Every distinct (article, sentence), newest first (undated last). */
  evidence: FactEvidence[];
  /** Distinct articles in evidence order, with how many sentences each gives and whether it calls the post former. */
  articles: Array<{ id: string; sentences: number; former: boolean; date: string | null }>;
  firstSeen: string | null;
  lastSeen: string | null;
}

export function factKey(type: RelationType, properties: Record<string, PropertyValue>): string {
  const field = FACT_KEY_PROPERTY[type];
  return field ? String(properties[field] ?? "") : "";
}

/** An edge's stable id: source, type, target and, for posts and participations, the title or role. */
export function factEdgeId(
  type: RelationType,
  source: string,
  target: string,
  properties: Record<string, PropertyValue>,
): string {
  const field = FACT_KEY_PROPERTY[type];
  const value = field ? properties[field] : undefined;
  return `${source}|${type}|${target}${field && value !== undefined && value !== null ? `|${field}=${String(value)}` : ""}`;
}

/** Newest first; undated evidence last; then by article and sentence, so the order is the same on every run. */
export function byNewest(a: FactEvidence, b: FactEvidence): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  if (a.article !== b.article) return a.article < b.article ? -1 : 1;
  return a.sentence < b.sentence ? -1 : a.sentence > b.sentence ? 1 : 0;
}

/**
 * Folds relations into facts. `dateOf` gives an article's date for evidence that carries none. An article calls
 * a fact former when every statement of it in that article is marked former (时任, 原, 前任).
 */
export function foldFacts(relations: RelationDoc[], dateOf: (article: string) => string | null = () => null): Fact[] {
  const facts = new Map<string, Fact & { seen: Set<string>; byArticle: Map<string, Fact["articles"][number]> }>();
  for (const rel of relations) {
    const key = factKey(rel.type, rel.properties);
    const id = `${rel.type}\u0000${rel.source}\u0000${rel.target}\u0000${key}`;
    let fact = facts.get(id);
    if (!fact) {
      fact = {
        type: rel.type,
        source: rel.source,
        target: rel.target,
        key,
        properties: {},
        evidence: [],
        articles: [],
        firstSeen: null,
        lastSeen: null,
        seen: new Set(),
        byArticle: new Map(),
      };
      facts.set(id, fact);
    }
    for (const [k, v] of Object.entries(rel.properties)) {
      if (v !== null && v !== undefined && !STATEMENT_PROPERTIES.has(k)) fact.properties[k] = v;
    }
    const former = rel.properties.former === true;
    for (const ev of rel.evidence) {
      if (!ev.article) continue;
      const date = ev.date ?? dateOf(ev.article) ?? null;
      let article = fact.byArticle.get(ev.article);
      if (!article) {
        article = { id: ev.article, sentences: 0, former, date };
        fact.byArticle.set(ev.article, article);
        fact.articles.push(article);
      } else {
        article.former &&= former;
        article.date ??= date;
      }
      const pair = `${ev.article}\u0000${ev.sentence}`;
      if (fact.seen.has(pair)) continue;
      fact.seen.add(pair);
      article.sentences += 1;
      fact.evidence.push({ article: ev.article, sentence: ev.sentence, date });
      if (date !== null) {
        if (fact.firstSeen === null || date < fact.firstSeen) fact.firstSeen = date;
        if (fact.lastSeen === null || date > fact.lastSeen) fact.lastSeen = date;
      }
    }
  }
  return [...facts.values()].map(({ seen: _seen, byArticle: _byArticle, ...fact }) => {
    fact.evidence.sort(byNewest);
    return fact;
  });
}

/** What a stored fact says about itself besides its evidence: the same fields the loader keeps in Neo4j. */
export function factSummary(fact: Fact): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {
    articles: fact.articles.length,
    evidenceCount: fact.evidence.length,
  };
  if (fact.firstSeen !== null) out.firstSeen = fact.firstSeen;
  if (fact.lastSeen !== null) out.lastSeen = fact.lastSeen;
  if (fact.type === "HOLDS_POSITION" && fact.articles.length > 0) {
    const formerIn = fact.articles.filter((a) => a.former).length;
    out.formerIn = formerIn;
    out.former = formerIn === fact.articles.length;
  }
  return out;
}
