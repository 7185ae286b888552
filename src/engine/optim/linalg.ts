/**
 * Dense symmetric linear algebra for Newton's method (row-major n×n Float64Arrays). n is small
 * (the Hessian has n² entries), so plain O(n³) loops are the right tool.
 */

/**
 * A = L·D·Lᵀ with L unit lower-triangular and D diagonal (the square-root-free Cholesky), or
 * undefined when a pivot is not clearly positive (A is not positive definite). No square roots:
 * a diagonal Hessian gives L = I and the Newton step d = g/D exactly — one step solves a
 * quadratic to the bit, not to the last rounding of √.
 */
export function ldlt(A: Float64Array, n: number): { L: Float64Array; D: Float64Array } | undefined {
  const L = new Float64Array(n * n);
  const D = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j];
    for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k] * D[k];
    // `!(d > 0)` also rejects NaN: a pivot that is not clearly positive means "not PD".
    if (!(d > 0)) return undefined;
    D[j] = d;
    L[j * n + j] = 1;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k] * D[k];
      L[i * n + j] = s / d;
    }
  }
  return { L, D };
}

/** Solves L·D·Lᵀ·x = b: forward substitution, division by D, backward substitution. */
export function ldltSolve({ L, D }: { L: Float64Array; D: Float64Array }, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * y[k];
    y[i] = s;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] / D[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s;
  }
  return x;
}

/**
 * Eigenvalues of a symmetric matrix by the cyclic Jacobi method: rotate away each off-diagonal
 * entry in turn until the off-diagonal part is negligible; the diagonal is then the spectrum.
 * Slow (O(n³) per sweep) but simple and accurate, and only needed when the Hessian is not
 * positive definite.
 */
export function symmetricEigenvalues(A: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(A);
  let total = 0;
  for (const v of a) total += v * v;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
    if (!(off > 1e-32 * total)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // Rotation angle that zeroes a[p][q] (Numerical Recipes' jacobi, the smaller of the two angles).
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Float64Array.from({ length: n }, (_, i) => a[i * n + i]);
}
