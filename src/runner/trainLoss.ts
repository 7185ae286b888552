/**
 * Trains a compiled loss file: resolves the run's options (defaults ← file `config` ← caller),
 * builds the optimizer, adapts the compiled loss to the loop's Objective and runs the loop.
 * The result is the CLI's JSON shape (DESIGN.md): params, losses, and stoppedAt/reason when the
 * run ended before its last step.
 */
import { runLoop, type Objective, type ProgressEvent, type StopReason } from '../engine/train';
import { resolveOptions, type ResolvedOptions, type TrainOptions } from '../engine/trainOptions';
import { createOptimizer } from '../engine/optim';
import type { CompiledLoss } from './compile';

export interface RunResult {
  params: number[][];
  losses: number[];
  gradNorms: number[];
  stoppedAt?: number;
  reason?: StopReason;
  /** Present only when a very long run's history was thinned: the step of each row. */
  steps?: number[];
  /** What actually ran (after defaults and the file's config). */
  options: Omit<ResolvedOptions, 'init'> & { init: number[] };
}

export interface TrainHooks {
  onProgress?: (e: ProgressEvent) => void;
  isCancelled?: () => boolean;
  deadline?: number;
}

export function objectiveOf(loss: CompiledLoss): Objective {
  return {
    dimension: loss.dimension,
    // The compiled loss already returns a fresh gradient array: no second copy on the hot path.
    valueAndGrad: (p, batch) => loss.valueAndGrad(p, batch),
    hessian: (p) => Float64Array.from(loss.hessian(p).flat()),
  };
}

export function trainLoss(loss: CompiledLoss, caller: TrainOptions, hooks: TrainHooks = {}): RunResult {
  const options = resolveOptions(
    { dimension: loss.dimension, init: loss.init, bounds: loss.bounds, dataLength: loss.data?.length },
    (loss.config ?? {}) as TrainOptions,
    caller,
  );
  const optimizer = createOptimizer(options.optimizer, options);
  const r = runLoop(objectiveOf(loss), {
    optimizer,
    init: Float64Array.from(options.init),
    steps: options.steps,
    data: loss.data,
    batchSize: options.batchSize,
    seed: options.seed,
    tolerance: options.tolerance,
    onProgress: hooks.onProgress,
    isCancelled: hooks.isCancelled,
    deadline: hooks.deadline,
  });
  const result: RunResult = { params: r.params, losses: r.losses, gradNorms: r.gradNorms, options };
  if (r.reason !== 'completed') {
    result.stoppedAt = r.lastStep;
    result.reason = r.reason;
  }
  if (r.steps.some((s, i) => s !== i)) result.steps = r.steps;
  return result;
}
