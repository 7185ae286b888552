import { strict as assert } from 'node:assert';
import type { Optimizer, StepContext } from '../../../src/engine/optim/types';

export type Fn = (p: Float64Array) => { value: number; gradient: Float64Array };

/** Anisotropic quadratic L = Σ cᵢ(pᵢ − tᵢ)². */
export const quadratic =
  (c: number[], t: number[]): Fn =>
  (p) => ({
    value: c.reduce((s, ci, i) => s + ci * (p[i] - t[i]) ** 2, 0),
    gradient: Float64Array.from(c, (ci, i) => 2 * ci * (p[i] - t[i])),
  });

/** Rosenbrock with its hand-written gradient. */
export const rosenbrock: Fn = (p) => {
  const [x, y] = p;
  return { value: (1 - x) ** 2 + 100 * (y - x * x) ** 2, gradient: Float64Array.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)) };
};

export function context(fn: Fn, p: Float64Array, hessian?: (p: Float64Array) => Float64Array): StepContext {
  const e = fn(p);
  return { value: e.value, gradient: e.gradient, evaluate: (q) => fn(q), hessian };
}

/** Runs `steps` optimizer steps and returns every θ (θ₀ first). */
export function trajectory(opt: Optimizer, fn: Fn, start: number[], steps: number): number[][] {
  const p = Float64Array.from(start);
  const rows = [Array.from(p)];
  for (let k = 0; k < steps; k++) {
    opt.step(p, context(fn, p));
    rows.push(Array.from(p));
  }
  return rows;
}

export function assertClose(actual: number[][], expected: number[][], rel: number): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((row, k) =>
    row.forEach((v, i) => {
      const e = expected[k][i];
      assert.ok(Math.abs(v - e) <= rel * Math.max(1, Math.abs(e)), `step ${k}, θ${i}: ${v} vs ${e}`);
    }),
  );
}
