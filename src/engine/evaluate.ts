/**
 * Evaluating a loss function written against the runtime: build its parameter argument (leaves
 * 0…n−1 of the tape, in order), run it, check what it returned, and sweep back once — or the
 * same with plain numbers (no tape), or with hyper-dual numbers for the exact Hessian.
 *
 * Each of them — and each Hessian pass — is one *evaluation* (var.ts): the active values a
 * loss kept from an earlier one (module state, a memo) are the constants they were, and what it
 * used of the nn library is recorded afresh (recording.ts).
 */
import { beginEvaluation, endEvaluation, recLeaf, recLeaves, startRecording } from './recording';
import { LossNotNumberError } from './runtimeErrors';
import { Var } from './var';
import { HyperDual } from './hyperDual';

export type ParamShape = { kind: 'scalar' } | { kind: 'array'; length: number } | { kind: 'object'; keys: string[] };

export function dimensionOf(shape: ParamShape): number {
  return shape.kind === 'scalar' ? 1 : shape.kind === 'array' ? shape.length : shape.keys.length;
}

function build<T>(shape: ParamShape, leaf: (i: number) => T): unknown {
  if (shape.kind === 'scalar') return leaf(0);
  if (shape.kind === 'array') {
    // A plain loop: Array.from({ length }, fn) costs more than a small loss itself.
    const a = new Array<T>(shape.length);
    for (let i = 0; i < shape.length; i++) a[i] = leaf(i);
    return a;
  }
  const o: Record<string, T> = {};
  for (let i = 0; i < shape.keys.length; i++) o[shape.keys[i]] = leaf(i);
  return o;
}

/** The parameters as leaves 0…n−1 of the tape, in the loss's shape. */
function leaves(shape: ParamShape, params: ArrayLike<number>): unknown {
  if (shape.kind === 'array')
    return recLeaves(params.length === shape.length ? params : Array.from({ length: shape.length }, (_, i) => params[i]));
  return build(shape, (i) => recLeaf(params[i]));
}

/** The loss's return value as a scalar: a number, a Var, or a 1-element tensor (toScalar()). */
function scalarResult(r: unknown): unknown {
  if (typeof r === 'number' || r instanceof Var || r instanceof HyperDual) return r;
  if (typeof r === 'object' && r !== null && typeof (r as { toScalar?: unknown }).toScalar === 'function') {
    return (r as { toScalar(): unknown }).toScalar();
  }
  throw new LossNotNumberError(describe(r));
}

export function describe(r: unknown): string {
  if (r === undefined) return 'undefined';
  if (r === null) return 'null';
  if (typeof r === 'string') return `the string ${JSON.stringify(r.length > 40 ? `${r.slice(0, 40)}…` : r)}`;
  if (Array.isArray(r)) return `an array of ${r.length}`;
  if (typeof r === 'bigint') return `the bigint ${r}`;
  return typeof r === 'object' ? 'an object' : typeof r;
}

export interface Evaluation {
  value: number;
  gradient: Float64Array;
  /** True when the result does not depend on the parameters at all (gradient all zeros). */
  constant: boolean;
}

/**
 * A fresh gradient array of length n, cheaply. `new Float64Array(100)` costs ~0.6 µs in V8 (any
 * typed array over 64 bytes gets its own off-heap buffer) — half a hand-written gradient of 100
 * parameters. So gradients are views carved out of a shared 64 KB slab: each view is still the
 * caller's own (never handed out twice, never overwritten); a full slab is simply left to the
 * garbage collector once the last view into it is gone.
 */
const SLAB = 1 << 13;
let slab = new Float64Array(SLAB);
let slabUsed = 0;

function gradientArray(n: number): Float64Array {
  // Up to 8 doubles V8 allocates the array inline (as cheap as a view); past SLAB/8, the work
  // of a gradient that size dwarfs the allocation.
  if (n <= 8 || n > SLAB >> 3) return new Float64Array(n);
  if (slabUsed + n > SLAB) {
    slab = new Float64Array(SLAB);
    slabUsed = 0;
  }
  const g = slab.subarray(slabUsed, slabUsed + n);
  slabUsed += n;
  return g;
}

/**
 * Value and exact gradient of fn at params: reset the tape, record the parameters as leaves
 * 0…n−1 (in order, so the gradient is adj[0…n−1]), run fn, sweep back once.
 * A NaN or infinite result is returned as the value (training reports it as divergence).
 */
export function valueAndGrad(
  fn: (params: unknown, ...rest: unknown[]) => unknown,
  params: ArrayLike<number>,
  shape: ParamShape,
  rest: unknown[] = [],
): Evaluation {
  const n = dimensionOf(shape);
  const tape = startRecording();
  const arg = leaves(shape, params);
  const r = scalarResult(rest.length === 0 ? fn(arg) : rest.length === 1 ? fn(arg, rest[0]) : fn(arg, ...rest));
  const gradient = gradientArray(n);
  const root = r instanceof Var ? r.id : -1; // −1: a number, or a value kept from an earlier evaluation (`return best`)
  if (root >= 0) {
    // Custom backward closures (tensor ops) may still read the ids of this evaluation's Vars.
    const adj = tape.backward(root);
    for (let i = 0; i < n; i++) gradient[i] = adj[i];
  }
  endEvaluation(); // the evaluation is over: a Var the loss kept is now a constant
  if (root < 0) return { value: typeof r === 'number' ? r : r instanceof Var ? r.v : (r as HyperDual).a, gradient, constant: true };
  return { value: (r as Var).v, gradient, constant: false };
}

/** Value only, with plain numbers: no tape at all (surface sampling, line searches). */
export function value0(
  fn: (params: unknown, ...rest: unknown[]) => unknown,
  params: ArrayLike<number>,
  shape: ParamShape,
  rest: unknown[] = [],
): number {
  beginEvaluation(); // earlier Vars are constants: nothing is recorded
  const r = scalarResult(
    fn(
      build(shape, (i) => params[i]),
      ...rest,
    ),
  );
  endEvaluation();
  return r instanceof Var ? r.v : r instanceof HyperDual ? r.a : (r as number);
}

/** Exact Hessian (row-major n×n) by hyper-dual numbers: one pass per pair i ≤ j. */
export function hessian(
  fn: (params: unknown, ...rest: unknown[]) => unknown,
  params: ArrayLike<number>,
  shape: ParamShape,
  rest: unknown[] = [],
): Float64Array {
  const n = dimensionOf(shape);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      beginEvaluation(); // hyper-duals kept from the pass before are constants
      const arg = build(shape, (k) => new HyperDual(params[k], k === i ? 1 : 0, k === j ? 1 : 0, 0));
      const r = scalarResult(fn(arg, ...rest));
      const h = r instanceof HyperDual ? r.e12 : 0;
      endEvaluation();
      H[i * n + j] = h;
      H[j * n + i] = h;
    }
  }
  return H;
}
