// Typed values passed between the ingest stages: read → layout → split → mentions → relate → resolve.
import type { Origin } from "../core/model.js";

/** Metadata a file states about itself (front matter, JSONL fields, HTML head); it wins over guesses from the text. */
export interface RawMeta {
  title?: string;
  /** Any date form the file uses; normalized by the layout stage. */
  date?: string;
  page?: string;
  source?: string;
  author?: string;
  /** The page's name beside its code (A03 杭州新闻 → 杭州新闻). */
  pageName?: string;
}

/** What the read stage yields: decoded text with its metadata, before any layout repair. */
export interface RawDocument {
  text: string;
  meta: RawMeta;
  origin: Origin;
  /** "page" may hold several articles and a masthead; "article" is one article (JSONL item, HTML page, Markdown article). */
  kind: "page" | "article";
  /** Metadata the read stage set aside (an author field that is no list of names …), for the run report. */
  warnings?: string[];
}
