/**
 * torch.optim.LBFGS without a line search (its default, line_search_fn=None), ported step by step.
 * One `step()` runs up to max_iter inner iterations, re-evaluating the loss through the closure:
 *
 *   d₀ = −g;  t₀ = min(1, 1/‖g‖₁)·lr;  later  tₖ = lr
 *   yₖ = gₖ − gₖ₋₁,  sₖ = tₖ₋₁dₖ₋₁;  keep (y, s, ρ = 1/yᵀs) when yᵀs > 1e−10, H_diag = yᵀs / yᵀy
 *   two-loop recursion: q = −g;  for i = newest…oldest: αᵢ = ρᵢ sᵢᵀq,  q −= αᵢyᵢ
 *                        r = H_diag·q;  for i = oldest…newest: β = ρᵢ yᵢᵀr,  r += (αᵢ − β)sᵢ;  d = r
 *   stop when gᵀd > −tolerance_change, ‖g‖∞ ≤ tolerance_grad, ‖t·d‖∞ ≤ tolerance_change,
 *   |ΔL| < tolerance_change, after max_iter iterations or max_eval evaluations.
 * Defaults: lr 1, max_iter 20, max_eval = max_iter·5/4, tolerance_grad 1e−7, tolerance_change 1e−9,
 * history_size 100. The history persists across step() calls, as in PyTorch.
 */
import { check, withDefaults, type Optimizer, type StepContext } from './types';
import { strongWolfe } from './strongWolfe';

export interface LbfgsOptions {
  lr: number;
  maxIter?: number;
  maxEval?: number;
  toleranceGrad?: number;
  toleranceChange?: number;
  historySize?: number;
  /** 'strong_wolfe' for torch's line search; undefined (the default) moves by t·d. */
  lineSearch?: 'strong_wolfe';
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

export class Lbfgs implements Optimizer {
  readonly name = 'lbfgs';
  private readonly o: Required<Omit<LbfgsOptions, 'lineSearch'>> & Pick<LbfgsOptions, 'lineSearch'>;
  private nIter = 0;
  private funcEvals = 0;
  private d: Float64Array | undefined;
  private t = 0;
  private oldDirs: Float64Array[] = [];
  private oldStps: Float64Array[] = [];
  private ro: number[] = [];
  private hDiag = 1;
  private prevFlatGrad: Float64Array | undefined;

  constructor(o: LbfgsOptions) {
    const maxIter = o.maxIter ?? 20;
    this.o = withDefaults<Required<Omit<LbfgsOptions, 'lineSearch'>> & Pick<LbfgsOptions, 'lineSearch'>>({ lr: o.lr, maxIter, maxEval: Math.floor((maxIter * 5) / 4), toleranceGrad: 1e-7, toleranceChange: 1e-9, historySize: 100, lineSearch: undefined }, o);
    check(o.lr > 0, 'lr', o.lr, '학습률은 0보다 커야 합니다');
  }

  step(params: Float64Array, ctx: StepContext): void {
    const { lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize } = this.o;
    let loss = ctx.value;
    let flatGrad = Float64Array.from(ctx.gradient);
    let currentEvals = 1;
    this.funcEvals += 1;
    if (maxAbs(flatGrad) <= toleranceGrad) return;

    let nIter = 0;
    while (nIter < maxIter) {
      nIter++;
      this.nIter++;
      let d: Float64Array;
      if (this.nIter === 1) {
        d = flatGrad.map((g) => -g);
        this.oldDirs = [];
        this.oldStps = [];
        this.ro = [];
        this.hDiag = 1;
      } else {
        const prev = this.prevFlatGrad as Float64Array;
        const y = flatGrad.map((g, i) => g - prev[i]);
        const prevD = this.d as Float64Array;
        const s = prevD.map((v) => v * this.t);
        const ys = dot(y, s);
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
        const numOld = this.oldDirs.length;
        const al = new Array<number>(numOld);
        const q = flatGrad.map((g) => -g);
        for (let i = numOld - 1; i >= 0; i--) {
          al[i] = dot(this.oldStps[i], q) * this.ro[i];
          const yi = this.oldDirs[i];
          for (let k = 0; k < q.length; k++) q[k] = q[k] + -al[i] * yi[k];
        }
        d = q.map((v) => v * this.hDiag);
        for (let i = 0; i < numOld; i++) {
          const be = dot(this.oldDirs[i], d) * this.ro[i];
          const si = this.oldStps[i];
          for (let k = 0; k < d.length; k++) d[k] = d[k] + (al[i] - be) * si[k];
        }
      }
      this.d = d;
      this.prevFlatGrad = Float64Array.from(flatGrad);
      const prevLoss = loss;
      // Step size: a cautious first step, then the learning rate.
      let sumAbs = 0;
      for (const g of flatGrad) sumAbs += Math.abs(g);
      this.t = this.nIter === 1 ? Math.min(1, 1 / sumAbs) * lr : lr;
      const gtd = dot(flatGrad, d);
      if (gtd > -toleranceChange) break;

      let lsEvals = 0;
      let optCond = false;
      if (this.o.lineSearch === 'strong_wolfe') {
        const x = Float64Array.from(params);
        const probe = new Float64Array(params.length);
        const dir = d;
        const r = strongWolfe(
          (t) => {
            for (let k = 0; k < x.length; k++) probe[k] = x[k] + t * dir[k];
            const e = ctx.evaluate(probe);
            return { value: e.value, gradient: Float64Array.from(e.gradient) };
          },
          d,
          this.t,
          loss,
          flatGrad,
          gtd,
          toleranceChange,
        );
        loss = r.value;
        flatGrad = Float64Array.from(r.gradient);
        this.t = r.t;
        lsEvals = r.evaluations;
        for (let k = 0; k < params.length; k++) params[k] = params[k] + this.t * d[k];
        optCond = maxAbs(flatGrad) <= toleranceGrad;
      } else {
        for (let k = 0; k < params.length; k++) params[k] = params[k] + this.t * d[k];
      }
      if (this.o.lineSearch !== 'strong_wolfe' && nIter !== maxIter) {
        const e = ctx.evaluate(params);
        loss = e.value;
        flatGrad = Float64Array.from(e.gradient);
        optCond = maxAbs(flatGrad) <= toleranceGrad;
        lsEvals = 1;
      }
      currentEvals += lsEvals;
      this.funcEvals += lsEvals;
      if (nIter === maxIter) break;
      if (currentEvals >= maxEval) break;
      if (optCond) break;
      if (maxAbs(d.map((v) => v * this.t)) <= toleranceChange) break;
      if (Math.abs(loss - prevLoss) < toleranceChange) break;
    }
  }

  state(): Record<string, number | number[]> {
    return { n_iter: this.nIter, func_evals: this.funcEvals, history: this.oldDirs.length, H_diag: this.hDiag };
  }
}
