/**
 * torch.optim.RMSprop (alpha, eps, weight_decay, momentum, centered, maximize).
 *
 * The algorithm box of the PyTorch docs (γ lr, α alpha, λ weight_decay, μ momentum):
 *
 *   g_t ← ∇f(θ_{t−1})                          (−∇f with maximize)
 *   if λ ≠ 0:  g_t ← g_t + λ θ_{t−1}
 *   v_t ← α v_{t−1} + (1 − α) g_t²
 *   ṽ_t ← v_t
 *   if centered:  g^ave_t ← α g^ave_{t−1} + (1 − α) g_t;   ṽ_t ← ṽ_t − (g^ave_t)²
 *   if μ > 0:  b_t ← μ b_{t−1} + g_t / (√ṽ_t + ε);   θ_t ← θ_{t−1} − γ b_t
 *   else:      θ_t ← θ_{t−1} − γ g_t / (√ṽ_t + ε)
 *
 * Defaults as in torch: lr 1e-2, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered false.
 * Operation order of `_single_tensor_rmsprop`: `square_avg.mul_(α).addcmul_(g, g, value=1 − α)`
 * (v·α + (1 − α)·g·g); centered: `grad_avg.lerp_(g, 1 − α)` then
 * `avg = square_avg.addcmul(grad_avg, grad_avg, value=−1).sqrt_()` (√(v + (−1)·ḡ·ḡ)), else
 * `avg = square_avg.sqrt()`; then `avg.add_(eps)`; momentum: `buf.mul_(μ).addcdiv_(g, avg)` and
 * `param.add_(buf, alpha=−lr)`; otherwise `param.addcdiv_(g, avg, value=−lr)` (θ + (−lr)·g / avg).
 */
import { lerp } from './lerp';
import { copyOut, requireLearningRate, requireNonNegative, withDefaults, type Optimizer, type StepContext } from './types';

export interface RmspropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
  maximize?: boolean;
}

export class Rmsprop implements Optimizer {
  readonly name = 'rmsprop';
  private readonly o: Required<RmspropOptions>;
  private t = 0;
  private squareAvg: Float64Array | undefined;
  private gradAvg: Float64Array | undefined;
  private buf: Float64Array | undefined;

  constructor(options: RmspropOptions = {}) {
    this.o = withDefaults<Required<RmspropOptions>>(
      { lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false },
      options,
    );
    requireLearningRate(this.o.lr);
    requireNonNegative(this.o.eps, 'Invalid epsilon value', 'eps 값이 잘못되었습니다');
    requireNonNegative(this.o.momentum, 'Invalid momentum value', '모멘텀 값이 잘못되었습니다');
    requireNonNegative(this.o.weightDecay, 'Invalid weight_decay value', '가중치 감쇠(weight_decay) 값이 잘못되었습니다');
    requireNonNegative(this.o.alpha, 'Invalid alpha value', 'alpha 값이 잘못되었습니다');
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    const { lr, alpha, eps, weightDecay: wd, momentum: mu, centered, maximize } = this.o;
    if (!this.squareAvg) {
      // torch's lazy state: square_avg, momentum_buffer (μ > 0) and grad_avg (centered) start at 0.
      this.squareAvg = new Float64Array(n);
      if (mu > 0) this.buf = new Float64Array(n);
      if (centered) this.gradAvg = new Float64Array(n);
    }
    const v = this.squareAvg;
    const ga = this.gradAvg;
    const buf = this.buf;
    this.t++;
    for (let i = 0; i < n; i++) {
      let g = maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) g = g + wd * params[i];
      v[i] = v[i] * alpha + (1 - alpha) * g * g;
      let avg: number;
      if (ga) {
        ga[i] = lerp(ga[i], g, 1 - alpha);
        avg = Math.sqrt(v[i] + -1 * ga[i] * ga[i]);
      } else {
        avg = Math.sqrt(v[i]);
      }
      avg = avg + eps;
      if (buf) {
        buf[i] = buf[i] * mu + (1 * g) / avg;
        params[i] = params[i] + -lr * buf[i];
      } else {
        params[i] = params[i] + (-lr * g) / avg;
      }
    }
  }

  state(): Record<string, number | number[]> {
    const s: Record<string, number | number[]> = { step: this.t, square_avg: copyOut(this.squareAvg) };
    if (this.buf) s.momentum_buffer = copyOut(this.buf);
    if (this.gradAvg) s.grad_avg = copyOut(this.gradAvg);
    return s;
  }
}
