// Meetings: when each was held (its date decides its identity), who chaired, spoke at or attended it
// (PARTICIPATED_IN), who organized it (ORGANIZED_BY) and where (HELD_IN).
import type { EntityDoc, ParticipationRole } from "../../core/model.js";
import { lookupPlace } from "../gazetteer/places.js";
import { congressDate } from "../gazetteer/congresses.js";
import { homeCodes } from "../context.js";
import type { ArticleContext, Mention } from "../mentions/types.js";
import { placeEntity } from "../resolve.js";
import { mostSpecific, placeMentions, placesAfter, subjectPlace } from "./event-places.js";
import { placeInName, withListed } from "./projects.js";
import type { RelateScope } from "./scope.js";

/** A meeting head with at most a generic word or a sitting number before it: 座谈会, 新闻发布会, 第一次全体会议. */
const HEAD_ONLY =
  /^(?:这次|此次|本次|该|专题|新闻|视频|主|分|首场|第[一二三四五六七八九十百\d]+次)?(?:座谈会|发布会|推进会|调度会|现场会|观摩会|动员会|部署会|报告会|恳谈会|洽谈会|研讨会|交流会|推介会|见面会|论坛|峰会|博览会|全体会议|常务会议|集体学习|会议)$/;
const ROLE_AFTER_NAME: Array<[RegExp, ParticipationRole[]]> = [
  [/^(?:主持(?:会议|召开)?并(?:讲话|作报告|致辞))/, ["chaired", "spoke"]],
  [/^主持/, ["chaired"]],
  [
    /^(?:出席(?:会议|活动)?并(?:讲话|致辞|发言|作报告)|讲话|致辞|作报告|发言|在[^，。]{2,40}上(?:讲话|强调|指出|表示|致辞))/,
    ["spoke"],
  ],
  // 习近平总书记在…集体学习时的重要讲话
  [/^(?:总书记|主席|同志|书记)?在[^，。]{2,40}(?:上|时)的?(?:重要)?讲话/, ["spoke"]],
  // 参加会见/会谈 joins a call on a visitor, not the meeting the article reports.
  [/^(?:出席|参加|列席|参会|参赛)(?!会见|会谈|会晤|接见)/, ["attended"]],
  // 组织学生参加“未来之城”大赛, 带队参赛
  [/^[^，。]{0,8}?(?:组织|带领|率领|带队)[^，。]{0,8}?(?:参加|参赛|参与)/, ["attended"]],
];
const OTHER_EVENT =
  /仪式|开幕式|闭幕式|招待会|宴会|晚会|典礼|展览|成就展|委员长会议|见面会|升旗|会见|会谈|座谈会|上述(?:活动|访问)/;
const LEADS_IN = /^[^。！？]{0,40}?(?:组织|带领|率领|带队)[^，。]{0,8}?(?:参加|参赛|参与)/;
/** A sentence that opens inside the meeting just named (会上，… / 活动中，…): speakers there spoke at it. */
const OPENS_INSIDE =
  /^(?:“[^”]*”)?(?:在)?(?:会上|会议上|会议中|活动中|活动上|论坛上|大会上|峰会上|座谈会上|发布会上|评选中|比赛中|大赛上)[，,]/;
const SPEAKS = /^[^，。]{0,4}?(?:提出|表示|介绍|强调|指出|说|发言|讲话|建议|谈到)/;
/** Words that refer to a meeting held before (贯彻落实…会议精神, 党的十八大以来): such a meeting gets no date here. */
const REFERRED_BEFORE = /(?:传达|学习|贯彻|落实|按照|根据|依据|遵循|对标|围绕)[^，。；]*$|自[^，。]{0,6}$/;
const REFERRED_AFTER = /^(?:精神|以来|决策部署|部署|要求|报告|上的讲话|确定的|提出的|作出的)/;
/** Signs that the article reports the meeting itself (召开, 举行, 开幕, 在…上). */
const HELD = /^[^，。]{0,6}?(?:召开|举行|举办|开幕|闭幕|启幕|开班|揭晓|落幕)|^上[，,]/;
const ORGANIZER_VERB = /^(?:[\d月日上下午晚]{0,6})(?:共同|联合)?(?:主办|承办|协办|举办|召开|举行|组织召开|主持召开)/;
const ORGANIZER_NAMED =
  /(?:^|由|、|和|与)([^由、，。；“”的\s]{2,20}?(?:协会|学会|研究院|研究所|科学院|大学|学院|委员会|部|局|厅|政府|中心|集团|公司|报社|总台|商会|联合会))(?:共同|联合)?(?:主办|承办|协办)/g;
const HELD_AT = /^[^，。；]{0,3}?在[^，。；]{2,20}?(?:举行|召开|举办|开幕|闭幕|揭晓)/;
const HOST_VERB = /(?:举办|承办|举行|召开|主办)/;
/** A sentence that says "here is" (这里是, 此地是) and a meeting followed by the word for its site (举办地). */
const HERE_IS = /(?:这里|此地|这儿|当地|该地)(?:也|还|已|曾)?(?:是|成为|成了)/;
const HOST_SITE = /^[^，。；]{0,4}?的?(?:永久|固定|主)?(?:举办地|召开地|举办场地|会址|主办地|落户地)/;
/** 在这里举办的…大会 / …大会在当地举行. */
const HELD_HERE = /在(?:这里|此地|当地|本地|该地)(?:成功|连续|先后|多次)?(?:举办|举行|召开)(?:了|的|过)?[“]?$/;
const HELD_HERE_AFTER = /^[^，。；]{0,3}?在(?:这里|此地|当地|本地)(?:举办|举行|召开|开幕)/;

/** Decides each meeting's date before any meeting entity is built (ids carry it); drops generic meetings left undated. */
export function dateMeetings(s: RelateScope): void {
  const { text, found } = s;
  const { sentences, dates } = found;
  const leadDate = dates.find((d) => d.iso && d.start < (sentences[2]?.end ?? 200))?.iso ?? null;
  const meetings = found.mentions.filter((m) => m.type === "Meeting");
  const undated = new Set<Mention>();
  for (const m of meetings) {
    const fixed = congressDate(m.canonical);
    if (fixed) {
      s.meetingDate.set(m.canonical, fixed);
      continue;
    }
    const sent = s.sentence(m.start);
    const before = text.slice(sent.start, m.start);
    const referred = REFERRED_BEFORE.test(before) || REFERRED_AFTER.test(text.slice(m.end, m.end + 6));
    // The last date before the meeting in its sentence; of a range (9月22日至25日) its first day.
    // A date inside a body's meeting (政治局9月11日召开会议) is its own; a date before another meeting named in
    // between (…9月11日召开会议，决定召开五中全会) is that meeting's.
    const within = m.via === "body-convened" ? m.end : m.start;
    const earlier = dates.filter(
      (x) =>
        x.start >= sent.start &&
        x.end <= within &&
        x.iso &&
        !meetings.some((o) => o !== m && o.end > x.start && o.end <= m.start),
    );
    let last = earlier.at(-1);
    if (last && earlier.length > 1 && /[至到—-]$/.test(text.slice(sent.start, last.start))) last = earlier.at(-2);
    // 决定召开二十届五中全会, 明年主办…峰会: a meeting decided on or to come is not held in the story (its date, if
    // any, follows 于).
    const decidedAt = /(?:决定|建议|定于|拟于|明年|后年|将于)[^，。；]{0,20}$/.exec(before);
    const decided = decidedAt !== null;
    // 11月1日，…宣布将于明年…举办: a date before the announcement is the announcement's, not the meeting's.
    if (decidedAt && last && last.start < sent.start + decidedAt.index) last = undefined;
    const d = last?.iso ?? null;
    const held =
      m.via === "body-convened" ||
      (!decided &&
        (HELD.test(text.slice(m.end, m.end + 12)) || /(?:召开|举行|举办|出席|主持|参加)[^，。]{0,4}$/.test(before)));
    const early = m === meetings[0] || m.start < (sentences[1]?.end ?? 0);
    const date = referred ? null : (d ?? (early && held ? leadDate : null));
    if (date || !s.meetingDate.has(m.canonical))
      s.meetingDate.set(m.canonical, date ?? s.meetingDate.get(m.canonical) ?? null);
  }
  for (const m of meetings)
    // 政治局召开会议 with no date: one of many meetings of the body, none one can tell apart.
    if (m.via === "body-convened" && !s.meetingDate.get(m.canonical)) undated.add(m);
    else if (m.via === "generic") {
      const date = s.meetingDate.get(m.canonical);
      if (!date) undated.add(m);
      else {
        // 座谈会 of 2023-02-03 in 聊城市: a generic name is one meeting only with its date and place (a local
        // paper's own city where the text names none). A bare head (座谈会, 论坛) elsewhere than the paper's own
        // city names no meeting one can tell apart: a national paper's 座谈会（涿州市） is dropped.
        const place = meetingPlace(s, m)?.name ?? s.ctx.city?.name;
        if (!place || (HEAD_ONLY.test(m.canonical) && place !== s.ctx.city?.name)) undated.add(m);
        else {
          m.canonical = `${m.canonical}（${place}）`;
          s.meetingDate.set(m.canonical, date);
        }
      }
    }
  if (undated.size) found.mentions = found.mentions.filter((m) => !undated.has(m));
}

/** 宣布中方将于明年在深圳举办…会议: a meeting the clause says will be held is not one anybody attended yet. */
function hostedLater(before: string): boolean {
  const clause = before.slice(Math.max(before.lastIndexOf("，"), before.lastIndexOf("；")) + 1);
  return /(?:将|将于|将在|定于|拟于|明年|下一届|下届)[^，。；]*?(?:举办|举行|召开|主办|承办)[^，。；]*$/.test(clause);
}

export function relateParticipation(s: RelateScope): void {
  const { text, found, article } = s;
  const { mentions, titles } = found;
  const meetings = mentions.filter((m) => m.type === "Meeting");
  const persons = mentions.filter((m) => m.type === "Person");
  // The meeting the article reports: held in it (dated here), not a congress or a meeting it refers to.
  const mainMeeting =
    meetings.find(
      (m) =>
        !/传达|学习|贯彻/.test(text.slice(Math.max(0, m.start - 6), m.start)) &&
        m.via !== "congress" &&
        !hostedLater(text.slice(s.sentence(m.start).start, m.start)) &&
        Boolean(s.meetingDate.get(m.canonical)),
    ) ?? null;
  // Where a list of people that shares one verb ends: 王刚、张建军、郭守印参加 or 市长韩素梅，市委常委、常务副市长秦立国参加.
  const titleStart = new Map<number, number>();
  for (const t of titles) if (t.person && !titleStart.has(t.person.start)) titleStart.set(t.person.start, t.start);
  const listEnd = (p: Mention) => {
    let end = p.end;
    for (const q of persons) {
      if (q.start <= end) continue;
      const sep = text[end];
      const titled = titleStart.get(q.start);
      if (q.start === end + 1 && sep === "、") end = q.end;
      else if (titled === end + 1 && (sep === "，" || sep === "、")) end = q.end;
      else if (q.start > end + 1) break;
    }
    return end;
  };
  const bylined = new Set(article.byline);
  for (const p of persons) {
    if (bylined.has(p.canonical)) continue;
    const sent = s.sentence(p.start);
    const after = text.slice(listEnd(p), sent.end);
    let roles = ROLE_AFTER_NAME.find(([re]) => re.test(after))?.[1];
    // 徐翔老师…，便着手组织学生参加“未来之城”大赛: the same subject later in its sentence, no other person between.
    const led = LEADS_IN.exec(after);
    if (!roles && led && !persons.some((q) => q.start > p.end && q.start < listEnd(p) + led[0].length))
      roles = ["attended"];
    const inSentence = meetings.find(
      (m) =>
        m.start >= sent.start &&
        m.end <= sent.end &&
        !/传达|学习|决定|定于/.test(text.slice(Math.max(sent.start, m.start - 6), m.start)) &&
        !REFERRED_AFTER.test(text.slice(m.end, m.end + 6)) &&
        !hostedLater(text.slice(sent.start, m.start)),
    );
    // 习近平总书记在…集体学习时的讲话: a meeting inside the role phrase itself comes first.
    const rolePhrase = ROLE_AFTER_NAME.map(([re]) => re.exec(after)?.[0]).find(Boolean) ?? "";
    const phraseEnd = listEnd(p) + rolePhrase.length;
    const inPhrase = meetings.find((m) => m.start >= p.end && m.end <= phraseEnd);
    // 活动中，苍梧县人大代表莫劲林提出…: the sentence opens inside the meeting named last before it.
    const opensInside = OPENS_INSIDE.test(sent.text) ? meetings.filter((m) => m.end <= sent.start).at(-1) : undefined;
    if (opensInside && !inSentence && SPEAKS.test(after)) roles = ["spoke"];
    // 出席开幕式, 招待会由…主持: a role at another kind of event does not fall back to the article's meeting.
    const otherEvent = OTHER_EVENT.test(sent.text);
    const target = inPhrase ?? inSentence ?? opensInside ?? (roles && !otherEvent ? mainMeeting : null);
    if (!target) continue;
    const meetingId = s.entityOf(target).id;
    // 在随后举行的座谈会上，李长萍听取了…: present at the meeting the sentence opens with.
    const opensWith =
      target.end <= p.start &&
      /^上?[，,]$/.test(text.slice(target.end, p.start)) &&
      /在[^，。]*$/.test(text.slice(sent.start, target.start));
    for (const role of roles ?? (opensWith ? ["attended" as const] : [])) {
      s.rel("PARTICIPATED_IN", `person:${p.canonical}`, meetingId, p.start, { role });
    }
  }

  const orgMentions = [...mentions, ...found.nested].filter((m) => m.type === "Organization");
  const done = new Set<string>();
  for (const m of meetings) {
    const id = s.entityOf(m).id;
    const sent = s.sentence(m.start);
    // Organizer: inside the name (省委农村工作会议), or before 主办/承办/举办/召开 in the same clause
    // (由中国社会科学院主办、考古研究所承办的“…”评选).
    const organizers = orgMentions.filter(
      (o) =>
        (o.start >= m.start && o.end <= m.end && o.start === m.start) ||
        (o.start >= sent.start &&
          o.end <= m.start &&
          ORGANIZER_VERB.test(text.slice(o.end, m.start)) &&
          !/[，。；！？]/.test(text.slice(o.end, m.start)) &&
          !meetings.some((x) => x !== m && x.start >= o.end && x.end <= m.start)),
    );
    // 由中国作家协会主办、…承办的: an organizer the finders did not name, read from its suffix.
    const clause = Math.max(
      sent.start,
      text.lastIndexOf("，", m.start - 1) + 1,
      text.lastIndexOf("；", m.start - 1) + 1,
    );
    for (const x of text.slice(clause, m.start).matchAll(ORGANIZER_NAMED)) {
      const start = clause + x.index + x[0].indexOf(x[1]!);
      const end = start + x[1]!.length;
      if (
        organizers.some((o) => o.start < end && start < o.end) ||
        orgMentions.some((o) => o.start < end && start < o.end)
      )
        continue;
      organizers.push({ type: "Organization", start, end, text: x[1]!, canonical: x[1]!, props: {}, via: "organizer" });
    }
    // A、B和C共同举办: every organization of the list before an organizer organized it too.
    for (const o of withListed(text, orgMentions, organizers)) {
      const org = s.entityOf(o);
      if (done.has(`${id}>${org.id}`)) continue;
      done.add(`${id}>${org.id}`);
      s.entities.push(org);
      s.rel("ORGANIZED_BY", id, org.id, m.start);
    }
    const place = meetingPlace(s, m);
    if (place && !done.has(`${id}@${place.id}`)) {
      done.add(`${id}@${place.id}`);
      s.entities.push(place);
      s.rel("HELD_IN", id, place.id, m.start);
    }
  }
}

/**
 * Where a meeting was held: 在X举行 after or before it, the place in its name, a scope word (全市, 省委), the place
 * that opens the sentence as host (达州…成功举办…大赛), the dateline of an agency or paper's own story.
 */
function meetingPlace(s: RelateScope, m: Mention): EntityDoc | null {
  const { text, ctx } = s;
  const after = mostSpecific(s, placesAfter(s, m.end, HELD_AT));
  if (after) return after;
  const sent = s.sentence(m.start);
  // 这里是…大会举办地, 在当地举行的…: "here" is the county (else the city) the article is about.
  const here =
    (HERE_IS.test(text.slice(sent.start, m.start)) && HOST_SITE.test(text.slice(m.end, m.end + 6))) ||
    HELD_HERE.test(text.slice(Math.max(sent.start, m.start - 12), m.start)) ||
    HELD_HERE_AFTER.test(text.slice(m.end, m.end + 10));
  const focus = ctx.focus?.county ?? ctx.focus?.city;
  const local = here && focus ? lookupPlace(focus.name, { home: [] }, true) : null;
  if (local) return placeEntity(local);
  const at = /在([^，。；]{2,20}?)(?:共同|联合)?(?:召开|举行|举办)(?:了|的)?[“]?$/.exec(
    text.slice(Math.max(sent.start, m.start - 30), m.start),
  );
  if (at) {
    const from = m.start - at[0].length;
    const inside = placeMentions(s).filter((p) => p.start >= from && p.end <= from + at[0].length);
    const best = mostSpecific(s, inside);
    if (best) return best;
  }
  const named = placeInName(m.canonical.replace(/^(全|中共)/, ""), ctx);
  if (named) return named;
  const scope = /^(全市|市委|市政府|市)/.test(m.canonical)
    ? ctx.city
    : /^(全省|省委|省政府|省)/.test(m.canonical)
      ? ctx.province
      : null;
  if (scope) {
    const d = lookupPlace(scope.name, { home: [] }, true);
    if (d) return placeEntity(d);
  }
  const host = subjectPlace(s, m.start, HOST_VERB);
  if (host) return s.entityOf(host);
  return s.meetingDate.get(m.canonical) ? datelinePlace(text, ctx) : null;
}

/** 新华社济南2月3日电, 本报北京2月19日电: the dateline city of a story, where its dated meetings were held. */
function datelinePlace(text: string, ctx: ArticleContext): EntityDoc | null {
  const m = /(?:新华社|中新社|人民日报|本报)([\u4e00-\u9fff]{2,4}?)\d{1,2}月\d{1,2}日电/.exec(text.slice(0, 300));
  const d = m ? lookupPlace(m[1]!, { home: homeCodes(ctx) }, true) : null;
  return d ? placeEntity(d) : null;
}
