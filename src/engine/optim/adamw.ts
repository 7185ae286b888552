/**
 * torch.optim.AdamW: Adam with decoupled weight decay (Loshchilov & Hutter),
 *   θ ← θ·(1 − ηλ), then the Adam update without λθ in the gradient. Default weight_decay 0.01.
 * The update itself lives in adam.ts (PyTorch implements AdamW the same way).
 */
import { Adam, type AdamOptions } from './adam';

export function adamw(o: AdamOptions): Adam {
  return new Adam(o, true);
}
