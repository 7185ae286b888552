/**
 * The operators of transformed learner code: `a + b` → add(a, b), and likewise − × ÷ % **,
 * unary − and +, ++ and --. Each takes numbers, Vars (recorded on the tape) and hyper-duals.
 *
 * Speed comes from the shape of each function, measured on learner loops:
 *   - the first line is the plain-number case and nothing else, so the function's bytecode is
 *     tiny and V8 inlines dozens of them into the learner's loop (its inlining budget is per
 *     caller, ~920 bytes of bytecode: bulkier operators used it up after a handful of calls and
 *     every later call in the loop stayed a real call — plain loops ran several times slower);
 *   - the active case is a separate function per operator (`addActive` …), so its call sites
 *     see one shape each and stay monomorphic; everything unusual (strings, objects, bigint,
 *     hyper-duals) is one step further out, in coercion.ts.
 *
 * The local derivatives are one-liners written inline; rules.ts holds the same formulas as the
 * reference table, and a test checks that every operator agrees with its row.
 */
import { Var } from './var';
import { hdBinary, hdUnary, isLiveDual } from './hyperDual';
import { BINARY, UNARY, powDb } from './rules';
import { rec1, rec2 } from './recording';
import { NATIVE, slowBinary, slowUnary, isActiveValue, toPrimitive } from './coercion';

/** y = a + b; ∂y/∂a = 1, ∂y/∂b = 1. Strings concatenate as in JavaScript (a Var shows its value). */
export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  return addActive(a, b);
}
function addActive(a: unknown, b: unknown): unknown {
  if (a instanceof Var) {
    if (b instanceof Var) return rec2(a.v + b.v, a.id, 1, b.id, 1);
    if (typeof b === 'number') return rec1(a.v + b, a.id, 1);
  } else if (b instanceof Var && typeof a === 'number') return rec1(a + b.v, b.id, 1);
  return slowBinary(a, b, add, (x, y) => hdBinary(BINARY.add, x, y), NATIVE.add, true);
}

/** y = a − b; ∂y/∂a = 1, ∂y/∂b = −1. */
export function sub(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return subActive(a, b);
}
function subActive(a: unknown, b: unknown): unknown {
  if (a instanceof Var) {
    if (b instanceof Var) return rec2(a.v - b.v, a.id, 1, b.id, -1);
    if (typeof b === 'number') return rec1(a.v - b, a.id, 1);
  } else if (b instanceof Var && typeof a === 'number') return rec1(a - b.v, b.id, -1);
  return slowBinary(a, b, sub, (x, y) => hdBinary(BINARY.sub, x, y), NATIVE.sub, false);
}

/** y = a·b; ∂y/∂a = b, ∂y/∂b = a. */
export function mul(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  return mulActive(a, b);
}
function mulActive(a: unknown, b: unknown): unknown {
  if (a instanceof Var) {
    if (b instanceof Var) return rec2(a.v * b.v, a.id, b.v, b.id, a.v);
    if (typeof b === 'number') return rec1(a.v * b, a.id, b);
  } else if (b instanceof Var && typeof a === 'number') return rec1(a * b.v, b.id, a);
  return slowBinary(a, b, mul, (x, y) => hdBinary(BINARY.mul, x, y), NATIVE.mul, false);
}

/** y = a/b; ∂y/∂a = 1/b, ∂y/∂b = −a/b² (written −y/b: one division fewer). */
export function div(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return divActive(a, b);
}
function divActive(a: unknown, b: unknown): unknown {
  if (a instanceof Var) {
    if (b instanceof Var) {
      const y = a.v / b.v;
      return rec2(y, a.id, 1 / b.v, b.id, -y / b.v);
    }
    if (typeof b === 'number') return rec1(a.v / b, a.id, 1 / b);
  } else if (b instanceof Var && typeof a === 'number') {
    const y = a / b.v;
    return rec1(y, b.id, -y / b.v);
  }
  return slowBinary(a, b, div, (x, y) => hdBinary(BINARY.div, x, y), NATIVE.div, false);
}

/** y = a % b = a − b·trunc(a/b); ∂y/∂a = 1, ∂y/∂b = −trunc(a/b) (torch.fmod). */
export function mod(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a % b;
  return modActive(a, b);
}
function modActive(a: unknown, b: unknown): unknown {
  if (a instanceof Var) {
    if (b instanceof Var) return rec2(a.v % b.v, a.id, 1, b.id, -Math.trunc(a.v / b.v));
    if (typeof b === 'number') return rec1(a.v % b, a.id, 1);
  } else if (b instanceof Var && typeof a === 'number') return rec1(a % b.v, b.id, -Math.trunc(a / b.v));
  return slowBinary(a, b, mod, (x, y) => hdBinary(BINARY.mod, x, y), NATIVE.mod, false);
}

/**
 * y = aᵇ; ∂y/∂a = b·aᵇ⁻¹ (0 when b = 0), ∂y/∂b = aᵇ·ln a (0 when a = 0 and b ≥ 0; NaN for
 * a < 0, as in PyTorch). `x ** 2` is x·x on both paths, as PyTorch computes it, so taped and
 * plain values agree to the bit, and it records one node with ∂y/∂x = 2x.
 */
export function pow(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return b === 2 ? a * a : a ** b;
  return powActive(a, b);
}
function powActive(a: unknown, b: unknown): unknown {
  if (a instanceof Var) {
    const x = a.v;
    if (typeof b === 'number') {
      if (b === 2) return rec1(x * x, a.id, 2 * x);
      return rec1(x ** b, a.id, b === 0 ? 0 : b * x ** (b - 1));
    }
    if (b instanceof Var) {
      const y = x ** b.v;
      return rec2(y, a.id, b.v === 0 ? 0 : b.v * x ** (b.v - 1), b.id, powDb(x, b.v, y));
    }
  } else if (b instanceof Var && typeof a === 'number') {
    const y = a ** b.v;
    return rec1(y, b.id, powDb(a, b.v, y));
  }
  return slowBinary(a, b, pow, (x, y) => hdBinary(BINARY.pow, x, y), NATIVE.pow, false);
}

/** y = −a; ∂y/∂a = −1. */
export function neg(a: unknown): unknown {
  if (typeof a === 'number') return -a;
  return negActive(a);
}
function negActive(a: unknown): unknown {
  if (a instanceof Var) return rec1(-a.v, a.id, -1);
  if (isLiveDual(a)) return hdUnary(UNARY.neg, a);
  return slowUnary(a, neg, (p) => -(p as number));
}

/** Unary plus: numbers and active values pass through (gradient kept); anything else is `+x`. */
export function pos(a: unknown): unknown {
  if (typeof a === 'number' || isActiveValue(a)) return a;
  return slowUnary(a, pos, (p) => +(p as number));
}

/** The value of `x++` / `++x` written back to x: x + 1 (a bigint steps by 1n, as in JavaScript). */
export function inc(a: unknown): unknown {
  if (typeof a === 'number') return a + 1;
  return step(a, 1);
}

/** `x--` / `--x`: x − 1. */
export function dec(a: unknown): unknown {
  if (typeof a === 'number') return a - 1;
  return step(a, -1);
}

function step(a: unknown, by: 1 | -1): unknown {
  const p = toPrimitive(a, 'number'); // an active value stays itself
  if (typeof p === 'bigint') return p + BigInt(by);
  return add(isActiveValue(p) ? p : Number(p), by);
}
