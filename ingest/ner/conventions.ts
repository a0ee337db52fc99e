// Brings the January-1998 clauses to the People's Daily NER convention before training. The 1998 corpus
// was converted from word-level POS tags, so it misses names that sit inside words (邓小平理论, 奥运会,
// 中美) and tags bracketed compounds (中国政府) that the NER convention splits (中国 is LOC, 政府 is not).
import type { NerSpan } from "./decode.js";
import { relabelAbbreviations } from "./abbreviations.js";
import type { Sentence } from "./training/data.js";

const BARE_ORGS = [
  "团市委",
  "团县委",
  "市委",
  "县委",
  "省委",
  "区委",
  "地委",
  "村委会",
  "居委会",
  "欧盟",
  "中科院",
  "社科院",
  "北大",
  "清华",
  "国家队",
  "国会",
  "内阁",
  "参议院",
  "众议院",
  "海军",
  "红军",
  "新四军",
  "八路军",
  "足协",
  "世行",
  "亚行",
];
const EXTENDS_LEFT = /^(?:代表团|十[一二三四五六七八九]大)$/; // 中国代表团, 中共十五大: ORG with the name before it
export const MINISTRY =
  /^(?:外交|国防|内政|财政|司法|商务|农业|农林|内务|经济|贸易|工业|卫生|教育|交通|文化|劳动|能源|石油|外贸|通讯|通信|安全|公安|民政|水利|建设|铁道|邮电|电力|林业|环境|旅游|体育|新闻|情报|计划|国土|移民|外经贸|产业资源)部$/;
const TEAM = /^(?:男队|女队|队|男篮|女篮|男排|女排|男足|女足|足球队|篮球队|排球队|国家队|代表队|代表团|选手团|青年队)/;

/** A place directly followed by a team word is the team: 印尼女队, 中国代表团 (ORG). */
export function mergeTeams(text: string, spans: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k]!;
    const next = spans[k + 1];
    const m = sp.type === "LOC" ? TEAM.exec(text.slice(sp.end, sp.end + 3)) : null;
    if (m && !(next && next.start < sp.end + m[0].length))
      out.push({ start: sp.start, end: sp.end + m[0].length, type: "ORG" });
    else if (m && next && next.start === sp.end && next.end === sp.end + m[0].length) {
      out.push({ start: sp.start, end: next.end, type: "ORG" }); // 古巴 + 代表团 tagged apart
      k++;
    } else out.push(sp);
  }
  return out;
}
const DOCTRINES = /(邓小平|毛泽东|马克思|列宁)(?=理论|思想|主义|列宁主义)/g;
const GAMES = /(奥|亚)(?=运会)/g;

function overlaps(spans: NerSpan[], s: number, e: number): boolean {
  return spans.some((x) => x.start < e && x.end > s);
}

/** 南京市鼓楼区 → 南京市 + 鼓楼区: a place span made of two division names is two places. */
function splitDivisions(text: string, sp: NerSpan, divisions: ReadonlySet<string>): NerSpan[] {
  const surface = text.slice(sp.start, sp.end);
  if (sp.type !== "LOC" || divisions.has(surface)) return [sp];
  for (let k = Math.min(surface.length - 2, 8); k >= 2; k--) {
    if (!divisions.has(surface.slice(0, k))) continue;
    const rest = surface.slice(k);
    for (let r = Math.min(rest.length, 8); r >= 2; r--) {
      if (divisions.has(rest.slice(0, r))) {
        return [
          { start: sp.start, end: sp.start + k, type: "LOC" },
          ...splitDivisions(text, { start: sp.start + k, end: sp.end, type: "LOC" }, divisions),
        ];
      }
    }
    return [sp];
  }
  return [sp];
}

export function toPdConvention(
  input: Sentence,
  ministries: ReadonlySet<string>,
  divisions: ReadonlySet<string> = new Set(),
): Sentence {
  const s = relabelAbbreviations(input);
  const text = s.text;
  let spans: NerSpan[] = [];
  for (const whole of s.spans)
    for (const sp of splitDivisions(text, whole, divisions)) {
      const surface = text.slice(sp.start, sp.end);
      if (sp.type === "LOC" && surface.length >= 4 && surface.endsWith("地区")) {
        spans.push({ ...sp, end: sp.end - 2 }); // 亚洲地区 → 亚洲
        continue;
      }
      if (sp.type === "ORG" && surface.endsWith("政府")) {
        const prefix = surface.replace(/(?:人民)?政府$/, "");
        if (prefix.length >= 1 && !/^[市县区省镇乡州]$/.test(prefix))
          spans.push({ start: sp.start, end: sp.start + prefix.length, type: "LOC" });
        continue;
      }
      spans.push(sp);
    }
  const add = (start: number, end: number, type: NerSpan["type"]): void => {
    if (!overlaps(spans, start, end)) spans.push({ start, end, type });
  };
  for (const w of BARE_ORGS)
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) add(i, i + w.length, "ORG");
  for (const m of text.matchAll(/代表团|十[一二三四五六七八九]大/g)) {
    const i = m.index,
      e = i + m[0].length;
    if (overlaps(spans, i, e)) continue;
    const left =
      spans.find((x) => x.end === i && (x.type === "LOC" || x.type === "ORG")) ??
      (text.slice(i - 2, i) === "中共" && !overlaps(spans, i - 2, i)
        ? { start: i - 2, end: i, type: "ORG" as const }
        : undefined);
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
      if (ministries.has(w) || MINISTRY.test(w)) {
        add(m.index + k, m.index + m[1]!.length, "ORG");
        break;
      }
    }
  }
  spans = mergeTeams(text, spans);
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
