// The mentions stage: every rule (and the trained model, when loaded) over one article's text.
import type { ArticleDoc } from "../../core/model.js";
import { splitSentences, type Sentence } from "../sentences.js";
import { findDates, type DateMention } from "./dates.js";
import { findMeetings, findProjects } from "./events.js";
import { articleFocus } from "./focus.js";
import { findForeignBodies } from "./foreign-bodies.js";
import { relativePlace } from "./org-reader.js";
import { findOrganizations } from "./organizations.js";
import { opensName } from "./org-reader.js";
import {
  nameEnd,
  freeStanding,
  givenNamePlausible,
  indexWords,
  inPersonContext,
  looksLikeName,
  nameAt,
  surnameAt,
  wordAt,
  wordsIn,
  type WordIndex,
} from "./person-names.js";
import { findPersons } from "./persons.js";
import { findTitles } from "./titles.js";
import { FOREIGN_COUNTRIES, ORG_SUFFIXES } from "../gazetteer/lexicon.js";
import { lookupPlace } from "../gazetteer/places.js";
import { wordBoundaries, wordsOf, type Segmenter } from "../segmenter.js";
import { findPlaces, homeCodes } from "./places.js";
import { longestFirst, overlaps, type ArticleContext, type Mention, type TitleMention } from "./types.js";

export type { ArticleContext, Mention, TitleMention } from "./types.js";

/** A model that proposes extra PER/LOC/ORG spans (the trained tagger); rules keep priority where spans overlap. */
export interface SpanTagger {
  tag(text: string): Array<{ start: number; end: number; type: "PER" | "LOC" | "ORG" }>;
}

export interface ArticleMentions {
  sentences: Sentence[];
  /** Top-level mentions: what the article names, no span inside another of the same reading. */
  mentions: Mention[];
  /** Places and organizations inside longer names (茌平 in 茌平信发华兴化工有限公司): used for relations only. */
  nested: Mention[];
  titles: TitleMention[];
  dates: DateMention[];
}

const PRIORITY: Record<Mention["type"], number> = { Person: 0, Meeting: 1, Project: 2, Organization: 3, Place: 4 };

export function findMentions(
  article: ArticleDoc,
  ctx: ArticleContext,
  tagger?: SpanTagger,
  segmenter?: Segmenter,
): ArticleMentions {
  const text = article.text;
  const places = findPlaces(text, ctx, segmenter);
  // The places the article names most complete its context (short forms such as 县交通运输局 resolve against
  // them); the relate stage reads the same context object.
  ctx.focus = articleFocus(places);
  const foreign = findForeignBodies(text);
  const orgs = [
    ...foreign,
    ...findOrganizations(text, ctx, places, segmenter ? wordsOf(segmenter, text) : undefined).filter(
      (o) => !foreign.some((f) => overlaps(f, o)),
    ),
  ].sort((a, b) => a.start - b.start);
  // The model's spans and the article's words are read once and shared by the finders that use them.
  const tagged = tagger ? tagger.tag(text) : [];
  const words = segmenter ? indexWords(wordsOf(segmenter, text)) : undefined;
  const modelNames = new Map(tagged.filter((t) => t.type === "PER").map((t) => [t.start, t.end]));
  // The tagger's organizations where no rule read one can carry a title too (省住房城乡建设厅厅长贾尚宏).
  const bounds = segmenter ? wordBoundaries(segmenter, text) : null;
  const modelOrgs = modelMentions(
    text,
    tagged.filter((t) => t.type === "ORG"),
    ctx,
  ).filter((m) => !orgs.some((o) => overlaps(o, m)) && (!bounds || (bounds.has(m.start) && bounds.has(m.end))));
  const titles = findTitles({
    text,
    orgs: [...orgs, ...modelOrgs].sort((a, b) => a.start - b.start),
    places,
    words,
    modelNames,
  });
  const persons = findPersons(text, titles, article.byline, words);
  // Foreign names read on over the parts the segmenter or the tagger cut off (安杰伊·杜达, 拉马福萨).
  const foreignAt = new Set(titles.flatMap((t) => (t.person && foreignTitle(t) ? [t.person.start] : [])));
  for (const p of [...persons, ...titles.flatMap((t) => (t.person ? [t.person] : []))])
    extendName(text, p, words, foreignAt.has(p.start));
  const meetings = findMeetings(text, segmenter, [...orgs, ...places]);
  const projects = findProjects(text, segmenter, [...orgs, ...places]);

  // A far county whose name ends a home county the article also names is that county with a character lost in
  // layout (唐县 beside 高唐县).
  const home = homeCodes(ctx);
  for (const p of places) {
    if (p.props.level !== "county" || !p.props.code || home.some((h) => p.props.code!.startsWith(h))) continue;
    const fuller = places.find(
      (q) =>
        q !== p && q.canonical.endsWith(p.canonical) && q.props.code && home.some((h) => q.props.code!.startsWith(h)),
    );
    if (fuller) Object.assign(p, { canonical: fuller.canonical, props: { ...fuller.props }, via: "truncated" });
  }
  const candidates = [...persons, ...meetings, ...projects, ...orgs, ...places];
  if (tagger) {
    // A model span that starts or ends inside a word the segmenter found is a fragment, not a name.
    const whole = (m: Mention) => !bounds || (bounds.has(m.start) && bounds.has(m.end));
    candidates.push(
      ...modelMentions(text, tagged, ctx).filter(
        (m) =>
          whole(m) &&
          (m.type !== "Organization" || !segmenter || opensName(text, m.start, m.end, wordsOf(segmenter, text))) &&
          (m.type !== "Person" ||
            ((!words || (looksLikeName(m.start, m.end, words) && inPersonContext(text, m.start, m.end, words))) &&
              // The tagger's name without a Chinese surname is as often a city or a thing (敖德萨, 阿帕奇) as a
              // person; foreign people come in through their titles.
              surnameAt(m.text, 0) > 0 &&
              !/(?:同志|先生|女士)$/.test(m.text) &&
              // In a list of names (…、楼阳生、蓝佛安、…) the list vouches for rare given-name characters.
              (givenNamePlausible(m.text) || text[m.start - 1] === "、" || text[m.end] === "、") &&
              freeStanding(text, m.end))),
      ),
    );
  }
  // What reads as an organization but names none is dropped (notABody).
  for (let k = candidates.length - 1; k >= 0; k--)
    if (candidates[k]!.type === "Organization" && notABody(text, candidates[k]!, words, places))
      candidates.splice(k, 1);
  // Rules before the model; then by type; longer spans first, so a name wins over the shorter names inside it.
  // A model organization that only a rule's place overlaps, at its start (蓟州团区委 over 蓟州), is a name that
  // begins with its place: it goes with the rules, and the place stays inside it.
  const ruleNames = [...persons, ...meetings, ...projects, ...orgs];
  const articleWords = segmenter ? wordsOf(segmenter, text) : [];
  const startsWithPlace = (m: Mention) =>
    m.type === "Organization" &&
    places.some((p) => p.start === m.start && p.end < m.end) &&
    !places.some((p) => p.start < m.end && m.end < p.end) &&
    !ruleNames.some((r) => r.start < m.end && m.start < r.end) &&
    // The rest after the place is one word ending in an organization word (团区委), not a phrase (市委部署).
    places.some(
      (p) =>
        p.start === m.start && articleWords.some((w) => w.start === p.end && w.end === m.end && ORG_END.test(w.word)),
    );
  const promoted = new Set(candidates.filter((m) => m.via === "model" && startsWithPlace(m)));
  const fromModel = (m: Mention) => (m.via === "model" && !promoted.has(m) ? 1 : 0);
  candidates.sort((a, b) => fromModel(a) - fromModel(b) || PRIORITY[a.type] - PRIORITY[b.type] || longestFirst(a, b));
  const top: Mention[] = [];
  const nested: Mention[] = [];
  for (const m of candidates) {
    const host = top.find((t) => t.start < m.end && m.start < t.end);
    if (!host) top.push(m);
    else if (
      m.start >= host.start &&
      m.end <= host.end &&
      host !== m &&
      (m.type === "Place" || m.type === "Organization")
    ) {
      if (m.via === "model" && m.type === "Organization" && host.type === "Organization" && host.via !== "model") {
        // The model's organization inside a rule's: a company name the suffix rule ran left past its start in
        // unpunctuated text (此次签约包括中粮集团) is cut where the model starts it; any other is a fragment or a
        // short form of the rule's name (改革委员会 in 山东省发展和改革委员会, 市工信局 in the 聊城市工业和信息化局 it
        // was expanded to), not a second organization.
        // A place right before the model's start belongs to the name (河南省 in 河南省安阳市…有限公司).
        const placeBefore = places.some((p) => p.end === m.start && p.start >= host.start);
        if (host.via === "company-suffix" && m.end === host.end && m.start > host.start && !placeBefore)
          Object.assign(host, { start: m.start, text: m.text, canonical: m.canonical });
        // The model's place inside a rule's place is a fragment of it (力斯台村 in 东海力斯台村): dropped.
      } else if (!(m.via === "model" && m.type === "Place" && host.type === "Place")) nested.push(m);
    }
  }

  top.sort((a, b) => a.start - b.start);
  return { sentences: splitSentences(text), mentions: top, nested, titles, dates: findDates(text, article.date) };
}

const MODEL_TYPE = { PER: "Person", LOC: "Place", ORG: "Organization" } as const;

const ORG_END = new RegExp(`(${ORG_SUFFIXES.join("|")})$`);

/**
 * The model's spans fill what the rules miss, kept only where they look like names of their type: a surname and a
 * short given name, a division or a place word, a name ending in an organization word. The graph prefers a missed
 * mention to a wrong node.
 */
export function plausible(type: "PER" | "LOC" | "ORG", surface: string, ctx: ArticleContext): boolean {
  if (!/^[\u4e00-\u9fff·]+$/.test(surface)) return false;
  const n = [...surface].length;
  if (type === "PER") return n >= 2 && n <= 4 && nameAt(surface, 0) === surface;
  if (type === "LOC")
    return farShortCounty(surface, ctx)
      ? false
      : Boolean(lookupPlace(surface, { home: homeCodes(ctx) })) ||
          // A town, village, street or community by its suffix; 数字乡村, 特色小镇 are none.
          (n >= 3 &&
            /(?:[镇乡村岛]|街道|社区|嘎查|苏木|水库)$/.test(surface) &&
            !/(?:乡村|农村|山村|渔村|小镇|古镇|城镇|乡镇|水乡|家乡)$/.test(surface));
  return n >= 4 && ORG_END.test(surface);
}

/** A two-character county name from far away (兴县, 唐县) is too often part of a longer word to trust alone. */
function farShortCounty(surface: string, ctx: ArticleContext): boolean {
  const d = lookupPlace(surface, { home: homeCodes(ctx) });
  return surface.length === 2 && d?.level === "county" && !homeCodes(ctx).some((h) => d.code.startsWith(h));
}

/**
 * Whether an organization's span names no body: a class of bodies after 各, 多家, 这些 (鼓励各国际单项体育联合会…);
 * a place and 一 before a head, which describes one of a kind (美国丹佛一摩托车俱乐部, 萨那一商业中心) — a school
 * or hospital numbered after its place (德令哈一中, 市一院) keeps its 一; a verb of saying or of holding an event
 * inside it (俄称打击乌侦察中心, 大会隆重举行中共中央), which runs a headline or a clause into a name — an unknown
 * word glued from the verb and the name after it (称希法) counts as the verb.
 */
function notABody(text: string, m: Mention, words: WordIndex | undefined, places: Mention[]): boolean {
  if (CLASS_BEFORE.test(text.slice(Math.max(0, m.start - 3), m.start))) return true;
  // 50个国家临床医学研究中心 read from its second word: the count still stands before the same noun phrase.
  const counted = COUNTED.exec(text.slice(Math.max(0, m.start - 10), m.start));
  if (counted && !/^(?:月|年|天|小时|人|次|多)/.test(counted[1]!)) return true;
  if (!words) return false;
  const at = m.text.indexOf("一");
  const one = at > 0 ? words.startingAt.get(m.start + at) : undefined;
  if (one?.word === "一" && m.end - one.end >= 2) {
    const before = wordAt(words, one.start - 1);
    if (places.some((p) => p.start >= m.start && p.end === one.start) || /^(?:ns|nr|nrt|x)$/.test(before?.tag ?? ""))
      return true;
  }
  const inside = wordsIn(words, m.start, m.end).filter((w) => w.end <= m.end);
  return inside.some(
    (w) => (/^v/.test(w.tag) && CLAUSE_VERB.test(w.word)) || (w.tag === "x" && /^(?:称|据)/.test(w.word)),
  );
}

/** Words before a body's name that make it a class of bodies: 各, 这些, or a count (60所, 187家, 两个). */
const CLASS_BEFORE = /(?:各|各级|各类|多家|一些|这些|部分|众多|[0-9０-９两几十百千万]余?[家所个座批])$/;
/** A count and the words of a noun phrase before a name (3690个|婚姻家庭纠纷|人民调解委员会). */
const COUNTED = /[0-9０-９两几十百千万]余?[家所个座批]([^\s，。、；：！？“”（）《》的和与及在是为对等]{1,6})$/;
/** Verbs that begin or end a clause, never a word of a name. */
const CLAUSE_VERB = /^(?:称|说|表示|指出|强调|宣布|举行|召开|据|报道|认为|透露|声称|击落|打击)$/;

/** A title of a foreign state or of a body named after one (丹麦国王, 塞尔维亚总理): its holder's name is foreign. */
function foreignTitle(t: TitleMention): boolean {
  const org = t.org?.canonical;
  return org !== undefined && FOREIGN_COUNTRIES.some((c) => org.startsWith(c));
}

function extendName(
  text: string,
  m: Mention,
  words: ReturnType<typeof indexWords> | undefined,
  foreign: boolean,
): Mention {
  const end = nameEnd(text, m.start, m.end, words, foreign);
  if (end > m.end) {
    const surface = text.slice(m.start, end);
    Object.assign(m, { end, text: surface, canonical: surface.replace(/[•‧－-]/g, "·") });
  }
  return m;
}

function modelMentions(text: string, tagged: ReturnType<SpanTagger["tag"]>, ctx: ArticleContext): Mention[] {
  const out: Mention[] = [];
  for (const s of tagged) {
    const surface = text.slice(s.start, s.end);
    if (!plausible(s.type, surface, ctx)) continue;
    const canonical = s.type === "ORG" ? relativeOrganization(surface, ctx) : surface;
    // A relative name (县交通运输局) where the article names no such place is no node of its own.
    if (s.type === "ORG" && canonical === surface && RELATIVE_ORG.test(surface) && !NOT_RELATIVE.test(surface))
      continue;
    out.push({
      type: MODEL_TYPE[s.type],
      start: s.start,
      end: s.end,
      text: surface,
      canonical,
      props: {},
      via: "model",
    });
  }
  return out;
}

const RELATIVE_ORG = /^[省市县区]/;
const NOT_RELATIVE = /^(?:市场|市民|区域|县域|省内|市内)/;
/** 省住房城乡建设厅 in an article about 安徽 is 安徽省住房城乡建设厅: a relative name the tagger read, resolved. */
function relativeOrganization(surface: string, ctx: ArticleContext): string {
  const rel = RELATIVE_ORG.exec(surface);
  if (!rel || NOT_RELATIVE.test(surface)) return surface;
  const place = relativePlace(rel[0], ctx);
  return place ? place.name + surface.slice(1) : surface;
}
