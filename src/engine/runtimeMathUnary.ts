/**
 * The differentiable one-argument functions of `Math`, each written out on its own — on purpose.
 *
 * A factory (`unary(rule) => (x) => …`) would be shorter, but every closure it returns shares one
 * feedback vector in V8, so `rule.f(x)` inside would see all 21 rules and become a megamorphic
 * call that is never inlined: `Math.sin(w)` in a learner's loop would cost a real call or two.
 * Written out, each function's call of its rule is monomorphic and compiles to the bare formula.
 *
 * Every function: the plain number first (a one-line function V8 inlines into the caller), then
 * the active case: one node with the local derivative from the rules table (rules.ts), which is
 * therefore the only place the formulas live. Hyper-duals and odd operands go to unaryOther.
 */
import { Var } from './var';
import { hdUnary, isLiveDual } from './hyperDual';
import { UNARY, type UnaryRule } from './rules';
import { rec1 } from './recording';
import { slowUnary } from './coercion';

const {
  exp: EXP,
  expm1: EXPM1,
  log: LOG,
  log1p: LOG1P,
  log2: LOG2,
  log10: LOG10,
  sqrt: SQRT,
  cbrt: CBRT,
  sin: SIN,
  cos: COS,
  tan: TAN,
} = UNARY;
const {
  asin: ASIN,
  acos: ACOS,
  atan: ATAN,
  sinh: SINH,
  cosh: COSH,
  tanh: TANH,
  asinh: ASINH,
  acosh: ACOSH,
  atanh: ATANH,
  abs: ABS,
} = UNARY;

/** Hyper-dual numbers (Hessian), and strings, booleans, objects … converted as Math.f would. */
function unaryOther(x: unknown, rule: UnaryRule, self: (x: unknown) => unknown): unknown {
  if (isLiveDual(x)) return hdUnary(rule, x);
  return slowUnary(x, self, (p) => rule.f(p as number));
}

export function exp(x: unknown): unknown {
  return typeof x === 'number' ? Math.exp(x) : expActive(x);
}
function expActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, EXP, exp);
  const a = x.v;
  const y = EXP.f(a);
  return rec1(y, x.id, EXP.d(a, y));
}

export function expm1(x: unknown): unknown {
  return typeof x === 'number' ? Math.expm1(x) : expm1Active(x);
}
function expm1Active(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, EXPM1, expm1);
  const a = x.v;
  const y = EXPM1.f(a);
  return rec1(y, x.id, EXPM1.d(a, y));
}

export function log(x: unknown): unknown {
  return typeof x === 'number' ? Math.log(x) : logActive(x);
}
function logActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, LOG, log);
  const a = x.v;
  const y = LOG.f(a);
  return rec1(y, x.id, LOG.d(a, y));
}

export function log1p(x: unknown): unknown {
  return typeof x === 'number' ? Math.log1p(x) : log1pActive(x);
}
function log1pActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, LOG1P, log1p);
  const a = x.v;
  const y = LOG1P.f(a);
  return rec1(y, x.id, LOG1P.d(a, y));
}

export function log2(x: unknown): unknown {
  return typeof x === 'number' ? Math.log2(x) : log2Active(x);
}
function log2Active(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, LOG2, log2);
  const a = x.v;
  const y = LOG2.f(a);
  return rec1(y, x.id, LOG2.d(a, y));
}

export function log10(x: unknown): unknown {
  return typeof x === 'number' ? Math.log10(x) : log10Active(x);
}
function log10Active(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, LOG10, log10);
  const a = x.v;
  const y = LOG10.f(a);
  return rec1(y, x.id, LOG10.d(a, y));
}

export function sqrt(x: unknown): unknown {
  return typeof x === 'number' ? Math.sqrt(x) : sqrtActive(x);
}
function sqrtActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, SQRT, sqrt);
  const a = x.v;
  const y = SQRT.f(a);
  return rec1(y, x.id, SQRT.d(a, y));
}

export function cbrt(x: unknown): unknown {
  return typeof x === 'number' ? Math.cbrt(x) : cbrtActive(x);
}
function cbrtActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, CBRT, cbrt);
  const a = x.v;
  const y = CBRT.f(a);
  return rec1(y, x.id, CBRT.d(a, y));
}

export function sin(x: unknown): unknown {
  return typeof x === 'number' ? Math.sin(x) : sinActive(x);
}
function sinActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, SIN, sin);
  const a = x.v;
  const y = SIN.f(a);
  return rec1(y, x.id, SIN.d(a, y));
}

export function cos(x: unknown): unknown {
  return typeof x === 'number' ? Math.cos(x) : cosActive(x);
}
function cosActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, COS, cos);
  const a = x.v;
  const y = COS.f(a);
  return rec1(y, x.id, COS.d(a, y));
}

export function tan(x: unknown): unknown {
  return typeof x === 'number' ? Math.tan(x) : tanActive(x);
}
function tanActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, TAN, tan);
  const a = x.v;
  const y = TAN.f(a);
  return rec1(y, x.id, TAN.d(a, y));
}

export function asin(x: unknown): unknown {
  return typeof x === 'number' ? Math.asin(x) : asinActive(x);
}
function asinActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, ASIN, asin);
  const a = x.v;
  const y = ASIN.f(a);
  return rec1(y, x.id, ASIN.d(a, y));
}

export function acos(x: unknown): unknown {
  return typeof x === 'number' ? Math.acos(x) : acosActive(x);
}
function acosActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, ACOS, acos);
  const a = x.v;
  const y = ACOS.f(a);
  return rec1(y, x.id, ACOS.d(a, y));
}

export function atan(x: unknown): unknown {
  return typeof x === 'number' ? Math.atan(x) : atanActive(x);
}
function atanActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, ATAN, atan);
  const a = x.v;
  const y = ATAN.f(a);
  return rec1(y, x.id, ATAN.d(a, y));
}

export function sinh(x: unknown): unknown {
  return typeof x === 'number' ? Math.sinh(x) : sinhActive(x);
}
function sinhActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, SINH, sinh);
  const a = x.v;
  const y = SINH.f(a);
  return rec1(y, x.id, SINH.d(a, y));
}

export function cosh(x: unknown): unknown {
  return typeof x === 'number' ? Math.cosh(x) : coshActive(x);
}
function coshActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, COSH, cosh);
  const a = x.v;
  const y = COSH.f(a);
  return rec1(y, x.id, COSH.d(a, y));
}

export function tanh(x: unknown): unknown {
  return typeof x === 'number' ? Math.tanh(x) : tanhActive(x);
}
function tanhActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, TANH, tanh);
  const a = x.v;
  const y = TANH.f(a);
  return rec1(y, x.id, TANH.d(a, y));
}

export function asinh(x: unknown): unknown {
  return typeof x === 'number' ? Math.asinh(x) : asinhActive(x);
}
function asinhActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, ASINH, asinh);
  const a = x.v;
  const y = ASINH.f(a);
  return rec1(y, x.id, ASINH.d(a, y));
}

export function acosh(x: unknown): unknown {
  return typeof x === 'number' ? Math.acosh(x) : acoshActive(x);
}
function acoshActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, ACOSH, acosh);
  const a = x.v;
  const y = ACOSH.f(a);
  return rec1(y, x.id, ACOSH.d(a, y));
}

export function atanh(x: unknown): unknown {
  return typeof x === 'number' ? Math.atanh(x) : atanhActive(x);
}
function atanhActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, ATANH, atanh);
  const a = x.v;
  const y = ATANH.f(a);
  return rec1(y, x.id, ATANH.d(a, y));
}

export function abs(x: unknown): unknown {
  return typeof x === 'number' ? Math.abs(x) : absActive(x);
}
function absActive(x: unknown): unknown {
  if (!(x instanceof Var)) return unaryOther(x, ABS, abs);
  const a = x.v;
  const y = ABS.f(a);
  return rec1(y, x.id, ABS.d(a, y));
}
