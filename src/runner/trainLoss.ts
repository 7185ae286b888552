/**
 * Trains a compiled loss file: resolves the run's options (defaults ← file `config` ← caller),
 * builds the optimizer, adapts the compiled loss to the loop's Objective and runs the loop.
 * The result is the CLI's JSON shape (docs/cli-contract.md): params, losses, and stoppedAt/reason
 * when the run ended before its last step.
 */
import { runLoop, type Objective, type ProgressEvent, type StopReason } from '../engine/train';
import { randomStart, resolveOptions, type ResolvedOptions, type TrainOptions } from '../engine/trainOptions';
import { lastUsage } from '../engine/nn/usage';
import { createOptimizer } from '../engine/optim';
import { trainTestSplit } from '../engine/trainTestSplit';
import type { CompiledLoss } from './compile';
import { seedLearnerRandom } from './learnerMath';

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
  /**
   * With `testSplit`: the held-out samples' loss along the run (at most ~500 points, always the
   * last step), and the sizes of both sides. `losses` above is then the training loss only.
   */
  test?: { trainSize: number; testSize: number; steps: number[]; losses: number[] };
}

/** A progress event; `testLoss` is set on the steps where the held-out loss was measured. */
export type TrainProgress = ProgressEvent & { testLoss?: number };

/** The held-out loss is measured on about this many steps of a run (every step of a short one). */
const TEST_POINTS = 500;

/** During a run, the built-ins are compared at most this share of its time (learnerBuiltins.ts). */
const BUILTIN_CHECK_SHARE = 0.005;
/** The clock is read every this many steps to decide whether a comparison is due. */
const BUILTIN_CHECK_STRIDE = 64;

/**
 * Compares the built-ins (CompiledLoss.checkBuiltins, which throws builtinPatched) during a run,
 * so that a long run whose loss changes `Object.prototype` or `Array.prototype.map` stops within
 * about 20 ms, not at its end: whenever the steps since the last comparison took
 * 1/BUILTIN_CHECK_SHARE times as long as that comparison did, so the comparisons cost that share
 * of the run by construction (one takes ~0.1 ms; the clock, read every 64 steps, ~50 ns, adds
 * < 0.2% to the fastest steps, ~0.5 µs). Measured on a 300,000-step quadratic: 0.4% in all.
 */
function builtinWatch(loss: CompiledLoss): () => void {
  const check = loss.checkBuiltins?.bind(loss);
  if (!check) return () => {};
  let steps = 0;
  let last = performance.now();
  /** What the last comparison took (ms); before the first, a typical figure. */
  let cost = 0.1;
  return () => {
    if (++steps < BUILTIN_CHECK_STRIDE) return;
    steps = 0;
    const now = performance.now();
    if (now - last < cost / BUILTIN_CHECK_SHARE) return;
    check();
    last = performance.now();
    cost = last - now;
  };
}

export interface TrainHooks {
  onProgress?: (e: TrainProgress) => void;
  isCancelled?: () => boolean;
  deadline?: number;
  /** Told the two sides once, before the first step, when the run holds out a test set. */
  onSplit?: (split: { train: readonly unknown[]; test: readonly unknown[] }) => void;
  /**
   * Told once, before the first step, what will run (defaults ← file config ← caller), so the
   * labels of a run name its own settings from its first point on.
   */
  onOptions?: (options: ResolvedOptions) => void;
}

export function objectiveOf(loss: CompiledLoss): Objective {
  return {
    dimension: loss.dimension,
    // The compiled loss already returns a fresh gradient array: no second copy on the hot path.
    valueAndGrad: (p, batch) => loss.valueAndGrad(p, batch),
    hessian: (p) => Float64Array.from(loss.hessian(p).flat()),
  };
}

/**
 * The start a re-roll draws (TrainOptions.initSeed): the file's nn network initialised with that
 * seed, as `model.init(seed)` in the file would, else a seeded point inside the plotting window.
 * compileLoss has evaluated the loss once, so the network the file uses is known.
 */
export function rerolledStart(loss: CompiledLoss, seed: number): number[] {
  const { model } = lastUsage();
  if (model && model.parameterCount === loss.dimension) return model.init(seed);
  return randomStart(loss.dimension, loss.bounds, seed);
}

export function trainLoss(loss: CompiledLoss, caller: TrainOptions, hooks: TrainHooks = {}): RunResult {
  // A built-in changed by learner code since the compile (say, `Object.prototype.learningRate`
  // set by a later evaluation) must not reach this run's options: refused before they are read.
  loss.checkBuiltins?.();
  // An explicit start wins over a re-roll; a re-roll wins over the file's init.
  const rerolled = caller.initSeed !== undefined && caller.init === undefined ? { init: rerolledStart(loss, caller.initSeed) } : {};
  const options = resolveOptions(
    { dimension: loss.dimension, init: loss.init, bounds: loss.bounds, dataLength: loss.data?.length },
    (loss.config ?? {}) as TrainOptions,
    { ...caller, ...rerolled },
  );
  // A start of another length: said as the learner error it is, before the loop's own check.
  loss.checkPoint?.(options.init);
  const optimizer = createOptimizer(options.optimizer, options);
  hooks.onOptions?.(options);
  const split = loss.data && options.testSplit ? trainTestSplit(loss.data, options.testSplit, options.seed) : undefined;
  const held = split?.test.length ? split : undefined;
  const test = held && { trainSize: held.train.length, testSize: held.test.length, steps: [] as number[], losses: [] as number[] };
  if (held) hooks.onSplit?.(held);
  const every = Math.max(1, Math.ceil(options.steps / TEST_POINTS));
  // The held-out loss: a value only (no tape), on samples the optimizer never sees.
  const measureTest = (step: number, params: ArrayLike<number>) => {
    if (!held || !test || test.steps[test.steps.length - 1] === step) return undefined;
    const v = loss.value(params, held.test);
    test.steps.push(step);
    test.losses.push(v);
    return v;
  };
  // Math.random in the learner's code starts from the run's seed here, after everything that ran
  // before the first step (surface sampling is timed): the same seed, the same trajectory.
  seedLearnerRandom(options.seed);
  const watchBuiltins = builtinWatch(loss);
  const r = runLoop(objectiveOf(loss), {
    optimizer,
    init: Float64Array.from(options.init),
    steps: options.steps,
    data: held ? held.train : loss.data,
    batchSize: options.batchSize,
    seed: options.seed,
    tolerance: options.tolerance,
    onProgress: (e) => {
      watchBuiltins();
      if (held && (e.step % every === 0 || e.step === options.steps || !Number.isFinite(e.loss)))
        (e as TrainProgress).testLoss = measureTest(e.step, e.params);
      hooks.onProgress?.(e);
    },
    isCancelled: hooks.isCancelled,
    deadline: hooks.deadline,
  });
  const result: RunResult = { params: r.params, losses: r.losses, gradNorms: r.gradNorms, options };
  if (test) {
    // A run that stopped between two measurements still ends with the held-out loss where it stopped.
    measureTest(r.lastStep, r.params[r.params.length - 1]);
    result.test = test;
  }
  if (r.reason !== 'completed') {
    result.stoppedAt = r.lastStep;
    result.reason = r.reason;
  }
  if (r.steps.some((s, i) => s !== i)) result.steps = r.steps;
  // And once at the end: no result from a run during which a built-in changed (the error instead).
  loss.checkBuiltins?.();
  return result;
}
