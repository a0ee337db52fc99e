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

// PRED[q] lists the tags allowed before q (2 for I/E, 7 for O/B/S), so decoding skips forbidden pairs.
const PRED: Uint8Array[] = Array.from({ length: NUM_TAGS }, (_, q) =>
  Uint8Array.from(Array.from({ length: NUM_TAGS }, (_, p) => p).filter((p) => ALLOWED[p * NUM_TAGS + q])),
);
let score = new Float64Array(0);
let back = new Uint8Array(0);

/** Best tag sequence for emission scores em[i*T+t] and transition scores trans[p*T+q]. */
export function viterbi(em: Float32Array | Int32Array, n: number, trans: Float32Array, out: Uint8Array): void {
  const T = NUM_TAGS;
  if (n === 0) return;
  if (score.length < n * T) {
    score = new Float64Array(n * T * 2);
    back = new Uint8Array(n * T * 2);
  }
  for (let t = 0; t < T; t++) score[t] = ALLOWED_START[t] ? em[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const o = i * T,
      po = o - T;
    for (let q = 0; q < T; q++) {
      let best = -Infinity,
        arg = 0;
      const preds = PRED[q]!;
      for (let j = 0; j < preds.length; j++) {
        const p = preds[j]!;
        const s = score[po + p]! + trans[p * T + q]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[o + q] = best + em[o + q]!;
      back[o + q] = arg;
    }
  }
  let best = -Infinity,
    arg = 0;
  const lo = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (ALLOWED_END[t] && score[lo + t]! > best) {
      best = score[lo + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
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
