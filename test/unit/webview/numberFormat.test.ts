/**
 * The panel's one number style (src/webview/numberFormat.ts), on Node: the numbers learners met
 * as 1.0000000000000000000000E123, 0.30000000000000004, 6.000 / 8.000 / 10.000 and 4E222, 4E222.
 */
import { strict as assert } from 'node:assert';
import {
  MAX_LABEL_LENGTH,
  formatNumber,
  formatTicks,
  logTicks,
  niceLinearRange,
  niceLogRange,
  tickLabel,
} from '../../../src/webview/numberFormat';

const distinctNeighbours = (labels: string[]) => labels.every((l, i) => i === 0 || l !== labels[i - 1]);

describe('formatNumber', () => {
  it('a huge loss is a power of ten, not thirty digits', () => {
    assert.equal(formatNumber(1e123), '1e123');
    assert.equal(formatNumber(4.0000001e222), '4e222');
  });

  it('floating-point noise is gone: 0.1 + 0.2 reads 0.3', () => {
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
  });

  it('plain between 10⁻³ and 10⁶, scientific outside, at most six significant digits', () => {
    assert.equal(formatNumber(6), '6');
    assert.equal(formatNumber(24.5), '24.5');
    assert.equal(formatNumber(123456.789), '123457');
    assert.equal(formatNumber(1234567), '1.23457e6');
    assert.equal(formatNumber(999999.7), '1e6', 'rounding up to a million switches to scientific');
    assert.equal(formatNumber(0.00123456789), '0.00123457');
    assert.equal(formatNumber(1e-9), '1e-9');
    assert.equal(formatNumber(1.2345e-9, 3), '1.23e-9');
  });

  it('negative numbers keep their sign and still fit ten characters', () => {
    assert.equal(formatNumber(-2), '-2');
    assert.equal(formatNumber(-1234567.89), '-1.23457e6');
    assert.equal(formatNumber(-0.00123456789), '-0.0012346');
    assert.equal(formatNumber(-1.23456e-123), '-1.23e-123');
  });

  it('zero is 0 (also −0), and NaN and infinities are named', () => {
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(-Infinity), '−∞');
  });

  it('never longer than ten characters, over 600 decades and both signs', () => {
    for (let e = -320; e <= 308; e++) {
      for (const m of [1, 1.2345678901, 9.99999999]) {
        for (const v of [m * 10 ** e, -m * 10 ** e]) {
          const s = formatNumber(v);
          assert.ok(s.length <= MAX_LABEL_LENGTH, `${v} → ${s}`);
          if (Number.isFinite(v) && v !== 0) assert.ok(Math.abs(Number(s) - v) <= Math.abs(v) * 0.06 || s === '0', `${v} → ${s}`);
        }
      }
    }
  });
});

describe('formatTicks', () => {
  it('6 / 8 / 10, not 6.000 / 8.000 / 10.000', () => {
    assert.deepEqual(formatTicks([6, 8, 10]), ['6', '8', '10']);
  });

  it('the fewest digits that name each tick: 0.25 is not shortened to 0.3', () => {
    assert.deepEqual(formatTicks([0, 0.25, 0.5, 0.75, 1]), ['0', '0.25', '0.5', '0.75', '1']);
    assert.deepEqual(formatTicks([0.1, 0.2, 0.1 + 0.2, 0.4]), ['0.1', '0.2', '0.3', '0.4']);
    assert.deepEqual(formatTicks([24.1, 24.2, 24.3]), ['24.1', '24.2', '24.3']);
    assert.deepEqual(formatTicks([-1, -0.5, 0, 0.5, 1]), ['-1', '-0.5', '0', '0.5', '1']);
  });

  it('a linear axis uses one style: 0, 2e6, 4e6', () => {
    assert.deepEqual(formatTicks([0, 2e6, 4e6, 6e6]), ['0', '2e6', '4e6', '6e6']);
    assert.deepEqual(formatTicks([0, 1234567, 2469134]).length, 3);
  });

  it('a log axis reads per tick: 1e-6 … 0.001 … 100', () => {
    assert.deepEqual(formatTicks([1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100], { log: true }), [
      '1e-6',
      '1e-5',
      '1e-4',
      '0.001',
      '0.01',
      '0.1',
      '1',
      '10',
      '100',
    ]);
    assert.deepEqual(formatTicks([1e-20, 1, 1e20, 1e40, 1e120], { log: true }), ['1e-20', '1', '1e20', '1e40', '1e120']);
  });

  it('4.0000001e222 and 4.0000002e222: never "4E222, 4E222" — distinct, within ten characters', () => {
    const ticks = [4.0000001e222, 4.0000002e222, 4.0000003e222, 4.0000004e222];
    const labels = formatTicks(ticks);
    assert.ok(distinctNeighbours(labels), labels.join(', '));
    for (const l of labels) assert.ok(l.length <= MAX_LABEL_LENGTH, l);
    assert.deepEqual(labels, ['4e222', '+1e215', '+2e215', '+3e215']);
  });

  it('distinct neighbours and ten characters for any nice linear ticks', () => {
    for (const [lo, step] of [
      [0, 0.1],
      [1e-9, 1e-10],
      [1e123, 1e122],
      [-5e7, 2.5e6],
      [24, 0.0005],
      [1234567, 1],
    ]) {
      const ticks = Array.from({ length: 8 }, (_, i) => lo + i * step);
      const labels = formatTicks(ticks);
      assert.ok(distinctNeighbours(labels), `${lo} + k·${step}: ${labels.join(', ')}`);
      for (const l of labels) assert.ok(l.length <= MAX_LABEL_LENGTH, l);
    }
  });

  it('NaN and infinities among ticks are named, not dropped', () => {
    assert.deepEqual(formatTicks([NaN, 1, Infinity]), ['NaN', '1', '∞']);
  });

  it('chart.js glue: one label per tick, the scale as this', () => {
    const ticks = [{ value: 6 }, { value: 8 }, { value: 10 }];
    assert.deepEqual(
      ticks.map((t, i) => tickLabel.call({ type: 'linear' }, t.value, i, ticks)),
      ['6', '8', '10'],
    );
    const log = [{ value: 1e-6 }, { value: 1e-3 }, { value: 1 }];
    assert.deepEqual(
      log.map((t, i) => tickLabel.call({ type: 'logarithmic' }, t.value, i, log)),
      ['1e-6', '0.001', '1'],
    );
  });
});

describe('axis ranges and log ticks', () => {
  it('log ticks: 1-2-5 over two decades, powers of ten over more, at most ten', () => {
    assert.deepEqual(logTicks(1, 100), [1, 2, 5, 10, 20, 50, 100]);
    assert.deepEqual(logTicks(1e-7, 100), [1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100]);
    const sweep = logTicks(1e-20, 1e123);
    assert.ok(sweep.length <= 10 && sweep.length >= 5, String(sweep));
    assert.deepEqual(sweep.slice(0, 3), [1e-20, 1, 1e20]);
  });

  it('ranges widen to powers of ten (log) or whole nice steps (linear)', () => {
    assert.deepEqual(niceLogRange(3e-7, 24), { min: 1e-7, max: 100 });
    assert.deepEqual(niceLogRange(5, 5), { min: 1, max: 10 });
    assert.deepEqual(niceLogRange(10, 10), { min: 1, max: 100 });
    assert.deepEqual(niceLogRange(1e-9, 100), { min: 1e-9, max: 100 });
    assert.deepEqual(niceLogRange(1e-9, 100, 0.05), { min: 1e-10, max: 1000 }, 'a curve on a power of ten keeps off the axis line');
    assert.deepEqual(niceLogRange(3e-7, 24, 0.05), { min: 1e-7, max: 100 });
    assert.deepEqual(niceLinearRange(0.2, 24.3), { min: 0, max: 25 });
    const flat = niceLinearRange(5, 5);
    assert.ok(flat.min < 5 && flat.max > 5);
  });
});
