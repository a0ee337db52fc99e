// Place mentions: GB/T 2260 divisions (full and short names) and a list of countries and regions.
import { DictMatcher } from "../gazetteer/matcher.js";
import { COUNTRIES, COUNTRIES_AND_REGIONS } from "../gazetteer/lexicon.js";
import { fullCode, lookupPlace, namesIndex } from "../gazetteer/places.js";
import type { ArticleContext, Mention } from "./types.js";

let matcher: DictMatcher<true> | null = null;

function placeMatcher(): DictMatcher<true> {
  if (!matcher) {
    const words = [...namesIndex().keys(), ...COUNTRIES_AND_REGIONS].map((w) => [w, true] as [string, true]);
    matcher = new DictMatcher(words);
  }
  return matcher;
}

export function homeCodes(ctx: ArticleContext): string[] {
  return [ctx.city?.code, ctx.province?.code].filter((c): c is string => Boolean(c));
}

export function findPlaces(text: string, ctx: ArticleContext): Mention[] {
  const out: Mention[] = [];
  const home = { home: homeCodes(ctx) };
  for (const hit of placeMatcher().scan(text)) {
    const div = lookupPlace(hit.text, home);
    // A two-character county name far from the paper's home inside a longer word (产业兴县) is no place.
    if (
      div &&
      div.level === "county" &&
      hit.text.length === 2 &&
      !home.home.some((h) => div.code.startsWith(h)) &&
      /[\u4e00-\u9fff]/.test(text[hit.start - 1] ?? "")
    )
      continue;
    if (div) {
      out.push({
        type: "Place",
        start: hit.start,
        end: hit.end,
        text: hit.text,
        canonical: div.name,
        props: { code: fullCode(div.code), level: div.level },
        via: "gazetteer",
      });
    } else if (COUNTRIES_AND_REGIONS.includes(hit.text)) {
      out.push({
        type: "Place",
        start: hit.start,
        end: hit.end,
        text: hit.text,
        canonical: hit.text,
        props: { level: COUNTRIES.includes(hit.text) ? "country" : "other" },
        via: "gazetteer",
      });
    }
  }
  // Regions named by what they are: 济南都市圈, 中原城市群; development zones of a place or of the paper's city.
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2})(都市圈|城市群|经济圈)/g)) {
    out.push({
      type: "Place",
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      canonical: m[0],
      props: { level: "other" },
      via: "region",
    });
  }
  for (const m of text.matchAll(/(高新区|经济开发区|经济技术开发区|经开区)/g)) {
    const before = out.find((p) => p.end === m.index && p.props.code);
    const own =
      /(?:^|[^\u4e00-\u9fff]|[、，和及与赴到在])$/.test(text.slice(Math.max(0, m.index - 1), m.index)) ||
      /(全市|我市|本市|市属)$/.test(text.slice(0, m.index));
    if (!before && !(own && ctx.city)) continue;
    const start = before ? before.start : m.index;
    const name = `${before ? before.text.replace(/(市|县|区)$/, "") : ctx.city!.short}${m[0]}`;
    out.push({
      type: "Place",
      start,
      end: m.index + m[0].length,
      text: text.slice(start, m.index + m[0].length),
      canonical: name,
      props: { level: "other" },
      via: "zone",
    });
  }
  return out;
}
