// Saved HTML pages: linkedom parses the document, Mozilla Readability finds the article, and the text is
// rebuilt from the article's block elements so paragraphs stay on their own lines.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { RawDocument, RawMeta } from "../types.js";

const BLOCKS = new Set([
  "P",
  "DIV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "TR",
  "SECTION",
  "ARTICLE",
  "BR",
  "TABLE",
  "UL",
  "OL",
  "FIGCAPTION",
]);
const HEADINGS = new Set(["H1", "H2", "H3"]);

export function parseHtml(html: string, file: string): RawDocument {
  const { document } = parseHTML(html);
  const meta: RawMeta = {};
  const date = metaContent(document, [
    "article:published_time",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "og:published_time",
  ]);
  const author = metaContent(document, ["author", "article:author", "dc.creator"]);
  const source = metaContent(document, ["og:site_name", "source", "dc.publisher"]);
  const article = new Readability(document as unknown as Document).parse();
  const container = parseHTML(`<html><body>${article?.content ?? ""}</body></html>`).document.body;
  const paragraphs = blockTexts(container);
  let title = (article?.title ?? "").trim();
  // Readability keeps the headline inside the content; the headline is the better title ("站名 - 标题" is common).
  const first = container.querySelector("h1, h2, h3");
  if (first && HEADINGS.has(first.tagName) && paragraphs[0] === norm(first.textContent ?? "")) {
    if (title === "" || title.includes(paragraphs[0]!)) title = paragraphs[0]!;
    paragraphs.shift();
  }
  if (title !== "") meta.title = title;
  if (date) meta.date = date;
  if (author ?? article?.byline) meta.author = (author ?? article?.byline)!.trim();
  if (source ?? article?.siteName) meta.source = (source ?? article?.siteName)!.trim();
  return {
    text: paragraphs.join("\n"),
    meta,
    origin: { file },
    kind: "article",
  };
}

function metaContent(document: ReturnType<typeof parseHTML>["document"], names: string[]): string | undefined {
  for (const element of document.querySelectorAll("meta")) {
    const key = (element.getAttribute("name") ?? element.getAttribute("property") ?? "").toLowerCase();
    const content = element.getAttribute("content")?.trim();
    if (content && names.includes(key)) return content;
  }
  return undefined;
}

/** Text of each block-level element that holds text directly, in document order. */
function blockTexts(root: { childNodes: ArrayLike<unknown> }): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    const text = norm(current);
    if (text !== "") out.push(text);
    current = "";
  };
  const walk = (node: {
    nodeType: number;
    tagName?: string;
    textContent: string | null;
    childNodes: ArrayLike<unknown>;
  }) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const block = BLOCKS.has(node.tagName ?? "");
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
    if (block) flush();
  };
  for (const child of Array.from(root.childNodes)) walk(child as Parameters<typeof walk>[0]);
  flush();
  return out;
}

function norm(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
