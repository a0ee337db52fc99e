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
    if (div && hit.text.length === 2 && !home.home.some((h) => div.code.startsWith(h)) && /[\u4e00-\u9fff]/.test(text[hit.start - 1] ?? "")) continue;
    if (div) {
      out.push({ type: "Place", start: hit.start, end: hit.end, text: hit.text, canonical: div.name, props: { code: fullCode(div.code), level: div.level }, via: "gazetteer" });
    } else if (COUNTRIES_AND_REGIONS.includes(hit.text)) {
      out.push({ type: "Place", start: hit.start, end: hit.end, text: hit.text, canonical: hit.text, props: { level: COUNTRIES.includes(hit.text) ? "country" : "other" }, via: "gazetteer" });
    }
  }
  return out;
}
