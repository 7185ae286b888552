/**
 * `__gd.Math`: every member of `Math` (the transformer rewrites any reference to the global
 * `Math` into this object). The differentiable functions record on the tape; the rest follow
 * the rules table's conventions (rules.ts):
 *
 *   exp … abs         one node each (runtimeMathUnary.ts)
 *   pow, atan2        two-argument nodes
 *   max, min          n-ary: the gradient goes to the winning argument; k arguments tied for
 *                     the extremum get 1/k each (PyTorch's torch.max/amax on a tensor — and for
 *                     two arguments exactly torch.maximum's ½ each)
 *   hypot             n-ary: ∂y/∂xᵢ = xᵢ/y, and 0 at the origin (torch.linalg.vector_norm's
 *                     subgradient; the value is Math.hypot's own, overflow-safe)
 *   sign floor ceil round trunc fround
 *                     piecewise constant: zero gradient, so they return plain numbers
 *   random            passes through (a plain property: the runner may replace it with a seeded one)
 *   clz32, imul       integer functions with no derivative: NotDifferentiableError on an active value
 */
import { Var } from './var';
import { HyperDual, hdBinary } from './hyperDual';
import { BINARY } from './rules';
import { rec1, rec2 } from './recording';
import { isActiveValue, plainValue, slowBinary, toPrimitive } from './coercion';
import { NotDifferentiableError } from './runtimeErrors';
import { pow } from './arithmetic';
import * as unary from './runtimeMathUnary';

// ── two arguments ───────────────────────────────────────────────────────────

/** y = atan2(a, b); ∂y/∂a = b/(a² + b²), ∂y/∂b = −a/(a² + b²) (NaN at the origin, as in PyTorch). */
function atan2(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return Math.atan2(a, b);
  return atan2Active(a, b);
}
function atan2Active(a: unknown, b: unknown): unknown {
  const av = a instanceof Var ? a.v : a;
  const bv = b instanceof Var ? b.v : b;
  if (typeof av === 'number' && typeof bv === 'number') {
    const y = Math.atan2(av, bv);
    const r = av * av + bv * bv;
    if (a instanceof Var && b instanceof Var) return rec2(y, a.id, bv / r, b.id, -av / r);
    if (a instanceof Var) return rec1(y, a.id, bv / r);
    if (b instanceof Var) return rec1(y, b.id, -av / r);
  }
  return slowBinary(
    a,
    b,
    atan2,
    (x, y) => hdBinary(BINARY.atan2, x, y),
    (x, y) => Math.atan2(x as number, y as number),
    false,
  );
}

// ── n-ary: max, min, hypot ──────────────────────────────────────────────────

/** An argument of an n-ary Math function as a number or an active value (ToNumber otherwise: a kept Var is its number). */
function operand(x: unknown): number | Var | HyperDual {
  if (typeof x === 'number' || isActiveValue(x)) return x;
  const p = toPrimitive(x, 'number');
  return isActiveValue(p) ? p : +(p as number); // `+` throws on a bigint, as Math.max does
}

/** Sum of cᵢ·xᵢ over active operands, all with value y: chained two-parent nodes (or HyperDual). */
function combine(y: number, xs: Array<number | Var | HyperDual>, weights: number[]): unknown {
  let node: Var | undefined;
  let dual: HyperDual | undefined;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x instanceof Var) {
      if (dual) throw new Error('internal: a tape value met a hyper-dual number');
      node = (node ? rec2(y, node.id, 1, x.id, weights[i]) : rec1(y, x.id, weights[i])) as Var; // live operands (operand()): a node each
    } else if (x instanceof HyperDual) {
      if (node) throw new Error('internal: a tape value met a hyper-dual number');
      const w = weights[i];
      dual = dual
        ? new HyperDual(y, dual.e1 + w * x.e1, dual.e2 + w * x.e2, dual.e12 + w * x.e12)
        : new HyperDual(y, w * x.e1, w * x.e2, w * x.e12);
    }
  }
  return node ?? dual ?? y;
}

/** max (sign = 1) or min (sign = −1) of any number of arguments; ties share the gradient. */
function extremum(args: ArrayLike<unknown>, sign: 1 | -1): unknown {
  const xs = Array.from(args, operand);
  const values = xs.map((x) => plainValue(x) as number);
  const m = sign > 0 ? Math.max(...values) : Math.min(...values);
  if (!xs.some(isActiveValue)) return m;
  // The arguments equal to the extremum (all NaN ones if it is NaN: the gradient follows the NaN).
  const tied = values.map((v) => v === m || (m !== m && v !== v));
  const k = tied.filter(Boolean).length;
  if (k === 1) {
    const winner = xs[tied.indexOf(true)];
    return isActiveValue(winner) ? winner : m; // y is the winner itself: ∂y/∂winner = 1
  }
  return combine(
    m,
    xs,
    tied.map((t) => (t ? 1 / k : 0)),
  );
}

/* eslint-disable prefer-rest-params -- `arguments` instead of `...xs`: the two-number case must not allocate an array */
function max(a?: unknown, b?: unknown): unknown {
  if (arguments.length === 2 && typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  return extremum(arguments, 1);
}

function min(a?: unknown, b?: unknown): unknown {
  if (arguments.length === 2 && typeof a === 'number' && typeof b === 'number') return Math.min(a, b);
  return extremum(arguments, -1);
}

/** y = √(Σ xᵢ²) as Math.hypot computes it; ∂y/∂xᵢ = xᵢ/y, 0 at the origin. */
function hypot(a?: unknown, b?: unknown): unknown {
  if (arguments.length === 2 && typeof a === 'number' && typeof b === 'number') return Math.hypot(a, b);
  return hypotActive(arguments);
}
/* eslint-enable prefer-rest-params */

function hypotActive(args: ArrayLike<unknown>): unknown {
  const xs = Array.from(args, operand);
  const values = xs.map((x) => plainValue(x) as number);
  const y = Math.hypot(...values);
  if (!xs.some(isActiveValue)) return y;
  const g = values.map((v) => (y === 0 ? 0 : v / y));
  if (!xs.some((x) => x instanceof HyperDual)) return combine(y, xs, g);
  // Hessian: ∂²y/∂xᵢ∂xⱼ = (δᵢⱼ − gᵢgⱼ)/y, so y₁₂ = Σgᵢxᵢ₁₂ + (Σxᵢ₁xᵢ₂ − (Σgᵢxᵢ₁)(Σgᵢxᵢ₂))/y.
  let e1 = 0;
  let e2 = 0;
  let e12 = 0;
  let cross = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x instanceof HyperDual)) continue;
    e1 += g[i] * x.e1;
    e2 += g[i] * x.e2;
    e12 += g[i] * x.e12;
    cross += x.e1 * x.e2;
  }
  return new HyperDual(y, e1, e2, y === 0 ? e12 : e12 + (cross - e1 * e2) / y);
}

// ── zero gradient, and no gradient at all ───────────────────────────────────

/** The number an operand of a piecewise-constant function stands for (its value, for Vars). */
function plain(x: unknown): number {
  return plainValue(toPrimitive(x, 'number')) as number;
}

// Piecewise constant (derivative 0 wherever it exists): plain numbers out, nothing recorded.
const sign = (x: unknown): number => Math.sign(typeof x === 'number' ? x : plain(x));
const floor = (x: unknown): number => Math.floor(typeof x === 'number' ? x : plain(x));
const ceil = (x: unknown): number => Math.ceil(typeof x === 'number' ? x : plain(x));
const round = (x: unknown): number => Math.round(typeof x === 'number' ? x : plain(x));
const trunc = (x: unknown): number => Math.trunc(typeof x === 'number' ? x : plain(x));
const fround = (x: unknown): number => Math.fround(typeof x === 'number' ? x : plain(x));

function refuseActive(name: string, args: ArrayLike<unknown>): void {
  for (let i = 0; i < args.length; i++) if (isActiveValue(args[i])) throw new NotDifferentiableError(`Math.${name}`);
}
const clz32 = (x: unknown): number => {
  refuseActive('clz32', [x]);
  return Math.clz32(x as number);
};
const imul = (a: unknown, b: unknown): number => {
  refuseActive('imul', [a, b]);
  return Math.imul(a as number, b as number);
};

export const MathRuntime = {
  E: Math.E,
  LN10: Math.LN10,
  LN2: Math.LN2,
  LOG10E: Math.LOG10E,
  LOG2E: Math.LOG2E,
  PI: Math.PI,
  SQRT1_2: Math.SQRT1_2,
  SQRT2: Math.SQRT2,
  ...unary,
  pow,
  atan2,
  hypot: hypot as (...values: unknown[]) => unknown,
  max: max as (...values: unknown[]) => unknown,
  min: min as (...values: unknown[]) => unknown,
  sign,
  floor,
  ceil,
  round,
  trunc,
  fround,
  random: Math.random,
  clz32,
  imul,
};

// Members a newer JavaScript adds to Math (say f16round) still work, without a gradient.
for (const name of Object.getOwnPropertyNames(Math)) {
  if (name in MathRuntime) continue;
  const member = (Math as unknown as Record<string, unknown>)[name];
  (MathRuntime as Record<string, unknown>)[name] =
    typeof member === 'function'
      ? (...args: unknown[]) => {
          refuseActive(name, args);
          return (member as (...a: unknown[]) => unknown)(...args);
        }
      : member;
}
