import { strict as assert } from 'node:assert';
import { Adagrad } from '../../../src/engine/optim/adagrad';
import { Rmsprop } from '../../../src/engine/optim/rmsprop';
import { OptimizerConfigError } from '../../../src/engine/optim/types';
import { assertClose, quadratic, rosenbrock, trajectory, type Fn } from './helpers';

function adagradRef(fn: Fn, start: number[], steps: number, lr: number, lrDecay = 0, wd = 0, init = 0, eps = 1e-10): number[][] {
  let p = start.slice();
  let s = p.map(() => init);
  const rows = [p.slice()];
  for (let t = 1; t <= steps; t++) {
    const g = Array.from(fn(Float64Array.from(p)).gradient).map((gi, i) => gi + wd * p[i]);
    const clr = lr / (1 + (t - 1) * lrDecay);
    s = s.map((si, i) => si + g[i] * g[i]);
    p = p.map((pi, i) => pi - (clr * g[i]) / (Math.sqrt(s[i]) + eps));
    rows.push(p.slice());
  }
  return rows;
}

function rmspropRef(fn: Fn, start: number[], steps: number, o: { lr: number; alpha?: number; eps?: number; wd?: number; mu?: number; centered?: boolean }): number[][] {
  const { lr, alpha = 0.99, eps = 1e-8, wd = 0, mu = 0, centered = false } = o;
  let p = start.slice();
  let v = p.map(() => 0);
  let gAvg = p.map(() => 0);
  let b = p.map(() => 0);
  const rows = [p.slice()];
  for (let t = 1; t <= steps; t++) {
    const g = Array.from(fn(Float64Array.from(p)).gradient).map((gi, i) => gi + wd * p[i]);
    v = v.map((vi, i) => alpha * vi + (1 - alpha) * g[i] * g[i]);
    // torch's implementation updates ḡ with lerp (ḡ + (1 − α)(g − ḡ)); the docs write αḡ + (1 − α)g.
    gAvg = gAvg.map((ai, i) => ai + (1 - alpha) * (g[i] - ai));
    const denom = v.map((vi, i) => Math.sqrt(centered ? vi - gAvg[i] ** 2 : vi) + eps);
    if (mu > 0) {
      b = b.map((bi, i) => mu * bi + g[i] / denom[i]);
      p = p.map((pi, i) => pi - lr * b[i]);
    } else {
      p = p.map((pi, i) => pi - (lr * g[i]) / denom[i]);
    }
    rows.push(p.slice());
  }
  return rows;
}

const problems: Array<[Fn, number[]]> = [
  [rosenbrock, [-1.2, 1]],
  [quadratic([1, 10, 0.1], [1, -2, 3]), [0, 0, 0]],
];

describe('Adagrad (torch.optim.Adagrad)', () => {
  it('first steps by hand on L = (w − 3)², η = 1', () => {
    // g₀ = −6, s = 36, w₁ = 0 + 6/(6 + ε) ≈ 1;  g₁ = −4, s = 52, w₂ = w₁ + 4/√52
    const rows = trajectory(new Adagrad({ lr: 1 }), quadratic([1], [3]), [0], 2);
    const w1 = 6 / (6 + 1e-10);
    assertClose(rows, [[0], [w1], [w1 + (1 * -(2 * (w1 - 3))) / (Math.sqrt(36 + (2 * (w1 - 3)) ** 2) + 1e-10)]], 1e-15);
  });
  it('200 steps equal the documented algorithm (with lr_decay, weight decay, initial accumulator)', () => {
    for (const [fn, start] of problems) {
      assertClose(trajectory(new Adagrad({ lr: 0.05 }), fn, start, 200), adagradRef(fn, start, 200, 0.05), 1e-12);
      assertClose(trajectory(new Adagrad({ lr: 0.05, lrDecay: 0.01, weightDecay: 0.1, initialAccumulatorValue: 0.5, eps: 1e-6 }), fn, start, 200), adagradRef(fn, start, 200, 0.05, 0.01, 0.1, 0.5, 1e-6), 1e-12);
    }
  });
  it('rejects invalid settings', () => {
    assert.throws(() => new Adagrad({ lr: 0.1, lrDecay: -1 }), OptimizerConfigError);
    assert.throws(() => new Adagrad({ lr: 0.1, initialAccumulatorValue: -1 }), OptimizerConfigError);
  });
});

describe('RMSprop (torch.optim.RMSprop)', () => {
  it('the first step by hand: v₁ = 0.01g², w₁ = w₀ − η g/(√v₁ + ε) = w₀ + 10η·sign', () => {
    const rows = trajectory(new Rmsprop({ lr: 0.01 }), quadratic([1], [3]), [0], 1);
    assertClose(rows, [[0], [(0.01 * 6) / (Math.sqrt(0.01 * 36) + 1e-8)]], 1e-15);
  });
  for (const o of [{ lr: 1e-3 }, { lr: 1e-3, centered: true }, { lr: 1e-3, momentum: 0.9 }, { lr: 1e-3, momentum: 0.5, centered: true, weightDecay: 0.01, alpha: 0.9 }]) {
    it(`200 steps equal the documented algorithm: ${JSON.stringify(o)}`, () => {
      for (const [fn, start] of problems) {
        assertClose(trajectory(new Rmsprop(o), fn, start, 200), rmspropRef(fn, start, 200, { ...o, mu: o.momentum, wd: o.weightDecay }), 1e-10);
      }
    });
  }
  it('rejects invalid settings', () => {
    assert.throws(() => new Rmsprop({ lr: 0.1, alpha: -1 }), OptimizerConfigError);
    assert.throws(() => new Rmsprop({ lr: 0.1, momentum: -1 }), OptimizerConfigError);
  });
});
