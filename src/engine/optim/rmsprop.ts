/**
 * torch.optim.RMSprop (alpha, eps, weight_decay, momentum, centered), single-tensor path:
 *
 *   g ← ∇L(θ) + λθ                           (weight_decay λ)
 *   v ← αv + (1 − α)g²                       (square_avg)
 *   centered:  ḡ ← lerp(ḡ, g, 1 − α);  d ← √(v − ḡ²) + ε     else  d ← √v + ε
 *   momentum μ > 0:  b ← μb + g/d;  θ ← θ − ηb                else  θ ← θ − η·g/d
 * Defaults: lr 0.01, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered false.
 */
import { check, copy, withDefaults, type Optimizer, type StepContext } from './types';
import { lerp } from './lerp';

export interface RmspropOptions {
  lr: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
  maximize?: boolean;
}

export class Rmsprop implements Optimizer {
  readonly name = 'rmsprop';
  private squareAvg: Float64Array | undefined;
  private gradAvg: Float64Array | undefined;
  private buf: Float64Array | undefined;
  private t = 0;
  private readonly o: Required<RmspropOptions>;

  constructor(o: RmspropOptions) {
    this.o = withDefaults<Required<RmspropOptions>>({ lr: o.lr, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false }, o);
    check(this.o.lr >= 0, 'lr', this.o.lr, '학습률은 0 이상이어야 합니다');
    check(this.o.eps >= 0, 'epsilon', this.o.eps, 'eps는 0 이상이어야 합니다');
    check(this.o.momentum >= 0, 'momentum', this.o.momentum, '모멘텀은 0 이상이어야 합니다');
    check(this.o.weightDecay >= 0, 'weight_decay', this.o.weightDecay, '가중치 감쇠는 0 이상이어야 합니다');
    check(this.o.alpha >= 0, 'alpha', this.o.alpha, 'alpha는 0 이상이어야 합니다');
  }

  step(params: Float64Array, { gradient }: StepContext): void {
    const n = params.length;
    const { lr, alpha, eps, weightDecay: wd, momentum: mu, centered } = this.o;
    if (!this.squareAvg) {
      this.squareAvg = new Float64Array(n);
      if (centered) this.gradAvg = new Float64Array(n);
      if (mu > 0) this.buf = new Float64Array(n);
    }
    this.t++;
    const v = this.squareAvg;
    for (let i = 0; i < n; i++) {
      let g = this.o.maximize ? -gradient[i] : gradient[i];
      if (wd !== 0) g = g + wd * params[i];
      v[i] = v[i] * alpha + (1 - alpha) * g * g;
      let avg: number;
      if (centered) {
        const ga = this.gradAvg as Float64Array;
        ga[i] = lerp(ga[i], g, 1 - alpha);
        avg = Math.sqrt(v[i] + -1 * ga[i] * ga[i]);
      } else {
        avg = Math.sqrt(v[i]);
      }
      avg = avg + eps;
      if (mu > 0) {
        const b = this.buf as Float64Array;
        b[i] = b[i] * mu + g / avg;
        params[i] = params[i] + -lr * b[i];
      } else {
        params[i] = params[i] + (-lr * g) / avg;
      }
    }
  }

  state(): Record<string, number | number[]> {
    const s: Record<string, number | number[]> = { step: this.t, square_avg: copy(this.squareAvg) };
    if (this.gradAvg) s.grad_avg = copy(this.gradAvg);
    if (this.buf) s.momentum_buffer = copy(this.buf);
    return s;
  }
}
