// Where the text puts a project or a meeting: the place that opens the sentence as its subject (达州…引入X项目,
// 德清县启动…行动), the place after 位于/落户 or 在X举行, the places inside a name. Shared by the projects and
// participation families.
import type { EntityDoc } from "../../core/model.js";
import type { Mention } from "../mentions/types.js";
import type { RelateScope } from "./scope.js";

/** The article's place mentions, top-level and nested, in text order. */
export function placeMentions(s: RelateScope): Mention[] {
  return [...s.found.mentions, ...s.found.nested].filter((m) => m.type === "Place").sort((a, b) => a.start - b.start);
}

/** How specific a place is: the length of its division code without trailing zeros (uncoded places rank last). */
function depth(e: EntityDoc): number {
  return e.code ? e.code.replace(/(00)+$/, "").length : 1;
}

/** The most specific place among mentions (和龙市 over 吉林省 in 吉林省延边朝鲜族自治州和龙市). */
export function mostSpecific(s: RelateScope, list: Mention[]): EntityDoc | null {
  let best: EntityDoc | null = null;
  for (const m of list) {
    const e = s.entityOf(m);
    if (!best || depth(e) > depth(best)) best = e;
  }
  return best;
}

/** What follows a place that is the subject of its clause: a pause, an adverb, a preposition or a verb. */
const SUBJECT_NEXT =
  /^(?:[，,]|在|将|也|已|还|就|共|要|正|于|以|把|从|通过|成功|先后|积极|大力|不断|持续|加快|全力|率先|今年|去年|近年来|规划|建设|举办|承办|举行|召开|引入|引进|实施|推进|启动|打造|建成|布局|发展|已经|正在|首次)/;
/** A sentence opener that is only a time or a short adverbial clause (2024年7月，/ 近年来，). */
const OPENER = /^(?:[^，。；]{0,10}[，,])?$/;

/**
 * The place that opens the sentence holding `at` as its subject, when a verb of `verbs` stands between it and
 * `at` in the same sentence (达州以…为契机，…先后引入X项目).
 */
export function subjectPlace(s: RelateScope, at: number, verbs: RegExp): Mention | null {
  const sent = s.sentence(at);
  const opens = (m: Mention) =>
    OPENER.test(s.text.slice(sent.start, m.start)) ||
    /[，,]$/.test(s.text.slice(Math.max(sent.start, m.start - 1), m.start));
  // The last place that opens a clause of the sentence before `at` (…建设机遇，达州规划建设…，成功举办…).
  const subject = s.found.mentions
    .filter((m) => m.start >= sent.start && m.end <= at && m.type === "Place" && opens(m))
    .at(-1);
  if (!subject) return null;
  const between = s.text.slice(subject.end, at);
  // 蒙古国总统…: a place followed by a noun modifies it and is no subject.
  if (!SUBJECT_NEXT.test(between)) return null;
  return verbs.test(between) &&
    !s.found.mentions.some((m) => m.type === "Place" && m.start >= subject.end && m.end <= at && opens(m))
    ? subject
    : null;
}

/** Places in the clause after `from` when it says where the thing is (位于…, 落户…, 在X举行). */
export function placesAfter(s: RelateScope, from: number, lead: RegExp): Mention[] {
  const rest = s.text.slice(from, from + 40);
  const m = lead.exec(rest);
  if (!m) return [];
  const end = from + m.index + m[0].length;
  return placeMentions(s).filter((p) => p.start >= from + m.index && p.end <= end);
}

/** What follows the subject of a clause: a pause, an adverb, a modal, a preposition or a verb of building. */
const SUBJECT_FOLLOW =
  /^(?:[，,]|愿|将|也|已|还|就|要|正|于|以|从|通过|成功|先后|积极|大力|不断|持续|加快|全力|率先|已经|正在|首次|希望|同|与|跟|联合|联动|携手|有着|一直|长期|始终|进一步|规划|建设|自建|引入|引进|牵头|主动|充分|深化|加强|在|近年来|今年|去年)/;

/** Sentence openers that are no subject: a time, a purpose or condition clause (为…，在…下，). */
const NOT_SUBJECT_CLAUSE = /^(?:为|在|随着|通过|围绕|按照|根据|以|自|从|近年来|今年|去年|目前|当前|截至)/;

/**
 * The project, place or organization that opens the clause holding `at` as its subject, or failing that the
 * first clause of the sentence that is no adverbial (为抢抓…机遇，达州规划建设…，…联动…): nothing when another
 * project, place or organization opens a clause between it and `at`.
 */
export function clauseSubject(s: RelateScope, at: number): Mention | null {
  const sent = s.sentence(at);
  const kinds = new Set(["Project", "Place", "Organization"]);
  const starts = s.found.mentions.filter(
    (m) =>
      kinds.has(m.type) &&
      m.start >= sent.start &&
      m.end <= at &&
      (OPENER.test(s.text.slice(sent.start, m.start)) ||
        /[，,]“?$/.test(s.text.slice(Math.max(sent.start, m.start - 2), m.start)) ||
        /^“?$/.test(s.text.slice(sent.start, m.start))),
  );
  const subject = starts.at(-1);
  if (!subject) return null;
  // The clause opened by the subject must not itself be an adverbial (在蓟州区政府支持下).
  if (NOT_SUBJECT_CLAUSE.test(s.text.slice(subject.start - 1, subject.start))) return null;
  // 中国共产党愿同…, 上海援藏工作队与…: a place or body the finders cut short is followed by the rest of a name, not
  // by what follows a subject (a pause, an adverb, 愿, 同/与, a verb).
  const next = s.text.slice(subject.end, subject.end + 4);
  if (/^(?:的|之|等|和|、)/.test(next)) return null;
  return subject.type === "Project" || SUBJECT_FOLLOW.test(next) ? subject : null;
}
