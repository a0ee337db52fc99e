// Place mentions: GB/T 2260 divisions (full and short names), countries and regions, named rivers, mountains and
// macro-regions, regions named by a region word (川南地区, 黄河上游), development zones, and the towns and villages
// below the counties the article names (place-suffix.ts).
import { homeCodes } from "../context.js";
import { DictMatcher } from "../gazetteer/matcher.js";
import { COUNTRIES_AND_REGIONS, COUNTRY_SET } from "../gazetteer/lexicon.js";
import { FEATURES, REGION_STEMS, REGION_WORDS, RIVERS } from "../gazetteer/features.js";
import { fullCode, lookupPlace, namesIndex, type Division } from "../gazetteer/places.js";
import { wordBoundaries, wordsOf, type Segmenter } from "../segmenter.js";
import { codePrefix, findLocalities, findSuffixPlaces } from "./place-suffix.js";
import type { ArticleContext, Mention } from "./types.js";
import { NO_WORDS, wordOffsets } from "./word-offsets.js";

type Kind = "division" | "named" | "feature" | "stem";

let matcher: DictMatcher<Kind> | null = null;

function placeMatcher(): DictMatcher<Kind> {
  if (!matcher) {
    const words = new Map<string, Kind>();
    for (const w of REGION_STEMS) words.set(w, "stem");
    for (const w of FEATURES) words.set(w, "feature");
    for (const w of COUNTRIES_AND_REGIONS) words.set(w, "named");
    for (const w of namesIndex().keys()) words.set(w, "division");
    matcher = new DictMatcher(words);
  }
  return matcher;
}

export { homeCodes };

const FEATURE_SET = new Set(FEATURES);
/** The form of a state written after its short name. */
const STATE_FORM =
  /^(?:(?:人民|民主|联邦|伊斯兰|社会主义|民主社会主义|联合|合作|玻利瓦尔|东方|阿拉伯|多民族)?共和国|王国|合众国|大公国)/;
const MUNICIPALITY = /^(11|12|31|50)$/;
const REGION_AFTER = new RegExp(`^(?:${[...REGION_WORDS].sort((a, b) => b.length - a.length).join("|")})`);
/** Short district names that are everyday words elsewhere (蓟州古城区): trusted only where the text supports them. */
const GENERIC_DISTRICT = /^(古城|新城|老城|城关|城中|城东|城西|城南|城北|城区|郊区|矿区|开发区|新区|高新区)/;

/** A feature's name that begins a street's (燕山西大街, 长江路) names the street, not the feature. */
const STREET_AFTER = /^[东西南北中]?(?:大街|大道|路|街|巷)/;

const placeMention = (
  start: number,
  end: number,
  text: string,
  canonical: string,
  props: Mention["props"],
  via: string,
): Mention => ({
  type: "Place",
  start,
  end,
  text,
  canonical,
  props,
  via,
});

export function findPlaces(text: string, ctx: ArticleContext, segmenter?: Segmenter): Mention[] {
  const out: Mention[] = [];
  const home = homeCodes(ctx);
  const bounds = segmenter ? wordBoundaries(segmenter, text) : null;
  const hits = placeMatcher().scan(text);
  // Codes the article names in full or by an unambiguous short form: they make a far short form credible.
  const named = new Set<string>();
  for (const hit of hits) {
    if (bounds && !bounds.has(hit.start) && !bounds.has(hit.end)) continue;
    const d = hit.value === "division" ? lookupPlace(hit.text, { home }) : null;
    if (d && !(d.level === "county" && GENERIC_DISTRICT.test(hit.text))) named.add(d.code);
  }
  // A far county is credible where the paper's home or the division right above it (a city, or the province of a
  // municipality's district) is named (德令哈 beside 海西州); a province alone does not make 万年 or 资源 a county.
  const supported = (d: Division) =>
    home.some((h) => d.code.startsWith(h)) || (d.parent !== null && named.has(d.parent));
  let prev: Mention | null = null;
  // Right after a division it belongs to (广西象州, 山西代县), a county is certain.
  const chained = (d: Division, at: number) =>
    prev !== null &&
    prev.end === at &&
    prev.props.code !== undefined &&
    d.code.startsWith(codePrefix(prev.props.code)!);
  const wordAt = segmenter ? wordOffsets(wordsOf(segmenter, text)) : NO_WORDS;
  for (const hit of hits) {
    // A name never starts and ends inside words (山西 in 燕山西大街).
    if (bounds && !bounds.has(hit.start) && !bounds.has(hit.end) && !(prev && prev.end === hit.start)) continue;
    // 来宾们, 东方们: a plural of people is no place.
    if (text[hit.end] === "们") continue;
    let m: Mention | null = null;
    if (hit.value === "division") {
      let d = lookupPlace(hit.text, { home });
      if (!d) {
        // A far county's short form counts where the article names its city or province (德令哈 beside 海西州).
        const far = lookupPlace(hit.text, { home }, true);
        if (far && (supported(far) || chained(far, hit.start))) d = far;
      }
      // A two-character county name far from the paper's home inside a longer word (产业兴县) is no place.
      if (
        d &&
        d.level === "county" &&
        hit.text.length === 2 &&
        !supported(d) &&
        !chained(d, hit.start) &&
        /[\u4e00-\u9fff]/.test(text[hit.start - 1] ?? "")
      )
        d = null;
      // A county's short form the segmenter reads as a common noun or verb (资源, 运河) is that word.
      const w = wordAt.startingAt(hit.start);
      if (
        d &&
        d.level === "county" &&
        d.name !== hit.text &&
        w?.end === hit.end &&
        /^(n|v|vn|a|an|d|t|f)$/.test(w.tag) &&
        !chained(d, hit.start)
      )
        d = null;
      if (d && d.level === "county" && !supported(d) && GENERIC_DISTRICT.test(hit.text)) {
        // 古城区 right after 蓟州: a part of that place, not the far district of the same name.
        if (prev && prev.end === hit.start && prev.props.code) {
          out.pop();
          m = placeMention(
            prev.start,
            hit.end,
            prev.text + hit.text,
            prev.text + hit.text,
            { level: "other" },
            "compound",
          );
        } else d = null;
      }
      // A lake or river that shares a county's short form (东湖) is the feature unless its division comes first.
      if (d && d.level === "county" && d.name !== hit.text && FEATURE_SET.has(hit.text) && !chained(d, hit.start))
        m = placeMention(hit.start, hit.end, hit.text, hit.text, { level: "other" }, "feature");
      if (!m && d)
        m = placeMention(hit.start, hit.end, hit.text, d.name, { code: fullCode(d.code), level: d.level }, "gazetteer");
    } else if (hit.value === "named") {
      // A two-character country is a word of its own (马里, 多哥, 阿曼 inside other words are none).
      if (
        bounds &&
        hit.text.length === 2 &&
        COUNTRY_SET.has(hit.text) &&
        !(bounds.has(hit.start) && bounds.has(hit.end))
      )
        continue;
      // A state written with its form (赞比亚共和国, 马尔代夫共和国) is the state.
      const form = COUNTRY_SET.has(hit.text) ? STATE_FORM.exec(text.slice(hit.end, hit.end + 12))?.[0] : undefined;
      const end = hit.end + (form?.length ?? 0);
      m = placeMention(
        hit.start,
        end,
        text.slice(hit.start, end),
        hit.text,
        { level: COUNTRY_SET.has(hit.text) ? "country" : "other" },
        "gazetteer",
      );
    } else if (hit.value === "feature" && !STREET_AFTER.test(text.slice(hit.end, hit.end + 3)))
      m = placeMention(hit.start, hit.end, hit.text, hit.text, { level: "other" }, "feature");
    if (hit.value !== "division") {
      // A region word after a feature, region or country makes a region of its own (长白山地区, 黄河上游, 川南地区).
      const word = REGION_AFTER.exec(text.slice(hit.end, hit.end + 3))?.[0];
      const fits =
        word && (word === "地区" || word === "库区" ? true : (RIVERS as readonly string[]).includes(hit.text));
      if (word && fits) {
        const name = hit.text + word;
        m = placeMention(
          m?.start ?? hit.start,
          hit.end + word.length,
          m ? m.text + word : name,
          m ? m.canonical + word : name,
          { level: "other" },
          "region",
        );
      } else if (hit.value === "stem") m = null;
    }
    if (m) {
      out.push(m);
      prev = m;
    }
  }
  addRegions(text, out, new Set([...out.map((o) => o.text), ...REGION_STEMS]));
  addZones(text, ctx, out);
  const placeEnds = new Map<number, string | undefined>();
  for (const p of out) if (!placeEnds.get(p.end)) placeEnds.set(p.end, p.props.code);
  const prefixes = out.flatMap((p) => {
    const c = codePrefix(p.props.code);
    // Towns of a whole province are too many to read for every article that names one; a municipality's are few.
    return c && (c.length >= 4 || MUNICIPALITY.test(c)) ? [c] : [];
  });
  out.push(...findLocalities(text, prefixes, bounds, placeEnds));
  // Suffix readings run after the package's names, so a chain (三坑镇湴崀村) starts where the town ends.
  // A reading that cuts into a coded or listed name (线途经心宁村) is none.
  const taken = (s: { start: number; end: number }) =>
    out.some(
      (o) =>
        (o.props.code || o.via === "locality" || (o.start <= s.start && s.end <= o.end)) &&
        o.start < s.end &&
        s.start < o.end,
    );
  for (const s of findSuffixPlaces(text, segmenter, new Set(placeEnds.keys()))) if (!taken(s)) out.push(s);
  return out;
}

/** Regions named by what they are after a place word: 济南都市圈, 中原城市群. */
function addRegions(text: string, out: Mention[], placeWords: Set<string>): void {
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2})(都市圈|城市群|经济圈)/g))
    // Only a place word makes one (双城 of 成渝地区双城经济圈 is none).
    if (placeWords.has(m[1]!))
      out.push(placeMention(m.index, m.index + m[0].length, m[0], m[0], { level: "other" }, "region"));
}

/** Words before a zone that make it the paper's city's own (全市高新区); all two characters long. */
const OWN_CITY = new Set(["全市", "我市", "本市", "市属"]);

/** Development zones of a place (鹰潭高新区, 通川经开区, 苏州工业园区) or of the paper's city (全市高新区). */
function addZones(text: string, ctx: ArticleContext, out: Mention[]): void {
  for (const m of text.matchAll(/(高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|工业园区|新区)/g)) {
    const before = out.find((p) => p.end === m.index && p.props.code);
    const own =
      /(?:^|[^\u4e00-\u9fff]|[、，和及与赴到在])$/.test(text.slice(Math.max(0, m.index - 1), m.index)) ||
      OWN_CITY.has(text.slice(Math.max(0, m.index - 2), m.index));
    if (!before && !(own && ctx.city && /高新|开/.test(m[0]))) continue;
    if (!before && m[0] === "新区") continue;
    const start = before ? before.start : m.index;
    const name = `${before ? before.text.replace(/(市|县|区)$/, "") : ctx.city!.short}${m[0]}`;
    const text1 = text.slice(start, m.index + m[0].length);
    if (out.some((p) => p.start === start && p.end === m.index + m[0].length)) continue; // listed (苏州工业园区)
    out.push(placeMention(start, m.index + m[0].length, text1, name, { level: "other" }, "zone"));
  }
}
