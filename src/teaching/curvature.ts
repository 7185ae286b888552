/**
 * Convex or not (docs/concepts.md: convex and non-convex losses): the exact Hessian's definiteness over a 2-D surface, and the
 * stationary points (∇L = 0) found there, each classified by its Hessian.
 *
 * A symmetric 2×2 Hessian [[a, b], [b, c]] has eigenvalues (a + c)/2 ± √(((a − c)/2)² + b²):
 *   both > 0  positive definite  — locally convex; a stationary point there is a minimum
 *   both < 0  negative definite  — locally concave; a maximum
 *   mixed     indefinite         — a saddle
 *   a zero    semidefinite       — the test cannot tell (flat direction)
 */
import type { CompiledLoss } from '../runner/compile';
import { parameterBound } from '../runner/surface';
import { symmetricEigenvalues as jacobiEigenvalues } from '../engine/optim/linalg';

export type Definiteness = 'positive' | 'negative' | 'indefinite' | 'semidefinite';
export type StationaryKind = 'minimum' | 'maximum' | 'saddle' | 'flat';

/** Eigenvalues of a symmetric matrix, ascending (the optimizers' Jacobi routine, optim/linalg.ts). */
export function symmetricEigenvalues(H: number[][]): number[] {
  return Array.from(jacobiEigenvalues(Float64Array.from(H.flat()), H.length)).sort((x, y) => x - y);
}

/** Definiteness from eigenvalues, with `eps` relative to the largest magnitude counting as zero. */
export function definiteness(eigenvalues: number[], eps = 1e-9): Definiteness {
  const scale = Math.max(...eigenvalues.map(Math.abs), 1e-300);
  const signs = eigenvalues.map((v) => (Math.abs(v) <= eps * scale ? 0 : Math.sign(v)));
  if (signs.includes(1) && signs.includes(-1)) return 'indefinite';
  if (signs.includes(0)) return 'semidefinite';
  return signs[0] > 0 ? 'positive' : 'negative';
}

export function stationaryKind(d: Definiteness): StationaryKind {
  return d === 'positive' ? 'minimum' : d === 'negative' ? 'maximum' : d === 'indefinite' ? 'saddle' : 'flat';
}

export interface StationaryPoint {
  point: number[];
  loss: number;
  gradNorm: number;
  eigenvalues: number[];
  kind: StationaryKind;
}

export interface CurvatureResult {
  /** Definiteness of the Hessian on a grid (row j = y[j], column i = x[i]), 2-D only. */
  map?: { x: number[]; y: number[]; definiteness: Definiteness[][] };
  stationary: StationaryPoint[];
}

function solve(H: number[][], g: number[]): number[] | undefined {
  // Gaussian elimination with partial pivoting (n is small: Newton on the learner's own loss).
  const n = g.length;
  const A = H.map((row, i) => [...row, g[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    if (Math.abs(A[p][c]) < 1e-14) return undefined;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= n; k++) A[r][k] -= f * A[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = A[r][n];
    for (let k = r + 1; k < n; k++) s -= A[r][k] * x[k];
    x[r] = s / A[r][r];
  }
  return x;
}

/**
 * Stationary points: Newton's iteration on ∇L = 0 (x ← x − H⁻¹∇L, which finds minima, maxima and
 * saddles alike) from each seed; converged points closer than `tolerance` are merged.
 */
export function stationaryPoints(loss: CompiledLoss, seeds: number[][], tolerance = 1e-6): StationaryPoint[] {
  const found: StationaryPoint[] = [];
  for (const seed of seeds) {
    let x = seed.slice();
    let ok = false;
    for (let it = 0; it < 50; it++) {
      const { gradient } = loss.valueAndGrad(x);
      const g = Array.from(gradient);
      if (!g.every(Number.isFinite)) break;
      if (Math.hypot(...g) <= 1e-10 * Math.max(1, Math.abs(loss.value(x)))) {
        ok = true;
        break;
      }
      const step = solve(loss.hessian(x), g);
      if (!step) break;
      x = x.map((v, i) => v - step[i]);
    }
    if (!ok || found.some((s) => Math.hypot(...s.point.map((v, i) => v - x[i])) <= tolerance * Math.max(1, Math.hypot(...x)))) continue;
    const eigenvalues = symmetricEigenvalues(loss.hessian(x));
    found.push({
      point: x,
      loss: loss.value(x),
      gradNorm: Math.hypot(...Array.from(loss.valueAndGrad(x).gradient)),
      eigenvalues,
      kind: stationaryKind(definiteness(eigenvalues)),
    });
  }
  return found;
}

export function curvature(loss: CompiledLoss, req: { grid?: number; seeds?: number } = {}): CurvatureResult {
  const d = loss.dimension;
  const bounds = Array.from({ length: d }, (_, i) => parameterBound(loss, i));
  const line = ([lo, hi]: [number, number], n: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / n);
  let map: CurvatureResult['map'];
  if (d === 2) {
    const n = req.grid ?? 40;
    const x = line(bounds[0], n);
    const y = line(bounds[1], n);
    map = { x, y, definiteness: y.map((yj) => x.map((xi) => definiteness(symmetricEigenvalues(loss.hessian([xi, yj]))))) };
  }
  const s = req.seeds ?? (d <= 2 ? 7 : 3);
  // Seeds on a coarse grid over the bounds (d ≤ 2), or along the diagonal beyond.
  const seeds: number[][] = [];
  if (d === 1) for (const v of line(bounds[0], s * s)) seeds.push([v]);
  else if (d === 2) for (const yj of line(bounds[1], s)) for (const xi of line(bounds[0], s)) seeds.push([xi, yj]);
  else for (let k = 0; k < s; k++) seeds.push(bounds.map(([lo, hi]) => lo + ((hi - lo) * (k + 0.5)) / s));
  return { map, stationary: stationaryPoints(loss, seeds) };
}
