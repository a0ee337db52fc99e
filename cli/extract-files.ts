// Reads PATH arguments and extracts one merged graph document; failures are collected, never dropped.
import type { GraphDoc } from "../core/model.js";
import { JianwenError } from "../core/errors.js";
import { extractDocument, mergeDocs } from "../ingest/index.js";
import { isReadFailure, readPaths, type JsonlFields } from "../ingest/read/index.js";

export interface ExtractFilesOptions {
  encoding?: string | undefined;
  /** Field names of JSON and JSONL articles (--json-fields). */
  jsonlFields?: Partial<JsonlFields> | undefined;
  model?: boolean;
}

export async function extractFiles(
  paths: string[],
  options: ExtractFilesOptions = {},
): Promise<{ doc: GraphDoc; failures: string[]; warnings: string[] }> {
  const docs: GraphDoc[] = [];
  const failures: string[] = [];
  const warnings: string[] = [];
  const tagger = options.model === false ? undefined : await (await import("../ingest/index.js")).loadTagger();
  const segmenter = tagger ? (await import("../ingest/index.js")).loadSegmenter() : undefined;
  for await (const item of readPaths(paths.length ? paths : ["-"], {
    encoding: options.encoding,
    jsonlFields: options.jsonlFields,
  })) {
    if (isReadFailure(item)) {
      failures.push(item.error.message);
      continue;
    }
    warnings.push(...(item.warnings ?? []));
    try {
      docs.push(extractDocument(item, { tagger, segmenter }));
    } catch (error) {
      if (!(error instanceof JianwenError)) throw error;
      failures.push(error.message);
    }
  }
  return { doc: mergeDocs(docs), failures, warnings };
}
