import { strict as assert } from 'node:assert';
import { Sgd, type SgdOptions } from '../../../src/engine/optim/sgd';
import { OptimizerError } from '../../../src/engine/optim/types';
import { PROBLEMS, assertClose, assertMoved, quadratic, trajectory, type Fn } from './helpers';

/**
 * The reference: the algorithm box of the torch.optim.SGD docs, written as plainly as possible.
 *   g_t ← ∇f(θ_{t−1}) (negated if maximize);  if λ ≠ 0: g_t ← g_t + λθ_{t−1}
 *   if μ ≠ 0: b_t ← g_t (t = 1) or μb_{t−1} + (1 − τ)g_t;  g_t ← g_t + μb_t (nesterov) or b_t
 *   θ_t ← θ_{t−1} − γg_t
 */
function reference(fn: Fn, start: number[], steps: number, o: SgdOptions): number[][] {
  const { lr = 1e-3, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false, maximize = false } = o;
  let theta = start.slice();
  let b: number[] = [];
  const rows = [theta.slice()];
  for (let t = 1; t <= steps; t++) {
    let g = Array.from(fn(Float64Array.from(theta)).gradient).map((x) => (maximize ? -x : x));
    if (weightDecay !== 0) g = g.map((gi, i) => gi + weightDecay * theta[i]);
    if (momentum !== 0) {
      b = t > 1 ? b.map((bi, i) => momentum * bi + (1 - dampening) * g[i]) : g.slice();
      g = nesterov ? g.map((gi, i) => gi + momentum * b[i]) : b.slice();
    }
    theta = theta.map((x, i) => x - lr * g[i]);
    rows.push(theta.slice());
  }
  return rows;
}

// L(w) = (w − 3)², so g = 2(w − 3); from w₀ = 0, g₀ = −6.
const bowl = quadratic([1], [3]);

describe('SGD (torch.optim.SGD)', () => {
  describe('first steps by hand on L = (w − 3)², w₀ = 0', () => {
    it('plain: w ← w − η·g with η = 0.1', () => {
      // w₁ = 0 − 0.1·(−6) = 0.6;  g₁ = 2(0.6 − 3) = −4.8;  w₂ = 0.6 + 0.48 = 1.08;  g₂ = −3.84;  w₃ = 1.08 + 0.384
      assertClose(trajectory(new Sgd({ lr: 0.1 }), bowl, [0], 3), [[0], [0.6], [1.08], [1.464]], 1e-15);
    });
    it('momentum 0.9: b₁ = g₀, then b ← μb + g', () => {
      // b₁ = −6, w₁ = 0.6;  g₁ = −4.8, b₂ = 0.9·(−6) − 4.8 = −10.2, w₂ = 0.6 + 1.02 = 1.62
      // g₂ = 2(1.62 − 3) = −2.76, b₃ = 0.9·(−10.2) − 2.76 = −11.94, w₃ = 1.62 + 1.194 = 2.814
      const opt = new Sgd({ lr: 0.1, momentum: 0.9 });
      assertClose(trajectory(opt, bowl, [0], 3), [[0], [0.6], [1.62], [2.814]], 1e-15);
      assert.ok(Math.abs((opt.state().momentum_buffer as number[])[0] - -11.94) < 1e-14);
    });
    it('dampening 0.5 is not applied at the first step (torch starts the buffer at g)', () => {
      // b₁ = g₀ = −6 (not 0.5·(−6)), w₁ = 0.6;  b₂ = 0.9·(−6) + (1 − 0.5)·(−4.8) = −7.8, w₂ = 0.6 + 0.78 = 1.38
      assertClose(trajectory(new Sgd({ lr: 0.1, momentum: 0.9, dampening: 0.5 }), bowl, [0], 2), [[0], [0.6], [1.38]], 1e-15);
    });
    it('Nesterov: w ← w − η(g + μb)', () => {
      // b₁ = −6, w₁ = 0 − 0.1·(−6 + 0.9·(−6)) = 1.14
      // g₁ = 2(1.14 − 3) = −3.72, b₂ = 0.9·(−6) − 3.72 = −9.12, w₂ = 1.14 − 0.1·(−3.72 + 0.9·(−9.12)) = 1.14 + 1.1928
      assertClose(trajectory(new Sgd({ lr: 0.1, momentum: 0.9, nesterov: true }), bowl, [0], 2), [[0], [1.14], [2.3328]], 1e-15);
    });
    it('weight decay 0.1 adds λw to the gradient', () => {
      // g₀ = −6 + 0.1·0 = −6, w₁ = 0.6;  g₁ = −4.8 + 0.1·0.6 = −4.74, w₂ = 0.6 + 0.474 = 1.074
      assertClose(trajectory(new Sgd({ lr: 0.1, weightDecay: 0.1 }), bowl, [0], 2), [[0], [0.6], [1.074]], 1e-15);
    });
    it('maximize climbs: w₁ = 0 + 0.1·(−6) = −0.6', () => {
      assertClose(trajectory(new Sgd({ lr: 0.1, maximize: true }), bowl, [0], 1), [[0], [-0.6]], 1e-15);
    });
  });

  describe('200 steps equal the documented algorithm (relative 1e-12; in fact bit for bit)', () => {
    const configs: SgdOptions[] = [
      { lr: 1e-3 },
      { lr: 1e-3, momentum: 0.9 },
      { lr: 1e-3, momentum: 0.9, dampening: 0.1, weightDecay: 0.01 },
      { lr: 5e-4, momentum: 0.8, nesterov: true, weightDecay: 0.05 },
    ];
    for (const o of configs) {
      for (const { label, fn, start } of PROBLEMS) {
        it(`${JSON.stringify(o)} on ${label}`, () => {
          const ours = trajectory(new Sgd(o), fn, start, 200);
          assertMoved(ours, 0.05);
          const ref = reference(fn, start, 200, o);
          assertClose(ours, ref, 1e-12);
          // Here the box's textbook order is also torch's order of rounding: identical bits.
          assert.deepEqual(ours, ref);
        });
      }
    }
    it('maximize on −L is minimize on L, bit for bit', () => {
      const { fn, start } = PROBLEMS[0];
      const negated: Fn = (p) => {
        const e = fn(p);
        return { value: -e.value, gradient: e.gradient.map((g) => -g) };
      };
      const o = { lr: 1e-3, momentum: 0.9, weightDecay: 0.01 };
      assert.deepEqual(trajectory(new Sgd({ ...o, maximize: true }), negated, start, 200), trajectory(new Sgd(o), fn, start, 200));
    });
  });

  describe('validation, as torch raises ValueError', () => {
    const rejects = (o: SgdOptions, en: RegExp | string, ko: RegExp) =>
      assert.throws(
        () => new Sgd(o),
        (e: unknown) =>
          e instanceof OptimizerError &&
          e.code === 'badOptimizerConfig' &&
          (typeof en === 'string' ? e.en === en : en.test(e.en)) &&
          ko.test(e.ko),
      );
    it('a negative learning rate: "Invalid learning rate: -1"', () => rejects({ lr: -1 }, 'Invalid learning rate: -1', /학습률/));
    it('NaN or infinite learning rates', () => {
      rejects({ lr: Number.NaN }, 'Invalid learning rate: nan', /학습률/);
      rejects({ lr: Number.POSITIVE_INFINITY }, 'Invalid learning rate: inf', /유한/);
    });
    it('negative momentum and weight decay', () => {
      rejects({ lr: 0.1, momentum: -0.5 }, 'Invalid momentum value: -0.5', /모멘텀/);
      rejects({ lr: 0.1, weightDecay: -1 }, 'Invalid weight_decay value: -1', /가중치 감쇠/);
    });
    it('Nesterov without momentum or with dampening', () => {
      rejects({ lr: 0.1, nesterov: true }, 'Nesterov momentum requires a momentum and zero dampening', /네스테로프/);
      rejects(
        { lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 },
        'Nesterov momentum requires a momentum and zero dampening',
        /네스테로프/,
      );
    });
    it('accepts lr = 0 (as torch does) and then does not move', () => {
      assertClose(trajectory(new Sgd({ lr: 0 }), bowl, [0], 2), [[0], [0], [0]], 0);
    });
  });
});
