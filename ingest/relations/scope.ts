// What every relation family reads and writes for one article: its text, mentions and context, and the two
// lists the families append to. Families only add entities and evidenced relations; ids come from resolve.
import type { ArticleDoc, EntityDoc, PropertyValue, RelationDoc, RelationType } from "../../core/model.js";
import type { ArticleMentions } from "../mentions/index.js";
import type { ArticleContext, Mention } from "../mentions/types.js";
import { entityFor } from "../resolve.js";
import { sentenceAt, type Sentence } from "../sentences.js";

export interface RelateScope {
  article: ArticleDoc;
  text: string;
  found: ArticleMentions;
  ctx: ArticleContext;
  entities: EntityDoc[];
  relations: RelationDoc[];
  /** Meeting dates decided by the participation family before any meeting entity is built. */
  meetingDate: Map<string, string | null>;
  /** The sentence holding an offset. */
  sentence(at: number): Sentence;
  /** Adds a relation with the sentence at `at` as its evidence. */
  rel(type: RelationType, source: string, target: string, at: number, properties?: Record<string, PropertyValue>): void;
  /** The entity a mention names (meetings with their decided date). */
  entityOf(m: Mention): EntityDoc;
}

export function relateScope(article: ArticleDoc, found: ArticleMentions, ctx: ArticleContext): RelateScope {
  const { sentences } = found;
  const scope: RelateScope = {
    article,
    text: article.text,
    found,
    ctx,
    entities: [],
    relations: [],
    meetingDate: new Map(),
    sentence: (at) => sentences[sentenceAt(sentences, at)] ?? { start: 0, end: 0, text: "" },
    rel: (type, source, target, at, properties = {}) => {
      if (source === target) return;
      scope.relations.push({
        type,
        source,
        target,
        properties,
        evidence: [{ article: article.id, sentence: scope.sentence(at).text, date: article.date }],
      });
    },
    entityOf: (m) => entityFor(m, ctx, m.type === "Meeting" ? (scope.meetingDate.get(m.canonical) ?? null) : undefined),
  };
  return scope;
}
