/**
 * The strong-Wolfe line search of torch.optim.LBFGS (line_search_fn='strong_wolfe'), torch's
 * `_strong_wolfe` and `_cubic_interpolate` (themselves ported from minFunc via torch7's
 * lswolfe.lua and polyinterp.lua), step by step. Along the direction d from x it looks for a
 * step t with
 *   sufficient decrease   f(x + t·d) ≤ f(x) + c₁·t·gᵀd            (c₁ = 1e−4)
 *   curvature             |∇f(x + t·d)ᵀd| ≤ −c₂·gᵀd                (c₂ = 0.9)
 * first by growing t until an interval is known to contain such a step (bracketing), then by
 * shrinking that interval with cubic interpolation (zoom). It gives up after 25 evaluations or
 * when the interval is narrower than tolerance_change (measured as |Δt|·‖d‖∞).
 */
import type { Evaluation } from './types';
import { dot, maxAbs } from './vector';

/** Python's max(a, b) and min(a, b): the first argument wins ties and NaN comparisons. */
const pyMax = (a: number, b: number): number => (b > a ? b : a);
const pyMin = (a: number, b: number): number => (b < a ? b : a);

/**
 * Minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped to
 * `bounds` (default: the interval between x1 and x2). Without a real minimiser (d₂² < 0, or NaN)
 * it returns the middle of the bounds, as torch does.
 *   d₁ = g₁ + g₂ − 3(f₁ − f₂)/(x₁ − x₂),  d₂ = √(d₁² − g₁g₂)
 *   x* = x₂ − (x₂ − x₁)·(g₂ + d₂ − d₁)/(g₂ − g₁ + 2d₂)     (for x₁ ≤ x₂; mirrored otherwise)
 */
export function cubicInterpolate(
  x1: number,
  f1: number,
  g1: number,
  x2: number,
  f2: number,
  g2: number,
  bounds?: readonly [number, number],
): number {
  const [lo, hi] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos =
      x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return pyMin(pyMax(minPos, lo), hi);
  }
  return (lo + hi) / 2;
}

export interface LineSearchResult {
  /** f, ∇f and the step t of the point chosen. */
  value: number;
  gradient: Float64Array;
  t: number;
  /** Closure calls made (torch's ls_func_evals). */
  evaluations: number;
}

export interface StrongWolfeOptions {
  c1?: number;
  c2?: number;
  /** torch's LBFGS never passes its own tolerance_change here: the search always uses 1e−9. */
  toleranceChange?: number;
  maxLs?: number;
}

/** One point on the line: step t, f, ∇f and the slope ∇fᵀd. */
interface Point {
  t: number;
  f: number;
  g: Float64Array;
  gtd: number;
}

/**
 * `evaluateAt(t)` returns f and ∇f at x + t·d (a fresh gradient array; x itself is untouched);
 * `f`, `g` and `gtd` = gᵀd are at t = 0, and `t` is the first step to try.
 */
export function strongWolfe(
  evaluateAt: (t: number) => Evaluation,
  d: Float64Array,
  t: number,
  f: number,
  g: Float64Array,
  gtd: number,
  o: StrongWolfeOptions = {},
): LineSearchResult {
  const { c1 = 1e-4, c2 = 0.9, toleranceChange = 1e-9, maxLs = 25 } = o;
  const dNorm = maxAbs(d);
  const at = (step: number): Point => {
    const e = evaluateAt(step);
    return { t: step, f: e.value, g: e.gradient, gtd: dot(e.gradient, d) };
  };
  let next = at(t);
  let evaluations = 1;

  // Bracketing: grow t (by cubic extrapolation, between 1.01× and 10× the last step) until the
  // step either fails sufficient decrease, stops decreasing, or the slope turns non-negative.
  let prev: Point = { t: 0, f, g, gtd };
  let done = false;
  let lsIter = 0;
  let bracket: Point[] | undefined;
  while (lsIter < maxLs) {
    if (next.f > f + c1 * next.t * gtd || (lsIter > 1 && next.f >= prev.f)) {
      bracket = [prev, next];
      break;
    }
    if (Math.abs(next.gtd) <= -c2 * gtd) {
      bracket = [next];
      done = true;
      break;
    }
    if (next.gtd >= 0) {
      bracket = [prev, next];
      break;
    }
    const minStep = next.t + 0.01 * (next.t - prev.t);
    const maxStep = next.t * 10;
    const tNew = cubicInterpolate(prev.t, prev.f, prev.gtd, next.t, next.f, next.gtd, [minStep, maxStep]);
    prev = next;
    next = at(tNew);
    evaluations++;
    lsIter++;
  }
  // Out of evaluations while bracketing: torch falls back to [0, t] and skips the zoom below.
  if (lsIter === maxLs || !bracket) bracket = [{ t: 0, f, g, gtd }, next];

  // Zoom: keep a bracket [low, high] with f(low) the lowest value seen, and interpolate inside it.
  let insufficientProgress = false;
  let [low, high] = bracket[0].f <= bracket[bracket.length - 1].f ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    const b = bracket;
    if (Math.abs(b[1].t - b[0].t) * dNorm < toleranceChange) break;
    let tNew = cubicInterpolate(b[0].t, b[0].f, b[0].gtd, b[1].t, b[1].f, b[1].gtd);
    // A trial too close to an end of the bracket makes little progress: the second time in a
    // row (or when it is at/outside an end) move it to 10% of the bracket's width inside.
    const bMax = pyMax(b[0].t, b[1].t);
    const bMin = pyMin(b[0].t, b[1].t);
    const eps = 0.1 * (bMax - bMin);
    if (pyMin(bMax - tNew, tNew - bMin) < eps) {
      if (insufficientProgress || tNew >= bMax || tNew <= bMin) {
        tNew = Math.abs(tNew - bMax) < Math.abs(tNew - bMin) ? bMax - eps : bMin + eps;
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }
    const p = at(tNew);
    evaluations++;
    lsIter++;
    if (p.f > f + c1 * p.t * gtd || p.f >= b[low].f) {
      // Not a sufficient decrease, or no lower than the low end: p becomes the high end.
      b[high] = p;
      [low, high] = b[0].f <= b[1].f ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(p.gtd) <= -c2 * gtd) done = true;
      else if (p.gtd * (b[high].t - b[low].t) >= 0) b[high] = b[low]; // the old low becomes the high end
      b[low] = p;
    }
  }
  const best = bracket[low];
  return { value: best.f, gradient: best.g, t: best.t, evaluations };
}
