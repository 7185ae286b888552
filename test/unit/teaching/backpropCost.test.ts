/**
 * Why backpropagation is cheap (src/teaching/backpropCost.ts), as the backprop graph's table shows
 * it: the tape size, the number of parameters and the d + 1 evaluations of finite differences.
 * Wall-clock times are measured but never asserted (only that they are times and how the estimate
 * is made from them).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { backpropCost, breakEven } from '../../../src/teaching/backpropCost';
import { backpropGraph } from '../../../src/teaching/backpropGraph';
import { backpropCostTable } from '../../../src/commands/backpropCostTable';
import { setLanguage } from '../../../src/l10n/localize';
import { tape } from '../../../src/engine/recording';

const example = (name: string) => {
  const file = path.resolve(__dirname, '../../../examples', name);
  return compileLoss(readFileSync(file, 'utf8'), file);
};

describe('why backpropagation is cheap: the cost table', () => {
  afterEach(() => setLanguage('ko'));

  it('counts the tape of the trained loss and the d + 1 evaluations of finite differences', () => {
    const loss = example('rosenbrock.ts');
    const c = backpropCost(loss, [-1.2, 1], 2);
    loss.valueAndGrad([-1.2, 1]);
    assert.equal(c.tapeNodes, tape.size);
    // Compiled as the backprop graph shows it (no fusion): the graph's 9 nodes, 2 parameters + 7 operations.
    const file = path.resolve(__dirname, '../../../examples/rosenbrock.ts');
    const unfused = compileLoss(readFileSync(file, 'utf8'), file, { fuse: false });
    assert.equal(backpropCost(unfused, [-1.2, 1], 2).tapeNodes, backpropGraph(readFileSync(file, 'utf8'), file).tapeNodes);
    assert.equal(c.dimension, 2);
    assert.equal(c.finiteDifferenceEvaluations, 3);
    assert.ok(c.forwardMs >= 0 && c.forwardBackwardMs >= 0 && Number.isFinite(c.forwardBackwardMs));
    assert.equal(c.finiteDifferenceMs, 3 * c.forwardMs);
  });

  it('a network: d + 1 grows with the parameters, the backward pass is still one pass', () => {
    const loss = example('moons-network.ts');
    const c = backpropCost(loss, loss.init ?? [], 2);
    assert.equal(c.dimension, loss.dimension);
    assert.equal(c.finiteDifferenceEvaluations, loss.dimension + 1);
    assert.ok(loss.dimension > 50);
  });

  it('the table: title with the tape and d, one row per computation, finite differences as d + 1', () => {
    const cost = {
      dimension: 2,
      tapeNodes: 9,
      forwardMs: 0.01,
      forwardBackwardMs: 0.03,
      finiteDifferenceEvaluations: 3,
      finiteDifferenceMs: 0.03,
    };
    setLanguage('ko');
    const ko = backpropCostTable(cost);
    assert.ok(ko.type === 'table');
    assert.equal(ko.title, '역전파의 계산이 적은 이유: 테이프의 노드 9개, 매개변수 2개');
    assert.deepEqual(
      ko.rows.map((r) => [r[1], r[3]]),
      [
        [1, 1],
        ['순전파 1번 + 역전파 1번', 3],
        ['d + 1 = 3', 3],
        ['d = 3', null],
      ],
    );
    assert.match(ko.note ?? '', /순전파 약 3번 분량/);
    // Few parameters and a costly backward pass: finite differences win, and the note says from where they lose.
    assert.equal(breakEven({ forwardMs: 0.01, forwardBackwardMs: 0.058 }), 5);
    const small = backpropCostTable({ ...cost, forwardBackwardMs: 0.058 });
    assert.ok(small.type === 'table');
    assert.match(small.note ?? '', /매개변수 약 5개부터 유리해지고/);
    setLanguage('en');
    const en = backpropCostTable(cost);
    assert.ok(en.type === 'table');
    assert.equal(en.title, 'Why backpropagation is cheap: 9 nodes on the tape, 2 parameters');
    assert.equal(en.rows[2][1], 'd + 1 = 3');
  });
});
