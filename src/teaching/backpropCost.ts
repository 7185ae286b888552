/**
 * Why backpropagation is cheap, with the learner's own numbers: one reverse sweep over the tape
 * costs about as much as the forward pass that recorded it, whatever the number of parameters d,
 * while finite differences need d + 1 evaluations of the loss (one at w, one per nudged
 * parameter) for one gradient.
 *
 * The times are measured on the loss it is given (the worker passes the file compiled as the
 * backprop graph shows it: no fusion, one tape node per operator), by repeating each evaluation
 * until about `budgetMs` has passed; the finite-difference time is an estimate, (d + 1) × one
 * forward pass, not a run. On a loss with very few parameters, finite differences can come out
 * cheaper: the backward pass has a fixed overhead and wins only as d grows (`breakEven`).
 */
import type { CompiledLoss } from '../runner/compile';
import { tape } from '../engine/recording';

export interface BackpropCost {
  dimension: number;
  /** Nodes on the tape after one forward pass with recording (what the backward pass walks). */
  tapeNodes: number;
  /** Milliseconds of one evaluation of the loss alone. */
  forwardMs: number;
  /** Milliseconds of one forward pass with recording plus the backward pass: the whole gradient. */
  forwardBackwardMs: number;
  /** Loss evaluations for one forward-difference gradient: d + 1. */
  finiteDifferenceEvaluations: number;
  /** Estimated milliseconds of one finite-difference gradient: (d + 1) × forwardMs. */
  finiteDifferenceMs: number;
}

/** Smallest d for which finite differences' d + 1 forward passes cost more than one forward + backward pass. */
export function breakEven(cost: Pick<BackpropCost, 'forwardMs' | 'forwardBackwardMs'>): number | undefined {
  if (!(cost.forwardMs > 0)) return undefined;
  return Math.max(1, Math.floor(cost.forwardBackwardMs / cost.forwardMs));
}

/** Mean milliseconds of `f` over as many calls as fit in `budgetMs` (at least `minCalls`). */
function timeOf(f: () => void, budgetMs: number, minCalls = 3): number {
  f(); // warm-up: the first call compiles and allocates
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (calls < minCalls || now - start < budgetMs) {
    f();
    calls++;
    now = performance.now();
  }
  return (now - start) / calls;
}

export function backpropCost(loss: CompiledLoss, at: readonly number[], budgetMs = 40): BackpropCost {
  const w = Array.from(at);
  const d = loss.dimension;
  loss.valueAndGrad(w);
  const tapeNodes = tape.size;
  const forwardMs = timeOf(() => loss.value(w), budgetMs);
  const forwardBackwardMs = timeOf(() => loss.valueAndGrad(w), budgetMs);
  return {
    dimension: d,
    tapeNodes,
    forwardMs,
    forwardBackwardMs,
    finiteDifferenceEvaluations: d + 1,
    finiteDifferenceMs: (d + 1) * forwardMs,
  };
}
