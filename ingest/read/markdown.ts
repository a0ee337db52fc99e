// Markdown articles as e-paper crawlers save them: YAML front matter (title, date, page, author, source) over the body.
import matter from "gray-matter";
import type { RawDocument, RawMeta } from "../types.js";
import { fail } from "./failure.js";
import { markdownSections } from "./markdown-sections.js";

const META_KEYS = ["title", "date", "page", "author", "source"] as const;

/**
 * A Markdown file's documents: one article per section when its headings mark many articles (a whole issue, or
 * `# title` per article between `---` lines), else the one article or page parseMarkdown reads.
 */
export function parseMarkdownDocuments(text: string, file: string): RawDocument[] {
  const one = parseMarkdown(text, file);
  const parsed = matter(text, {});
  const data = parsed.data as Record<string, unknown>;
  const defaults: RawMeta = {};
  for (const key of ["date", "source", "page"] as const) {
    const value = metaValue(data[key]);
    if (value !== undefined) defaults[key] = value;
  }
  if (metaValue(data.title) !== undefined) return [one];
  const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
  return markdownSections(parsed.content, file, bodyLine, defaults) ?? [one];
}

export function parseMarkdown(text: string, file: string): RawDocument {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object keeps gray-matter from caching by content, which would share results between files.
    parsed = matter(text, {});
  } catch (error) {
    fail(
      file,
      "invalid-front-matter",
      `has front matter that is not valid YAML (${(error as Error).message.split("\n")[0]})`,
      "fix the block between the --- lines",
      { cause: error },
    );
  }
  const meta: RawMeta = {};
  const data = parsed.data as Record<string, unknown>;
  for (const key of META_KEYS) {
    const value = metaValue(data[key]);
    if (value !== undefined) meta[key] = value;
  }
  let body = parsed.content.replace(/^\s+/, "");
  // Without a title in the front matter, a leading "# heading" is the title.
  if (meta.title === undefined && body.startsWith("# ")) {
    const end = body.indexOf("\n");
    meta.title = (end < 0 ? body.slice(2) : body.slice(2, end)).trim();
    body = end < 0 ? "" : body.slice(end + 1);
  }
  // 人民日报's e-paper cites itself under the byline: 《人民日报》（2025年02月12日第 01 版）.
  const cite =
    /《([\u4e00-\u9fff]{2,12}(?:报|刊))》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*第\s*([A-Z]?\d{1,3})\s*版\s*[）)]/.exec(
      body.slice(0, 600),
    );
  if (cite) {
    meta.source ??= cite[1]!;
    meta.page ??= cite[2]!.replace(/^0+(?=\d)/, "");
  }
  return {
    text: body,
    meta,
    origin: { file },
    kind: meta.title === undefined ? "page" : "article",
  };
}

/** YAML gives dates as Date objects and pages as numbers; the pipeline wants strings (dates as YYYY-MM-DD). */
function metaValue(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(String).join("、") || undefined;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return undefined;
}
