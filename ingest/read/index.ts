// The read stage: PATH arguments → RawDocument for each page or article, or a ReadFailure for each input
// that cannot be read. Streams throughout, so an archive of any size is read with bounded memory.
import type { Readable } from "node:stream";
import type { RawDocument } from "../types.js";
import { checkText } from "./checks.js";
import { decodeBytes } from "./decode.js";
import { expandPaths, type ExpandOptions } from "./expand.js";
import { fail, readFailure, ReadFailureSignal, type ReadFailure } from "./failure.js";
import { formatFromName, sniffFormat } from "./format.js";
import { parseHtml } from "./html.js";
import { readJson } from "./json.js";
import { readJsonl } from "./jsonl.js";
import { parseMarkdownDocuments } from "./markdown.js";
import { checkMetadata, originText } from "./metadata.js";
import { resolveReadSettings, type PartialReadSettings, type ReadSettings } from "./settings.js";
import { openInput, readAll, type InputSource } from "./source.js";

export type { ReadFailure, ReadFailureReason } from "./failure.js";
export { READ_FAILURE_REASONS } from "./failure.js";
export type { InputFormat } from "./format.js";
export type { JsonlFields, ReadSettings, PartialReadSettings } from "./settings.js";
export { DEFAULT_READ_SETTINGS, resolveReadSettings, parseJsonlFields, parseByteSize } from "./settings.js";
export type { InputSource } from "./source.js";
export { expandPaths } from "./expand.js";

export type ReadItem = RawDocument | ReadFailure;

export interface ReadOptions extends PartialReadSettings, ExpandOptions {
  /** Raw bytes consumed from disk or stdin (compressed size for .gz), for progress bars. */
  onBytes?: ((bytes: number) => void) | undefined;
  /** What "-" reads; process.stdin unless given. */
  stdin?: Readable | undefined;
}

export function isReadFailure(item: ReadItem): item is ReadFailure {
  return item.kind === "failure";
}

/** Reads one PATH argument: a file, a directory (recursively), a glob pattern, or "-" for standard input. */
export function readPath(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  return readPaths([path], options);
}

/** Reads several PATH arguments in order; settings are validated before anything is opened. */
export async function* readPaths(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const settings = resolveReadSettings(options);
  for await (const source of expandPaths(paths, options)) {
    if ("kind" in source) yield source;
    else yield* readSource(source, settings, options);
  }
}

/** Reads one file or stdin into its documents; every problem becomes a failure naming the input. */
export async function* readSource(
  source: InputSource,
  settings: ReadSettings,
  io: Pick<ReadOptions, "onBytes" | "stdin"> = {},
): AsyncGenerator<ReadItem> {
  try {
    const byName = source.path === null ? null : formatFromName(source.file);
    // Only uncompressed whole-document files can be judged by their size on disk before reading.
    const checkSize = byName !== null && byName !== "jsonl" && !source.file.toLowerCase().endsWith(".gz");
    const opened = await openInput(source, {
      ...io,
      maxBytes: checkSize ? settings.maxBytes : undefined,
    });
    const format = byName ?? sniffFormat(opened.head);
    if (format === "jsonl") {
      for await (const item of readJsonl(source.file, opened.head, opened.chunks, settings))
        yield isReadFailure(item) ? item : checkMetadata(item);
      return;
    }
    const bytes = await readAll(source.file, opened.chunks, settings.maxBytes);
    if (bytes.length === 0) fail(source.file, "empty", "is empty", "remove it from the input or fill it");
    const text = decodeBytes(bytes, source.file, settings.encoding).text.replaceAll("\r\n", "\n");
    if (format === "json") {
      // Each article of a JSON file (or of a Markdown file of many) stands alone: one without text fails alone.
      for (const item of readJson(text, source.file, settings)) yield* checked(item, settings);
      return;
    }
    const documents: RawDocument[] =
      format === "markdown"
        ? parseMarkdownDocuments(text, source.file)
        : format === "html"
          ? [parseHtml(text, source.file)]
          : [{ text, meta: {}, origin: { file: source.file }, kind: "page" }];
    if (documents.length === 1) {
      checkText(documents[0]!.text, source.file, settings.minHanChars);
      yield checkMetadata(documents[0]!);
      return;
    }
    for (const document of documents) yield* checked(document, settings);
  } catch (error) {
    if (error instanceof ReadFailureSignal) {
      yield error.failure;
      return;
    }
    yield readFailure(
      source.file,
      "unreadable",
      `could not be read (${(error as Error).message})`,
      "check the file; if it looks fine, report this as a bug",
      {
        cause: error,
      },
    );
  }
}

/** One of several documents of a file: its text checked (a failure names its place) and its metadata checked. */
function* checked(item: ReadItem, settings: ReadSettings): Generator<ReadItem> {
  if (isReadFailure(item)) {
    yield item;
    return;
  }
  try {
    checkText(item.text, originText(item.origin), settings.minHanChars);
    yield checkMetadata(item);
  } catch (error) {
    if (!(error instanceof ReadFailureSignal)) throw error;
    yield {
      ...error.failure,
      file: item.origin.file,
      ...(item.origin.line === undefined ? {} : { line: item.origin.line }),
    };
  }
}
