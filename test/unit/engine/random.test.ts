import { strict as assert } from 'node:assert';
import { mulberry32, normal, permutation, uniform } from '../../../src/engine/random';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, a);
    assert.deepEqual(Array.from({ length: 5 }, b), xs);
    assert.notDeepEqual(Array.from({ length: 5 }, c), xs);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });

  it('is roughly uniform and normal in distribution', () => {
    const r = mulberry32(7);
    const n = 20000;
    let mean = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const x = normal(r);
      mean += x / n;
      m2 += (x * x) / n;
    }
    assert.ok(Math.abs(mean) < 0.03, `mean ${mean}`);
    assert.ok(Math.abs(m2 - 1) < 0.05, `variance ${m2}`);
    const u = Array.from({ length: n }, () => uniform(r, -5, 5));
    assert.ok(Math.min(...u) >= -5 && Math.max(...u) < 5);
    assert.ok(Math.abs(u.reduce((s, x) => s + x, 0) / n) < 0.1);
  });

  it('shuffles every index exactly once', () => {
    const p = permutation(mulberry32(1), 100);
    assert.deepEqual(
      [...p].sort((x, y) => x - y),
      Array.from({ length: 100 }, (_, i) => i),
    );
    assert.notDeepEqual(
      [...p],
      Array.from({ length: 100 }, (_, i) => i),
    );
  });
});
