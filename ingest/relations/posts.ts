// Posts: who holds which title at which organization (HOLDS_POSITION), from bylines and title chains.
import type { EntityDoc } from "../../core/model.js";
import type { ArticleContext } from "../mentions/types.js";
import type { RelateScope } from "./scope.js";

export function relatePosts(s: RelateScope): void {
  const { article, text, ctx, found } = s;
  // Bylines: the reporter REPORTED the article and is a reporter of the paper or agency.
  const source = article.source
    ? {
        id: `org:${article.source}`,
        type: "Organization" as const,
        name: article.source,
        aliases: [],
        kind: "media" as const,
      }
    : null;
  if (source) s.entities.push(source);
  for (const name of article.byline) {
    const p = { id: `person:${name}`, type: "Person" as const, name, aliases: [] };
    s.entities.push(p);
    const at = Math.max(0, text.indexOf(name));
    s.rel("REPORTED", p.id, article.id, at);
    const title = text.includes(`通讯员${name}`) ? "通讯员" : "记者";
    if (source && title === "记者") s.rel("HOLDS_POSITION", p.id, source.id, at, { title });
  }

  // Title chains: each title links its person to the organization the title names.
  let chainOrg: EntityDoc | null = null;
  for (const [k, t] of found.titles.entries()) {
    if (!t.person) continue;
    // 市委常委、秘书长潘立新: a title without its own prefix inherits the one before it in the chain.
    const prev = found.titles[k - 1];
    if (!prev || prev.person !== t.person) chainOrg = null;
    const org: EntityDoc | null = t.org ? s.entityOf(t.org) : (impliedOrganization(t.title, ctx) ?? chainOrg);
    chainOrg = org;
    if (!org) continue;
    s.entities.push(org);
    s.rel("HOLDS_POSITION", `person:${t.person.canonical}`, org.id, t.person.start, { title: t.title });
  }
}

/** 市长 with no prefix in a city paper is the city's mayor; 总书记 is the party's. */
function impliedOrganization(title: string, ctx: ArticleContext): EntityDoc | null {
  if (/市长$/.test(title) && ctx.city)
    return {
      id: `org:${ctx.city.name}人民政府`,
      type: "Organization",
      name: `${ctx.city.name}人民政府`,
      aliases: ["市政府"],
      kind: "government",
    };
  if (title === "总书记")
    return { id: "org:中共中央", type: "Organization", name: "中共中央", aliases: ["党中央"], kind: "party" };
  return null;
}
