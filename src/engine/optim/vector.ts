/**
 * The few vector reductions L-BFGS and its line search need, summed left to right.
 * (torch's `dot` goes to BLAS, which may sum in blocks or with fused multiply-adds; for the short
 * vectors of the tutor's losses that changes at most the last bits.)
 */

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** ‖a‖∞ as torch's `a.abs().max()`: NaN anywhere gives NaN. */
export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (Number.isNaN(v)) return v;
    if (v > m) m = v;
  }
  return m;
}

/** ‖a‖₁ as torch's `a.abs().sum()`. */
export function sumAbs(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
}
