// The shipped NER model: binary file (models/ner.bin) holding BIOES transition scores, the lexicon
// (hash keys + class masks) and quantized weight rows for the feature buckets that carry weight.
// Loading is a few typed-array views, one index fill and one repacking of the weight rows, so
// `extract --spans` starts fast.
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { ExtractionError } from "../../core/errors.js";
import { NUM_TAGS, viterbi, tagsToSpans, type NerSpan } from "./decode.js";
import {
  FEATURES_PER_CHAR,
  NGRAM_FAMILIES,
  NGRAM_PAD,
  NGRAM_TEMPLATES,
  featureKey,
  tagFeatures,
  type TagFeatures,
} from "./features.js";
import { Lexicon } from "./lexicon.js";

const MAGIC = "JWNER003";

export interface ModelHeader {
  version: 1;
  tableBits: number;
  numTags: number;
  featuresPerChar: number;
  scale: number;
  numRows: number;
  lexSize: number;
  trainedOn: string;
}

export interface ModelParts {
  header: ModelHeader;
  trans: Float32Array; // already divided by scale, so emissions can stay integer
  lexicon: Lexicon;
  rowKeys: Uint32Array; // bucket << 3 | slot, ascending, one per weight row
  weights: Int8Array; // numRows * numTags, scaled by header.scale
}

const pad8 = (n: number): number => (n + 7) & ~7;

export function writeModel(path: string, m: ModelParts): number {
  const head = Buffer.from(JSON.stringify(m.header), "utf8");
  const parts: Uint8Array[] = [];
  const u32 = new Uint32Array([head.length]);
  parts.push(Buffer.from(MAGIC, "latin1"), new Uint8Array(u32.buffer), head);
  let size = 12 + head.length;
  const push = (a: ArrayBufferView): void => {
    const padding = pad8(size) - size;
    if (padding) parts.push(new Uint8Array(padding));
    size = pad8(size);
    parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    size += a.byteLength;
  };
  push(m.trans);
  push(m.lexicon.keys);
  push(m.lexicon.vals);
  push(m.rowKeys);
  push(m.weights);
  // Stored uncompressed: inflating costs more start-up time than reading the extra bytes.
  const raw = Buffer.concat(parts);
  writeFileSync(path, raw);
  return raw.length;
}

/** The file's bytes in a fresh ArrayBuffer (aligned for typed-array views), read without an intermediate copy. */
function readAligned(path: string): ArrayBuffer {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const ab = new ArrayBuffer(size);
    for (let off = 0; off < size;) {
      const n = readSync(fd, new Uint8Array(ab, off), 0, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return ab;
  } finally {
    closeSync(fd);
  }
}

export function readModel(path: string): ModelParts {
  let ab: ArrayBuffer;
  try {
    ab = readAligned(path);
  } catch (error) {
    throw new ExtractionError(`ingest/ner: cannot read the NER model at ${path}; run \`npm run train\` to rebuild it`, {
      cause: error,
    });
  }
  let buf = Buffer.from(ab);
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    // A gzipped model: inflate, then copy once into an aligned buffer.
    const raw = gunzipSync(buf);
    ab = new ArrayBuffer(raw.length);
    new Uint8Array(ab).set(raw);
    buf = Buffer.from(ab);
  }
  if (buf.toString("latin1", 0, 8) !== MAGIC)
    throw new ExtractionError(`ingest/ner: ${path} is not a Jianwen NER model; run \`npm run train\` to rebuild it`);
  const headLen = new DataView(ab).getUint32(8, true);
  const header = JSON.parse(buf.toString("utf8", 12, 12 + headLen)) as ModelHeader;
  if (header.featuresPerChar !== FEATURES_PER_CHAR || header.numTags !== NUM_TAGS)
    throw new ExtractionError(`ingest/ner: ${path} was trained with another feature set; run \`npm run train\``);
  let off = 12 + headLen;
  const take = <A>(make: (o: number) => A, bytes: number): A => {
    off = pad8(off);
    const a = make(off);
    off += bytes;
    return a;
  };
  const T = header.numTags;
  const trans = take((o) => new Float32Array(ab, o, T * T), T * T * 4);
  const keys = take((o) => new Uint32Array(ab, o, header.lexSize), header.lexSize * 4);
  const vals = take((o) => new Uint16Array(ab, o, header.lexSize), header.lexSize * 2);
  const rowKeys = take((o) => new Uint32Array(ab, o, header.numRows), header.numRows * 4);
  const weights = take((o) => new Int8Array(ab, o, header.numRows * T), header.numRows * T);
  return { header, trans, lexicon: new Lexicon(keys, vals), rowKeys, weights };
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, i) => i.toString(2).replace(/0/g, "").length);

// Lines of the Tagger's cache of table entries for the features that are not n-grams (a power of two).
const KEY_CACHE = 1024;

// Tagger.listRows reads the n-gram templates one by one, written out.
const TEMPLATES = 17;
if (NGRAM_TEMPLATES.family.length !== TEMPLATES)
  throw new Error(
    `ingest/ner: the tagger reads ${TEMPLATES} n-gram templates, features.ts defines ${NGRAM_TEMPLATES.family.length}`,
  );

// The weight rows again, 16 bytes each (four int32 words): byte t holds tag t's weight + 128 as an unsigned
// byte (the three spare bytes hold 128, weight 0). Masking a word with 0x00ff00ff keeps bytes 0 and 2 in two
// 16-bit lanes, and shifting it by 8 first keeps bytes 1 and 3, so one 32-bit add sums two tags. A character
// sums at most FEATURES_PER_CHAR rows, 61 * 255 < 2^16, so no lane carries into the next; the sum of the
// weights is the lane minus 128 per row. Half the size of an int32 per tag, and fewer loads than a byte each.
const ROW_WORDS = 4;
const BIAS = 128;
const LANES = 0x00ff00ff;

function packRows(weights: Int8Array, T: number): Int32Array {
  const rows = weights.length / T;
  const packed = new Int32Array(rows * ROW_WORDS);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < ROW_WORDS; k++) {
      let word = 0;
      for (let b = 0; b < 4; b++) {
        const t = 4 * k + b;
        word |= ((t < T ? weights[r * T + t]! : 0) + BIAS) << (8 * b);
      }
      packed[r * ROW_WORDS + k] = word;
    }
  }
  return packed;
}

/** Tags text with a loaded model; spans are UTF-16 offsets. */
export class Tagger {
  // An open-addressing table over the buckets that have rows: table[2s] = bucket + 1 (0 = empty),
  // table[2s + 1] = first row << 8 | mask of slots present. The rows of one bucket are adjacent, so the
  // row of (bucket, slot) is first + popcount(mask below slot). The table is sized by the rows kept, not
  // by the training hash space, so it stays small enough for the CPU cache.
  private readonly table: Int32Array;
  private readonly shift: number;
  private readonly cmask: number;
  private readonly mask: number;
  private readonly packed: Int32Array;
  private em = new Int32Array(0);
  private scores = new Float64Array(0);
  private tags = new Uint8Array(0);
  // Per text: ent[family * (n + 6) + p] is the table entry of the n-gram at padded position p; the weight rows
  // (offsets into packed) of character i are rows[rowStart[i]] .. rows[rowStart[i + 1] - 1].
  private ent = new Int32Array(0);
  private rowStart = new Int32Array(0);
  private rows = new Int32Array(0);
  // Where template t's entry for character i is: ent[i + templateAt[t]].
  private readonly templateAt = new Int32Array(TEMPLATES);
  // A direct-mapped cache of table entries for the features that are not n-grams: most of their keys are a few
  // hundred constants (bias, character-type triples, lexicon matches), so most probes are answered here.
  // Every line always holds a key and its true entry (key 0's at first).
  private readonly cachedKey = new Int32Array(KEY_CACHE);
  private readonly cachedEntry = new Int32Array(KEY_CACHE);

  constructor(private readonly m: ModelParts) {
    this.mask = (1 << m.header.tableBits) - 1;
    const rk = m.rowKeys;
    let buckets = 0;
    for (let r = 0; r < rk.length; r++) if (r === 0 || rk[r]! >>> 3 !== rk[r - 1]! >>> 3) buckets++;
    let bits = 10;
    while (1 << bits < buckets * 2) bits++;
    this.shift = 32 - bits;
    this.cmask = (1 << bits) - 1;
    this.table = new Int32Array(2 << bits);
    let slotOf = -1,
      last = -1;
    for (let r = 0; r < rk.length; r++) {
      const bucket = rk[r]! >>> 3,
        slot = rk[r]! & 7;
      if (bucket !== last) {
        slotOf = Math.imul(bucket, 0x9e3779b1) >>> this.shift;
        while (this.table[slotOf * 2] !== 0) slotOf = (slotOf + 1) & this.cmask;
        this.table[slotOf * 2] = bucket + 1;
        this.table[slotOf * 2 + 1] = r << 8;
        last = bucket;
      }
      this.table[slotOf * 2 + 1]! |= 1 << slot;
    }
    this.packed = packRows(m.weights, m.header.numTags);
    this.cachedEntry.fill(this.entry(0));
  }

  get lexicon(): Lexicon {
    return this.m.lexicon;
  }

  /** The table entry of a bucket: first row << 8 | mask of its slots, 0 when it has no rows. */
  private entry(bucket: number): number {
    const table = this.table,
      cmask = this.cmask,
      b1 = bucket + 1;
    let at = Math.imul(bucket, 0x9e3779b1) >>> this.shift;
    let stored = table[at * 2]!;
    while (stored !== b1 && stored !== 0) {
      at = (at + 1) & cmask;
      stored = table[at * 2]!;
    }
    return stored === 0 ? 0 : table[at * 2 + 1]!;
  }

  tag(text: string): NerSpan[] {
    return this.tagWithMatches(text).spans;
  }

  /**
   * Spans of `text`, with the lexicon's longest matches beginning at each position ([pos * NUM_CLASSES + class],
   * as Lexicon.scan gives them) that tagging found on the way; `begin` is a scratch buffer the next call overwrites.
   */
  tagWithMatches(text: string): { spans: NerSpan[]; begin: Uint8Array } {
    const n = text.length;
    if (n === 0) return { spans: [], begin: new Uint8Array(0) };
    const f = tagFeatures(text, this.m.lexicon);
    const T = NUM_TAGS;
    // Every buffer is sized here, before the loops run: see viterbi on why the loops have no growth branch.
    if (this.em.length < n * T) {
      this.em = new Int32Array(n * T * 2);
      this.scores = new Float64Array(n * T * 2);
      this.tags = new Uint8Array(n * 2);
      this.rowStart = new Int32Array(n * 2 + 1);
      this.rows = new Int32Array(n * 2 * FEATURES_PER_CHAR);
      this.ent = new Int32Array((n * 2 + 2 * NGRAM_PAD) * NGRAM_FAMILIES);
    }
    this.listRows(f, n);
    this.emissions(n);
    viterbi(this.em, n, this.m.trans, this.tags, this.scores);
    return { spans: tagsToSpans(this.tags, n), begin: f.begin };
  }

  /** Sums the rows listed for each character into em (two tags per add: see ROW_WORDS). */
  private emissions(n: number): void {
    const T = NUM_TAGS;
    const em = this.em,
      pw = this.packed,
      rows = this.rows,
      rowStart = this.rowStart;
    // Integer sums, two tags per add: this loop and the look-ups before it are most of the tagging time.
    for (let i = 0; i < n; i++) {
      // eK: tags 4K and 4K + 2 (bytes 0 and 2 of word K); oK: tags 4K + 1 and 4K + 3 (bytes 1 and 3).
      let e0 = 0,
        o0 = 0,
        e1 = 0,
        o1 = 0,
        e2 = 0,
        o2 = 0,
        e3 = 0;
      const first = rowStart[i]!,
        end = rowStart[i + 1]!;
      for (let r = first; r < end; r++) {
        const p = rows[r]!;
        const w0 = pw[p]!,
          w1 = pw[p + 1]!,
          w2 = pw[p + 2]!;
        e0 += w0 & LANES;
        o0 += (w0 >>> 8) & LANES;
        e1 += w1 & LANES;
        o1 += (w1 >>> 8) & LANES;
        e2 += w2 & LANES;
        o2 += (w2 >>> 8) & LANES;
        e3 += pw[p + 3]! & LANES;
      }
      const bias = (end - first) * BIAS,
        o = i * T;
      em[o] = (e0 & 0xffff) - bias;
      em[o + 1] = (o0 & 0xffff) - bias;
      em[o + 2] = (e0 >>> 16) - bias;
      em[o + 3] = (o0 >>> 16) - bias;
      em[o + 4] = (e1 & 0xffff) - bias;
      em[o + 5] = (o1 & 0xffff) - bias;
      em[o + 6] = (e1 >>> 16) - bias;
      em[o + 7] = (o1 >>> 16) - bias;
      em[o + 8] = (e2 & 0xffff) - bias;
      em[o + 9] = (o2 & 0xffff) - bias;
      em[o + 10] = (e2 >>> 16) - bias;
      em[o + 11] = (o2 >>> 16) - bias;
      em[o + 12] = (e3 & 0xffff) - bias;
    }
  }

  /**
   * Fills rowStart/rows with the weight rows of every character's features. Each n-gram is looked up once
   * per position (its bucket holds the rows of every slot it is read under), then every template reads its
   * character's n-gram entry; the other features are looked up one by one.
   */
  private listRows(f: TagFeatures, n: number): void {
    const m = n + 2 * NGRAM_PAD,
      mask = this.mask,
      ent = this.ent,
      rows = this.rows,
      rowStart = this.rowStart;
    for (let g = 0; g < NGRAM_FAMILIES; g++) {
      const gram = f.grams[g]!;
      for (let p = 0, o = g * m; p < m; p++) ent[o + p] = this.entry((featureKey(gram[p]!, 0) >>> 3) & mask);
    }
    const { family, offset, slot } = NGRAM_TEMPLATES;
    const at = this.templateAt;
    for (let t = 0; t < TEMPLATES; t++) at[t] = family[t]! * m + NGRAM_PAD + offset[t]!;
    // The templates written out (a loop over them cost about three times as much): template t reads the entry
    // ent[i + aT] under slot sT.
    const [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16] = at;
    const [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16] = slot;
    const keys = f.keys,
      start = f.start,
      cachedKey = this.cachedKey,
      cachedEntry = this.cachedEntry;
    let r = 0;
    for (let i = 0; i < n; i++) {
      rowStart[i] = r;
      r = keep(rows, r, ent[i + a0!]!, s0!);
      r = keep(rows, r, ent[i + a1!]!, s1!);
      r = keep(rows, r, ent[i + a2!]!, s2!);
      r = keep(rows, r, ent[i + a3!]!, s3!);
      r = keep(rows, r, ent[i + a4!]!, s4!);
      r = keep(rows, r, ent[i + a5!]!, s5!);
      r = keep(rows, r, ent[i + a6!]!, s6!);
      r = keep(rows, r, ent[i + a7!]!, s7!);
      r = keep(rows, r, ent[i + a8!]!, s8!);
      r = keep(rows, r, ent[i + a9!]!, s9!);
      r = keep(rows, r, ent[i + a10!]!, s10!);
      r = keep(rows, r, ent[i + a11!]!, s11!);
      r = keep(rows, r, ent[i + a12!]!, s12!);
      r = keep(rows, r, ent[i + a13!]!, s13!);
      r = keep(rows, r, ent[i + a14!]!, s14!);
      r = keep(rows, r, ent[i + a15!]!, s15!);
      r = keep(rows, r, ent[i + a16!]!, s16!);
      for (let x = start[i]!, xe = start[i + 1]!; x < xe; x++) {
        const k = keys[x]! | 0;
        const c = (k ^ (k >>> 13)) & (KEY_CACHE - 1);
        if (cachedKey[c] !== k) {
          cachedKey[c] = k;
          cachedEntry[c] = this.entry((k >>> 3) & mask);
        }
        r = keep(rows, r, cachedEntry[c]!, k & 7);
      }
    }
    rowStart[n] = r;
  }
}

/**
 * Writes the row of `slot` in bucket entry e (first row << 8 | slot mask) at rows[r] and returns r + 1 when the
 * bucket has that slot, r when it has not (the next row overwrites it): no branch to mispredict.
 */
function keep(rows: Int32Array, r: number, e: number, slot: number): number {
  rows[r] = ((e >>> 8) + POPCOUNT[e & ((1 << slot) - 1)]!) * ROW_WORDS;
  return r + ((e >>> slot) & 1);
}
