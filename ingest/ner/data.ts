// Readers for the training corpora in ../shared/data: People's Daily *.spans.jsonl and CLUENER2020.
// Offsets are converted from code points to UTF-16 units. Text is read at training time only.
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../../core/errors.js";
import type { EntityKind, NerSpan } from "./decode.js";
import { ABBREVIATIONS } from "./gazetteer.js";

export interface Sentence {
  text: string;
  spans: NerSpan[];
  source: string;
}

function readLines(path: string): string[] {
  if (!existsSync(path))
    throw new InputError(`ingest/ner: training data ${path} is missing; check out ../shared/data next to the project`, path);
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "");
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
    return { text: d.text, source, spans: d.entities.map((e) => ({ start: m[e.start]!, end: m[e.end]!, type: e.type })) };
  });
}

const CLUENER_MAP: Record<string, EntityKind> = { name: "PER", address: "LOC", organization: "ORG", government: "ORG", company: "ORG" };

export function readCluener(path: string): Sentence[] {
  return readLines(path).map((line) => {
    const d = JSON.parse(line) as { text: string; label: Record<string, Record<string, [number, number][]>> };
    const m = cpToUnit(d.text);
    const spans: NerSpan[] = [];
    for (const [label, surfaces] of Object.entries(d.label ?? {})) {
      const type = CLUENER_MAP[label];
      if (!type) continue;
      for (const ranges of Object.values(surfaces)) for (const [s, e] of ranges) spans.push({ start: m[s]!, end: m[e + 1]!, type });
    }
    spans.sort((a, b) => a.start - b.start);
    // Overlapping labels exist in CLUENER; keep the first of any overlap so the tag sequence is well formed.
    const kept: NerSpan[] = [];
    for (const s of spans) if (!kept.length || s.start >= kept[kept.length - 1]!.end) kept.push(s);
    return { text: d.text, source: "cluener", spans: kept };
  });
}

// The January-1998 clauses leave country abbreviations untagged (the PKU corpus calls 中美 one
// abbreviation word), while the People's Daily NER convention tags each character as LOC. These
// unambiguous contexts are relabelled so the model learns the convention.
const PAIR_CHARS = "中美日俄英法德韩朝印巴以欧越泰葡蒙苏埃墨菲叙澳";
const BAD_PAIRS = new Set(["美德", "中意", "中欧", "中以", "以美", "以日", "以德", "以法", "中巴"]);
const NOT_BEFORE_ZHONG = "其集之当从空心期途手眼家群城市年月高初";
const VISIT = "访来驻对援旅赴抵离进返在";
const VISITED = "华美日俄英法德韩朝京沪港台欧";
const NOT_AFTER = "丽好术食容化满味常益前子报夜记期程后内里本国语文元圆洲军人方式口上下剧盟";

export function relabelAbbreviations(s: Sentence): Sentence {
  const text = s.text;
  const covered = new Uint8Array(text.length);
  for (const sp of s.spans) covered.fill(1, sp.start, sp.end);
  const add: NerSpan[] = [];
  const mark = (i: number): void => {
    if (!covered[i]) {
      covered[i] = 1;
      add.push({ start: i, end: i + 1, type: "LOC" });
    }
  };
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text[i]!, b = text[i + 1]!;
    if (covered[i] || covered[i + 1]) continue;
    if (PAIR_CHARS.includes(a) && PAIR_CHARS.includes(b) && a !== b && b !== "中" && !BAD_PAIRS.has(a + b)) {
      const prev = text[i - 1] ?? "";
      if (/[0-9０-９一二三四五六七八九十]/.test(prev) || (a === "中" && NOT_BEFORE_ZHONG.includes(prev))) continue;
      if (b === "日" && "报常益前子夜记期程".includes(text[i + 2] ?? "")) continue;
      mark(i);
      mark(i + 1);
    } else if (VISIT.includes(a) && VISITED.includes(b) && !NOT_AFTER.includes(text[i + 2] ?? "")) {
      mark(i + 1);
    } else if (PAIR_CHARS.includes(a) && a !== "以" && b === "方" && ABBREVIATIONS.includes(a)) {
      mark(i);
    }
  }
  if (!add.length) return s;
  return { ...s, spans: [...s.spans, ...add].sort((x, y) => x.start - y.start) };
}
