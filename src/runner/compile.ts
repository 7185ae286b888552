/**
 * A learner's loss file → a differentiable function with exact gradients.
 *
 * compileLoss loads the module (moduleLoader.ts: transform + CommonJS + relative imports),
 * validates its exports (exportChecks.ts), works out the parameter shape, and evaluates the loss
 * once at the start point, so that the common mistakes — no `loss`, a loss that returns
 * undefined, a string or NaN, one that throws, or one that ignores its parameters — are reported
 * now, at the learner's line, not as a confusing run. Every later error thrown while evaluating
 * is mapped to the learner's line too (errorMapping.ts).
 *
 * Learner code runs in the calling thread: the worker (worker.ts) is what bounds time and memory.
 */
import type { TransformOptions } from './transform';
import ts from 'typescript';
import { valueAndGrad, value0, hessian, dimensionOf, describe, type ParamShape } from '../engine/evaluate';
import { loadModule, whereOf } from './moduleLoader';
import { learnerErrors, LearnerError, type Where } from './learnerErrors';
import { describeShape, lossDeclaration, type SizedBy } from './paramShape';
import { mapRuntimeError } from './errorMapping';
import { Declarations, checkBounds, checkConfig, checkData, oddSample, resolveParameters, sampleText } from './exportChecks';
import type { LineMappings } from './sourceMap';
import { LOAD_SEED, mathAliasSite, restoreMath, seedLearnerRandom } from './learnerMath';
import {
  adoptHostSettings,
  BuiltinWriteTrapped,
  learnerCodeRuns,
  restoreBuiltins,
  restoreBuiltinsIfRan,
  trapChangedMember,
} from './learnerBuiltins';
import { builtinAliasSite } from './learnerBuiltinsSyntax';
import { firstDifference, sameEvaluation, waitForClock } from './repeatability';

export interface CompiledLoss {
  fileName: string;
  shape: ParamShape;
  dimension: number;
  /** One name per parameter, in gradient order: `w`, `x, y`, `p[0] … p[n−1]`, object keys. */
  paramNames: string[];
  init?: number[];
  bounds?: Array<[number, number]>;
  config?: Record<string, unknown>;
  data?: unknown[];
  /** Advice that does not stop a run (the loss ignores its parameters, an unknown config key). */
  warnings: LearnerError[];
  /** Value and exact gradient; `batch` replaces the full `data` for one mini-batch. A fresh array each call. */
  valueAndGrad(params: ArrayLike<number>, batch?: readonly unknown[]): { value: number; gradient: Float64Array };
  /** Value only, without recording (surface sampling, line searches). */
  value(params: ArrayLike<number>, batch?: readonly unknown[]): number;
  /** Exact Hessian (hyper-dual numbers), n×n. */
  hessian(params: ArrayLike<number>, batch?: readonly unknown[]): number[][];
  /** What decided `dimension`: a point of another length is refused naming it (`pointSize`). */
  sizedBy: SizedBy;
  /** Throws `pointSize` (a learner error naming the declared size) for a point of another length. */
  checkPoint?(params: ArrayLike<number>): void;
  /**
   * Optional check: the exact gradient against central finite differences. maxRelError is
   * |exact − fd| / max(1, |exact|, |fd|): relative for large components, absolute below 1 (where
   * finite differences carry ~1e−9 of rounding noise and a zero gradient has no scale).
   */
  checkGradient(params: ArrayLike<number>, h?: number): { maxRelError: number; finiteDiff: number[]; exact: number[] };
  /**
   * Throws builtinPatched when learner code has changed a built-in object (`Object.prototype`,
   * `Array.prototype.map` …) since the last check, after putting the built-ins back
   * (learnerBuiltins.ts). compileLoss checks after loading and after each of its evaluations;
   * trainLoss calls this before and after a run.
   */
  checkBuiltins?(): void;
}

type LossFunction = (params: unknown, ...rest: unknown[]) => unknown;

/** Central differences with a step relative to each coordinate's size. */
function finiteDifferences(value: (p: number[]) => number, at: number[], h: number): number[] {
  return at.map((x, i) => {
    const step = h * Math.max(1, Math.abs(x));
    const plus = at.slice();
    const minus = at.slice();
    plus[i] = x + step;
    minus[i] = x - step;
    return (value(plus) - value(minus)) / (plus[i] - minus[i]);
  });
}

/**
 * Whether the loss ignores its parameters: constant at the start and at two more points (a loss
 * may be flat in one region only — `w > 1 ? w * w : 0` — which is no mistake).
 */
function ignoresParameters(evaluate: (p: number[]) => { constant: boolean }, start: number[]): boolean {
  const others = [start.map((v) => v + 1.234), start.map((v) => -v - 0.567)];
  return others.every((p) => {
    try {
      return evaluate(p).constant;
    } catch {
      return false; // an error elsewhere says nothing about dependence
    }
  });
}

/**
 * `given.pointLength`: the length of the point the caller will evaluate or start from; it sizes an
 * array-parameter loss that declares no size of its own (no init, bounds or fixed signature).
 */
export function compileLoss(
  source: string,
  fileName = 'loss.ts',
  transform: TransformOptions = {},
  given: { pointLength?: number } = {},
): CompiledLoss {
  const state = { maps: new Map<string, LineMappings>(), cache: new Map(), transform };
  // Whatever an earlier file of this process left in Math (a patch made after its compile) is
  // undone first, so a change found below is this file's; and the same numbers from Math.random
  // on every load: top-level data made with it, and the evaluations below, are the same each time.
  // The same for the built-ins (Object.prototype, Array.prototype …: first, as everything after
  // uses them), after taking the host's own settings among them (Error.stackTraceLimit) as they are.
  adoptHostSettings();
  restoreBuiltins();
  restoreMath();
  seedLearnerRandom(LOAD_SEED);
  const mod = (() => {
    try {
      return loadModule(source, fileName, state);
    } catch (e) {
      const what = restoreBuiltins();
      restoreMath();
      const mapped = mapRuntimeError(e, fileName, state.maps);
      // A built-in changed before the error: the change is the news (it may well be the error's cause).
      if (what === undefined) throw mapped;
      const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
      const alias = builtinAliasSite(file);
      throw learnerErrors.builtinPatched(what, alias ? whereOf(file, alias.getStart(file), alias.getEnd()) : mapped);
    }
  })();
  const { exports, sourceFile } = mod;
  const at = new Declarations(sourceFile);
  const decl = lossDeclaration(sourceFile);
  const lossWhere: Where = decl?.fn.name ? whereOf(sourceFile, decl.fn.name.getStart(sourceFile), decl.fn.name.getEnd()) : at.of('loss');
  /** A change to Math the syntax did not show (`const M = Math; M.log = …`): undone, and refused. */
  const checkMath = () => {
    if (!restoreMath()) return;
    const alias = mathAliasSite(sourceFile);
    throw learnerErrors.mathPatched(alias ? whereOf(sourceFile, alias.getStart(sourceFile), alias.getEnd()) : lossWhere);
  };
  /**
   * A change to a built-in the syntax did not show (`const P = Object.prototype; P.x = 1`): undone,
   * and refused, at the place the change was probably made, else at the loss.
   */
  const reportBuiltins = (what: string | undefined) => {
    if (what === undefined) return;
    const alias = builtinAliasSite(sourceFile);
    throw learnerErrors.builtinPatched(what, alias ? whereOf(sourceFile, alias.getStart(sourceFile), alias.getEnd()) : lossWhere);
  };
  const checkBuiltins = () => reportBuiltins(restoreBuiltins());
  /** After learner code ran: the built-ins put back first (restoring Math uses them), then Math; a change to either refused. */
  const checkChanges = () => {
    const what = restoreBuiltins();
    checkMath();
    reportBuiltins(what);
  };
  checkChanges();

  const fn = exports.loss;
  if (fn === undefined) {
    const found = Object.keys(exports).filter((k) => k !== 'default' && k !== '__esModule');
    throw learnerErrors.noLoss(found, typeof exports.default === 'function');
  }
  if (typeof fn !== 'function') throw learnerErrors.lossNotFunction(describe(fn), at.of('loss'));
  const loss = fn as LossFunction;
  const fnNode = decl?.fn;
  if (fnNode && (fnNode.asteriskToken || ts.getModifiers(fnNode)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)))
    throw learnerErrors.lossAsync(lossWhere);

  const { shape, names: paramNames, init, sizedBy } = resolveParameters(exports, decl?.param, sourceFile, at, lossWhere, given.pointLength);
  const dimension = dimensionOf(shape);
  // A point of another length would be read short (NaN) or cut: refused, naming the declared size.
  const sizeError = (length: number) =>
    learnerErrors.pointSize(
      length,
      { ...describeShape(shape), count: dimension },
      sizedBy,
      sizedBy === 'init' ? at.of('init') : sizedBy === 'bounds' ? at.of('bounds') : lossWhere,
    );
  if (given.pointLength !== undefined && given.pointLength !== dimension) throw sizeError(given.pointLength);
  const sized = (params: ArrayLike<number>) => {
    if (params.length !== dimension) throw sizeError(params.length);
  };
  const bounds = checkBounds(exports.bounds, dimension, at);
  const { config, warnings } = checkConfig(exports.config, at);
  const data = checkData(exports.data, at);
  const fullBatch: unknown[] = data ? [data] : [];
  const rest = (batch: readonly unknown[] | undefined) => (batch ? [batch] : fullBatch);

  const guard = <T>(run: () => T): T => {
    try {
      learnerCodeRuns();
      return run();
    } catch (e) {
      // A changed built-in may be why the engine failed: said first (cheap here, errors are rare).
      checkBuiltins();
      throw mapRuntimeError(e, fileName, state.maps, lossWhere);
    }
  };

  const compiled: CompiledLoss = {
    fileName,
    shape,
    dimension,
    paramNames,
    init,
    bounds,
    config,
    data,
    warnings,
    sizedBy,
    checkPoint: sized,
    valueAndGrad: (params, batch) => (sized(params), guard(() => valueAndGrad(loss, params, shape, rest(batch)))),
    value: (params, batch) => (sized(params), guard(() => value0(loss, params, shape, rest(batch)))),
    hessian: (params, batch) => {
      sized(params);
      return guard(() => {
        const H = hessian(loss, params, shape, rest(batch));
        return Array.from({ length: dimension }, (_, i) => Array.from(H.subarray(i * dimension, (i + 1) * dimension)));
      });
    },
    checkGradient: (params, h = 1e-6) => {
      const p = Array.from(params);
      const exact = Array.from(compiled.valueAndGrad(p).gradient);
      const finiteDiff = finiteDifferences((q) => compiled.value(q), p, h);
      const maxRelError = Math.max(
        0,
        ...exact.map((g, i) => Math.abs(g - finiteDiff[i]) / Math.max(1, Math.abs(g), Math.abs(finiteDiff[i]))),
      );
      return { maxRelError, finiteDiff, exact };
    },
    // Skipped when no evaluation ran since the last check: a run's own steps always do.
    checkBuiltins: () => reportBuiltins(restoreBuiltinsIfRan()),
  };

  // Evaluate once at the start (or at 0.5 everywhere): a broken loss is reported now.
  const start = init ?? new Array<number>(dimension).fill(0.5);
  const evaluateAt = (p: number[]) => {
    let result: ReturnType<typeof valueAndGrad> | undefined;
    let failure: { error: unknown } | undefined;
    try {
      result = guard(() => valueAndGrad(loss, p, shape, fullBatch));
    } catch (error) {
      failure = { error };
    }
    const what = restoreBuiltins();
    checkMath();
    if (what !== undefined && !builtinAliasSite(sourceFile)) {
      // A write the syntax could not see: the same evaluation again, with the member trapped,
      // shows the line that writes it.
      const where = lineOfBuiltinWrite(() => valueAndGrad(loss, p, shape, fullBatch));
      throw learnerErrors.builtinPatched(what, where ?? lossWhere);
    }
    reportBuiltins(what);
    if (failure) throw failure.error;
    return result as ReturnType<typeof valueAndGrad>;
  };
  /** Where a trapped built-in member is written while `evaluate` runs, if it is. */
  const lineOfBuiltinWrite = (evaluate: () => unknown): Where | undefined => {
    const untrap = trapChangedMember();
    if (!untrap) return undefined;
    try {
      learnerCodeRuns();
      evaluate();
    } catch (e) {
      if (e instanceof BuiltinWriteTrapped) {
        const mapped = mapRuntimeError(e, fileName, state.maps);
        if (mapped.line !== undefined) return { line: mapped.line, column: mapped.column };
      }
    } finally {
      untrap();
      restoreBuiltins();
    }
    return undefined;
  };
  const probe = evaluateAt(start);
  // A sample unlike the others (a missing y, a string, a short x) that the loss fails on: said at
  // that sample, before a step, rather than as a NaN at the loss line.
  const odd = data && oddSample(data);
  if (odd && data) {
    let fails: boolean;
    try {
      fails = !Number.isFinite(compiled.value(start, [data[odd.index]]));
    } catch {
      fails = true;
    }
    if (fails) throw learnerErrors.badSample(odd.index, sampleText(data[odd.index]), odd.field, odd.problem, at.element('data', odd.index));
  }
  if (init && Number.isNaN(probe.value)) {
    // With data, the NaN is usually one sample's (a missing field, a string): point at that sample.
    const sample = data?.findIndex((d) => Number.isNaN(compiled.value(start, [d])));
    if (data && sample !== undefined && sample >= 0)
      throw learnerErrors.lossNaNAtSample(sample, sampleText(data[sample]), at.element('data', sample));
    throw learnerErrors.lossNaN(lossWhere);
  }
  if (init && !Number.isFinite(probe.value)) throw learnerErrors.lossInfinite(probe.value, lossWhere);
  // And once more, on a later millisecond: a loss that is not a function of its parameters (the
  // clock, a counter in the module, random numbers) is said once, where it first differs.
  const first = { value: probe.value, gradient: Float64Array.from(probe.gradient) };
  waitForClock(Date.now());
  const again = evaluateAt(start);
  if (!sameEvaluation(first, again)) {
    const found = firstDifference({ source, fileName, shape, at: start, seed: LOAD_SEED });
    checkChanges();
    const warning = learnerErrors.lossNotRepeatable(first.value, again.value, found?.where ?? lossWhere);
    // A difference inside an imported file: shown at the loss, naming that file and line.
    warnings.push(found?.file ? warning.importedFrom(found.file, lossWhere) : warning);
  }
  if (probe.constant && ignoresParameters((p) => evaluateAt(p), start)) warnings.push(learnerErrors.constantLoss(lossWhere));
  return compiled;
}
