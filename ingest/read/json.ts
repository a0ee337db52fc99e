// JSON article files as crawlers write them: one pretty-printed article object, an array of them, or an object
// holding them under "articles" (or items/data/list/records/news) beside metadata every article shares (paper, date).
// Every article is one document; one without text, or not an object, is a failure naming its place in the file.
import type { RawDocument, RawMeta } from "../types.js";
import { readFailure, fail, type ReadFailure } from "./failure.js";
import { pageCode } from "./metadata.js";
import { fieldList, fieldValues, recordToDocument } from "./record.js";
import type { ReadSettings } from "./settings.js";

const LIST_KEYS = ["articles", "items", "data", "list", "records", "news", "results", "docs"];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Parses a whole JSON file; a file that is JSON one object a line (JSONL named .json) is read as such. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    if (lines.length > 1) {
      try {
        return lines.map((l) => JSON.parse(l) as unknown);
      } catch {
        // Not JSONL either: the error of the whole-file parse says where it broke.
      }
    }
    fail(
      file,
      "invalid-json",
      `is not valid JSON (${(error as Error).message}); the file may be truncated`,
      "repair it, or name it .jsonl if it holds one JSON object a line",
      { cause: error },
    );
  }
}

/** The article records and the metadata they share. */
function articleList(
  value: unknown,
  file: string,
): { items: unknown[]; shared: Record<string, unknown>; single: boolean } {
  if (Array.isArray(value)) return { items: value, shared: {}, single: false };
  if (isObject(value)) {
    const key = LIST_KEYS.find((k) => Array.isArray(value[k]));
    if (key !== undefined) return { items: value[key] as unknown[], shared: value, single: false };
    return { items: [value], shared: {}, single: true };
  }
  fail(
    file,
    "invalid-record",
    "holds neither an article object nor a list of them",
    'write {"title","date","content"}, an array of such objects, or {"articles": […]}',
  );
}

export function readJson(text: string, file: string, settings: ReadSettings): (RawDocument | ReadFailure)[] {
  const { items, shared, single } = articleList(parseJson(text, file), file);
  const defaults: RawMeta = {};
  for (const key of ["source", "date", "pageName"] as const) {
    const value = fieldValues(shared, key, {})[0];
    if (value !== undefined) defaults[key] = value;
  }
  const page = fieldValues(shared, "page", {})[0];
  if (page !== undefined && pageCode(page) !== null) defaults.page = pageCode(page)!;
  const out: (RawDocument | ReadFailure)[] = [];
  items.forEach((item, index) => {
    // An item's place: its 1-based number in the list (no line: a pretty-printed article spans many).
    const at = single ? "" : ` item ${index + 1}`;
    if (!isObject(item)) {
      out.push(
        readFailure(file, "invalid-record", `has${at} that is not a JSON object`, "make each article an object"),
      );
      return;
    }
    const document = recordToDocument(
      item,
      single ? { file } : { file, item: index + 1 },
      settings.jsonlFields,
      defaults,
    );
    if (document === null) {
      out.push(
        readFailure(
          file,
          "invalid-record",
          `has${at || " an article"} without a text field (fields: ${fieldList(item)})`,
          "name the text field with --json-fields text=FIELD",
        ),
      );
      return;
    }
    out.push(document);
  });
  if (items.length === 0) fail(file, "empty", "holds an empty list of articles", "remove it from the input or fill it");
  return out;
}
