// Posts: who holds which title at which organization (HOLDS_POSITION), from bylines, credits and title chains.
// A post the text marks as held before (时任, 原) carries `former: true`.
import type { EntityDoc } from "../../core/model.js";
import type { ArticleContext } from "../mentions/types.js";
import { publisherEntity } from "../resolve.js";
import type { RelateScope } from "./scope.js";

/** Credit lines at an article's end: （版式设计：张芳曼）, 摄影：…, 制图：…. */
const CREDIT =
  /[（(]?(版式设计|制图|摄影|图片|视频|监制|策划)\s*[:：]\s*([\u4e00-\u9fff]{2,4}(?:[、\s]+[\u4e00-\u9fff]{2,4})*)\s*[）)]?/g;

export function relatePosts(s: RelateScope): void {
  const { article, text, ctx, found } = s;
  const flat = text.replace(/[ \u3000\t]+/g, "");
  // Bylines: the reporter REPORTED the article and holds the post the byline gives at the paper's publisher.
  const publisher = article.source ? publisherEntity(article.source) : null;
  if (publisher) s.entities.push(publisher);
  for (const name of article.byline) {
    const p = { id: `person:${name}`, type: "Person" as const, name, aliases: [] };
    s.entities.push(p);
    const at = Math.max(0, text.indexOf(name));
    s.rel("REPORTED", p.id, article.id, at);
    const title = new RegExp(`通讯员[^记者]{0,12}${name}`).test(flat) ? "通讯员" : "记者";
    if (publisher) s.rel("HOLDS_POSITION", p.id, publisher.id, at, { title });
  }
  if (publisher)
    for (const m of flat.matchAll(CREDIT)) {
      for (const name of m[2]!.split(/[、\s]+/)) {
        if (!/^[\u4e00-\u9fff]{2,4}$/.test(name)) continue;
        const p = { id: `person:${name}`, type: "Person" as const, name, aliases: [] };
        s.entities.push(p);
        s.rel("HOLDS_POSITION", p.id, publisher.id, Math.max(0, text.indexOf(name)), { title: m[1]! });
      }
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
    s.rel("HOLDS_POSITION", `person:${t.person.canonical}`, org.id, t.person.start, {
      title: t.title,
      ...(t.former ? { former: true } : {}),
    });
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
