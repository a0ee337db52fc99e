// The article's own places: the province, city and county it names most. A national paper (人民日报) has no home
// city, so short forms such as 县交通运输局, 市图书馆 or 省委办公厅 resolve against the places the article is about.
import { divisions, type Division } from "../gazetteer/places.js";
import type { ArticleContext, FocusPlace, Mention } from "./types.js";

/** Mentions in the opening (dateline, first sentence) weigh more: that is where news says where it stands. */
const OPENING = 120;
const OPENING_WEIGHT = 2;

const view = (d: Division): FocusPlace => ({ code: d.code, name: d.name, short: d.short ?? d.name });

/**
 * The most named division at each level, each inside the one above: a mention of a county also counts for its
 * city and province, a village for its county. A county or city needs two mentions to be the focus; a province
 * one (the county's or city's own province is always named through them).
 */
export function articleFocus(places: Mention[]): NonNullable<ArticleContext["focus"]> {
  const score = new Map<string, number>();
  for (const p of places) {
    const code = p.props.code;
    if (!code) continue;
    const w = p.start < OPENING ? OPENING_WEIGHT : 1;
    for (const len of [2, 4, 6]) {
      if (code.length < len) break;
      const key = code.slice(0, len);
      score.set(key, (score.get(key) ?? 0) + w);
    }
  }
  const all = divisions();
  const best = (len: number, under: string, min: number): Division | null => {
    let top: Division | null = null;
    let topScore = 0;
    for (const [key, n] of score) {
      if (key.length !== len || !key.startsWith(under) || n < min || n <= topScore) continue;
      const d = all.get(key);
      if (!d) continue;
      top = d;
      topScore = n;
    }
    return top;
  };
  const province = best(2, "", 1);
  const city = province ? best(4, province.code, 2) : null;
  // A county directly under its province (省直辖县, 重庆's counties) is looked for under the province.
  const county = city ? best(6, city.code, 2) : province ? best(6, province.code, 2) : null;
  // The village (or community) named most: 村党支部, 村委会 in a story about one village are its bodies.
  const villages = new Map<string, { m: Mention; n: number }>();
  for (const p of places) {
    if (!/[村]$/.test(p.canonical) || p.canonical.length < 3) continue;
    const v = villages.get(p.canonical) ?? { m: p, n: 0 };
    v.n++;
    villages.set(p.canonical, v);
  }
  const village = [...villages.values()].sort((a, b) => b.n - a.n || a.m.start - b.m.start)[0]?.m;
  return {
    village: village ? { code: village.props.code ?? "", name: village.canonical, short: village.text } : null,
    province: province ? view(province) : null,
    city: city && city.level === "city" ? view(city) : null,
    county: county && county.level === "county" ? view(county) : null,
  };
}
