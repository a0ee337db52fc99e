// Titles of office and whom they name. News writes a post as organization, title and name run together
// (东信烟花集团有限公司总经理钟娟, 嘉鱼县委书记王永), with a sub-unit between (品宣部部长, 督查四处处长), several titles
// for one person (市委副书记、市长张百顺), a body named earlier (公司总经理唐攀 → the company of the article), a
// former post (时任…副局长的杨虹), or a name first (习近平总书记, 罗煜明是…书记).
import { COUNTRY_SET as COUNTRY_NAMES, FOREIGN_COUNTRIES, ORG_SUFFIXES, TITLES } from "../gazetteer/lexicon.js";
import { DERIVED_TITLES } from "../gazetteer/titles.generated.js";
import {
  nameAt,
  NEVER_LAST,
  personMention as person,
  startsLikeName,
  surnameAt,
  wordAt,
  type WordIndex,
} from "./person-names.js";
import type { OrganizationKind } from "../../core/model.js";
import type { Mention, TitleMention } from "./types.js";
import { FORMER_UNIT } from "./org-reader.js";
import { CharTable } from "../text.js";

/** Posts of Chinese administration and newsrooms that the derived list may lack; facts of the civil service. */
const MORE_TITLES = [
  "社工",
  "主理人",
  "法官助理",
  "专职委员",
  "审判委员会专职委员",
  "负责人",
  "一级主任科员",
  "二级主任科员",
  "三级主任科员",
  "四级主任科员",
  "一级调研员",
  "二级调研员",
  "三级调研员",
  "四级调研员",
  "一级巡视员",
  "二级巡视员",
  "第一书记",
  "驻村第一书记",
  "党支部书记",
  "党总支书记",
  "村委会主任",
  "居委会主任",
  "人大代表",
  "政协委员",
  "党代表",
  "网格员",
  "主治医师",
  "副主任医师",
  "主任医师",
  "护士长",
  "总工",
  "总工程师",
  "副总工程师",
  "庭长",
  "副庭长",
  "审判员",
  "检察官",
  "民警",
  "辅警",
  "教练员",
  "版式设计",
  "博士",
  "博士后",
  "委员长",
  "副委员长",
  "国务委员长",
  "总统",
  "副总统",
  "首相",
  "国王",
  "女王",
  "王储",
  "总督",
  "外长",
  "外交部长",
  "国防部长",
  "大使",
  "总领事",
  "议长",
  "总干事",
  "执行主任",
  "主席团主席",
];
/** Words that are titles in a résumé but in news mostly mean something else (代表 = to represent, on behalf of). */
const NOT_TITLES = new Set(["代表", "会计", "秘书", "顾问", "主持"]);
const ALL_TITLES = new Set([...TITLES, ...DERIVED_TITLES, ...MORE_TITLES].filter((t) => !NOT_TITLES.has(t)));
const MAX_TITLE = 9;
/** The lengths of the titles (2 to MAX_TITLE) by their last character, longest first: where a title can end. */
const LENGTHS_BY_LAST = new Map<number, number[]>();
for (const t of ALL_TITLES) {
  if (t.length < 2 || t.length > MAX_TITLE) continue;
  const last = t.charCodeAt(t.length - 1);
  const lengths = LENGTHS_BY_LAST.get(last) ?? [];
  if (lengths.includes(t.length)) continue;
  lengths.push(t.length);
  lengths.sort((a, b) => b - a);
  LENGTHS_BY_LAST.set(last, lengths);
}
const TITLE_LAST = new CharTable([...LENGTHS_BY_LAST.keys()].map((c) => String.fromCharCode(c)));
const ORG_END = new RegExp(`(?:${ORG_SUFFIXES.join("|")})$`);
const RANK = /(?:常务副|代理|执行|名誉|副)$/;
/** Bodies written between a place and a title (心宁村党支部书记, 苏安北社区党委副书记): the body holds the post. */
const BODY = /^(?:党总支|党支部|党委|村委会|居委会|村民委员会|居民委员会|团委|纪委|工会)/;
/** Verbs of saying that follow a title directly: what comes after them is no name. */
const REPORTING_START = /^(?:称|说|表示|指出|强调|认为|介绍|呼吁|敦促|宣布|透露|批评|谴责|警告)/;
/** Roles written after a title that make the name that follows someone else (总理顾问, 总统夫人, 部长助理). */
const ROLE_AFTER_TITLE = /^(?:顾问|秘书|助理|夫人|特使|发言人|代表)/;

/** A sub-unit between an organization and a title: 品宣部, 特效事业部, 民一庭, 督查四处, 建筑工程学院. */
const SUB_UNIT =
  /^[\u4e00-\u9fff\d·]{0,10}(?:部|处|科|室|庭|所|队|组|中心|学院|系|事业部|车间|办|站|馆|分公司|项目部|支部|党委|党组|纪委|团委|工会|分局|院)$/;
const NOT_IN_SUB_UNIT = /[的了在和与及是为将对把从到由向等，。、；：！？“”\s]/;
/** A body the article named before, written short: 公司总经理, 该局局长, 研究院副院长. */
const REFERENT =
  /(?:该|本|这家|这个)?(公司|集团|企业|研究院|研究所|学院|大学|学校|医院|中心|局|法院|合作社|协会|实验室|工作室)$/;
const GOVERNMENT_HEAD = /^(?:常务)?副?(?:省长|市长|县长|区长|州长|旗长|镇长|乡长)$/;
const HEAD_OF_STATE =
  /^(?:副?总统|副?总理|首相|国王|女王|王储|总督|副?主席|外长|外交部长|国防部长|议长|国务委员长|大使|总领事)$/;
const FORMER = /(?:时任|原任|前任|曾任|原)$/;
/** A name first: 罗煜明是湴崀村党总支书记, 他担任…. */
const NAME_THEN_POST = /(?:是|任|担任|现任|兼任|出任)$/;

/** Every title in the text, longest at each end, none inside another, aligned with the words where known. */
export function scanTitles(text: string, words?: WordIndex): Array<{ start: number; end: number; title: string }> {
  const found: Array<{ start: number; end: number; title: string }> = [];
  for (let e = 2; e <= text.length; e++) {
    if (!TITLE_LAST.at(text, e - 1)) continue;
    const lengths = LENGTHS_BY_LAST.get(text.charCodeAt(e - 1))!;
    if (words && !words.bounds.has(e)) continue;
    for (const len of lengths) {
      if (len > e) continue;
      const t = text.slice(e - len, e);
      if (!ALL_TITLES.has(t)) continue;
      // 副馆长, 常务副院长, 代理市长: a deputy or acting form of any title.
      const rank = RANK.exec(text.slice(Math.max(0, e - len - 4), e - len));
      const start = e - len - (rank ? rank[0].length : 0);
      found.push({ start, end: e, title: text.slice(start, e) });
      break;
    }
  }
  // Of overlapping titles keep the longer (总经理助理 over 总经理 and 助理).
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof found = [];
  for (const t of found) if (!kept.some((k) => k.start < t.end && t.start < k.end)) kept.push(t);
  return kept.sort((a, b) => a.start - b.start);
}

export interface TitleContext {
  text: string;
  /** Organizations and places of the article, in text order. */
  orgs: Mention[];
  places: Mention[];
  words?: WordIndex | undefined;
  /** Person spans the trained tagger proposes, by start offset. */
  modelNames?: Map<number, number> | undefined;
}

/** Titles with the organization each names and the person each introduces. */
export function findTitles(c: TitleContext): TitleMention[] {
  const { text } = c;
  const orgEnding = new Map<number, Mention>();
  for (const o of c.orgs) orgEnding.set(o.end, o);
  const placeEnding = new Map<number, Mention>();
  for (const p of c.places) placeEnding.set(p.end, p);
  const titles: TitleMention[] = [];
  for (const t of scanTitles(text, c.words)) {
    // A title read from a résumé word that an organization's name overlaps (长沙|市委常委 beside the mention
    // 长沙市委) starts where the organization ends, when what is left is a title.
    // Or the other way round: an organization read past its own end into a title (…人民法院审判委员会|专职委员)
    // ends where the title begins, when it still ends as organizations do.
    const inside = c.orgs.find((o) => o.start < t.start && t.start < o.end && o.end < t.end);
    let trimmed: Mention | null = null;
    if (inside && ORG_END.test(text.slice(inside.start, t.start))) {
      const cut = inside.end - t.start;
      // The mention itself is cut, so the organization's node is the name without the title's first words.
      trimmed = Object.assign(inside, {
        end: t.start,
        text: text.slice(inside.start, t.start),
        canonical: inside.canonical.slice(0, inside.canonical.length - cut),
      });
    } else if (inside && ALL_TITLES.has(text.slice(inside.end, t.end))) {
      t.start = inside.end;
      t.title = text.slice(inside.end, t.end);
    }
    // 服务中心派家庭医生: a verb before the title word is no part of the title.
    const lead = c.words?.startingAt.get(t.start);
    if (!trimmed && lead && lead.tag === "v" && lead.end < t.end) {
      if (!ALL_TITLES.has(text.slice(lead.end, t.end))) continue;
      t.start = lead.end;
      t.title = text.slice(lead.end, t.end);
    }
    const m: TitleMention = { start: t.start, end: t.end, title: t.title, org: null, person: null };
    if (trimmed) Object.assign(m, { org: trimmed, start: trimmed.start });
    if (!m.org) attachOrganization(m, c, orgEnding, placeEnding);
    m.former = FORMER.test(text.slice(Math.max(0, m.start - 2), m.start)) || undefined;
    // …集团有限责任公司原党委书记, 金凤区原区委副书记: 原 inside the body's name marks the post as former.
    // The organization stage takes 原 out of the unit's canonical name; the text still holds it.
    if (m.org && FORMER_UNIT.test(m.org.text)) {
      Object.assign(m.org, { canonical: m.org.canonical.replace(FORMER_UNIT, "") });
      m.former = true;
    }
    // 原应急管理部消防救援局党委委员: 原 before the body marks the post, not the body (原平市, 原阳县 are places).
    if (m.org && /^原(?!平|阳|州区)[\u4e00-\u9fff]{3}/.test(m.org.canonical) && m.org.text.startsWith("原")) {
      // The mention itself is the body's: its node is the name without 原.
      Object.assign(m.org, {
        start: m.org.start + 1,
        text: m.org.text.slice(1),
        canonical: m.org.canonical.slice(1),
      });
      m.former = true;
    }
    titles.push(m);
  }
  attachPersons(titles, c);
  return titles;
}

function foreignBody(org: Mention | null): boolean {
  return org !== null && FOREIGN_COUNTRIES.some((c) => org.canonical.startsWith(c));
}

function attachOrganization(
  m: TitleMention,
  c: TitleContext,
  orgEnding: Map<number, Mention>,
  placeEnding: Map<number, Mention>,
): void {
  const { text } = c;
  const at = m.start;
  // 此瓦·陶工作室的主理人: an organization and its title joined by 的.
  const direct = orgEnding.get(at) ?? (text[at - 1] === "的" ? orgEnding.get(at - 1) : undefined);
  if (direct) {
    Object.assign(m, { org: direct, start: direct.start });
    return;
  }
  // An organization, then a sub-unit, then the title: the title keeps the sub-unit (品宣部部长).
  for (let p = at - 1; p >= Math.max(0, at - 11); p--) {
    const o = orgEnding.get(p);
    if (!o) continue;
    const unit = text.slice(p, at);
    if (!NOT_IN_SUB_UNIT.test(unit) && SUB_UNIT.test(unit)) {
      Object.assign(m, { org: o, start: o.start, title: unit + m.title });
      return;
    }
    break;
  }
  // A sub-unit right after the 、 of a chain (区委常委、组织部部长): the title keeps it, and the chain stays joined.
  const chained = /、([\u4e00-\u9fff]{1,8}?(?:部|办|室|处|厅|局|庭|科))$/.exec(text.slice(Math.max(0, at - 10), at));
  if (chained && !NOT_IN_SUB_UNIT.test(chained[1]!) && !/书记处$/.test(chained[1]!)) {
    Object.assign(m, { start: at - chained[1]!.length, title: chained[1]! + m.title });
    return;
  }
  // A body of its own after the 、 (常委、国会主席洪森): the chain's person holds it, but not at the chain's
  // organization, which the body word rules out; the title keeps the body's name.
  const ownBody = /、([\u4e00-\u9fff]{0,6}?(?:国会|议会|参议院|众议院|政府|人大|政协|书记处))$/.exec(
    text.slice(Math.max(0, at - 8), at),
  );
  if (ownBody) {
    Object.assign(m, { start: at - ownBody[1]!.length, title: ownBody[1]! + m.title, standalone: true });
    return;
  }
  // A village or community body and its title written as one word (心宁村党支部书记, 村委会主任): the body, named
  // after the place before it, the place heading the chain, or the village the article named last, holds the post.
  const body = BODY.exec(m.title);
  if (body && m.title.length > body[0].length) {
    const before = placeEnding.get(at);
    const bare = /(?:村|社区)$/.exec(text.slice(Math.max(0, at - 2), at));
    const lastPlace =
      before ??
      (bare
        ? c.places.filter((p) => p.end <= at - bare[0].length && p.canonical.endsWith(bare[0])).at(-1)
        : /[、和及]$/.test(text[at - 1] ?? "")
          ? c.places.filter((p) => p.end <= at && /(?:村|社区)$/.test(p.canonical)).at(-1)
          : undefined);
    if (lastPlace) {
      const start = before ? before.start : bare ? at - bare[0].length : at;
      const org: Mention = {
        type: "Organization",
        start,
        end: at + body[0].length,
        text: text.slice(start, at + body[0].length),
        canonical: lastPlace.canonical + body[0],
        props: { kind: /党|团|纪/.test(body[0]) ? "party" : "other" },
        via: "place-body",
      };
      Object.assign(m, { org, start, title: m.title.slice(body[0].length) });
      return;
    }
  }
  // A country and its head of state or government (俄罗斯总统, 日本首相): the post is tied to the country itself.
  const country = placeEnding.get(at);
  // 俄罗斯驻美国大使: the country after 驻 hosts the post; it is not the post's own.
  if (country && country.props.level === "country" && HEAD_OF_STATE.test(m.title) && text[country.start - 1] !== "驻") {
    Object.assign(m, { org: country, start: country.start });
    return;
  }
  // A place and the head of its government: 蓟州区副区长 → 蓟州区人民政府.
  const place = placeEnding.get(at);
  if (place && GOVERNMENT_HEAD.test(m.title)) {
    const canonical = `${place.canonical}人民政府`;
    const org: Mention = {
      ...place,
      type: "Organization",
      canonical,
      props: { kind: "government" },
      via: "place-head",
    };
    Object.assign(m, { org, start: place.start });
    return;
  }
  // A body named earlier, written short: 公司总经理 → the last company the article named.
  const ref = REFERENT.exec(text.slice(Math.max(0, at - 4), at));
  if (ref) {
    const head = ref[1]!;
    const earlier = c.orgs.filter((o) => o.end <= at - ref[0].length && o.canonical.endsWith(head)).at(-1);
    if (earlier) {
      // The earlier mention itself: the short form (公司) is no alias of the company.
      Object.assign(m, { org: earlier, start: at - ref[0].length });
      return;
    }
  }
  // A post in a village or community where the text names no body: 青年汇社区社工 → the community itself.
  if (place && /(?:村|社区|街道|嘎查)$/.test(place.canonical) && !GOVERNMENT_HEAD.test(m.title)) {
    Object.assign(m, { org: place, start: place.start });
    return;
  }
  // A title standing alone after a pause (与董事长孔令珂, 。车间负责人燕朝聪) belongs to the company, school or
  // hospital the same sentence named last, when the title is one such a body has.
  if (/[\u4e00-\u9fff]/.test(text[at - 1] ?? "") && !/[与和同的及]/.test(text[at - 1]!)) return;
  const kind = BODY_OF_TITLE.find(([re]) => re.test(m.title))?.[1];
  if (!kind) return;
  const sentenceStart = Math.max(text.lastIndexOf("。", at - 1), text.lastIndexOf("\n", at - 1)) + 1;
  const near = c.orgs.filter((o) => o.end <= at && o.start >= sentenceStart && o.props.kind === kind).at(-1);
  if (near) m.org = near;
}

/** Titles a kind of body has, for a title the text leaves without one. */
const BODY_OF_TITLE: Array<[RegExp, OrganizationKind]> = [
  [/(?:董事长|总经理|董事|监事|总裁|厂长|车间主任|车间负责人|经理)$/, "company"],
  [/(?:校长|教师|班主任)$/, "school"],
  [/(?:院长|医生|医师|护士长)$/, "hospital"],
];

function attachPersons(titles: TitleMention[], c: TitleContext): void {
  const { text } = c;
  const nameFrom = (i: number): string | null => {
    // 原副总经理李东案，…张福生案: the case of a named official; the name stops before 案.
    const caseOf = /^([\u4e00-\u9fff]{2,3})案(?=[，。、；）)\s等]|$)/.exec(text.slice(i, i + 5));
    if (caseOf && surnameAt(caseOf[1]!, 0) > 0) return caseOf[1]!;
    const modelEnd = c.modelNames?.get(i);
    // The tagger's name right after a title, even with a surname the list lacks (寻国华) or a given name the
    // segmenter reads as other words (龙 + 国庆, 韩 + 立新): the title anchors it. Its end must be a word boundary,
    // or fall inside an unknown word the segmenter glued to what follows (程立伟带).
    if (modelEnd && modelEnd - i >= 2 && modelEnd - i <= 4) {
      const n = text.slice(i, modelEnd);
      const w = c.words;
      const glue = w ? wordAt(w, modelEnd) : undefined;
      const endOk =
        !w ||
        w.bounds.has(modelEnd) ||
        (glue?.tag === "x" && glue.end === modelEnd + 1 && /[带领陪率说讲作称]/.test(text[modelEnd]!)) ||
        /^[作说称讲表]/.test(text[modelEnd] ?? "");
      // 同莫迪, 和拉马: a preposition or conjunction glued to a name the article also names alone.
      const glued = /^[同和与向对跟及在把被给]/.test(n) && text.includes(n.slice(1), modelEnd);
      // 关怀和, 李飞作: a one-character word that follows names ends the tagger's span.
      const lastWord = w?.startingAt.get(modelEnd - 1);
      const tail =
        (lastWord !== undefined && lastWord.end === modelEnd && /^[和与及作说还]$/.test(lastWord.word)) ||
        // One unknown word of a name and the verb after it (王晨作的报告).
        (n.length >= 3 &&
          /[和与及作说还称]$/.test(n) &&
          w?.startingAt.get(i)?.tag === "x" &&
          w.startingAt.get(i)?.end === modelEnd);
      // A compound surname alone (欧阳 of 欧阳春生) is no name.
      const surnameOnly = surnameAt(n, 0) === n.length;
      const startOk =
        (!w || startsLikeName(i, modelEnd, w)) && !glued && !tail && !surnameOnly && !COUNTRY_NAMES.has(n);
      if (/^[\u4e00-\u9fff]+$/.test(n) && !NEVER_LAST.test(n.at(-1)!) && endOk && startOk) return n;
    }
    const native = nameAt(text, i, c.words);
    if (!c.words) return native;
    // A foreign name after its title (俄罗斯总统普京, 南非总统拉马福萨): one word the segmenter files as a name, or
    // as a place (普京) — a title right before a proper noun makes it a person. An unknown word counts only where
    // a verb or punctuation follows it (not 首相官邸外).
    const w = c.words.startingAt.get(i);
    const next = w ? c.words.startingAt.get(w.end) : undefined;
    const ends = w !== undefined && (!/[\u4e00-\u9fff]/.test(text[w.end] ?? "") || /^v/.test(next?.tag ?? ""));
    const proper =
      w !== undefined &&
      (/^(?:nr|nrt|nrfg|ns|nz)$/.test(w.tag) || (w.tag === "x" && ends)) &&
      /^[\u4e00-\u9fff·]{2,6}$/.test(w.word) &&
      !COUNTRY_NAMES.has(w.word);
    if (proper && (!native || w.word.length > native.length) && (native || ends || w.tag !== "x")) return w.word;
    return native;
  };
  for (let k = 0; k < titles.length; k++) {
    const t = titles[k]!;
    // 时任…副局长的杨虹: a former post names its holder after 的.
    const at = text[t.end] === "的" && t.former ? t.end + 1 : t.end;
    // After a bare title (总书记, 主席) a name needs the tagger's word too: 总书记关怀和指导 names no 关怀.
    if (!t.org && c.words && !c.modelNames?.has(at)) continue;
    // Another title or role right after this one (以色列总理顾问雷格夫, 总统夫人): the name that follows holds
    // that one, not this.
    if (titles.some((o) => o.start === at) || ROLE_AFTER_TITLE.test(text.slice(at, at + 3))) continue;
    const name = nameFrom(at);
    // 派家庭医生上门: a word of the dictionary that is no name (上门/ns, 走访/v) where the tagger saw no name.
    const word = c.words?.startingAt.get(at);
    if (
      name &&
      word &&
      word.word === name &&
      !c.modelNames?.has(at) &&
      !/^(?:nr|nrfg|nrt|x)$/.test(word.tag) &&
      // 丹麦国王腓特烈十世, 美国总统拜登: a foreign name the dictionary files as a place after a state's title.
      !(/^(?:ns|nz)$/.test(word.tag) && (HEAD_OF_STATE.test(t.title) || foreignBody(t.org)))
    )
      continue;
    // A reporting verb after the title (外长称美以…, 理事称美…) begins no name.
    if (!name || REPORTING_START.test(name)) continue;
    const p = person(at, name, "title");
    t.person = p;
    // Earlier titles of the chain joined by 、 name the same person (市委副书记、市长张百顺).
    for (let j = k - 1; j >= 0; j--) {
      const prev = titles[j]!;
      const next = titles[j + 1]!;
      if (!/^[、和及]$/.test(text.slice(prev.end, next.start)) || prev.person) break;
      prev.person = p;
      // 原党组成员、副总经理李东: 原 before the chain makes every post of it without a body of its own former.
      if (prev.former) for (let f = j + 1; f <= k && !titles[f]!.org; f++) titles[f]!.former = true;
    }
  }
  for (let k = 0; k < titles.length; k++) {
    const t = titles[k]!;
    if (t.person) continue;
    // A name before a title with no organization: 习近平总书记, 李长萍书记.
    if (!t.org) {
      for (const len of [3, 2]) {
        const name = t.start >= len ? nameAt(text, t.start - len, c.words) : null;
        // In a list of kinds of one title held by no one named (海外委员、荣誉委员) the word before the title
        // qualifies it.
        const inTitleList =
          text[t.start - len - 1] === "、" &&
          titles.some((o) => o.end === t.start - len - 1 && !o.person && o.title.endsWith(t.title));
        if (name && name.length === len && inTitleList) break;
        if (name && name.length === len && !/[、，]/.test(text[t.end] ?? "")) {
          t.person = person(t.start - len, name, "before-title");
          break;
        }
      }
      if (t.person) continue;
    }
    // 罗煜明是湴崀村党总支书记、村委会主任: the subject before 是/任/担任 holds every title of the chain.
    const verb = NAME_THEN_POST.exec(text.slice(Math.max(0, t.start - 2), t.start));
    if (!verb) continue;
    const vStart = t.start - verb[0].length;
    for (const len of [4, 3, 2]) {
      const name = vStart >= len ? nameAt(text, vStart - len, c.words) : null;
      if (!name || name.length !== len) continue;
      const p = person(vStart - len, name, "name-then-post");
      for (let j = k; j < titles.length; j++) {
        const cur = titles[j]!;
        if (j > k && (!/^[、和及]$/.test(text.slice(titles[j - 1]!.end, cur.start)) || cur.person)) break;
        cur.person = p;
      }
      break;
    }
  }
}
