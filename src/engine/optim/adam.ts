/**
 * torch.optim.Adam (betas, eps, weight_decay, amsgrad, maximize), and with
 * `decoupledWeightDecay` the AdamW update (recent torch implements AdamW exactly so).
 *
 * The algorithm box of the PyTorch docs (γ lr, β₁ β₂ betas, λ weight_decay):
 *
 *   g_t ← ∇f(θ_{t−1})                                  (−∇f with maximize)
 *   if λ ≠ 0:  g_t ← g_t + λ θ_{t−1}                    (AdamW instead: θ_{t−1} ← θ_{t−1} − γλθ_{t−1})
 *   m_t ← β₁ m_{t−1} + (1 − β₁) g_t
 *   v_t ← β₂ v_{t−1} + (1 − β₂) g_t²
 *   m̂_t ← m_t / (1 − β₁ᵗ)
 *   amsgrad:  v_t^max ← max(v_{t−1}^max, v_t);  v̂_t ← v_t^max / (1 − β₂ᵗ)
 *   else:     v̂_t ← v_t / (1 − β₂ᵗ)
 *   θ_t ← θ_{t−1} − γ m̂_t / (√v̂_t + ε)
 *
 * Defaults as in torch: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad false.
 * Operation order of `_single_tensor_adam` (the CPU default, capturable = differentiable = False):
 *   exp_avg.lerp_(grad, 1 − β₁)                            m + (1 − β₁)(g − m), see lerp.ts
 *   exp_avg_sq.mul_(β₂).addcmul_(grad, grad, value=1 − β₂)  v·β₂ + (1 − β₂)·g·g
 *   bias_correction1 = 1 − β₁**t,  bias_correction2 = 1 − β₂**t   (Python floats)
 *   step_size = lr / bias_correction1
 *   denom = (exp_avg_sq.sqrt() / sqrt(bias_correction2)).add_(eps)   (max_exp_avg_sq with amsgrad)
 *   param.addcdiv_(exp_avg, denom, value=−step_size)       θ + (−step_size)·m / denom
 * so m̂ and v̂ are never formed: the textbook expression rounds differently.
 */
import { lerp } from './lerp';
import { copyOut, requireBeta, requireLearningRate, requireNonNegative, withDefaults, type Optimizer, type StepContext } from './types';

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
  /** AdamW's decay: shrink θ by (1 − lr·weight_decay) instead of adding λθ to the gradient. */
  decoupledWeightDecay?: boolean;
}

export class Adam implements Optimizer {
  readonly name: string = 'adam';
  protected readonly o: Required<AdamOptions>;
  private t = 0;
  private expAvg: Float64Array | undefined;
  private expAvgSq: Float64Array | undefined;
  private maxExpAvgSq: Float64Array | undefined;

  constructor(options: AdamOptions = {}, defaultWeightDecay = 0) {
    this.o = withDefaults<Required<AdamOptions>>(
      {
        lr: 1e-3,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        weightDecay: defaultWeightDecay,
        amsgrad: false,
        maximize: false,
        decoupledWeightDecay: false,
      },
      options,
    );
    requireLearningRate(this.o.lr);
    requireNonNegative(this.o.eps, 'Invalid epsilon value', 'eps 값이 잘못되었습니다');
    requireBeta(this.o.beta1, 0);
    requireBeta(this.o.beta2, 1);
    requireNonNegative(this.o.weightDecay, 'Invalid weight_decay value', '가중치 감쇠(weight_decay) 값이 잘못되었습니다');
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    const { lr, beta1, beta2, eps, weightDecay: wd, amsgrad, maximize, decoupledWeightDecay } = this.o;
    if (!this.expAvg) {
      this.expAvg = new Float64Array(n);
      this.expAvgSq = new Float64Array(n);
      if (amsgrad) this.maxExpAvgSq = new Float64Array(n);
    }
    const m = this.expAvg;
    const v = this.expAvgSq as Float64Array;
    const vMax = this.maxExpAvgSq;
    this.t++;
    const biasCorrection1 = 1 - beta1 ** this.t;
    const biasCorrection2 = 1 - beta2 ** this.t;
    const stepSize = lr / biasCorrection1;
    const biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    for (let i = 0; i < n; i++) {
      let g = maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) {
        if (decoupledWeightDecay) params[i] = params[i] * (1 - lr * wd);
        else g = g + wd * params[i];
      }
      m[i] = lerp(m[i], g, 1 - beta1);
      v[i] = v[i] * beta2 + (1 - beta2) * g * g;
      let second = v[i];
      if (vMax) {
        // torch.maximum: NaN propagates (Math.max does the same).
        vMax[i] = Math.max(vMax[i], v[i]);
        second = vMax[i];
      }
      const denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
      params[i] = params[i] + (-stepSize * m[i]) / denom;
    }
  }

  state(): Record<string, number | number[]> {
    const s: Record<string, number | number[]> = { step: this.t, exp_avg: copyOut(this.expAvg), exp_avg_sq: copyOut(this.expAvgSq) };
    if (this.maxExpAvgSq) s.max_exp_avg_sq = copyOut(this.maxExpAvgSq);
    return s;
  }
}
