// Places inside places (PART_OF), to what the article names:
// - a coded place → its nearest ancestor (by GB/T 2260 / statistical code) that the article names: 三坑镇 → 清远市
//   when the text says 广东清远三坑镇, 仙居县 → 浙江省 when it says 浙江仙居县;
// - a place written right after another (广东清远连州市三坑镇湴崀村, 蓟州古城区) → the one before it, with or
//   without codes;
// - a zone or compound whose name begins with a division (通川经开区) → that division, or its nearest named ancestor;
// - a town, village or site the text places (位于/地处 X) → X; else, in an article that names one county, → it;
// - a region written with a province's one-character name and a direction (川南地区) → that province, if named.
// Ancestors between are not added (仙居县 → 浙江省 skips 台州市): each would be an entity the article does not
// mention (on the annotated set the full chain added 台州市, 定西市 as wrong entities and missed the stated links),
// and the hierarchy between divisions stays in their codes (371526 ⊂ 3715 ⊂ 37), which the graph keeps on every
// place. Where the article names no ancestor, the division chain up to the province is added (from the paper's
// city where that is one: 高唐县 in 聊城日报 → 聊城市 → 山东省), so a query for a city's places still finds it.
import type { EntityDoc } from "../../core/model.js";
import { REGION_MEMBERS, RIVERS } from "../gazetteer/features.js";
import { ancestors, divisions, fullCode, lookupPlace } from "../gazetteer/places.js";
import type { Mention } from "../mentions/types.js";
import { homeCodes } from "../context.js";
import { placeEntity } from "../resolve.js";
import type { RelateScope } from "./scope.js";

/** Codes above a place's code, nearest first, in their 6-, 9- or 12-digit form. */
export function ancestorCodes(code: string): string[] {
  if (code.length === 12) return [code.slice(0, 9), ...ancestorCodes(code.slice(0, 9))];
  if (code.length === 9) return [code.slice(0, 6), ...ancestorCodes(code.slice(0, 6))];
  return ancestors(code.replace(/(00)+$/, "")).map((d) => fullCode(d.code));
}

/** One-character province names that begin regions (川南, 苏北, 陕北, 粤西). */
const PROVINCE_CHAR: Record<string, string> = {
  京: "11", 津: "12", 冀: "13", 晋: "14", 蒙: "15", 辽: "21", 吉: "22", 黑: "23", 沪: "31", 苏: "32", 浙: "33",
  皖: "34", 闽: "35", 赣: "36", 鲁: "37", 豫: "41", 鄂: "42", 湘: "43", 粤: "44", 桂: "45", 琼: "46", 渝: "50",
  川: "51", 黔: "52", 滇: "53", 藏: "54", 陕: "61", 陇: "62", 青: "63", 宁: "64", 新: "65",
}; // prettier-ignore

/** The macro-regions' member codes, by the region's name. */
const REGIONS = new Map(Object.entries(REGION_MEMBERS));

const PLACED_AT = /^(?:位于|地处|坐落于|坐落在|地处于)/;
const LOCAL_LEVEL = new Set(["town", "village"]);

export function relatePlaces(s: RelateScope): void {
  // Only places the article's entities hold: a place nested in another name (长春 in 熊长春) is none.
  const held = new Set(s.entities.map((e) => e.id));
  const mentions = [...s.found.mentions, ...s.found.nested]
    .filter((m) => m.type === "Place" && held.has(s.entityOf(m).id))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const entityOf = new Map<Mention, EntityDoc>(mentions.map((m) => [m, s.entityOf(m)]));
  // Places the text names, by code; every coded place an entity of the article (another family's too) gets a parent.
  const byCode = new Map<string, EntityDoc>();
  for (const e of entityOf.values()) if (e.code) byCode.set(e.code, e);
  const coded = new Map<string, EntityDoc>(byCode);
  for (const e of s.entities) if (e.type === "Place" && e.code && !coded.has(e.code)) coded.set(e.code, e);
  const firstAt = new Map<string, number>();
  for (const [m, e] of entityOf) if (!firstAt.has(e.id)) firstAt.set(e.id, m.start);
  const linked = new Set<string>();
  const link = (child: EntityDoc, parent: EntityDoc, at: number) => {
    if (child.id === parent.id || linked.has(`${child.id}|${parent.id}`)) return;
    linked.add(`${child.id}|${parent.id}`);
    s.entities.push(parent);
    s.rel("PART_OF", child.id, parent.id, at);
  };
  const hasParent = new Set<string>();
  const listParent = new Map<string, EntityDoc>();

  // Coded places: the nearest ancestor the article or the paper's home names; where none is, the division chain.
  const homeCity = s.ctx.city ? fullCode(s.ctx.city.code) : null;
  const division = (code: string) => divisions().get(code.replace(/(00)+$/, ""));
  for (const e of coded.values()) {
    const up = ancestorCodes(e.code!);
    const at = firstAt.get(e.id) ?? 0;
    const named = up.find((c) => byCode.has(c));
    if (named) link(e, byCode.get(named)!, at);
    else {
      // The division chain, from the paper's city where it is one of the ancestors (高唐县 in 聊城日报), else whole.
      const from = homeCity && up.includes(homeCity) ? up.indexOf(homeCity) : 0;
      let child = e;
      for (const c of up.slice(from)) {
        const d = c.length === 6 ? division(c) : undefined;
        if (!d) continue;
        const parent = placeEntity(d);
        link(child, parent, at);
        child = parent;
      }
    }
    if (up.length) hasParent.add(e.id);
  }

  // Macro-regions the article names hold the coded places it names inside their members (天津市 ⊂ 京津冀).
  for (const m of mentions) {
    const members = REGIONS.get(m.canonical.replace(/地区$/, ""));
    if (!members || entityOf.get(m)!.code) continue;
    const region = entityOf.get(m)!;
    const inside = [...new Set(byCode.values())].filter((e) => {
      const code = e.code!.length === 6 ? e.code!.replace(/(00)+$/, "") : e.code!;
      // A member or a place inside one; 四川省 holds members but is no part of 成渝.
      return members.some((p) => code.startsWith(p)) && !members.some((p) => p.startsWith(code) && p !== code);
    });
    // Only the outermost: 天津市 ⊂ 京津冀, and 蓟州区 through 天津市.
    const ids = new Set(inside.map((e) => e.code!));
    for (const e of inside)
      if (!ancestorCodes(e.code!).some((c) => ids.has(c))) link(e, region, firstAt.get(e.id) ?? m.start);
  }

  // Chains written together, and uncoded places by what the text says of them.
  const counties = [...new Set([...byCode.values()].filter((e) => e.level === "county"))];
  for (const [i, m] of mentions.entries()) {
    const e = entityOf.get(m)!;
    const before = mentions.slice(0, i).findLast((p) => p.end === m.start && p.start < m.start);
    // A river runs through many places: 桂林漓江 names the stretch, not a part of the city.
    const river = m.via === "feature" && (RIVERS as readonly string[]).includes(m.canonical);
    if (before && !river && !(e.code && entityOf.get(before)!.code)) {
      link(e, entityOf.get(before)!, m.start);
      listParent.set(e.id, entityOf.get(before)!);
      hasParent.add(e.id);
      continue;
    }
    if (e.code || hasParent.has(e.id)) continue;
    // A list after a chain (自贡市木桥沟水库、碾子滩水库): the item shares its neighbour's parent.
    const sibling = s.text[m.start - 1] === "、" ? mentions.slice(0, i).findLast((p) => p.end === m.start - 1) : null;
    const shared = sibling ? listParent.get(entityOf.get(sibling)!.id) : undefined;
    if (shared) {
      link(e, shared, m.start);
      listParent.set(e.id, shared);
      hasParent.add(e.id);
      continue;
    }
    const parent = namedIn(s, m, byCode) ?? placedAt(s, m, mentions, entityOf) ?? regionOf(m, byCode);
    if (parent) link(e, parent, m.start);
    else if (LOCAL_LEVEL.has(m.props.level ?? "") || m.via === "suffix") {
      if (counties.length === 1) link(e, counties[0]!, m.start);
    } else continue;
    hasParent.add(e.id);
  }
}

/** The division an uncoded name begins with (通川 in 通川经开区), or its nearest ancestor the article names. */
function namedIn(s: RelateScope, m: Mention, byCode: Map<string, EntityDoc>): EntityDoc | null {
  const name = m.canonical;
  for (let len = Math.min(name.length - 2, 10); len >= 2; len--) {
    const d = lookupPlace(name.slice(0, len), { home: homeCodes(s.ctx) }, true);
    if (!d) continue;
    const own = fullCode(d.code);
    const named = [own, ...ancestorCodes(own)].find((c) => byCode.has(c));
    // Only a division the article supports: 盘山 of 盘山风景区 is no county of Liaoning in a Tianjin story.
    if (named) return byCode.get(named)!;
  }
  return null;
}

/** The place the text puts it in: X位于Y, the most specific place of the chain after 位于. */
function placedAt(s: RelateScope, m: Mention, all: Mention[], entityOf: Map<Mention, EntityDoc>): EntityDoc | null {
  const verb = PLACED_AT.exec(s.text.slice(m.end, m.end + 4));
  if (!verb) return null;
  let at = m.end + verb[0].length;
  let last: Mention | null = null;
  for (let next = all.find((p) => p.start === at); next; next = all.find((p) => p.start === at)) {
    last = next;
    at = next.end;
  }
  return last ? entityOf.get(last)! : null;
}

/** 川南地区 → 四川省, when the article names the province. */
function regionOf(m: Mention, byCode: Map<string, EntityDoc>): EntityDoc | null {
  const code = PROVINCE_CHAR[m.canonical[0] ?? ""];
  if (!code || !/^.[东西南北中]/.test(m.canonical) || m.via !== "region") return null;
  return byCode.get(fullCode(code)) ?? null;
}
