/**
 * The backprop graph (src/teaching/backpropGraph.ts): the tape of one evaluation read back as a
 * graph with values, adjoints, local derivatives and source ranges.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { backpropGraph } from '../../../src/teaching/backpropGraph';
import { compileLoss } from '../../../src/runner/compile';

const ROSENBROCK = path.resolve(__dirname, '../../../examples/rosenbrock.ts');

describe('backprop graph', () => {
  const source = readFileSync(ROSENBROCK, 'utf8');

  it('Rosenbrock at (−1.2, 1): 2 parameters + 7 operations, each with its expression', () => {
    const g = backpropGraph(source, ROSENBROCK);
    assert.equal(g.nodes.length, 9);
    assert.equal(g.tapeNodes, 9);
    assert.deepEqual(
      g.nodes.map((n) => n.label),
      ['x', 'y', '−', '^2', '^2', '−', '^2', '×', '+'],
    );
    assert.deepEqual(
      g.nodes.filter((n) => n.range).map((n) => source.slice(n.range?.start, n.range?.end)),
      [
        '1 - x',
        '(1 - x) ** 2',
        'x ** 2',
        'y - x ** 2',
        '(y - x ** 2) ** 2',
        '100 * (y - x ** 2) ** 2',
        '(1 - x) ** 2 + 100 * (y - x ** 2) ** 2',
      ],
    );
    assert.equal(g.nodes[g.root].kind, 'output');
    assert.equal(g.nodes[g.root].value, 24.199999999999996);
  });

  it('every adjoint is ∂L/∂node: the parameters’ equal the engine’s gradient, and each obeys the chain rule', () => {
    const g = backpropGraph(source, ROSENBROCK, { at: [0.3, -0.7] });
    const engine = compileLoss(source, ROSENBROCK).valueAndGrad([0.3, -0.7]);
    assert.ok(Math.abs(g.nodes[0].adjoint - engine.gradient[0]) <= 1e-12 * Math.abs(engine.gradient[0]));
    assert.ok(Math.abs(g.nodes[1].adjoint - engine.gradient[1]) <= 1e-12 * Math.abs(engine.gradient[1]));
    assert.equal(g.nodes[g.root].adjoint, 1);
    // ∂L/∂u = Σ over u's consumers v of ∂L/∂v · ∂v/∂u — with the numbers on the edges.
    for (const n of g.nodes) {
      if (n.id === g.root) continue;
      const sum = g.edges.filter((e) => e.from === n.id).reduce((s, e) => s + g.nodes[e.to].adjoint * (e.partial as number), 0);
      assert.ok(Math.abs(sum - n.adjoint) <= 1e-12 * Math.max(1, Math.abs(n.adjoint)), `${n.label}: ${sum} vs ${n.adjoint}`);
    }
  });

  it('collapses a 10,000-node loop into one group per expression, with the count', () => {
    const loop = `export const init = new Array(1250).fill(0.5);
export function loss(p: number[]) {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - i / 1250) ** 2 * (1 + 0.1 * Math.sin(p[i]));
  return s;
}`;
    const g = backpropGraph(loop, '/x/loop.ts');
    assert.equal(g.tapeNodes, 10000); // 1,250 parameters and 7 operations per iteration
    assert.ok(g.collapsed);
    const ops = g.nodes.filter((n) => n.kind !== 'parameter');
    assert.ok(ops.length <= 12, `${ops.length} operation groups`);
    assert.ok(
      ops.some((n) => n.label === 'Math.sin ×1250'),
      ops.map((n) => n.label).join(', '),
    );
    const parameters = g.nodes.filter((n) => n.kind === 'parameter');
    assert.deepEqual(
      parameters.map((n) => [n.label, n.count]),
      [['p ×1250', 1250]],
    );
    assert.ok(g.nodes.length <= 12, `${g.nodes.length} nodes drawn`);
    assert.equal(g.gradient.length, 1250);
  });
});
