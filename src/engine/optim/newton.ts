/**
 * Newton's method with the exact Hessian H = ∇²L(θ), supplied by the caller (StepContext.hessian):
 *
 *   solve (H + λI) d = ∇L(θ)        λ = 0 whenever H is positive definite
 *   θ ← θ − η·d                      η = lr; lr = 1 is the pure Newton step
 *
 * With λ = 0 and lr = 1 a quadratic L(θ) = ½θᵀAθ − bᵀθ (A positive definite) is solved in one step:
 * θ − A⁻¹(Aθ − b) = A⁻¹b.
 *
 * Safeguard (our choice; torch has no Newton optimizer): where H is not positive definite — a
 * saddle, a maximum, a flat or linear direction — the pure step goes uphill along negative
 * curvature or is undefined. We then damp it, Levenberg–Marquardt style, with
 *
 *   λ = max(0, −λ_min(H)) + ‖∇L(θ)‖₂
 *
 * The first term lifts the lowest curvature to zero; the second makes every eigenvalue of H + λI
 * at least ‖∇L‖. So −d is a descent direction (∇Lᵀd > 0) and the damped step is never longer
 * than lr (‖d‖ ≤ ‖∇L‖/‖∇L‖ = 1): a built-in trust region. A large λ makes the step a short
 * gradient step (d ≈ ∇L/λ), a small one a Newton step. H is symmetrised as (H + Hᵀ)/2 first,
 * and if rounding still defeats the factorisation, λ is doubled until it succeeds.
 * Why not "fall back to a gradient step": with lr = 1 a raw gradient step has no sensible length,
 * and the damped step keeps using the curvature that is positive.
 *
 * A fixed damping (option `damping`, the CLI's `--damping`, a file's `config.damping`) replaces the
 * safeguard: λ = damping at every step, whatever H is. `damping: 0` is the plain Newton step
 * θ ← θ − η·H⁻¹∇L of the textbooks, which walks uphill where the curvature is negative — toward a
 * maximum or a saddle (d2l.ai §12.3's lesson: from x = 10 on x·cos(0.15πx) it ends on a maximum).
 * (H + λI) is then solved by Cholesky where it is positive definite (the same arithmetic as the
 * safeguard's undamped step) and by LU with partial pivoting otherwise; a singular H + λI is an
 * error the learner can read (the plain step is undefined there).
 *
 * Optional backtracking line search (off by default, so that one step solves a quadratic exactly):
 * start at t = lr and halve t until the Armijo condition L(θ − t·d) ≤ L(θ) − c·t·∇Lᵀd holds
 * (c = 1e−4), at most 50 times.
 */
import { ldlt, ldltSolve, symmetricEigenvalues } from './linalg';
import { OptimizerError, requireLearningRate, requireThat, type Optimizer, type StepContext } from './types';

export interface NewtonOptions {
  /** Step scale η (default 1: the pure Newton step). */
  lr?: number;
  /** 'backtracking' enables the Armijo line search; undefined (default) takes the step as is. */
  lineSearch?: 'backtracking';
  /** Above this many parameters the n×n Hessian is too costly: the optimizer refuses (default 200). */
  maxParams?: number;
  /**
   * λ ≥ 0 used at every step: (H + λI)d = ∇L, and 0 is the plain Newton step even where H is not
   * positive definite. Undefined (default): the safeguard chooses λ (0 where H is positive definite).
   */
  damping?: number;
}

const ARMIJO_C = 1e-4;
const MAX_HALVINGS = 50;

export class Newton implements Optimizer {
  readonly name = 'newton';
  private readonly lr: number;
  private readonly lineSearch: 'backtracking' | undefined;
  private readonly maxParams: number;
  private readonly fixedDamping: number | undefined;
  private steps = 0;
  private damping = 0;
  private minEigenvalue: number | undefined;
  private stepSize = 0;
  private direction: Float64Array | undefined;

  constructor(o: NewtonOptions = {}) {
    this.lr = o.lr ?? 1;
    this.lineSearch = o.lineSearch;
    this.maxParams = o.maxParams ?? 200;
    this.fixedDamping = o.damping;
    requireLearningRate(this.lr);
    requireThat(
      this.fixedDamping === undefined ||
        (typeof this.fixedDamping === 'number' && Number.isFinite(this.fixedDamping) && this.fixedDamping >= 0),
      this.fixedDamping,
      'Invalid damping value',
      '감쇠(damping) 값이 잘못되었습니다',
      '0 이상의 유한한 수여야 합니다. 0은 순수한 뉴턴 스텝입니다',
    );
    requireThat(
      Number.isInteger(this.maxParams) && this.maxParams >= 1,
      this.maxParams,
      'Invalid maxParams value',
      '최대 매개변수 수(maxParams)가 잘못되었습니다',
      '1 이상의 정수여야 합니다',
    );
    requireThat(
      this.lineSearch === undefined || this.lineSearch === 'backtracking',
      this.lineSearch,
      'Invalid line search for Newton',
      '뉴턴 방법의 선 탐색이 잘못되었습니다',
      "'backtracking'만 쓸 수 있습니다",
    );
  }

  step(params: Float64Array, ctx: StepContext): void {
    const n = params.length;
    if (!ctx.hessian) {
      throw new OptimizerError(
        'optimizerStep',
        '뉴턴 방법에는 정확한 헤세 행렬(2차 도함수)이 필요한데, 이 손실 함수에서는 구할 수 없습니다.',
        'Newton’s method needs the exact Hessian, which this loss cannot provide.',
      );
    }
    if (n > this.maxParams) {
      throw new OptimizerError(
        'optimizerStep',
        `뉴턴 방법은 매개변수 ${this.maxParams}개까지만 씁니다(헤세 행렬이 n×n 크기입니다). 이 손실 함수의 매개변수는 ${n}개입니다.`,
        `Newton’s method is limited to ${this.maxParams} parameters (the Hessian has n×n entries); this loss has ${n}.`,
      );
    }
    const g = ctx.gradient;
    const H = symmetrised(ctx.hessian(params), n);
    if (!H.every(Number.isFinite) || !g.every(Number.isFinite)) {
      throw new OptimizerError(
        'optimizerStep',
        '헤세 행렬이나 기울기에 NaN 또는 무한대가 있어 뉴턴 스텝을 계산할 수 없습니다.',
        'The Hessian or the gradient contains NaN or infinity: no Newton step can be computed.',
      );
    }

    this.minEigenvalue = undefined;
    const { d, lambda } = this.fixedDamping === undefined ? this.safeguarded(H, g, n) : this.fixedStep(H, g, n, this.fixedDamping);

    const t = this.lineSearch === 'backtracking' ? backtrack(params, d, ctx, this.lr) : this.lr;
    for (let i = 0; i < n; i++) params[i] = params[i] - t * d[i];
    this.damping = lambda;
    this.stepSize = t;
    this.direction = d;
    this.steps++;
  }

  /** The default: λ = 0 where H is positive definite, else the Levenberg–Marquardt shift above. */
  private safeguarded(H: Float64Array, g: Float64Array, n: number): { d: Float64Array; lambda: number } {
    let lambda = 0;
    let L = ldlt(H, n);
    if (!L) {
      this.minEigenvalue = Math.min(...symmetricEigenvalues(H, n));
      let gNorm = 0;
      for (const v of g) gNorm += v * v;
      gNorm = Math.sqrt(gNorm);
      let scale = 1;
      for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i]));
      // ‖∇L‖ may be 0 exactly at a stationary point: keep the shift strictly positive then.
      lambda = Math.max(0, -this.minEigenvalue) + Math.max(gNorm, 1e-12 * scale);
      for (let tries = 0; ; tries++) {
        L = ldlt(shifted(H, n, lambda), n);
        if (L || tries === 60) break;
        lambda *= 2;
      }
      if (!L)
        throw new OptimizerError(
          'optimizerStep',
          '헤세 행렬을 양의 정부호로 만들 수 없었습니다.',
          'The Hessian could not be made positive definite.',
        );
    }
    return { d: ldltSolve(L, n, g), lambda };
  }

  /** A fixed λ (0: the plain Newton step), whatever the definiteness of H + λI. */
  private fixedStep(H: Float64Array, g: Float64Array, n: number, lambda: number): { d: Float64Array; lambda: number } {
    // At a stationary point every Newton step is 0 (as for gradient descent), singular H or not.
    if (g.every((v) => v === 0)) return { d: new Float64Array(n), lambda };
    const A = lambda === 0 ? H : shifted(H, n, lambda);
    const L = ldlt(A, n);
    if (L) return { d: ldltSolve(L, n, g), lambda };
    this.minEigenvalue = Math.min(...symmetricEigenvalues(H, n));
    const d = luSolve(A, n, g);
    if (!d) {
      const matrix = lambda === 0 ? 'H' : `H + ${lambda}·I`;
      throw new OptimizerError(
        'optimizerStep',
        `뉴턴 스텝을 계산할 수 없습니다. 역행렬이 없는 특이 행렬: ${matrix} (헤세 행렬 H, 감쇠 λ = ${lambda}). 감쇠를 양수로 주거나(--damping 0.1) 빼서 기본 안전장치를 쓰세요.`,
        `${matrix} is singular (it has no inverse; H is the Hessian, damping λ = ${lambda}), so the Newton step is undefined. Give a positive damping (--damping 0.1) or leave it out for the default safeguard.`,
      );
    }
    return { d, lambda };
  }

  state(): Record<string, number | number[]> {
    const s: Record<string, number | number[]> = {
      step: this.steps,
      /** λ of the last step: 0 for a pure Newton step (the fixed damping when one was given). */
      damping: this.damping,
      step_size: this.stepSize,
      /** d = (H + λI)⁻¹∇L of the last step (θ moved by −step_size·d). */
      newton_direction: this.direction ? Array.from(this.direction) : [],
    };
    if (this.minEigenvalue !== undefined) s.min_eigenvalue = this.minEigenvalue;
    return s;
  }
}

function symmetrised(H: Float64Array, n: number): Float64Array {
  if (H.length !== n * n) {
    throw new OptimizerError(
      'optimizerStep',
      `헤세 행렬의 크기가 맞지 않습니다: ${n}×${n} 대신 값 ${H.length}개.`,
      `The Hessian should have ${n}×${n} entries, got ${H.length}.`,
    );
  }
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) S[i * n + j] = (H[i * n + j] + H[j * n + i]) / 2;
  return S;
}

function shifted(H: Float64Array, n: number, lambda: number): Float64Array {
  const S = Float64Array.from(H);
  for (let i = 0; i < n; i++) S[i * n + i] += lambda;
  return S;
}

/**
 * Solves A·x = b for a general (possibly indefinite) square A by Gaussian elimination with partial
 * pivoting, or undefined when a pivot vanishes relative to A's largest entry (A is singular).
 */
function luSolve(A: Float64Array, n: number, b: ArrayLike<number>): Float64Array | undefined {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  let scale = 0;
  for (const v of M) scale = Math.max(scale, Math.abs(v));
  const tiny = scale * n * Number.EPSILON;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i * n + k]) > Math.abs(M[p * n + k])) p = i;
    if (!(Math.abs(M[p * n + k]) > tiny)) return undefined;
    if (p !== k) {
      for (let j = 0; j < n; j++) [M[k * n + j], M[p * n + j]] = [M[p * n + j], M[k * n + j]];
      [x[k], x[p]] = [x[p], x[k]];
    }
    for (let i = k + 1; i < n; i++) {
      const f = M[i * n + k] / M[k * n + k];
      if (f === 0) continue;
      for (let j = k; j < n; j++) M[i * n + j] -= f * M[k * n + j];
      x[i] -= f * x[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= M[i * n + j] * x[j];
    x[i] = s / M[i * n + i];
  }
  return x;
}

/** Armijo backtracking along −d from θ: the largest t = lr·2⁻ᵏ with L(θ − t·d) ≤ L(θ) − c·t·∇Lᵀd. */
function backtrack(params: Float64Array, d: Float64Array, ctx: StepContext, lr: number): number {
  let slope = 0; // ∇Lᵀd ≥ 0, since −d is a descent direction
  for (let i = 0; i < d.length; i++) slope += ctx.gradient[i] * d[i];
  const trial = new Float64Array(params.length);
  let t = lr;
  for (let k = 0; k < MAX_HALVINGS; k++) {
    for (let i = 0; i < params.length; i++) trial[i] = params[i] - t * d[i];
    const f = ctx.evaluate(trial).value;
    if (f <= ctx.value - ARMIJO_C * t * slope) return t;
    t /= 2;
  }
  return t;
}
