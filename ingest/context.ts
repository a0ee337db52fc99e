// The context stage: where an article stands before any mention is read — the paper's home city and province
// (市委 in a Liaocheng paper is 中共聊城市委) and the division codes that count as home for short place names.
import { ancestors, lookupPlace, type Division } from "./gazetteer/places.js";
import type { ArticleContext } from "./mentions/types.js";

/** The paper's home: 中共聊城市委机关报 or 聊城日报 → 聊城市 in 山东省. */
export function contextFor(paper: string, publisher: string | null, articleDate: string | null): ArticleContext {
  const names = [
    publisher?.replace(/^中共/, "").replace(/(市委|省委|县委|区委|州委)$/, ""),
    paper.replace(/(日报|晚报|时报|早报|都市报|商报|新闻)$/, ""),
  ];
  let found: Division | null = null;
  for (const n of names) {
    if (!n) continue;
    found = lookupPlace(n, { home: [] }, true);
    if (found) break;
  }
  const view = (d: Division) => ({ code: d.code, name: d.name, short: d.short ?? d.name });
  if (!found) return { paper, articleDate, city: null, province: null };
  const chain = [found, ...ancestors(found.code)];
  const city = chain.find((d) => d.level === "city");
  const province = chain.find((d) => d.level === "province");
  return { paper, articleDate, city: city ? view(city) : null, province: province ? view(province) : null };
}

/** Division code prefixes of the paper's city and province: short names there are read as home places. */
export function homeCodes(ctx: ArticleContext): string[] {
  return [ctx.city?.code, ctx.province?.code].filter((c): c is string => Boolean(c));
}
