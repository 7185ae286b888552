import { strict as assert } from 'node:assert';
import { ldlt, symmetricEigenvalues } from '../../../src/engine/optim/linalg';
import { Newton, type NewtonOptions } from '../../../src/engine/optim/newton';
import { OptimizerError } from '../../../src/engine/optim/types';
import {
  PROBLEMS,
  assertClose,
  assertMoved,
  context,
  quadratic,
  quadraticHessian,
  rosenbrock,
  rosenbrockHessian,
  trajectory,
  type Fn,
  type HessianFn,
} from './helpers';

/**
 * The reference for 2-D problems, written from newton.ts's documented rule with independent
 * arithmetic (closed-form eigenvalues and Cramer's rule instead of Jacobi and Cholesky):
 *   λ = 0 if H is positive definite, else max(0, −λ_min) + ‖g‖;   θ ← θ − lr·(H + λI)⁻¹g
 */
function reference2d(fn: Fn, hessian: HessianFn, start: number[], steps: number, lr: number): { rows: number[][]; damped: number } {
  let [x, y] = start;
  const rows = [[x, y]];
  let damped = 0;
  for (let k = 0; k < steps; k++) {
    const g = fn(Float64Array.of(x, y)).gradient;
    const [a, b, , d] = hessian(Float64Array.of(x, y));
    // eigenvalues of [[a, b], [b, d]]: (a + d)/2 ± √(((a − d)/2)² + b²)
    const lambdaMin = (a + d) / 2 - Math.hypot((a - d) / 2, b);
    let lambda = 0;
    if (!(lambdaMin > 0)) {
      lambda = Math.max(0, -lambdaMin) + Math.hypot(g[0], g[1]);
      damped++;
    }
    const [p, q, r] = [a + lambda, b, d + lambda];
    const det = p * r - q * q;
    const dx = (r * g[0] - q * g[1]) / det;
    const dy = (p * g[1] - q * g[0]) / det;
    x -= lr * dx;
    y -= lr * dy;
    rows.push([x, y]);
  }
  return { rows, damped };
}

const saddle: Fn = (p) => ({ value: p[0] ** 2 - p[1] ** 2, gradient: Float64Array.of(2 * p[0], -2 * p[1]) });
const saddleHessian: HessianFn = () => Float64Array.of(2, 0, 0, -2);

describe("Newton's method (exact Hessian, Levenberg–Marquardt safeguard)", () => {
  describe('by hand', () => {
    it('on L = (w − 3)² one step with lr = 1 lands on 3: w₁ = 0 − (−6)/2', () => {
      // (Cholesky: L = √2, then −6/√2/√2 — exact up to one rounding)
      assertClose(trajectory(new Newton(), quadratic([1], [3]), [0], 1, quadraticHessian([1])), [[0], [3]], 1e-15);
    });
    it('lr = 0.5 halves the distance each step: 0 → 1.5 → 2.25 → 2.625', () => {
      // w₁ = 0 − 0.5·(−6/2) = 1.5;  w₂ = 1.5 − 0.5·(−3/2) = 2.25;  w₃ = 2.25 − 0.5·(−1.5/2) = 2.625
      assertClose(
        trajectory(new Newton({ lr: 0.5 }), quadratic([1], [3]), [0], 3, quadraticHessian([1])),
        [[0], [1.5], [2.25], [2.625]],
        1e-15,
      );
    });
    it('solves a coupled quadratic ½θᵀAθ − bᵀθ in one step: θ = A⁻¹b = (1, 7)/11', () => {
      // A = [[4, 1], [1, 3]], b = (1, 2); A⁻¹ = [[3, −1], [−1, 4]]/11
      const fn: Fn = (p) => ({
        value: 0.5 * (4 * p[0] * p[0] + 2 * p[0] * p[1] + 3 * p[1] * p[1]) - p[0] - 2 * p[1],
        gradient: Float64Array.of(4 * p[0] + p[1] - 1, p[0] + 3 * p[1] - 2),
      });
      const rows = trajectory(new Newton(), fn, [5, -5], 1, () => Float64Array.of(4, 1, 1, 3));
      assertClose([rows[1]], [[1 / 11, 7 / 11]], 1e-14);
    });
    it('uses the symmetric part of the Hessian it is given: [[4, 2], [0, 3]] acts as [[4, 1], [1, 3]]', () => {
      const fn: Fn = (p) => ({ value: 0, gradient: Float64Array.of(4 * p[0] + p[1] - 1, p[0] + 3 * p[1] - 2) });
      const rows = trajectory(new Newton(), fn, [5, -5], 1, () => Float64Array.of(4, 2, 0, 3));
      assertClose([rows[1]], [[1 / 11, 7 / 11]], 1e-14);
    });
    it('solves the anisotropic 3-D quadratic in one step (curvatures 0.2 … 20)', () => {
      const { fn, hessian } = PROBLEMS[1];
      const p = Float64Array.of(5, 5, 5);
      const opt = new Newton();
      opt.step(p, context(fn, p, hessian));
      assertClose([Array.from(p)], [[1, -2, 3]], 1e-14);
      assert.equal(opt.state().damping, 0);
    });
  });

  describe('the safeguard on a saddle x² − y² (Hessian diag(2, −2), not positive definite)', () => {
    it('damps with λ = 2 + ‖g‖ and takes a descent step', () => {
      // at (1, 0.5): g = (2, −1), ‖g‖ = √5, λ = −(−2) + √5 ≈ 4.236
      // d = (2/(2 + λ), −1/(−2 + λ)) ≈ (0.3207, −0.4472);  θ₁ = θ₀ − d ≈ (0.6793, 0.9472)
      const lambda = 2 + Math.sqrt(5);
      const expected = [1 - 2 / (2 + lambda), 0.5 + 1 / (-2 + lambda)];
      const p = Float64Array.of(1, 0.5);
      const opt = new Newton();
      const ctx = context(saddle, p, saddleHessian);
      opt.step(p, ctx);
      assertClose([Array.from(p)], [expected], 1e-15);
      const s = opt.state();
      assert.ok(Math.abs((s.damping as number) - lambda) < 1e-15);
      assert.equal(s.min_eigenvalue, -2);
      // a descent direction (gᵀd > 0 for θ ← θ − d) and a lower loss
      const d = s.newton_direction as number[];
      assert.ok(ctx.gradient[0] * d[0] + ctx.gradient[1] * d[1] > 0);
      assert.ok(saddle(p).value < ctx.value, `${saddle(p).value} vs ${ctx.value}`);
      // the pure Newton step would have jumped onto the saddle point (0, 0): no descent at all
      assert.ok(Math.hypot(p[0], p[1]) > 0.5);
    });
    it('the damped step is never longer than lr, even where the gradient is tiny', () => {
      for (const start of [
        [1e-6, 1e-6],
        [3, -2],
        [0, 1e-9],
      ]) {
        const p = Float64Array.from(start);
        const opt = new Newton();
        opt.step(p, context(saddle, p, saddleHessian));
        const d = opt.state().newton_direction as number[];
        assert.ok(Math.hypot(d[0], d[1]) <= 1 + 1e-15, `${d}`);
      }
    });
    it('escapes the saddle and keeps going down, where plain Newton would sit on it', () => {
      const rows = trajectory(new Newton(), saddle, [1, 1e-3], 10, saddleHessian);
      const losses = rows.map((r) => saddle(Float64Array.from(r)).value);
      losses.slice(1).forEach((l, k) => assert.ok(l < losses[k], `step ${k + 1}: ${l} ≥ ${losses[k]}`));
      assert.ok(losses[10] < -1);
    });
    it('at the saddle point itself the gradient is 0 and nothing moves (as for gradient descent)', () => {
      assertClose(
        trajectory(new Newton(), saddle, [0, 0], 2, saddleHessian),
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        0,
      );
    });
    it('on a maximum −x² − y² it goes downhill too', () => {
      const peak: Fn = (p) => ({ value: -(p[0] ** 2) - p[1] ** 2, gradient: Float64Array.of(-2 * p[0], -2 * p[1]) });
      const rows = trajectory(new Newton(), peak, [0.3, -0.4], 1, () => Float64Array.of(-2, 0, 0, -2));
      assert.ok(peak(Float64Array.from(rows[1])).value < peak(Float64Array.from(rows[0])).value);
    });
  });

  describe('200 steps equal the documented rule (relative 1e-12)', () => {
    const starts: Array<[string, number[]]> = [
      ['(−1.2, 1)', [-1.2, 1]],
      ['(0, 1), an indefinite start', [0, 1]],
    ];
    for (const [label, start] of starts) {
      for (const lr of [1, 0.3]) {
        it(`Rosenbrock from ${label}, lr ${lr}`, () => {
          const ours = trajectory(new Newton({ lr }), rosenbrock, start, 200, rosenbrockHessian);
          const ref = reference2d(rosenbrock, rosenbrockHessian, start, 200, lr);
          assertMoved(ours, 0.5);
          assertClose(ours, ref.rows, 1e-12);
          assertClose([ours[200]], [[1, 1]], 1e-9);
          if (label.includes('indefinite')) assert.ok(ref.damped > 0, 'the safeguard acted');
        });
      }
    }
    it('the anisotropic quadratic: lr 0.1 contracts the error by 0.9 per step', () => {
      const { fn, start, hessian } = PROBLEMS[1];
      const ours = trajectory(new Newton({ lr: 0.1 }), fn, start, 200, hessian);
      const t = [1, -2, 3];
      const expected = ours.map((_, k) => t.map((ti, i) => ti + (start[i] - ti) * 0.9 ** k));
      assertClose(ours, expected, 1e-12);
    });
  });

  describe('a fixed damping (--damping, config.damping)', () => {
    it('damping 0 is the plain step H⁻¹∇L even on a saddle: one step lands on the saddle point (0, 0)', () => {
      // H = diag(2, −2), g = (2x, −2y): d = (x, y), θ₁ = θ₀ − d = (0, 0) — no descent at all
      const opt = new Newton({ damping: 0 });
      const rows = trajectory(opt, saddle, [1, 0.5], 1, saddleHessian);
      assertClose(
        rows,
        [
          [1, 0.5],
          [0, 0],
        ],
        0,
      );
      assert.equal(opt.state().damping, 0);
      assert.equal(opt.state().min_eigenvalue, -2);
    });
    it('damping 0 climbs a maximum −x² − y²: one step lands on its top (0, 0)', () => {
      const peak: Fn = (p) => ({ value: -(p[0] ** 2) - p[1] ** 2, gradient: Float64Array.of(-2 * p[0], -2 * p[1]) });
      assertClose(
        trajectory(new Newton({ damping: 0 }), peak, [0.3, -0.4], 1, () => Float64Array.of(-2, 0, 0, -2)).slice(1),
        [[0, 0]],
        1e-16,
      );
    });
    it('damping 0 on an indefinite coupled Hessian solves H·d = g exactly (LU with pivoting)', () => {
      // H = [[1, 3], [3, 1]] (eigenvalues 4, −2), g = (5, 7): d = H⁻¹g = (1·5 − 3·7, −3·5 + 1·7)/(1 − 9) = (2, 1)
      const fn: Fn = () => ({ value: 0, gradient: Float64Array.of(5, 7) });
      const rows = trajectory(new Newton({ damping: 0 }), fn, [0, 0], 1, () => Float64Array.of(1, 3, 3, 1));
      assertClose(rows.slice(1), [[-2, -1]], 1e-15);
    });
    it('damping 0 where H is positive definite is bit-for-bit the default step', () => {
      // Rosenbrock's Hessian at (−1.2, 1) is [[1330, 480], [480, 200]], at (2, 3) [[3602, −800], [−800, 200]]: both positive definite
      for (const start of [
        [-1.2, 1],
        [2, 3],
      ]) {
        assert.ok(ldlt(rosenbrockHessian(Float64Array.from(start)), 2));
        const a = Float64Array.from(start);
        const b = Float64Array.from(start);
        new Newton().step(a, context(rosenbrock, a, rosenbrockHessian));
        new Newton({ damping: 0 }).step(b, context(rosenbrock, b, rosenbrockHessian));
        assert.deepEqual(Array.from(b), Array.from(a));
      }
      const { fn, start, hessian } = PROBLEMS[1];
      assert.deepEqual(trajectory(new Newton({ damping: 0 }), fn, start, 3, hessian), trajectory(new Newton(), fn, start, 3, hessian));
    });
    it('a positive damping λ solves (H + λI)d = ∇L at every step, positive definite or not', () => {
      // L = (w − 3)², H = 2, g = 2(w − 3): d = 2(w − 3)/(2 + λ); λ = 2 halves the distance each step
      assertClose(
        trajectory(new Newton({ damping: 2 }), quadratic([1], [3]), [0], 3, quadraticHessian([1])),
        [[0], [1.5], [2.25], [2.625]],
        1e-15,
      );
      // saddle at (1, 0.5), λ = 1: H + I = diag(3, −1), g = (2, −1), d = (2/3, 1), θ₁ = (1/3, −0.5) (still indefinite: no safeguard)
      const opt = new Newton({ damping: 1 });
      assertClose(trajectory(opt, saddle, [1, 0.5], 1, saddleHessian).slice(1), [[1 / 3, -0.5]], 1e-15);
      assert.equal(opt.state().damping, 1);
    });
    it('a singular H + λI is an error the learner can read; at a stationary point nothing moves', () => {
      const flat: Fn = (p) => ({ value: p[0], gradient: Float64Array.of(1) });
      const p = Float64Array.of(1);
      assert.throws(
        () =>
          new Newton({ damping: 0 }).step(
            p,
            context(flat, p, () => Float64Array.of(0)),
          ),
        (e: unknown) => e instanceof OptimizerError && e.code === 'optimizerStep' && /singular/.test(e.en) && /역행렬/.test(e.ko),
      );
      // H = diag(2, −2) + 2I = diag(4, 0) is singular too
      const q = Float64Array.of(1, 1);
      assert.throws(
        () => new Newton({ damping: 2 }).step(q, context(saddle, q, saddleHessian)),
        (e: unknown) => e instanceof OptimizerError && e.code === 'optimizerStep',
      );
      assertClose(
        trajectory(new Newton({ damping: 0 }), saddle, [0, 0], 1, () => Float64Array.of(0, 0, 0, 0)),
        [
          [0, 0],
          [0, 0],
        ],
        0,
      );
    });
    it('is validated: a finite number ≥ 0', () => {
      for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '1']) {
        assert.throws(
          () => new Newton({ damping: bad as number }),
          (e: unknown) =>
            e instanceof OptimizerError && e.code === 'badOptimizerConfig' && /Invalid damping value/.test(e.en) && /감쇠/.test(e.ko),
        );
      }
      assert.doesNotThrow(() => new Newton({ damping: 0 }));
    });
  });

  describe('optional backtracking line search', () => {
    // L = √(1 + w²): convex, but the pure Newton step is w ← −w³, which diverges from |w| > 1.
    const hump: Fn = (p) => ({ value: Math.sqrt(1 + p[0] ** 2), gradient: Float64Array.of(p[0] / Math.sqrt(1 + p[0] ** 2)) });
    const humpHessian: HessianFn = (p) => Float64Array.of((1 + p[0] ** 2) ** -1.5);
    it('is off by default: the pure step overshoots 2 → −8', () => {
      const rows = trajectory(new Newton(), hump, [2], 1, humpHessian);
      assert.ok(Math.abs(rows[1][0] - -8) < 1e-12, String(rows[1][0]));
    });
    it('halves the step until the Armijo condition holds, and converges', () => {
      const opt = new Newton({ lineSearch: 'backtracking' });
      const rows = trajectory(opt, hump, [2], 30, humpHessian);
      const losses = rows.map((r) => hump(Float64Array.from(r)).value);
      losses.slice(1).forEach((l, k) => assert.ok(l <= losses[k]));
      assert.ok(Math.abs(rows[30][0]) < 1e-8, String(rows[30][0]));
      // the first step: t = 1 gives w = −8 (worse), t = 1/2 gives w = 2 − 0.5·10 = −3 (worse), t = 1/4 gives −0.5
      const first = new Newton({ lineSearch: 'backtracking' });
      first.step(Float64Array.of(2), context(hump, Float64Array.of(2), humpHessian));
      assert.equal(first.state().step_size, 0.25);
    });
    it('asks for sufficient decrease, not mere decrease', () => {
      // L = w² (true curvature 2) with a caller-supplied curvature of 1 + 1e−5: d = 2w/(1 + 1e−5), and
      // t = 1 lands at w·(1e−5 − 1)/(1 + 1e−5): L drops only by ≈ 4e−5·L, less than the Armijo
      // margin c·t·gᵀd ≈ 1e−4·4w² = 4e−4·L. So t = 1/2 (landing near 0) is taken.
      const opt = new Newton({ lineSearch: 'backtracking' });
      const p = Float64Array.of(1);
      opt.step(
        p,
        context(quadratic([1], [0]), p, () => Float64Array.of(1 + 1e-5)),
      );
      assert.equal(opt.state().step_size, 0.5);
      assert.ok(Math.abs(p[0]) < 1e-4, String(p[0]));
    });
    it('keeps the full step on a quadratic (still one step)', () => {
      const { fn, hessian } = PROBLEMS[1];
      assertClose(trajectory(new Newton({ lineSearch: 'backtracking' }), fn, [0, 0, 0], 1, hessian).slice(1), [[1, -2, 3]], 1e-14);
    });
  });

  describe('errors the learner can read', () => {
    it('needs the Hessian', () => {
      const p = Float64Array.of(1);
      assert.throws(
        () => new Newton().step(p, context(quadratic([1], [0]), p)),
        (e: unknown) => e instanceof OptimizerError && e.code === 'optimizerStep' && /Hessian/.test(e.en) && /헤세/.test(e.ko),
      );
    });
    it('refuses too many parameters and non-finite Hessians', () => {
      const p = new Float64Array(3);
      assert.throws(
        () => new Newton({ maxParams: 2 }).step(p, context(quadratic([1, 1, 1], [0, 0, 0]), p, quadraticHessian([1, 1, 1]))),
        /limited to 2 parameters/,
      );
      const q = Float64Array.of(1);
      assert.throws(
        () =>
          new Newton().step(
            q,
            context(quadratic([1], [0]), q, () => Float64Array.of(Number.NaN)),
          ),
        (e: unknown) => e instanceof OptimizerError && e.code === 'optimizerStep',
      );
    });
    it('validates its settings', () => {
      assert.throws(
        () => new Newton({ lr: -1 }),
        (e: unknown) => e instanceof OptimizerError && e.code === 'badOptimizerConfig' && e.en === 'Invalid learning rate: -1',
      );
      assert.throws(
        () => new Newton({ lineSearch: 'wolfe' } as unknown as NewtonOptions),
        (e: unknown) => e instanceof OptimizerError && e.code === 'badOptimizerConfig',
      );
    });
  });

  describe('linear algebra', () => {
    it('Cholesky rejects indefinite and singular matrices', () => {
      assert.equal(ldlt(Float64Array.of(2, 0, 0, -2), 2), undefined);
      assert.equal(ldlt(Float64Array.of(1, 1, 1, 1), 2), undefined);
      const f = ldlt(Float64Array.of(4, 2, 2, 5), 2);
      // [[4, 2], [2, 5]] = [[1, 0], [½, 1]] · diag(4, 4) · [[1, ½], [0, 1]]
      assert.deepEqual(
        [Array.from(f?.L ?? []), Array.from(f?.D ?? [])],
        [
          [1, 0, 0.5, 1],
          [4, 4],
        ],
      );
    });
    it('Jacobi eigenvalues of a 3×3 symmetric matrix', () => {
      // [[2, −1, 0], [−1, 2, −1], [0, −1, 2]] has eigenvalues 2 − √2, 2, 2 + √2
      const ev = Array.from(symmetricEigenvalues(Float64Array.of(2, -1, 0, -1, 2, -1, 0, -1, 2), 3)).sort((a, b) => a - b);
      assertClose([ev], [[2 - Math.SQRT2, 2, 2 + Math.SQRT2]], 1e-14);
    });
  });
});
