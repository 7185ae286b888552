/**
 * Samples the loss on a grid for the panel's pictures, in the worker (never in the webview):
 *   1 parameter:  L(w) on a line over its bounds — the curve the 1-D path walks on;
 *   2 parameters: L(x, y) on a grid — the heat map and contour lines;
 *   more:         a 2-D slice through `center` along the first two parameters (the start point
 *                 while training, then the point where the run ended).
 * Plain-number evaluation (no tape): only values are needed. Non-finite values become null so
 * the picture shows a hole rather than a crash.
 *
 * With a time budget the grid shrinks to what the budget affords (one evaluation is timed first):
 * a 4,000-weight network on 100 samples costs ~1.4 ms per value, so 80×80 would hold the first
 * training step back by 9 s; 26×26 fits in a second and still shows the slice's shape.
 */
import type { CompiledLoss } from './compile';

export interface SurfaceRequest {
  grid?: number;
  bounds?: Array<[number, number]>;
  /** The point a slice of a many-parameter loss goes through (default: init or the origin). */
  center?: number[];
  /** Milliseconds the sampling may take, roughly: the grid shrinks to fit (never below MIN_GRID). */
  budgetMs?: number;
}

/** The coarsest grid per side a budget may shrink a 2-D picture to (1-D: MIN_GRID² points). */
const MIN_GRID = 16;

export type Surface =
  | { kind: '1d'; x: number[]; z: Array<number | null> }
  | { kind: '2d'; x: number[]; y: number[]; z: Array<Array<number | null>>; axes: [number, number] };

const DEFAULT_BOUND: [number, number] = [-5, 5];

/** Parameter i's range for pictures and searches: the file's `bounds`, else [−5, 5] (the default plotting window: docs/cli-contract.md). */
export function parameterBound(loss: Pick<CompiledLoss, 'bounds'>, i: number): [number, number] {
  return loss.bounds?.[i] ?? DEFAULT_BOUND;
}

function linspace([lo, hi]: [number, number], n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

export function sampleSurface(loss: CompiledLoss, req: SurfaceRequest = {}): Surface {
  const d = loss.dimension;
  const bounds = req.bounds ?? loss.bounds ?? [];
  const bound = (i: number): [number, number] => bounds[i] ?? DEFAULT_BOUND;
  const safe = (p: number[]) => {
    const v = loss.value(p);
    return Number.isFinite(v) ? v : null;
  };
  const point = (req.center ?? loss.init ?? new Array<number>(d).fill(0)).slice();
  // Points the budget affords, from the time of one evaluation (at least 1 µs: timer resolution).
  const affordable = (wanted: number) => {
    if (req.budgetMs === undefined) return wanted;
    // The fastest of a few evaluations: the first pays for compiling the learner's code.
    let each = Infinity;
    for (let k = 0; k < 4; k++) {
      const started = performance.now();
      safe(point);
      each = Math.min(each, performance.now() - started);
    }
    each = Math.max(1e-3, each);
    return Math.min(wanted, Math.max(MIN_GRID * MIN_GRID, Math.floor(req.budgetMs / each)));
  };
  if (d === 1) {
    const x = linspace(bound(0), Math.min(req.grid ?? 200, affordable(req.grid ?? 200)));
    return { kind: '1d', x, z: x.map((w) => safe([w])) };
  }
  const wanted = req.grid ?? 80;
  const n = Math.min(wanted, Math.floor(Math.sqrt(affordable(wanted * wanted))));
  const x = linspace(bound(0), n);
  const y = linspace(bound(1), n);
  // Row j is y[j], column i is x[i] (the layout d3-contour expects, flattened row by row).
  const z = y.map((yj) =>
    x.map((xi) => {
      point[0] = xi;
      point[1] = yj;
      return safe(point);
    }),
  );
  return { kind: '2d', x, y, z, axes: [0, 1] };
}
