import { strict as assert } from 'node:assert';
import { Adam } from '../../../src/engine/optim/adam';
import { adamw } from '../../../src/engine/optim/adamw';
import { OptimizerConfigError } from '../../../src/engine/optim/types';
import { assertClose, quadratic, rosenbrock, trajectory, type Fn } from './helpers';

/** The Adam/AdamW algorithm box of the PyTorch docs, written plainly (the reference). */
function reference(fn: Fn, start: number[], steps: number, o: { lr: number; b1?: number; b2?: number; eps?: number; wd?: number; amsgrad?: boolean; decoupled?: boolean }): number[][] {
  const { lr, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = o.decoupled ? 0.01 : 0, amsgrad = false, decoupled = false } = o;
  let p = start.slice();
  let m = p.map(() => 0);
  let v = p.map(() => 0);
  let vmax = p.map(() => 0);
  const rows = [p.slice()];
  for (let t = 1; t <= steps; t++) {
    let g = Array.from(fn(Float64Array.from(p)).gradient);
    if (decoupled) p = p.map((pi) => pi * (1 - lr * wd));
    else if (wd) g = g.map((gi, i) => gi + wd * p[i]);
    m = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]);
    v = v.map((vi, i) => b2 * vi + (1 - b2) * g[i] * g[i]);
    const mhat = m.map((mi) => mi / (1 - b1 ** t));
    vmax = vmax.map((x, i) => Math.max(x, v[i]));
    const vhat = (amsgrad ? vmax : v).map((vi) => vi / (1 - b2 ** t));
    p = p.map((pi, i) => pi - (lr * mhat[i]) / (Math.sqrt(vhat[i]) + eps));
    rows.push(p.slice());
  }
  return rows;
}

describe('Adam and AdamW (torch.optim.Adam / AdamW)', () => {
  it('the first step by hand is −η·sign(g) (bias correction makes m̂ = g, v̂ = g²)', () => {
    // m₁ = 0.1g, v₁ = 0.001g², m̂ = g, v̂ = g², step = η·g/(|g| + ε) ≈ η
    const rows = trajectory(new Adam({ lr: 0.1 }), quadratic([1], [3]), [0], 1);
    assert.ok(Math.abs(rows[1][0] - 0.1 * (6 / (6 + 1e-8))) < 1e-15, String(rows[1][0]));
  });

  const cases: Array<[string, ConstructorParameters<typeof Adam>[0], boolean]> = [
    ['Adam defaults', { lr: 1e-2 }, false],
    ['Adam with weight decay and amsgrad', { lr: 1e-2, weightDecay: 0.05, amsgrad: true, beta1: 0.8, beta2: 0.99, eps: 1e-6 }, false],
    ['AdamW defaults (weight_decay 0.01)', { lr: 1e-2 }, true],
    ['AdamW with amsgrad', { lr: 5e-3, weightDecay: 0.1, amsgrad: true }, true],
  ];
  for (const [label, o, decoupled] of cases) {
    it(`${label}: 200 steps equal the documented algorithm`, () => {
      for (const [fn, start] of [[rosenbrock, [-1.2, 1]], [quadratic([1, 10, 0.1], [1, -2, 3]), [0, 0, 0]]] as Array<[Fn, number[]]>) {
        const ours = trajectory(decoupled ? adamw(o) : new Adam(o), fn, start, 200);
        const ref = reference(fn, start, 200, { lr: o.lr, b1: o.beta1, b2: o.beta2, eps: o.eps, wd: o.weightDecay, amsgrad: o.amsgrad, decoupled });
        assertClose(ours, ref, 1e-10);
      }
    });
  }

  it('keeps its moments for the teaching views', () => {
    const opt = new Adam({ lr: 0.1 });
    trajectory(opt, quadratic([1], [3]), [0], 1);
    const s = opt.state();
    assert.equal(s.step, 1);
    assert.ok(Math.abs((s.exp_avg as number[])[0] - -0.6) < 1e-15);
    assert.ok(Math.abs((s.exp_avg_sq as number[])[0] - 0.036) < 1e-15);
  });

  it('rejects invalid betas, eps and learning rates', () => {
    assert.throws(() => new Adam({ lr: 0.1, beta1: 1 }), OptimizerConfigError);
    assert.throws(() => new Adam({ lr: 0.1, beta2: -0.1 }), OptimizerConfigError);
    assert.throws(() => new Adam({ lr: 0.1, eps: -1 }), OptimizerConfigError);
    assert.throws(() => adamw({ lr: -0.1 }), OptimizerConfigError);
  });
});
