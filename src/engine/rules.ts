/**
 * Every derivative rule of the engine in one table (tinygrad's gradient.py style): for each
 * operation its value and its local derivatives side by side, with the formula.
 *
 * Unary rules give y = f(a), f'(a) and f''(a) (the second derivative serves the exact Hessian,
 * see hyperDual.ts). Binary rules give y = f(a, b) and its first and second partials.
 * The runtime (runtime.ts) inlines the hot ones for speed; a unit test checks that every runtime
 * function agrees with its row here, so this table stays the single source of truth.
 *
 * Conventions at kinks and edges (PyTorch autograd's, so a learner's numbers match PyTorch's):
 *   abs       d|a|/da = sign(a): 0 at a = 0 (torch.abs).
 *   max, min  two arguments: a tie gives each ½ (torch.maximum/minimum). Math.max/min with more
 *             arguments: k arguments tied for the extremum get 1/k each (torch.max/amax of a
 *             tensor); a single winner gets all of it.
 *   sqrt      at a = 0 the derivative is +∞ (torch.sqrt); `0 · ∞` in the chain rule is NaN, as
 *             in PyTorch, except that a node whose adjoint is 0 is skipped (tape.ts).
 *   pow       ∂(aᵇ)/∂a = b·aᵇ⁻¹, taken as 0 when b = 0 (torch: the `b == 0` mask).
 *             ∂(aᵇ)/∂b = aᵇ·ln a: 0 where a = 0 and b ≥ 0 (torch masks 0·(−∞) to 0); NaN where
 *             a < 0 — but only computed when the exponent is itself active, so `x ** 2` or
 *             `x ** 3` at negative x is fine (torch.pow behaves the same).
 *   hypot     ∂y/∂aᵢ = aᵢ/y, and 0 at the origin (the subgradient torch.linalg.vector_norm
 *             uses; torch.hypot would give NaN there).
 *   atan2     NaN at the origin (0/0, as torch.atan2).
 *   mod       a % b = a − b·trunc(a/b): ∂/∂a = 1, ∂/∂b = −trunc(a/b) (torch.fmod).
 *   sign, floor, ceil, round, trunc, fround: zero gradient (piecewise constant); the runtime
 *             returns plain numbers for them.
 *   Comparisons, Number.isFinite & co. have no gradient and record nothing.
 */

export interface UnaryRule {
  /** The formula, for documentation and error messages. */
  formula: string;
  f: (a: number) => number;
  /** f'(a), given a and y = f(a). */
  d: (a: number, y: number) => number;
  /** f''(a), given a and y = f(a). */
  d2: (a: number, y: number) => number;
}

export interface BinaryRule {
  formula: string;
  f: (a: number, b: number) => number;
  /** [∂y/∂a, ∂y/∂b] */
  d: (a: number, b: number, y: number) => [number, number];
  /** [∂²y/∂a², ∂²y/∂a∂b, ∂²y/∂b²] */
  d2: (a: number, b: number, y: number) => [number, number, number];
}

const LN2 = Math.LN2;
const LN10 = Math.LN10;
const zero = () => 0;

export const UNARY: Record<string, UnaryRule> = {
  neg: { formula: 'y = −a, dy/da = −1', f: (a) => -a, d: () => -1, d2: zero },
  exp: { formula: 'y = eᵃ, dy/da = eᵃ', f: Math.exp, d: (_a, y) => y, d2: (_a, y) => y },
  expm1: { formula: 'y = eᵃ − 1, dy/da = eᵃ', f: Math.expm1, d: (a) => Math.exp(a), d2: (a) => Math.exp(a) },
  log: { formula: 'y = ln a, dy/da = 1/a', f: Math.log, d: (a) => 1 / a, d2: (a) => -1 / (a * a) },
  log1p: { formula: 'y = ln(1 + a), dy/da = 1/(1 + a)', f: Math.log1p, d: (a) => 1 / (1 + a), d2: (a) => -1 / ((1 + a) * (1 + a)) },
  log2: { formula: 'y = log₂ a, dy/da = 1/(a ln 2)', f: Math.log2, d: (a) => 1 / (a * LN2), d2: (a) => -1 / (a * a * LN2) },
  log10: { formula: 'y = log₁₀ a, dy/da = 1/(a ln 10)', f: Math.log10, d: (a) => 1 / (a * LN10), d2: (a) => -1 / (a * a * LN10) },
  sqrt: { formula: 'y = √a, dy/da = 1/(2√a)', f: Math.sqrt, d: (_a, y) => 0.5 / y, d2: (a, y) => -0.25 / (a * y) },
  cbrt: { formula: 'y = ∛a, dy/da = 1/(3 y²)', f: Math.cbrt, d: (_a, y) => 1 / (3 * y * y), d2: (a, y) => -2 / (9 * a * y * y) },
  sin: { formula: 'y = sin a, dy/da = cos a', f: Math.sin, d: (a) => Math.cos(a), d2: (_a, y) => -y },
  cos: { formula: 'y = cos a, dy/da = −sin a', f: Math.cos, d: (a) => -Math.sin(a), d2: (_a, y) => -y },
  tan: { formula: 'y = tan a, dy/da = 1 + y²', f: Math.tan, d: (_a, y) => 1 + y * y, d2: (_a, y) => 2 * y * (1 + y * y) },
  asin: { formula: 'y = asin a, dy/da = 1/√(1 − a²)', f: Math.asin, d: (a) => 1 / Math.sqrt(1 - a * a), d2: (a) => a / (1 - a * a) ** 1.5 },
  acos: {
    formula: 'y = acos a, dy/da = −1/√(1 − a²)',
    f: Math.acos,
    d: (a) => -1 / Math.sqrt(1 - a * a),
    d2: (a) => -a / (1 - a * a) ** 1.5,
  },
  atan: {
    formula: 'y = atan a, dy/da = 1/(1 + a²)',
    f: Math.atan,
    d: (a) => 1 / (1 + a * a),
    d2: (a) => (-2 * a) / ((1 + a * a) * (1 + a * a)),
  },
  sinh: { formula: 'y = sinh a, dy/da = cosh a', f: Math.sinh, d: (a) => Math.cosh(a), d2: (_a, y) => y },
  cosh: { formula: 'y = cosh a, dy/da = sinh a', f: Math.cosh, d: (a) => Math.sinh(a), d2: (_a, y) => y },
  tanh: { formula: 'y = tanh a, dy/da = 1 − y²', f: Math.tanh, d: (_a, y) => 1 - y * y, d2: (_a, y) => -2 * y * (1 - y * y) },
  asinh: {
    formula: 'y = asinh a, dy/da = 1/√(a² + 1)',
    f: Math.asinh,
    d: (a) => 1 / Math.sqrt(a * a + 1),
    d2: (a) => -a / (a * a + 1) ** 1.5,
  },
  acosh: {
    formula: 'y = acosh a, dy/da = 1/√(a² − 1)',
    f: Math.acosh,
    d: (a) => 1 / Math.sqrt(a * a - 1),
    d2: (a) => -a / (a * a - 1) ** 1.5,
  },
  atanh: {
    formula: 'y = atanh a, dy/da = 1/(1 − a²)',
    f: Math.atanh,
    d: (a) => 1 / (1 - a * a),
    d2: (a) => (2 * a) / ((1 - a * a) * (1 - a * a)),
  },
  abs: { formula: 'y = |a|, dy/da = sign a (0 at a = 0)', f: Math.abs, d: (a) => Math.sign(a), d2: zero },
  sign: { formula: 'y = sign a, dy/da = 0', f: Math.sign, d: zero, d2: zero },
  floor: { formula: 'y = ⌊a⌋, dy/da = 0', f: Math.floor, d: zero, d2: zero },
  ceil: { formula: 'y = ⌈a⌉, dy/da = 0', f: Math.ceil, d: zero, d2: zero },
  round: { formula: 'y = round a, dy/da = 0', f: Math.round, d: zero, d2: zero },
  trunc: { formula: 'y = trunc a, dy/da = 0', f: Math.trunc, d: zero, d2: zero },
  fround: { formula: 'y = fround a, dy/da = 0 (rounding to float32 is piecewise constant)', f: Math.fround, d: zero, d2: zero },
};

/** Functions of the `Math` object with zero gradient: the runtime returns plain numbers for them. */
export const PIECEWISE_CONSTANT = new Set(['sign', 'floor', 'ceil', 'round', 'trunc', 'fround']);

export const BINARY: Record<string, BinaryRule> = {
  add: { formula: 'y = a + b, ∂y/∂a = 1, ∂y/∂b = 1', f: (a, b) => a + b, d: () => [1, 1], d2: () => [0, 0, 0] },
  sub: { formula: 'y = a − b, ∂y/∂a = 1, ∂y/∂b = −1', f: (a, b) => a - b, d: () => [1, -1], d2: () => [0, 0, 0] },
  mul: { formula: 'y = a·b, ∂y/∂a = b, ∂y/∂b = a', f: (a, b) => a * b, d: (a, b) => [b, a], d2: () => [0, 1, 0] },
  div: {
    formula: 'y = a/b, ∂y/∂a = 1/b, ∂y/∂b = −a/b²',
    f: (a, b) => a / b,
    d: (a, b) => [1 / b, -a / (b * b)],
    d2: (a, b) => [0, -1 / (b * b), (2 * a) / (b * b * b)],
  },
  mod: {
    // a % b = a − b·trunc(a/b): piecewise, ∂/∂a = 1, ∂/∂b = −trunc(a/b) (torch.fmod's rule).
    formula: 'y = a mod b, ∂y/∂a = 1, ∂y/∂b = −trunc(a/b)',
    f: (a, b) => a % b,
    d: (a, b) => [1, -Math.trunc(a / b)],
    d2: () => [0, 0, 0],
  },
  pow: {
    formula: 'y = aᵇ, ∂y/∂a = b·aᵇ⁻¹, ∂y/∂b = aᵇ·ln a (0 where a = 0, b ≥ 0)',
    f: (a, b) => a ** b,
    d: (a, b, y) => [b === 0 ? 0 : b * a ** (b - 1), powDb(a, b, y)],
    d2: (a, b, y) => {
      const ln = Math.log(a);
      return [
        b === 0 || b === 1 ? 0 : b * (b - 1) * a ** (b - 2),
        // ∂/∂b of b·aᵇ⁻¹ — also at b = 0 (1/a), where the ∂/∂a mask is only a single point
        b === 0 ? 1 / a : a ** (b - 1) * (1 + b * ln),
        a === 0 && b >= 0 ? 0 : y * ln * ln,
      ];
    },
  },
  atan2: {
    formula: 'y = atan2(a, b), ∂y/∂a = b/(a² + b²), ∂y/∂b = −a/(a² + b²)',
    f: Math.atan2,
    d: (a, b) => {
      const r = a * a + b * b;
      return [b / r, -a / r];
    },
    d2: (a, b) => {
      const r = a * a + b * b;
      const r2 = r * r;
      return [(-2 * a * b) / r2, (a * a - b * b) / r2, (2 * a * b) / r2];
    },
  },
  hypot: {
    formula: 'y = √(a² + b²), ∂y/∂a = a/y, ∂y/∂b = b/y (0 at the origin)',
    f: Math.hypot,
    d: (a, b, y) => (y === 0 ? [0, 0] : [a / y, b / y]),
    d2: (a, b, y) => {
      if (y === 0) return [0, 0, 0];
      const y3 = y * y * y;
      return [(b * b) / y3, (-a * b) / y3, (a * a) / y3];
    },
  },
  max: {
    formula: 'y = max(a, b), ∂y/∂a = [a > b] (½ on a tie), ∂y/∂b = [b > a] (½ on a tie)',
    f: Math.max,
    d: (a, b) => (a > b ? [1, 0] : a < b ? [0, 1] : [0.5, 0.5]),
    d2: () => [0, 0, 0],
  },
  min: {
    formula: 'y = min(a, b), ∂y/∂a = [a < b] (½ on a tie), ∂y/∂b = [b < a] (½ on a tie)',
    f: Math.min,
    d: (a, b) => (a < b ? [1, 0] : a > b ? [0, 1] : [0.5, 0.5]),
    d2: () => [0, 0, 0],
  },
};

/** ∂(aᵇ)/∂b = aᵇ ln a, with PyTorch's convention of 0 at a = 0 for b ≥ 0 (NaN for a < 0). */
export function powDb(a: number, b: number, y: number): number {
  if (a === 0 && b >= 0) return 0;
  return y * Math.log(a);
}
