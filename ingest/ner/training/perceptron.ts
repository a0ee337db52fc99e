// Averaged structured perceptron over BIOES tags with Viterbi decoding (Collins 2002). Weights live in a
// hashed table: a feature key (hash << 3 | slot) selects bucket (hash mod 2^bits) and slot, each with a
// row of NUM_TAGS weights. Averaging uses the usual lazy trick (w - u / c) so each update is O(1).
import { NUM_TAGS, viterbi } from "../decode.js";
import { FEATURES_PER_CHAR, NONE } from "../features.js";

export interface Example {
  feats: Uint32Array;
  gold: Uint8Array;
  n: number;
}

export class Perceptron {
  readonly mask: number;
  readonly w: Float32Array;
  readonly u: Float32Array;
  readonly tw = new Float64Array(NUM_TAGS * NUM_TAGS);
  readonly tu = new Float64Array(NUM_TAGS * NUM_TAGS);
  c = 1;
  private em = new Float32Array(4096 * NUM_TAGS);
  private pred = new Uint8Array(4096);
  private tf = new Float32Array(NUM_TAGS * NUM_TAGS);

  constructor(readonly bits: number) {
    this.mask = (1 << bits) - 1;
    this.w = new Float32Array((1 << bits) * 8 * NUM_TAGS);
    this.u = new Float32Array((1 << bits) * 8 * NUM_TAGS);
  }

  emissions(ex: Example, w: Float32Array, em: Float32Array): void {
    const T = NUM_TAGS,
      F = FEATURES_PER_CHAR,
      mask = this.mask;
    em.fill(0, 0, ex.n * T);
    for (let i = 0; i < ex.n; i++) {
      const o = i * T;
      for (let f = i * F, fe = f + F; f < fe; f++) {
        const k = ex.feats[f]!;
        if (k === NONE) continue;
        const wo = ((((k >>> 3) & mask) << 3) | (k & 7)) * T;
        for (let t = 0; t < T; t++) em[o + t] = em[o + t]! + w[wo + t]!;
      }
    }
  }

  decode(ex: Example, w: Float32Array, trans: Float32Array, out: Uint8Array): void {
    if (this.em.length < ex.n * NUM_TAGS) this.em = new Float32Array(ex.n * NUM_TAGS * 2);
    this.emissions(ex, w, this.em);
    viterbi(this.em, ex.n, trans, out);
  }

  /** One training step; returns true when the prediction was wrong. */
  learn(ex: Example, rate = 1): boolean {
    if (this.pred.length < ex.n) this.pred = new Uint8Array(ex.n * 2);
    for (let i = 0; i < this.tw.length; i++) this.tf[i] = this.tw[i]!;
    this.decode(ex, this.w, this.tf, this.pred);
    const pred = this.pred,
      gold = ex.gold,
      T = NUM_TAGS,
      F = FEATURES_PER_CHAR,
      mask = this.mask,
      c = this.c;
    let wrong = false;
    for (let i = 0; i < ex.n; i++) {
      const g = gold[i]!,
        p = pred[i]!;
      const gp = i > 0 ? gold[i - 1]! : -1,
        pp = i > 0 ? pred[i - 1]! : -1;
      if (g !== p) {
        wrong = true;
        for (let f = i * F, fe = f + F; f < fe; f++) {
          const k = ex.feats[f]!;
          if (k === NONE) continue;
          const wo = ((((k >>> 3) & mask) << 3) | (k & 7)) * T;
          this.w[wo + g] = this.w[wo + g]! + rate;
          this.u[wo + g] = this.u[wo + g]! + c * rate;
          this.w[wo + p] = this.w[wo + p]! - rate;
          this.u[wo + p] = this.u[wo + p]! - c * rate;
        }
      }
      if (i > 0 && (g !== p || gp !== pp)) {
        this.tw[gp * T + g] = this.tw[gp * T + g]! + rate;
        this.tu[gp * T + g] = this.tu[gp * T + g]! + c * rate;
        this.tw[pp * T + p] = this.tw[pp * T + p]! - rate;
        this.tu[pp * T + p] = this.tu[pp * T + p]! - c * rate;
      }
    }
    this.c++;
    return wrong;
  }

  /** Averaged weights and transitions. */
  average(): { w: Float32Array; trans: Float32Array } {
    const w = new Float32Array(this.w.length);
    const c = this.c;
    for (let i = 0; i < w.length; i++) w[i] = this.w[i]! - this.u[i]! / c;
    const trans = new Float32Array(this.tw.length);
    for (let i = 0; i < trans.length; i++) trans[i] = this.tw[i]! - this.tu[i]! / c;
    return { w, trans };
  }
}
