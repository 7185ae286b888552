/**
 * The training loop: evaluate → record → check → update, the "forward → loss → backward →
 * update" cycle (docs/concepts.md: the training loop) for any objective the engine can differentiate.
 *
 *   for k = 0, 1, …, steps:
 *     (L_k, g_k) = valueAndGrad(θ_k, batch_k)          one forward + one backward pass
 *     record θ_k, L_k, ‖g_k‖                            row k of the history
 *     stop if L_k is not finite ("diverged"), k = steps ("completed"),
 *          |L_k − L_{k−1}| < tol or ‖g_k‖ < tol ("converged", only with a tolerance),
 *          cancel requested ("cancelled") or past the deadline ("timeout")
 *     θ_{k+1} = optimizer.step(θ_k, g_k)               PyTorch's optimizer.step()
 *
 * So `params` has one row per evaluated point, `steps + 1` rows for a full run, and `losses[k]` is
 * the loss at `params[k]` (docs/cli-contract.md). With `data`, each step sees the next
 * mini-batch of a seeded shuffle, so `losses[k]` is that batch's loss: the noisy curve of SGD.
 */
import type { Evaluation, Optimizer } from './optim/types';
import { MiniBatches } from './miniBatches';
import { History } from './history';

export type StopReason = 'completed' | 'converged' | 'diverged' | 'cancelled' | 'timeout';

/** What the loop needs from a loss: its size, value and exact gradient, and (optionally) Hessian. */
export interface Objective {
  readonly dimension: number;
  valueAndGrad(params: Float64Array, batch?: readonly unknown[]): Evaluation;
  hessian?(params: Float64Array, batch?: readonly unknown[]): Float64Array;
}

export interface ProgressEvent {
  step: number;
  loss: number;
  params: Float64Array;
  gradient: Float64Array;
  gradNorm: number;
  /**
   * The optimizer's state going into this step's update (momentum buffer, Adam's moments …, by
   * torch's names): a copy, made only when called — the timeline asks for it on small problems.
   */
  optimizerState: () => Record<string, number | number[]>;
}

export interface LoopOptions {
  optimizer: Optimizer;
  /** Start point θ₀ (copied; never modified). */
  init: Float64Array;
  /** Number of optimizer steps at most: the history has steps + 1 rows for a full run. */
  steps: number;
  /** Samples for mini-batches; without it the objective sees no batch (full loss). */
  data?: readonly unknown[];
  /** Mini-batch size (default: all of `data`, i.e. full-batch gradient descent). */
  batchSize?: number;
  /** Seed of the mini-batch shuffle. */
  seed?: number;
  /** Opt-in convergence test: stop when |ΔL| < tolerance or ‖∇L‖ < tolerance. */
  tolerance?: number;
  /** Called after every evaluated point (the caller throttles what it forwards). */
  onProgress?: (e: ProgressEvent) => void;
  /** Polled once per step; true stops the run with reason "cancelled". */
  isCancelled?: () => boolean;
  /** Wall-clock deadline (ms since epoch, as Date.now()); past it the run stops with "timeout". */
  deadline?: number;
  /** Most history rows kept in memory; longer runs are decimated (see History). */
  maxHistory?: number;
}

export interface LoopResult {
  /** θ_k rows; after decimation only every `stride`-th row (plus the last) is kept. */
  params: number[][];
  losses: number[];
  gradNorms: number[];
  /** Step index of each row (equal to the row index unless the history was decimated). */
  steps: number[];
  /** The last step evaluated. */
  lastStep: number;
  reason: StopReason;
}

export function gradientNorm(g: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

export function runLoop(objective: Objective, o: LoopOptions): LoopResult {
  if (o.init.length !== objective.dimension) {
    throw new RangeError(`init has ${o.init.length} values but the loss has ${objective.dimension} parameters`);
  }
  const params = Float64Array.from(o.init);
  const history = new History(objective.dimension, o.maxHistory);
  const batches = o.data ? new MiniBatches(o.data, o.batchSize ?? o.data.length, o.seed ?? 0) : undefined;
  const hessian = objective.hessian?.bind(objective);
  let previousLoss = Number.NaN;
  let reason: StopReason = 'completed';
  let k = 0;
  for (; ; k++) {
    const batch = batches?.next();
    const { value, gradient } = objective.valueAndGrad(params, batch);
    const gradNorm = gradientNorm(gradient);
    history.push(k, params, value, gradNorm);
    o.onProgress?.({ step: k, loss: value, params, gradient, gradNorm, optimizerState: () => o.optimizer.state() });

    if (!Number.isFinite(value)) {
      reason = 'diverged';
      break;
    }
    if (k >= o.steps) break;
    if (o.tolerance !== undefined && (gradNorm < o.tolerance || Math.abs(value - previousLoss) < o.tolerance)) {
      reason = 'converged';
      break;
    }
    if (o.isCancelled?.()) {
      reason = 'cancelled';
      break;
    }
    if (o.deadline !== undefined && Date.now() > o.deadline) {
      reason = 'timeout';
      break;
    }
    previousLoss = value;
    o.optimizer.step(params, {
      value,
      gradient,
      // The same batch for re-evaluations (L-BFGS, line searches): one step sees one objective.
      evaluate: (p) => objective.valueAndGrad(p, batch),
      hessian: hessian && ((p) => hessian(p, batch)),
    });
  }
  return { ...history.toArrays(), lastStep: k, reason };
}
