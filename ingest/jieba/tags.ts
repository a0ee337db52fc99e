// Part-of-speech tags for the words jieba cut, read in JavaScript from the dictionaries nodejieba loads. nodejieba's
// tag() is its cut plus, per word, a dictionary lookup (cppjieba's PosTagger); asking the addon for that builds a
// {word, tag} object per word across N-API, which costs about as much as the cut itself. `readTagTable` reads the
// same files the same way cppjieba's DictTrie does, so `cut(text, true)` followed by `tagOf` per word gives
// nodejieba's tag() answer word for word and tag for tag.
//
// The table is a hash of the words' UTF-16 code units kept in two typed arrays (10 MB for the bundled dictionary,
// outside the JS heap), not a Map of 350,000 strings: quicker to build, to read and a third of the memory.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Word → tag, as cppjieba's PosTagger::LookupTag answers it. */
export interface TagTable {
  tagOf(word: string): string;
  /** Words in the table (a word read twice counts once). */
  readonly size: number;
  /** Bytes held by the table's arrays. */
  readonly bytes: number;
}

/**
 * The tag cppjieba gives a word its dictionary does not tag (PosTagger::SpecialRule). The word's ASCII characters are
 * counted from its start until the count reaches half its length in code points (rounded down): none counted is "x",
 * all of them digits is "m", otherwise "eng". A one-character word counts nothing and is "x" ("a", "5"); "1a" is "m".
 */
export function specialTag(word: string): string {
  const units = word.length;
  let n = units;
  for (let i = 0; i + 1 < units; i++) {
    if (isHigh(word.charCodeAt(i)) && isLow(word.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  const half = n >>> 1;
  let eng = 0;
  let digits = 0;
  for (let i = 0, at = 0; i < n && eng < half; i++) {
    const c = word.charCodeAt(at);
    at += isHigh(c) && at + 1 < units && isLow(word.charCodeAt(at + 1)) ? 2 : 1;
    if (c < 0x80) {
      eng++;
      if (c >= 0x30 && c <= 0x39) digits++;
    }
  }
  if (eng === 0) return "x";
  return digits === eng ? "m" : "eng";
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * limonp's Split as cppjieba uses it: a field before every separator, then the rest when it is not empty ("a b " is
 * two fields, "a  b" three with an empty middle one).
 */
export function splitFields(line: string, separators: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < line.length) {
    let end = -1;
    for (const sep of separators) {
      const at = line.indexOf(sep, start);
      if (at >= 0 && (end < 0 || at < end)) end = at;
    }
    if (end < 0) {
      out.push(line.slice(start));
      break;
    }
    out.push(line.slice(start, end));
    start = end + 1;
  }
  return out;
}

/** A file's lines as std::getline reads them: cut at "\n" only (a "\r" stays), no empty line after a final "\n". */
function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * Strict UTF-8, the byte-order mark kept as a character as cppjieba keeps it. cppjieba's own decoder is lenient
 * with malformed bytes; a file that is not clean UTF-8 throws here instead of being read differently.
 */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// FNV-1a over UTF-16 code units.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The tag table cppjieba's DictTrie builds from `dictPath` (lines "word freq tag") and `userDictPaths` (one or more
 * files joined by "|" or ";", lines "word", "word tag" or "word freq tag"): later lines overwrite earlier ones, so a
 * user word overrides the main dictionary, and a user word without a tag is looked up as untagged (SpecialRule).
 * Throws where cppjieba would refuse the file or read it some other way (a main line without three fields,
 * malformed UTF-8).
 */
export function readTagTable(dictPath: string, userDictPaths: string): TagTable {
  const main = utf8.decode(readFileSync(dictPath));
  const user = splitFields(userDictPaths, "|;").map((path) => utf8.decode(readFileSync(path)));

  // Bounds to size the arrays: one entry per line at most, the words no longer than the files.
  let capacity = 0;
  let units = 0;
  for (const text of [main, ...user]) {
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) capacity++;
    capacity++;
    units += text.length;
  }
  let slotCount = 1024;
  while (slotCount < capacity * 2) slotCount *= 2;
  const mask = slotCount - 1;
  // Open addressing with linear probing, two numbers a slot so a lookup reads one place besides the word itself:
  // where the word starts in `buffer` + 1 (0: a free slot), then its length << 16 | its tag's index in `names`.
  const slots = new Int32Array(slotCount * 2);
  /** The words' code units end to end. */
  const buffer = new Uint16Array(units);
  let used = 0;
  /** Tags by index; 0 is "no tag": SpecialRule decides. */
  const names: string[] = [""];
  const codeOf = new Map<string, number>([["", 0]]);
  let entries = 0;

  /** Enters text[from, to) with `tag`, or gives a word already entered its new tag. */
  const put = (text: string, from: number, to: number, tag: string): void => {
    const length = to - from;
    // cppjieba inserts nothing for an empty word.
    if (length === 0) return;
    if (length > 0xffff) throw new Error("jieba dictionary: a word too long to hold");
    let code = codeOf.get(tag);
    if (code === undefined) {
      code = names.length;
      if (code > 0xffff) throw new Error("jieba dictionary: too many distinct tags");
      names.push(tag);
      codeOf.set(tag, code);
    }
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = slots[2 * s]!;
      if (at === 0) {
        for (let i = from; i < to; i++) buffer[used + i - from] = text.charCodeAt(i);
        slots[2 * s] = used + 1;
        slots[2 * s + 1] = (length << 16) | code;
        used += length;
        entries++;
        return;
      }
      const info = slots[2 * s + 1]!;
      if (info >>> 16 === length && sameKey(buffer, at - 1, text, from, to)) {
        slots[2 * s + 1] = (info & ~0xffff) | code;
        return;
      }
    }
  };

  // Main dictionary: the lines are read in place. "word freq tag" with exactly two spaces is the common case;
  // any other line goes through the field split, and cppjieba refuses a file with a line that is not three fields.
  for (let pos = 0; pos < main.length;) {
    let end = main.indexOf("\n", pos);
    if (end < 0) end = main.length;
    const a = main.indexOf(" ", pos);
    const b = a < 0 || a >= end ? -1 : main.indexOf(" ", a + 1);
    const c = b < 0 || b >= end ? -1 : main.indexOf(" ", b + 1);
    if (b >= 0 && b < end - 1 && (c < 0 || c > end)) put(main, pos, a, main.slice(b + 1, end));
    else {
      const line = main.slice(pos, end);
      const fields = splitFields(line, " ");
      if (fields.length !== 3) throw new Error(`jieba dictionary ${dictPath}: not "word freq tag": ${line}`);
      put(fields[0]!, 0, fields[0]!.length, fields[2]!);
    }
    pos = end + 1;
  }
  // User dictionaries: "word", "word tag" or "word freq tag"; blank lines are skipped, and four fields or more
  // leave cppjieba's entry empty, so nothing is inserted.
  for (const text of user) {
    for (const line of linesOf(text)) {
      if (line.length === 0) continue;
      const fields = splitFields(line, " ");
      const word = fields[0]!;
      if (fields.length === 1) put(word, 0, word.length, "");
      else if (fields.length === 2) put(word, 0, word.length, fields[1]!);
      else if (fields.length === 3) put(word, 0, word.length, fields[2]!);
    }
  }
  // A copy the size of the words: the buffer was sized by the files.
  return tableOf(slots, buffer.slice(0, used), names, entries);
}

/** Lookups in the arrays readTagTable filled (a function of its own so the build's buffers are not kept alive). */
function tableOf(slots: Int32Array, keys: Uint16Array, names: string[], size: number): TagTable {
  const mask = slots.length / 2 - 1;
  const tagOf = (word: string): string => {
    const n = word.length;
    let h = FNV_OFFSET;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = slots[2 * s]!;
      if (at === 0) return specialTag(word);
      const info = slots[2 * s + 1]!;
      if (info >>> 16 === n && sameKey(keys, at - 1, word, 0, n)) {
        const code = info & 0xffff;
        return code === 0 ? specialTag(word) : names[code]!;
      }
    }
  };
  return { tagOf, size, bytes: slots.byteLength + keys.byteLength };
}

/** Whether keys from `at` on hold the code units of text[start, end). */
function sameKey(keys: Uint16Array, at: number, text: string, start: number, end: number): boolean {
  for (let i = at, j = start; j < end; i++, j++) if (keys[i] !== text.charCodeAt(j)) return false;
  return true;
}

/**
 * ingest/jieba/idf-stub.utf8 in the nearest ancestor folder that has one (works from ingest/jieba and
 * dist/ingest/jieba), or undefined. nodejieba's load() reads an IDF table (6 MB) for keyword extraction, which this
 * project does not use; one line ("word idf") stands in for it, and cutting never reads it. A missing file must not
 * reach load(): the addon aborts the process on a path it cannot open.
 */
export function idfStubPath(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "ingest", "jieba", "idf-stub.utf8");
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}
