import { strict as assert } from 'node:assert';
import { Sgd } from '../../../src/engine/optim/sgd';
import { createOptimizer } from '../../../src/engine/optim';
import { OptimizerConfigError } from '../../../src/engine/optim/types';
import { assertClose, quadratic, rosenbrock, trajectory, type Fn } from './helpers';

/** torch.optim.SGD's documented algorithm, written plainly (the reference). */
function reference(fn: Fn, start: number[], steps: number, lr: number, mu = 0, tau = 0, wd = 0, nesterov = false): number[][] {
  let p = start.slice();
  let b: number[] | undefined;
  const rows = [p.slice()];
  for (let t = 1; t <= steps; t++) {
    let g = Array.from(fn(Float64Array.from(p)).gradient).map((gi, i) => gi + wd * p[i]);
    if (mu !== 0) {
      b = t > 1 && b ? b.map((bi, i) => mu * bi + (1 - tau) * g[i]) : g.slice();
      const bb = b;
      g = nesterov ? g.map((gi, i) => gi + mu * bb[i]) : bb.slice();
    }
    p = p.map((pi, i) => pi - lr * g[i]);
    rows.push(p.slice());
  }
  return rows;
}

describe('SGD (torch.optim.SGD)', () => {
  it('first steps by hand on L = (w − 3)², η = 0.1, momentum 0.9', () => {
    // g₀ = 2(0 − 3) = −6; b₁ = g₀ = −6 (first step: no dampening); w₁ = 0 − 0.1·(−6) = 0.6
    // g₁ = 2(0.6 − 3) = −4.8; b₂ = 0.9·(−6) + (−4.8) = −10.2; w₂ = 0.6 + 1.02 = 1.62
    const rows = trajectory(new Sgd({ lr: 0.1, momentum: 0.9 }), quadratic([1], [3]), [0], 2);
    assertClose(rows, [[0], [0.6], [1.62]], 1e-15);
  });

  it('Nesterov by hand: w₁ = w₀ − η(g₀ + μb₁)', () => {
    // g₀ = −6, b₁ = −6, update = −6 + 0.9·(−6) = −11.4; w₁ = 0 + 1.14
    assertClose(trajectory(new Sgd({ lr: 0.1, momentum: 0.9, nesterov: true }), quadratic([1], [3]), [0], 1), [[0], [1.14]], 1e-15);
  });

  for (const [label, o] of [
    ['plain', { lr: 1e-3 }],
    ['momentum + dampening + weight decay', { lr: 1e-3, momentum: 0.9, dampening: 0.1, weightDecay: 0.01 }],
    ['nesterov', { lr: 1e-3, momentum: 0.8, nesterov: true }],
  ] as const) {
    it(`${label}: 200 steps equal the documented algorithm on Rosenbrock and a quadratic`, () => {
      const opts = o as { lr: number; momentum?: number; dampening?: number; weightDecay?: number; nesterov?: boolean };
      for (const [fn, start] of [[rosenbrock, [-1.2, 1]], [quadratic([1, 10, 0.1], [1, -2, 3]), [0, 0, 0]]] as Array<[Fn, number[]]>) {
        const ours = trajectory(new Sgd(opts), fn, start, 200);
        assertClose(ours, reference(fn, start, 200, opts.lr, opts.momentum, opts.dampening, opts.weightDecay, opts.nesterov), 1e-12);
      }
    });
  }

  it('maps the CLI names momentum and nesterov to SGD with μ = 0.9', () => {
    const m = trajectory(createOptimizer('momentum', { optimizer: 'momentum', learningRate: 0.1 }), quadratic([1], [3]), [0], 2);
    assertClose(m, [[0], [0.6], [1.62]], 1e-15);
    const n = trajectory(createOptimizer('nesterov', { optimizer: 'nesterov', learningRate: 0.1 }), quadratic([1], [3]), [0], 1);
    assertClose(n, [[0], [1.14]], 1e-15);
  });

  it('rejects invalid hyper-parameters with Korean and English messages', () => {
    assert.throws(() => new Sgd({ lr: -1 }), (e: unknown) => e instanceof OptimizerConfigError && /lr/.test(e.en) && /학습률/.test(e.ko));
    assert.throws(() => new Sgd({ lr: 0.1, momentum: -0.5 }), OptimizerConfigError);
    assert.throws(() => new Sgd({ lr: 0.1, nesterov: true }), OptimizerConfigError);
    assert.throws(() => createOptimizer('sgdx', { optimizer: 'sgdx', learningRate: 0.1 }), /Unknown optimizer/);
  });
});
