/**
 * torch.optim.LBFGS, ported step by step (its own docs have no algorithm box; this is its code's
 * algorithm, which follows minFunc). One `step()` is one `optimizer.step(closure)`: up to
 * max_iter inner iterations and about max_eval loss evaluations, starting from the loss and
 * gradient the loop already computed (torch's first closure() call).
 *
 * Each inner iteration k:
 *   direction   k = 1 (first ever):  d = −g,  H_diag = 1
 *               otherwise:  y = g − g_prev,  s = t_prev·d_prev;  if yᵀs > 1e−10 remember (y, s, ρ = 1/yᵀs)
 *                           (forgetting the oldest beyond history_size) and set H_diag = yᵀs / yᵀy;
 *                           two-loop recursion:  q = −g
 *                             for i = newest … oldest:  αᵢ = ρᵢ sᵢᵀq;   q ← q − αᵢ yᵢ
 *                             r = H_diag·q
 *                             for i = oldest … newest:  βᵢ = ρᵢ yᵢᵀr;   r ← r + (αᵢ − βᵢ) sᵢ
 *                           d = r  (≈ −H⁻¹g)
 *   step length t = min(1, 1/‖g‖₁)·lr at the very first iteration, lr afterwards
 *   stop if gᵀd > −tolerance_change (not a descent direction any more)
 *   move        line_search_fn = None:          θ ← θ + t·d, then re-evaluate (except at the last iteration)
 *               line_search_fn = 'strong_wolfe': t from the strong-Wolfe search (strongWolfe.ts), θ ← θ + t·d
 *   stop after max_iter iterations, or ≥ max_eval evaluations in this step, or ‖g‖∞ ≤ tolerance_grad,
 *        or ‖t·d‖∞ ≤ tolerance_change, or |ΔL| < tolerance_change.
 * The whole step returns at once if ‖g‖∞ ≤ tolerance_grad at its start. The memory (y, s, ρ),
 * d, t, H_diag and the previous gradient persist across step() calls, as torch's state does.
 *
 * Defaults as in torch: lr 1, max_iter 20, max_eval = max_iter·5 // 4, tolerance_grad 1e−7,
 * tolerance_change 1e−9, history_size 100, line_search_fn None.
 */
import { strongWolfe } from './strongWolfe';
import { OptimizerError, requireLearningRate, requireNonNegative, requireThat, type Optimizer, type StepContext } from './types';
import { dot, maxAbs, sumAbs } from './vector';

export interface LbfgsOptions {
  lr?: number;
  maxIter?: number;
  /** Default max_iter·5 // 4 (torch's `max_iter * 5 // 4`, i.e. 25 for max_iter 20). */
  maxEval?: number;
  toleranceGrad?: number;
  toleranceChange?: number;
  historySize?: number;
  /** torch's line_search_fn: 'strong_wolfe', or undefined for a fixed step of length t. */
  lineSearch?: 'strong_wolfe';
}

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 1;

export class Lbfgs implements Optimizer {
  readonly name = 'lbfgs';
  private readonly lr: number;
  private readonly maxIter: number;
  private readonly maxEval: number;
  private readonly toleranceGrad: number;
  private readonly toleranceChange: number;
  private readonly historySize: number;
  private readonly lineSearch: 'strong_wolfe' | undefined;

  // torch's state dict, kept across step() calls.
  private funcEvals = 0;
  private nIter = 0;
  private d: Float64Array | undefined;
  private t = 0;
  private oldDirs: Float64Array[] = [];
  private oldStps: Float64Array[] = [];
  private ro: number[] = [];
  private hDiag = 1;
  private prevFlatGrad: Float64Array | undefined;
  private prevLoss = Number.NaN;
  // For the teaching views: what the last step() did.
  private lastIterations = 0;
  private lastEvaluations = 0;

  constructor(o: LbfgsOptions = {}) {
    this.lr = o.lr ?? 1;
    this.maxIter = o.maxIter ?? 20;
    this.maxEval = o.maxEval ?? Math.floor((this.maxIter * 5) / 4);
    this.toleranceGrad = o.toleranceGrad ?? 1e-7;
    this.toleranceChange = o.toleranceChange ?? 1e-9;
    this.historySize = o.historySize ?? 100;
    this.lineSearch = o.lineSearch;
    requireLearningRate(this.lr);
    requireThat(
      isCount(this.maxIter),
      this.maxIter,
      'Invalid max_iter value',
      '최대 반복 횟수(max_iter)가 잘못되었습니다',
      '1 이상의 정수여야 합니다',
    );
    requireThat(
      isCount(this.maxEval),
      this.maxEval,
      'Invalid max_eval value',
      '최대 평가 횟수(max_eval)가 잘못되었습니다',
      '1 이상의 정수여야 합니다',
    );
    requireThat(
      isCount(this.historySize),
      this.historySize,
      'Invalid history_size value',
      '기록 크기(history_size)가 잘못되었습니다',
      '1 이상의 정수여야 합니다',
    );
    requireNonNegative(this.toleranceGrad, 'Invalid tolerance_grad value', 'tolerance_grad 값이 잘못되었습니다');
    requireNonNegative(this.toleranceChange, 'Invalid tolerance_change value', 'tolerance_change 값이 잘못되었습니다');
    if (this.lineSearch !== undefined && this.lineSearch !== 'strong_wolfe') {
      // torch raises this (as a RuntimeError) at the first step; we say it at once.
      throw new OptimizerError(
        'badOptimizerConfig',
        `L-BFGS 선 탐색(line_search_fn)은 'strong_wolfe'만 쓸 수 있습니다: ${String(this.lineSearch)}`,
        "only 'strong_wolfe' is supported",
      );
    }
  }

  step(params: Float64Array, ctx: StepContext): void {
    const { lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize } = this;
    // torch: orig_loss = closure() — here the loop's evaluation at the current params.
    let loss = ctx.value;
    let flatGrad = Float64Array.from(ctx.gradient);
    let currentEvals = 1;
    this.funcEvals += 1;
    this.lastIterations = 0;
    this.lastEvaluations = 1;
    if (maxAbs(flatGrad) <= toleranceGrad) return; // already optimal: no move at all

    let nIter = 0;
    while (nIter < maxIter) {
      nIter++;
      this.nIter++;
      const d = this.nIter === 1 ? this.firstDirection(flatGrad) : this.lbfgsDirection(flatGrad, historySize);
      this.d = d;
      this.prevFlatGrad = Float64Array.from(flatGrad);
      this.prevLoss = loss;

      // Python's min(1.0, 1.0 / ‖g‖₁): 1.0 unless the second is smaller.
      const inv = 1 / sumAbs(flatGrad);
      this.t = this.nIter === 1 ? (inv < 1 ? inv : 1) * lr : lr;

      const gtd = dot(flatGrad, d); // directional derivative gᵀd
      if (gtd > -toleranceChange) break;

      let lsFuncEvals = 0;
      let optCond = false;
      if (this.lineSearch === 'strong_wolfe') {
        const x = Float64Array.from(params);
        const probe = new Float64Array(params.length);
        const r = strongWolfe(
          (step) => {
            // torch's _directional_evaluate: p.add_(d, alpha=t) on a copy of x, closure(), restore.
            for (let k = 0; k < x.length; k++) probe[k] = x[k] + step * d[k];
            const e = ctx.evaluate(probe);
            return { value: e.value, gradient: Float64Array.from(e.gradient) };
          },
          d,
          this.t,
          loss,
          flatGrad,
          gtd,
        );
        loss = r.value;
        flatGrad = Float64Array.from(r.gradient);
        this.t = r.t;
        lsFuncEvals = r.evaluations;
        for (let k = 0; k < params.length; k++) params[k] = params[k] + this.t * d[k];
        optCond = maxAbs(flatGrad) <= toleranceGrad;
      } else {
        for (let k = 0; k < params.length; k++) params[k] = params[k] + this.t * d[k];
        // torch re-evaluates except at the last iteration (in a stochastic setting it would be wasted).
        if (nIter !== maxIter) {
          const e = ctx.evaluate(params);
          loss = e.value;
          flatGrad = Float64Array.from(e.gradient);
          optCond = maxAbs(flatGrad) <= toleranceGrad;
          lsFuncEvals = 1;
        }
      }
      currentEvals += lsFuncEvals;
      this.funcEvals += lsFuncEvals;

      if (nIter === maxIter) break;
      if (currentEvals >= maxEval) break;
      if (optCond) break;
      if (this.stepIsTiny(d)) break;
      if (Math.abs(loss - this.prevLoss) < toleranceChange) break;
    }
    this.lastIterations = nIter;
    this.lastEvaluations = currentEvals;
  }

  /** The very first iteration: steepest descent, and an empty memory. */
  private firstDirection(g: Float64Array): Float64Array {
    this.oldDirs = [];
    this.oldStps = [];
    this.ro = [];
    this.hDiag = 1;
    return g.map((v) => -v);
  }

  /** Update the memory with the last move, then d = −H·g by the two-loop recursion. */
  private lbfgsDirection(g: Float64Array, historySize: number): Float64Array {
    const prevG = this.prevFlatGrad as Float64Array;
    const prevD = this.d as Float64Array;
    const n = g.length;
    const y = new Float64Array(n);
    const s = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      y[k] = g[k] - prevG[k];
      s[k] = prevD[k] * this.t;
    }
    const ys = dot(y, s);
    // Only pairs with positive curvature keep the approximation positive definite.
    if (ys > 1e-10) {
      if (this.oldDirs.length === historySize) {
        this.oldDirs.shift();
        this.oldStps.shift();
        this.ro.shift();
      }
      this.oldDirs.push(y);
      this.oldStps.push(s);
      this.ro.push(1 / ys);
      this.hDiag = ys / dot(y, y);
    }
    return twoLoopDirection(g, this.oldDirs, this.oldStps, this.ro, this.hDiag);
  }

  /** torch's `d.mul(t).abs().max() <= tolerance_change` (NaN is not tiny). */
  private stepIsTiny(d: Float64Array): boolean {
    let m = 0;
    for (let k = 0; k < d.length; k++) {
      const v = Math.abs(d[k] * this.t);
      if (Number.isNaN(v)) return false;
      if (v > m) m = v;
    }
    return m <= this.toleranceChange;
  }

  state(): Record<string, number | number[]> {
    return {
      n_iter: this.nIter,
      func_evals: this.funcEvals,
      /** Inner iterations and loss evaluations of the last step() (the first evaluation included). */
      iterations: this.lastIterations,
      evaluations: this.lastEvaluations,
      history: this.oldDirs.length,
      H_diag: this.hDiag,
      t: this.t,
      d: this.d ? Array.from(this.d) : [],
    };
  }
}

/**
 * The two-loop recursion: d = −H·g for the L-BFGS inverse-Hessian approximation H built from the
 * pairs (sᵢ, yᵢ, ρᵢ = 1/yᵢᵀsᵢ), oldest first, on top of H_diag·I. Written as torch writes it
 * (one buffer q, then r), so that it rounds the same way.
 */
export function twoLoopDirection(
  g: Float64Array,
  oldDirs: readonly Float64Array[],
  oldStps: readonly Float64Array[],
  ro: readonly number[],
  hDiag: number,
): Float64Array {
  const n = g.length;
  const m = oldDirs.length;
  const al = new Array<number>(m);
  const q = g.map((v) => -v);
  for (let i = m - 1; i >= 0; i--) {
    al[i] = dot(oldStps[i], q) * ro[i];
    const yi = oldDirs[i];
    for (let k = 0; k < n; k++) q[k] = q[k] + -al[i] * yi[k];
  }
  const r = q.map((v) => v * hDiag);
  for (let i = 0; i < m; i++) {
    const be = dot(oldDirs[i], r) * ro[i];
    const si = oldStps[i];
    for (let k = 0; k < n; k++) r[k] = r[k] + (al[i] - be) * si[k];
  }
  return r;
}
