/**
 * A learner's loss file → a differentiable function with exact gradients.
 *
 * compileLoss loads the module (moduleLoader.ts), validates its exports (loss, init, bounds,
 * config, data), works out the parameter shape, and probes the loss once at the start point so
 * that the common mistakes — no `loss`, a loss that returns undefined or a string or NaN, or one
 * that ignores its parameters — are reported now, at the learner's line, not as a confusing run.
 * Every later error thrown while evaluating is mapped to the learner's line too (errorMapping.ts).
 */
import ts from 'typescript';
import { valueAndGrad, value0, hessian, dimensionOf, describe, type ParamShape } from '../engine/evaluate';
import { OPTIMIZER_NAMES } from '../engine/optim';
import { loadModule, registerBuiltin } from './moduleLoader';
import * as gdtutor from '../engine/gdtutor';
import { learnerErrors, LearnerError } from './learnerErrors';
import { lossParameter, shapeFromSignature, shapeOfValue, flatten, describeShape, namesFor } from './paramShape';
import { mapRuntimeError } from './errorMapping';
import type { LearnerErrorData } from './workerProtocol';

// Loss files may import the built-in network library by name.
registerBuiltin('gdtutor', gdtutor);

export interface CompiledLoss {
  fileName: string;
  shape: ParamShape;
  dimension: number;
  paramNames: string[];
  init?: number[];
  bounds?: Array<[number, number]>;
  config?: Record<string, unknown>;
  data?: unknown[];
  /** Advice that does not stop a run (e.g. the loss ignores its parameters). */
  warnings: LearnerErrorData[];
  valueAndGrad(params: ArrayLike<number>, batch?: readonly unknown[]): { value: number; gradient: Float64Array };
  value(params: ArrayLike<number>, batch?: readonly unknown[]): number;
  hessian(params: ArrayLike<number>, batch?: readonly unknown[]): number[][];
  /** Optional check: the exact gradient against central finite differences. */
  checkGradient(params: ArrayLike<number>, h?: number): { maxRelError: number; finiteDiff: number[]; exact: number[] };
}

/** Where an export is declared, for messages about it. */
function exportPosition(file: ts.SourceFile, name: string): { line?: number; column?: number } {
  for (const st of file.statements) {
    const names = ts.isVariableStatement(st) ? st.declarationList.declarations.map((d) => d.name.getText(file)) : ts.isFunctionDeclaration(st) && st.name ? [st.name.text] : [];
    if (names.includes(name)) {
      const p = file.getLineAndCharacterOfPosition(st.getStart(file));
      return { line: p.line + 1, column: p.character + 1 };
    }
  }
  return {};
}

function validateConfig(config: unknown, where: { line?: number; column?: number }): Record<string, unknown> | undefined {
  if (config === undefined) return undefined;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw learnerErrors.badConfig('`config`는 `{ optimizer: "adam", learningRate: 0.01 }` 같은 객체여야 합니다.', '`config` must be an object such as `{ optimizer: "adam", learningRate: 0.01 }`.', where);
  }
  const c = config as Record<string, unknown>;
  if (c.optimizer !== undefined && !(OPTIMIZER_NAMES as readonly unknown[]).includes(c.optimizer)) {
    throw learnerErrors.badConfig(
      `알 수 없는 옵티마이저 '${String(c.optimizer)}'. 쓸 수 있는 것: ${OPTIMIZER_NAMES.join(', ')}`,
      `unknown optimizer '${String(c.optimizer)}'. Available: ${OPTIMIZER_NAMES.join(', ')}`,
      where,
    );
  }
  if (c.learningRate !== undefined && !(typeof c.learningRate === 'number' && c.learningRate > 0 && Number.isFinite(c.learningRate))) {
    throw learnerErrors.badConfig(`학습률(learningRate)은 0보다 큰 숫자여야 하는데 ${String(c.learningRate)}입니다.`, `learningRate must be a positive number, got ${String(c.learningRate)}.`, where);
  }
  for (const key of ['steps', 'epochs', 'batchSize'] as const) {
    const v = c[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= (key === 'steps' ? 0 : 1))) {
      throw learnerErrors.badConfig(`${key}는 ${key === 'steps' ? '0 이상의' : '1 이상의'} 정수여야 하는데 ${String(v)}입니다.`, `${key} must be a whole number ≥ ${key === 'steps' ? 0 : 1}, got ${String(v)}.`, where);
    }
  }
  return c;
}

function validateBounds(bounds: unknown, n: number, where: { line?: number; column?: number }): Array<[number, number]> | undefined {
  if (bounds === undefined) return undefined;
  const ok = Array.isArray(bounds) && bounds.length <= n && bounds.every((b) => Array.isArray(b) && b.length === 2 && b.every((v) => typeof v === 'number' && Number.isFinite(v)) && b[0] < b[1]);
  if (!ok) {
    throw learnerErrors.badConfig(
      '`bounds`는 매개변수마다 [최솟값, 최댓값] 쌍의 배열이어야 합니다. 예: `[[-2, 2], [-1, 3]]`',
      '`bounds` must be one [low, high] pair per parameter, e.g. `[[-2, 2], [-1, 3]]`.',
      where,
    );
  }
  return bounds as Array<[number, number]>;
}

export function compileLoss(source: string, fileName = 'loss.ts'): CompiledLoss {
  const mod = (() => {
    try {
      return loadModule(source, fileName);
    } catch (e) {
      if (e instanceof LearnerError) throw e;
      throw mapRuntimeError(e, fileName, undefined);
    }
  })();
  const { exports, sourceFile, maps } = mod;
  const lossDecl = lossParameter(sourceFile);
  const lossWhere = exportPosition(sourceFile, 'loss');
  const fn = exports.loss;
  if (fn === undefined) throw learnerErrors.noLoss();
  if (typeof fn !== 'function') throw learnerErrors.lossNotFunction(describe(fn), lossWhere);
  const loss = fn as (params: unknown, ...rest: unknown[]) => unknown;

  // The parameter shape: from init, else from the signature, else from bounds' length.
  const initWhere = exportPosition(sourceFile, 'init');
  const signature = shapeFromSignature(lossDecl?.param);
  const baseName = lossDecl?.param && ts.isIdentifier(lossDecl.param.name) ? lossDecl.param.name.text : 'p';
  let shape: ParamShape | undefined;
  let init: number[] | undefined;
  if (exports.init !== undefined) {
    shape = shapeOfValue(exports.init);
    if (!shape) throw learnerErrors.badInit('a number, an array of numbers or an object of numbers', describe(exports.init), initWhere);
    if (signature && !signature.guessed && (signature.shape.kind !== shape.kind || dimensionOf(signature.shape) !== dimensionOf(shape))) {
      throw learnerErrors.badInit(describeShape(signature.shape), describeShape(shape), initWhere);
    }
    init = flatten(shape, exports.init);
  } else if (signature) {
    shape = signature.shape;
  } else if (Array.isArray(exports.bounds)) {
    shape = { kind: 'array', length: exports.bounds.length };
  }
  if (!shape) throw learnerErrors.unknownShape(lossWhere);
  const dimension = dimensionOf(shape);
  const paramNames = signature && dimensionOf(signature.shape) === dimension ? signature.names : namesFor(shape, baseName);
  const bounds = validateBounds(exports.bounds, dimension, exportPosition(sourceFile, 'bounds'));
  const config = validateConfig(exports.config, exportPosition(sourceFile, 'config'));
  const data = exports.data;
  if (data !== undefined && (!Array.isArray(data) || data.length === 0)) {
    throw learnerErrors.badConfig('`data`는 샘플이 하나 이상 든 배열이어야 합니다.', '`data` must be an array with at least one sample.', exportPosition(sourceFile, 'data'));
  }
  const samples = data as unknown[] | undefined;
  const fullBatch = samples ? [samples] : [];

  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (e) {
      throw mapRuntimeError(e, fileName, maps, lossWhere);
    }
  };
  const rest = (batch: readonly unknown[] | undefined) => (batch ? [batch] : fullBatch);

  const compiled: CompiledLoss = {
    fileName,
    shape,
    dimension,
    paramNames,
    init,
    bounds,
    config,
    data: samples,
    warnings: [],
    valueAndGrad: (params, batch) => guard(() => valueAndGrad(loss, params, shape, rest(batch))),
    value: (params, batch) => guard(() => value0(loss, params, shape, rest(batch))),
    hessian: (params, batch) =>
      guard(() => {
        const H = hessian(loss, params, shape, rest(batch));
        return Array.from({ length: dimension }, (_, i) => Array.from(H.subarray(i * dimension, (i + 1) * dimension)));
      }),
    checkGradient: (params, h = 1e-6) => {
      const exact = Array.from(compiled.valueAndGrad(params).gradient);
      const p = Array.from(params);
      const finiteDiff = p.map((_, i) => {
        const step = h * Math.max(1, Math.abs(p[i]));
        const plus = p.slice();
        const minus = p.slice();
        plus[i] += step;
        minus[i] -= step;
        return (compiled.value(plus) - compiled.value(minus)) / (2 * step);
      });
      const maxRelError = Math.max(0, ...exact.map((g, i) => Math.abs(g - finiteDiff[i]) / Math.max(1e-8, Math.abs(g), Math.abs(finiteDiff[i]))));
      return { maxRelError, finiteDiff, exact };
    },
  };

  // Probe once at the start (or the origin): the learner hears about a broken loss now.
  const probeAt = init ?? new Array<number>(dimension).fill(0.5);
  const probe = compiled.valueAndGrad(probeAt);
  if (Number.isNaN(probe.value) && init) throw learnerErrors.lossNaN(lossWhere);
  if ((probe as { constant?: boolean }).constant) compiled.warnings.push(learnerErrors.constantLoss(lossWhere));
  return compiled;
}
