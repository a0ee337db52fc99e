// Person mentions and titles of office. Names are found where Chinese news anchors them — after a title
// (市委书记李长萍), before a reporting verb (张百顺强调), in a list before 参加会议 — then every other occurrence of a
// found name in the article is marked too.
import { COMPOUND_SURNAMES, SURNAMES, TITLES } from "../gazetteer/lexicon.js";
import type { Mention, TitleMention } from "./types.js";

/** What may follow a name: punctuation, a reporting or meeting verb, a title suffix. */
const AFTER_NAME =
  /^(?:[，。、；：！？）”\s]|总书记|书记|主席|同志|市长|县长|省长|主持|出席|参加|指出|强调|表示|介绍|讲话|说|在|到|前往|深入|调研|会见|看望|听取|带队|陪同|等|同志|一行|率|对|向|与|和|就|作|为|是|及|要求|提出|宣布|察看|检查|慰问|来到|走进|先后|分别|代表|致辞|发言|通报|汇报|作了|$)/;
/** What may precede a name that no title introduces. */
const BEFORE_NAME = /[，。、；：！？（“\s]$|^$/;
const SPEECH = /^(?:指出|强调|表示|介绍|主持|出席|参加|讲话|要求|说|听取|走进|看望|会见|调研|来到|察看|宣布|致辞|发言)/;
const NOT_NAME_CHARS = /[的了在和与及是为将对把从到向等其这那各全本该市省县区镇乡村局委办会议部厅院记者员]/;

function isSurnameAt(text: string, i: number): number {
  if (COMPOUND_SURNAMES.has(text.slice(i, i + 2))) return 2;
  return SURNAMES.has(text[i] ?? "") ? 1 : 0;
}

/** The name starting at i, 2 or 3 characters (4 with a compound surname), when what follows can end a name. */
export function nameAt(text: string, i: number): string | null {
  const sur = isSurnameAt(text, i);
  if (!sur) return null;
  for (const len of [sur + 2, sur + 1]) {
    const name = text.slice(i, i + len);
    if (name.length < len || !/^[\u4e00-\u9fff]+$/.test(name)) continue;
    if (NOT_NAME_CHARS.test(name.slice(sur))) continue;
    if (AFTER_NAME.test(text.slice(i + len))) return name;
  }
  return null;
}

function person(start: number, name: string, via: string): Mention {
  return { type: "Person", start, end: start + name.length, text: name, canonical: name, props: {}, via };
}

const TITLE_RE = new RegExp(TITLES.join("|"), "g");

/**
 * Titles and the names they introduce. A title chain (市委副书记、市长张百顺) gives one TitleMention a title, all for the
 * same person. `orgAt` finds the organization whose mention ends where a title starts.
 */
export function findTitles(text: string, orgEndingAt: (pos: number) => Mention | null): TitleMention[] {
  const titles: TitleMention[] = [];
  for (const m of text.matchAll(TITLE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const org = orgEndingAt(start);
    const tStart = org ? org.start : start;
    titles.push({ start: tStart, end, title: m[0], org, person: null });
  }
  // Attach names: a title directly followed by a name, and earlier titles of the chain joined by 、.
  for (let k = 0; k < titles.length; k++) {
    const t = titles[k]!;
    const name = nameAt(text, t.end);
    if (!name) continue;
    const p = person(t.end, name, "title");
    t.person = p;
    for (let j = k - 1; j >= 0; j--) {
      const prev = titles[j]!;
      const next = titles[j + 1]!;
      if (text.slice(prev.end, next.start) !== "、" || prev.person) break;
      prev.person = p;
    }
  }
  // A name before a title with no organization prefix: 习近平总书记, 李长萍书记.
  for (const t of titles) {
    if (t.person || t.org) continue;
    for (const len of [3, 2]) {
      const name = t.start >= len ? nameAt(text, t.start - len) : null;
      if (name && name.length === len) {
        t.person = person(t.start - len, name, "before-title");
        break;
      }
    }
  }
  return titles;
}

export function findPersons(text: string, titles: TitleMention[], bylines: string[]): Mention[] {
  const found = new Map<string, string>();
  for (const t of titles) if (t.person) found.set(t.person.text, "title");
  for (const b of bylines) found.set(b, "byline");

  // Name before a reporting verb, after a boundary.
  for (let i = 0; i < text.length; i++) {
    if (!BEFORE_NAME.test(text.slice(Math.max(0, i - 1), i))) continue;
    const name = nameAt(text, i);
    if (!name || !SPEECH.test(text.slice(i + name.length))) continue;
    if (!found.has(name)) found.set(name, "verb");
  }
  // Strong cues need no boundary before the name: a column break may glue text to 刘昌松参加活动.
  for (const m of text.matchAll(/(?:参加|出席|主持)(?:会议|活动)/g)) {
    for (const len of [3, 2]) {
      const name = nameAt(text, m.index - len);
      if (name && name.length === len) {
        if (!found.has(name)) found.set(name, "strong-verb");
        break;
      }
    }
  }
  // Lists: 王刚、张建军、郭守印参加会议. The first item may have text glued before it by a column break, so it is
  // read from its end.
  for (const m of text.matchAll(
    /((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,4})(?:等)?(?:参加|出席|陪同|参会|列席)/g,
  )) {
    const parts = m[1]!.split("、");
    let at = m.index;
    const names: string[] = [];
    for (const [k, part] of parts.entries()) {
      const options = k === 0 ? [part.slice(-3), part.slice(-2)] : [part];
      const offset = (p: string) => at + part.length - p.length;
      const name = options.find((p) => p.length >= 2 && nameAt(text, offset(p)) === p);
      if (!name) break;
      names.push(name);
      at += part.length + 1;
    }
    if (names.length === parts.length) for (const p of names) if (!found.has(p)) found.set(p, "list");
  }

  // Every occurrence of a found name.
  const out: Mention[] = [];
  for (const [name, via] of found) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      out.push(person(at, name, via));
  }
  return out.sort((a, b) => a.start - b.start);
}
