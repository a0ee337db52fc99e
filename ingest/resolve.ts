// Resolution: one entity per real thing. Ids are built from canonical keys so the same person, place or meeting
// read from different articles, pages and runs lands on one node: places by division code, organizations by full
// name, meetings by name and date.
import type { EntityDoc } from "../core/model.js";
import { fullCode, lookupPlace, type Division } from "./gazetteer/places.js";
import { kindOf } from "./gazetteer/org-kinds.js";
import { homeCodes } from "./context.js";
import type { ArticleContext, Mention } from "./mentions/types.js";

export function placeEntity(d: Division): EntityDoc {
  return {
    id: `place:${fullCode(d.code)}`,
    type: "Place",
    name: d.name,
    aliases: d.short ? [d.short] : [],
    code: fullCode(d.code),
    level: d.level,
  };
}

/** The entity a mention names. Meetings carry the date the relate stage found for them (or none). */
export function entityFor(m: Mention, ctx: ArticleContext, meetingDate?: string | null): EntityDoc {
  const aliases = m.text !== m.canonical ? [m.text] : [];
  switch (m.type) {
    case "Place": {
      const d = m.props.code ? null : lookupPlace(m.canonical, { home: homeCodes(ctx) }, true);
      if (d) return { ...placeEntity(d), aliases: [...new Set([...(d.short ? [d.short] : []), ...aliases])] };
      if (m.props.code)
        return {
          id: `place:${m.props.code}`,
          type: "Place",
          name: m.canonical,
          aliases,
          code: m.props.code,
          level: m.props.level ?? "other",
        };
      return { id: `place:${m.canonical}`, type: "Place", name: m.canonical, aliases, level: m.props.level ?? "other" };
    }
    case "Organization": {
      const kind = m.props.kind ?? kindOf(m.canonical);
      const bare = kind === "company" ? withoutLeadingPlaces(m.canonical) : m.canonical;
      return {
        id: `org:${m.canonical}`,
        type: "Organization",
        name: m.canonical,
        aliases: bare !== m.canonical ? [...new Set([...aliases, bare])] : aliases,
        kind,
      };
    }
    case "Person":
      return { id: `person:${m.canonical}`, type: "Person", name: m.canonical, aliases };
    case "Project":
      return { id: `project:${m.canonical}`, type: "Project", name: m.canonical, aliases };
    case "Meeting": {
      const date = meetingDate ?? undefined;
      return {
        id: date ? `meeting:${date}:${m.canonical}` : `meeting:${m.canonical}`,
        type: "Meeting",
        name: m.canonical,
        aliases,
        ...(date ? { date } : {}),
      };
    }
  }
}

/**
 * The organization behind a paper or agency: a newspaper is published by its 社 (人民日报 → 人民日报社, with the
 * paper's name as an alias); an agency or broadcaster is its own name (新华社).
 */
export function publisherEntity(source: string): EntityDoc {
  const name = /报$/.test(source) ? `${source}社` : source;
  return { id: `org:${name}`, type: "Organization", name, aliases: name === source ? [] : [source], kind: "media" };
}

/**
 * Merges entities with the same id: names stay, aliases and known properties union (the first sighting's values
 * win). The merged entity is a copy made at the first sighting and completed in place by later ones, so an entity
 * named in thousands of articles is not copied thousands of times.
 */
export function mergeEntities(list: EntityDoc[]): EntityDoc[] {
  const byId = new Map<string, { entity: EntityDoc; aliases: Set<string> | null }>();
  for (const e of list) {
    const prev = byId.get(e.id);
    if (!prev) {
      // Most entities come without aliases, and so add none to what is known.
      const aliases = e.aliases.length ? new Set(e.aliases.filter((a) => a !== e.name)) : null;
      byId.set(e.id, { entity: { ...e, aliases: [] }, aliases });
      continue;
    }
    const into = prev.entity as unknown as Record<string, unknown>;
    const from = e as unknown as Record<string, unknown>;
    for (const k in from) if (into[k] === undefined) into[k] = from[k];
    if (e.aliases.length) {
      prev.aliases ??= new Set();
      for (const a of e.aliases) if (a !== prev.entity.name) prev.aliases.add(a);
    }
  }
  const out: EntityDoc[] = [];
  for (const { entity, aliases } of byId.values()) {
    if (aliases) entity.aliases = [...aliases];
    out.push(entity);
  }
  return out;
}

/**
 * A company's name without the divisions it opens with (江西省鹰潭市钲旺科技有限公司 → 钲旺科技有限公司): the form
 * other articles write it in, kept as an alias so both readings find one node. Never strips to a bare suffix.
 */
export function withoutLeadingPlaces(name: string): string {
  let rest = name;
  for (let guard = 0; guard < 4; guard++) {
    let cut = 0;
    for (let k = Math.min(8, rest.length - 4); k >= 2; k--) {
      const d = lookupPlace(rest.slice(0, k), { home: [] }, true);
      if (d && (d.name === rest.slice(0, k) || d.short === rest.slice(0, k))) {
        cut = k;
        break;
      }
    }
    if (!cut) break;
    rest = rest.slice(cut);
  }
  return rest.length >= 4 ? rest : name;
}
