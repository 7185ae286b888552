/**
 * The reference for Adam and AdamW: the algorithm boxes of the torch.optim.Adam and AdamW docs,
 * written plainly (shared by adam.test.ts and adamw.test.ts; not a test file itself).
 *
 *   g_t ← ∇f(θ_{t−1})  (−∇f with maximize)
 *   Adam:  if λ ≠ 0: g_t ← g_t + λθ_{t−1}          AdamW:  θ_t ← θ_{t−1} − γλθ_{t−1}
 *   m_t ← β₁m_{t−1} + (1 − β₁)g_t
 *   v_t ← β₂v_{t−1} + (1 − β₂)g_t²
 *   m̂_t ← m_t/(1 − β₁ᵗ)
 *   amsgrad: v_t^max ← max(v_{t−1}^max, v_t);  v̂_t ← v_t^max/(1 − β₂ᵗ)     else v̂_t ← v_t/(1 − β₂ᵗ)
 *   θ_t ← θ_t − γ·m̂_t/(√v̂_t + ε)
 *
 * With `torchOrder` the same box is evaluated in the order torch's `_single_tensor_adam` rounds
 * (lerp for m, v·β₂ + ((1 − β₂)·g)·g, denom = √v/√(1 − β₂ᵗ) + ε, θ + (−(γ/(1 − β₁ᵗ))·m)/denom).
 */
import type { Fn } from './helpers';

export interface AdamRefOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
}

export function adamReference(
  fn: Fn,
  start: number[],
  steps: number,
  o: AdamRefOptions,
  decoupled: boolean,
  torchOrder = false,
): number[][] {
  const { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = decoupled ? 1e-2 : 0, amsgrad = false, maximize = false } = o;
  let theta = start.slice();
  let m = theta.map(() => 0);
  let v = theta.map(() => 0);
  let vMax = theta.map(() => 0);
  const rows = [theta.slice()];
  for (let t = 1; t <= steps; t++) {
    let g = Array.from(fn(Float64Array.from(theta)).gradient).map((x) => (maximize ? -x : x));
    if (decoupled) theta = theta.map((x) => (torchOrder ? x * (1 - lr * weightDecay) : x - lr * weightDecay * x));
    else if (weightDecay !== 0) g = g.map((gi, i) => gi + weightDecay * theta[i]);
    if (torchOrder) {
      // lerp with weight 1 − β₁ < 0.5: m + (1 − β₁)(g − m)
      m = m.map((mi, i) => mi + (1 - beta1) * (g[i] - mi));
      v = v.map((vi, i) => vi * beta2 + (1 - beta2) * g[i] * g[i]);
    } else {
      m = m.map((mi, i) => beta1 * mi + (1 - beta1) * g[i]);
      v = v.map((vi, i) => beta2 * vi + (1 - beta2) * g[i] ** 2);
    }
    vMax = vMax.map((x, i) => Math.max(x, v[i]));
    const second = amsgrad ? vMax : v;
    if (torchOrder) {
      const stepSize = lr / (1 - beta1 ** t);
      theta = theta.map((x, i) => x + (-stepSize * m[i]) / (Math.sqrt(second[i]) / Math.sqrt(1 - beta2 ** t) + eps));
    } else {
      const mHat = m.map((mi) => mi / (1 - beta1 ** t));
      const vHat = second.map((vi) => vi / (1 - beta2 ** t));
      theta = theta.map((x, i) => x - (lr * mHat[i]) / (Math.sqrt(vHat[i]) + eps));
    }
    rows.push(theta.slice());
  }
  return rows;
}
