import { strict as assert } from 'node:assert';
import { gd, Var, HyperDual, TapeEscapeError, ActiveTextError, NotDifferentiableError } from '../../../src/engine/runtime';
import { valueAndGrad, type ParamShape } from '../../../src/engine/evaluate';

const scalar: ParamShape = { kind: 'scalar' };
const pair: ParamShape = { kind: 'array', length: 2 };
const M = gd.Math as unknown as Record<string, (...a: unknown[]) => unknown>;
/** ∂loss/∂w at w for a one-parameter loss. */
const grad1 = (loss: (w: unknown) => unknown, w: number) => valueAndGrad(loss, [w], scalar);

describe('runtime: JavaScript semantics with active values', () => {
  it('plain operands keep exact JavaScript results (strings, null, booleans, bigint, objects)', () => {
    assert.equal(gd.add('a', 1), 'a1');
    assert.equal(gd.add(1, '2'), '12');
    assert.equal(gd.mul(null, 3), 0);
    assert.equal(gd.sub(true, 3), -2);
    assert.equal(gd.add(2n, 3n), 5n);
    assert.equal(gd.pow(2n, 10n), 1024n);
    assert.equal(gd.add([1], [2]), '12');
    assert.equal(gd.div({ valueOf: () => 6 }, 3), 2);
    assert.ok(Number.isNaN(gd.mul(undefined, 2) as number));
    assert.throws(() => gd.add(1n, 1), TypeError);
    assert.equal(gd.neg('3'), -3);
    assert.equal(gd.pos('4'), 4);
    assert.equal(gd.mod(-7, 3), -1);
    assert.equal(gd.pow(-8, 1 / 3), (-8) ** (1 / 3)); // NaN, as in JavaScript
  });

  it('a string next to an active value is text of it (its gradient lost): ActiveTextError, both ways round', () => {
    for (const text of [
      (w: unknown) => gd.add('w = ', w),
      (w: unknown) => gd.add(w, '!'),
      (w: unknown) => `${w as number}`,
      (w: unknown) => gd.add([1], w),
    ]) {
      assert.throws(() => grad1(text, 2.5), ActiveTextError);
    }
    assert.equal(gd.add('w = ', 2.5), 'w = 2.5'); // a plain number concatenates as in JavaScript
  });

  it('other operands convert as JavaScript converts them, and the gradient is kept', () => {
    // w·true = w, null + w = w, '3'·w = 3w, an object whose valueOf returns w stands for w
    const r = grad1((w) => gd.add(gd.add(gd.mul(w, true), gd.add(null, w)), gd.add(gd.mul('3', w), gd.mul({ valueOf: () => w }, 2))), 1.5);
    assert.equal(r.value, 1.5 + 1.5 + 4.5 + 3);
    assert.equal(r.gradient[0], 1 + 1 + 3 + 2);
    assert.throws(() => grad1((w) => gd.add(w, 1n), 1), TypeError);
  });

  it('unary minus and plus, ++ and --: values and gradients', () => {
    const r = grad1((w) => gd.add(gd.mul(gd.neg(w), 3), gd.mul(gd.pos(w), gd.inc(gd.dec(gd.inc(w))))), 2);
    // −3w + w(w + 1): value −6 + 6 = 0, derivative −3 + 2w + 1 = 2
    assert.equal(r.value, 0);
    assert.equal(r.gradient[0], 2);
    assert.equal(gd.inc(1n), 2n);
    assert.equal(gd.dec('5'), 4);
    assert.ok(Number.isNaN(gd.inc(undefined) as number));
  });

  it('comparisons see values; === between two active values compares their values', () => {
    let checks: boolean[] = [];
    valueAndGrad(
      (p) => {
        const [a, b] = p as Var[];
        checks = [
          gd.lt(a, b),
          gd.le(a, 1),
          gd.gt(b, a),
          gd.ge(b, 2),
          gd.eq(a, 1),
          gd.ne(a, b),
          gd.eq(a, gd.mul(a, 1)),
          gd.looseEq(a, '1'),
          gd.looseNe(b, 2),
        ];
        return gd.add(a, b);
      },
      [1, 2],
      pair,
    );
    assert.deepEqual(checks, [true, true, true, true, true, true, true, true, false]);
    assert.equal(gd.lt('a', 'b'), true);
  });

  it('typeof, Number(), the Number.is… checks and the global isFinite/isNaN see a number', () => {
    let seen: unknown[] = [];
    const r = grad1((w) => {
      const n = gd.toNumber(w);
      seen = [
        gd.typeOf(w),
        n === w,
        gd.Number.isFinite(w),
        gd.Number.isNaN(w),
        gd.Number.isInteger(w),
        gd.Number.isSafeInteger(w),
        gd.isFinite(w),
        gd.isNaN(w),
        gd.value(w),
        gd.isActive(w),
        gd.isActive(3),
      ];
      return gd.mul(n, n);
    }, 3);
    assert.deepEqual(seen, ['number', true, true, false, true, true, true, false, 3, true, false]);
    assert.equal(r.gradient[0], 6, 'Number(w) kept the gradient');
    assert.equal(gd.toNumber('12'), 12);
    assert.equal(gd.toNumber(), 0);
    assert.equal(gd.typeOf('s'), 'string');
  });

  it('a Var stored into a Float64Array, or used in bitwise arithmetic, throws TapeEscapeError', () => {
    assert.throws(() => grad1((w) => (new Float64Array(1)[0] = w as number), 1), TapeEscapeError);
    assert.throws(() => grad1((w) => (w as number) | 0, 1), TapeEscapeError);
    assert.throws(() => grad1((w) => Math.sin(w as number), 1), TapeEscapeError); // the real Math, not gd.Math
  });

  it('Math.clz32 and Math.imul refuse active values with NotDifferentiableError, and work on numbers', () => {
    assert.throws(() => grad1((w) => M.clz32(w), 1), NotDifferentiableError);
    assert.throws(() => grad1((w) => M.imul(3, w), 1), NotDifferentiableError);
    assert.equal(M.clz32(1), 31);
    assert.equal(M.imul(3, 4), 12);
  });

  it('gd.Math has every member of Math, constants equal', () => {
    for (const name of Object.getOwnPropertyNames(Math)) {
      const member = (Math as unknown as Record<string, unknown>)[name];
      assert.ok(name in gd.Math, `gd.Math.${name} missing`);
      if (typeof member === 'number') assert.equal((gd.Math as unknown as Record<string, unknown>)[name], member);
      else assert.equal(typeof (gd.Math as unknown as Record<string, unknown>)[name], 'function');
    }
  });

  it('every Math function on plain numbers returns exactly what Math returns (also for odd arguments)', () => {
    const args: unknown[][] = [[0.7], [-2.5], [0], [-0], [NaN], [Infinity], ['1.5'], [null], [true]];
    for (const name of Object.getOwnPropertyNames(Math)) {
      const native = (Math as unknown as Record<string, unknown>)[name];
      if (typeof native !== 'function' || name === 'random') continue;
      for (const a of args) {
        const list = ['max', 'min', 'hypot', 'atan2', 'pow', 'imul'].includes(name) ? [a[0], 0.3] : a;
        assert.ok(
          Object.is(M[name](...list), (native as (...v: unknown[]) => unknown)(...list)),
          `Math.${name}(${list.map(String).join(', ')})`,
        );
      }
    }
    assert.ok(Object.is(M.max(), -Infinity));
    assert.ok(Object.is(M.min(), Infinity));
    assert.ok(Object.is(M.hypot(), 0));
    assert.equal(M.max(1, 5, 3, 2), 5);
  });

  it('piecewise-constant functions return plain numbers (nothing recorded)', () => {
    let out: unknown[] = [];
    const r = grad1((w) => {
      out = ['sign', 'floor', 'ceil', 'round', 'trunc', 'fround'].map((f) => M[f](w));
      return gd.add(w, M.floor(w));
    }, 2.5);
    assert.deepEqual(out, [1, 2, 3, 3, 2, 2.5]);
    assert.equal(r.gradient[0], 1);
  });

  it('every recorded node has its own Var object, never one of an earlier evaluation (whose values stay as they were)', () => {
    let first: Var[] = [];
    let second: Var[] = [];
    grad1((w) => {
      first = [gd.mul(w, 2), gd.mul(w, 3), gd.add(w, 1)] as Var[];
      return first[0];
    }, 1);
    assert.equal(new Set(first).size, 3);
    assert.deepEqual(
      first.map((v) => v.v),
      [2, 3, 2],
    );
    const r = grad1((w) => {
      second = [gd.mul(w, 2), gd.mul(w, 3), gd.add(w, 1)] as Var[];
      return second[1];
    }, 5);
    assert.deepEqual(
      second.map((v) => v.v),
      [10, 15, 6],
    );
    assert.equal(new Set([...first, ...second]).size, 6);
    assert.deepEqual(
      first.map((v) => [v.v, v.id]),
      [
        [2, -1],
        [3, -1],
        [2, -1],
      ],
      'kept from the first evaluation: constants',
    );
    assert.equal(r.value, 15);
    assert.equal(r.gradient[0], 3);
  });

  it('hyper-dual numbers flow through every operator and odd operands (w·true, w + null)', () => {
    const x = new HyperDual(2, 1, 1, 0);
    const y = gd.add(gd.mul(x, true), gd.mul(gd.pow(x, 3), gd.add(null, 1))) as HyperDual; // x + x³
    assert.deepEqual([y.a, y.e1, y.e2, y.e12], [10, 13, 13, 12]);
    assert.throws(() => gd.add('x = ', x), ActiveTextError); // text keeps no derivatives
    assert.equal(gd.typeOf(x), 'number');
    assert.equal(gd.toNumber(x), x);
  });
});
