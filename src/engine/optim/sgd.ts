/**
 * torch.optim.SGD (momentum, dampening, nesterov, weight_decay, maximize).
 *
 * The algorithm box of the PyTorch docs (γ lr, λ weight_decay, μ momentum, τ dampening):
 *
 *   g_t ← ∇f(θ_{t−1})                    (−∇f with maximize)
 *   if λ ≠ 0:  g_t ← g_t + λ θ_{t−1}
 *   if μ ≠ 0:
 *     b_t ← g_t                          if t = 1   (the buffer starts as the gradient: no dampening)
 *     b_t ← μ b_{t−1} + (1 − τ) g_t      otherwise
 *     g_t ← g_t + μ b_t   (nesterov)     or   g_t ← b_t
 *   θ_t ← θ_{t−1} − γ g_t
 *
 * Defaults as in torch: lr 1e-3, momentum 0, dampening 0, weight_decay 0, nesterov false.
 * The code follows `_single_tensor_sgd` (the CPU default) operation by operation: `grad.add(param,
 * alpha=λ)` is g + λ·θ, `buf.mul_(μ).add_(grad, alpha=1 − τ)` is b·μ + (1 − τ)·g, and
 * `param.add_(grad, alpha=−lr)` is θ + (−lr)·g.
 */
import { OptimizerError, copyOut, requireLearningRate, requireNonNegative, requireThat, type Optimizer, type StepContext } from './types';

export interface SgdOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
  maximize?: boolean;
}

export class Sgd implements Optimizer {
  readonly name = 'sgd';
  private readonly lr: number;
  private readonly momentum: number;
  private readonly dampening: number;
  private readonly weightDecay: number;
  private readonly nesterov: boolean;
  private readonly maximize: boolean;
  /** torch keeps no step count for SGD; we count for the teaching views. */
  private steps = 0;
  /** Absent until the first step with momentum, exactly like torch's `momentum_buffer`. */
  private buf: Float64Array | undefined;

  constructor(o: SgdOptions = {}) {
    this.lr = o.lr ?? 1e-3;
    this.momentum = o.momentum ?? 0;
    this.dampening = o.dampening ?? 0;
    this.weightDecay = o.weightDecay ?? 0;
    this.nesterov = o.nesterov ?? false;
    this.maximize = o.maximize ?? false;
    requireLearningRate(this.lr);
    requireNonNegative(this.momentum, 'Invalid momentum value', '모멘텀 값이 잘못되었습니다');
    requireNonNegative(this.weightDecay, 'Invalid weight_decay value', '가중치 감쇠(weight_decay) 값이 잘못되었습니다');
    // torch does not check dampening; a non-finite one would only turn the buffer into NaN.
    requireThat(
      Number.isFinite(this.dampening),
      this.dampening,
      'Invalid dampening value',
      'dampening 값이 잘못되었습니다',
      '유한한 수여야 합니다',
    );
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new OptimizerError(
        'badOptimizerConfig',
        '네스테로프 모멘텀에는 0보다 큰 momentum과 dampening = 0 이 필요합니다',
        'Nesterov momentum requires a momentum and zero dampening',
      );
    }
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    const { lr, momentum: mu, dampening: tau, weightDecay: wd, nesterov, maximize } = this;
    const first = mu !== 0 && this.buf === undefined;
    if (first) this.buf = new Float64Array(n);
    const buf = this.buf;
    for (let i = 0; i < n; i++) {
      let g = maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) g = g + wd * params[i];
      if (buf) {
        // First step: buf = grad.clone() (no dampening); then buf·μ + (1 − τ)·g.
        buf[i] = first ? g : buf[i] * mu + (1 - tau) * g;
        g = nesterov ? g + mu * buf[i] : buf[i];
      }
      params[i] = params[i] + -lr * g;
    }
    this.steps++;
  }

  state(): Record<string, number | number[]> {
    return this.buf ? { step: this.steps, momentum_buffer: copyOut(this.buf) } : { step: this.steps };
  }
}
