// One extraction task, the same whether it runs in a worker process or inline: a RawDocument in, its GraphDoc
// (or the error, as plain data that crosses a process boundary) out, with the time and characters it took.
import type { GraphDoc } from "../../core/model.js";
import type { RawDocument } from "../types.js";
import { newStageTimes, type StageTimes } from "../pipeline.js";

export interface ExtractTask {
  seq: number;
  raw: RawDocument;
}

export type ExtractResult =
  | { seq: number; ok: true; doc: GraphDoc; chars: number; ms: number; stages?: StageTimes }
  | {
      seq: number;
      ok: false;
      error: { name: string; message: string };
      chars: number;
      ms: number;
      stages?: StageTimes;
    };

export type Extractor = (task: ExtractTask) => ExtractResult;

/** Loads the pipeline (and the tagger unless `model` is false) once, and returns the per-document function. */
export async function createExtractor(model: boolean): Promise<Extractor> {
  const { extractDocument } = await import("../index.js");
  const tagger = model ? await (await import("../tagger.js")).loadTagger() : undefined;
  const segmenter = tagger ? (await import("../segmenter.js")).loadSegmenter() : undefined;
  return ({ seq, raw }) => {
    const began = performance.now();
    const chars = raw.text.length;
    const stages = newStageTimes();
    try {
      const doc = extractDocument(raw, { tagger, segmenter, timings: stages });
      return { seq, ok: true, doc, chars, ms: performance.now() - began, stages };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const failed = { name: e.name, message: e.message };
      return { seq, ok: false, error: failed, chars, ms: performance.now() - began, stages };
    }
  };
}
