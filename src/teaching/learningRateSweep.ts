/**
 * Learning-rate sweep (docs/concepts.md: learning rate: too large diverges, too small crawls): the same run — same
 * start, optimizer and number of steps — repeated over a log-spaced grid of learning rates.
 *
 * Each rate ends as one of:
 *   diverged    the loss became non-finite, or ended above where it started (it grew)
 *   stalled     it ended where it started, within rounding (e.g. η = 1 on (w − 3)²: every step
 *               jumps to the mirror point, the loss never changes)
 *   decreased   it ended lower
 * and the boundary is bracketed by the largest rate that did not diverge and the smallest that
 * did: for L = (w − 3)² under SGD the error is multiplied by (1 − 2η) each step, so the bracket
 * holds η = 1.
 */
import type { CompiledLoss } from '../runner/compile';
import { trainLoss, type RunResult } from '../runner/trainLoss';
import type { TrainOptions } from '../engine/trainOptions';
import { stabilityRule, type StabilityRule } from './stabilityRule';

export type SweepOutcome = 'decreased' | 'stalled' | 'diverged';

export interface SweepPoint {
  learningRate: number;
  outcome: SweepOutcome;
  /** Loss after the last step (null when it was not finite). */
  finalLoss: number | null;
  /** Step at which the loss first became non-finite, when it did. */
  divergedAt?: number;
  startLoss: number;
}

export interface SweepResult {
  points: SweepPoint[];
  /** Largest learning rate that did not diverge and smallest one that did (either may be absent). */
  boundary: { stable?: number; diverged?: number };
  /** The rate with the lowest final loss among those that did not diverge. */
  best?: number;
  options: RunResult['options'];
  /** η < 2/λ_max from the Hessian at the start (and where the best run ended): the predicted boundary. */
  stability?: StabilityRule;
}

export interface SweepRequest {
  /** Smallest and largest learning rate of the grid. */
  from?: number;
  to?: number;
  /** Number of learning rates (log-spaced, both ends included). */
  count?: number;
  /** Base options of every run (optimizer, steps, init …); the learning rate is the sweep's. */
  options?: TrainOptions;
  isCancelled?: () => boolean;
}

/** `count` log-spaced values from `from` to `to`, both included. */
export function logSpace(from: number, to: number, count: number): number[] {
  if (!(from > 0 && to > from && count >= 2)) throw new RangeError('logSpace needs 0 < from < to and count ≥ 2');
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}

/** Relative slack below which a final loss counts as "where it started" (rounding, not change). */
const SAME = 1e-9;

export function classify(startLoss: number, finalLoss: number): SweepOutcome {
  if (!Number.isFinite(finalLoss)) return 'diverged';
  const slack = SAME * Math.max(1, Math.abs(startLoss));
  if (finalLoss > startLoss + slack) return 'diverged';
  if (finalLoss >= startLoss - slack) return 'stalled';
  return 'decreased';
}

export function learningRateSweep(loss: CompiledLoss, req: SweepRequest = {}): SweepResult {
  const rates = logSpace(req.from ?? 1e-3, req.to ?? 10, req.count ?? 25);
  const points: SweepPoint[] = [];
  let options: RunResult['options'] | undefined;
  let bestEnd: { loss: number; params: number[] } | undefined;
  for (const learningRate of rates) {
    if (req.isCancelled?.()) break;
    const r = trainLoss(loss, { ...req.options, learningRate, tolerance: undefined }, { isCancelled: req.isCancelled });
    options ??= r.options;
    const startLoss = r.losses[0];
    const last = r.losses[r.losses.length - 1];
    const point: SweepPoint = {
      learningRate,
      outcome: classify(startLoss, last),
      finalLoss: Number.isFinite(last) ? last : null,
      startLoss,
    };
    if (r.reason === 'diverged') point.divergedAt = r.stoppedAt;
    if (point.outcome === 'decreased' && (bestEnd === undefined || last < bestEnd.loss))
      bestEnd = { loss: last, params: r.params[r.params.length - 1] };
    points.push(point);
  }
  const stable = points.filter((p) => p.outcome !== 'diverged');
  const diverged = points.filter((p) => p.outcome === 'diverged');
  const boundary: SweepResult['boundary'] = {};
  if (stable.length) boundary.stable = Math.max(...stable.map((p) => p.learningRate));
  const above = diverged.filter((p) => boundary.stable === undefined || p.learningRate > (boundary.stable as number));
  if (above.length) boundary.diverged = Math.min(...above.map((p) => p.learningRate));
  const decreased = points.filter((p) => p.outcome === 'decreased');
  const best = decreased.length
    ? decreased.reduce((a, b) => ((b.finalLoss as number) < (a.finalLoss as number) ? b : a)).learningRate
    : undefined;
  const result: SweepResult = { points, boundary, best, options: options as RunResult['options'] };
  if (options && !req.isCancelled?.()) {
    const stability = stabilityRule(loss, options.init, bestEnd?.params, { name: options.optimizer, momentum: options.momentum });
    if (stability) result.stability = stability;
  }
  return result;
}

/**
 * The largest learning rate (to a factor of `precision`) at which the run does not diverge, by
 * bisection in log space below a rate that did — for the diagnosis after a diverged run.
 */
export function largestStableLearningRate(
  loss: CompiledLoss,
  diverging: number,
  options: TrainOptions = {},
  precision = 1.01,
): number | undefined {
  const steps = Math.min(options.steps ?? 100, 100);
  const diverges = (learningRate: number) => {
    const r = trainLoss(loss, { ...options, steps, learningRate, tolerance: undefined });
    return classify(r.losses[0], r.losses[r.losses.length - 1]) === 'diverged';
  };
  let lo = diverging / 1e4;
  if (diverges(lo)) return undefined;
  let hi = diverging;
  while (hi / lo > precision) {
    const mid = Math.sqrt(lo * hi);
    if (diverges(mid)) hi = mid;
    else lo = mid;
  }
  return lo;
}
