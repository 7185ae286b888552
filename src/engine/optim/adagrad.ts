/**
 * torch.optim.Adagrad (lr_decay, weight_decay, initial_accumulator_value, eps), single-tensor path:
 *
 *   t ← t + 1
 *   g ← ∇L(θ) + λθ                   (weight_decay λ)
 *   η_t ← η / (1 + (t − 1)·lr_decay)
 *   s ← s + g²                        (s starts at initial_accumulator_value)
 *   θ ← θ − η_t · g / (√s + ε)
 * Defaults: lr 0.01, lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
 */
import { check, copy, withDefaults, type Optimizer, type StepContext } from './types';

export interface AdagradOptions {
  lr: number;
  lrDecay?: number;
  weightDecay?: number;
  initialAccumulatorValue?: number;
  eps?: number;
  maximize?: boolean;
}

export class Adagrad implements Optimizer {
  readonly name = 'adagrad';
  private sum: Float64Array | undefined;
  private t = 0;
  private readonly o: Required<AdagradOptions>;

  constructor(o: AdagradOptions) {
    this.o = withDefaults<Required<AdagradOptions>>({ lr: o.lr, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false }, o);
    check(this.o.lr >= 0, 'lr', this.o.lr, '학습률은 0 이상이어야 합니다');
    check(this.o.lrDecay >= 0, 'lr_decay', this.o.lrDecay, 'lr_decay는 0 이상이어야 합니다');
    check(this.o.weightDecay >= 0, 'weight_decay', this.o.weightDecay, '가중치 감쇠는 0 이상이어야 합니다');
    check(this.o.initialAccumulatorValue >= 0, 'initial_accumulator_value', this.o.initialAccumulatorValue, '초기 누적값은 0 이상이어야 합니다');
    check(this.o.eps >= 0, 'epsilon', this.o.eps, 'eps는 0 이상이어야 합니다');
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    if (!this.sum) this.sum = new Float64Array(n).fill(this.o.initialAccumulatorValue);
    this.t++;
    const { lr, lrDecay, weightDecay: wd, eps } = this.o;
    const clr = lr / (1 + (this.t - 1) * lrDecay);
    const s = this.sum;
    for (let i = 0; i < n; i++) {
      let g = this.o.maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) g = g + wd * params[i];
      s[i] = s[i] + g * g;
      const std = Math.sqrt(s[i]) + eps;
      params[i] = params[i] + (-clr * g) / std;
    }
  }

  state(): Record<string, number | number[]> {
    return { step: this.t, sum: copy(this.sum) };
  }
}
