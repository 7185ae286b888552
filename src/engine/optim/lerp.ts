/**
 * torch.lerp(self, end, weight) as its scalar CPU kernel computes it: the form switches at
 * |weight| = 0.5 so that each half is accurate near its own end point. Adam's
 * `exp_avg.lerp_(grad, 1 − β₁)` and centered RMSprop's `grad_avg.lerp_(grad, 1 − α)` use it, so
 * m ← β₁m + (1 − β₁)g is really m + (1 − β₁)(g − m) here, not the textbook expression.
 * (torch's vectorised kernel, used for tensors longer than a few SIMD widths, evaluates the same
 * form with a fused multiply-add; that differs only in the last bit.)
 */
export function lerp(self: number, end: number, weight: number): number {
  return Math.abs(weight) < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight);
}
