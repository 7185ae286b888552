import { strict as assert } from 'node:assert';
import { Adam } from '../../../src/engine/optim/adam';
import { AdamW, type AdamWOptions } from '../../../src/engine/optim/adamw';
import { OptimizerError } from '../../../src/engine/optim/types';
import { adamReference } from './adamReference';
import { PROBLEMS, assertClose, assertMoved, quadratic, trajectory } from './helpers';

const bowl = quadratic([1], [3]); // L = (w − 3)², g = 2(w − 3)

describe('AdamW (torch.optim.AdamW)', () => {
  describe('first steps by hand on L = (w − 3)²', () => {
    it('decay is applied to θ, not to the gradient: from w₀ = 1, λ = 0.5, η = 0.1', () => {
      // θ ← 1·(1 − 0.1·0.5) = 0.95; the gradient was taken at θ₀ = 1: g₀ = −4, m̂ = −4, v̂ = 16
      // w₁ = 0.95 + 0.1·4/(4 + ε) ≈ 1.05   (Adam's L2 decay would give ≈ 1.1)
      const w1 = 1 * (1 - 0.1 * 0.5) + (0.1 * 4) / (4 + 1e-8);
      assertClose(trajectory(new AdamW({ lr: 0.1, weightDecay: 0.5 }), bowl, [1], 1), [[1], [w1]], 1e-15);
      assert.ok(Math.abs(w1 - 1.05) < 1e-8);
    });
    it('the default weight decay is 0.01: two steps from w₀ = 2, η = 0.1', () => {
      // t = 1: θ ← 2·(1 − 0.001) = 1.998; g₀ = 2(2 − 3) = −2, m₁ = −0.2, v₁ = 0.004; w₁ = 1.998 + 0.1·2/(2 + ε) ≈ 2.098
      const w1 = 2 * (1 - 0.1 * 0.01) + (0.1 * 2) / (2 + 1e-8);
      // t = 2: θ ← w₁·0.999; g₁ = 2(w₁ − 3); m₂ = 0.9·(−0.2) + 0.1·g₁; v₂ = 0.999·0.004 + 0.001·g₁²
      const g1 = 2 * (w1 - 3);
      const m2 = 0.9 * -0.2 + 0.1 * g1;
      const v2 = 0.999 * 0.004 + 0.001 * g1 * g1;
      const w2 = w1 * (1 - 0.1 * 0.01) - (0.1 * (m2 / (1 - 0.9 ** 2))) / (Math.sqrt(v2 / (1 - 0.999 ** 2)) + 1e-8);
      assertClose(trajectory(new AdamW({ lr: 0.1 }), bowl, [2], 2), [[2], [w1], [w2]], 1e-14);
    });
    it('with weight_decay 0 it is Adam, bit for bit', () => {
      const { fn, start } = PROBLEMS[0];
      assert.deepEqual(
        trajectory(new AdamW({ lr: 1e-2, weightDecay: 0 }), fn, start, 50),
        trajectory(new Adam({ lr: 1e-2 }), fn, start, 50),
      );
    });
  });

  describe('200 steps equal the documented algorithm', () => {
    const configs: AdamWOptions[] = [
      { lr: 1e-2 },
      { lr: 5e-3, weightDecay: 0.1, amsgrad: true },
      { lr: 2e-2, weightDecay: 0.3, beta1: 0.85, beta2: 0.95 },
    ];
    for (const o of configs) {
      for (const { label, fn, start } of PROBLEMS) {
        it(`${JSON.stringify(o)} on ${label}: relative 1e-12, and bit for bit in torch's operation order`, () => {
          const ours = trajectory(new AdamW(o), fn, start, 200);
          assertMoved(ours, 0.05);
          assertClose(ours, adamReference(fn, start, 200, o, true), 1e-12);
          assert.deepEqual(ours, adamReference(fn, start, 200, o, true, true));
        });
      }
    }
  });

  describe('validation, as torch raises ValueError', () => {
    it('rejects a negative learning rate or weight decay and bad betas', () => {
      const rejects = (o: AdamWOptions, en: string) =>
        assert.throws(
          () => new AdamW(o),
          (e: unknown) => e instanceof OptimizerError && e.code === 'badOptimizerConfig' && e.en === en,
        );
      rejects({ lr: -0.1 }, 'Invalid learning rate: -0.1');
      rejects({ weightDecay: -0.01 }, 'Invalid weight_decay value: -0.01');
      rejects({ beta1: 1 }, 'Invalid beta parameter at index 0: 1');
    });
    it('is named adamw and reports its moments', () => {
      const opt = new AdamW({ lr: 0.1 });
      trajectory(opt, bowl, [0], 1);
      assert.equal(opt.name, 'adamw');
      assert.deepEqual(Object.keys(opt.state()).sort(), ['exp_avg', 'exp_avg_sq', 'step']);
    });
  });
});
