/**
 * What a run is asked to do, merged from three places (later wins): the defaults (docs/cli-contract.md),
 * the loss file's `config` export, and the caller (CLI flags, the panel's controls).
 *
 * Defaults: plain gradient descent (SGD without momentum: docs/concepts.md, gradient descent), learning rate 0.1,
 * up to 1,000 steps, start at `init` or a seeded random point inside `bounds` (default [−5, 5] per
 * parameter). Stopping early on convergence is opt-in through `tolerance`, and the default for a
 * trained file whose run length nobody gave (withDefaultStop).
 */
import { mulberry32, uniform } from './random';

/** Hyper-parameter names follow PyTorch's torch.optim (camelCase here, snake_case there). */
export interface OptimizerSettings {
  optimizer: string;
  learningRate: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  beta1?: number;
  beta2?: number;
  eps?: number;
  alpha?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  centered?: boolean;
  lrDecay?: number;
  initialAccumulatorValue?: number;
  /** L-BFGS only: 'strong_wolfe' as torch's line_search_fn. */
  lineSearch?: 'strong_wolfe';
  /**
   * Newton only: λ of the step (H + λI)⁻¹∇L. Not given: Newton's safeguard (λ = 0 where H is
   * positive definite, otherwise a Levenberg–Marquardt shift; see optim/newton.ts). 0: the plain
   * Newton step H⁻¹∇L even where H is not positive definite (it may walk to a maximum or a
   * saddle). λ > 0: always H + λI.
   */
  damping?: number;
}

export interface TrainOptions extends Partial<OptimizerSettings> {
  steps?: number;
  epochs?: number;
  batchSize?: number;
  tolerance?: number;
  seed?: number;
  init?: number[];
  /**
   * Fraction of `data` held out as a test set (0 ≤ f < 1, seeded by `seed`): training sees only
   * the rest, and the loss on the held-out samples is measured along the way (trainLoss.ts).
   */
  testSplit?: number;
  /**
   * A fresh random start from this seed instead of the file's `init` (the panel's re-roll button):
   * a `gdtutor` nn network draws its weights with `model.init(initSeed)`, any other loss a seeded
   * point inside `bounds`. Not a config key: a file that wants a seed writes `model.init(seed)`.
   */
  initSeed?: number;
}

export interface ResolvedOptions extends OptimizerSettings {
  steps: number;
  batchSize?: number;
  tolerance?: number;
  seed: number;
  init: number[];
  testSplit?: number;
  initSeed?: number;
}

export const DEFAULTS = { optimizer: 'sgd', learningRate: 0.1, steps: 1000, seed: 0, bound: 5 } as const;

/**
 * When nobody fixed the length of a run (no steps or epochs from the caller or the file's config,
 * and no tolerance), a trained file stops once it has converged: ‖∇L‖ or |ΔL| below this
 * (train.ts), within DEFAULTS.steps. An explicit step count still runs exactly that many steps.
 */
export const DEFAULT_TOLERANCE = 1e-8;

/** The caller's options with the default convergence stop added where no run length was given (docs/cli-contract.md). */
export function withDefaultStop(caller: TrainOptions, config: TrainOptions = {}): TrainOptions {
  const given = (o: TrainOptions) => o.steps !== undefined || o.epochs !== undefined || o.tolerance !== undefined;
  return given(caller) || given(config) ? caller : { ...caller, tolerance: DEFAULT_TOLERANCE };
}

/** Keys a file's `config` may set (anything else is reported by the runner, not silently ignored). */
export const CONFIG_KEYS: ReadonlyArray<keyof TrainOptions> = [
  'optimizer',
  'learningRate',
  'momentum',
  'dampening',
  'nesterov',
  'beta1',
  'beta2',
  'eps',
  'alpha',
  'weightDecay',
  'amsgrad',
  'centered',
  'lrDecay',
  'initialAccumulatorValue',
  'lineSearch',
  'damping',
  'steps',
  'epochs',
  'batchSize',
  'tolerance',
  'seed',
  'init',
  'testSplit',
];

export interface FileFacts {
  dimension: number;
  init?: number[];
  bounds?: Array<[number, number]>;
  /** Number of samples of the file's `data`, if any. */
  dataLength?: number;
}

export function resolveOptions(file: FileFacts, config: TrainOptions = {}, caller: TrainOptions = {}): ResolvedOptions {
  const merged: TrainOptions = { ...stripUndefined(config), ...stripUndefined(caller) };
  const seed = merged.seed ?? DEFAULTS.seed;
  const batchSize = merged.batchSize;
  let steps = merged.steps ?? DEFAULTS.steps;
  // epochs × batches per epoch, when the caller counts in passes over the data.
  if (merged.epochs !== undefined && file.dataLength !== undefined && merged.steps === undefined) {
    steps = merged.epochs * Math.ceil(file.dataLength / (batchSize ?? file.dataLength));
  }
  const init = merged.init ?? file.init ?? randomStart(file.dimension, file.bounds, seed);
  const { epochs: _epochs, ...rest } = merged;
  return {
    ...rest,
    optimizer: merged.optimizer ?? DEFAULTS.optimizer,
    learningRate: merged.learningRate ?? DEFAULTS.learningRate,
    steps,
    seed,
    init,
    batchSize,
  };
}

/** A seeded uniform point inside the plotting window (default [−5, 5] per parameter). */
export function randomStart(dimension: number, bounds: Array<[number, number]> | undefined, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: dimension }, (_, i) => {
    const [lo, hi] = bounds?.[i] ?? [-DEFAULTS.bound, DEFAULTS.bound];
    return uniform(random, lo, hi);
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
