// JSONL archives: one article a line, read as a stream so the file is never held whole. A line that is not
// JSON (a truncated last line, say) or has no text field (by its name or the usual ones) is a failure with its line
// number; other lines still yield.
import type { RawDocument, RawMeta } from "../types.js";
import { checkText } from "./checks.js";
import { chooseEncoding, decodeWith } from "./decode.js";
import { fail, ReadFailureSignal, type ReadFailure } from "./failure.js";
import { recordToDocument } from "./record.js";
import type { JsonlFields, ReadSettings } from "./settings.js";
import { formatBytes } from "./source.js";

export interface RawLine {
  line: number;
  bytes: Buffer;
  /** Set when the line passed the size limit; its bytes were dropped. */
  tooLong?: number;
}

/** Splits a byte stream at LF (safe for UTF-8 and GB18030, whose multi-byte sequences never contain 0x0A). */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let dropped = 0;
  let line = 0;
  const take = (): RawLine => {
    line++;
    if (pendingLength > maxBytes) dropped += pendingLength;
    const bytes = dropped > 0 ? Buffer.alloc(0) : Buffer.concat(pending, pendingLength);
    const out: RawLine = dropped > 0 ? { line, bytes: Buffer.alloc(0), tooLong: dropped } : { line, bytes };
    pending = [];
    pendingLength = 0;
    dropped = 0;
    return out;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, nl));
      pendingLength += nl - start;
      yield take();
      start = nl + 1;
    }
    if (start < chunk.length) {
      // Copy: the tail would otherwise pin the whole chunk while a long line accumulates.
      const tail = Buffer.from(chunk.subarray(start));
      pending.push(tail);
      pendingLength += tail.length;
      if (pendingLength > maxBytes) {
        dropped += pendingLength;
        pending = [];
        pendingLength = 0;
      }
    }
  }
  if (pendingLength > 0 || dropped > 0) yield take();
}

/** Reads JSONL lines into documents and failures. The encoding is decided once from the first lines. */
export async function* readJsonl(
  file: string,
  head: Buffer,
  chunks: AsyncIterable<Buffer>,
  settings: ReadSettings,
): AsyncGenerator<RawDocument | ReadFailure> {
  const encoding = settings.encoding ?? sniffEncoding(head.subarray(0, lastNewline(head)), file);
  if (encoding.toLowerCase().replace("-", "").startsWith("utf16")) {
    fail(
      file,
      "invalid-bytes",
      "is UTF-16 JSONL, which cannot be split into lines as bytes",
      "convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)",
    );
  }
  for await (const raw of splitLines(chunks, settings.maxBytes)) {
    try {
      const document = parseLine(raw, file, encoding, settings);
      if (document) yield document;
    } catch (error) {
      if (!(error instanceof ReadFailureSignal)) throw error;
      yield error.failure;
    }
  }
}

function parseLine(raw: RawLine, file: string, encoding: string, settings: ReadSettings): RawDocument | null {
  const at = { line: raw.line };
  if (raw.tooLong !== undefined) {
    fail(
      file,
      "too-large",
      `is ${formatBytes(raw.tooLong)}, over the ${formatBytes(settings.maxBytes)} limit for one article`,
      "split the article or raise --max-bytes",
      at,
    );
  }
  let end = raw.bytes.length;
  if (raw.bytes[end - 1] === 0x0d) end--;
  const bytes = raw.bytes.subarray(
    raw.line === 1 && raw.bytes[0] === 0xef && raw.bytes[1] === 0xbb && raw.bytes[2] === 0xbf ? 3 : 0,
    end,
  );
  const text = decodeWith(bytes, encoding, file, raw.line).text;
  if (text.trim() === "") return null;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    fail(
      file,
      "invalid-json",
      `is not valid JSON (${(error as Error).message}); the line may be truncated`,
      "repair or remove the line",
      { ...at, cause: error },
    );
  }
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    fail(file, "invalid-record", "is not a JSON object", 'write one {"title","date","text"} object a line', at);
  }
  return toDocument(record as Record<string, unknown>, file, raw.line, settings);
}

function toDocument(record: Record<string, unknown>, file: string, line: number, settings: ReadSettings): RawDocument {
  const fields: JsonlFields = settings.jsonlFields;
  const body = record[fields.text];
  if (typeof body !== "string") {
    // A record without the named text field is read by the usual field names (content, 正文 …) as JSON files are.
    const usual = recordToDocument(record, { file, line }, fields);
    if (usual !== null) {
      checkText(usual.text, file, settings.minHanChars, line);
      return usual;
    }
    fail(
      file,
      "invalid-record",
      `has no text field "${fields.text}" (fields: ${Object.keys(record).slice(0, 8).join(", ") || "none"})`,
      "name the text field with --jsonl-fields text=FIELD",
      { line },
    );
  }
  checkText(body, file, settings.minHanChars, line);
  const meta: RawMeta = {};
  for (const key of ["title", "date", "source", "page", "author"] as const) {
    const value = record[fields[key]];
    if (typeof value === "string" && value.trim() !== "") meta[key] = value.trim();
    else if (typeof value === "number") meta[key] = String(value);
  }
  return { text: body, meta, origin: { file, line }, kind: "article" };
}

/** A damaged byte in the first lines fails only its line, so the sniff falls back to UTF-8 and lets lines report. */
function sniffEncoding(head: Buffer, file: string): string {
  try {
    return chooseEncoding(head, file);
  } catch (error) {
    if (error instanceof ReadFailureSignal && error.failure.reason === "invalid-bytes") return "utf-8";
    throw error;
  }
}

function lastNewline(head: Buffer): number {
  const index = head.lastIndexOf(0x0a);
  // Sniff on whole lines only, so a multi-byte character cut at the chunk edge does not look like a bad byte.
  return index > 0 ? index : head.length;
}
