/**
 * The process's one tape and the two ways the runtime records an operation on it.
 *
 * One tape per process (per worker): the runtime, the evaluation functions and the nn library's
 * custom nodes all append to the same arrays, so a loss that mixes scalar code and tensor layers
 * gets one gradient from one reverse sweep.
 */
import { Tape } from './tape';
import { Var, startEvaluation } from './var';

/** The process's tape. It is never replaced (only reset and grown), so holding it is safe. */
export const tape = new Tape();

export function activeTape(): Tape {
  return tape;
}

/**
 * The Var of node k with value y — or, when there is no node (k = −1: every operand was a value
 * kept from an earlier evaluation, a constant; see Tape.unary), the plain number y, as
 * JavaScript would have computed it.
 *
 * A fresh Var per node, never one reused from an earlier evaluation: a loss may keep a Var in
 * module state (`firstLoss ??= raw`, a memo Map), and a reused object would then change under
 * it and stand for a node of the new tape — a silently wrong value and gradient. (An earlier
 * version pooled Vars by node id for speed. Measured against it, separate processes, the
 * allocation costs nothing on the large workloads — nearly every intermediate Var dies young — and
 * a few nanoseconds per parameter leaf on tiny ones: ≈ 6% on W1 and W2 of `npm run bench`. The
 * leaves cannot be pooled either: a loss may keep its parameter array, or one parameter.)
 */
function take(k: number, y: number): Var | number {
  return k < 0 ? y : new Var(k, y);
}

export type LossKind = 'mse' | 'crossEntropy' | 'binaryCrossEntropy';

/**
 * What the evaluation used of the `gdtutor` nn library: the network whose `forward` ran and the
 * loss it was scored with. The tutor reads it after an evaluation (nn/usage.ts) to show and export
 * "the network of this file" without the learner exporting the model object.
 *
 * It lives here, beside the tape, because like the tape it belongs to one evaluation. Every
 * evaluation — value and gradient, value only, each Hessian pass (evaluate.ts) — starts it empty,
 * so a file that stopped using a network is not reported with the one it used before; ending an
 * evaluation leaves it alone, so it is read after. nn writes it and this module imports nothing of
 * nn (no import cycle): `network` is a Sequential, which nn/usage.ts checks when reading it.
 */
export const nnUsed: { network: object | undefined; loss: LossKind | undefined } = { network: undefined, loss: undefined };

/** Starts an evaluation of any kind: earlier Vars now constants (var.ts), nothing of nn used yet. */
export function beginEvaluation(): void {
  startEvaluation();
  nnUsed.network = undefined;
  nnUsed.loss = undefined;
}

/** Ends an evaluation: its Vars become constants; what it used of nn stays readable. */
export function endEvaluation(): void {
  startEvaluation();
}

/** Starts an evaluation on the process's tape: an empty tape, earlier Vars now constants (var.ts). */
export function startRecording(): Tape {
  beginEvaluation();
  tape.reset();
  return tape;
}

/** A parameter (or any input) as a leaf node. */
export function recLeaf(y: number): Var {
  return new Var(tape.leaf(y), y);
}

/** The parameters as leaves (ids first … first + n − 1, in order): their Vars, in an array. */
export function recLeaves(values: ArrayLike<number>): Var[] {
  const out = new Array<Var>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = new Var(tape.leaf(values[i]), values[i]);
  return out;
}

/** y = f(a): one node with ∂y/∂a, returned as an active value (a = −1, a constant: y itself). */
export function rec1(y: number, a: number, da: number): Var | number {
  return take(tape.unary(y, a, da), y);
}

/** y = f(a, b): one node with ∂y/∂a and ∂y/∂b (a parent −1 is a constant: left out). */
export function rec2(y: number, a: number, da: number, b: number, db: number): Var | number {
  return take(tape.binary(y, a, da, b, db), y);
}

/**
 * The Var of node k with value y, for fused expressions (runner/transformFusion.ts), which write
 * their nodes themselves: y = f(x₁ … xₙ) with ∂y/∂xⱼ known. Up to three active leaves make one
 * node (unary, binary, ternary); past three, each further leaf adds a node holding the previous
 * one (∂ = 1) and that leaf, which the reverse sweep turns back into exactly Σⱼ ∂y/∂xⱼ · ȳ.
 */
export function fusedNode(k: number, y: number): Var | number {
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
