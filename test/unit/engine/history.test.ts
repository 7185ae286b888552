import { strict as assert } from 'node:assert';
import { History } from '../../../src/engine/history';
import { MiniBatches } from '../../../src/engine/miniBatches';

describe('History', () => {
  it('keeps every row below its cap', () => {
    const h = new History(2, 100);
    for (let k = 0; k <= 50; k++) h.push(k, [k, -k], k * k, 1);
    const a = h.toArrays();
    assert.equal(a.params.length, 51);
    assert.deepEqual(a.params[50], [50, -50]);
    assert.deepEqual(
      a.steps,
      Array.from({ length: 51 }, (_, k) => k),
    );
  });

  it('decimates long runs to at most maxRows evenly spaced rows plus the latest', () => {
    const h = new History(1, 64);
    const n = 100_000;
    for (let k = 0; k < n; k++) h.push(k, [k], k, 0);
    const a = h.toArrays();
    assert.ok(a.params.length <= 65, `kept ${a.params.length} rows`);
    assert.equal(a.steps[0], 0);
    assert.equal(a.steps[a.steps.length - 1], n - 1, 'the latest row is always kept');
    const gaps = new Set(a.steps.slice(1, -1).map((s, i) => s - a.steps[i]));
    assert.equal(gaps.size, 1, `rows are evenly spaced, gaps: ${[...gaps]}`);
    a.params.forEach((p, i) => assert.equal(p[0], a.steps[i], 'each row keeps its own θ'));
  });
});

describe('MiniBatches', () => {
  const data = Array.from({ length: 10 }, (_, i) => i);

  it('visits every sample once per epoch in a seeded order', () => {
    const b = new MiniBatches(data, 4, 3);
    const epoch = [...b.next(), ...b.next(), ...b.next()];
    assert.equal(b.batchesPerEpoch, 3);
    assert.deepEqual(
      [...epoch].sort((x, y) => x - y),
      data,
    );
    assert.notDeepEqual(epoch, data, 'shuffled');
    const again = new MiniBatches(data, 4, 3);
    assert.deepEqual([...again.next(), ...again.next(), ...again.next()], epoch, 'same seed, same order');
    const next = b.next();
    assert.equal(b.epoch, 1);
    assert.equal(next.length, 4);
  });

  it('is full-batch gradient descent when the batch holds all the data', () => {
    const b = new MiniBatches(data, 100, 1);
    assert.equal(b.next(), data);
    assert.equal(b.next(), data);
  });

  it('rejects an empty dataset or a bad batch size', () => {
    assert.throws(() => new MiniBatches([], 1, 0), RangeError);
    assert.throws(() => new MiniBatches(data, 0, 0), RangeError);
    assert.throws(() => new MiniBatches(data, 2.5, 0), RangeError);
  });
});
