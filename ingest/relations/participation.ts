// Meetings: when each was held, who chaired, spoke at or attended it (PARTICIPATED_IN), who organized it
// (ORGANIZED_BY) and where (HELD_IN).
import type { EntityDoc, ParticipationRole } from "../../core/model.js";
import { lookupPlace } from "../gazetteer/places.js";
import { homeCodes } from "../mentions/places.js";
import type { ArticleContext, Mention } from "../mentions/types.js";
import { placeEntity } from "../resolve.js";
import { placeInName } from "./projects.js";
import type { RelateScope } from "./scope.js";

const ROLE_AFTER_NAME: Array<[RegExp, ParticipationRole[]]> = [
  [/^(?:主持(?:会议|召开)?并(?:讲话|作报告|致辞))/, ["chaired", "spoke"]],
  [/^主持/, ["chaired"]],
  [
    /^(?:出席(?:会议|活动)?并(?:讲话|致辞|发言|作报告)|讲话|致辞|作报告|发言|在[^，。]{2,40}上(?:讲话|强调|指出|表示|致辞))/,
    ["spoke"],
  ],
  // 习近平总书记在…集体学习时的重要讲话
  [/^(?:总书记|主席|同志|书记)?在[^，。]{2,40}(?:上|时)的?(?:重要)?讲话/, ["spoke"]],
  [/^(?:出席|参加|列席|参会)/, ["attended"]],
];

/** Decides each meeting's date before any meeting entity is built: ids of meetings carry it. */
export function dateMeetings(s: RelateScope): void {
  const { text, found } = s;
  const { sentences, dates } = found;
  // A date in the same sentence before the meeting, else the article's lead date for its first meeting.
  const leadDate = dates.find((d) => d.iso && d.start < (sentences[2]?.end ?? 200))?.iso ?? null;
  const meetings = found.mentions.filter((m) => m.type === "Meeting");
  for (const m of meetings) {
    const sent = s.sentence(m.start);
    const before = text.slice(sent.start, m.start);
    const d = dates.find((x) => x.start >= sent.start && x.end <= m.start && x.iso)?.iso ?? null;
    const referenced = /传达|学习|贯彻/.test(before.slice(-10)) || /^精神/.test(text.slice(m.end, m.end + 2));
    const early = m === meetings[0] || m.start < (sentences[1]?.end ?? 0);
    const date = referenced ? null : (d ?? (early ? leadDate : null));
    if (date || !s.meetingDate.has(m.canonical))
      s.meetingDate.set(m.canonical, date ?? s.meetingDate.get(m.canonical) ?? null);
  }
}

export function relateParticipation(s: RelateScope): void {
  const { text, found, article } = s;
  const { mentions, titles } = found;
  const meetings = mentions.filter((m) => m.type === "Meeting");
  const persons = mentions.filter((m) => m.type === "Person");
  const mainMeeting =
    meetings.find((m) => !/传达|学习|贯彻/.test(text.slice(Math.max(0, m.start - 6), m.start))) ?? null;
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
    const roles = ROLE_AFTER_NAME.find(([re]) => re.test(after))?.[1];
    const inSentence = meetings.find(
      (m) =>
        m.start >= sent.start &&
        m.end <= sent.end &&
        !/传达|学习/.test(text.slice(Math.max(sent.start, m.start - 6), m.start)),
    );
    // 习近平总书记在…集体学习时的讲话: a meeting inside the role phrase itself comes first.
    const rolePhrase = ROLE_AFTER_NAME.map(([re]) => re.exec(after)?.[0]).find(Boolean) ?? "";
    const phraseEnd = listEnd(p) + rolePhrase.length;
    const inPhrase = meetings.find((m) => m.start >= p.end && m.end <= phraseEnd);
    const target = inPhrase ?? inSentence ?? (roles ? mainMeeting : null);
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

  // Organizer inside the name or before 举行/召开; place from the name's scope (全市, 省委 …).
  const orgMentions = [...mentions, ...found.nested].filter((m) => m.type === "Organization");
  for (const m of meetings) {
    const id = s.entityOf(m).id;
    const sent = s.sentence(m.start);
    const inside = orgMentions.find((o) => o.start >= m.start && o.end <= m.end);
    const before = orgMentions
      .filter(
        (o) =>
          o.start >= sent.start &&
          o.end <= m.start &&
          m.start - o.end <= 6 &&
          /^[\d月日上下午]*(?:举行|召开|主办|举办)的?$/.test(text.slice(o.end, m.start)),
      )
      .at(-1);
    const organizer = inside ?? before;
    if (organizer) {
      const org = s.entityOf(organizer);
      s.entities.push(org);
      s.rel("ORGANIZED_BY", id, org.id, m.start);
    }
    const place = meetingPlace(m, text, s.ctx) ?? datelinePlace(text, s.ctx);
    if (place) {
      s.entities.push(place);
      s.rel("HELD_IN", id, place.id, m.start);
    }
  }
}

/** 新华社济南2月3日电: an agency story's dateline city, where its unplaced meetings were held. */
function datelinePlace(text: string, ctx: ArticleContext): EntityDoc | null {
  const m = /(?:新华社|中新社|人民日报)([\u4e00-\u9fff]{2,4}?)\d{1,2}月\d{1,2}日电/.exec(text.slice(0, 200));
  const d = m ? lookupPlace(m[1]!, { home: homeCodes(ctx) }, true) : null;
  return d ? placeEntity(d) : null;
}

function meetingPlace(m: Mention, text: string, ctx: ArticleContext): EntityDoc | null {
  const named = placeInName(m.canonical.replace(/^(全|中共)/, ""), ctx);
  if (named) return named;
  const at = /在([\u4e00-\u9fff]{2,8}?)(?:召开|举行|举办)/.exec(text.slice(Math.max(0, m.start - 20), m.start));
  if (at) {
    const d = lookupPlace(at[1]!, { home: homeCodes(ctx) }, true);
    if (d) return placeEntity(d);
  }
  const scope = /^(全市|市委|市政府|市)/.test(m.canonical)
    ? ctx.city
    : /^(全省|省委|省政府|省)/.test(m.canonical)
      ? ctx.province
      : null;
  if (!scope) return null;
  const d = lookupPlace(scope.name, { home: [] }, true);
  return d ? placeEntity(d) : null;
}
