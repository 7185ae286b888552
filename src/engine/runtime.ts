/**
 * The runtime the transformed learner code calls through `__gd` (see runner/transform.ts):
 * every operator, comparison and `Math`/`Number` call of the loss file lands on the object `gd`.
 *
 * Three kinds of values flow through the same functions:
 *   number     a plain value that does not depend on the parameters: native arithmetic, no tape;
 *   Var        an active value: the op is recorded on the process's one tape (recording.ts);
 *   HyperDual  only while computing an exact Hessian (hyperDual.ts).
 *
 * One runtime per process: per-file copies would make the learner's call sites polymorphic
 * (≈3× slower: docs/ARCHITECTURE.md, Performance facts), so every loaded module receives this same object.
 *
 * Where things live: operators in arithmetic.ts, `Math` in runtimeMath*.ts, comparisons and
 * `Number`/`typeof` in valueChecks.ts, odd operands in coercion.ts, the derivative table in
 * rules.ts, evaluation (value and gradient, Hessian) in evaluate.ts.
 */
import { Var, TapeEscapeError, ActiveTextError } from './var';
import { HyperDual } from './hyperDual';
import { tape, activeTape, fusedNode, accToken } from './recording';
import { UNARY } from './rules';
import { add, sub, mul, div, mod, pow, neg, pos, inc, dec } from './arithmetic';
import { MathRuntime } from './runtimeMath';
import {
  lt,
  le,
  gt,
  ge,
  eq,
  ne,
  looseEq,
  looseNe,
  NumberRuntime,
  typeOf,
  toNumber,
  isFiniteGlobal,
  isNaNGlobal,
  value,
  isActive,
  format,
} from './valueChecks';
import { tick, setInterruptCheck, InterruptedError } from './interrupts';
import { LossNotNumberError, LossNotFiniteError, NotDifferentiableError } from './runtimeErrors';
import { valueAndGrad, value0, hessian } from './evaluate';

export { Var, TapeEscapeError, ActiveTextError, HyperDual, activeTape, MathRuntime, NumberRuntime };
export { add, sub, mul, div, mod, pow, neg, pos, inc, dec };
export { lt, le, gt, ge, eq, ne, looseEq, looseNe, typeOf, toNumber, value, isActive, format };
export { tick, setInterruptCheck, InterruptedError, LossNotNumberError, LossNotFiniteError, NotDifferentiableError };
export { valueAndGrad, value0, hessian };
export type { ParamShape, Evaluation } from './evaluate';

/** The object transformed code receives as `__gd`. */
export const gd = {
  /** First statement of every loop body: lets the host stop an endless loop at its line. */
  tick,
  add,
  sub,
  mul,
  div,
  mod,
  pow,
  neg,
  pos,
  inc,
  dec,
  lt,
  le,
  gt,
  ge,
  eq,
  ne,
  looseEq,
  looseNe,
  Math: MathRuntime,
  Number: NumberRuntime,
  typeOf,
  toNumber,
  isFinite: isFiniteGlobal,
  isNaN: isNaNGlobal,
  value,
  isActive,
  /** The receiver of toFixed, toPrecision, toExponential, toString(radix): refuses an active value (its text loses the gradient). */
  format,
  /** Fused expressions (runner/transformFusion.ts): the Var class, the rules table, a node's Var. */
  Var,
  U: UNARY,
  fusedNode,
  /** A loop run's token for accumulating statements (runner/transformAccumulate.ts). */
  accToken,
  /** The process's tape: the nn library records its tensor ops on it as custom nodes. */
  tape,
  activeTape,
  valueAndGrad,
  value0,
  hessian,
};
// Learner code can reach this object by name only through eval: frozen, so it cannot replace an operation.
Object.freeze(gd);

export type Runtime = typeof gd;
