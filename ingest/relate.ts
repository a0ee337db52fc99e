// The relate stage: from one article's mentions to entities and evidence-carrying relations — who holds which post,
// who chaired, spoke at or attended which meeting, where and by whom it was held, who runs which project and where.
import type {
  ArticleDoc,
  EntityDoc,
  ParticipationRole,
  PropertyValue,
  RelationDoc,
  RelationType,
} from "../core/model.js";
import { ancestors, lookupPlace } from "./gazetteer/places.js";
import type { ArticleMentions } from "./mentions/index.js";
import { findPlaces, homeCodes } from "./mentions/places.js";
import type { ArticleContext, Mention } from "./mentions/types.js";
import { entityFor, placeEntity } from "./resolve.js";
import { sentenceAt } from "./sentences.js";

export interface ArticleGraph {
  entities: EntityDoc[];
  relations: RelationDoc[];
}

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

export function relateArticle(article: ArticleDoc, found: ArticleMentions, ctx: ArticleContext): ArticleGraph {
  const { sentences, mentions, nested, titles, dates } = found;
  const text = article.text;
  const relations: RelationDoc[] = [];
  const entities: EntityDoc[] = [];
  const sentenceOf = (pos: number) => sentences[sentenceAt(sentences, pos)]?.text ?? "";
  const rel = (
    type: RelationType,
    source: string,
    target: string,
    at: number,
    properties: Record<string, PropertyValue> = {},
  ) =>
    relations.push({ type, source, target, properties, evidence: [{ article: article.id, sentence: sentenceOf(at) }] });

  // Meeting dates: a date in the same sentence before the meeting, else the article's lead date for its first meeting.
  const leadDate = dates.find((d) => d.iso && d.start < (sentences[2]?.end ?? 200))?.iso ?? null;
  const meetings = mentions.filter((m) => m.type === "Meeting");
  const meetingDate = new Map<string, string | null>();
  for (const m of meetings) {
    const s = sentences[sentenceAt(sentences, m.start)]!;
    const before = text.slice(s.start, m.start);
    const d = dates.find((x) => x.start >= s.start && x.end <= m.start && x.iso)?.iso ?? null;
    const referenced = /传达|学习|贯彻/.test(before.slice(-10)) || /^精神/.test(text.slice(m.end, m.end + 2));
    const early = m === meetings[0] || m.start < (sentences[1]?.end ?? 0);
    const date = referenced ? null : (d ?? (early ? leadDate : null));
    if (date || !meetingDate.has(m.canonical))
      meetingDate.set(m.canonical, date ?? meetingDate.get(m.canonical) ?? null);
  }
  const entityOf = (m: Mention) =>
    entityFor(m, ctx, m.type === "Meeting" ? (meetingDate.get(m.canonical) ?? null) : undefined);

  // MENTIONS with counts; nested organizations (a company inside its project's name) are entities too.
  const counts = new Map<string, number>();
  const namedInside = nested.filter(
    (n) => n.type === "Organization" || (n.type === "Place" && n.props.code && n.text === n.canonical),
  );
  for (const m of [...mentions, ...namedInside]) {
    const e = entityOf(m);
    entities.push(e);
    counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  }
  // The paper or agency that published the article is named by it (本报讯, 新华社…电).
  if (article.source) counts.set(`org:${article.source}`, counts.get(`org:${article.source}`) ?? 1);
  for (const [id, count] of counts) {
    const first = [...mentions, ...nested].find((m) => entityOf(m).id === id);
    rel("MENTIONS", article.id, id, first?.start ?? 0, { count });
  }

  // Bylines: the reporter REPORTED the article and is a reporter of the paper or agency.
  const source = article.source
    ? {
        id: `org:${article.source}`,
        type: "Organization" as const,
        name: article.source,
        aliases: [],
        kind: "media" as const,
      }
    : null;
  if (source) entities.push(source);
  for (const name of article.byline) {
    const p = { id: `person:${name}`, type: "Person" as const, name, aliases: [] };
    entities.push(p);
    const at = Math.max(0, text.indexOf(name));
    rel("REPORTED", p.id, article.id, at);
    const title = text.includes(`通讯员${name}`) ? "通讯员" : "记者";
    if (source && title === "记者") rel("HOLDS_POSITION", p.id, source.id, at, { title, asOf: article.date });
  }

  // Posts: each title of a chain links its person to the organization the title names.
  let chainOrg: EntityDoc | null = null;
  for (const [k, t] of titles.entries()) {
    if (!t.person) continue;
    // 市委常委、秘书长潘立新: a title without its own prefix inherits the one before it in the chain.
    const prev = titles[k - 1];
    if (!prev || prev.person !== t.person) chainOrg = null;
    const org: EntityDoc | null = t.org ? entityOf(t.org) : (impliedOrganization(t.title, ctx) ?? chainOrg);
    chainOrg = org;
    if (!org) continue;
    entities.push(org);
    rel("HOLDS_POSITION", `person:${t.person.canonical}`, org.id, t.person.start, {
      title: t.title,
      asOf: article.date,
    });
  }

  // Participation: the role word after a name, toward the meeting in the sentence or the article's own meeting.
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
    const s = sentences[sentenceAt(sentences, p.start)]!;
    const after = text.slice(listEnd(p), s.end);
    const roles = ROLE_AFTER_NAME.find(([re]) => re.test(after))?.[1];
    const inSentence = meetings.find(
      (m) =>
        m.start >= s.start && m.end <= s.end && !/传达|学习/.test(text.slice(Math.max(s.start, m.start - 6), m.start)),
    );
    // 习近平总书记在…集体学习时的讲话: a meeting inside the role phrase itself comes first.
    const rolePhrase = ROLE_AFTER_NAME.map(([re]) => re.exec(after)?.[0]).find(Boolean) ?? "";
    const phraseEnd = listEnd(p) + rolePhrase.length;
    const inPhrase = meetings.find((m) => m.start >= p.end && m.end <= phraseEnd);
    const target = inPhrase ?? inSentence ?? (roles ? mainMeeting : null);
    if (!target) continue;
    const meetingId = entityOf(target).id;
    // 在随后举行的座谈会上，李长萍听取了…: present at the meeting the sentence opens with.
    const opensWith =
      target.end <= p.start &&
      /^上?[，,]$/.test(text.slice(target.end, p.start)) &&
      /在[^，。]*$/.test(text.slice(s.start, target.start));
    for (const role of roles ?? (opensWith ? ["attended" as const] : [])) {
      rel("PARTICIPATED_IN", `person:${p.canonical}`, meetingId, p.start, { role });
    }
  }

  // Meetings: organizer inside the name or before 举行/召开; place from the name's scope (全市, 省委 …).
  const orgMentions = [...mentions, ...nested].filter((m) => m.type === "Organization");
  for (const m of meetings) {
    const id = entityOf(m).id;
    const s = sentences[sentenceAt(sentences, m.start)]!;
    const inside = orgMentions.find((o) => o.start >= m.start && o.end <= m.end);
    const before = orgMentions
      .filter(
        (o) =>
          o.start >= s.start &&
          o.end <= m.start &&
          m.start - o.end <= 6 &&
          /^[\d月日上下午]*(?:举行|召开|主办|举办)的?$/.test(text.slice(o.end, m.start)),
      )
      .at(-1);
    const organizer = inside ?? before;
    if (organizer) {
      const org = entityOf(organizer);
      entities.push(org);
      rel("ORGANIZED_BY", id, org.id, m.start);
    }
    const place = meetingPlace(m, text, ctx) ?? datelinePlace(text, ctx);
    if (place) {
      entities.push(place);
      rel("HELD_IN", id, place.id, m.start);
    }
  }

  // Projects: the company in the name runs it; a place in the name or the company's name locates it.
  for (const p of mentions.filter((m) => m.type === "Project")) {
    const pid = entityOf(p).id;
    const company = orgMentions.find((o) => o.start === p.start && o.props.kind === "company");
    if (company) rel("RUNS", entityOf(company).id, pid, p.start);
    const place = placeInName(p.canonical, ctx);
    if (place) {
      entities.push(place);
      rel("LOCATED_IN", pid, place.id, p.start);
    }
  }
  for (const o of orgMentions) {
    const place = placeInName(o.canonical.replace(/^中共/, ""), ctx);
    if (!place) continue;
    entities.push(place);
    rel("LOCATED_IN", entityOf(o).id, place.id, o.start);
  }

  // Place hierarchy from the division codes.
  const placeEntities = entities.filter((e) => e.type === "Place" && e.code);
  const firstMention = (id: string) => mentions.find((m) => m.type === "Place" && entityOf(m).id === id)?.start ?? 0;
  for (const e of placeEntities) {
    let child = e;
    for (const a of ancestors(e.code!.replace(/(00)+$/, ""))) {
      const parent = placeEntity(a);
      entities.push(parent);
      rel("PART_OF", child.id, parent.id, firstMention(e.id));
      child = parent;
    }
  }
  return { entities, relations };
}

/** 市长 with no prefix in a city paper is the city's mayor; 总书记 is the party's. */
function impliedOrganization(title: string, ctx: ArticleContext): EntityDoc | null {
  if (/市长$/.test(title) && ctx.city)
    return {
      id: `org:${ctx.city.name}人民政府`,
      type: "Organization",
      name: `${ctx.city.name}人民政府`,
      aliases: ["市政府"],
      kind: "government",
    };
  if (title === "总书记")
    return { id: "org:中共中央", type: "Organization", name: "中共中央", aliases: ["党中央"], kind: "party" };
  return null;
}

function placeInName(name: string, ctx: ArticleContext): EntityDoc | null {
  const hit = findPlaces(name, ctx).find((p) => p.start === 0 && p.props.code);
  if (!hit) return null;
  const d = lookupPlace(hit.canonical, { home: homeCodes(ctx) }, true);
  return d ? placeEntity(d) : null;
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
