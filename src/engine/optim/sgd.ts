/**
 * torch.optim.SGD (momentum, dampening, nesterov, weight_decay, maximize), single-tensor path:
 *
 *   g ← ∇L(θ)                        (−∇L with maximize)
 *   g ← g + λθ                       (weight_decay λ)
 *   b ← g                             at the first step (no dampening!), then
 *   b ← μb + (1 − τ)g                (momentum μ, dampening τ)
 *   g ← g + μb  (nesterov)  or  g ← b
 *   θ ← θ − η g
 * Defaults: momentum 0, dampening 0, weight_decay 0, nesterov false, maximize false.
 */
import { check, copy, type Optimizer, type StepContext } from './types';

export interface SgdOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
  maximize?: boolean;
}

export class Sgd implements Optimizer {
  readonly name = 'sgd';
  private buf: Float64Array | undefined;
  private steps = 0;
  private readonly lr: number;
  private readonly momentum: number;
  private readonly dampening: number;
  private readonly weightDecay: number;
  private readonly nesterov: boolean;
  private readonly maximize: boolean;

  constructor(o: SgdOptions) {
    this.lr = o.lr;
    this.momentum = o.momentum ?? 0;
    this.dampening = o.dampening ?? 0;
    this.weightDecay = o.weightDecay ?? 0;
    this.nesterov = o.nesterov ?? false;
    this.maximize = o.maximize ?? false;
    check(this.lr >= 0, 'lr', this.lr, '학습률은 0 이상이어야 합니다');
    check(this.momentum >= 0, 'momentum', this.momentum, '모멘텀은 0 이상이어야 합니다');
    check(this.weightDecay >= 0, 'weight_decay', this.weightDecay, '가중치 감쇠는 0 이상이어야 합니다');
    check(!this.nesterov || (this.momentum > 0 && this.dampening === 0), 'nesterov', this.nesterov, '네스테로프 모멘텀은 momentum > 0, dampening = 0 이 필요합니다');
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    const { lr, momentum: mu, dampening, weightDecay: wd } = this;
    if (mu !== 0 && !this.buf) this.buf = new Float64Array(n);
    const first = this.steps === 0;
    for (let i = 0; i < n; i++) {
      let g = this.maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) g = g + wd * params[i];
      if (mu !== 0) {
        const buf = this.buf as Float64Array;
        buf[i] = first ? g : buf[i] * mu + (1 - dampening) * g;
        g = this.nesterov ? g + mu * buf[i] : buf[i];
      }
      params[i] = params[i] + -lr * g;
    }
    this.steps++;
  }

  state(): Record<string, number | number[]> {
    return this.buf ? { step: this.steps, momentum_buffer: copy(this.buf) } : { step: this.steps };
  }
}
