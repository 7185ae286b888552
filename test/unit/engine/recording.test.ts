import { strict as assert } from 'node:assert';
import { gd, Var } from '../../../src/engine/runtime';
import { valueAndGrad, type ParamShape } from '../../../src/engine/evaluate';
import { TapeOverflowError } from '../../../src/engine/tape';

const scalar: ParamShape = { kind: 'scalar' };
const pair: ParamShape = { kind: 'array', length: 2 };
const M = gd.Math;

describe('recording: one node per operation on active values, nothing for plain numbers', () => {
  it('records exactly the operations that involve an active value', () => {
    let size = 0;
    const r = valueAndGrad(
      (p) => {
        const [x, y] = p as Var[];
        const c = gd.mul(gd.add(2, 3), gd.Math.sqrt(16)); // plain numbers: nothing recorded
        const z = gd.mul(gd.mul(c, x), gd.add(y, 1)); // three nodes
        size = gd.tape.size;
        return z;
      },
      [2, 5],
      pair,
    );
    assert.equal(size, 2 + 3);
    assert.deepEqual([r.value, ...r.gradient], [240, 120, 40]);
  });

  it('a long chain keeps its precision (0.999¹⁰⁰⁰ · w)', () => {
    const r = valueAndGrad(
      (w) => {
        let x = w;
        for (let i = 0; i < 1000; i++) x = gd.mul(0.999, x);
        return x;
      },
      [1],
      scalar,
    );
    assert.ok(Math.abs(r.gradient[0] / 0.999 ** 1000 - 1) < 1e-13);
  });

  it('a zero local derivative blocks the path even where the rest is infinite (0·√w at w = 0)', () => {
    assert.equal(valueAndGrad((w) => gd.add(w, gd.mul(0, M.sqrt(w))), [0], scalar).gradient[0], 1);
    assert.equal(valueAndGrad((w) => gd.add(w, gd.mul(M.sqrt(w), 0)), [0], scalar).gradient[0], 1);
    assert.ok(Number.isNaN(valueAndGrad((w) => M.sqrt(gd.mul(w, 0)), [0], scalar).gradient[0]), '√(0·w): ∞·0 as in PyTorch');
  });

  it('a custom node (a tensor op) can use any Var by id and pass its adjoint on', () => {
    const r = valueAndGrad(
      (w) => {
        const u = gd.mul(3, w) as Var;
        const out = gd.tape.custom(2 * u.v, (tape, g) => tape.accumulate(u.id, 2 * g));
        return new Var(out, 2 * u.v);
      },
      [1.5],
      scalar,
    );
    assert.deepEqual([r.value, ...r.gradient], [9, 6]);
  });

  it('an endless loop on an active value stops with TapeOverflowError, and the next evaluation works', () => {
    assert.throws(
      () =>
        valueAndGrad(
          (w) => {
            let x = w;
            for (;;) x = gd.mul(x, 1.0000001);
          },
          [1],
          scalar,
        ),
      TapeOverflowError,
    );
    assert.equal(valueAndGrad((w) => gd.mul(w, w), [3], scalar).gradient[0], 6);
  });
});
