/**
 * The cold path of every runtime operator: operands that are not plain numbers or Vars —
 * strings, booleans, null, undefined, bigint, objects, and hyper-dual numbers while a Hessian
 * is being computed.
 *
 * Without an active value involved, the native operator runs, so the learner's code keeps exact
 * JavaScript semantics (`'a' + 1`, `2n ** 3n`, `null * 2`). When an active value is involved it
 * stands for its number: the other operand is converted as JavaScript converts it (ToPrimitive,
 * then ToNumber) and the operation is recorded, so `w * true` keeps its gradient. `+` with a
 * string would turn the active value into text — its number without its gradient — and throws
 * ActiveTextError instead (var.ts).
 *
 * A Var or HyperDual kept from an earlier evaluation is no active value: it is the constant
 * number it was, and converts to it (its valueOf) like any object that stands for a number.
 */
import { Var, ActiveTextError, isLiveVar } from './var';
import { HyperDual, isLiveDual } from './hyperDual';

/** A value that carries derivatives in the evaluation now running: a Var (tape) or a HyperDual (Hessian). */
export function isActiveValue(x: unknown): x is Var | HyperDual {
  return isLiveVar(x) || isLiveDual(x);
}

/** The plain number behind an active value; anything else unchanged. */
export function plainValue(x: unknown): unknown {
  return x instanceof Var ? x.v : x instanceof HyperDual ? x.a : x;
}

const isObjectLike = (x: unknown): x is object => (typeof x === 'object' && x !== null) || typeof x === 'function';

type Native = (a: unknown, b: unknown) => unknown;

/* eslint-disable @typescript-eslint/no-explicit-any -- the native operators on arbitrary values are the point here */
/** The JavaScript operators themselves, for operands without an active value. */
export const NATIVE: Record<'add' | 'sub' | 'mul' | 'div' | 'mod' | 'pow', Native> = {
  add: (a, b) => (a as any) + (b as any),
  sub: (a, b) => (a as any) - (b as any),
  mul: (a, b) => (a as any) * (b as any),
  div: (a, b) => (a as any) / (b as any),
  mod: (a, b) => (a as any) % (b as any),
  pow: (a, b) => (a as any) ** (b as any),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * ECMAScript ToPrimitive(x, hint), except that an active value counts as primitive, also when
 * an object's valueOf() returns one (a learner's class wrapping a parameter keeps its gradient).
 */
export function toPrimitive(x: unknown, hint: 'default' | 'number'): unknown {
  if (!isObjectLike(x) || isActiveValue(x)) return x;
  const exotic = (x as { [Symbol.toPrimitive]?: unknown })[Symbol.toPrimitive];
  if (exotic !== undefined && exotic !== null) {
    if (typeof exotic !== 'function') throw new TypeError('Symbol.toPrimitive is not a function');
    const r: unknown = exotic.call(x, hint);
    if (isObjectLike(r) && !isActiveValue(r)) throw new TypeError('Cannot convert object to primitive value');
    return r;
  }
  for (const method of ['valueOf', 'toString'] as const) {
    const f = (x as Record<string, unknown>)[method];
    if (typeof f === 'function') {
      const r: unknown = f.call(x);
      if (!isObjectLike(r) || isActiveValue(r)) return r;
    }
  }
  throw new TypeError('Cannot convert object to primitive value');
}

/** ToNumber of a primitive next to an active value (a bigint cannot mix, as in JavaScript). */
function numeric(x: unknown): unknown {
  if (isActiveValue(x) || typeof x === 'number') return x;
  if (typeof x === 'bigint') throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
  return Number(x);
}

/**
 * `a op b` (or a two-argument Math function) for everything the fast paths did not take.
 * `again` is the operation itself, called once the operands are numbers or Vars; `dual` computes
 * it on hyper-dual numbers; `native` is the plain JavaScript version; `concatenates` marks `+`.
 */
export function slowBinary(
  a: unknown,
  b: unknown,
  again: Native,
  dual: (a: number | HyperDual, b: number | HyperDual) => HyperDual,
  native: Native,
  concatenates: boolean,
): unknown {
  // Hyper-duals first: a Hessian runs every operation of the loss n(n + 1)/2 times this way.
  if (
    (isLiveDual(a) && (typeof b === 'number' || b instanceof HyperDual)) ||
    (isLiveDual(b) && (typeof a === 'number' || a instanceof HyperDual))
  )
    return dual(a as number | HyperDual, b as number | HyperDual);
  if (!isObjectLike(a) && !isObjectLike(b)) return native(a, b);
  const hint = concatenates ? 'default' : 'number';
  const pa = toPrimitive(a, hint);
  const pb = toPrimitive(b, hint);
  if (!isActiveValue(pa) && !isActiveValue(pb)) return native(pa, pb);
  // `'w = ' + w`: text of an active value (its number, not its gradient).
  if (concatenates && (typeof pa === 'string' || typeof pb === 'string'))
    throw new ActiveTextError(plainValue(isActiveValue(pa) ? pa : pb) as number);
  const na = numeric(pa);
  const nb = numeric(pb);
  if (na instanceof HyperDual || nb instanceof HyperDual) {
    if (na instanceof Var || nb instanceof Var) throw new Error('internal: a tape value met a hyper-dual number');
    return dual(na as number | HyperDual, nb as number | HyperDual);
  }
  return again(na, nb);
}

/**
 * A one-argument numeric function for everything the fast paths did not take: `again` is the
 * function itself (called if the operand turns out to be active), `native` the plain version.
 */
export function slowUnary(x: unknown, again: (x: unknown) => unknown, native: (x: unknown) => unknown): unknown {
  const p = toPrimitive(x, 'number');
  return isActiveValue(p) && p !== x ? again(p) : native(p);
}
