/** Shared test problems and drivers for the optimizer tests (not a test file itself). */
import { strict as assert } from 'node:assert';
import type { Optimizer, StepContext } from '../../../src/engine/optim/types';

export type Fn = (p: Float64Array) => { value: number; gradient: Float64Array };
export type HessianFn = (p: Float64Array) => Float64Array;

/** Anisotropic quadratic L = Σ cᵢ(pᵢ − tᵢ)², its gradient 2cᵢ(pᵢ − tᵢ) and Hessian diag(2cᵢ). */
export function quadratic(c: number[], t: number[]): Fn {
  return (p) => ({
    value: c.reduce((s, ci, i) => s + ci * (p[i] - t[i]) ** 2, 0),
    gradient: Float64Array.from(c, (ci, i) => 2 * ci * (p[i] - t[i])),
  });
}

export const quadraticHessian =
  (c: number[]): HessianFn =>
  () => {
    const n = c.length;
    const H = new Float64Array(n * n);
    c.forEach((ci, i) => (H[i * n + i] = 2 * ci));
    return H;
  };

/** Rosenbrock (1 − x)² + 100(y − x²)² with its hand-written gradient. */
export const rosenbrock: Fn = (p) => {
  const [x, y] = p;
  return {
    value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: Float64Array.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
  };
};

/** ∇² of Rosenbrock: [[2 − 400(y − 3x²), −400x], [−400x, 200]]. */
export const rosenbrockHessian: HessianFn = (p) => {
  const [x, y] = p;
  return Float64Array.of(2 - 400 * (y - 3 * x * x), -400 * x, -400 * x, 200);
};

/** The two problems of every 200-step comparison: Rosenbrock from (−1.2, 1) and a 3-D quadratic whose curvatures span 100×. */
export const ANISOTROPIC = { c: [1, 10, 0.1], t: [1, -2, 3] };
export const PROBLEMS: Array<{ label: string; fn: Fn; start: number[]; hessian: HessianFn }> = [
  { label: 'Rosenbrock from (−1.2, 1)', fn: rosenbrock, start: [-1.2, 1], hessian: rosenbrockHessian },
  {
    label: 'anisotropic quadratic',
    fn: quadratic(ANISOTROPIC.c, ANISOTROPIC.t),
    start: [0, 0, 0],
    hessian: quadraticHessian(ANISOTROPIC.c),
  },
];

/** What the training loop passes: the evaluation at p, a closure for re-evaluations, maybe a Hessian. */
export function context(fn: Fn, p: Float64Array, hessian?: HessianFn): StepContext {
  const e = fn(p);
  return { value: e.value, gradient: e.gradient, evaluate: (q) => fn(q), hessian };
}

/** Runs `steps` optimizer steps as the loop does and returns every θ (θ₀ first). */
export function trajectory(opt: Optimizer, fn: Fn, start: number[], steps: number, hessian?: HessianFn): number[][] {
  const p = Float64Array.from(start);
  const rows = [Array.from(p)];
  for (let k = 0; k < steps; k++) {
    opt.step(p, context(fn, p, hessian));
    rows.push(Array.from(p));
  }
  return rows;
}

/** Every entry within `rel`·max(1, |expected|): relative for large values, absolute near 0. */
export function assertClose(actual: number[][], expected: number[][], rel: number): void {
  assert.equal(actual.length, expected.length, 'number of rows');
  actual.forEach((row, k) => {
    assert.equal(row.length, expected[k].length, `row ${k} length`);
    row.forEach((v, i) => {
      const e = expected[k][i];
      assert.ok(Number.isFinite(v) && Math.abs(v - e) <= rel * Math.max(1, Math.abs(e)), `step ${k}, θ${i}: ${v} vs ${e} (diff ${v - e})`);
    });
  });
}

/** Largest relative difference between two trajectories (for reporting how close they are). */
export function maxRelDiff(a: number[][], b: number[][]): number {
  let m = 0;
  a.forEach((row, k) => row.forEach((v, i) => (m = Math.max(m, Math.abs(v - b[k][i]) / Math.max(1, Math.abs(b[k][i]))))));
  return m;
}

/** A trajectory must actually move (guards against comparing two frozen runs). */
export function assertMoved(rows: number[][], minDistance: number): void {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const dist = Math.hypot(...first.map((v, i) => last[i] - v));
  assert.ok(dist >= minDistance, `moved only ${dist}`);
}
