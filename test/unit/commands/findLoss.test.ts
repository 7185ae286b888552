import { strict as assert } from 'node:assert';
import { findLossLine } from '../../../src/commands/findLoss';

describe('findLossLine', () => {
  it('finds exported loss declarations of every form', () => {
    assert.equal(findLossLine('// L(w)\nexport function loss(w: number) {\n  return w * w;\n}'), 1);
    assert.equal(findLossLine('const a = 1;\r\nexport const loss = ([x, y]: number[]) => x * y;'), 1);
    assert.equal(findLossLine('  export async function loss(p) {}'), 0);
  });

  it('ignores look-alikes', () => {
    assert.equal(findLossLine('export function lossless() {}\nfunction loss() {}\n// export function loss'), -1);
    assert.equal(findLossLine('export const lossFn = 1;'), -1);
  });
});
