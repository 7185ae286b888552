/**
 * Local minima and random restarts (docs/concepts.md: local minimum; random restarts keeping the best run): the same training run from N seeded random
 * starts inside the file's bounds; where each one ended, grouped into basins (end points closer
 * than a tolerance are the same minimum), and the best basin. For two parameters, a basin map:
 * one run from the centre of every grid cell, each cell coloured by the basin it reached.
 */
import type { CompiledLoss } from '../runner/compile';
import { trainLoss, type RunResult } from '../runner/trainLoss';
import { parameterBound } from '../runner/surface';
import type { TrainOptions } from '../engine/trainOptions';
import { mulberry32, uniform } from '../engine/random';

export interface RestartRun {
  start: number[];
  end: number[];
  finalLoss: number | null;
  /** Index into `basins`, or −1 when the run diverged (no minimum reached). */
  basin: number;
  /** The path and its losses (decimated by the training loop for long runs). */
  path: number[][];
  losses: number[];
}

export interface Basin {
  /** Mean end point of the runs (and basin-map cells) that ended in it. */
  point: number[];
  loss: number;
  runs: number;
}

export interface RestartsResult {
  /** What every run used (after defaults and the file's config), start point aside. */
  options?: RunResult['options'];
  runs: RestartRun[];
  /** Basins in order of their loss (lowest first); basins[0] is the best. */
  basins: Basin[];
  /** For 2-D: grid of starts (x by column, y by row) and the basin index each reached (−1: none). */
  map?: { x: number[]; y: number[]; basin: number[][] };
}

export interface RestartsRequest {
  count?: number;
  seed?: number;
  options?: TrainOptions;
  /** End points closer than this (Euclidean, in parameter units) are one basin. */
  tolerance?: number;
  /** Cells per side of the 2-D basin map (0: no map). */
  mapGrid?: number;
  isCancelled?: () => boolean;
}

function boundsOf(loss: CompiledLoss): Array<[number, number]> {
  return Array.from({ length: loss.dimension }, (_, i) => parameterBound(loss, i));
}

/** Assigns an end point to a basin (by distance), creating one when none is close enough. */
class BasinSet {
  readonly sums: number[][] = [];
  readonly counts: number[] = [];
  readonly losses: number[] = [];
  constructor(private readonly tolerance: number) {}

  assign(end: number[], finalLoss: number): number {
    for (let b = 0; b < this.sums.length; b++) {
      const centre = this.sums[b].map((s) => s / this.counts[b]);
      if (Math.hypot(...centre.map((c, i) => c - end[i])) <= this.tolerance) {
        this.sums[b] = this.sums[b].map((s, i) => s + end[i]);
        this.counts[b]++;
        this.losses[b] = Math.min(this.losses[b], finalLoss);
        return b;
      }
    }
    this.sums.push(end.slice());
    this.counts.push(1);
    this.losses.push(finalLoss);
    return this.sums.length - 1;
  }
}

export function randomRestarts(loss: CompiledLoss, req: RestartsRequest = {}): RestartsResult {
  const bounds = boundsOf(loss);
  const span = Math.max(...bounds.map(([lo, hi]) => hi - lo));
  const set = new BasinSet(req.tolerance ?? 1e-2 * span);
  const random = mulberry32(req.seed ?? 0);
  const one = (start: number[]) => {
    const r = trainLoss(loss, { ...req.options, init: start }, { isCancelled: req.isCancelled });
    const end = r.params[r.params.length - 1];
    const last = r.losses[r.losses.length - 1];
    const ok = Number.isFinite(last) && end.every(Number.isFinite);
    return { r, end, last, basin: ok ? set.assign(end, last) : -1 };
  };
  const runs: RestartRun[] = [];
  let options: RunResult['options'] | undefined;
  for (let k = 0; k < (req.count ?? 16); k++) {
    if (req.isCancelled?.()) break;
    const start = bounds.map(([lo, hi]) => uniform(random, lo, hi));
    const { r, end, last, basin } = one(start);
    options ??= r.options;
    runs.push({ start, end, finalLoss: Number.isFinite(last) ? last : null, basin, path: r.params, losses: r.losses });
  }
  let map: RestartsResult['map'];
  const g = req.mapGrid ?? 0;
  if (loss.dimension === 2 && g > 0) {
    const centres = (lo: number, hi: number) => Array.from({ length: g }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / g);
    const x = centres(...bounds[0]);
    const y = centres(...bounds[1]);
    const basin = y.map((yj) => x.map((xi) => (req.isCancelled?.() ? -1 : one([xi, yj]).basin)));
    map = { x, y, basin };
  }
  // Order basins by loss and renumber every reference.
  const order = set.losses.map((l, b) => b).sort((a, b) => set.losses[a] - set.losses[b]);
  const renumber = new Map(order.map((b, i) => [b, i]));
  const basins: Basin[] = order.map((b) => ({
    point: set.sums[b].map((s) => s / set.counts[b]),
    loss: set.losses[b],
    runs: set.counts[b],
  }));
  for (const run of runs) run.basin = run.basin < 0 ? -1 : (renumber.get(run.basin) as number);
  if (map) map.basin = map.basin.map((row) => row.map((b) => (b < 0 ? -1 : (renumber.get(b) as number))));
  return { options, runs, basins, map };
}
