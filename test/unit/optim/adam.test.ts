import { strict as assert } from 'node:assert';
import { Adam, type AdamOptions } from '../../../src/engine/optim/adam';
import { OptimizerError } from '../../../src/engine/optim/types';
import { adamReference } from './adamReference';
import { PROBLEMS, assertClose, assertMoved, quadratic, trajectory } from './helpers';

const bowl = quadratic([1], [3]); // L = (w − 3)², g = 2(w − 3)

describe('Adam (torch.optim.Adam)', () => {
  describe('first steps by hand on L = (w − 3)², w₀ = 0', () => {
    it('lr 0.1, betas (0.9, 0.999): the first step is −η·sign(g), then bias-corrected moments', () => {
      // t = 1: g₀ = −6, m₁ = 0.1·(−6) = −0.6, v₁ = 0.001·36 = 0.036, m̂ = −0.6/0.1 = −6, v̂ = 0.036/0.001 = 36
      const w1 = 0 - (0.1 * -6) / (Math.sqrt(36) + 1e-8); // ≈ 0.1
      // t = 2: g₁ = 2(w₁ − 3) ≈ −5.8, m₂ = 0.9·(−0.6) + 0.1·g₁ ≈ −1.12, v₂ = 0.999·0.036 + 0.001·g₁² ≈ 0.069604
      const g1 = 2 * (w1 - 3);
      const m2 = 0.9 * -0.6 + 0.1 * g1;
      const v2 = 0.999 * 0.036 + 0.001 * g1 * g1;
      // m̂ = m₂/(1 − 0.81) ≈ −5.8947, v̂ = v₂/(1 − 0.998001) ≈ 34.819, w₂ ≈ 0.1 + 0.1·5.8947/5.9008 ≈ 0.199897
      const w2 = w1 - (0.1 * (m2 / (1 - 0.9 ** 2))) / (Math.sqrt(v2 / (1 - 0.999 ** 2)) + 1e-8);
      const opt = new Adam({ lr: 0.1 });
      assertClose(trajectory(opt, bowl, [0], 2), [[0], [w1], [w2]], 1e-14);
      assert.ok(Math.abs(w2 - 0.199897) < 1e-6, String(w2));
      const s = opt.state();
      assert.equal(s.step, 2);
      assert.ok(Math.abs((s.exp_avg as number[])[0] - m2) < 1e-15);
      assert.ok(Math.abs((s.exp_avg_sq as number[])[0] - v2) < 1e-15);
    });
    it('amsgrad keeps the largest v: with β₂ = 0.5 the second step divides by √(max(v₁, v₂)/(1 − β₂²))', () => {
      // t = 1: g₀ = −6, v₁ = 0.5·36 = 18, v̂ = 18/0.5 = 36, w₁ = 0 + 1·6/(6 + ε) ≈ 1
      const w1 = 6 / (6 + 1e-8);
      // t = 2: g₁ = 2(w₁ − 3) ≈ −4, v₂ = 0.5·18 + 0.5·g₁² ≈ 17 < 18 = v^max, m₂ = 0.9·(−0.6) + 0.1·g₁ ≈ −0.94
      const g1 = 2 * (w1 - 3);
      const m2 = 0.9 * -0.6 + 0.1 * g1;
      const v2 = 0.5 * 18 + 0.5 * g1 * g1;
      assert.ok(v2 < 18);
      const withMax = w1 - m2 / 0.19 / (Math.sqrt(18 / 0.75) + 1e-8); // ≈ 1 + 4.947/4.899 ≈ 2.0098
      const without = w1 - m2 / 0.19 / (Math.sqrt(v2 / 0.75) + 1e-8); // ≈ 1 + 4.947/4.761 ≈ 2.0391
      assertClose(trajectory(new Adam({ lr: 1, beta2: 0.5, amsgrad: true }), bowl, [0], 2), [[0], [w1], [withMax]], 1e-14);
      assertClose(trajectory(new Adam({ lr: 1, beta2: 0.5 }), bowl, [0], 2), [[0], [w1], [without]], 1e-14);
    });
    it('weight decay (L2) enters the gradient: from w₀ = 1 with λ = 0.5, g₀ = −4 + 0.5 = −3.5, w₁ ≈ 1 + η', () => {
      assertClose(trajectory(new Adam({ lr: 0.1, weightDecay: 0.5 }), bowl, [1], 1), [[1], [1 + (0.1 * 3.5) / (3.5 + 1e-8)]], 1e-15);
    });
  });

  describe('200 steps equal the documented algorithm', () => {
    const configs: AdamOptions[] = [
      { lr: 1e-2 },
      { lr: 1e-3 },
      { lr: 1e-2, weightDecay: 0.05, amsgrad: true, beta1: 0.8, beta2: 0.99, eps: 1e-6 },
      { lr: 5e-2, amsgrad: true },
    ];
    for (const o of configs) {
      for (const { label, fn, start } of PROBLEMS) {
        it(`${JSON.stringify(o)} on ${label}: relative 1e-12, and bit for bit in torch's operation order`, () => {
          const ours = trajectory(new Adam(o), fn, start, 200);
          assertMoved(ours, 0.05);
          assertClose(ours, adamReference(fn, start, 200, o, false), 1e-12);
          assert.deepEqual(ours, adamReference(fn, start, 200, o, false, true));
        });
      }
    }
    it('maximize follows +∇f', () => {
      const { fn, start } = PROBLEMS[1];
      const o = { lr: 1e-2, maximize: true };
      assertClose(trajectory(new Adam(o), fn, start, 200), adamReference(fn, start, 200, o, false), 1e-12);
    });
  });

  describe('validation, as torch raises ValueError', () => {
    const rejects = (o: AdamOptions, en: string, ko: RegExp) =>
      assert.throws(
        () => new Adam(o),
        (e: unknown) => e instanceof OptimizerError && e.code === 'badOptimizerConfig' && e.en === en && ko.test(e.ko),
      );
    it('learning rate, eps, betas in [0, 1), weight_decay', () => {
      rejects({ lr: -0.001 }, 'Invalid learning rate: -0.001', /학습률/);
      rejects({ eps: -1 }, 'Invalid epsilon value: -1', /eps/);
      rejects({ beta1: 1 }, 'Invalid beta parameter at index 0: 1', /beta1/);
      rejects({ beta1: -0.1 }, 'Invalid beta parameter at index 0: -0.1', /beta1/);
      rejects({ beta2: 1.5 }, 'Invalid beta parameter at index 1: 1.5', /beta2/);
      rejects({ beta2: Number.NaN }, 'Invalid beta parameter at index 1: nan', /beta2/);
      rejects({ weightDecay: -0.01 }, 'Invalid weight_decay value: -0.01', /weight_decay/);
    });
  });
});
