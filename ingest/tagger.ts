// Loads the trained PER/LOC/ORG tagger for the mentions stage, when the shipped model is present.
import type { SpanTagger } from "./mentions/index.js";

let cached: Promise<SpanTagger | undefined> | null = null;

/** The shipped sequence model; undefined when this build carries none, so rules and gazetteers work alone. */
export function loadTagger(): Promise<SpanTagger | undefined> {
  cached ??= import("./ner/index.js")
    .then((m: { loadNer: () => SpanTagger }) => m.loadNer())
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") return undefined;
      throw error;
    });
  return cached;
}
