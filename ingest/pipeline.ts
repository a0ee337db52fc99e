// The ingest pipeline from a read document to its graph document: layout → split → mentions → relate → resolve.
// Pure apart from the tagger it is given; file reading and Neo4j writing stay at the two ends.
import type { GraphDoc, RelationDoc } from "../core/model.js";
import { buildArticle } from "./article.js";
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
}

export function extractDocument(raw: RawDocument, options: ExtractOptions = {}): GraphDoc {
  if (!hasCjk(raw.text)) {
    throw new InputError(
      `ingest/extract: ${raw.origin.file}${raw.origin.line ? `:${raw.origin.line}` : ""} has no Chinese text; Jianwen reads Chinese news`,
      raw.origin.file,
      raw.origin.line,
    );
  }
  const page = repairLayout(raw);
  const drafts = splitArticles(page);
  const doc: GraphDoc = { articles: [], entities: [], relations: [] };
  for (const draft of drafts) {
    const article = buildArticle(draft, raw.origin, raw.kind === "page");
    const ctx = contextFor(
      raw.meta.source ?? page.masthead.paper ?? draft.source,
      page.masthead.publisher,
      article.date,
    );
    const found = findMentions(article, ctx, options.tagger, options.segmenter);
    const graph = relateArticle(article, found, ctx);
    doc.articles.push(article);
    doc.entities.push(...graph.entities);
    doc.relations.push(...graph.relations);
  }
  return mergeDocs([doc]);
}

/** One graph document from several: entities merged by id, identical relations merged with their evidence joined. */
export function mergeDocs(docs: GraphDoc[]): GraphDoc {
  const articles = new Map(docs.flatMap((d) => d.articles).map((a) => [a.id, a]));
  const relations = new Map<string, RelationDoc>();
  for (const r of docs.flatMap((d) => d.relations)) {
    const key = `${r.source}|${r.type}|${r.target}|${JSON.stringify(r.properties)}`;
    const prev = relations.get(key);
    if (!prev) relations.set(key, { ...r, evidence: [...r.evidence] });
    else
      for (const e of r.evidence)
        if (!prev.evidence.some((p) => p.article === e.article && p.sentence === e.sentence)) prev.evidence.push(e);
  }
  return {
    articles: [...articles.values()],
    entities: mergeEntities(docs.flatMap((d) => d.entities)),
    relations: [...relations.values()],
  };
}
