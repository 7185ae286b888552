import { strict as assert } from 'node:assert';
import { Newton, cholesky } from '../../../src/engine/optim/newton';
import { Lbfgs } from '../../../src/engine/optim/lbfgs';
import { cubicInterpolate } from '../../../src/engine/optim/strongWolfe';
import { context, quadratic, rosenbrock, type Fn } from './helpers';

const quadHessian = (c: number[]) => () => {
  const n = c.length;
  const H = new Float64Array(n * n);
  c.forEach((ci, i) => (H[i * n + i] = 2 * ci));
  return H;
};

describe("Newton's method", () => {
  it('solves a quadratic in one step with lr = 1', () => {
    const c = [1, 10, 0.1];
    const t = [1, -2, 3];
    const p = Float64Array.of(5, 5, 5);
    new Newton({ lr: 1 }).step(p, context(quadratic(c, t), p, quadHessian(c)));
    [...p].forEach((v, i) => assert.ok(Math.abs(v - t[i]) < 1e-12, `${v} vs ${t[i]}`));
  });

  it('on a saddle (x² − y²) the safeguard damps H and the step goes downhill', () => {
    const saddle: Fn = (p) => ({ value: p[0] ** 2 - p[1] ** 2, gradient: Float64Array.of(2 * p[0], -2 * p[1]) });
    const p = Float64Array.of(1, 0.5);
    const opt = new Newton({ lr: 1 });
    const before = saddle(p).value;
    opt.step(p, context(saddle, p, () => Float64Array.of(2, 0, 0, -2)));
    assert.ok(saddle(p).value < before, 'the loss went down');
    assert.ok((opt.state().damping as number) > 0, 'damping was used');
    assert.equal(cholesky(Float64Array.of(2, 0, 0, -2), 2), undefined);
  });

  it('needs the Hessian', () => {
    const p = Float64Array.of(1);
    assert.throws(() => new Newton({ lr: 1 }).step(p, context(quadratic([1], [0]), p)), /Hessian/);
  });
});

describe('L-BFGS (torch.optim.LBFGS, no line search)', () => {
  it('drives a quadratic to its minimum within a few steps', () => {
    const fn = quadratic([1, 10, 0.1], [1, -2, 3]);
    const p = Float64Array.of(0, 0, 0);
    const opt = new Lbfgs({ lr: 1 });
    for (let k = 0; k < 5; k++) opt.step(p, context(fn, p));
    assert.ok(fn(p).value < 1e-10, `loss ${fn(p).value}`);
  });

  it('makes steady progress on Rosenbrock from (−1.2, 1)', () => {
    const p = Float64Array.of(-1.2, 1);
    const opt = new Lbfgs({ lr: 1 });
    for (let k = 0; k < 10; k++) opt.step(p, context(rosenbrock, p));
    assert.ok(rosenbrock(p).value < 1e-6, `loss ${rosenbrock(p).value} at ${[...p]}`);
  });

  it('first inner step is t = min(1, 1/‖g‖₁)·lr along −g, as torch does', () => {
    const fn = quadratic([1], [3]);
    const p = Float64Array.of(0);
    // max_iter 1: one inner iteration, no re-evaluation
    new Lbfgs({ lr: 1, maxIter: 1 }).step(p, context(fn, p));
    assert.ok(Math.abs(p[0] - (1 / 6) * 6) < 1e-15, String(p[0]));
  });
});

describe('L-BFGS with the strong-Wolfe line search', () => {
  it('cubic interpolation is exact for a quadratic: f = (x − 1)² from x = 0 and x = 3 gives 1', () => {
    assert.equal(cubicInterpolate(0, 1, -2, 3, 4, 4), 1);
  });

  it('solves Rosenbrock from (−1.2, 1) within a few steps', () => {
    const p = Float64Array.of(-1.2, 1);
    const opt = new Lbfgs({ lr: 1, lineSearch: 'strong_wolfe' });
    for (let k = 0; k < 5; k++) opt.step(p, context(rosenbrock, p));
    // torch stops once the loss changes by less than tolerance_change = 1e-9
    assert.ok(rosenbrock(p).value < 1e-8, `loss ${rosenbrock(p).value} at ${[...p]}`);
    assert.ok(Math.abs(p[0] - 1) < 1e-4 && Math.abs(p[1] - 1) < 1e-4);
  });

  it('on an anisotropic quadratic, one step (≤ 20 inner iterations) reaches the tolerance', () => {
    const c = [1, 3, 10, 0.5];
    const t = [1, -2, 3, 0.25];
    const fn = quadratic(c, t);
    const p = Float64Array.of(0, 0, 0, 0);
    const opt = new Lbfgs({ lr: 1, lineSearch: 'strong_wolfe' });
    opt.step(p, context(fn, p));
    assert.ok(fn(p).value < 1e-9, `loss ${fn(p).value}`);
    assert.ok((opt.state().func_evals as number) <= 25, 'within max_eval');
  });
});
