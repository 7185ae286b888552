/**
 * A data sample unlike the others (src/runner/exportChecks.ts oddSample, confirmed in compile.ts):
 * said at that sample only when the loss fails on it; fields the loss never reads, and optional
 * fields a few samples have, are no error.
 */
import { strict as assert } from 'node:assert';
import { compileLoss } from '../../../src/runner/compile';
import { oddSample } from '../../../src/runner/exportChecks';
import { LearnerError } from '../../../src/runner/learnerErrors';

const lossOver = (data: string) => `export const data = ${data};
export function loss(w: number, batch: { x: number; y: number }[]) {
  let s = 0;
  for (const d of batch) s += (w * d.x - d.y) ** 2;
  return s / batch.length;
}`;

describe('data samples unlike the others', () => {
  it('finds a missing field, a field of another kind and an array of another length, where most samples agree', () => {
    assert.deepEqual(oddSample([{ x: 1, y: 2 }, { x: 2 }, { x: 3, y: 6 }])?.index, 1);
    assert.equal(
      oddSample([
        { x: 1, y: 2 },
        { x: 2, y: 'four' },
        { x: 3, y: 6 },
      ])?.field,
      'y',
    );
    assert.match(
      oddSample([{ x: [1, 2] }, { x: [1, 2] }, { x: [1] }])?.problem.en ?? '',
      /length 1, where 2 of the 3 samples have length 2/,
    );
  });

  it('says nothing where half or fewer agree, for fewer than three samples, or for a field only a few samples have', () => {
    assert.equal(oddSample([{ x: 1, y: 2 }, { x: 2 }]), undefined);
    assert.equal(oddSample([{ x: 1, y: 2 }, { x: 2 }, { x: 3, y: 'a' }, { x: 4 }]), undefined);
    assert.equal(oddSample([{ x: 1, note: 'a' }, { x: 2 }, { x: 3 }]), undefined);
    assert.equal(oddSample([[1, 2], [3], [4, 5]]), undefined);
  });

  it('a missing field the loss reads stops the run at the sample, with or without init', () => {
    for (const tail of ['', '\nexport const init = 0;']) {
      assert.throws(
        () => compileLoss(lossOver('[\n  { x: 1, y: 2 },\n  { x: 2 },\n  { x: 3, y: 6 },\n]') + tail, 'odd.ts'),
        (e: unknown) => e instanceof LearnerError && e.code === 'badData' && e.line === 3,
      );
    }
  });

  it('a field the loss never reads may be missing; text that JavaScript turns into a number is what JavaScript computes', () => {
    const unread = compileLoss(
      lossOver('[{ x: 1, y: 2, id: 1 }, { x: 2, y: 4 }, { x: 3, y: 6, id: 3 }, { x: 4, y: 8, id: 4 }]'),
      'unread.ts',
    );
    assert.equal(unread.value([2]), 0);
    const text = compileLoss(lossOver("[{ x: 1, y: 2 }, { x: 2, y: '4' }, { x: 3, y: 6 }]"), 'text.ts');
    assert.equal(text.value([2]), 0);
  });
});
