/**
 * Where a NaN in the gradient comes from: the operation whose local derivative is not a number
 * although its own value and the adjoint reaching it are finite — `(−2) ** n` differentiated in
 * n needs ln(−2), `Math.sqrt(x)` at x = 0 has an infinite slope. Read from the backprop graph of
 * one evaluation at the point (backpropGraph.ts), so the answer names the learner's expression.
 */
import { backpropGraph } from './backpropGraph';

export interface NanGradientSite {
  /** The operation as the graph labels it (`^`, `Math.sqrt`, `×` …). */
  op: string;
  /** 1-based line of the expression in the trained file, when known. */
  line?: number;
}

export function nanGradientSite(source: string, fileName: string, at: number[]): NanGradientSite | undefined {
  const graph = backpropGraph(source, fileName, { at });
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const site = (id: number) => {
    const op = byId.get(id);
    return op && op.kind === 'operation' ? { op: op.label, line: op.range?.line } : undefined;
  };
  // The culprit: a finite adjoint reaches it, and what it passes on to an input (adjoint × local
  // derivative) is not finite.
  for (const edge of graph.edges) {
    const to = byId.get(edge.to);
    if (edge.partial === undefined || !to || !Number.isFinite(to.adjoint)) continue;
    if (!Number.isFinite(to.adjoint * edge.partial)) return site(edge.to);
  }
  // A collapsed graph (a loop's thousands of nodes) has no per-edge derivative: the first group
  // with a finite adjoint whose input's adjoint is not finite, when that input has no other consumer.
  for (const edge of graph.edges) {
    const to = byId.get(edge.to);
    const from = byId.get(edge.from);
    const consumers = graph.edges.filter((e) => e.from === edge.from).length;
    if (to && from && consumers === 1 && Number.isFinite(to.adjoint) && !Number.isFinite(from.adjoint)) return site(edge.to);
  }
  return undefined;
}
