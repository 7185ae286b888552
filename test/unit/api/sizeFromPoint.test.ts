/**
 * The library (src/api.ts, dist/api.js) sizes an array-parameter loss that declares no size from
 * the array it is given, as the CLI's --at / --init do (docs/cli-contract.md).
 */
import { strict as assert } from 'node:assert';
import { compileLoss } from '../../../src/api';

const SIZELESS =
  'export function loss(p: number[]) {\n  let s = 0;\n  for (let i = 0; i < p.length; i++) s += (p[i] - i) ** 2;\n  return s;\n}\n';

describe('library: the point given sizes a loss that declares none', () => {
  it('valueAndGrad of 10 numbers, then of 3: each exact, and dimension follows', () => {
    const f = compileLoss(SIZELESS);
    assert.ok(Number.isNaN(f.dimension), 'no size until a point is given');
    const ten = f.valueAndGrad(Array.from({ length: 10 }, () => 0));
    assert.equal(
      ten.value,
      Array.from({ length: 10 }, (_, i) => i * i).reduce((a, b) => a + b, 0),
    );
    assert.ok(ten.gradient.length === 10 && ten.gradient.every((g, i) => g === -2 * i), String(ten.gradient));
    assert.equal(f.dimension, 10);
    assert.deepEqual(Array.from(f.valueAndGrad([1, 1, 1]).gradient), [2, 0, -2]);
    assert.ok(f.valueAndGrad([1, 1, 1]).gradient instanceof Float64Array, 'the gradient is a Float64Array');
    assert.equal(f.dimension, 3);
  });
  it('train({ init }) of 20 numbers runs a 20-parameter loss', () => {
    const run = compileLoss(SIZELESS).train({ init: new Array(20).fill(0), steps: 3 });
    assert.equal(run.params[3].length, 20);
  });
  it('a loss with a size of its own is compiled at once, as before', () => {
    assert.equal(compileLoss('export function loss([x, y]: number[]) { return x * y }').dimension, 2);
  });
  it('a point of another length than the declared size is a LearnerError (pointSize), not a value read short', () => {
    const f = compileLoss('export function loss([x, y]: number[]) { return x * y }');
    for (const call of [
      () => f.valueAndGrad([1, 2, 3]),
      () => f.value([1]),
      () => f.hessian([1, 2, 3]),
      () => f.train({ init: [1, 2, 3], steps: 1 }),
      () => f.valueAndGrad(new Float64Array(1)),
    ]) {
      assert.throws(
        call,
        (e: Error & { code?: string }) => e.code === 'pointSize' && /숫자 2개/.test((e as Error & { ko?: string }).ko ?? ''),
      );
    }
    // A sizeless loss takes a new size from each new length instead.
    assert.doesNotThrow(() => compileLoss(SIZELESS).value([1, 2, 3, 4]));
  });
  it('an untyped `loss(p)` is only guessed to take one number: a longer point sizes it', () => {
    const f = compileLoss('export function loss(p) { return p[0] ** 2 + 2 * p[1] ** 2 }', 'guess.js');
    assert.deepEqual(Array.from(f.valueAndGrad([1, 2]).gradient), [2, 8]);
  });
});
