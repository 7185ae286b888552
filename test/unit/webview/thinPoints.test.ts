import { strict as assert } from 'node:assert';
import { thinPoints } from '../../../src/webview/thinPoints';

const curve = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('thinPoints (what the loss chart draws of a long run)', () => {
  it('keeps a short curve whole (a copy, not the same array)', () => {
    const c = curve(2000, (i) => 1 / (1 + i));
    const t = thinPoints(c);
    assert.deepEqual(t, c);
    assert.notEqual(t, c);
  });

  it('draws a long curve with at most 4 points per bucket, in step order, first and last kept', () => {
    const c = curve(100_000, (i) => Math.exp(-i / 1000) + 0.01 * Math.sin(i));
    const t = thinPoints(c, 500);
    assert.ok(t.length <= 2000 && t.length >= 1000, `${t.length}`);
    assert.equal(t[0], c[0]);
    assert.equal(t[t.length - 1], c[c.length - 1]);
    for (let i = 1; i < t.length; i++) assert.ok(t[i].x > t[i - 1].x, `step order at ${i}`);
  });

  it('keeps the lowest and the highest loss of the run, wherever they are (a log axis needs the lowest)', () => {
    // Newton on Rosenbrock: 24.2, an overshoot to 1.4e3, then 3e-20 once, then exactly 0 forever.
    const ys = [24.2, 4.73, 1411.8, 0.056, 0.313, 1.85e-11, 3.43e-20, ...Array(2994).fill(0)];
    const t = thinPoints(curve(ys.length, (i) => ys[i]));
    const kept = t.map((p) => p.y);
    assert.ok(kept.includes(3.43e-20), 'the lowest positive loss');
    assert.ok(kept.includes(1411.8), 'the overshoot');
    const spike = curve(10_000, (i) => (i === 7777 ? 1e9 : i === 4321 ? -5 : 1));
    const s = thinPoints(spike).map((p) => p.y);
    assert.ok(s.includes(1e9) && s.includes(-5));
  });

  it('every kept point is one of the run’s own (no invented values)', () => {
    const c = curve(9999, (i) => (i * 7919) % 101);
    const set = new Set(c);
    for (const p of thinPoints(c, 100)) assert.ok(set.has(p));
  });
});
