/**
 * torch.optim.AdamW: Adam with decoupled weight decay (Loshchilov & Hutter). Default
 * weight_decay 0.01 (Adam's is 0); everything else as Adam.
 *
 * The algorithm box of the PyTorch docs differs from Adam's in one line, before the moments:
 *
 *   θ_t ← θ_{t−1} − γ λ θ_{t−1}
 *
 * and λθ is not added to the gradient. torch (recently `class AdamW(Adam)` with
 * decoupled_weight_decay=True; before that, its own `_single_tensor_adamw`) computes it as
 * `param.mul_(1 − lr·weight_decay)` right after the step count, before `exp_avg.lerp_`.
 * The shared update is in adam.ts.
 */
import { Adam, type AdamOptions } from './adam';

export type AdamWOptions = Omit<AdamOptions, 'decoupledWeightDecay'>;

export class AdamW extends Adam {
  override readonly name = 'adamw';

  constructor(options: AdamWOptions = {}) {
    super({ ...options, decoupledWeightDecay: true }, 0.01);
  }
}
