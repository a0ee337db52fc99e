// Organization mentions: the paper's own shorthand (市委, 市政府, 市工信局) resolved against its city and province,
// full names built from a place and a suffix (山东省大数据局), and company names ending in 有限公司 or 集团.
import { kindOf } from "../gazetteer/org-kinds.js";
import { DictMatcher } from "../gazetteer/matcher.js";
import type { OrganizationKind } from "../../core/model.js";
import { BUREAU_EXPANSIONS, LOCAL_ABBREVIATIONS } from "../gazetteer/lexicon.js";
import type { Word } from "../segmenter.js";
import { endsInHead, FORMER_UNIT, headedMentions, readHeadedNames } from "./org-reader.js";
import { partyCommittees } from "./party-committees.js";
import { firstOfOverlapping, longestFirst, type ArticleContext, type Mention } from "./types.js";

/** National bodies news names without a place: facts of the state's structure. */
const NATIONAL: Record<string, { name: string; kind: OrganizationKind }> = {
  党中央: { name: "中共中央", kind: "party" },
  中共中央: { name: "中共中央", kind: "party" },
  中共中央政治局: { name: "中共中央政治局", kind: "party" },
  中央政治局: { name: "中共中央政治局", kind: "party" },
  国务院: { name: "国务院", kind: "government" },
  全国人大常委会: { name: "全国人大常委会", kind: "congress" },
  全国政协: { name: "全国政协", kind: "congress" },
  新华社: { name: "新华社", kind: "media" },
  央视: { name: "中央广播电视总台", kind: "media" },
  中央广播电视总台: { name: "中央广播电视总台", kind: "media" },
  人民日报: { name: "人民日报社", kind: "media" },
  // Ministries of the State Council, named without 国务院 before them.
  ...Object.fromEntries(
    [
      "外交部",
      "国防部",
      "教育部",
      "科学技术部",
      "科技部",
      "工业和信息化部",
      "公安部",
      "民政部",
      "司法部",
      "财政部",
      "人力资源和社会保障部",
      "自然资源部",
      "生态环境部",
      "住房和城乡建设部",
      "交通运输部",
      "水利部",
      "农业农村部",
      "商务部",
      "文化和旅游部",
      "退役军人事务部",
      "应急管理部",
      "审计署",
      "海关总署",
    ].map((n) => [n, { name: n === "科技部" ? "科学技术部" : n, kind: "government" as const }]),
  ),
};

/** The national bodies' names, matched longest first. */
const NATIONAL_NAMES = new DictMatcher(Object.keys(NATIONAL).map((n) => [n, n]));

const UNIT = "(办公室|办公厅|常委会|宣传部|组织部|统战部|政法委|纪委|编办|督查室|研究室)";
/** The paper's shorthand for its own bodies, with the unit of one after it (市委办公室). */
const ABBREVIATION = new RegExp(`(${Object.keys(LOCAL_ABBREVIATIONS).join("|")})${UNIT}?`, "g");

export { kindOf };

export function mention(start: number, text: string, canonical: string, via: string): Mention {
  return {
    type: "Organization",
    start,
    end: start + text.length,
    text,
    canonical,
    props: { kind: kindOf(canonical) },
    via,
  };
}

/** Characters that cannot sit inside an organization name; left extension stops at them. */
const STOP = /[，。、；：！？“”（）《》\s的了在和与及是为将对把从到由向如等其给]/;

/**
 * Verbs and time words of news sentences that never sit inside an organization's name. Transcripts without
 * punctuation run a place, a verb and a name together (北京会见英国力拓集团, 昆明市举办国务院新闻办): left extension
 * stops after them, and a place-plus-suffix match that holds one is not a name.
 */
const NOT_IN_NAME =
  /会见|会晤|举办|举行|召开|表示|指出|介绍|发布|参加|出席|主持|支持|访问|考察|调研|视察|签署|宣布|发售|强调|致电|致信|接受|继续|加入|今天|昨天|明天|日前|近日|当天|同时|期间|此前/;
const NOT_IN_NAME_AT_END = new RegExp(`(?:${NOT_IN_NAME.source})$`);

/**
 * `words` are the segmenter's words of the text, when there is a segmenter: names ending in an organization word
 * are then read over them (org-reader.ts); without them, company names run left to a stop character.
 */
export function findOrganizations(text: string, ctx: ArticleContext, places: Mention[], words?: Word[]): Mention[] {
  const out: Mention[] = [];
  // The paper's home first; a paper with none (人民日报) reads 市委, 省委 against the places the article names.
  const city = ctx.city ?? ctx.focus?.city ?? null;
  const province = ctx.province ?? ctx.focus?.province ?? null;
  const scoped = (scope: "city" | "province") => (scope === "city" ? city : province);

  // 市委办公室, 市委常委会, 省委, 市政府 … in the paper's own voice. A preceding place name makes it a full name instead.
  for (const m of text.matchAll(ABBREVIATION)) {
    const start = m.index;
    const before = text[start - 1] ?? "";
    if (/[\u4e00-\u9fff]/.test(before) && places.some((p) => p.end === start)) continue;
    if (/[省市县区]/.test(before)) continue;
    const spec = LOCAL_ABBREVIATIONS[m[1]!]!;
    const place = scoped(spec.scope);
    if (!place) continue;
    const base = spec.full(place.name, place.short);
    const canonical = m[2] ? `${base}${m[2]}` : base;
    out.push(mention(start, m[0], canonical, "local-abbreviation"));
  }

  // 市工信局, 省大数据局, 县商务局: the paper's place plus a bureau name.
  for (const m of text.matchAll(/([市省县])([\u4e00-\u9fff]{2,8}?)(局|委|办)(?![\u4e00-\u9fff]{0,1}[长主任员])/g)) {
    const before = text[m.index - 1] ?? "";
    if (/[\u4e00-\u9fff]/.test(before) && !/[、及和与]/.test(before)) continue;
    if (/[的了在和与及是为将对把]/.test(m[2]!) || /^(委|政府|人大|政协)/.test(m[2]!)) continue;
    // 市场监管总局, 市民服务中心: 市 begins a word here, not a relative name.
    if (/^(?:市场|市民|市内|省内|县域|区域)/.test(m[1]! + m[2]!) || /总局$/.test(m[0])) continue;
    const place = m[1] === "省" ? province : m[1] === "县" ? (ctx.focus?.county ?? null) : city;
    if (!place || (m[1] === "县" && !/县$/.test(place.name))) continue;
    const bureau = BUREAU_EXPANSIONS[`${m[2]}${m[3]}`] ?? `${m[2]}${m[3]}`;
    out.push(mention(m.index, m[0], `${place.name}${bureau}`, "local-bureau"));
  }

  // A place name followed by an organization word: 山东省大数据局, 聊城市统计局, 山东省政府新闻办.
  for (const p of places) {
    const rest = text.slice(p.end, p.end + 14);
    const m =
      /^(政府新闻办|人民政府|政府|委员会|[\u4e00-\u9fff]{1,8}?(?:局|委员会|新闻办|办公室|厅|中心|法院|检察院))/.exec(
        rest,
      );
    // 和 joins the two halves of many bureau names (发展和改革委员会, 人力资源和社会保障局), so it may sit inside
    // one here, though not at its start (山东省和江苏省…).
    if (!m || STOP.test(m[1]!.replace(/(?<=.)和/g, "")) || NOT_IN_NAME.test(m[1]!)) continue;
    // A company's name (…铝业有限公司办公室) is read over the words, where a unit before a title is cut.
    if (/公司|集团/.test(m[1]!)) continue;
    if (words && !/^(?:政府新闻办|人民政府|政府)$/.test(m[1]!) && !endsInHead(p.end + m[1]!.length, words)) continue;
    // 沧州中心城区: the middle of the place.
    if (/中心$/.test(m[1]!) && /^(?:城区|城市|区域|地带|位置|地区|城)/.test(text.slice(p.end + m[1]!.length))) continue;
    const suffix = m[1]!;
    const canonicalSuffix =
      suffix === "政府新闻办"
        ? "人民政府新闻办公室"
        : suffix === "政府" && p.props.level !== "country"
          ? "人民政府"
          : (BUREAU_EXPANSIONS[suffix] ?? suffix);
    const surface = p.text + suffix;
    // A state body is named by its full place (聊城市统计局); any other keeps the place as written (太原卫星发射中心).
    const state =
      /^(?:party|government|congress)$/.test(kindOf(canonicalSuffix)) ||
      canonicalSuffix !== suffix ||
      p.props.level === "country";
    out.push(mention(p.start, surface, state ? p.canonical + canonicalSuffix : surface, "place-suffix"));
  }

  out.push(...partyCommittees(text, ctx, places));
  // The national bodies the text names, read once: names in their own right below, and the lexicon's word on where
  // a name read over the words begins (工业和信息化部|重点实验室).
  const nationalMatches = NATIONAL_NAMES.scan(text);
  const national = nationalMatches.map((m) => ({ start: m.start, end: m.end }));
  if (words) out.push(...headedMentions(text, readHeadedNames(text, words, places, national), ctx, mention));

  // Companies and groups: extend left from the suffix to the nearest stop character.
  for (const m of words ? [] : text.matchAll(/(集团股份有限公司|股份有限公司|有限责任公司|有限公司|集团)/g)) {
    let start = m.index;
    while (
      start > 0 &&
      m.index - start < 24 &&
      !STOP.test(text[start - 1]!) &&
      !NOT_IN_NAME_AT_END.test(text.slice(Math.max(0, start - 2), start))
    )
      start--;
    const surface = text.slice(start, m.index + m[0].length);
    if ([...surface].length < 4) continue;
    out.push(mention(start, surface, surface, "company-suffix"));
  }

  for (const m of nationalMatches) {
    const spec = NATIONAL[m.text]!;
    // 财政部门, 教育部门 are departments in general, not the ministry; 省教育部 is no national body.
    if (/部$/.test(m.text) && (text[m.end] === "门" || /[省市县区]/.test(text[m.start - 1] ?? ""))) continue;
    // 农工党中央, 人民党中央, 民进中央: another party's central committee, not 中共中央.
    if (
      m.text === "党中央" &&
      /[\u4e00-\u9fff]/.test(text[m.start - 1] ?? "") &&
      !/[的和与及同向对是]/.test(text[m.start - 1]!)
    )
      continue;
    out.push({ ...mention(m.start, m.text, spec.name, "national"), props: { kind: spec.kind } });
  }

  return firstOfOverlapping(
    out
      .map(cleanEdges)
      .filter((m): m is Mention => m !== null)
      .sort(longestFirst),
  );
}

/** Reporting words a transcript runs into the name after them (另据俄联邦紧急情况部, 通报应急管理部). */
const LEAD_IN = /^(?:另据|据悉|据|根据|称|指导|通报|督促|要求|会同|联合)(?=[\u4e00-\u9fff]{3,})/;
/**
 * Descriptions, not names: a count before the head (一座购物中心), a city centre, a layout, a headquarters, a
 * spacecraft numbered in its series (天宫二号空间实验室).
 */
const NOT_A_NAME = /一座|一家|一所|一个|市中心$|布局$|总部$|[一二三四五六七八九十]号(?:空间)?实验室$/;

/** An organization mention with the words no name begins with cut off, or null when it names no organization. */
function cleanEdges(m: Mention): Mention | null {
  if (FORMER_UNIT.test(m.canonical)) m = { ...m, canonical: m.canonical.replace(FORMER_UNIT, "") };
  const lead = m.via === "national" ? null : LEAD_IN.exec(m.text);
  const text = lead ? m.text.slice(lead[0].length) : m.text;
  if (NOT_A_NAME.test(text)) return null;
  if (!lead) return m;
  const canonical = m.canonical.startsWith(lead[0]) ? m.canonical.slice(lead[0].length) : m.canonical;
  return { ...m, start: m.start + lead[0].length, text, canonical };
}
