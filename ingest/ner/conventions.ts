// Brings the January-1998 clauses to the People's Daily NER convention before training. The 1998 corpus
// was converted from word-level POS tags, so it misses names that sit inside words (邓小平理论, 奥运会,
// 中美) and tags bracketed compounds (中国政府) that the NER convention splits (中国 is LOC, 政府 is not).
import type { NerSpan } from "./decode.js";
import { relabelAbbreviations, type Sentence } from "./data.js";

const BARE_ORGS = ["团市委", "团县委", "市委", "县委", "省委", "区委", "地委", "村委会", "居委会", "欧盟", "北约", "中科院", "社科院", "政协", "北大", "清华", "国家队"];
const EXTENDS_LEFT = /^(?:代表团|十[一二三四五六七八九]大)$/; // 中国代表团, 中共十五大: ORG with the name before it
const DOCTRINES = /(邓小平|毛泽东|马克思|列宁)(?=理论|思想|主义|列宁主义)/g;
const GAMES = /(奥|亚)(?=运会)/g;

function overlaps(spans: NerSpan[], s: number, e: number): boolean {
  return spans.some((x) => x.start < e && x.end > s);
}

export function toPdConvention(input: Sentence, ministries: ReadonlySet<string>): Sentence {
  const s = relabelAbbreviations(input);
  const text = s.text;
  let spans: NerSpan[] = [];
  for (const sp of s.spans) {
    const surface = text.slice(sp.start, sp.end);
    if (sp.type === "ORG" && surface.endsWith("政府")) {
      const prefix = surface.replace(/(?:人民)?政府$/, "");
      if (prefix.length >= 1 && !/^[市县区省镇乡州]$/.test(prefix)) spans.push({ start: sp.start, end: sp.start + prefix.length, type: "LOC" });
      continue;
    }
    spans.push(sp);
  }
  const add = (start: number, end: number, type: NerSpan["type"]): void => {
    if (!overlaps(spans, start, end)) spans.push({ start, end, type });
  };
  for (const w of BARE_ORGS) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) add(i, i + w.length, "ORG");
  for (const m of text.matchAll(/代表团|十[一二三四五六七八九]大/g)) {
    const i = m.index, e = i + m[0].length;
    if (overlaps(spans, i, e)) continue;
    const left = spans.find((x) => x.end === i && (x.type === "LOC" || x.type === "ORG"));
    if (left && EXTENDS_LEFT.test(m[0])) {
      spans = spans.filter((x) => x !== left);
      spans.push({ start: left.start, end: e, type: "ORG" });
    } else add(i, e, "ORG");
  }
  for (const m of text.matchAll(DOCTRINES)) add(m.index, m.index + m[0].length, "PER");
  for (const m of text.matchAll(GAMES)) add(m.index, m.index + 1, "LOC");
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{1,4}部)(?=长)/g)) {
    // 国防部长 → 国防部 when the ministry is tagged ORG elsewhere in the corpus.
    for (let k = 0; k < m[1]!.length - 1; k++) {
      const w = m[1]!.slice(k);
      if (ministries.has(w)) {
        add(m.index + k, m.index + m[1]!.length, "ORG");
        break;
      }
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return { ...s, spans };
}

/** ORG names ending in 部 tagged at least twice in the corpus (外交部, 国防部). */
export function ministriesOf(sents: Sentence[]): Set<string> {
  const count = new Map<string, number>();
  for (const s of sents)
    for (const sp of s.spans) {
      const w = s.text.slice(sp.start, sp.end);
      if (sp.type === "ORG" && w.endsWith("部") && w.length <= 4) count.set(w, (count.get(w) ?? 0) + 1);
    }
  return new Set([...count].filter(([, c]) => c >= 2).map(([w]) => w));
}
