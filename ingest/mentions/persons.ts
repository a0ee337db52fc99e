// Person mentions. Names are found where Chinese news anchors them — after a title (市委书记李长萍, see titles.ts),
// before a reporting verb (张百顺强调), in a list before 参加会议, in the byline — then every other occurrence of a
// found name in the article is marked too.
import { givenNamePlausible, nameAt, personMention as person, type WordIndex } from "./person-names.js";
import type { Mention, TitleMention } from "./types.js";
import { CharTable } from "../text.js";
import { DictMatcher } from "../gazetteer/matcher.js";

/** What may precede a name that no title introduces (or the start of the text). */
const BEFORE_NAME = new CharTable("，。、；：！？（“", true);
const SPEECH =
  /^(?:指出|强调|表示|介绍|主持|出席|参加|讲话|要求|说|问|听取|走进|看望|会见|调研|来到|察看|宣布|致辞|发言|告诉|坦言|感慨|笑着说)/;

/** Role words that stand before a name (村民温伙林); none opens another, so the longest match is the only one. */
// prettier-ignore
const ROLE_BEFORE = new DictMatcher(
  [
    "村民", "居民", "市民", "游客", "群众", "农民", "牧民", "渔民", "菜农", "果农", "老人", "社员", "党员", "志愿者", "大学生", "学生",
    "老师", "教师", "医生", "护士", "工人", "职工", "员工", "青年", "技术员", "博士", "教授", "专家", "院士", "律师", "法官", "民警",
    "战士", "队员", "选手", "运动员", "工作人员", "家长", "母亲", "父亲", "妻子", "丈夫", "网友", "读者", "观众", "听众", "创业者",
    "企业家",
  ].map((w) => [w, w]),
);

/** A list of names before a verb of attending (王刚、张建军、郭守印参加). */
const LIST = /((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,4})(?:等)?(?:参加|出席|陪同|参会|列席)/g;
/**
 * The end every such list has. LIST tries names of two to six characters at every position of a text; one without
 * this end anywhere is not read with it.
 */
const LIST_TAIL = /、[\u4e00-\u9fff]{2,4}(?:等)?(?:参加|出席|陪同|参会|列席)/;

export function findPersons(text: string, titles: TitleMention[], bylines: string[], words?: WordIndex): Mention[] {
  const found = new Map<string, string>();
  for (const t of titles) if (t.person) found.set(t.person.text, "title");
  for (const b of bylines) found.set(b, "byline");

  // Name before a reporting verb, after a boundary.
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !BEFORE_NAME.at(text, i - 1)) continue;
    const name = nameAt(text, i, words);
    if (!name || !SPEECH.test(text.slice(i + name.length)) || !givenNamePlausible(name)) continue;
    if (!found.has(name)) found.set(name, "verb");
  }
  // A role word right before a name (村民温伙林, 青年司文叶, 博士张建营): people whom no title of office introduces.
  for (const m of ROLE_BEFORE.scan(text)) {
    const at = m.end;
    const name = nameAt(text, at, words);
    // One word the segmenter could not file (温伙林) is a name after a role word; words it split need characters
    // people are named with (not 祝贺, 应帮).
    const word = words?.startingAt.get(at);
    const unknownWord = word !== undefined && word.tag === "x" && word.word === name;
    if (name && (unknownWord || givenNamePlausible(name)) && !found.has(name)) found.set(name, "role");
  }
  // Strong cues need no boundary before the name: a column break may glue text to 刘昌松参加活动.
  for (const m of text.matchAll(/(?:参加|出席|主持)(?:会议|活动)/g)) {
    for (const len of [3, 2]) {
      const name = nameAt(text, m.index - len, words);
      if (name && name.length === len) {
        if (!found.has(name)) found.set(name, "strong-verb");
        break;
      }
    }
  }
  // Lists: 王刚、张建军、郭守印参加会议. The first item may have text glued before it by a column break, so it is
  // read from its end.
  for (const m of LIST_TAIL.test(text) ? text.matchAll(LIST) : []) {
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

  // Every occurrence of a found name, where it stands as a word of its own (not 陈伟 inside 陈伟颂).
  const out: Mention[] = [];
  for (const [name, via] of found) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const whole = words?.bounds.has(at) && (words.bounds.has(at + name.length) || nameAt(text, at, words) === name);
      // Names read from a strong anchor (a title, a byline, a list before 参加) are trusted wherever they occur; a
      // layout repair may glue the anchor's own occurrence to a broken word (贡王刚).
      if (words && via === "verb" && !whole) continue;
      out.push(person(at, name, via));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
