// The ingest pipeline from a read document to its graph document: layout → split → mentions → relate → resolve.
// Pure apart from the tagger it is given; file reading and Neo4j writing stay at the two ends.
import type { ArticleDoc, EntityDoc, Evidence, GraphDoc, RelationDoc } from "../core/model.js";
import { buildArticle, forReading } from "./article.js";
import { repairLayout } from "./layout.js";
import { findMentions, type SpanTagger } from "./mentions/index.js";
import { relateArticle } from "./relate.js";
import { contextFor } from "./context.js";
import { mergeEntities } from "./resolve.js";
import { splitArticles } from "./split.js";
import type { RawDocument } from "./types.js";
import type { Segmenter } from "./segmenter.js";
import { hasCjk } from "./text.js";
import { InputError } from "../core/errors.js";

export interface ExtractOptions {
  tagger?: SpanTagger | undefined;
  /** Word boundaries that the tagger's spans must respect; used only with a tagger. */
  segmenter?: Segmenter | undefined;
  /** Milliseconds per stage, added to (the batch run sums them over documents and workers). */
  timings?: StageTimes | undefined;
}

/** Where extraction time goes: `mentions` excludes the trained tagger's own time, which is `model`. */
export const EXTRACT_STAGES = ["layout", "split", "mentions", "model", "relate", "resolve"] as const;
export type ExtractStage = (typeof EXTRACT_STAGES)[number];
export type StageTimes = Record<ExtractStage, number>;

export function newStageTimes(): StageTimes {
  return { layout: 0, split: 0, mentions: 0, model: 0, relate: 0, resolve: 0 };
}

/** The tagger, timed into `times.model`. */
function timedTagger(tagger: SpanTagger, times: StageTimes): SpanTagger {
  return {
    tag(text) {
      const began = performance.now();
      try {
        return tagger.tag(text);
      } finally {
        times.model += performance.now() - began;
      }
    },
  };
}

export function extractDocument(raw: RawDocument, options: ExtractOptions = {}): GraphDoc {
  if (!hasCjk(raw.text)) {
    throw new InputError(
      `ingest/extract: ${raw.origin.file}${raw.origin.line ? `:${raw.origin.line}` : ""} has no Chinese text; Jianwen reads Chinese news`,
      raw.origin.file,
      raw.origin.line,
    );
  }
  const times = options.timings;
  let clock = performance.now();
  /** Adds the time since the last lap to `stage`. */
  const lap = (stage: ExtractStage) => {
    if (!times) return;
    const now = performance.now();
    times[stage] += now - clock;
    clock = now;
  };
  const tagger = times && options.tagger ? timedTagger(options.tagger, times) : options.tagger;
  const page = repairLayout(raw);
  lap("layout");
  const drafts = splitArticles(page);
  lap("split");
  const doc: GraphDoc = { articles: [], entities: [], relations: [] };
  for (const draft of drafts) {
    const article = buildArticle(draft, raw.origin, raw.kind === "page");
    const ctx = contextFor(
      raw.meta.source ?? page.masthead.paper ?? draft.source,
      page.masthead.publisher,
      article.date,
    );
    lap("split");
    const modelBefore = times?.model ?? 0;
    // Extraction reads the prose; the graph stores the whole article.
    const readable = forReading(article);
    const found = findMentions(readable, ctx, tagger, options.segmenter);
    // The tagger's time was counted as model; the lap would count it again.
    if (times) clock += times.model - modelBefore;
    lap("mentions");
    const graph = relateArticle(readable, found, ctx);
    doc.articles.push(article);
    doc.entities.push(...graph.entities);
    doc.relations.push(...graph.relations);
    lap("relate");
  }
  const merged = mergeDocs([doc]);
  lap("resolve");
  return merged;
}

/**
 * One graph document from several: entities merged by id, identical relations merged with their evidence joined.
 * A relation stated again checks its evidence against a set of what it holds, built the first time it repeats:
 * a fact like 李强 总理 国务院 gathers thousands of sentences over an archive, and scanning its list for each new
 * one made merging a whole corpus quadratic in them.
 */
export function mergeDocs(docs: GraphDoc[]): GraphDoc {
  const articles = new Map<string, ArticleDoc>();
  const relations = new Map<string, RelationDoc>();
  const held = new Map<RelationDoc, Set<string>>();
  const entities: EntityDoc[] = [];
  for (const d of docs) {
    for (const a of d.articles) articles.set(a.id, a);
    for (const e of d.entities) entities.push(e);
    for (const r of d.relations) {
      const key = `${r.source}|${r.type}|${r.target}|${JSON.stringify(r.properties)}`;
      const prev = relations.get(key);
      if (!prev) {
        relations.set(key, { ...r, evidence: [...r.evidence] });
        continue;
      }
      let seen = held.get(prev);
      if (!seen) held.set(prev, (seen = new Set(prev.evidence.map(evidenceKey))));
      for (const e of r.evidence) {
        const k = evidenceKey(e);
        if (seen.has(k)) continue;
        seen.add(k);
        prev.evidence.push(e);
      }
    }
  }
  return { articles: [...articles.values()], entities: mergeEntities(entities), relations: [...relations.values()] };
}

/** What makes two pieces of evidence the same: their article and sentence (ids hold no NUL). */
function evidenceKey(e: Evidence): string {
  return `${e.article}\u0000${e.sentence}`;
}
