/**
 * The runtime the transformed learner code calls through `__gd` (see runner/transform.ts):
 * every operator, comparison and `Math` call of the loss file lands here.
 *
 * Three kinds of values flow through the same functions:
 *   number     a plain value that does not depend on the parameters: native arithmetic, no tape;
 *   Var        an active value: the op is recorded on the process's one tape (tape.ts);
 *   HyperDual  only while computing an exact Hessian (hyperDual.ts).
 * The number path comes first in every function and V8 inlines it, so loops over constants,
 * indices and data stay at native speed. One runtime per process: per-file copies would make
 * the call sites polymorphic (≈3× slower, DESIGN.md).
 *
 * Each op states its value and local derivative side by side; rules.ts holds the same formulas
 * as the single reference table (a test checks the two agree).
 */
import { Tape } from './tape';
import { Var, TapeEscapeError } from './var';
import { HyperDual, hdBinary, hdUnary } from './hyperDual';
import { BINARY, UNARY, PIECEWISE_CONSTANT, powDb } from './rules';
import { lt, le, gt, ge, eq, ne, looseEq, looseNe, NumberRuntime, typeOf, toNumber, isFiniteGlobal, isNaNGlobal, value, isActive } from './valueChecks';

export { Var, TapeEscapeError, HyperDual };
export { lt, le, gt, ge, eq, ne, looseEq, looseNe, NumberRuntime, typeOf, toNumber, value, isActive };

/** The process's tape. nn tensor ops record custom nodes on it (activeTape()). */
let tape = new Tape();

export function activeTape(): Tape {
  return tape;
}

// ── errors the runner turns into learner messages ───────────────────────────

export class LossNotNumberError extends Error {
  constructor(readonly got: string) {
    super(`loss returned ${got}, not a number`);
    this.name = 'LossNotNumberError';
  }
}

export class LossNotFiniteError extends Error {
  constructor(readonly got: number) {
    super(`loss returned ${got}`);
    this.name = 'LossNotFiniteError';
  }
}

export class NotDifferentiableError extends Error {
  constructor(readonly op: string) {
    super(`${op} is not differentiable: it cannot take a value that depends on the parameters`);
    this.name = 'NotDifferentiableError';
  }
}

/** JS semantics for anything that is not a number (strings, undefined, objects …). */
function other(a: unknown, b: unknown, op: string): never | number | string {
  if (a instanceof Var || b instanceof Var || a instanceof HyperDual || b instanceof HyperDual) {
    // A Var meeting a non-number: valueOf() would throw TapeEscapeError anyway; say it plainly.
    throw new TapeEscapeError(Number.NaN);
  }
  switch (op) {
    case '+':
      return (a as number) + (b as number);
    case '-':
      return (a as number) - (b as number);
    case '*':
      return (a as number) * (b as number);
    case '/':
      return (a as number) / (b as number);
    case '%':
      return (a as number) % (b as number);
    default:
      return (a as number) ** (b as number);
  }
}

// ── interrupts: loops in learner code ask, now and then, whether to stop ────

/** Thrown inside learner code when the host asked the run to stop (1 = cancel, 2 = timeout). */
export class InterruptedError extends Error {
  constructor(readonly why: number) {
    super(why === 2 ? 'time limit reached inside the loss' : 'cancelled inside the loss');
    this.name = 'InterruptedError';
  }
}

let interruptCheck: () => number = () => 0;
let ticks = 0;

/** The worker installs a check of its shared stop flag (0 = keep going). */
export function setInterruptCheck(check: () => number): void {
  interruptCheck = check;
}

/**
 * Called by the transformer at the top of every loop body: a counter, and every 16,384th time a
 * look at the stop flag. So an endless loop stops with its own line in the stack trace, and the
 * learner is told where it is, instead of the worker being killed blind.
 */
export function tick(): void {
  if ((++ticks & 0x3fff) !== 0) return;
  const why = interruptCheck();
  if (why !== 0) throw new InterruptedError(why);
}

// ── arithmetic ──────────────────────────────────────────────────────────────

/** y = a + b; ∂y/∂a = 1, ∂y/∂b = 1. Strings concatenate as in JavaScript. */
export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a + b;
    if (b instanceof Var) return rec1(a + b.v, b.id, 1);
  } else if (a instanceof Var) {
    if (typeof b === 'number') return rec1(a.v + b, a.id, 1);
    if (b instanceof Var) return rec2(a.v + b.v, a.id, 1, b.id, 1);
  }
  if (typeof a === 'string' || typeof b === 'string') return String(a) + String(b);
  return slow('add', a, b, '+');
}

/** y = a − b; ∂y/∂a = 1, ∂y/∂b = −1. */
export function sub(a: unknown, b: unknown): unknown {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    if (b instanceof Var) return rec1(a - b.v, b.id, -1);
  } else if (a instanceof Var) {
    if (typeof b === 'number') return rec1(a.v - b, a.id, 1);
    if (b instanceof Var) return rec2(a.v - b.v, a.id, 1, b.id, -1);
  }
  return slow('sub', a, b, '-');
}

/** y = a·b; ∂y/∂a = b, ∂y/∂b = a. */
export function mul(a: unknown, b: unknown): unknown {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a * b;
    if (b instanceof Var) return rec1(a * b.v, b.id, a);
  } else if (a instanceof Var) {
    if (typeof b === 'number') return rec1(a.v * b, a.id, b);
    if (b instanceof Var) return rec2(a.v * b.v, a.id, b.v, b.id, a.v);
  }
  return slow('mul', a, b, '*');
}

/** y = a/b; ∂y/∂a = 1/b, ∂y/∂b = −a/b² = −y/b. */
export function div(a: unknown, b: unknown): unknown {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a / b;
    if (b instanceof Var) {
      const y = a / b.v;
      return rec1(y, b.id, -y / b.v);
    }
  } else if (a instanceof Var) {
    if (typeof b === 'number') return rec1(a.v / b, a.id, 1 / b);
    if (b instanceof Var) {
      const y = a.v / b.v;
      return rec2(y, a.id, 1 / b.v, b.id, -y / b.v);
    }
  }
  return slow('div', a, b, '/');
}

/** y = a mod b = a − b·trunc(a/b); ∂y/∂a = 1, ∂y/∂b = −trunc(a/b). */
export function mod(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a % b;
  return slow('mod', a, b, '%');
}

/**
 * y = aᵇ; ∂y/∂a = b·aᵇ⁻¹, ∂y/∂b = aᵇ·ln a. The common `x ** 2` records one node with
 * ∂y/∂a = 2a and no second pow for the derivative.
 */
export function pow(a: unknown, b: unknown): unknown {
  if (typeof a === 'number') {
    // x² as x·x on both paths (as PyTorch does), so taped and plain values agree to the bit.
    if (typeof b === 'number') return b === 2 ? a * a : a ** b;
    if (b instanceof Var) {
      const y = a ** b.v;
      return rec1(y, b.id, powDb(a, b.v, y));
    }
  } else if (a instanceof Var) {
    if (typeof b === 'number') {
      const x = a.v;
      if (b === 2) return rec1(x * x, a.id, 2 * x);
      const y = x ** b;
      return rec1(y, a.id, b === 0 ? 0 : b * x ** (b - 1));
    }
    if (b instanceof Var) {
      const y = a.v ** b.v;
      return rec2(y, a.id, b.v === 0 ? 0 : b.v * a.v ** (b.v - 1), b.id, powDb(a.v, b.v, y));
    }
  }
  return slow('pow', a, b, '**');
}

/** y = −a; ∂y/∂a = −1. */
export function neg(a: unknown): unknown {
  if (typeof a === 'number') return -a;
  if (a instanceof Var) return rec1(-a.v, a.id, -1);
  if (a instanceof HyperDual) return hdUnary(UNARY.neg, a);
  return -(a as number);
}

/** Unary plus: numbers and active values pass through; anything else converts like `+x`. */
export function pos(a: unknown): unknown {
  if (typeof a === 'number' || a instanceof Var || a instanceof HyperDual) return a;
  return +(a as number);
}

/** `x++` / `++x` value: x + 1. */
export function inc(a: unknown): unknown {
  return typeof a === 'number' ? a + 1 : add(a, 1);
}

/** `x--` / `--x` value: x − 1. */
export function dec(a: unknown): unknown {
  return typeof a === 'number' ? a - 1 : sub(a, 1);
}

function slow(name: string, a: unknown, b: unknown, op: string): unknown {
  if (a instanceof HyperDual || b instanceof HyperDual) {
    if ((typeof a === 'number' || a instanceof HyperDual) && (typeof b === 'number' || b instanceof HyperDual)) return hdBinary(BINARY[name], a, b);
  }
  if ((a instanceof Var || typeof a === 'number') && (b instanceof Var || typeof b === 'number')) {
    // Only mod reaches here with Vars: recorded from the table.
    return recordBinary(name, a, b);
  }
  return other(a, b, op);
}

// ── recording ───────────────────────────────────────────────────────────────

function rec1(v: number, a: number, da: number): Var {
  return new Var(tape.unary(v, a, da), v);
}

function rec2(v: number, a: number, da: number, b: number, db: number): Var {
  return new Var(tape.binary(v, a, da, b, db), v);
}

function recordBinary(name: string, a: number | Var, b: number | Var): number | Var {
  const rule = BINARY[name];
  const av = typeof a === 'number' ? a : a.v;
  const bv = typeof b === 'number' ? b : b.v;
  const y = rule.f(av, bv);
  if (typeof a === 'number' && typeof b === 'number') return y;
  const [da, db] = rule.d(av, bv, y);
  if (typeof a === 'number') return rec1(y, (b as Var).id, db);
  if (typeof b === 'number') return rec1(y, a.id, da);
  return rec2(y, a.id, da, b.id, db);
}

function unaryFn(name: string): (x: unknown) => unknown {
  const rule = UNARY[name];
  const constant = PIECEWISE_CONSTANT.has(name);
  return (x: unknown) => {
    if (typeof x === 'number') return rule.f(x);
    if (x instanceof Var) {
      const y = rule.f(x.v);
      // Zero-gradient functions give plain numbers: nothing downstream depends on the parameters.
      return constant ? y : rec1(y, x.id, rule.d(x.v, y));
    }
    if (x instanceof HyperDual) return constant ? rule.f(x.a) : hdUnary(rule, x);
    return rule.f(x as number);
  };
}

/** Folds an n-ary Math function (hypot, max, min) into its binary rule. */
function naryFn(name: string, empty: number): (...xs: unknown[]) => unknown {
  const rule = BINARY[name];
  return (...xs: unknown[]) => {
    if (xs.every((x) => typeof x === 'number')) return (Math[name as 'max'] as (...v: number[]) => number)(...(xs as number[]));
    if (name === 'hypot') {
      // hypot(a, b, c) = √(a² + b² + c²): recorded through the scalar ops for exactness.
      let s: unknown = 0;
      for (const x of xs) s = add(s, mul(x, x));
      return MathRuntime.sqrt(s);
    }
    let acc: unknown = xs.length ? xs[0] : empty;
    for (let i = 1; i < xs.length; i++) acc = binary(rule, name, acc, xs[i]);
    return acc;
  };
}

function binary(rule: BinaryRule2, name: string, a: unknown, b: unknown): unknown {
  if (a instanceof HyperDual || b instanceof HyperDual) return hdBinary(rule, a as number | HyperDual, b as number | HyperDual);
  if ((typeof a === 'number' || a instanceof Var) && (typeof b === 'number' || b instanceof Var)) return recordBinary(name, a, b);
  return rule.f(a as number, b as number);
}

type BinaryRule2 = (typeof BINARY)[string];

function noGradient(name: string): (...xs: unknown[]) => number {
  return (...xs: unknown[]) => {
    if (xs.some((x) => x instanceof Var || x instanceof HyperDual)) throw new NotDifferentiableError(`Math.${name}`);
    return (Math[name as 'imul'] as (...v: number[]) => number)(...(xs as number[]));
  };
}

/** `__gd.Math`: every member of Math, the differentiable ones recording on the tape. */
export const MathRuntime = {
  E: Math.E,
  LN10: Math.LN10,
  LN2: Math.LN2,
  LOG10E: Math.LOG10E,
  LOG2E: Math.LOG2E,
  PI: Math.PI,
  SQRT1_2: Math.SQRT1_2,
  SQRT2: Math.SQRT2,
  exp: unaryFn('exp'),
  expm1: unaryFn('expm1'),
  log: unaryFn('log'),
  log1p: unaryFn('log1p'),
  log2: unaryFn('log2'),
  log10: unaryFn('log10'),
  sqrt: unaryFn('sqrt'),
  cbrt: unaryFn('cbrt'),
  sin: unaryFn('sin'),
  cos: unaryFn('cos'),
  tan: unaryFn('tan'),
  asin: unaryFn('asin'),
  acos: unaryFn('acos'),
  atan: unaryFn('atan'),
  sinh: unaryFn('sinh'),
  cosh: unaryFn('cosh'),
  tanh: unaryFn('tanh'),
  asinh: unaryFn('asinh'),
  acosh: unaryFn('acosh'),
  atanh: unaryFn('atanh'),
  abs: unaryFn('abs'),
  sign: unaryFn('sign'),
  floor: unaryFn('floor'),
  ceil: unaryFn('ceil'),
  round: unaryFn('round'),
  trunc: unaryFn('trunc'),
  fround: unaryFn('fround'),
  pow: (a: unknown, b: unknown) => pow(a, b),
  atan2: (a: unknown, b: unknown) => binary(BINARY.atan2, 'atan2', a, b),
  hypot: naryFn('hypot', 0),
  max: naryFn('max', -Infinity),
  min: naryFn('min', Infinity),
  random: Math.random,
  clz32: noGradient('clz32'),
  imul: noGradient('imul'),
};

/** Gives this process a fresh tape (tests; a worker starts with one). */
export function resetRuntime(capacity?: number): void {
  tape = new Tape(capacity);
}

/** The object transformed code receives as `__gd`. */
export const gd = {
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
};

export type Runtime = typeof gd;
