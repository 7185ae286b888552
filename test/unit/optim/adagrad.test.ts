import { strict as assert } from 'node:assert';
import { Adagrad, type AdagradOptions } from '../../../src/engine/optim/adagrad';
import { OptimizerError } from '../../../src/engine/optim/types';
import { PROBLEMS, assertClose, assertMoved, quadratic, trajectory, type Fn } from './helpers';

/**
 * The reference: the algorithm box of the torch.optim.Adagrad docs, written plainly.
 *   state_sum₀ ← τ;  g_t ← ∇f(θ_{t−1});  γ̃ ← γ/(1 + (t − 1)η);  if λ ≠ 0: g_t ← g_t + λθ_{t−1}
 *   state_sum_t ← state_sum_{t−1} + g_t²;  θ_t ← θ_{t−1} − γ̃·g_t/(√state_sum_t + ε)
 */
function reference(fn: Fn, start: number[], steps: number, o: AdagradOptions): number[][] {
  const { lr = 1e-2, lrDecay = 0, weightDecay = 0, initialAccumulatorValue = 0, eps = 1e-10, maximize = false } = o;
  let theta = start.slice();
  let stateSum = theta.map(() => initialAccumulatorValue);
  const rows = [theta.slice()];
  for (let t = 1; t <= steps; t++) {
    let g = Array.from(fn(Float64Array.from(theta)).gradient).map((x) => (maximize ? -x : x));
    const lrT = lr / (1 + (t - 1) * lrDecay);
    if (weightDecay !== 0) g = g.map((gi, i) => gi + weightDecay * theta[i]);
    stateSum = stateSum.map((s, i) => s + g[i] ** 2);
    theta = theta.map((x, i) => x - (lrT * g[i]) / (Math.sqrt(stateSum[i]) + eps));
    rows.push(theta.slice());
  }
  return rows;
}

const bowl = quadratic([1], [3]); // L = (w − 3)², g = 2(w − 3)

describe('Adagrad (torch.optim.Adagrad)', () => {
  describe('first steps by hand on L = (w − 3)², w₀ = 0', () => {
    it('lr 1, lr_decay 0.5, initial_accumulator_value 64, eps 1e-10', () => {
      // t = 1: γ̃ = 1/(1 + 0·0.5) = 1;  g₀ = −6;  s₁ = 64 + 36 = 100;  w₁ = 0 + 6/(10 + 1e-10) ≈ 0.6
      const w1 = 0 - (1 * -6) / (Math.sqrt(100) + 1e-10);
      // t = 2: γ̃ = 1/(1 + 1·0.5) = 2/3;  g₁ = 2(w₁ − 3) ≈ −4.8;  s₂ = 100 + g₁² ≈ 123.04;  w₂ ≈ 0.6 + (2/3)·4.8/11.09 ≈ 0.8885
      const g1 = 2 * (w1 - 3);
      const w2 = w1 - ((1 / 1.5) * g1) / (Math.sqrt(100 + g1 * g1) + 1e-10);
      const opt = new Adagrad({ lr: 1, lrDecay: 0.5, initialAccumulatorValue: 64 });
      assertClose(trajectory(opt, bowl, [0], 2), [[0], [w1], [w2]], 1e-15);
      assert.ok(Math.abs(w2 - 0.8885) < 1e-4, String(w2));
      assert.equal(opt.state().step, 2);
      assert.ok(Math.abs((opt.state().sum as number[])[0] - (100 + g1 * g1)) < 1e-12);
    });
    it('weight decay 1 from w₀ = 1: g₀ = 2(1 − 3) + 1·1 = −3, s₁ = 9, w₁ = 1 + 0.5·3/(3 + ε) ≈ 1.5', () => {
      assertClose(trajectory(new Adagrad({ lr: 0.5, weightDecay: 1 }), bowl, [1], 1), [[1], [1 + (0.5 * 3) / (3 + 1e-10)]], 1e-15);
    });
  });

  describe('200 steps equal the documented algorithm (relative 1e-12; in fact bit for bit)', () => {
    const configs: AdagradOptions[] = [
      { lr: 0.05 },
      { lr: 0.05, lrDecay: 0.01, weightDecay: 0.1, initialAccumulatorValue: 0.5, eps: 1e-6 },
      { lr: 0.2, lrDecay: 0.001 },
    ];
    for (const o of configs) {
      for (const { label, fn, start } of PROBLEMS) {
        it(`${JSON.stringify(o)} on ${label}`, () => {
          const ours = trajectory(new Adagrad(o), fn, start, 200);
          assertMoved(ours, 0.05);
          const ref = reference(fn, start, 200, o);
          assertClose(ours, ref, 1e-12);
          // Here the box's textbook order is also torch's order of rounding: identical bits.
          assert.deepEqual(ours, ref);
        });
      }
    }
    it('maximize follows +∇f', () => {
      const { fn, start } = PROBLEMS[1];
      const o = { lr: 0.05, maximize: true };
      assertClose(trajectory(new Adagrad(o), fn, start, 200), reference(fn, start, 200, o), 1e-12);
    });
  });

  describe('validation, as torch raises ValueError', () => {
    const rejects = (o: AdagradOptions, en: string, ko: RegExp) =>
      assert.throws(
        () => new Adagrad(o),
        (e: unknown) => e instanceof OptimizerError && e.code === 'badOptimizerConfig' && e.en === en && ko.test(e.ko),
      );
    it('learning rate, lr_decay, weight_decay, initial_accumulator_value and eps must be ≥ 0', () => {
      rejects({ lr: -0.1 }, 'Invalid learning rate: -0.1', /학습률/);
      rejects({ lr: 0.1, lrDecay: -1 }, 'Invalid lr_decay value: -1', /lr_decay/);
      rejects({ lr: 0.1, weightDecay: -1 }, 'Invalid weight_decay value: -1', /weight_decay/);
      rejects({ lr: 0.1, initialAccumulatorValue: -1 }, 'Invalid initial_accumulator_value value: -1', /initial_accumulator_value/);
      rejects({ lr: 0.1, eps: -1e-10 }, 'Invalid epsilon value: -1e-10', /eps/);
      rejects({ lr: 0.1, eps: Number.NaN }, 'Invalid epsilon value: nan', /eps/);
    });
    it('defaults are torch’s: lr 1e-2, eps 1e-10', () => {
      // one step from w₀ = 0: g = −6, s = 36, w₁ = 0.01·6/(6 + 1e-10)
      assertClose(trajectory(new Adagrad(), bowl, [0], 1), [[0], [(0.01 * 6) / (6 + 1e-10)]], 1e-15);
    });
  });
});
