/**
 * The teaching analyses (src/teaching) on the shipped examples: the facts each view is built to
 * show, computed by the engine (the integration suite checks the same through the extension).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { learningRateSweep, largestStableLearningRate, logSpace, classify } from '../../../src/teaching/learningRateSweep';
import { randomRestarts } from '../../../src/teaching/restarts';
import { optimizerRace } from '../../../src/teaching/race';
import { curvature, symmetricEigenvalues, definiteness } from '../../../src/teaching/curvature';
import { whyIterate } from '../../../src/teaching/whyIterate';

const example = (name: string) => {
  const file = path.resolve(__dirname, '../../../examples', name);
  return compileLoss(readFileSync(file, 'utf8'), file);
};

/** Himmelblau's four minima (Himmelblau 1972), each with loss 0. */
const HIMMELBLAU_MINIMA = [
  [3, 2],
  [-2.805118, 3.131312],
  [-3.77931, -3.283186],
  [3.584428, -1.848126],
];

describe('teaching: learning-rate sweep', () => {
  it('log-spaces the grid with both ends', () => {
    const g = logSpace(1e-3, 10, 5);
    assert.equal(g.length, 5);
    assert.ok(Math.abs(g[0] - 1e-3) < 1e-15 && Math.abs(g[4] - 10) < 1e-12 && Math.abs(g[2] - 0.1) < 1e-15);
  });

  it('classifies grown, unchanged and decreased losses', () => {
    assert.equal(classify(25, Infinity), 'diverged');
    assert.equal(classify(25, 26), 'diverged');
    assert.equal(classify(25, 25), 'stalled');
    assert.equal(classify(25, 1), 'decreased');
  });

  it('finds the divergence boundary η = 1 of (w − 3)² within one grid step (examples/quadratic.ts)', () => {
    const r = learningRateSweep(example('quadratic.ts'), { from: 1e-3, to: 10, count: 25 });
    const step = 10 ** (4 / 24);
    assert.ok(r.boundary.stable !== undefined && r.boundary.diverged !== undefined);
    assert.ok((r.boundary.stable as number) <= 1 && (r.boundary.diverged as number) > 1, JSON.stringify(r.boundary));
    assert.ok((r.boundary.diverged as number) / (r.boundary.stable as number) <= step * (1 + 1e-12));
    // Below the boundary every rate decreased the loss; above it every one grew.
    for (const p of r.points) assert.equal(p.outcome === 'diverged', p.learningRate > 1, `η = ${p.learningRate}: ${p.outcome}`);
    assert.ok(r.best !== undefined && r.best > 0.3 && r.best < 1, `best ${r.best}`);
  });

  it('bisects the largest stable rate of (w − 3)² to 1 (within 1%)', () => {
    const lr = largestStableLearningRate(example('quadratic.ts'), 4, { optimizer: 'sgd', steps: 50 });
    assert.ok(lr !== undefined && lr <= 1 && lr > 1 / 1.01, String(lr));
  });
});

describe('teaching: random restarts', () => {
  it('Himmelblau: restarts reach all four minima, grouped into four basins of loss ≈ 0, with a basin map', () => {
    const r = randomRestarts(example('himmelblau.ts'), {
      count: 24,
      seed: 1,
      mapGrid: 12,
      options: { optimizer: 'sgd', learningRate: 0.01, steps: 300 },
    });
    assert.equal(r.basins.length, 4, JSON.stringify(r.basins.map((b) => b.point)));
    for (const m of HIMMELBLAU_MINIMA)
      assert.ok(
        r.basins.some((b) => Math.hypot(b.point[0] - m[0], b.point[1] - m[1]) < 1e-3 && b.loss < 1e-8),
        `minimum ${m}`,
      );
    assert.ok(r.runs.every((run) => run.basin >= 0 && run.path.length === 301));
    assert.equal(r.map?.basin.length, 12);
    assert.equal(new Set(r.map?.basin.flat()).size, 4, 'the map shows four basins');
    // Sorted by loss: basin 0 is the best.
    assert.ok(r.basins.every((b, i) => i === 0 || b.loss >= r.basins[i - 1].loss));
  });
});

describe('teaching: optimizer race', () => {
  it('each row is exactly the single run with its settings, from one shared start', () => {
    const loss = example('rosenbrock.ts');
    const rows = optimizerRace(loss, { options: { steps: 60 } });
    assert.equal(rows.length, 9);
    for (const row of rows) {
      const single = trainLoss(loss, { ...row.run.options });
      assert.deepEqual(row.run.params, single.params, row.label);
      assert.deepEqual(row.run.losses, single.losses, row.label);
      assert.deepEqual(row.run.options.init, rows[0].run.options.init);
    }
    // Newton reaches Rosenbrock's minimum well inside 60 steps; the table knows when.
    const newton = rows.find((r) => r.label === 'newton');
    assert.ok(newton?.stepsToTolerance !== undefined && newton.stepsToTolerance < 60);
  });
});

describe('teaching: convex or not', () => {
  it('eigenvalues and definiteness of symmetric matrices', () => {
    assert.deepEqual(
      symmetricEigenvalues([
        [2, 0],
        [0, -2],
      ]),
      [-2, 2],
    );
    assert.equal(definiteness([-2, 2]), 'indefinite');
    assert.equal(definiteness([1, 3]), 'positive');
    assert.equal(definiteness([-1, -3]), 'negative');
    assert.equal(definiteness([0, 3]), 'semidefinite');
    const e = symmetricEigenvalues([
      [4, 1, 0],
      [1, 3, 1],
      [0, 1, 2],
    ]);
    // trace and determinant are kept
    assert.ok(Math.abs(e.reduce((a, b) => a + b) - 9) < 1e-12 && Math.abs(e.reduce((a, b) => a * b) - 18) < 1e-10);
  });

  it('the saddle example: indefinite everywhere, one stationary point at (0, 0), a saddle', () => {
    const r = curvature(example('saddle.ts'), { grid: 10 });
    assert.ok(r.map?.definiteness.flat().every((d) => d === 'indefinite'));
    assert.equal(r.stationary.length, 1);
    assert.equal(r.stationary[0].kind, 'saddle');
    assert.ok(Math.hypot(...r.stationary[0].point) < 1e-12);
    assert.deepEqual(r.stationary[0].eigenvalues, [-2, 2]);
  });

  it('Himmelblau: four minima, four saddles and one maximum, each where the Hessian says', () => {
    const r = curvature(example('himmelblau.ts'), { grid: 20, seeds: 9 });
    const count = (k: string) => r.stationary.filter((s) => s.kind === k).length;
    assert.deepEqual([count('minimum'), count('saddle'), count('maximum')], [4, 4, 1]);
    const kinds = new Set(r.map?.definiteness.flat());
    assert.ok(kinds.has('positive') && kinds.has('indefinite') && kinds.has('negative'));
  });
});

describe('teaching: why iterate, brute force', () => {
  it("Newton's method (lr 1) solves examples/quadratic.ts in one step, to the bit", () => {
    const r = trainLoss(example('quadratic.ts'), { optimizer: 'newton', learningRate: 1, steps: 1 });
    assert.deepEqual(r.params, [[-2], [3]]);
    assert.equal(r.losses[1], 0);
  });

  it('Newton solves the quadratic in one step; gradient descent needs many; the grid needs 12,001 evaluations', () => {
    const r = whyIterate(example('quadratic.ts'), { accuracy: 1e-3 });
    assert.equal(r.start, -2);
    assert.equal(r.newton.point, 3);
    assert.equal(r.newton.slope, 0);
    assert.ok(r.descent.stepsToAccuracy !== undefined && r.descent.stepsToAccuracy > 10, String(r.descent.stepsToAccuracy));
    assert.equal(r.grid.evaluations, 12001);
    assert.ok(Math.abs(r.grid.best - 3) <= 1e-3);
    assert.deepEqual(
      r.gridCostLog10.map((c) => c.dimension),
      [1, 2, 3, 5, 10, 100],
    );
    assert.ok(Math.abs(r.gridCostLog10[5].log10Evaluations - 100 * Math.log10(12001)) < 1e-9);
  });
});
