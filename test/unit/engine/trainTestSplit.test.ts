/** The held-out test set (testSplit): a seeded split, and the held-out loss along a run. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { trainTestSplit } from '../../../src/engine/trainTestSplit';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';

describe('train/test split', () => {
  const data = Array.from({ length: 40 }, (_, i) => i);

  it('holds out round(n·f) samples, disjoint from the rest, both in the original order', () => {
    const { train, test } = trainTestSplit(data, 0.25, 7);
    assert.equal(test.length, 10);
    assert.equal(train.length, 30);
    assert.deepEqual(
      [...train, ...test].sort((a, b) => a - b),
      data,
    );
    assert.deepEqual(
      train,
      [...train].sort((a, b) => a - b),
    );
    assert.deepEqual(
      test,
      [...test].sort((a, b) => a - b),
    );
    // Not simply the first or last samples.
    assert.notDeepEqual(test, data.slice(0, 10));
    assert.notDeepEqual(test, data.slice(30));
  });

  it('is the same split for the same seed, another for another seed', () => {
    assert.deepEqual(trainTestSplit(data, 0.3, 1), trainTestSplit(data, 0.3, 1));
    assert.notDeepEqual(trainTestSplit(data, 0.3, 1).test, trainTestSplit(data, 0.3, 2).test);
  });

  it('keeps at least one sample on each side, none held out at 0, and refuses fractions outside [0, 1)', () => {
    assert.equal(trainTestSplit([1, 2], 0.01, 0).test.length, 1);
    assert.equal(trainTestSplit([1, 2, 3], 0.99, 0).train.length, 1);
    assert.equal(trainTestSplit(data, 0, 0).test.length, 0);
    assert.throws(() => trainTestSplit(data, 1, 0), RangeError);
    assert.throws(() => trainTestSplit(data, -0.1, 0), RangeError);
  });
});

describe('training with a held-out test set', () => {
  // y = 3x + 1 with a little deterministic noise; w = [slope, intercept].
  const source = `export const data = Array.from({ length: 20 }, (_, i) => ({ x: i / 10, y: 3 * (i / 10) + 1 + 0.1 * Math.sin(7 * i) }));
export function loss([a, b]: number[], batch: { x: number; y: number }[]) {
  let s = 0;
  for (const d of batch) s += (a * d.x + b - d.y) ** 2;
  return s / batch.length;
}
export const init = [0, 0];
export const config = { learningRate: 0.1, steps: 60, testSplit: 0.25, seed: 3 };`;

  it('trains on the training side only and measures the held-out loss at every step of a short run', () => {
    const loss = compileLoss(source, 'split.ts');
    const r = trainLoss(loss, {});
    const { train, test } = trainTestSplit(loss.data as unknown[], 0.25, 3);
    assert.ok(r.test);
    assert.equal(r.test.trainSize, 15);
    assert.equal(r.test.testSize, 5);
    assert.deepEqual(
      r.test.steps,
      Array.from({ length: 61 }, (_, k) => k),
    );
    for (const k of [0, 17, 60]) {
      // losses[k] is the training-side loss (full batch of the 15), test.losses[k] the held-out one.
      assert.equal(r.losses[k], loss.value(r.params[k], train));
      assert.equal(r.test.losses[k], loss.value(r.params[k], test));
    }
    // The first step's gradient is the training side's: the data never reaches the optimizer whole.
    const g = loss.valueAndGrad([0, 0], train).gradient;
    assert.deepEqual(r.params[1], [0 - 0.1 * g[0], 0 - 0.1 * g[1]]);
    assert.ok(r.test.losses[60] < r.test.losses[0] / 10, 'a line generalises: the held-out loss falls too');
  });

  it('thins the held-out measurements on long runs (about 500) but always has the last step', () => {
    const loss = compileLoss(source, 'split.ts');
    const r = trainLoss(loss, { steps: 2001 });
    assert.ok(r.test);
    assert.ok(r.test.steps.length <= 502, String(r.test.steps.length));
    assert.equal(r.test.steps[r.test.steps.length - 1], 2001);
    assert.equal(r.test.steps[1], 5);
  });

  it('streams the held-out loss with the progress events where it was measured', () => {
    const loss = compileLoss(source, 'split.ts');
    const seen: Array<[number, number | undefined]> = [];
    trainLoss(loss, { steps: 3 }, { onProgress: (e) => seen.push([e.step, e.testLoss]) });
    assert.deepEqual(
      seen.map(([s]) => s),
      [0, 1, 2, 3],
    );
    assert.ok(seen.every(([, t]) => typeof t === 'number' && Number.isFinite(t)));
  });

  it('without testSplit nothing is held out and the result has no test field', () => {
    const loss = compileLoss(source.replace('testSplit: 0.25, ', ''), 'split.ts');
    const r = trainLoss(loss, {});
    assert.equal(r.test, undefined);
    assert.equal(r.losses[0], loss.value([0, 0]));
  });
});

describe('re-rolled initialisation (initSeed)', () => {
  it('a network starts from model.init(initSeed), exactly as the file would with that seed', () => {
    const file = path.resolve(__dirname, '../../../examples/moons-network.ts');
    const source = readFileSync(file, 'utf8');
    const loss = compileLoss(source, file);
    const rolled = trainLoss(loss, { initSeed: 7, steps: 0 });
    const written = compileLoss(source.replace('model.init(0)', 'model.init(7)'), file);
    assert.deepEqual(rolled.options.init, written.init);
    assert.equal(rolled.options.initSeed, 7);
    assert.notDeepEqual(rolled.options.init, loss.init);
    // The same seed is the same start; an explicit init wins over a re-roll.
    assert.deepEqual(trainLoss(loss, { initSeed: 7, steps: 0 }).options.init, rolled.options.init);
    const explicit = (loss.init as number[]).map((v) => v / 2);
    assert.deepEqual(trainLoss(loss, { initSeed: 7, init: explicit, steps: 0 }).options.init, explicit);
  });

  it('any other loss starts from a seeded point inside its bounds instead of its init', () => {
    const loss = compileLoss(
      'export const init = [1, 1];\nexport const bounds = [[-2, 2], [0, 3]];\nexport function loss([x, y]: number[]) { return x * x + y * y; }',
      'bowl.ts',
    );
    const a = trainLoss(loss, { initSeed: 3, steps: 0 }).options.init;
    const b = trainLoss(loss, { initSeed: 4, steps: 0 }).options.init;
    assert.notDeepEqual(a, [1, 1]);
    assert.notDeepEqual(a, b);
    assert.ok(a[0] >= -2 && a[0] <= 2 && a[1] >= 0 && a[1] <= 3, String(a));
  });
});
