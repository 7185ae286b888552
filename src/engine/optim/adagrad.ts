/**
 * torch.optim.Adagrad (lr_decay, weight_decay, initial_accumulator_value, eps, maximize).
 *
 * The algorithm box of the PyTorch docs (γ lr, η lr_decay, λ weight_decay, τ initial_accumulator_value):
 *
 *   state_sum_0 ← τ
 *   g_t ← ∇f(θ_{t−1})                          (−∇f with maximize)
 *   γ̃ ← γ / (1 + (t − 1) η)
 *   if λ ≠ 0:  g_t ← g_t + λ θ_{t−1}
 *   state_sum_t ← state_sum_{t−1} + g_t²
 *   θ_t ← θ_{t−1} − γ̃ g_t / (√state_sum_t + ε)
 *
 * Defaults as in torch: lr 1e-2, lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
 * Operation order of `_single_tensor_adagrad`: `clr = lr / (1 + (step − 1) · lr_decay)`,
 * `state_sum.addcmul_(grad, grad, value=1)` (s + 1·g·g), `std = state_sum.sqrt().add_(eps)`,
 * `param.addcdiv_(grad, std, value=−clr)` (θ + (−clr)·g / std).
 */
import { copyOut, requireLearningRate, requireNonNegative, withDefaults, type Optimizer, type StepContext } from './types';

export interface AdagradOptions {
  lr?: number;
  lrDecay?: number;
  weightDecay?: number;
  initialAccumulatorValue?: number;
  eps?: number;
  maximize?: boolean;
}

export class Adagrad implements Optimizer {
  readonly name = 'adagrad';
  private readonly o: Required<AdagradOptions>;
  private t = 0;
  private sum: Float64Array | undefined;

  constructor(options: AdagradOptions = {}) {
    this.o = withDefaults<Required<AdagradOptions>>(
      { lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false },
      options,
    );
    requireLearningRate(this.o.lr);
    requireNonNegative(this.o.lrDecay, 'Invalid lr_decay value', '학습률 감쇠(lr_decay) 값이 잘못되었습니다');
    requireNonNegative(this.o.weightDecay, 'Invalid weight_decay value', '가중치 감쇠(weight_decay) 값이 잘못되었습니다');
    requireNonNegative(
      this.o.initialAccumulatorValue,
      'Invalid initial_accumulator_value value',
      '누적값 초깃값(initial_accumulator_value)이 잘못되었습니다',
    );
    requireNonNegative(this.o.eps, 'Invalid epsilon value', 'eps 값이 잘못되었습니다');
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    const { lr, lrDecay, weightDecay: wd, eps, maximize } = this.o;
    // torch creates state['sum'] = full_like(p, initial_accumulator_value) in the constructor.
    this.sum ??= new Float64Array(n).fill(this.o.initialAccumulatorValue);
    const sum = this.sum;
    this.t++;
    const clr = lr / (1 + (this.t - 1) * lrDecay);
    for (let i = 0; i < n; i++) {
      let g = maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) g = g + wd * params[i];
      sum[i] = sum[i] + 1 * g * g;
      const std = Math.sqrt(sum[i]) + eps;
      params[i] = params[i] + (-clr * g) / std;
    }
  }

  state(): Record<string, number | number[]> {
    return { step: this.t, sum: copyOut(this.sum) };
  }
}
