// Meeting and project mentions over the article's words (meetings.ts, projects.ts), then resolved within the
// article: a phase (一期工程) becomes a phase of the project the article names, a short form (春山里项目) the longer
// form with its place (蓟州区春山里项目), and no candidate crosses the end of an organization or place name.
import { loadSegmenter, wordsOf, type Segmenter } from "../segmenter.js";
import { curlyQuotes, readArticleWords } from "./event-names.js";
import { findMeetings as meetingsIn } from "./meetings.js";
import { findProjects as projectsIn } from "./projects.js";
import type { Mention } from "./types.js";

/** Organization and place names a meeting or project must not cut into (苏州工业园区人民法院). */
function crossesName(m: Mention, names: Mention[]): boolean {
  return names.some(
    (o) => (o.start < m.end && o.end > m.end && o.start >= m.start - 20) || (o.start < m.start && o.end > m.start),
  );
}

export function findMeetings(text: string, segmenter?: Segmenter, names: Mention[] = []): Mention[] {
  const read = curlyQuotes(text, wordsOf(segmenter ?? loadSegmenter(), text));
  readArticleWords(read.words);
  const orgs = names.filter((n) => n.type === "Organization");
  const places = names.filter((n) => n.type === "Place");
  return meetingsIn(read.text, read.words, orgs, places).filter(
    (m) => !crossesName(m, names) && !LEGISLATURE_TERM.test(m.text),
  );
}

/**
 * 第十四届全国人民代表大会, 某市第十六届人民代表大会: a people's congress by its term (届) is the body elected for
 * five years; its sessions (第一次会议) and a party's congresses (第二十次全国代表大会) are the meetings.
 */
const LEGISLATURE_TERM = /第[一二三四五六七八九十\d]+届[\u4e00-\u9fff]{0,8}人民代表大会$/;

const PHASE_HEAD = /(?:[一二三四五六七八九十]+期(?:[一二三四五六七八九十]+步)?(?:主体)?)?(工程|项目)$/;

export function findProjects(text: string, segmenter?: Segmenter, names: Mention[] = []): Mention[] {
  const read = curlyQuotes(text, wordsOf(segmenter ?? loadSegmenter(), text));
  readArticleWords(read.words);
  const orgs = names.filter((n) => n.type === "Organization");
  const places = names.filter((n) => n.type === "Place");
  const found = projectsIn(read.text, read.words, orgs, places).filter((m) => !crossesName(m, names));
  const named = found.filter((p) => p.canonical);
  const out: Mention[] = [];
  for (const p of found) {
    if (p.canonical) {
      out.push(p);
      continue;
    }
    // 一期一步工程 after 向家坝灌区工程: the phase of the nearest project named before it with the same head.
    const head = PHASE_HEAD.exec(p.text)![1]!;
    const parent = named.filter((q) => q.start < p.start && q.canonical.endsWith(head)).at(-1);
    if (!parent) continue;
    const base = parent.canonical.replace(PHASE_HEAD, "");
    if (base.length >= 2) out.push({ ...p, canonical: base + p.text, via: "phase-of" });
  }
  // A name and the same name after a place (春山里项目, 蓟州区春山里项目) are one project: the longer form.
  for (const p of out) {
    const longer = out.find(
      (q) =>
        q !== p &&
        q.canonical.length > p.canonical.length &&
        q.canonical.endsWith(p.canonical) &&
        q.canonical.length - p.canonical.length <= 6,
    );
    const lead = longer ? longer.canonical.length - p.canonical.length : 0;
    if (longer && names.some((n) => n.type === "Place" && n.start === longer.start && n.end === longer.start + lead))
      p.canonical = longer.canonical;
  }
  return out;
}
