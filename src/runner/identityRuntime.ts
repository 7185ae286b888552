/**
 * `__gdx`: the runner's small companion to the engine's runtime (`__gd`). It covers the places
 * where JavaScript looks at a value's *identity* or *truthiness* instead of doing arithmetic —
 * places where an active value (a Var: an object standing for a number) would otherwise behave
 * differently from the number it stands for, silently:
 *
 *   if (d) … / !d / a || b      a Var is an object, so always truthy, even when its value is 0
 *   arr.includes(w), indexOf    compare objects: `[1, 2].includes(w)` is false when w is 2
 *   Object.is(w, 2)             likewise
 *   arr.sort((a, b) => a - b)   the comparator's result is converted with valueOf (an error)
 *   parseFloat(w)               goes through the string "2.5": the number survives, the gradient not
 *   w.valueOf(), structuredClone([w])  the engine's object, not the number: kept as the value it is
 *   new Set([w]), map.get(w)    keys by identity: answered with a clear error (ActiveKeyError)
 *
 * and two conversions the operators need: `y = x++` yields ToNumeric(x) (numeric, below), and a
 * fused expression converts an object operand where JavaScript would (primitive, below).
 *
 * The transformer (transform.ts) sends those constructs here; everything else about them is the
 * plain JavaScript behaviour (the helpers fall through to the native method).
 */
import { Var } from '../engine/var';
import { HyperDual } from '../engine/hyperDual';
import { toPrimitive } from '../engine/coercion';

const isActive = (x: unknown): x is Var | HyperDual => x instanceof Var || x instanceof HyperDual;
const valueOf = (x: unknown): unknown => (x instanceof Var ? x.v : x instanceof HyperDual ? x.a : x);

/** An active value was used as a Set element or a Map key (they compare keys by identity). */
export class ActiveKeyError extends Error {
  constructor(
    readonly collection: 'Set' | 'Map',
    readonly method: string,
  ) {
    super(
      `a value that depends on the parameters was used as a ${collection} key (${collection}.prototype.${method}); keys compare by identity, not by value`,
    );
    this.name = 'ActiveKeyError';
  }
}

/** ToBoolean with an active value standing for its number: 0, −0 and NaN are falsy. */
function truthy(x: unknown): boolean {
  if (x instanceof Var) return x.v !== 0 && x.v === x.v;
  if (x instanceof HyperDual) return x.a !== 0 && x.a === x.a;
  return Boolean(x);
}

function hasActive(a: ArrayLike<unknown>): boolean {
  for (let i = 0; i < a.length; i++) if (isActive(a[i])) return true;
  return false;
}

type Search = 'includes' | 'indexOf' | 'lastIndexOf';

/**
 * `r.includes(x)` and friends. An array that holds active values, or an active `x`, is searched
 * by value (on a copy of the values: `map` keeps holes, so indexOf still skips them); anything
 * else — strings, typed arrays, the learner's own classes — gets its own method, unchanged.
 * The argument count is passed through exactly: `lastIndexOf(x, undefined)` ≠ `lastIndexOf(x)`.
 */
function search(method: Search, r: unknown, args: unknown[]): unknown {
  const x = args[0];
  let target: unknown = r;
  let needle = x;
  if (Array.isArray(r) && (isActive(x) || hasActive(r))) {
    target = r.map(valueOf);
    needle = valueOf(x);
  } else if (ArrayBuffer.isView(r)) {
    needle = valueOf(x); // a typed array holds plain numbers only
  }
  const f = (target as Record<Search, (...a: unknown[]) => unknown>)[method];
  if (args.length === 0) return f.call(target);
  if (args.length === 1) return f.call(target, needle);
  return f.call(target, needle, args[1]);
}

const includes = (r: unknown, ...args: unknown[]) => search('includes', r, args);
const indexOf = (r: unknown, ...args: unknown[]) => search('indexOf', r, args);
const lastIndexOf = (r: unknown, ...args: unknown[]) => search('lastIndexOf', r, args);

/** A comparator whose result may be active (`(a, b) => a - b` on Vars) → one returning its number. */
function comparator(cmp: unknown): unknown {
  if (cmp === undefined) return byText;
  return typeof cmp === 'function' ? (a: unknown, b: unknown) => valueOf(cmp(a, b)) : cmp;
}

/**
 * The default order of `sort()`: by the elements' text, as JavaScript compares them, with an
 * active value's text taken from its number (the elements themselves, and their gradients, stay).
 */
function byText(a: unknown, b: unknown): number {
  const x = String(valueOf(a));
  const y = String(valueOf(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

function sort(r: unknown, cmp: unknown): unknown {
  return (r as { sort(c: unknown): unknown }).sort(comparator(cmp));
}

function toSorted(r: unknown, cmp: unknown): unknown {
  return (r as { toSorted(c: unknown): unknown }).toSorted(comparator(cmp));
}

/** `Object.is` by value, like the rewritten `===` (`Object.is(NaN, NaN)` and ±0 as JavaScript has them). */
function is(a: unknown, b: unknown): boolean {
  return Object.is(valueOf(a), valueOf(b));
}

/** `parseFloat(w)` of an active value is w itself (the text round trip would keep only the number). */
function parseFloatActive(x: unknown): unknown {
  return isActive(x) ? x : parseFloat(x as string);
}

/** `w.valueOf()`: a number's valueOf is the number, so an active value is itself (its own valueOf is the engine's). */
function valueOfCall(x: unknown): unknown {
  return isActive(x) ? x : (x as { valueOf(): unknown }).valueOf();
}

/**
 * `structuredClone(x)` with the numbers it holds kept as they are: a clone of a number is that
 * number, so an active value is carried over (the native clone would copy the engine's object
 * field by field, a NaN in arithmetic). Arrays, plain objects, Maps and Sets are walked; anything
 * else is the native clone.
 */
function cloneKeepingActive(x: unknown, seen = new Map<object, unknown>()): unknown {
  if (isActive(x)) return x;
  if (typeof x !== 'object' || x === null) return structuredClone(x);
  if (seen.has(x)) return seen.get(x);
  if (Array.isArray(x)) {
    const out: unknown[] = new Array(x.length);
    seen.set(x, out);
    for (let i = 0; i < x.length; i++) if (i in x) out[i] = cloneKeepingActive(x[i], seen);
    return out;
  }
  if (x instanceof Map) {
    const out = new Map();
    seen.set(x, out);
    for (const [k, v] of x) out.set(cloneKeepingActive(k, seen), cloneKeepingActive(v, seen));
    return out;
  }
  if (x instanceof Set) {
    const out = new Set();
    seen.set(x, out);
    for (const v of x) out.add(cloneKeepingActive(v, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(x) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(x);
  const out: Record<string, unknown> = {};
  seen.set(x, out);
  for (const k of Object.keys(x)) out[k] = cloneKeepingActive((x as Record<string, unknown>)[k], seen);
  return out;
}

function refuse(collection: 'Set' | 'Map', method: string, key: unknown): void {
  if (isActive(key)) throw new ActiveKeyError(collection, method);
}

/** `Set` whose elements may not be active values (`new Set(p)` would count objects, not numbers). */
class GdSet<T> extends Set<T> {
  override add(v: T): this {
    refuse('Set', 'add', v);
    return super.add(v);
  }
  override has(v: T): boolean {
    refuse('Set', 'has', v);
    return super.has(v);
  }
  override delete(v: T): boolean {
    refuse('Set', 'delete', v);
    return super.delete(v);
  }
}

/** `Map` whose keys may not be active values (values may: `m.set('w', w)` is fine). */
class GdMap<K, V> extends Map<K, V> {
  override set(k: K, v: V): this {
    refuse('Map', 'set', k);
    return super.set(k, v);
  }
  override get(k: K): V | undefined {
    refuse('Map', 'get', k);
    return super.get(k);
  }
  override has(k: K): boolean {
    refuse('Map', 'has', k);
    return super.has(k);
  }
  override delete(k: K): boolean {
    refuse('Map', 'delete', k);
    return super.delete(k);
  }
}

/**
 * ToNumeric, the old value `x++` and `x--` return: numbers, bigints and active values as they
 * are, anything else converted (`'5'` → 5, `[1]` → 1; an object whose valueOf gives an active
 * value keeps it).
 */
function numeric(x: unknown): unknown {
  if (typeof x === 'number') return x;
  const p = toPrimitive(x, 'number');
  return typeof p === 'bigint' || isActive(p) ? p : Number(p);
}

/**
 * ToPrimitive(x, hint), an active value counting as primitive: a fused expression's leaf operand
 * converted where JavaScript's operator would convert it (transformFusion.ts, evaluation order),
 * so that an object's valueOf runs before the leaves JavaScript reads after that operator.
 */
function primitive(x: unknown, hint: 'default' | 'number'): unknown {
  return toPrimitive(x, hint);
}

/**
 * Where the learner last threw something that is not an Error (`throw 'text'`, `throw {…}`,
 * `throw undefined`): such a value has no stack, so errorMapping.ts takes the line from here.
 * Errors keep their own stacks; a later throw of a non-Error replaces the note.
 */
let lastThrowStack: string | undefined;

function thrown<T>(x: T): T {
  if (!(x instanceof Error)) lastThrowStack = new Error().stack;
  return x;
}

/** The stack of the learner's last `throw` of a non-Error (see `thrown`). */
export function lastNonErrorThrow(): string | undefined {
  return lastThrowStack;
}

/** The object transformed code receives as `__gdx` (one per process, like `__gd`). */
export const identityRuntime = {
  truthy,
  numeric,
  primitive,
  includes,
  indexOf,
  lastIndexOf,
  sort,
  toSorted,
  is,
  parseFloat: parseFloatActive,
  valueOf: valueOfCall,
  structuredClone: cloneKeepingActive,
  Set: GdSet,
  Map: GdMap,
  thrown,
};
// Reachable from learner code only through eval: frozen, like the runtime itself.
Object.freeze(identityRuntime);

export type IdentityRuntime = typeof identityRuntime;
