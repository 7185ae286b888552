/**
 * Comparisons, `typeof`, `Number(…)` and the Number.is… checks of the runtime: an active value
 * (Var) or a hyper-dual number behaves as the number it holds, so the learner's branches and
 * checks see numbers — and no comparison records anything on the tape (they have no gradient).
 */
import { Var, ActiveTextError, isLiveVar } from './var';
import { HyperDual } from './hyperDual';
import { isActiveValue } from './coercion';

// ── comparisons: by value (a Var is its value for every comparison) ─────────

export const val = (x: unknown): unknown => (x instanceof Var ? x.v : x instanceof HyperDual ? x.a : x);

// Numbers first, in one line each: these run in every loop condition (`i < p.length`).
export const lt = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a < b : (val(a) as number) < (val(b) as number);
export const le = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a <= b : (val(a) as number) <= (val(b) as number);
export const gt = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a > b : (val(a) as number) > (val(b) as number);
export const ge = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a >= b : (val(a) as number) >= (val(b) as number);
/**
 * `===`: an active value equals whatever has the same value — two Vars are equal when their
 * values are (their identity is an accident of recording: `w === w` must hold, and so must
 * `p[0] === 1` when p[0] is 1). Identity-based lookups (includes, indexOf, Set, Map) are not
 * rewritten and still compare objects.
 */
export const eq = (a: unknown, b: unknown): boolean => val(a) === val(b);
export const ne = (a: unknown, b: unknown): boolean => val(a) !== val(b);
export const looseEq = (a: unknown, b: unknown): boolean => val(a) == val(b);
export const looseNe = (a: unknown, b: unknown): boolean => val(a) != val(b);

// ── Number and typeof: active values are numbers to the learner's code ──────

export const NumberRuntime = {
  isFinite: (x: unknown) => Number.isFinite(val(x)),
  isNaN: (x: unknown) => Number.isNaN(val(x)),
  isInteger: (x: unknown) => Number.isInteger(val(x)),
  isSafeInteger: (x: unknown) => Number.isSafeInteger(val(x)),
};

export const typeOf = (x: unknown): string => (x instanceof Var || x instanceof HyperDual ? 'number' : typeof x);
/** `Number(x)`: an active value stays itself (so the gradient survives); anything else converts (a kept Var to its number). */
export const toNumber = (...args: unknown[]): unknown => (args.length === 0 ? 0 : isActiveValue(args[0]) ? args[0] : Number(args[0]));
export const isFiniteGlobal = (x: unknown): boolean => isFinite(val(x) as number);
export const isNaNGlobal = (x: unknown): boolean => isNaN(val(x) as number);
export const value = (x: unknown): number => val(x) as number;
export const isActive = (x: unknown): boolean => isLiveVar(x);

/**
 * The receiver of `x.toFixed(…)`, `toPrecision`, `toExponential` and `x.toString(radix)`: text,
 * which would keep an active value's number but not its gradient — ActiveTextError, as String(w)
 * (var.ts). A kept Var is its number; anything else is left as it is.
 */
export const format = (x: unknown): unknown => {
  if (isActiveValue(x)) throw new ActiveTextError(val(x) as number);
  return val(x);
};
