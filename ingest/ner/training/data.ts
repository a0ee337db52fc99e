// Readers for the training corpora in ../shared/data: People's Daily *.spans.jsonl and CLUENER2020.
// Offsets are converted from code points to UTF-16 units. Text is read at training time only.
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../../../core/errors.js";
import type { EntityKind, NerSpan } from "../decode.js";

export interface Sentence {
  text: string;
  spans: NerSpan[];
  source: string;
}

function readLines(path: string): string[] {
  if (!existsSync(path))
    throw new InputError(
      `ingest/ner: training data ${path} is missing; check out ../shared/data next to the project`,
      path,
    );
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
}

/** UTF-16 offset of each code point index (length + 1 entries). */
function cpToUnit(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

export function readSpansJsonl(path: string, source: string): Sentence[] {
  return readLines(path).map((line) => {
    const d = JSON.parse(line) as { text: string; entities: { start: number; end: number; type: EntityKind }[] };
    const m = cpToUnit(d.text);
    return {
      text: d.text,
      source,
      spans: d.entities.map((e) => ({ start: m[e.start]!, end: m[e.end]!, type: e.type })),
    };
  });
}

const CLUENER_MAP: Record<string, EntityKind> = {
  name: "PER",
  address: "LOC",
  organization: "ORG",
  government: "ORG",
  company: "ORG",
};

export function readCluener(path: string): Sentence[] {
  return readLines(path).map((line) => {
    const d = JSON.parse(line) as { text: string; label: Record<string, Record<string, [number, number][]>> };
    const m = cpToUnit(d.text);
    const spans: NerSpan[] = [];
    for (const [label, surfaces] of Object.entries(d.label ?? {})) {
      const type = CLUENER_MAP[label];
      if (!type) continue;
      for (const ranges of Object.values(surfaces))
        for (const [s, e] of ranges) spans.push({ start: m[s]!, end: m[e + 1]!, type });
    }
    spans.sort((a, b) => a.start - b.start);
    // Overlapping labels exist in CLUENER; keep the first of any overlap so the tag sequence is well formed.
    const kept: NerSpan[] = [];
    for (const s of spans) if (!kept.length || s.start >= kept[kept.length - 1]!.end) kept.push(s);
    return { text: d.text, source: "cluener", spans: kept };
  });
}

export { relabelAbbreviations } from "../abbreviations.js";
