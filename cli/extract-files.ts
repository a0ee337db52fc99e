// Reads PATH arguments and extracts one merged graph document; failures are collected, never dropped.
import type { GraphDoc } from "../core/model.js";
import { JianwenError } from "../core/errors.js";
import { extractDocument, mergeDocs } from "../ingest/index.js";
import { isReadFailure, readPaths } from "../ingest/read/index.js";

export interface ExtractFilesOptions {
  encoding?: string | undefined;
  model?: boolean;
}

export async function extractFiles(
  paths: string[],
  options: ExtractFilesOptions = {},
): Promise<{ doc: GraphDoc; failures: string[] }> {
  const docs: GraphDoc[] = [];
  const failures: string[] = [];
  const tagger = options.model === false ? undefined : await (await import("../ingest/index.js")).loadTagger();
  const segmenter = tagger ? (await import("../ingest/index.js")).loadSegmenter() : undefined;
  for await (const item of readPaths(paths.length ? paths : ["-"], { encoding: options.encoding })) {
    if (isReadFailure(item)) {
      failures.push(item.error.message);
      continue;
    }
    try {
      docs.push(extractDocument(item, { tagger, segmenter }));
    } catch (error) {
      if (!(error instanceof JianwenError)) throw error;
      failures.push(error.message);
    }
  }
  return { doc: mergeDocs(docs), failures };
}
