// BIOES tag set, Viterbi decoding under the BIOES grammar, and conversion between tag sequences and spans.
export const ENTITY_KINDS = ["PER", "LOC", "ORG"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const NUM_TAGS = 13; // O + {B,I,E,S} x {PER,LOC,ORG}

export interface NerSpan {
  start: number;
  end: number;
  type: EntityKind;
}

const B = 1,
  I = 2,
  E = 3,
  S = 4;
const tagOf = (kind: number, pos: number): number => 1 + kind * 4 + (pos - 1);
const posOf = (tag: number): number => (tag === 0 ? 0 : ((tag - 1) % 4) + 1);
const kindOf = (tag: number): number => Math.floor((tag - 1) / 4);

/** ALLOWED[prev * NUM_TAGS + next] is 1 when BIOES permits prev → next. */
export const ALLOWED = new Uint8Array(NUM_TAGS * NUM_TAGS);
export const ALLOWED_START = new Uint8Array(NUM_TAGS);
export const ALLOWED_END = new Uint8Array(NUM_TAGS);
for (let p = 0; p < NUM_TAGS; p++) {
  const pp = posOf(p);
  for (let q = 0; q < NUM_TAGS; q++) {
    const qp = posOf(q);
    const open = pp === B || pp === I;
    const ok = open ? (qp === I || qp === E) && kindOf(p) === kindOf(q) : qp === 0 || qp === B || qp === S;
    ALLOWED[p * NUM_TAGS + q] = ok ? 1 : 0;
  }
  ALLOWED_START[p] = pp === 0 || pp === B || pp === S ? 1 : 0;
  ALLOWED_END[p] = pp === 0 || pp === E || pp === S ? 1 : 0;
}

// PRED[q] lists the tags allowed before q (2 for I/E, 7 for O/B/S), in ascending order.
const PRED: Uint8Array[] = Array.from({ length: NUM_TAGS }, (_, q) =>
  Uint8Array.from(Array.from({ length: NUM_TAGS }, (_, p) => p).filter((p) => ALLOWED[p * NUM_TAGS + q])),
);
let score = new Float64Array(0);
function scoreBuffer(size: number): Float64Array {
  if (score.length < size) score = new Float64Array(size * 2);
  return score;
}

/** The best predecessor of tag q given the scores of the previous character at score[po..]: the lowest of equals. */
function predecessor(score: Float64Array, po: number, trans: Float32Array, q: number): number {
  const T = NUM_TAGS,
    preds = PRED[q]!;
  let best = -Infinity,
    arg = 0;
  for (let j = 0; j < preds.length; j++) {
    const p = preds[j]!;
    const s = score[po + p]! + trans[p * T + q]!;
    if (s > best) {
      best = s;
      arg = p;
    }
  }
  return arg;
}

/**
 * Best tag sequence for emission scores em[i*T+t] and transition scores trans[p*T+q]. The forward pass is
 * written out for the 13 tags and the 61 pairs BIOES allows, with the previous character's scores and the
 * transitions in locals and a comparison of its own for every pair, and keeps only each tag's best score.
 * The backtrace re-runs the comparisons of the one tag it follows at each character to find its
 * predecessor, so ties resolve exactly as a table of back-pointers would (the lowest predecessor wins).
 * `scores` (at least n * NUM_TAGS) is scratch for the forward scores; without it a module buffer is used.
 * A caller that tags many texts passes its own, sized before the call, so that this function has no rarely
 * taken branch: a branch first taken after V8 has optimized the function sends it back to the interpreter,
 * and under Node 20 it was then seen to stay there for good, entering its loop by on-stack replacement on
 * every call and running about three times slower.
 */
export function viterbi(
  em: Float32Array | Int32Array,
  n: number,
  trans: Float32Array,
  out: Uint8Array,
  scores?: Float64Array,
): void {
  const T = NUM_TAGS;
  if (n === 0) return;
  const sc = scores ?? scoreBuffer(n * T);
  // tP_Q: the transition from tag P to tag Q (O = 0, B/I/E/S-PER = 1-4, -LOC = 5-8, -ORG = 9-12).
  const t0_0 = trans[0]!,
    t0_1 = trans[1]!,
    t0_4 = trans[4]!,
    t0_5 = trans[5]!,
    t0_8 = trans[8]!,
    t0_9 = trans[9]!,
    t0_12 = trans[12]!,
    t1_2 = trans[15]!,
    t1_3 = trans[16]!,
    t2_2 = trans[28]!,
    t2_3 = trans[29]!,
    t3_0 = trans[39]!,
    t3_1 = trans[40]!,
    t3_4 = trans[43]!,
    t3_5 = trans[44]!,
    t3_8 = trans[47]!,
    t3_9 = trans[48]!,
    t3_12 = trans[51]!,
    t4_0 = trans[52]!,
    t4_1 = trans[53]!,
    t4_4 = trans[56]!,
    t4_5 = trans[57]!,
    t4_8 = trans[60]!,
    t4_9 = trans[61]!,
    t4_12 = trans[64]!,
    t5_6 = trans[71]!,
    t5_7 = trans[72]!,
    t6_6 = trans[84]!,
    t6_7 = trans[85]!,
    t7_0 = trans[91]!,
    t7_1 = trans[92]!,
    t7_4 = trans[95]!,
    t7_5 = trans[96]!,
    t7_8 = trans[99]!,
    t7_9 = trans[100]!,
    t7_12 = trans[103]!,
    t8_0 = trans[104]!,
    t8_1 = trans[105]!,
    t8_4 = trans[108]!,
    t8_5 = trans[109]!,
    t8_8 = trans[112]!,
    t8_9 = trans[113]!,
    t8_12 = trans[116]!,
    t9_10 = trans[127]!,
    t9_11 = trans[128]!,
    t10_10 = trans[140]!,
    t10_11 = trans[141]!,
    t11_0 = trans[143]!,
    t11_1 = trans[144]!,
    t11_4 = trans[147]!,
    t11_5 = trans[148]!,
    t11_8 = trans[151]!,
    t11_9 = trans[152]!,
    t11_12 = trans[155]!,
    t12_0 = trans[156]!,
    t12_1 = trans[157]!,
    t12_4 = trans[160]!,
    t12_5 = trans[161]!,
    t12_8 = trans[164]!,
    t12_9 = trans[165]!,
    t12_12 = trans[168]!;
  for (let t = 0; t < T; t++) sc[t] = ALLOWED_START[t] ? em[t]! : -Infinity;
  // sN: the best score of a path ending in tag N at the previous character.
  let s0 = sc[0]!,
    s1 = sc[1]!,
    s2 = sc[2]!,
    s3 = sc[3]!,
    s4 = sc[4]!,
    s5 = sc[5]!,
    s6 = sc[6]!,
    s7 = sc[7]!,
    s8 = sc[8]!,
    s9 = sc[9]!,
    s10 = sc[10]!,
    s11 = sc[11]!,
    s12 = sc[12]!;
  for (let i = 1; i < n; i++) {
    const o = i * T;
    let best: number;
    // O: after O, E or S
    best = -Infinity;
    if (s0 + t0_0 > best) best = s0 + t0_0;
    if (s3 + t3_0 > best) best = s3 + t3_0;
    if (s4 + t4_0 > best) best = s4 + t4_0;
    if (s7 + t7_0 > best) best = s7 + t7_0;
    if (s8 + t8_0 > best) best = s8 + t8_0;
    if (s11 + t11_0 > best) best = s11 + t11_0;
    if (s12 + t12_0 > best) best = s12 + t12_0;
    sc[o + 0] = best + em[o + 0]!;
    // B-PER: after O, E or S
    best = -Infinity;
    if (s0 + t0_1 > best) best = s0 + t0_1;
    if (s3 + t3_1 > best) best = s3 + t3_1;
    if (s4 + t4_1 > best) best = s4 + t4_1;
    if (s7 + t7_1 > best) best = s7 + t7_1;
    if (s8 + t8_1 > best) best = s8 + t8_1;
    if (s11 + t11_1 > best) best = s11 + t11_1;
    if (s12 + t12_1 > best) best = s12 + t12_1;
    sc[o + 1] = best + em[o + 1]!;
    // I-PER: after B-PER or I-PER
    best = -Infinity;
    if (s1 + t1_2 > best) best = s1 + t1_2;
    if (s2 + t2_2 > best) best = s2 + t2_2;
    sc[o + 2] = best + em[o + 2]!;
    // E-PER: after B-PER or I-PER
    best = -Infinity;
    if (s1 + t1_3 > best) best = s1 + t1_3;
    if (s2 + t2_3 > best) best = s2 + t2_3;
    sc[o + 3] = best + em[o + 3]!;
    // S-PER: after O, E or S
    best = -Infinity;
    if (s0 + t0_4 > best) best = s0 + t0_4;
    if (s3 + t3_4 > best) best = s3 + t3_4;
    if (s4 + t4_4 > best) best = s4 + t4_4;
    if (s7 + t7_4 > best) best = s7 + t7_4;
    if (s8 + t8_4 > best) best = s8 + t8_4;
    if (s11 + t11_4 > best) best = s11 + t11_4;
    if (s12 + t12_4 > best) best = s12 + t12_4;
    sc[o + 4] = best + em[o + 4]!;
    // B-LOC: after O, E or S
    best = -Infinity;
    if (s0 + t0_5 > best) best = s0 + t0_5;
    if (s3 + t3_5 > best) best = s3 + t3_5;
    if (s4 + t4_5 > best) best = s4 + t4_5;
    if (s7 + t7_5 > best) best = s7 + t7_5;
    if (s8 + t8_5 > best) best = s8 + t8_5;
    if (s11 + t11_5 > best) best = s11 + t11_5;
    if (s12 + t12_5 > best) best = s12 + t12_5;
    sc[o + 5] = best + em[o + 5]!;
    // I-LOC: after B-LOC or I-LOC
    best = -Infinity;
    if (s5 + t5_6 > best) best = s5 + t5_6;
    if (s6 + t6_6 > best) best = s6 + t6_6;
    sc[o + 6] = best + em[o + 6]!;
    // E-LOC: after B-LOC or I-LOC
    best = -Infinity;
    if (s5 + t5_7 > best) best = s5 + t5_7;
    if (s6 + t6_7 > best) best = s6 + t6_7;
    sc[o + 7] = best + em[o + 7]!;
    // S-LOC: after O, E or S
    best = -Infinity;
    if (s0 + t0_8 > best) best = s0 + t0_8;
    if (s3 + t3_8 > best) best = s3 + t3_8;
    if (s4 + t4_8 > best) best = s4 + t4_8;
    if (s7 + t7_8 > best) best = s7 + t7_8;
    if (s8 + t8_8 > best) best = s8 + t8_8;
    if (s11 + t11_8 > best) best = s11 + t11_8;
    if (s12 + t12_8 > best) best = s12 + t12_8;
    sc[o + 8] = best + em[o + 8]!;
    // B-ORG: after O, E or S
    best = -Infinity;
    if (s0 + t0_9 > best) best = s0 + t0_9;
    if (s3 + t3_9 > best) best = s3 + t3_9;
    if (s4 + t4_9 > best) best = s4 + t4_9;
    if (s7 + t7_9 > best) best = s7 + t7_9;
    if (s8 + t8_9 > best) best = s8 + t8_9;
    if (s11 + t11_9 > best) best = s11 + t11_9;
    if (s12 + t12_9 > best) best = s12 + t12_9;
    sc[o + 9] = best + em[o + 9]!;
    // I-ORG: after B-ORG or I-ORG
    best = -Infinity;
    if (s9 + t9_10 > best) best = s9 + t9_10;
    if (s10 + t10_10 > best) best = s10 + t10_10;
    sc[o + 10] = best + em[o + 10]!;
    // E-ORG: after B-ORG or I-ORG
    best = -Infinity;
    if (s9 + t9_11 > best) best = s9 + t9_11;
    if (s10 + t10_11 > best) best = s10 + t10_11;
    sc[o + 11] = best + em[o + 11]!;
    // S-ORG: after O, E or S
    best = -Infinity;
    if (s0 + t0_12 > best) best = s0 + t0_12;
    if (s3 + t3_12 > best) best = s3 + t3_12;
    if (s4 + t4_12 > best) best = s4 + t4_12;
    if (s7 + t7_12 > best) best = s7 + t7_12;
    if (s8 + t8_12 > best) best = s8 + t8_12;
    if (s11 + t11_12 > best) best = s11 + t11_12;
    if (s12 + t12_12 > best) best = s12 + t12_12;
    sc[o + 12] = best + em[o + 12]!;
    s0 = sc[o + 0]!;
    s1 = sc[o + 1]!;
    s2 = sc[o + 2]!;
    s3 = sc[o + 3]!;
    s4 = sc[o + 4]!;
    s5 = sc[o + 5]!;
    s6 = sc[o + 6]!;
    s7 = sc[o + 7]!;
    s8 = sc[o + 8]!;
    s9 = sc[o + 9]!;
    s10 = sc[o + 10]!;
    s11 = sc[o + 11]!;
    s12 = sc[o + 12]!;
  }
  let best = -Infinity,
    arg = 0;
  const lo = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (ALLOWED_END[t] && sc[lo + t]! > best) {
      best = sc[lo + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i > 0; i--) {
    out[i] = arg;
    arg = predecessor(sc, (i - 1) * T, trans, arg);
  }
  out[0] = arg;
}

export function tagsToSpans(tags: Uint8Array, n: number): NerSpan[] {
  const spans: NerSpan[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    const p = posOf(t);
    if (p === S) spans.push({ start: i, end: i + 1, type: ENTITY_KINDS[kindOf(t)]! });
    else if (p === B) start = i;
    else if (p === E && start >= 0) {
      spans.push({ start, end: i + 1, type: ENTITY_KINDS[kindOf(t)]! });
      start = -1;
    }
  }
  return spans;
}

export function spansToTags(spans: readonly NerSpan[], n: number): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    const k = ENTITY_KINDS.indexOf(s.type);
    if (s.end - s.start === 1) tags[s.start] = tagOf(k, S);
    else {
      tags[s.start] = tagOf(k, B);
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagOf(k, I);
      tags[s.end - 1] = tagOf(k, E);
    }
  }
  return tags;
}
