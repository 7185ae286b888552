import { strict as assert } from 'node:assert';
import { Rmsprop, type RmspropOptions } from '../../../src/engine/optim/rmsprop';
import { OptimizerError } from '../../../src/engine/optim/types';
import { PROBLEMS, assertClose, assertMoved, maxRelDiff, quadratic, trajectory, type Fn } from './helpers';

/**
 * The reference: the algorithm box of the torch.optim.RMSprop docs, written plainly.
 *   g_t ← ∇f(θ_{t−1});  if λ ≠ 0: g_t ← g_t + λθ_{t−1}
 *   v_t ← αv_{t−1} + (1 − α)g_t²;  ṽ_t ← v_t
 *   if centered: g^ave_t ← g^ave_{t−1}α + (1 − α)g_t;  ṽ_t ← ṽ_t − (g^ave_t)²
 *   if μ > 0: b_t ← μb_{t−1} + g_t/(√ṽ_t + ε);  θ_t ← θ_{t−1} − γb_t
 *   else:     θ_t ← θ_{t−1} − γg_t/(√ṽ_t + ε)
 * With `torchOrder` the same box is evaluated in the order torch's kernels round
 * (addcmul: v·α + ((1 − α)·g)·g; lerp: ḡ + (1 − α)(g − ḡ); θ + (−γ·g)/d), which must then agree bit for bit.
 */
function reference(fn: Fn, start: number[], steps: number, o: RmspropOptions, torchOrder = false): number[][] {
  const { lr = 1e-2, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum = 0, centered = false, maximize = false } = o;
  let theta = start.slice();
  let v = theta.map(() => 0);
  let gAve = theta.map(() => 0);
  let b = theta.map(() => 0);
  const rows = [theta.slice()];
  for (let t = 1; t <= steps; t++) {
    let g = Array.from(fn(Float64Array.from(theta)).gradient).map((x) => (maximize ? -x : x));
    if (weightDecay !== 0) g = g.map((gi, i) => gi + weightDecay * theta[i]);
    v = v.map((vi, i) => (torchOrder ? vi * alpha + (1 - alpha) * g[i] * g[i] : alpha * vi + (1 - alpha) * g[i] ** 2));
    let vTilde = v.slice();
    if (centered) {
      // (1 − α) < 0.5 here, so torch's lerp is the ḡ + w(g − ḡ) form.
      gAve = gAve.map((a, i) => (torchOrder ? a + (1 - alpha) * (g[i] - a) : a * alpha + (1 - alpha) * g[i]));
      vTilde = vTilde.map((x, i) => x - gAve[i] ** 2);
    }
    const denom = vTilde.map((x) => Math.sqrt(x) + eps);
    if (momentum > 0) {
      b = b.map((bi, i) => momentum * bi + g[i] / denom[i]);
      theta = theta.map((x, i) => x - lr * b[i]);
    } else {
      theta = theta.map((x, i) => (torchOrder ? x + (-lr * g[i]) / denom[i] : x - (lr * g[i]) / denom[i]));
    }
    rows.push(theta.slice());
  }
  return rows;
}

const bowl = quadratic([1], [3]); // L = (w − 3)², g = 2(w − 3)

describe('RMSprop (torch.optim.RMSprop)', () => {
  describe('first steps by hand on L = (w − 3)², w₀ = 0, lr 0.01, α 0.99', () => {
    // g₀ = −6, v₁ = 0.01·36 = 0.36, √v₁ = 0.6
    const w1 = 0 + (0.01 * 6) / (0.6 + 1e-8); // ≈ 0.1
    const g1 = 2 * (w1 - 3); // ≈ −5.8
    const v2 = 0.99 * 0.36 + 0.01 * g1 * g1; // ≈ 0.3564 + 0.3364 = 0.6928
    it('plain: w ← w − η·g/(√v + ε)', () => {
      const w2 = w1 - (0.01 * g1) / (Math.sqrt(v2) + 1e-8); // ≈ 0.1 + 0.058/0.8324 ≈ 0.16968
      const opt = new Rmsprop({ lr: 0.01 });
      assertClose(trajectory(opt, bowl, [0], 2), [[0], [w1], [w2]], 1e-15);
      assert.ok(Math.abs(w2 - 0.16968) < 1e-5, String(w2));
      assert.ok(Math.abs((opt.state().square_avg as number[])[0] - v2) < 1e-15);
    });
    it('momentum 0.9: b ← μb + g/(√v + ε), w ← w − η·b', () => {
      // b₁ = −6/(0.6 + ε) ≈ −10, w₁ ≈ 0.1;  b₂ = 0.9·b₁ + g₁/(√v₂ + ε) ≈ −9 − 6.968, w₂ ≈ 0.1 + 0.15968
      const b1 = -6 / (0.6 + 1e-8);
      const b2 = 0.9 * b1 + g1 / (Math.sqrt(v2) + 1e-8);
      assertClose(
        trajectory(new Rmsprop({ lr: 0.01, momentum: 0.9 }), bowl, [0], 2),
        [[0], [0 - 0.01 * b1], [0 - 0.01 * b1 - 0.01 * b2]],
        1e-15,
      );
    });
    it('centered: the variance v − ḡ² replaces v', () => {
      // ḡ₁ = 0.01·(−6) = −0.06, ṽ₁ = 0.36 − 0.0036 = 0.3564, w₁ = 0.06/(√0.3564 + ε) ≈ 0.100504
      const w1c = (0.01 * 6) / (Math.sqrt(0.36 - 0.06 * 0.06) + 1e-8);
      assertClose(trajectory(new Rmsprop({ lr: 0.01, centered: true }), bowl, [0], 1), [[0], [w1c]], 1e-15);
      assert.ok(Math.abs(w1c - 0.100504) < 1e-6);
    });
  });

  describe('200 steps equal the documented algorithm', () => {
    const configs: RmspropOptions[] = [
      { lr: 1e-3 },
      { lr: 1e-3, centered: true },
      { lr: 1e-3, momentum: 0.9 },
      { lr: 1e-3, momentum: 0.5, centered: true, weightDecay: 0.01 },
      { lr: 5e-3, alpha: 0.5, eps: 1e-6 },
    ];
    for (const o of configs) {
      for (const { label, fn, start } of PROBLEMS) {
        it(`${JSON.stringify(o)} on ${label}: relative 1e-12, and bit for bit in torch's operation order`, () => {
          const ours = trajectory(new Rmsprop(o), fn, start, 200);
          assertMoved(ours, 0.05);
          assertClose(ours, reference(fn, start, 200, o), 1e-12);
          assert.deepEqual(ours, reference(fn, start, 200, o, true));
        });
      }
    }
    it('why the operation order matters: centered RMSprop with α = 0.9 on Rosenbrock amplifies rounding', () => {
      // v − ḡ² cancels (the gradient barely changes within the short α = 0.9 window), so the step
      // divides by a tiny, rounding-dominated number: the box evaluated in textbook order drifts
      // far from torch's order, while our order stays bit-identical to torch's.
      const o = { lr: 1e-3, momentum: 0.5, centered: true, weightDecay: 0.01, alpha: 0.9 };
      const { fn, start } = PROBLEMS[0];
      const ours = trajectory(new Rmsprop(o), fn, start, 200);
      assert.deepEqual(ours, reference(fn, start, 200, o, true));
      assert.ok(maxRelDiff(ours, reference(fn, start, 200, o)) > 1e-9);
    });
  });

  describe('validation, as torch raises ValueError', () => {
    const rejects = (o: RmspropOptions, en: string, ko: RegExp) =>
      assert.throws(
        () => new Rmsprop(o),
        (e: unknown) => e instanceof OptimizerError && e.code === 'badOptimizerConfig' && e.en === en && ko.test(e.ko),
      );
    it('learning rate, eps, momentum, weight_decay and alpha must be ≥ 0', () => {
      rejects({ lr: -1 }, 'Invalid learning rate: -1', /학습률/);
      rejects({ eps: -1 }, 'Invalid epsilon value: -1', /eps/);
      rejects({ momentum: -0.9 }, 'Invalid momentum value: -0.9', /모멘텀/);
      rejects({ weightDecay: -0.1 }, 'Invalid weight_decay value: -0.1', /weight_decay/);
      rejects({ alpha: -0.5 }, 'Invalid alpha value: -0.5', /alpha/);
    });
  });
});
