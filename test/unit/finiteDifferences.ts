/**
 * The tests' own finite-difference oracle, independent of the code it checks (CompiledLoss has a
 * checkGradient of its own, but a test that used it would pass if it were wrong). Central
 * differences of the value-only pass, with a step relative to each coordinate; the error is
 * |exact − fd| / max(1, |exact|, |fd|): relative for large components, absolute below 1.
 */
interface Differentiable {
  value(params: ArrayLike<number>): number;
  valueAndGrad(params: ArrayLike<number>): { gradient: ArrayLike<number> };
}

export function finiteDifferenceCheck(
  loss: Differentiable,
  at: number[],
  h = 1e-6,
): { maxRelError: number; finiteDiff: number[]; exact: number[] } {
  const exact = Array.from(loss.valueAndGrad(at).gradient);
  const finiteDiff = at.map((x, i) => {
    const step = h * Math.max(1, Math.abs(x));
    const plus = at.slice();
    const minus = at.slice();
    plus[i] = x + step;
    minus[i] = x - step;
    return (loss.value(plus) - loss.value(minus)) / (plus[i] - minus[i]);
  });
  const maxRelError = Math.max(0, ...exact.map((g, i) => Math.abs(g - finiteDiff[i]) / Math.max(1, Math.abs(g), Math.abs(finiteDiff[i]))));
  return { maxRelError, finiteDiff, exact };
}
