import { strict as assert } from 'node:assert';
import { Lbfgs, twoLoopDirection, type LbfgsOptions } from '../../../src/engine/optim/lbfgs';
import { cubicInterpolate, strongWolfe } from '../../../src/engine/optim/strongWolfe';
import { OptimizerError } from '../../../src/engine/optim/types';
import { refCubic, refStrongWolfe } from './wolfeReference';
import { PROBLEMS, assertClose, assertMoved, context, quadratic, rosenbrock, trajectory, type Fn } from './helpers';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, ai, i) => s + ai * b[i], 0);
const maxAbs = (a: ArrayLike<number>) => Math.max(...Array.from(a, Math.abs));

/**
 * The reference: torch.optim.LBFGS's documented behaviour (its docstring and the minFunc
 * algorithm it follows), written plainly. Step lengths and stopping rules are torch's: t =
 * min(1, 1/‖g‖₁)·lr at the very first iteration, lr afterwards (or the strong-Wolfe search, shared
 * with the implementation and tested on its own below); pairs with yᵀs ≤ 1e−10 are skipped; stop on
 * max_iter, max_eval, ‖g‖∞ ≤ tolerance_grad, ‖t·d‖∞ ≤ tolerance_change, |ΔL| < tolerance_change, or
 * gᵀd > −tolerance_change. The quasi-Newton direction d = −H∇f is computed either
 *   'twoLoop': by Nocedal & Wright's Algorithm 7.4 as printed (q = ∇f, …, d = −r), or
 *   'matrix':  from the explicit inverse-Hessian matrix (N&W eq. 7.19), H ← γI and, oldest pair
 *              first, H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ — the same H, rounded differently.
 */
type Direction = 'twoLoop' | 'matrix';

function textbookTwoLoop(g: number[], pairs: Array<{ s: number[]; y: number[] }>, gamma: number): number[] {
  let q = g.slice();
  const alphas: number[] = [];
  for (let i = pairs.length - 1; i >= 0; i--) {
    const { s, y } = pairs[i];
    alphas[i] = (1 / dot(y, s)) * dot(s, q);
    q = q.map((qi, k) => qi - alphas[i] * y[k]);
  }
  let r = q.map((qi) => gamma * qi);
  for (let i = 0; i < pairs.length; i++) {
    const { s, y } = pairs[i];
    const beta = (1 / dot(y, s)) * dot(y, r);
    r = r.map((ri, k) => ri + s[k] * (alphas[i] - beta));
  }
  return r.map((ri) => -ri);
}

function matrixDirection(g: number[], pairs: Array<{ s: number[]; y: number[] }>, gamma: number): number[] {
  const n = g.length;
  let H = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? gamma : 0)));
  for (const p of pairs) {
    const rho = 1 / dot(p.y, p.s);
    const V = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - rho * p.y[i] * p.s[j])); // I − ρ y sᵀ
    const HV = H.map((row) => V[0].map((_, j) => row.reduce((acc, h, k) => acc + h * V[k][j], 0)));
    H = V.map((_, i) => HV[0].map((__, j) => V.reduce((acc, vk, k) => acc + vk[i] * HV[k][j], 0) + rho * p.s[i] * p.s[j])); // Vᵀ(HV) + ρ s sᵀ
  }
  return H.map((row) => -dot(row, g));
}

function reference(fn: Fn, start: number[], steps: number, o: LbfgsOptions, direction: Direction = 'twoLoop'): number[][] {
  const { lr = 1, maxIter = 20, toleranceGrad = 1e-7, toleranceChange = 1e-9, historySize = 100, lineSearch } = o;
  const maxEval = o.maxEval ?? Math.floor((maxIter * 5) / 4);
  let theta = start.slice();
  const rows = [theta.slice()];
  let nIter = 0;
  let d: number[] = [];
  let t = 0;
  let gamma = 1;
  let prevG: number[] = [];
  let pairs: Array<{ s: number[]; y: number[] }> = [];
  for (let step = 0; step < steps; step++) {
    let { value: loss, gradient } = fn(Float64Array.from(theta));
    let g = Array.from(gradient);
    let evals = 1;
    if (maxAbs(g) > toleranceGrad) {
      for (let it = 1; it <= maxIter; it++) {
        nIter++;
        if (nIter === 1) {
          d = g.map((x) => -x);
          pairs = [];
          gamma = 1;
        } else {
          const y = g.map((x, i) => x - prevG[i]);
          const s = d.map((x) => x * t);
          if (dot(y, s) > 1e-10) {
            pairs.push({ s, y });
            if (pairs.length > historySize) pairs.shift();
            gamma = dot(y, s) / dot(y, y);
          }
          d = direction === 'matrix' ? matrixDirection(g, pairs, gamma) : textbookTwoLoop(g, pairs, gamma);
        }
        prevG = g.slice();
        const prevLoss = loss;
        t = nIter === 1 ? Math.min(1, 1 / g.reduce((acc, x) => acc + Math.abs(x), 0)) * lr : lr;
        const gtd = dot(g, d);
        if (gtd > -toleranceChange) break;
        let optimal = false;
        if (lineSearch === 'strong_wolfe') {
          const x0 = theta.slice();
          const dd = Float64Array.from(d);
          const r = refStrongWolfe((tt) => fn(Float64Array.from(x0, (xi, i) => xi + tt * dd[i])), t, dd, loss, Float64Array.from(g), gtd);
          [loss, g, t] = [r.value, Array.from(r.gradient), r.t];
          theta = theta.map((x, i) => x + t * d[i]);
          evals += r.evaluations;
          optimal = maxAbs(g) <= toleranceGrad;
        } else {
          theta = theta.map((x, i) => x + t * d[i]);
          if (it !== maxIter) {
            ({ value: loss, gradient } = fn(Float64Array.from(theta)));
            g = Array.from(gradient);
            evals += 1;
            optimal = maxAbs(g) <= toleranceGrad;
          }
        }
        if (it === maxIter || evals >= maxEval || optimal) break;
        if (maxAbs(d.map((x) => x * t)) <= toleranceChange || Math.abs(loss - prevLoss) < toleranceChange) break;
      }
    }
    rows.push(theta.slice());
  }
  return rows;
}

/** A context that counts the closure calls the optimizer makes. */
function countingContext(fn: Fn, p: Float64Array) {
  const ctx = context(fn, p);
  let calls = 0;
  return {
    ctx: { ...ctx, evaluate: (q: Float64Array) => (calls++, fn(q)) },
    calls: () => calls,
  };
}

describe('L-BFGS (torch.optim.LBFGS)', () => {
  describe('first steps by hand (max_iter 1: one inner iteration per step, no re-evaluation)', () => {
    it('on L = (w − 3)²: a cautious first step, then the secant step lands on the minimum', () => {
      // step 1 (first ever): g₀ = −6, d = 6, t = min(1, 1/|g₀|)·1 = 1/6, w₁ = 0 + 6/6 = 1
      // step 2: g₁ = 2(1 − 3) = −4;  y = −4 − (−6) = 2,  s = t·d = 1,  yᵀs = 2,  ρ = 1/2,  H_diag = yᵀs/yᵀy = 2/4
      //   q = 4;  α = ρ·s·q = 2;  q = 4 − 2·2 = 0;  r = H_diag·q = 0;  β = ρ·y·r = 0;  r = 0 + (2 − 0)·1 = 2
      //   t = lr = 1, w₂ = 1 + 2 = 3
      const opt = new Lbfgs({ maxIter: 1 });
      assertClose(trajectory(opt, quadratic([1], [3]), [0], 2), [[0], [1], [3]], 1e-15);
      const s = opt.state();
      assert.equal(s.n_iter, 2);
      assert.equal(s.H_diag, 0.5);
      assert.equal(s.func_evals, 2); // one closure() per step: the loop's own evaluation
    });
    it('on L = x² + 10y² from (1, 1)', () => {
      // step 1: g₀ = (2, 20), ‖g₀‖₁ = 22, t = 1/22, d₀ = (−2, −20);  θ₁ = (1 − 2/22, 1 − 20/22) = (10/11, 1/11)
      const theta1 = [10 / 11, 1 / 11];
      // step 2: g₁ = (2·10/11, 20·1/11) = (20/11, 20/11);  y = g₁ − g₀ = (−2/11, −200/11);  s = t·d₀ = (−1/11, −10/11)
      const g1 = [20 / 11, 20 / 11];
      const y = [g1[0] - 2, g1[1] - 20];
      const s = [(1 / 22) * -2, (1 / 22) * -20];
      const ys = y[0] * s[0] + y[1] * s[1]; // = 2002/121
      const rho = 1 / ys;
      const hDiag = ys / (y[0] * y[0] + y[1] * y[1]); // = 2002/40004
      //   q = −g₁;  α = ρ·sᵀq;  q ← q − α·y;  r = H_diag·q;  β = ρ·yᵀr;  r ← r + (α − β)·s;  θ₂ = θ₁ + 1·r
      let q = [-g1[0], -g1[1]];
      const alpha = rho * (s[0] * q[0] + s[1] * q[1]); // = 220/2002
      q = [q[0] - alpha * y[0], q[1] - alpha * y[1]];
      let r = [hDiag * q[0], hDiag * q[1]];
      const beta = rho * (y[0] * r[0] + y[1] * r[1]);
      r = [r[0] + (alpha - beta) * s[0], r[1] + (alpha - beta) * s[1]];
      const theta2 = [theta1[0] + r[0], theta1[1] + r[1]];
      assert.ok(Math.abs(alpha - 220 / 2002) < 1e-15);
      assertClose(trajectory(new Lbfgs({ maxIter: 1 }), quadratic([1, 10], [0, 0]), [1, 1], 2), [[1, 1], theta1, theta2], 1e-14);
    });
  });

  describe('by hand: a stopping rule', () => {
    it('lr = 2 on L = (w − 3)² overshoots to the mirror point, and |ΔL| < tolerance_change ends the step', () => {
      // iteration 1: g = −6, d = 6, t = min(1, 1/6)·2 = 1/3, w = 0 + 2 = 2 (L: 9 → 1);  re-evaluate: g = −2
      // iteration 2: y = −2 − (−6) = 4, s = t·d = 2, ρ = 1/8, H_diag = 8/16 = 0.5
      //   q = 2, α = ρ·s·q = 0.5, q = 2 − 0.5·4 = 0, r = 0, β = 0, r = 0 + 0.5·2 = 1 (the Newton step)
      //   t = lr = 2, w = 2 + 2 = 4: L = 1 again, |ΔL| = 0 < 1e−9: stop (without that rule it would bounce 2 ↔ 4 until max_iter)
      const opt = new Lbfgs({ lr: 2 });
      assertClose(trajectory(opt, quadratic([1], [3]), [0], 1), [[0], [4]], 1e-15);
      assert.equal(opt.state().iterations, 2);
      assert.equal(opt.state().evaluations, 3);
    });
  });

  describe('200 steps equal the documented algorithm', () => {
    const configs: LbfgsOptions[] = [
      { maxIter: 1 },
      { maxIter: 1, lr: 0.5, historySize: 3 },
      {},
      { maxIter: 4, historySize: 2 },
      { toleranceChange: 1e-3 },
      { lineSearch: 'strong_wolfe' },
      { lineSearch: 'strong_wolfe', maxIter: 3, historySize: 2 },
      // torch does not pass its tolerance_change to the line search: that one keeps 1e−9
      { lineSearch: 'strong_wolfe', toleranceChange: 1 },
    ];
    for (const o of configs) {
      for (const { label, fn, start } of PROBLEMS) {
        it(`${JSON.stringify(o)} on ${label}: relative 1e-12 (in fact bit for bit) with the textbook two-loop recursion`, () => {
          const ours = trajectory(new Lbfgs(o), fn, start, 200);
          assertMoved(ours, 0.1);
          const ref = reference(fn, start, 200, o);
          assertClose(ours, ref, 1e-12);
          assert.deepEqual(ours, ref);
        });
      }
      it(`${JSON.stringify(o)} on the anisotropic quadratic: relative 1e-12 with the explicit inverse-Hessian matrix`, () => {
        const { fn, start } = PROBLEMS[1];
        assertClose(trajectory(new Lbfgs(o), fn, start, 200), reference(fn, start, 200, o, 'matrix'), 1e-12);
      });
    }
    it('the two-loop recursion is −H·g for the explicit BFGS matrix H (random 5-D histories)', () => {
      // (On Rosenbrock whole trajectories cannot be compared this way: its early iterations amplify
      // the last-bit differences between the two formulas to ~1e-10 within a few steps.)
      let seed = 7;
      const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
      for (let trial = 0; trial < 20; trial++) {
        const n = 5;
        const pairs: Array<{ s: number[]; y: number[] }> = [];
        while (pairs.length < 1 + (trial % 5)) {
          const s = Array.from({ length: n }, rand);
          const y = s.map((si) => 2 * si + 0.3 * rand()); // yᵀs > 0: a convex-looking pair
          if (dot(y, s) > 1e-3) pairs.push({ s, y });
        }
        const g = Array.from({ length: n }, rand);
        const gamma = 0.5 + Math.abs(rand());
        const ours = twoLoopDirection(
          Float64Array.from(g),
          pairs.map((p) => Float64Array.from(p.y)),
          pairs.map((p) => Float64Array.from(p.s)),
          pairs.map((p) => 1 / dot(p.y, p.s)),
          gamma,
        );
        assertClose([Array.from(ours)], [matrixDirection(g, pairs, gamma)], 1e-12);
      }
    });
  });

  describe('convergence', () => {
    it('with strong_wolfe it solves Rosenbrock from (−1.2, 1) in two steps of ≤ 20 iterations', () => {
      const p = Float64Array.of(-1.2, 1);
      const opt = new Lbfgs({ lineSearch: 'strong_wolfe' });
      for (let k = 0; k < 2; k++) opt.step(p, context(rosenbrock, p));
      assert.ok(rosenbrock(p).value < 1e-8, `loss ${rosenbrock(p).value} at ${[...p]}`);
      assert.ok(Math.abs(p[0] - 1) < 1e-4 && Math.abs(p[1] - 1) < 1e-4, `${[...p]}`);
    });
    it('without a line search it gets there too, in four steps', () => {
      const p = Float64Array.of(-1.2, 1);
      const opt = new Lbfgs();
      for (let k = 0; k < 4; k++) opt.step(p, context(rosenbrock, p));
      assert.ok(rosenbrock(p).value < 1e-10, `loss ${rosenbrock(p).value}`);
    });
    it('the L-BFGS direction with exact line searches minimises an n-D quadratic in ≤ n iterations', () => {
      // Quadratic termination: on L = Σ cᵢ(θᵢ − tᵢ)² the two-loop direction with the exact step
      // t* = −gᵀd / dᵀAd (A = diag(2cᵢ)) makes the directions conjugate, as conjugate gradients do.
      for (let n = 2; n <= 8; n++) {
        const c = Array.from({ length: n }, (_, i) => 10 ** ((2 * i) / (n - 1) - 1)); // curvatures 0.1 … 10
        const target = Array.from({ length: n }, (_, i) => i - n / 2);
        const grad = (th: Float64Array) => Float64Array.from(th, (x, i) => 2 * c[i] * (x - target[i]));
        const theta = new Float64Array(n).fill(3);
        let g = grad(theta);
        const g0 = Math.hypot(...g);
        const dirs: Float64Array[] = [];
        const stps: Float64Array[] = [];
        const ro: number[] = [];
        let hDiag = 1;
        let iterations = 0;
        while (Math.hypot(...g) > 1e-10 * g0 && iterations < 3 * n) {
          const d = iterations === 0 ? g.map((v) => -v) : twoLoopDirection(g, dirs, stps, ro, hDiag);
          const tStar = -dot(g, d) / d.reduce((acc, di, i) => acc + 2 * c[i] * di * di, 0);
          const s = d.map((v) => v * tStar);
          theta.forEach((x, i) => (theta[i] = x + s[i]));
          const gNew = grad(theta);
          const y = gNew.map((v, i) => v - g[i]);
          dirs.push(y);
          stps.push(s);
          ro.push(1 / dot(y, s));
          hDiag = dot(y, s) / dot(y, y);
          g = gNew;
          iterations++;
        }
        assert.ok(iterations <= n, `n = ${n}: ${iterations} iterations`);
      }
    });
    it('torch’s own step rules are inexact, yet one step() brings an n-D quadratic to 1e−8', () => {
      // (The first iteration is a short steepest-descent step and strong-Wolfe accepts t = 1 once
      // |∇Lᵀd| has dropped by 10%, so the n-iteration bound above does not apply to torch's LBFGS.)
      for (let n = 2; n <= 8; n++) {
        const c = Array.from({ length: n }, (_, i) => 10 ** ((2 * i) / (n - 1) - 1));
        const fn = quadratic(
          c,
          Array.from({ length: n }, (_, i) => i - n / 2),
        );
        const p = new Float64Array(n).fill(3);
        const opt = new Lbfgs({ lineSearch: 'strong_wolfe' });
        opt.step(p, context(fn, p));
        assert.ok(fn(p).value < 1e-8, `n = ${n}: loss ${fn(p).value} after ${opt.state().iterations} iterations`);
      }
    });
  });

  describe('how a step counts (what the training loop sees)', () => {
    it('one step() without a line search: up to max_iter iterations, the last one without re-evaluation', () => {
      const p = Float64Array.of(-1.2, 1);
      const { ctx, calls } = countingContext(rosenbrock, p);
      const opt = new Lbfgs();
      opt.step(p, ctx);
      const s = opt.state();
      assert.equal(s.iterations, 20);
      assert.equal(s.evaluations, 20); // the loop's evaluation + 19 closure calls
      assert.equal(calls(), 19);
      assert.equal(s.func_evals, 20);
    });
    it('with strong_wolfe, line-search evaluations count too: the first Rosenbrock step ends on max_eval = 25, not max_iter', () => {
      const p = Float64Array.of(-1.2, 1);
      const { ctx, calls } = countingContext(rosenbrock, p);
      const opt = new Lbfgs({ lineSearch: 'strong_wolfe' });
      opt.step(p, ctx);
      const s = opt.state();
      assert.equal(calls(), (s.evaluations as number) - 1);
      assert.ok((s.evaluations as number) >= 25 && (s.iterations as number) < 20, JSON.stringify(s));
    });
    it('returns at once, without moving, when ‖g‖∞ ≤ tolerance_grad', () => {
      const fn = quadratic([1, 1], [0.5, 0.5]);
      const p = Float64Array.of(0.5, 0.5 + 1e-9);
      const { ctx, calls } = countingContext(fn, p);
      const opt = new Lbfgs();
      opt.step(p, ctx);
      assert.deepEqual(Array.from(p), [0.5, 0.5 + 1e-9]);
      assert.equal(calls(), 0);
      assert.equal(opt.state().n_iter, 0);
    });
    it('keeps at most history_size pairs', () => {
      const opt = new Lbfgs({ historySize: 2 });
      trajectory(opt, PROBLEMS[1].fn, PROBLEMS[1].start, 1);
      assert.equal(opt.state().history, 2);
    });
  });

  describe('validation', () => {
    const rejects = (o: LbfgsOptions, en: string) =>
      assert.throws(
        () => new Lbfgs(o),
        (e: unknown) => e instanceof OptimizerError && e.code === 'badOptimizerConfig' && e.en === en && e.ko.length > 0,
      );
    it('rejects what torch rejects, and nonsense counts', () => {
      rejects({ lr: -1 }, 'Invalid learning rate: -1');
      rejects({ maxIter: 0 }, 'Invalid max_iter value: 0');
      rejects({ maxIter: 2.5 }, 'Invalid max_iter value: 2.5');
      rejects({ historySize: 0 }, 'Invalid history_size value: 0');
      rejects({ maxEval: -3 }, 'Invalid max_eval value: -3');
      rejects({ toleranceGrad: -1 }, 'Invalid tolerance_grad value: -1');
      rejects({ lineSearch: 'backtracking' as 'strong_wolfe' }, "only 'strong_wolfe' is supported");
    });
  });
});

describe('the strong-Wolfe line search (torch’s _strong_wolfe)', () => {
  it('cubic interpolation is exact for a quadratic: f = (x − 1)² from x = 0 and x = 3 gives 1', () => {
    // f(0) = 1, f′(0) = −2, f(3) = 4, f′(3) = 4
    assert.equal(cubicInterpolate(0, 1, -2, 3, 4, 4), 1);
  });
  it('and for a cubic: f = x³ − 3x has its local minimum at 1', () => {
    // f(0) = 0, f′(0) = −3, f(2) = 2, f′(2) = 9
    assert.ok(Math.abs(cubicInterpolate(0, 0, -3, 2, 2, 9) - 1) < 1e-15);
  });
  it('clamps to the bounds, and falls back to their middle without a real minimiser', () => {
    assert.equal(cubicInterpolate(0, 1, -2, 3, 4, 4, [1.5, 2]), 1.5);
    // f(0) = 0, f′(0) = 4, f(1) = 3, f′(1) = 4: d₁ = 4 + 4 − 3·(−3)/(−1) = −1, d₂² = 1 − 16 < 0
    assert.equal(cubicInterpolate(0, 0, 4, 1, 3, 4, [0, 4]), 2);
    assert.equal(cubicInterpolate(0, 0, Number.NaN, 1, 0, 1, [0, 4]), 2);
  });
  it('matches a second plain transcription of torch’s code on 300 random line searches, bit for bit', () => {
    // 1-D slices f(t) = Σ aₖ sin(bₖ t + cₖ) + q t² − s t, starting from tiny to huge first steps,
    // so that extrapolation (up to 10×), zoom, the insufficient-progress rule and the 25-evaluation cap all occur.
    let seed = 12345;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 300; trial++) {
      const k = 1 + Math.floor(rand() * 3);
      const a = Array.from({ length: k }, () => rand() * 2);
      const b = Array.from({ length: k }, () => 0.5 + rand() * 20);
      const c = Array.from({ length: k }, () => rand() * 6);
      const q = rand() * 2;
      const slope = 1 + rand() * 20 + a.reduce((acc, ai, i) => acc + ai * b[i], 0);
      const f1 = (t: number) => ({
        value: a.reduce((acc, ai, i) => acc + ai * Math.sin(b[i] * t + c[i]), 0) + q * t * t - slope * t,
        gradient: Float64Array.of(a.reduce((acc, ai, i) => acc + ai * b[i] * Math.cos(b[i] * t + c[i]), 0) + 2 * q * t - slope),
      });
      const d = Float64Array.of(1);
      const at0 = f1(0);
      const gtd = at0.gradient[0]; // < 0: a descent direction by construction
      const t0 = 10 ** (-4 + rand() * 6);
      const ours = strongWolfe(f1, d, t0, at0.value, at0.gradient, gtd);
      const ref = refStrongWolfe(f1, t0, d, at0.value, at0.gradient, gtd);
      assert.deepEqual(
        [ours.t, ours.value, ours.evaluations, ...ours.gradient],
        [ref.t, ref.value, ref.evaluations, ...ref.gradient],
        `trial ${trial}`,
      );
    }
    for (let trial = 0; trial < 200; trial++) {
      const args = Array.from({ length: 6 }, () => (rand() - 0.5) * 10) as [number, number, number, number, number, number];
      assert.equal(cubicInterpolate(...args), refCubic(...args));
    }
  });
  it('returns a step meeting both strong-Wolfe conditions on Rosenbrock’s steepest descent', () => {
    const x = Float64Array.of(-1.2, 1);
    const { value: f, gradient: g } = rosenbrock(x);
    const d = g.map((v) => -v);
    const gtd = dot(g, d);
    const r = strongWolfe((t) => rosenbrock(Float64Array.from(x, (xi, i) => xi + t * d[i])), d, 1, f, g, gtd);
    assert.ok(r.value <= f + 1e-4 * r.t * gtd, 'sufficient decrease');
    assert.ok(Math.abs(dot(r.gradient, d)) <= -0.9 * gtd, 'curvature');
    assert.ok(r.evaluations >= 2 && r.evaluations <= 25);
  });
});
