/**
 * The stability rule of gradient descent, η < 2/λ_max, from the learner's own Hessian (for the
 * learning-rate sweep).
 *
 * Near a point w, L is about a quadratic with Hessian H = H(w). One step of plain gradient descent
 * multiplies the distance along an eigenvector of curvature λ by (1 − ηλ); it shrinks for every
 * direction when |1 − ηλ| < 1, i.e. η < 2/λ_max. On a quadratic (w − 3)², H = [2] and the limit is
 * 1; on the bowl x² + 4y², H = diag(2, 8) and it is 2/8 = 0.25 — the same everywhere. On any other
 * loss H changes from point to point, so the rule is local: it holds near the point where λ_max
 * was measured (the start, and where the best run of the sweep ended).
 *
 * λ_max is exact (engine hessian, Jacobi eigenvalues) for up to MAX_EXACT_DIMENSION parameters;
 * beyond, it is estimated by power iteration with Hessian-vector products from two gradients
 * (Hv ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε), each costing about two backward passes.
 */
import type { CompiledLoss } from '../runner/compile';
import { symmetricEigenvalues } from './curvature';

/** Up to this many parameters λ_max comes from the full Hessian (d(d + 1)/2 second derivatives). */
export const MAX_EXACT_DIMENSION = 16;
const POWER_ITERATIONS = 60;

export interface CurvatureAt {
  point: number[];
  /** Largest Hessian eigenvalue at the point. */
  lambdaMax: number;
  /** 2/λ_max, or undefined when λ_max ≤ 0 (no direction curves up: the rule sets no limit there). */
  limit?: number;
  /** 'exact' from the full Hessian, 'estimated' by power iteration. */
  method: 'exact' | 'estimated';
}

export interface StabilityRule {
  start: CurvatureAt;
  /** At the end of the sweep's best run, when it moved away from the start. */
  end?: CurvatureAt;
  /** The Hessian is the same at the start, the end and a probe point: a quadratic, the rule holds everywhere. */
  quadratic: boolean;
  /** The rule is for plain gradient descent (sgd without momentum); other optimizers move the limit. */
  plainGradientDescent: boolean;
}

function hessianVector(loss: CompiledLoss, w: number[], v: number[]): number[] {
  const scale = Math.max(1, Math.hypot(...w));
  const eps = 1e-5 * scale;
  const plus = Array.from(loss.valueAndGrad(w.map((x, i) => x + eps * v[i])).gradient);
  const minus = Array.from(loss.valueAndGrad(w.map((x, i) => x - eps * v[i])).gradient);
  return plus.map((p, i) => (p - minus[i]) / (2 * eps));
}

/** Power iteration for the largest eigenvalue (shifted when the dominant one is negative). */
function powerLambdaMax(loss: CompiledLoss, w: number[]): number {
  const d = w.length;
  const iterate = (shift: number) => {
    let v = Array.from({ length: d }, (_, i) => 1 + ((i * 7919) % 13) / 13);
    let lambda = 0;
    for (let k = 0; k < POWER_ITERATIONS; k++) {
      const n = Math.hypot(...v);
      if (!(n > 0) || !Number.isFinite(n)) break;
      v = v.map((x) => x / n);
      const hv = hessianVector(loss, w, v).map((x, i) => x - shift * v[i]);
      lambda = hv.reduce((s, x, i) => s + x * v[i], 0);
      v = hv;
    }
    return lambda + shift;
  };
  const dominant = iterate(0);
  return dominant >= 0 ? dominant : iterate(dominant);
}

/** λ_max of the Hessian of `loss` at `w`, and the learning-rate limit 2/λ_max. */
export function curvatureAt(loss: CompiledLoss, w: readonly number[]): CurvatureAt {
  const point = Array.from(w);
  const exact = point.length <= MAX_EXACT_DIMENSION;
  const lambdaMax = exact ? Math.max(...symmetricEigenvalues(loss.hessian(point))) : powerLambdaMax(loss, point);
  const out: CurvatureAt = { point, lambdaMax, method: exact ? 'exact' : 'estimated' };
  if (lambdaMax > 0 && Number.isFinite(lambdaMax)) out.limit = 2 / lambdaMax;
  return out;
}

function sameHessian(a: number[][], b: number[][]): boolean {
  const scale = Math.max(1e-300, ...a.flat().map(Math.abs), ...b.flat().map(Math.abs));
  return a.every((row, i) => row.every((x, j) => Math.abs(x - b[i][j]) <= 1e-7 * scale));
}

/**
 * The rule at the start (and at `end`, where the best run stopped). `quadratic` compares the exact
 * Hessian at the start, the end and one probe point off both (only up to MAX_EXACT_DIMENSION).
 */
export function stabilityRule(
  loss: CompiledLoss,
  start: readonly number[],
  end: readonly number[] | undefined,
  optimizer: { name: string; momentum?: number },
): StabilityRule | undefined {
  if (!start.every(Number.isFinite)) return undefined;
  const first = curvatureAt(loss, start);
  if (!Number.isFinite(first.lambdaMax)) return undefined;
  const rule: StabilityRule = { start: first, quadratic: false, plainGradientDescent: optimizer.name === 'sgd' && !optimizer.momentum };
  const moved = end && end.every(Number.isFinite) && end.some((x, i) => Math.abs(x - start[i]) > 1e-9 * Math.max(1, Math.abs(start[i])));
  if (moved) {
    const last = curvatureAt(loss, end);
    if (Number.isFinite(last.lambdaMax)) rule.end = last;
  }
  if (start.length <= MAX_EXACT_DIMENSION) {
    const probe = start.map((x, i) => x + 0.37 + 0.11 * i);
    const points = [start, probe, ...(moved ? [end] : [])].map((p) => loss.hessian(Array.from(p)));
    rule.quadratic = points.every((H) => H.every((row) => row.every(Number.isFinite)) && sameHessian(points[0], H));
  }
  return rule;
}
