/**
 * The process's one tape and the two ways the runtime records an operation on it.
 *
 * One tape per process (per worker): the runtime, the evaluation functions and the nn library's
 * custom nodes all append to the same arrays, so a loss that mixes scalar code and tensor layers
 * gets one gradient from one reverse sweep.
 */
import { Tape } from './tape';
import { Var } from './var';

/** The process's tape. It is never replaced (only reset and grown), so holding it is safe. */
export const tape = new Tape();

export function activeTape(): Tape {
  return tape;
}

/**
 * Var objects by node id, reused from one evaluation to the next: node k's value is written into
 * `pool[k]` instead of allocating a fresh Var (and its boxed double) per operation. On learner
 * loops the allocation and the young-generation collections it caused were a quarter of the
 * forward pass. A node is recorded once per evaluation, so within one evaluation every node
 * still has its own object. The price: a Var is meaningful only during the evaluation that
 * produced it (a loss that stashes one in module state sees it change — which was already wrong
 * before, since its id then names a node of the next evaluation's tape).
 */
const pool: Var[] = [];

/**
 * The pool stops growing at 2¹⁸ Vars (~25 MB): a loss with more operations than that per
 * evaluation takes milliseconds anyway, and a runaway loop must not leave millions of Vars
 * behind for the rest of the process. Past the cap, nodes get ordinary fresh Vars.
 */
const POOL_MAX = 1 << 18;

function take(k: number, y: number): Var {
  if (k < pool.length) {
    const o = pool[k];
    o.v = y;
    return o;
  }
  return fresh(k, y);
}

/** Out of line, so that take() stays small enough to inline everywhere. */
function fresh(k: number, y: number): Var {
  if (k >= POOL_MAX) return new Var(k, y);
  // NaN first, not 0: V8 then lays `v` out as a double field from the first Var on.
  while (pool.length <= k) pool.push(new Var(pool.length, Number.NaN));
  pool[k].v = y;
  return pool[k];
}

/** A parameter (or any input) as a leaf node. */
export function recLeaf(y: number): Var {
  return take(tape.leaf(y), y);
}

/** The parameters as leaves (ids first … first + n − 1, in order): their Vars, in an array. */
export function recLeaves(values: ArrayLike<number>): Var[] {
  const out = new Array<Var>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = take(tape.leaf(values[i]), values[i]);
  return out;
}

/** y = f(a): one node with ∂y/∂a, returned as an active value. */
export function rec1(y: number, a: number, da: number): Var {
  return take(tape.unary(y, a, da), y);
}

/** y = f(a, b): one node with ∂y/∂a and ∂y/∂b. */
export function rec2(y: number, a: number, da: number, b: number, db: number): Var {
  return take(tape.binary(y, a, da, b, db), y);
}

/**
 * The Var of node k with value y, for fused expressions (runner/transformFusion.ts), which write
 * their nodes themselves: y = f(x₁ … xₙ) with ∂y/∂xⱼ known. Up to three active leaves make one
 * node (unary, binary, ternary); past three, each further leaf adds a node holding the previous
 * one (∂ = 1) and that leaf, which the reverse sweep turns back into exactly Σⱼ ∂y/∂xⱼ · ȳ.
 */
export function fusedNode(k: number, y: number): Var {
  return take(k, y);
}

let runs = 0;

/**
 * A fresh token for one run of a loop that accumulates (`s += …`, runner/transformAccumulate.ts):
 * an accumulator node grows only within the run that started it (tape.ts).
 */
export function accToken(): number {
  return ++runs;
}
