// Projects: which organization runs a project (RUNS) and where it is (LOCATED_IN).
// RUNS: the organization the name starts with or the site office's company (中铁十二局集团X工程项目部); an
// organization that is the subject of 领办/承建/建设/实施/投资/牵头/运营/设立/开设 with the project as object, with its
// partners (A联合B设立“X”) and into the next clause that opens with such a verb; 由X承建.
// LOCATED_IN: the most specific place in the name; the place after 位于/落户/坐落于; the place that opens the
// sentence as the subject of a verb of building or bringing in (达州…引入X项目); else the article's dominant place
// when the sentence names no other.
import type { EntityDoc } from "../../core/model.js";
import { fullCode, lookupPlace, type Division } from "../gazetteer/places.js";
import { homeCodes } from "../context.js";
import { findPlaces } from "../mentions/places.js";
import type { ArticleContext, Mention } from "../mentions/types.js";
import { placeEntity } from "../resolve.js";
import { mostSpecific, placeMentions, placesAfter, subjectPlace } from "./event-places.js";
import type { RelateScope } from "./scope.js";

const RUN_VERB = /(?:领办|承建|建设|实施|投资|牵头|运营|设立|开设|创办|兴建|启动|打造|开发|主导|承担|推出)/;
/** The text between a subject organization and its project: partners, adverbs, the verb, a short modifier. */
const SUBJECT_GAP = new RegExp(`^(?:[^，。；！？]{0,16}?)${RUN_VERB.source}(?:了)?[^，。；！？]{0,10}$`);
const CLAUSE_OPENS_WITH_VERB = new RegExp(`^(?:并|还|同时|积极|先后|共同)?${RUN_VERB.source}`);
const BUILD_VERB = /(?:引入|引进|建设|实施|打造|推进|启动|建成|规划|开工|落地|落户|签约|入选|建立|设立|发展|布局)/;
const DOMINANT_VERB =
  /新建|现场|集聚|位于|建设|建成|投产|开工|落地|落户|入驻|签约|引进|引入|实施|设立|开设|启动|打造|运营|投用|竣工/;
const BUILT_AT =
  /在([^，。；在]{2,16}?)(?:投资|规划|开工|加快|全力|率先)?(?:建设|新建|兴建|实施|打造|布局|建成|落地)(?:了|的)?[“]?$/;
const DEPLOYED = /(?:根据|按照|遵照|落实)$/;
const LOCATED = /^[^，。；]{0,4}?(?:位于|落户|坐落于|地处|落地)[^，。；]{2,30}/;

export function relateProjects(s: RelateScope): void {
  const { found, ctx, text } = s;
  const orgMentions = [...found.mentions, ...found.nested]
    .filter((m) => m.type === "Organization")
    .sort((a, b) => a.start - b.start);
  const projects = found.mentions.filter((m) => m.type === "Project");
  const dominant = dominantPlace(s);
  for (const p of projects) {
    const pid = s.entityOf(p).id;
    const runners = new Set<string>();
    const run = (o: Mention) => {
      const org = s.entityOf(o);
      if (runners.has(org.id)) return;
      runners.add(org.id);
      s.entities.push(org);
      s.rel("RUNS", org.id, pid, p.start);
    };
    // The organization the name starts with, or the company right before a site office's project.
    for (const o of orgMentions)
      if (
        (o.start === p.start && o.end < p.end) ||
        (o.end === p.start && /^(?:项目)?(?:部|组|指挥部)/.test(text.slice(p.end)))
      )
        run(o);
    // A subject organization: 苏州工业园区社会事业局联合园区法院设立“社区治理法治实训基地”.
    const clauseStart =
      Math.max(
        text.lastIndexOf("，", p.start - 1),
        text.lastIndexOf("。", p.start - 1),
        text.lastIndexOf("；", p.start - 1),
      ) + 1;
    let subjects = orgMentions.filter(
      (o) => o.start >= clauseStart && o.end <= p.start && SUBJECT_GAP.test(text.slice(o.end, p.start)),
    );
    // 共同设立“青年之家”，实施“乡村青年教育就业计划”: a clause that opens with the verb keeps the last subject.
    if (!subjects.length && CLAUSE_OPENS_WITH_VERB.test(text.slice(clauseStart, p.start))) {
      const sent = s.sentence(p.start);
      const prevClause = text.lastIndexOf("，", clauseStart - 2) + 1;
      const from = Math.max(sent.start, prevClause);
      // …or the organization the previous clause brought in (引入北京春山里置业发展集团，建设成…小镇).
      subjects = orgMentions.filter(
        (o) =>
          o.start >= from &&
          o.end < clauseStart &&
          (SUBJECT_GAP.test(text.slice(o.end, clauseStart - 1)) ||
            (o.end === clauseStart - 1 && /(?:引入|引进|吸引|邀请)$/.test(text.slice(from, o.start)))),
      );
    }
    // 市农业农村局、市供销社和县政府共同设立“…”: the names listed before a subject share its verb.
    subjects = withListed(text, orgMentions, subjects);
    for (const o of subjects) if (!/^[^，。；]*由$/.test(text.slice(clauseStart, o.start))) run(o);
    // 中铁十二局集团X工程项目部 read whole as an organization: the company before the project runs it.
    for (const o of orgMentions)
      if (o.start < p.start && o.end > p.end && /(?:项目部|指挥部)$/.test(o.text)) {
        const company = text.slice(o.start, p.start);
        if (/(?:集团|公司|局)$/.test(company))
          run({
            ...o,
            end: p.start,
            text: company,
            canonical: company,
            props: { kind: "company" },
            via: "site-office",
          });
      }
    // 蜂巢能源达州锂电零碳产业园: a company's short name before the place in the name.
    const owner = ownerBeforePlace(s, p);
    if (owner) run(owner);
    // 由X承建 in the project's sentence.
    const sent = s.sentence(p.start);
    for (const o of orgMentions)
      if (
        o.start > sent.start &&
        o.end < sent.end &&
        text[o.start - 1] === "由" &&
        /^(?:负责)?(?:承建|建设|投资|实施|运营|牵头)/.test(text.slice(o.end))
      )
        run(o);

    // 根据肇庆市委部署，封开县“…”工作启动: the body whose plan the project carries out runs it.
    for (const o of orgMentions)
      if (
        o.start > sent.start &&
        o.end < p.start &&
        DEPLOYED.test(text.slice(Math.max(sent.start, o.start - 2), o.start))
      )
        if (/^(?:的)?(?:统一|总体|决策)?(?:部署|安排)[，,]/.test(text.slice(o.end, o.end + 8))) run(o);
    // 向家坝灌区公司 and 向家坝灌区工程: a company named after the project it was set up to build and run.
    for (const o of namesake(orgMentions, p)) run(o);

    const place = placeOf(s, p, ctx, dominant) ?? runnerPlace(s, [...runners]);
    if (place) {
      s.entities.push(place);
      s.rel("LOCATED_IN", pid, place.id, p.start);
    }
    // 肇庆—梧州省际睦邻廊道, 成渝至万州高铁: a project between two divisions lies in both.
    for (const end of corridorEnds(s, p))
      if (end.id !== place?.id) {
        s.entities.push(end);
        s.rel("LOCATED_IN", pid, end.id, p.start);
      }
  }
}

function placeOf(s: RelateScope, p: Mention, ctx: ArticleContext, dominant: EntityDoc | null): EntityDoc | null {
  // 技能中国行动, 中国空间站建造计划: the country in a national programme's name locates nothing.
  const inside = placeMentions(s).filter(
    (x) => x.start >= p.start && x.end <= p.end && s.entityOf(x).level !== "country",
  );
  const named = mostSpecific(s, inside) ?? placeInProjectName(p.canonical, ctx);
  // An item of a project list that starts with a place is often a company's name (辽宁星空钠离子电池): where it
  // is built is what the sentence or the article says.
  const companyLike = p.via === "list-item" && inside.some((x) => x.start === p.start);
  if (named && !companyLike) return named;
  const after = mostSpecific(s, placesAfter(s, p.end, LOCATED));
  if (after) return after;
  // 通川经开区内的固源集团…产业园, 封开县“粤桂一家亲…”: a place right before the name.
  const before = placeMentions(s).filter(
    (x) =>
      x.end <= p.start && p.start - x.end <= 3 && /^(?:内|境内|区内|园内)?的?“?$/.test(s.text.slice(x.end, p.start)),
  );
  // 安徽淮南市武王墩一号墓: the province before a list item that opens with its city is that city's, not the site's.
  const near = before.length ? mostSpecific(s, before) : null;
  if (near && named?.code && near.code && named.code.startsWith(near.code.replace(/(?:00)+$/, ""))) return named;
  if (near) return near;
  // 全省“百县千镇万村高质量发展工程”: the province (city, county) the article is about.
  const scope = /全(省|市|县|区)[“]?$/.exec(s.text.slice(Math.max(0, p.start - 4), p.start));
  if (scope) {
    const level = ({ 省: "province", 市: "city", 县: "county", 区: "county" } as Record<string, string>)[scope[1]!];
    const first = placeMentions(s).find((x) => s.entityOf(x).level === level);
    if (first) return s.entityOf(first);
  }
  // 在宁海县建设“…”, 在X投资兴建的Y项目: the place of 在 before a verb of building that governs the project.
  const clause = Math.max(s.text.lastIndexOf("，", p.start - 1), s.text.lastIndexOf("。", p.start - 1)) + 1;
  const at = BUILT_AT.exec(s.text.slice(Math.max(clause, p.start - 30), p.start));
  // A national programme carried out in some provinces (在广东、海南等省份实施国家…平台试点) is not located there.
  if (at && !/^(?:国家|全国|中国)/.test(p.canonical) && !/[、等]/.test(at[1]!)) {
    const from = p.start - at[0].length;
    const where = mostSpecific(
      s,
      placeMentions(s).filter((x) => x.start >= from && x.end <= from + at[0].length),
    );
    if (where) return where;
  }
  const subject = subjectPlace(s, p.start, BUILD_VERB);
  if (subject) return s.entityOf(subject);
  // The article's dominant place, where the project's sentence names no other place outside project names.
  const sent = s.sentence(p.start);
  const projects = s.found.mentions.filter((m) => m.type === "Project");
  const other = placeMentions(s).some(
    (x) =>
      x.start >= sent.start &&
      x.end <= sent.end &&
      !projects.some((q) => x.start >= q.start && x.end <= q.end) &&
      s.entityOf(x).id !== dominant?.id,
  );
  // …and the sentence builds, starts or brings the project in (即将建成投产, 加快建设, 先后引入).
  if (dominant && !other && DOMINANT_VERB.test(sent.text)) return dominant;
  return named;
}

/** The subjects with the organizations listed right before them (A、B和C), in text order. */
export function withListed(text: string, orgs: Mention[], subjects: Mention[]): Mention[] {
  const out = new Set(subjects);
  const sorted = [...orgs].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const subject of subjects) {
    let head = subject;
    for (let i = sorted.indexOf(subject) - 1; i >= 0; i--) {
      const o = sorted[i]!;
      if (o.start >= head.start) continue;
      if (o.end > head.start || !/^(?:、|和|与|及|以及)$/.test(text.slice(o.end, head.start))) break;
      out.add(o);
      head = o;
    }
  }
  return [...out].sort((a, b) => a.start - b.start);
}

/** The suffix of a company or authority set up for one project (向家坝灌区公司, 引江补汉工程建设管理局). */
const NAMESAKE_HEAD =
  /(?:(?:工程)?(?:建设|开发|投资|管理|运营)*(?:有限责任公司|股份有限公司|有限公司|公司|集团|管理局|管理处|指挥部))$/;

/** Organizations named after the project: the name less its company suffix opens the project's name. */
function namesake(orgs: Mention[], p: Mention): Mention[] {
  const project = p.canonical.replace(/[“”]/g, "");
  return orgs.filter((o) => {
    // 陕西省引汉济渭工程建设有限公司 → 引汉济渭: the province or city that opens the company's name aside.
    const stem = o.canonical.replace(NAMESAKE_HEAD, "").replace(/^[\u4e00-\u9fff]{1,7}?(?:省|自治区|市)/, "");
    // A stem of a place or a company's own short name alone (中铁, 四川) is no project's name.
    return (
      stem.length >= 4 &&
      stem !== o.canonical &&
      project.startsWith(stem) &&
      project.length > stem.length &&
      /(?:工程|项目|枢纽|灌区|水库|通道|铁路|公路|高速|大桥|隧道|机场|港)/.test(project.slice(stem.length - 2))
    );
  });
}

/** The divisions joined by a dash in a project's name (肇庆—梧州), each a place of the project. */
function corridorEnds(s: RelateScope, p: Mention): EntityDoc[] {
  if (!/[—－–]|至/.test(p.text)) return [];
  const inside = placeMentions(s).filter((x) => x.start >= p.start && x.end <= p.end && x.props.code);
  const joined = inside.filter((x, i) => {
    const next = inside[i + 1];
    const prev = inside[i - 1];
    return (
      (next && /^(?:[—－–]|至)$/.test(s.text.slice(x.end, next.start))) ||
      (prev && /^(?:[—－–]|至)$/.test(s.text.slice(prev.end, x.start)))
    );
  });
  return joined.length >= 2 ? joined.map((x) => s.entityOf(x)) : [];
}

/** The words before the first place inside a project's name, when they look like a company's short name. */
function ownerBeforePlace(s: RelateScope, p: Mention): Mention | null {
  const place = placeMentions(s).find((x) => x.start > p.start + 1 && x.end < p.end);
  if (!place) return null;
  const name = s.text.slice(p.start, place.start);
  if (!/^[\u4e00-\u9fff]{2,6}$/.test(name) || /^(?:国家|全国|中国|省|市|县|新|首批|重点)/.test(name)) return null;
  if (placeMentions(s).some((x) => x.start === p.start)) return null;
  if (!/(?:集团|能源|科技|实业|控股|股份|[\u4e00-\u9fff]{2}公司)$/.test(name) && !s.text.includes(`${name}公司`))
    return null;
  return {
    type: "Organization",
    start: p.start,
    end: place.start,
    text: name,
    canonical: name,
    props: { kind: "company" },
    via: "project-owner",
  };
}

/** Where the organization that runs a project is, when its name says (苏州工业园区社会事业局 → 苏州工业园区). */
function runnerPlace(s: RelateScope, runners: string[]): EntityDoc | null {
  for (const id of runners) {
    const org = s.entities.find((e) => e.id === id);
    const named = org ? placeInName(org.name.replace(/^中共/, ""), s.ctx) : null;
    if (named) return named;
  }
  return null;
}

/** The place an article is about: a coded place named at least 4 times and at least twice as often as any other. */
function dominantPlace(s: RelateScope): EntityDoc | null {
  const counts = new Map<string, { e: EntityDoc; n: number }>();
  const inProject = (m: Mention) =>
    s.found.mentions.some((q) => q.type === "Project" && m.start >= q.start && m.end <= q.end);
  for (const m of placeMentions(s)) {
    if (inProject(m)) continue;
    const e = s.entityOf(m);
    if (!e.code) continue;
    const c = counts.get(e.id) ?? { e, n: 0 };
    c.n++;
    counts.set(e.id, c);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  const top = ranked[0];
  // 天津市 beside 蓟州区: a division that holds the top place does not compete with it.
  const next = ranked.find((r) => r !== top && !(top?.e.code ?? "").startsWith(r.e.code!.replace(/(00)+$/, "")));
  if (!top || top.n < 4 || top.n < 2 * (next?.n ?? 0)) return null;
  // The article is about it from its lead on.
  const lead = Math.max(300, s.text.length / 4);
  return placeMentions(s).some((m) => m.start < lead && s.entityOf(m).id === top.e.id) ? top.e : null;
}

/** Divisions read from names, by what was asked, the paper's home and the name: bodies and places recur. */
const nameDivisions = new Map<string, Division | null>();
const NAME_DIVISIONS = 4096;

/** The division `read` finds in a name, kept: findPlaces reads a name the same way under the same home. */
function divisionIn(ask: string, name: string, ctx: ArticleContext, read: () => Division | null): Division | null {
  const key = `${ask}|${ctx.city?.code ?? ""}|${ctx.city?.short ?? ""}|${ctx.province?.code ?? ""}|${name}`;
  const known = nameDivisions.get(key);
  if (known !== undefined) return known;
  const d = read();
  if (nameDivisions.size >= NAME_DIVISIONS) nameDivisions.delete(nameDivisions.keys().next().value!);
  nameDivisions.set(key, d);
  return d;
}

/** The most specific division named anywhere in a project's name (达州 in 蜂巢能源达州锂电零碳产业园). */
function placeInProjectName(name: string, ctx: ArticleContext): EntityDoc | null {
  const best = divisionIn("specific", name, ctx, () => {
    let found: Division | null = null;
    for (const hit of findPlaces(name, ctx)) {
      if (!hit.props.code) continue;
      const d = lookupPlace(hit.canonical, { home: homeCodes(ctx) }, true);
      if (d && (!found || d.code.replace(/(00)+$/, "").length > fullCode(found.code).replace(/(00)+$/, "").length))
        found = d;
    }
    return found;
  });
  return best ? placeEntity(best) : null;
}

/** The division a name starts with (聊城市 in 聊城市人民医院), as a place entity. */
export function placeInName(name: string, ctx: ArticleContext): EntityDoc | null {
  const d = divisionIn("start", name, ctx, () => {
    const hit = findPlaces(name, ctx).find((p) => p.start === 0 && p.props.code);
    return hit ? lookupPlace(hit.canonical, { home: homeCodes(ctx) }, true) : null;
  });
  return d ? placeEntity(d) : null;
}
