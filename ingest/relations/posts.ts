// Posts: who holds which title at which organization (HOLDS_POSITION), from bylines, credits and title chains.
// A post the text marks as held before (时任, 原) carries `former: true`.
import type { EntityDoc, OrganizationKind } from "../../core/model.js";
import { bylineRole, credits } from "../bylines.js";
import { FOREIGN_COUNTRIES } from "../gazetteer/lexicon.js";
import type { Mention, TitleMention } from "../mentions/types.js";
import { publisherEntity } from "../resolve.js";
import type { RelateScope } from "./scope.js";

/** Credit lines at an article's end: （版式设计：张芳曼）, 摄影：…, 制图：…. */
const CREDIT =
  /[（(]?(版式设计|制图|摄影|图片|视频|监制|策划)\s*[:：]\s*([\u4e00-\u9fff]{2,4}(?:[、\s]+[\u4e00-\u9fff]{2,4})*)\s*[）)]?/g;

export function relatePosts(s: RelateScope): void {
  const { article, text, found } = s;
  const flat = text.replace(/[ \u3000\t]+/g, "");
  // Bylines: the reporter REPORTED the article and holds the post the byline gives at the paper's publisher.
  const publisher = article.source ? publisherEntity(article.source) : null;
  if (publisher) s.entities.push(publisher);
  for (const name of article.byline) {
    const p = { id: `person:${name}`, type: "Person" as const, name, aliases: [] };
    s.entities.push(p);
    const at = Math.max(0, text.indexOf(name));
    // The byline's role word (记者, 通讯员, 实习生, 见习记者, 摄影 …); a name the file's author field gave is a 记者.
    const title = bylineRole(name, text) ?? (new RegExp(`通讯员[^记者]{0,12}${name}`).test(flat) ? "通讯员" : "记者");
    s.rel("REPORTED", p.id, article.id, at, { role: title });
    if (publisher) s.rel("HOLDS_POSITION", p.id, publisher.id, at, { title });
  }
  // Photographers, map-makers and editors the article credits (（摄影 钱一鸣）, 制图：李想) reported it in that role.
  for (const { name, role } of credits(text)) {
    if (article.byline.includes(name)) continue;
    const p = { id: `person:${name}`, type: "Person" as const, name, aliases: [] };
    s.entities.push(p);
    s.rel("REPORTED", p.id, article.id, Math.max(0, text.indexOf(name)), { role });
  }
  if (publisher)
    for (const m of flat.matchAll(CREDIT)) {
      for (const name of m[2]!.split(/[、\s]+/)) {
        if (!/^[\u4e00-\u9fff]{2,4}$/.test(name)) continue;
        const p = { id: `person:${name}`, type: "Person" as const, name, aliases: [] };
        s.entities.push(p);
        s.rel("HOLDS_POSITION", p.id, publisher.id, Math.max(0, text.indexOf(name)), { title: m[1]! });
      }
    }

  holdersFromSubject(s);
  holdersInApposition(s);
  const listed = listedHolders(s);
  // Title chains: each title links its person to the organization the title names.
  const heldAt = new Map<string, EntityDoc>();
  for (const t of found.titles)
    if (t.person && t.org) heldAt.set(`${t.person.canonical}|${t.title}`, s.entityOf(t.org));
  // A title the article ties to one organization (县交通运输局的技术员…技术员黎石焕): its bare uses mean that one.
  const titleAt = new Map<string, EntityDoc | null>();
  for (const t of found.titles) {
    if (!t.org || t.org.type !== "Organization" || NATIONAL_TITLE.test(t.title)) continue;
    const org = s.entityOf(t.org);
    const seen = titleAt.get(t.title);
    titleAt.set(t.title, seen === undefined || seen?.id === org.id ? org : null);
  }
  let chainOrg: EntityDoc | null = null;
  for (const [k, t] of found.titles.entries()) {
    if (!t.person) continue;
    // 市委常委、秘书长潘立新: a title without its own prefix inherits the one before it in the chain, though a
    // government post never inherits a party body (中共中央政治局委员、国务委员 is a post of the State Council).
    const prev = found.titles[k - 1];
    if (!prev || prev.person !== t.person) chainOrg = null;
    // 河北省委书记倪岳峰、省长王正谱: the head of government of the party committee's own division.
    chainOrg = carriedOver(chainOrg, t);
    // 河北省委书记倪岳峰、省长王正谱: a bare head of government right after a party secretary of a division.
    const besideCommittee =
      !t.org && prev?.org && prev.person && /^[、，,]$/.test(text.slice(prev.person.end, t.start))
        ? carriedOver(s.entityOf(prev.org), t)
        : null;
    const org: EntityDoc | null = t.org
      ? s.entityOf(t.org)
      : (heldAt.get(`${t.person.canonical}|${t.title}`) ??
        chainOrg ??
        (besideCommittee?.kind === "government" ? besideCommittee : null) ??
        impliedOrganization(t, s) ??
        (t.person.start === t.end && bareTitle(text, t.start) ? (titleAt.get(t.title) ?? null) : null));
    chainOrg = org;
    if (!org) continue;
    s.entities.push(org);
    for (const holder of [t.person, ...(listed.get(t) ?? [])])
      s.rel("HOLDS_POSITION", `person:${holder.canonical}`, org.id, holder.start, {
        title: t.title,
        ...(t.former ? { former: true } : {}),
      });
  }
}

/**
 * A title with nothing of a body before it: after a pause, at the start, or after a function word (与技术员, 任技术员).
 * 外事委主任委员 is not bare: a body the reader did not know is written there, so the title is not another body's.
 */
function bareTitle(text: string, at: number): boolean {
  const before = text[at - 1] ?? "";
  return !/[\u4e00-\u9fff]/.test(before) || /[与和同及为任是由请向对给让被把在]/.test(before);
}

/** Heads of a body, which its party committee does not have (a village's 村委会主任 names its own body). */
const HEAD_POST =
  /^(?:常务)?副?(?:总经理|经理|行长|局长|厅长|部长|主任|院长|校长|所长|馆长|署长|司长|总裁|董事长|会长|社长|台长|总工程师|总会计师)$/;

/** Titles of the state and its paper, never read from another use of the same word in the article. */
const NATIONAL_TITLE = /^(?:总书记|主席|副主席|总理|副总理|委员长|记者|通讯员)$/;
const GOVERNMENT_POST = /(?:省长|市长|县长|区长|州长|旗长|镇长|乡长|总理|国务委员)$/;
const FOREIGN = new RegExp(`(?:${FOREIGN_COUNTRIES.join("|")}|外长|大使|党主席|劳动党|人民党|国大|总统)`);

/** The last article text read for FOREIGN: every name-first title of an article asks of the whole text. */
let foreignRead: { text: string; found: boolean } = { text: "", found: false };

/** Whether a text names a foreign country or party anywhere. */
function namesForeign(text: string): boolean {
  if (foreignRead.text !== text) foreignRead = { text, found: FOREIGN.test(text) };
  return foreignRead.found;
}

/**
 * A bare title whose organization the nation's usage makes certain: 总书记 is the party's, 市长 in a city paper
 * the city's. Never for a foreign leader: the sentence names another country or party before the title, or a
 * word stands before the title that no organization reading explained (越共中央总书记, 非国大总书记).
 */
function impliedOrganization(t: TitleMention, s: RelateScope): EntityDoc | null {
  const { text, ctx } = s;
  const sentence = s.sentence(t.start);
  const person = t.person!;
  const nameFirst = person.end === t.start;
  if (!nameFirst && /[\u4e00-\u9fff]/.test(text[t.start - 1] ?? "")) return null;
  // A name first (金正恩总书记) is the party's only in an article that names no foreign country or party.
  if (nameFirst ? namesForeign(text) : FOREIGN.test(text.slice(sentence.start, t.start))) return null;
  const title = t.title;
  // 副省长张红文 in an article about 安徽, 市长 in a city paper: the government of the paper's home or of the
  // place the article is about, at the title's level.
  const level = /省长$/.test(title)
    ? "province"
    : /市长$/.test(title)
      ? "city"
      : /[县区]长$/.test(title)
        ? "county"
        : null;
  const place =
    level === "province"
      ? (ctx.province ?? ctx.focus?.province)
      : level === "city"
        ? (ctx.city ?? ctx.focus?.city)
        : level === "county"
          ? ctx.focus?.county
          : null;
  if (place) {
    const short = { province: "省政府", city: "市政府", county: /区长$/.test(title) ? "区政府" : "县政府" }[level!];
    return governmentEntity(place.name, [short]);
  }
  if (title === "总书记")
    return { id: "org:中共中央", type: "Organization", name: "中共中央", aliases: ["党中央"], kind: "party" };
  return null;
}

/** Verbs that give the sentence's subject the posts after them: 2021年起任村党总支书记、村委会主任. */
const TAKES_POST = /(?:任|担任|出任|兼任|当选为?|做|当上|成为)$/;

/**
 * A chain of posts after 任/担任 with no name of its own belongs to the person the sentence is about: the last
 * person named before it in the same sentence (罗煜明是…本地人，…2021年任村党总支书记、村委会主任 → 罗煜明).
 */
function holdersFromSubject(s: RelateScope): void {
  const { text, found } = s;
  const persons = found.mentions.filter((m) => m.type === "Person");
  for (let k = 0; k < found.titles.length; k++) {
    const t = found.titles[k]!;
    const verb = TAKES_POST.exec(text.slice(Math.max(0, t.start - 3), t.start));
    if (t.person || !t.org || !verb) continue;
    // The sentence's subject holds the post only where the verb opens a clause of its own (…后，任…, 2021年任…);
    // a word glued before the verb is its own subject (莫迪连任, 其就任), named or not.
    const verbStart = t.start - verb[0].length;
    if (!/(?:[，,；、\s]|年|后|起|月|日|时|并|又|还|曾|先后)$/.test(text.slice(Math.max(0, verbStart - 2), verbStart)))
      continue;
    const sentence = s.sentence(t.start);
    // The last person the article names whose name stands in the sentence before the chain.
    let subject: Mention | undefined;
    for (const p of persons) {
      const at = text.lastIndexOf(p.canonical, t.start - p.canonical.length);
      if (at >= sentence.start && (!subject || at > subject.start))
        subject = { ...p, start: at, end: at + p.canonical.length };
    }
    if (!subject) continue;
    for (let j = k; j < found.titles.length; j++) {
      const cur = found.titles[j]!;
      if (j > k && !/^[、和及]$/.test(text.slice(found.titles[j - 1]!.end, cur.start))) break;
      if (cur.person) break;
      cur.person = subject;
    }
  }
}

/**
 * A post, then an apposition, then the name: 此瓦·陶工作室的主理人、蓟州本地青年司文叶. The person named within a few
 * words after the title's 、, with no verb or clause break between, holds it.
 */
function holdersInApposition(s: RelateScope): void {
  const { text, found } = s;
  const persons = found.mentions.filter((m) => m.type === "Person");
  for (const t of found.titles) {
    if (t.person || !t.org || text[t.end] !== "、") continue;
    const p = persons.find((q) => q.start > t.end && q.start - t.end <= 12);
    if (!p || /[，。；：！？]/.test(text.slice(t.end, p.start))) continue;
    const between = text.slice(t.end + 1, p.start);
    if (/(?:是|任|为|和|与|及)/.test(between) || found.titles.some((o) => o.start > t.end && o.end <= p.start))
      continue;
    t.person = p;
  }
}

/**
 * Names listed after a title's own name share the title: 国务院副总理丁薛祥、何立峰出席 → both. A listed name with a
 * title of its own right before it (…、副市长X) ends the list.
 */
function listedHolders(s: RelateScope): Map<TitleMention, Mention[]> {
  const { text, found } = s;
  const byStart = new Map(found.mentions.filter((m) => m.type === "Person").map((p) => [p.start, p]));
  const titledAt = new Set(found.titles.map((t) => t.person?.start));
  const out = new Map<TitleMention, Mention[]>();
  for (const t of found.titles) {
    if (!t.person || t.person.start !== t.end) continue;
    const more: Mention[] = [];
    let at = t.person.end;
    while (text[at] === "、") {
      const next = byStart.get(at + 1);
      if (!next || titledAt.has(next.start)) break;
      more.push(next);
      at = next.end;
    }
    // A list that does not end the clause (…、何立峰等) is still a list; one that runs into a title is not.
    if (more.length) out.set(t, more);
  }
  return out;
}

/** The people's government of the division a party committee leads (中共河北省委 → 河北省人民政府), or null. */
function governmentOf(committee: EntityDoc): EntityDoc | null {
  const m = /^中共(.+?[省市县区州旗])委$/.exec(committee.name);
  if (!m) return null;
  return governmentEntity(m[1]!);
}

/** The people's government of a division (河北省 → 河北省人民政府), with the short forms the text may use. */
function governmentEntity(division: string, aliases: string[] = []): EntityDoc {
  const name = `${division}人民政府`;
  return organizationEntity(name, aliases, "government");
}

/** An organization node a post names by its full name, with the kind the post tells when it tells one. */
function organizationEntity(name: string, aliases: string[] = [], kind?: OrganizationKind): EntityDoc {
  return { id: `org:${name}`, type: "Organization", name, aliases, ...(kind ? { kind } : {}) };
}

/**
 * The organization a title without its own inherits from the chain before it: none for a body of its own (国会主席);
 * for a head of government after a party committee, the government of the committee's division.
 */
function carriedOver(chainOrg: EntityDoc | null, t: TitleMention): EntityDoc | null {
  if (t.standalone || !chainOrg) return null;
  if (chainOrg.kind === "party" && GOVERNMENT_POST.test(t.title)) return governmentOf(chainOrg);
  // 古灶村党委书记、村委会主任: a title that names its own body of the same village is that body's.
  const own = /^(村委会|居委会|村民委员会|居民委员会)/.exec(t.title);
  const village = /^(.+?(?:村|社区))(?:党委|党支部|党总支|党总支部)$/.exec(chainOrg.name);
  if (own && village) return organizationEntity(village[1]! + own[1]!, [], "other");
  // 人民银行党委委员、副行长: a post that is no party post belongs to the body whose committee the chain named.
  const body = /^(.{3,})(?:党委|党组)$/.exec(chainOrg.name);
  if (body && HEAD_POST.test(t.title) && !/(?:省|市|县|区|州|旗|镇|乡|村|社区|街道|嘎查)$/.test(body[1]!))
    return organizationEntity(body[1]!);
  return chainOrg;
}
