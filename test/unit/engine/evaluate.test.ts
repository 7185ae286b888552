import { strict as assert } from 'node:assert';
import { gd, Var, LossNotNumberError } from '../../../src/engine/runtime';
import { valueAndGrad, value0, hessian, type ParamShape } from '../../../src/engine/evaluate';

type Loss = (params: unknown, ...rest: unknown[]) => unknown;
const shape3: ParamShape = { kind: 'array', length: 3 };

describe('evaluation: valueAndGrad, value0, hessian', () => {
  it('records the parameters as leaves 0…n−1, in order, each Var carrying its value', () => {
    let ids: number[] = [];
    let values: number[] = [];
    valueAndGrad(
      (p) => {
        ids = (p as Var[]).map((v) => v.id);
        values = (p as Var[]).map((v) => v.v);
        return gd.add(gd.mul((p as Var[])[0], 2), 1);
      },
      [0.5, -1, 7],
      shape3,
    );
    assert.deepEqual(ids, [0, 1, 2]);
    assert.deepEqual(values, [0.5, -1, 7]);
  });

  it('builds the argument in the loss’s shape: a number, an array, an object of named numbers', () => {
    const s = valueAndGrad((w) => gd.pow(gd.sub(w, 3), 2), [1], { kind: 'scalar' });
    assert.deepEqual([s.value, ...s.gradient], [4, -4]);
    const o = valueAndGrad(
      (p) => {
        const { a, b } = p as Record<string, unknown>;
        return gd.mul(a, gd.mul(b, b));
      },
      [2, 3],
      { kind: 'object', keys: ['a', 'b'] },
    );
    assert.deepEqual([o.value, ...o.gradient], [18, 9, 12]);
  });

  it('passes the rest arguments (a data batch) through', () => {
    const loss: Loss = (p, batch) => (batch as number[]).reduce((s: unknown, x) => gd.add(s, gd.mul(p, x)), 0);
    const r = valueAndGrad(loss, [2], { kind: 'scalar' }, [[1, 2, 3]]);
    assert.deepEqual([r.value, ...r.gradient], [12, 6]);
    assert.equal(value0(loss, [2], { kind: 'scalar' }, [[1, 2, 3]]), 12);
  });

  it('a loss that ignores its parameters: value, zero gradient, constant = true', () => {
    const r = valueAndGrad(() => 42, [1, 2, 3], shape3);
    assert.equal(r.value, 42);
    assert.equal(r.constant, true);
    assert.deepEqual([...r.gradient], [0, 0, 0]);
    assert.equal(valueAndGrad((p) => gd.mul((p as Var[])[1], 0), [1, 2, 3], shape3).constant, false);
  });

  it('non-numbers are a LossNotNumberError describing what came back', () => {
    const cases: Array<[unknown, string]> = [
      [undefined, 'undefined'],
      [null, 'null'],
      ['abc', 'the string "abc"'],
      [[1, 2], 'an array of 2'],
      [{ x: 1 }, 'an object'],
      [true, 'boolean'],
      [5n, 'the bigint 5'],
    ];
    for (const [returned, description] of cases) {
      assert.throws(
        () => valueAndGrad(() => returned, [1], { kind: 'scalar' }),
        (e: unknown) => e instanceof LossNotNumberError && e.got === description,
        description,
      );
    }
    assert.throws(() => value0(() => 'x', [1], { kind: 'scalar' }), LossNotNumberError);
  });

  it('NaN and ±∞ come back as the value (training reports them as divergence), with their gradient', () => {
    const r = valueAndGrad((w) => gd.Math.log(w), [-1], { kind: 'scalar' });
    assert.ok(Number.isNaN(r.value));
    assert.equal(r.gradient[0], -1);
    const inf = valueAndGrad((w) => gd.div(1, w), [0], { kind: 'scalar' });
    assert.equal(inf.value, Infinity);
  });

  it('accepts a tensor-like result exposing its single value through toScalar()', () => {
    const r = valueAndGrad((p) => ({ toScalar: () => gd.mul((p as Var[])[2], 5) }), [1, 2, 3], shape3);
    assert.deepEqual([r.value, ...r.gradient], [15, 0, 0, 5]);
  });

  it('every gradient is the caller’s own: later evaluations never overwrite an earlier one', () => {
    const loss: Loss = (p) => (p as Var[]).reduce((s: unknown, x) => gd.add(s, gd.pow(x, 2)), 0);
    const n = 50;
    const kept = Array.from(
      { length: 400 },
      (_, k) =>
        valueAndGrad(
          loss,
          Array.from({ length: n }, (_, i) => k + i),
          { kind: 'array', length: n },
        ).gradient,
    );
    kept.forEach((g, k) => g.forEach((v, i) => assert.equal(v, 2 * (k + i))));
  });

  it('value0 evaluates with plain numbers and records nothing', () => {
    let saw = '';
    const loss: Loss = (p) => {
      saw = typeof (p as unknown[])[0];
      return gd.add(gd.pow((p as number[])[0], 2), (p as number[])[1]);
    };
    const before = gd.tape.size;
    assert.equal(value0(loss, [3, 1], { kind: 'array', length: 2 }), 10);
    assert.equal(saw, 'number');
    assert.equal(gd.tape.size, before);
  });

  it('the runtime object exposes the same evaluation functions', () => {
    assert.equal(gd.valueAndGrad, valueAndGrad);
    assert.equal(gd.value0, value0);
    assert.equal(gd.hessian, hessian);
  });

  it('hessian is row-major n×n and symmetric; a constant loss has the zero Hessian', () => {
    const H = hessian((p) => gd.mul(gd.mul((p as unknown[])[0], (p as unknown[])[1]), (p as unknown[])[2]), [1, 2, 3], shape3);
    assert.deepEqual([...H], [0, 3, 2, 3, 0, 1, 2, 1, 0]);
    assert.deepEqual([...hessian(() => 1, [1, 2], { kind: 'array', length: 2 })], [0, 0, 0, 0]);
  });
});
