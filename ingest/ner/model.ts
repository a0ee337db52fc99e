// The shipped NER model: binary file (models/ner.bin) holding BIOES transition scores, the lexicon
// (hash keys + class masks) and quantized weight rows for the feature buckets that carry weight.
// Loading is a few typed-array views and one index fill, so `extract --spans` starts fast.
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { ExtractionError } from "../../core/errors.js";
import { NUM_TAGS, viterbi, tagsToSpans, type NerSpan } from "./decode.js";
import { NONE, FEATURES_PER_CHAR, extractFeatures } from "./features.js";
import { Lexicon } from "./lexicon.js";

const MAGIC = "JWNER001";

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
  rowKeys: Uint32Array; // bucket ids, one per weight row
  weights: Int16Array; // numRows * numTags
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
  const raw = Buffer.concat(parts);
  const packed = gzipSync(raw, { level: 9 });
  writeFileSync(path, packed);
  return packed.length;
}

export function readModel(path: string): ModelParts {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (error) {
    throw new ExtractionError(`ingest/ner: cannot read the NER model at ${path}; run \`npm run train\` to rebuild it`, {
      cause: error,
    });
  }
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  if (buf.toString("latin1", 0, 8) !== MAGIC)
    throw new ExtractionError(`ingest/ner: ${path} is not a Jianwen NER model; run \`npm run train\` to rebuild it`);
  // Copy into a fresh, aligned ArrayBuffer so typed-array views need no per-section copies.
  const ab = new ArrayBuffer(buf.length);
  new Uint8Array(ab).set(buf);
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
  const vals = take((o) => new Uint8Array(ab, o, header.lexSize), header.lexSize);
  const rowKeys = take((o) => new Uint32Array(ab, o, header.numRows), header.numRows * 4);
  const weights = take((o) => new Int16Array(ab, o, header.numRows * T), header.numRows * T * 2);
  return { header, trans, lexicon: new Lexicon(keys, vals), rowKeys, weights };
}

/** Tags text with a loaded model; spans are UTF-16 offsets. */
export class Tagger {
  private readonly index: Int32Array;
  private readonly mask: number;
  private em = new Float32Array(0);
  private tags = new Uint8Array(0);

  constructor(private readonly m: ModelParts) {
    this.mask = (1 << m.header.tableBits) - 1;
    this.index = new Int32Array(1 << m.header.tableBits).fill(-1);
    const rk = m.rowKeys;
    for (let r = 0; r < rk.length; r++) this.index[rk[r]!] = r;
  }

  tag(text: string): NerSpan[] {
    const n = text.length;
    if (n === 0) return [];
    const feats = extractFeatures(text, this.m.lexicon);
    const T = NUM_TAGS, F = FEATURES_PER_CHAR;
    if (this.em.length < n * T) {
      this.em = new Float32Array(n * T * 2);
      this.tags = new Uint8Array(n * 2);
    }
    const em = this.em, w = this.m.weights, index = this.index, mask = this.mask;
    em.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const o = i * T;
      for (let f = i * F, fe = f + F; f < fe; f++) {
        const k = feats[f]!;
        if (k === NONE) continue;
        const r = index[k & mask]!;
        if (r < 0) continue;
        const wo = r * T;
        for (let t = 0; t < T; t++) em[o + t] = em[o + t]! + w[wo + t]!;
      }
    }
    viterbi(em, n, this.m.trans, this.tags);
    return tagsToSpans(this.tags, n);
  }
}
