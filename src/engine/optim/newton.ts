/**
 * Newton's method with the exact Hessian H (from the engine's hyper-dual numbers):
 *
 *   θ ← θ − η · H⁻¹ ∇L(θ)           (η = 1 is the pure Newton step: a quadratic in one step)
 *
 * Safeguard where H is not positive definite (a saddle, a maximum, a flat direction): the pure
 * step would go uphill or explode. We add Levenberg–Marquardt damping, solving (H + λI)d = ∇L
 * with the smallest λ ∈ {0, 10⁻⁸·s, 10⁻⁷·s, …} (s = max |Hᵢᵢ|, at least 1) for which H + λI has a
 * Cholesky factorisation. Then d is a descent direction, and on a saddle the step leaves it.
 * The λ used is kept in the state so the teaching views can show when the safeguard acted.
 */
import { check, type Optimizer, type StepContext } from './types';

export interface NewtonOptions {
  lr: number;
  /** Above this many parameters the n×n Hessian is too costly: the optimizer refuses. */
  maxParams?: number;
}

/** Cholesky factor L (lower, row-major) of a symmetric matrix, or undefined if not positive definite. */
export function cholesky(A: Float64Array, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / L[j * n + j];
      }
    }
  }
  return L;
}

/** Solves (L Lᵀ) x = b. */
export function choleskySolve(L: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * y[k];
    y[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

export class Newton implements Optimizer {
  readonly name = 'newton';
  private t = 0;
  private lambda = 0;
  private readonly maxParams: number;

  constructor(private readonly o: NewtonOptions) {
    this.maxParams = o.maxParams ?? 200;
    check(o.lr > 0, 'lr', o.lr, '학습률은 0보다 커야 합니다');
  }

  step(params: Float64Array, ctx: StepContext): void {
    const n = params.length;
    if (!ctx.hessian) throw new Error('Newton’s method needs the exact Hessian, which this loss cannot provide');
    if (n > this.maxParams) throw new Error(`Newton’s method is limited to ${this.maxParams} parameters (the Hessian has n² entries); this loss has ${n}`);
    const H = ctx.hessian(params);
    let scale = 1;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i]));
    let lambda = 0;
    let L = cholesky(H, n);
    for (let k = -8; !L && k <= 20; k++) {
      lambda = scale * 10 ** k;
      const D = Float64Array.from(H);
      for (let i = 0; i < n; i++) D[i * n + i] += lambda;
      L = cholesky(D, n);
    }
    if (!L) throw new Error('the Hessian could not be made positive definite (it contains NaN or ∞)');
    const d = choleskySolve(L, n, ctx.gradient);
    for (let i = 0; i < n; i++) params[i] = params[i] - this.o.lr * d[i];
    this.lambda = lambda;
    this.t++;
  }

  state(): Record<string, number | number[]> {
    return { step: this.t, damping: this.lambda };
  }
}
