// Turns averaged float weights into the shipped form: only rows that keep a non-zero weight after
// rounding to int16, with one global scale. Transitions are divided by the same scale so decoding
// can add integer emissions directly.
export function quantize(w: Float32Array, trans: Float32Array, T: number): { scale: number; rowKeys: Uint32Array; weights: Int16Array; trans: Float32Array } {
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]!);
    if (a > max) max = a;
  }
  const scale = max > 0 ? max / 32767 : 1;
  const rows = w.length / T;
  const keep: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < T; t++) {
      if (Math.abs(w[r * T + t]! / scale) >= 0.5) {
        keep.push(r);
        break;
      }
    }
  }
  const weights = new Int16Array(keep.length * T);
  keep.forEach((r, i) => {
    for (let t = 0; t < T; t++) weights[i * T + t] = Math.round(w[r * T + t]! / scale);
  });
  const qt = new Float32Array(trans.length);
  for (let i = 0; i < trans.length; i++) qt[i] = trans[i]! / scale;
  return { scale, rowKeys: Uint32Array.from(keep), weights, trans: qt };
}
