// Organizations: where an organization is (LOCATED_IN) and which organization it belongs to (PART_OF).
// LOCATED_IN: the most specific place of the chain its name opens with (广东省清远市三坑镇湴崀村党群服务中心 →
// 湴崀村), the place named before a branch head (…局蓟州分局 → 蓟州区), the place a short form was resolved to
// (县交通运输局 → 封开县); the place after 位于/坐落于/地处; a place and 的 before the name (新余市高新区的…公司); a place
// that founds it (东海力斯台村成立了…合作社).
// PART_OF: a body whose name begins with another body the article names (中国社会科学院考古研究所 → 中国社会科学院);
// a body written right after its parent (…集团有限公司向家坝灌区公司); X的Y, X下属/旗下/所属Y.
import type { EntityDoc } from "../../core/model.js";
import { divisions } from "../gazetteer/places.js";
import { kindOf } from "../gazetteer/org-kinds.js";
import { placeEntity } from "../resolve.js";
import { headOf } from "../gazetteer/org-heads.js";
import type { Mention } from "../mentions/types.js";
import { placeInName } from "./projects.js";
import { mostSpecific, placeMentions, placesAfter } from "./event-places.js";
import type { RelateScope } from "./scope.js";

/** Heads of a branch: the place written right before them is where the branch is. */
const BRANCH = /(?:分局|分公司|分行|支行|分院|分会|分校|分中心|支队|大队)$/;
const LOCATED = /^，?[^，。；]{0,2}?(?:位于|坐落于|坐落在|地处|落户于?|扎根于?)[^，。；]{2,30}/;
const FOUNDED = /^(?:先后|率先|于?\d{4}年)?(?:成立|组建|建立|设立|新建|创办|挂牌成立)了?$/;
const UNDER = /^(?:的|下属的?|旗下的?|所属的?|直属的?)$/;

export function relateOrganizations(s: RelateScope): void {
  const { text } = s;
  const orgs = s.found.mentions.filter((m) => m.type === "Organization");
  const places = placeMentions(s);
  const focusView = s.ctx.focus?.county;
  const focus = focusView ? (divisions().get(focusView.code) ?? null) : null;
  const countyNamed = focus ? places.filter((p) => p.props.code === focus.code).length : 0;
  const seen = new Set<string>();
  const placed = new Set<Mention>();
  const located = (o: Mention, place: EntityDoc | null, how: string) => {
    // A country is no location worth a relation (中国科学院 in 中国).
    if (!place || place.level === "country") return;
    const key = `${o.canonical}|${place.id}|${s.sentence(o.start).start}`;
    if (seen.has(key)) return;
    seen.add(key);
    placed.add(o);
    const org = s.entityOf(o);
    s.entities.push(org, place);
    s.rel("LOCATED_IN", org.id, place.id, o.start, { via: how });
  };
  for (const o of orgs) {
    // The chain of places the name opens with, each right after the one before.
    const chain: Mention[] = [];
    let at = o.start;
    for (const p of places) {
      if (p.start !== at || p.end >= o.end) continue;
      chain.push(p);
      at = p.end;
    }
    const branch = BRANCH.test(o.text) ? places.filter((p) => p.start > o.start && p.end <= o.end).at(-1) : undefined;
    if (branch) located(o, s.entityOf(branch), "branch");
    else if (chain.length) located(o, innermost(s, chain), "name");
    else if (o.canonical !== o.text) {
      // 村委会 resolved to the article's village: that village, as the article names it.
      const village = s.ctx.focus?.village;
      const named = village && o.canonical.startsWith(village.name) && places.find((p) => p.canonical === village.name);
      located(o, named ? s.entityOf(named) : placeInName(o.canonical.replace(/^中共/, ""), s.ctx), "context");
    }

    const after = text.slice(o.end, o.end + 12);
    if (LOCATED.test(after)) located(o, mostSpecific(s, placesAfter(s, o.end, LOCATED)), "位于");
    // The place closest before the name, the longest of those ending there (东海力斯台村 over 力斯台村).
    const last = places
      .filter((p) => p.end <= o.start && o.start - p.end <= 8)
      .sort((a, b) => a.end - b.end || b.end - b.start - (a.end - a.start))
      .at(-1);
    if (last && text.slice(last.end, o.start) === "的") located(o, s.entityOf(last), "的");
    if (last && FOUNDED.test(text.slice(last.end, o.start))) located(o, s.entityOf(last), "成立");
    // 重庆派森百橙汁有限公司 in a 忠县 story: a name that names only a division above the county is placed there too.
    // The story must be about the county (named three times or more), not name it once in passing.
    const above = placed.has(o) && nameAbove(chain, focus?.code) && countyNamed >= 3;
    if (focus && (!placed.has(o) || above) && inFocus(s, o, chain, focus.code, above))
      located(o, placeEntity(focus), "article");
  }
  relateParts(s, orgs);
}

function relateParts(s: RelateScope, orgs: Mention[]): void {
  const { text } = s;
  const part = (child: Mention, parent: Mention, how: string) => {
    const c = s.entityOf(child);
    const p = s.entityOf(parent);
    if (c.id === p.id) return;
    s.entities.push(c, p);
    s.rel("PART_OF", c.id, p.id, child.start, { via: how });
  };
  const named = new Map(orgs.map((o) => [o.canonical, o]));
  for (const o of orgs) {
    // 中国社会科学院考古研究所 and 中国社会科学院 both named: the institute belongs to the academy.
    for (const [name, parent] of named) {
      if (name.length < 3 || name.length >= o.canonical.length || !o.canonical.startsWith(name)) continue;
      const rest = o.canonical.slice(name.length);
      if (rest.length >= 2 && headOf(rest)) part(o, parent, "name");
    }
  }
  for (let i = 0; i + 1 < orgs.length; i++) {
    const a = orgs[i]!;
    const b = orgs[i + 1]!;
    const between = text.slice(a.end, b.start);
    // 四川省水利发展集团有限公司向家坝灌区公司: a company written right after its parent (not 中共中央国务院).
    const adjacent =
      between === "" && /(?:公司|集团)$/.test(a.canonical) && /(?:公司|厂|研究院|中心)$/.test(b.canonical);
    if (adjacent || (UNDER.test(between) && /(?:所|院|分局|公司|中心|学院|实验室|分会)$/.test(b.canonical)))
      part(b, a, adjacent ? "adjacent" : between);
  }
}

/**
 * The last division of the chain a name opens with (广东省清远市三坑镇湴崀村… → 湴崀村); a mountain or other feature
 * in the name (莫干山地信实验室) is no division and gives no place.
 */
function innermost(s: RelateScope, chain: Mention[]): EntityDoc | null {
  const divisions = chain.filter((p) => p.props.code || /^(?:town|village)$/.test(p.props.level ?? ""));
  return divisions.length ? s.entityOf(divisions.at(-1)!) : null;
}

/**
 * Whether every division a name opens with is the county's province (重庆 above 忠县, 浙江 above 德清县): a company
 * named by its province may sit in any county of it; one named by a city (杭州…) mostly sits in the city's core.
 */
function nameAbove(chain: Mention[], county: string | undefined): boolean {
  if (!county) return false;
  const coded = chain.filter((p) => p.props.code);
  return (
    coded.length > 0 &&
    coded.every((p) => {
      const short = p.props.code!.replace(/(?:00)+$/, "");
      return short.length === 2 && county.startsWith(short);
    })
  );
}

/** Names of national bodies and of bodies that carry their place in the name: never placed by the article. */
const NATIONAL = /^(?:中国|中华|全国|国家|中央|中共|国务院|联合国|共青团)/;

/**
 * A local body the article's county holds (a company, co-op, lab, studio of a county story: 此瓦·陶工作室 in a 蓟州
 * article): its name holds no place outside that county, it is no party, state or congress body (those carry
 * their place in the name), and its sentence names no division outside the county.
 */
function inFocus(s: RelateScope, o: Mention, chain: Mention[], county: string, strict = false): boolean {
  if (NATIONAL.test(o.canonical) || o.via === "national" || o.via === "foreign-body") return false;
  const kind = o.props.kind ?? kindOf(o.canonical);
  if (kind === "party" || kind === "government" || kind === "congress" || kind === "media") return false;
  // Codes are compared without their trailing zeros (500000 → 50, 重庆市 above 忠县 500233).
  const short = (code: string) => code.replace(/(?:00)+$/, "");
  const related = (code: string) => county.startsWith(short(code)) || code.startsWith(county);
  const places = placeMentions(s);
  if (!chain.length && places.some((p) => p.start >= o.start && p.end <= o.end)) return false;
  // Only in a story of one county: no other county (or county-level city) is named anywhere in the article.
  const countyCode = (code: string) => short(code).length >= 6;
  if (places.some((p) => p.props.code && countyCode(p.props.code) && !p.props.code.startsWith(county))) return false;
  // A short form resolved by the context has its place already; a name with a division in it is placed by that
  // division, save a company's whose province or city holds the county (浙江…有限公司 in a 德清 story).
  if (o.canonical !== o.text) return false;
  // …and of other bodies only a brand-like short division (重庆三峡柑橘交易中心), not a province's own body (浙江省…研究院).
  if (
    kind !== "company" &&
    chain.some((p) => p.props.code && (kind !== "other" || p.text !== p.text.replace(/[省市]$/, "")))
  )
    return false;
  // Features in the name (莫干山, 三峡) place nothing; divisions must lie above the county.
  if (chain.some((p) => p.props.code && (!county.startsWith(short(p.props.code)) || short(p.props.code) === county)))
    return false;
  const sent = s.sentence(o.start);
  // A body already placed by its province's name gets the county only where its sentence names no other place,
  // not even an uncoded one (…公司在雄安新区签约).
  return !s.found.mentions.some(
    (p) =>
      p.type === "Place" &&
      p.start >= sent.start &&
      p.end <= sent.end &&
      (p.props.code ? !related(p.props.code) : strict),
  );
}
