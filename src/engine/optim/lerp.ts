/** torch.lerp's formula exactly (its CPU kernel switches form at weight 0.5 for accuracy). */
export function lerp(self: number, end: number, weight: number): number {
  return Math.abs(weight) < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight);
}
