/**
 * The engine as a library (`dist/api.js`, CommonJS, no `vscode`): what the worker, the CLI, the
 * tests and the benchmarks all go through.
 *
 *   const { compileLoss } = require('gradient-descent-tutor/dist/api.js');
 *   const f = compileLoss('export function loss(w: number) { return (w - 3) ** 2 }');
 *   f.valueAndGrad([1]);            // { value: 4, gradient: Float64Array [-4] }
 *   f.train({ optimizer: 'adam', learningRate: 0.1, steps: 100 });   // the CLI's JSON shape
 *
 * This runs learner code in the calling thread: hosts that must survive an infinite loop use
 * `runIsolated` (a worker with limits), as the extension and the CLI do. It also shares the
 * caller's built-ins (Object.prototype, Array.prototype …) with the learner's code, so it compares
 * them with how they were when this module loaded and puts them back (runner/learnerBuiltins.ts):
 * a host that changes a built-in after loading it sees the change undone at the next compile.
 */
import { compileLoss as compile, type CompiledLoss } from './runner/compile';
import { LearnerError } from './runner/learnerErrors';
import { trainLoss, type RunResult, type TrainHooks } from './runner/trainLoss';
import { sampleSurface, type Surface, type SurfaceRequest } from './runner/surface';
import { withDefaultStop, type TrainOptions } from './engine/trainOptions';

export interface LossApi {
  readonly dimension: number;
  readonly paramNames: string[];
  readonly init?: number[];
  readonly bounds?: Array<[number, number]>;
  /**
   * Value and exact gradient. `params`: a `number[]` or a `Float64Array`; the gradient is a fresh
   * `Float64Array` (the engine's own, not copied again), so a call allocates nothing else.
   */
  valueAndGrad(params: ArrayLike<number>, batch?: readonly unknown[]): { value: number; gradient: Float64Array };
  value(params: ArrayLike<number>, batch?: readonly unknown[]): number;
  hessian(params: ArrayLike<number>): number[][];
  train(options?: TrainOptions, hooks?: TrainHooks): RunResult;
  surface(request?: SurfaceRequest): Surface;
  /** The compiled loss itself, for engine-level callers. */
  readonly compiled: CompiledLoss;
}

/**
 * An array-parameter loss that declares no size (no init, bounds or fixed signature) is sized by
 * the first point it is given — `valueAndGrad(tenNumbers)`, `train({ init })` — as the CLI's
 * `--at` / `--init` size it; until then `dimension` is NaN. Every other loss is compiled at once.
 */
export function compileLoss(source: string, fileName = 'loss.ts'): LossApi {
  let loss: CompiledLoss | undefined;
  let sizeless = false;
  try {
    loss = compile(source, fileName);
    // An untyped `loss(p)` was only guessed to take one number: a longer point sizes it.
    sizeless = loss.sizedBy === 'guess';
  } catch (e) {
    if (!(e instanceof LearnerError && e.code === 'unknownShape')) throw e;
    sizeless = true;
  }
  /** The compiled loss for a point of this length (a sizeless loss is compiled again for a new length). */
  const at = (length: number | undefined): CompiledLoss => {
    if (loss && (!sizeless || length === undefined || loss.dimension === length)) return loss;
    loss = compile(source, fileName, {}, { pointLength: length });
    return loss;
  };
  return {
    get dimension() {
      return loss?.dimension ?? NaN;
    },
    get paramNames() {
      return loss?.paramNames ?? [];
    },
    get init() {
      return loss?.init;
    },
    get bounds() {
      return loss?.bounds;
    },
    // A loss with a size of its own is called directly: the public entry is as fast as the engine.
    valueAndGrad: sizeless
      ? (params, batch) => at(params.length).valueAndGrad(params, batch)
      : (params, batch) => (loss as CompiledLoss).valueAndGrad(params, batch),
    value: sizeless
      ? (params, batch) => at(params.length).value(params, batch)
      : (params, batch) => (loss as CompiledLoss).value(params, batch),
    hessian: (params) => at(params.length).hessian(params),
    // No run length from the caller or the file: stop at convergence, as the CLI and the editor do.
    train: (options = {}, hooks = {}) => {
      const compiled = at(options.init?.length);
      return trainLoss(compiled, withDefaultStop(options, (compiled.config ?? {}) as TrainOptions), hooks);
    },
    surface: (request) => sampleSurface(at(request?.center?.length), request),
    get compiled() {
      return at(undefined);
    },
  };
}

export { runIsolated } from './worker/isolatedRun';
export type { RunResult, TrainOptions, Surface };
