// The shipped NER model: binary file (models/ner.bin) holding BIOES transition scores, the lexicon
// (hash keys + class masks) and quantized weight rows for the feature buckets that carry weight.
// Loading is a few typed-array views and one index fill, so `extract --spans` starts fast.
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { ExtractionError } from "../../core/errors.js";
import { NUM_TAGS, viterbi, tagsToSpans, type NerSpan } from "./decode.js";
import { NONE, FEATURES_PER_CHAR, extractFeatures } from "./features.js";
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
  private em = new Int32Array(0);
  private tags = new Uint8Array(0);

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
  }

  get lexicon(): Lexicon {
    return this.m.lexicon;
  }

  tag(text: string): NerSpan[] {
    const n = text.length;
    if (n === 0) return [];
    const feats = extractFeatures(text, this.m.lexicon, true);
    const T = NUM_TAGS,
      F = FEATURES_PER_CHAR;
    if (this.em.length < n * T) {
      this.em = new Int32Array(n * T * 2);
      this.tags = new Uint8Array(n * 2);
    }
    const em = this.em,
      w = this.m.weights,
      table = this.table,
      shift = this.shift,
      cmask = this.cmask,
      mask = this.mask;
    // Integer sums, 13 tags written out: this loop is most of the tagging time.
    for (let i = 0; i < n; i++) {
      let e0 = 0,
        e1 = 0,
        e2 = 0,
        e3 = 0,
        e4 = 0,
        e5 = 0,
        e6 = 0,
        e7 = 0,
        e8 = 0,
        e9 = 0,
        e10 = 0,
        e11 = 0,
        e12 = 0;
      for (let f = i * F, fe = f + F; f < fe; f++) {
        const k = feats[f]!;
        if (k === NONE) continue;
        const b1 = ((k >>> 3) & mask) + 1;
        let at = Math.imul(b1 - 1, 0x9e3779b1) >>> shift;
        let stored = table[at * 2]!;
        while (stored !== b1 && stored !== 0) {
          at = (at + 1) & cmask;
          stored = table[at * 2]!;
        }
        if (stored === 0) continue;
        const entry = table[at * 2 + 1]!;
        const bit = 1 << (k & 7);
        if ((entry & bit) === 0) continue;
        const wo = ((entry >>> 8) + POPCOUNT[entry & (bit - 1) & 0xff]!) * 13;
        e0 += w[wo]!;
        e1 += w[wo + 1]!;
        e2 += w[wo + 2]!;
        e3 += w[wo + 3]!;
        e4 += w[wo + 4]!;
        e5 += w[wo + 5]!;
        e6 += w[wo + 6]!;
        e7 += w[wo + 7]!;
        e8 += w[wo + 8]!;
        e9 += w[wo + 9]!;
        e10 += w[wo + 10]!;
        e11 += w[wo + 11]!;
        e12 += w[wo + 12]!;
      }
      const o = i * T;
      em[o] = e0;
      em[o + 1] = e1;
      em[o + 2] = e2;
      em[o + 3] = e3;
      em[o + 4] = e4;
      em[o + 5] = e5;
      em[o + 6] = e6;
      em[o + 7] = e7;
      em[o + 8] = e8;
      em[o + 9] = e9;
      em[o + 10] = e10;
      em[o + 11] = e11;
      em[o + 12] = e12;
    }
    viterbi(em, n, this.m.trans, this.tags);
    return tagsToSpans(this.tags, n);
  }
}
