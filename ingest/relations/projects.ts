// Projects: which organization runs a project (RUNS) and where it is (LOCATED_IN).
import type { EntityDoc } from "../../core/model.js";
import { lookupPlace } from "../gazetteer/places.js";
import { findPlaces, homeCodes } from "../mentions/places.js";
import type { ArticleContext } from "../mentions/types.js";
import { placeEntity } from "../resolve.js";
import type { RelateScope } from "./scope.js";

export function relateProjects(s: RelateScope): void {
  const { found, ctx } = s;
  const orgMentions = [...found.mentions, ...found.nested].filter((m) => m.type === "Organization");
  // The company in the name runs it; a place in the name or the company's name locates it.
  for (const p of found.mentions.filter((m) => m.type === "Project")) {
    const pid = s.entityOf(p).id;
    const company = orgMentions.find((o) => o.start === p.start && o.props.kind === "company");
    if (company) s.rel("RUNS", s.entityOf(company).id, pid, p.start);
    const place = placeInName(p.canonical, ctx);
    if (place) {
      s.entities.push(place);
      s.rel("LOCATED_IN", pid, place.id, p.start);
    }
  }
}

/** The division a name starts with (聊城市 in 聊城市人民医院), as a place entity. */
export function placeInName(name: string, ctx: ArticleContext): EntityDoc | null {
  const hit = findPlaces(name, ctx).find((p) => p.start === 0 && p.props.code);
  if (!hit) return null;
  const d = lookupPlace(hit.canonical, { home: homeCodes(ctx) }, true);
  return d ? placeEntity(d) : null;
}
