// Meeting mentions: a name ending in a meeting head (会议, 大会, 论坛, 博览会, 大赛, 评选, “…”活动 …) whose left edge
// the segmenter's words decide (event-names.ts); party congresses (党的二十大) with their dates; meetings named by
// the body that convenes them (市委常委会召开会议). A generic head (座谈会, 新闻发布会, 第一次全体会议) is qualified by
// its organizer or by the full name the article gives it, or marked generic for the relate stage to date or drop.
import type { Word } from "../segmenter.js";
import { CharTable } from "../text.js";
import { isOrdinal, isProper, leftEdge } from "./event-names.js";
import { firstOfOverlapping, longestFirst, type Mention } from "./types.js";

/** Words that end a meeting's name. */
// prettier-ignore
const HEADS = [
  "常委会会议", "常务会议", "联席会议", "视频会议", "电视电话会议", "工作会议", "全体会议", "会议", "代表大会", "大会", "全会",
  "座谈会", "发布会", "推进会", "调度会", "现场会", "观摩会", "动员会", "部署会", "报告会", "恳谈会", "洽谈会", "研讨会", "交流会",
  "推介会", "见面会", "论坛", "峰会", "博览会", "交易会", "展览会", "年会", "对话会", "运动会", "艺术节", "文化节", "大赛", "竞赛",
  "评选", "集体学习", "活动",
];
const HEAD = new RegExp(`(${HEADS.join("|")})$`);
/** The heads of up to five characters by their last character, longest first. */
const HEADS_BY_LAST = new Map<number, string[]>();
for (const h of HEADS.filter((h) => h.length <= 5).sort((a, b) => b.length - a.length))
  HEADS_BY_LAST.set(h.charCodeAt(h.length - 1), [...(HEADS_BY_LAST.get(h.charCodeAt(h.length - 1)) ?? []), h]);
const HEAD_LAST = new CharTable(HEADS.map((h) => h.at(-1)!));

/**
 * The head the text ends with at `end`, as HEAD reads the five characters before it: the longest head that fits in
 * them (电话会议 is no head of its own, so …电视电话会议 ends in 会议 there).
 */
function headEndingAt(text: string, end: number): string | null {
  if (!HEAD_LAST.at(text, end - 1)) return null;
  for (const h of HEADS_BY_LAST.get(text.charCodeAt(end - 1)) ?? [])
    if (h.length <= end && text.startsWith(h, end - h.length)) return h;
  return null;
}
/** Heads that name a kind of meeting and can stand for one meeting of that kind once qualified. */
const QUALIFIABLE =
  /(座谈会|发布会|推进会|调度会|现场会|观摩会|动员会|部署会|报告会|恳谈会|洽谈会|研讨会|交流会|推介会|见面会|论坛|峰会|博览会|常务会议|全体会议|集体学习)$/;
/** Modifiers that name no particular meeting. */
const GENERIC =
  /^(?:这次|此次|本次|该|各|各类|有关|相关|重要|专题|工作|全体|系列|新闻|视频|电视电话|常务|全市|全省|全县|全区|扩大|党组|座谈|联席|推进|调度|部署|动员|一系列|多场|一场|两场|此前|上述|首场|有关会议|各种|各项|主题|庆祝|表彰|总结|年度|年终|会议|国际|大型|线上|线下|专场|部分|全部|代表团|分组|党委|党支部)*$/;
/** Words after a head that make it part of another word or a body: 大会堂, 会议室, 论坛报, 活动中心. */
const NOT_END =
  /^(?:堂|室|厅|馆|场馆|体育馆|体育场|体育中心|村|长|中心|纪要|精神实质|代表团|主席团|秘书处|组委会|执委会|党|报|网|期间的|成员)/;
/** Words that open a meeting's name with its scope or its convening level. */
const SCOPED =
  /^(?:全国|全省|全市|全县|全区|全州|全军|中央|世界|国际|全球|国家|亚洲|中国|中华|两岸|海峡|省|市|县|区|州|国务院)/;
const CONGRESS =
  /党的([一二三四五六七八九十]{1,3})大|中国共产党第([一二三四五六七八九十]{1,3})次全国代表大会|(?<![一二三四五六七八九届])((?:二?十[一二三四五六七八九]?))大(?![会学队楼])(?=(?![\u4e00-\u9fff])|精神|以来|报告|召开|期间|开幕|闭幕|胜利|代表|提出|作出|部署|强调|确立|擘画|明确|后|上|和|与|的|前|关于)|(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)?[一二三四五六七八九十]{1,3}届[一二三四五六七八九十]中全会/g;
const CONVENER =
  /(市政府|省政府|县政府|区政府|市委|省委|县委|区委|[\u4e00-\u9fff]{2,10}?(?:中心组|常委会|委员会|党组))(?:召开|举行)$/;

function meeting(text: string, start: number, end: number, via: string, canonical?: string): Mention {
  // 大会暨世界交响乐北京论坛: the segmenter may join 暨 to the next word; a name never starts with it.
  while (text[start] === "暨" && end - start > 3) start++;
  const surface = text.slice(start, end);
  const name = canonical ?? congressName(surface.replace(/[“”‘’]/g, ""));
  return { type: "Meeting", start, end, text: surface, canonical: name, props: {}, via };
}

/** 第二十次全国代表大会 in Chinese news is the party's congress. */
function congressName(name: string): string {
  const m = /^(?:中国共产党)?第([一二三四五六七八九十]{1,3})次全国代表大会$/.exec(name);
  return m ? `中国共产党第${m[1]}次全国代表大会` : name;
}

/** A body that convenes a meeting, its date and the verb (市委常委会召开会议), and the end any such text has. */
const BODY_CONVENED =
  /((?:中共中央)?政治局(?:常委会)?|[\u4e00-\u9fff]{0,6}(?:常委会|常务会议|党组))[\d月日上下午晚]{0,8}(?:召开|举行)(?:扩大)?会议/g;
const CONVENED_TAIL = /(?:召开|举行)(?:扩大)?会议/;

const CONVENE = /^(?:召开|举行|举办|组织召开)$/;
/** Words between the verb and the name: 召开了一场…大会. */
const AFTER_CONVENE = /^(?:了|一场|一次|了一场|了一次|场)$/;
/**
 * 沾益区召开优化营商环境工作推进会: after a body or place that convenes it (a mention, then a date at most, then 召开),
 * the name runs from the verb to its head, over topic verbs the left edge would stop at (优化, 推动). Returns the
 * name's first word and the convener.
 */
function conveneStart(
  text: string,
  words: Word[],
  first: number,
  convenors: Mention[],
): { at: number; by: Mention } | undefined {
  for (let k = first; k > 0 && first - k < 6; k--) {
    const verb = words[k - 1]!;
    if (!CONVENE.test(verb.word)) {
      if (/[^\u4e00-\u9fff\d]|^(?:的|和|与|及|并|在|对|为)$/.test(verb.word)) return undefined;
      continue;
    }
    let at = k;
    while (at < first && AFTER_CONVENE.test(words[at]!.word)) at++;
    // 召开3次会议, 召开（扩大）会议: a count or a bracket is no name.
    if (!/^[\u4e00-\u9fff“]/.test(words[at]!.word) || /^[\d一二三四五六七八九十两几多]+次$/.test(words[at]!.word))
      return undefined;
    const by = convenors.find(
      (o) =>
        o.end <= verb.start && verb.start - o.end <= 8 && /^[\d月日上下午晚]*$/.test(text.slice(o.end, verb.start)),
    );
    return by ? { at, by } : undefined;
  }
  return undefined;
}

export function findMeetings(text: string, words: Word[], orgs: Mention[], places: Mention[] = []): Mention[] {
  const out: Mention[] = [];
  const unscoped: Mention[] = [];
  for (const m of text.matchAll(CONGRESS)) {
    const n = m[1] ?? m[2] ?? m[3];
    const canonical = n ? `中国共产党第${n}次全国代表大会` : m[0];
    out.push({ ...meeting(text, m.index, m.index + m[0].length, "congress", canonical), props: {} });
  }
  // 市委常委会召开会议 → the meeting is 市委常委会会议, written where the body is named.
  // 中共中央政治局召开会议 … 决定召开二十届二中全会: the politburo's own meeting, not the plenum it convenes.
  // The pattern tries up to six characters before its body word at every position: a text with no 召开会议 or
  // 举行会议 anywhere is not read with it.
  for (const m of CONVENED_TAIL.test(text) ? text.matchAll(BODY_CONVENED) : []) {
    // The body's name starts where a word starts (全国人大常委会党组, not 国人大常委会党组).
    const st = words.find((x) => x.start < m.index && x.end > m.index)?.start ?? m.index;
    const body = text.slice(st, m.index) + m[1]!;
    const name = `${body}${body.endsWith("会议") ? "" : "会议"}`;
    out.push(meeting(text, st, m.index + m[0].length, "body-convened", name));
  }
  for (let i = 0; i < words.length; i++) {
    const last = words[i]!;
    // The head may span words (集体 学习): it ends with this word and starts where a word starts.
    const head = headEndingAt(text, last.end);
    if (!head) continue;
    let h = i;
    while (h > 0 && words[h]!.start > last.end - head.length) h--;
    if (words[h]!.start > last.end - head.length) continue;
    const w: Word = {
      word: text.slice(words[h]!.start, last.end),
      tag: words[h]!.tag,
      start: words[h]!.start,
      end: last.end,
    };
    // 主持会议, 出席会议: a verb and its object the segmenter made one word.
    const inWord = w.word.slice(0, -head.length);
    if (inWord && /^[v]/.test(words[h]!.tag) && h === i) continue;
    if (/^(?:主持|出席|参加|召开|举行|列席|参会|组织)/.test(inWord)) continue;
    if (NOT_END.test(text.slice(w.end, w.end + 4))) continue;
    const inQuote = text[w.end] === "”" && text.lastIndexOf("“", w.end) > text.lastIndexOf("”", w.end - 1);
    if (inQuote) {
      const open = text.lastIndexOf("“", w.end);
      if (w.end - open <= 30 && head !== "活动" && !/[，。、；！？]/.test(text.slice(open, w.end)))
        out.push(meeting(text, open + 1, w.end, "quoted-meeting"));
      continue;
    }
    const edge = leftEdge(words, h, Math.max(0, w.start - 60), true);
    // 孔子文化节第八届尼山世界文明论坛: a meeting named inside the modifier ends it; the part after it is its own.
    const convened = conveneStart(text, words, edge.first, [...orgs, ...places]);
    let first = convened?.at ?? edge.first;
    // 联合国贸易和发展会议/nt: a head word the segmenter knows as a body's full name takes on its left only ordinals
    // and proper names (第77届联合国大会), not the headline words before it (压力, 正确方向).
    if (h === i && /^(?:nt|nz)$/.test(words[h]!.tag) && inWord.length >= 2) {
      let k = h;
      while (k > first && (isOrdinal(words[k - 1]!, words[k]) || isProper(words[k - 1]!))) k--;
      first = k;
    }
    // 中拉论坛第四届部长级会议: a session numbered under a forum or a body with no name of its own stays whole.
    const session = (k: number) => {
      const rest = words.slice(k + 1, h);
      return rest.some((x, i) => isOrdinal(x, rest[i + 1] ?? w)) && !rest.some((x) => isProper(x));
    };
    for (let k = h - 1; k >= first; k--)
      // 中关村论坛年会: the annual meeting of the forum just named.
      if (HEAD.test(words[k]!.word) && words[k]!.word !== "活动" && !session(k) && !(head === "年会" && k === h - 1)) {
        first = k + 1;
        if (first >= h) first = -1;
        break;
      }
    if (first < 0) continue;
    // 壮族三月三·嘉年华活动广西2026年壮族三月三·嘉年华活动: a headline run into the lead that repeats it.
    for (let k = first + 1; k < h; k++) {
      const again = text.slice(words[k]!.start, w.end);
      const opening = text.slice(words[first]!.start, words[first]!.start + again.length);
      if (again.length >= 4 && opening === again) {
        first = k;
        break;
      }
    }
    const mod = words.slice(first, h);
    const start = words[first]!.start;
    const modText = text.slice(start, w.start) + w.word.slice(0, -head.length);
    // 召开（扩大）会议: a bracketed word is no name's start.
    if (/^[（(]/.test(modText)) continue;
    const quoted = edge.quoted || /[“”‘’]/.test(modText);
    // “代表·局长面对面”活动: an activity is a meeting only when quoted.
    if (head === "活动" && text[w.start - 1] !== "”") continue;
    const ordinal = mod.some((x, i) => isOrdinal(x, mod[i + 1] ?? w));
    // 全国人民代表大会, 职工代表大会: without a session number a congress is the body, not a meeting.
    if (head === "代表大会" && !ordinal) continue;
    // 俄联邦会议, 联邦会议上院: a federal assembly is a parliament, not a meeting.
    if (/联邦会议$/.test(w.word) || (w.word === "会议" && mod.at(-1)?.word.endsWith("联邦"))) continue;
    const bare = modText.replace(/[“”‘’]/g, "");
    const core = mod.reduce((s, x, i) => (isOrdinal(x, mod[i + 1] ?? w) ? s.replace(x.word, "") : s), bare);
    const proper = mod.some((x) => isProper(x));
    // 采访部分大会, 参加有关会议: a generic word before the head makes the rest a description.
    if (mod.length && /^(?:部分|全部|有关|相关|上述|各|各类|这次|此次|本次|该|其他)$/.test(mod.at(-1)!.word)) continue;
    // 产业对接大会, 人工智能应用大赛: common words alone name a kind of meeting; a long name without a proper noun,
    // ordinal or quote needs its scope or organizer (全国…会议, 中央…会议, 省委…会议) to name one meeting.
    // A session under a forum just named (…北京峰会减贫合作和乡村振兴高级别会议) is qualified by it.
    // 沾益区召开优化营商环境工作推进会: a body or place that convenes it, named just before, also names one meeting.
    const convener = orgs
      .filter((o) => o.end <= start && start - o.end <= 10)
      .find((o) => /^[\d月日上下午晚]*(?:召开|举行|举办|主办|组织召开)了?的?$/.test(text.slice(o.end, start)));
    const scoped =
      convener !== undefined ||
      convened?.at === first ||
      /^\d{4}/.test(core) ||
      SCOPED.test(core.replace(/^[\d年]+/, "")) ||
      /^(?:nt|nz)$/.test(words[h]!.tag) ||
      first > edge.first ||
      orgs.some((o) => o.start === start && o.end <= w.end);
    if (!GENERIC.test(core) && (quoted || proper || ordinal || [...core].length >= 4)) {
      // 全国人大常委会举行第一百二十七次委员长会议: a numbered session with little name of its own is the convener's.
      const unnumbered = bare.replace(/^第[\d一二三四五六七八九十百千零两]+[次届期]/, "");
      const owner =
        convened?.at === first &&
        convened.by.type === "Organization" &&
        !proper &&
        unnumbered !== bare &&
        [...unnumbered].length < 4
          ? convened.by.canonical
          : "";
      const m = meeting(
        text,
        start,
        w.end,
        quoted ? "quoted-name" : "meeting-head",
        owner ? owner + text.slice(start, w.end) : undefined,
      );
      if (quoted || proper || ordinal || scoped) out.push(m);
      else unscoped.push(m);
      continue;
    }
    if (!QUALIFIABLE.test(w.word) && !QUALIFIABLE.test(head)) continue;
    // 市政府召开第十二次常务会议, 省政府新闻办3日举行的新闻发布会: the convening body names the meeting.
    const before = text.slice(Math.max(0, start - 20), start);
    if (convener) {
      out.push(meeting(text, start, w.end, "convened", convener.canonical + text.slice(start, w.end)));
      continue;
    }
    const conv = CONVENER.exec(before);
    if (conv) {
      out.push(meeting(text, start, w.end, "convened", conv[1]! + text.slice(start, w.end)));
      continue;
    }
    out.push(meeting(text, start, w.end, "generic"));
  }
  // A name of common words alone is the meeting the article names in full (全球首个人形机器人运动会 after
  // 2026世界人形机器人运动会), or a kind of meeting and dropped.
  for (const u of unscoped) {
    // …第三十二次领导人非正式会议 beside …第三十三次领导人非正式会议: a session number before it makes it another.
    if (/第[\d一二三四五六七八九十百零]+[次届]$/.test(text.slice(Math.max(0, u.start - 8), u.start))) continue;
    const full = out.find((k) => k.via !== "generic" && k.canonical.endsWith(u.canonical));
    if (full) out.push({ ...u, canonical: full.canonical, via: "same-as" });
  }
  const kept = firstOfOverlapping(out.sort(longestFirst));
  // A generic head the article also names in full (论坛 after 第五届丝路论坛) is that meeting.
  for (const g of kept.filter((k) => k.via === "generic")) {
    const head = HEAD.exec(g.canonical)?.[1] ?? g.canonical;
    const full = kept.find((k) => k.via !== "generic" && k.canonical.endsWith(head) && k.start < g.start);
    if (full) Object.assign(g, { canonical: full.canonical, via: "same-as" });
  }
  return kept;
}
