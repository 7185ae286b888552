/**
 * What the worker adds to a finished run for its diagnosis (diagnosis.ts): the exact Hessian at
 * the end point, the largest stable learning rate after a divergence, and — for small problems
 * that converged — whether a few random restarts find a lower minimum. Each extra is skipped
 * where it would cost more than the run itself (many parameters).
 */
import type { CompiledLoss } from '../runner/compile';
import type { RunResult } from '../runner/trainLoss';
import type { TrainOptions } from '../engine/trainOptions';
import { diagnose, type Finding } from './diagnosis';
import { largestStableLearningRate as searchStableRate } from './learningRateSweep';
import { randomRestarts } from './restarts';

/** Exact Hessians are O(n²) hyper-dual passes: fine up to a few dozen parameters. */
const MAX_HESSIAN_DIMENSION = 16;
/** Restarts are extra whole runs: only for the small surfaces the views draw. */
const MAX_RESTART_DIMENSION = 3;

export function diagnoseRun(loss: CompiledLoss, run: RunResult, caller: TrainOptions = {}): Finding[] {
  try {
    const end = run.params[run.params.length - 1];
    const finite = end.every(Number.isFinite);
    const hessianAtEnd = finite && loss.dimension <= MAX_HESSIAN_DIMENSION && !loss.data ? loss.hessian(end) : undefined;
    const diverged = run.reason === 'diverged' || !Number.isFinite(run.losses[run.losses.length - 1]) || run.losses[run.losses.length - 1] > run.losses[0];
    const options = { ...caller, optimizer: run.options.optimizer, init: run.options.init, seed: run.options.seed };
    const largestStableLearningRate = diverged && loss.dimension <= MAX_HESSIAN_DIMENSION ? searchStableRate(loss, run.options.learningRate, options) : undefined;
    let betterMinimum: { point: number[]; loss: number } | undefined;
    if (!diverged && loss.dimension <= MAX_RESTART_DIMENSION && !loss.data) {
      const r = randomRestarts(loss, { count: 8, seed: run.options.seed + 1, options: { ...options, learningRate: run.options.learningRate, steps: run.options.steps } });
      if (r.basins.length) betterMinimum = { point: r.basins[0].point, loss: r.basins[0].loss };
    }
    return diagnose({ run, hessianAtEnd, largestStableLearningRate, betterMinimum });
  } catch {
    // A diagnosis is advice: a loss that throws somewhere else must not turn a finished run into an error.
    return [];
  }
}
