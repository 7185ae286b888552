/**
 * torch.optim.Adam (betas, eps, weight_decay, amsgrad) and, with `decoupled`, torch.optim.AdamW.
 * Single-tensor path, in PyTorch's order of floating-point operations:
 *
 *   t ← t + 1
 *   AdamW: θ ← θ·(1 − ηλ)         Adam: g ← g + λθ          (weight_decay λ)
 *   m ← lerp(m, g, 1 − β₁)                                   (= β₁m + (1 − β₁)g)
 *   v ← β₂v + (1 − β₂)g²
 *   amsgrad: v̂max ← max(v̂max, v), v used below is v̂max
 *   c₁ = 1 − β₁ᵗ,  c₂ = 1 − β₂ᵗ
 *   denom = √v / √c₂ + ε
 *   θ ← θ − (η / c₁) · m / denom                              (= θ − η·m̂/(√v̂ + ε))
 * Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0 (AdamW: 0.01), amsgrad false.
 */
import { check, copy, withDefaults, type Optimizer, type StepContext } from './types';
import { lerp } from './lerp';

export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
}

export class Adam implements Optimizer {
  readonly name: string;
  private m: Float64Array | undefined;
  private v: Float64Array | undefined;
  private vmax: Float64Array | undefined;
  private t = 0;
  private readonly o: Required<AdamOptions>;

  constructor(
    o: AdamOptions,
    /** AdamW: weight decay applied to θ directly, not through the gradient. */
    private readonly decoupled = false,
  ) {
    this.name = decoupled ? 'adamw' : 'adam';
    this.o = withDefaults<Required<AdamOptions>>({ lr: o.lr, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: decoupled ? 1e-2 : 0, amsgrad: false, maximize: false }, o);
    check(this.o.lr >= 0, 'lr', this.o.lr, '학습률은 0 이상이어야 합니다');
    check(this.o.eps >= 0, 'epsilon', this.o.eps, 'eps는 0 이상이어야 합니다');
    check(this.o.beta1 >= 0 && this.o.beta1 < 1, 'beta parameter at index 0', this.o.beta1, 'beta1은 0 이상 1 미만이어야 합니다');
    check(this.o.beta2 >= 0 && this.o.beta2 < 1, 'beta parameter at index 1', this.o.beta2, 'beta2는 0 이상 1 미만이어야 합니다');
    check(this.o.weightDecay >= 0, 'weight_decay', this.o.weightDecay, '가중치 감쇠는 0 이상이어야 합니다');
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    const { lr, beta1, beta2, eps, weightDecay: wd, amsgrad } = this.o;
    if (!this.m) {
      this.m = new Float64Array(n);
      this.v = new Float64Array(n);
      if (amsgrad) this.vmax = new Float64Array(n);
    }
    this.t++;
    const m = this.m;
    const v = this.v as Float64Array;
    const bc1 = 1 - beta1 ** this.t;
    const bc2 = 1 - beta2 ** this.t;
    const stepSize = lr / bc1;
    const bc2Sqrt = Math.sqrt(bc2);
    for (let i = 0; i < n; i++) {
      let g = this.o.maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) {
        if (this.decoupled) params[i] = params[i] * (1 - lr * wd);
        else g = g + wd * params[i];
      }
      m[i] = lerp(m[i], g, 1 - beta1);
      v[i] = v[i] * beta2 + (1 - beta2) * g * g;
      let second = v[i];
      if (amsgrad) {
        const vm = this.vmax as Float64Array;
        vm[i] = Math.max(vm[i], v[i]);
        second = vm[i];
      }
      const denom = Math.sqrt(second) / bc2Sqrt + eps;
      params[i] = params[i] + (-stepSize * m[i]) / denom;
    }
  }

  state(): Record<string, number | number[]> {
    const s: Record<string, number | number[]> = { step: this.t, exp_avg: copy(this.m), exp_avg_sq: copy(this.v) };
    if (this.vmax) s.max_exp_avg_sq = copy(this.vmax);
    return s;
  }
}
