/** The panel's surface samples (runner/surface.ts), and how a time budget shrinks the grid. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { sampleSurface } from '../../../src/runner/surface';

describe('surface sampling', () => {
  it('samples 80×80 of a 2-D loss, row j at y[j], holes where the loss is not finite', () => {
    const loss = compileLoss('export function loss([x, y]: number[]) { return x > 4.5 ? Math.log(-1) : x * x + 2 * y; }', 'two.ts');
    const s = sampleSurface(loss);
    assert.equal(s.kind, '2d');
    if (s.kind !== '2d') return;
    assert.equal(s.x.length, 80);
    assert.equal(s.z[10][3], s.x[3] ** 2 + 2 * s.y[10]);
    assert.equal(s.z[0][79], null);
  });

  it('a budget shrinks the grid of an expensive loss (never below 16 per side); a cheap one keeps 80', function () {
    this.timeout(60_000);
    const file = path.resolve(__dirname, '../../../examples/overfitting.ts');
    const network = compileLoss(readFileSync(file, 'utf8'), file);
    const s = sampleSurface(network, { budgetMs: 1 });
    assert.equal(s.kind, '2d');
    if (s.kind === '2d') {
      assert.equal(s.x.length, 16);
      assert.equal(s.z.length, 16);
    }
    const cheap = compileLoss('export function loss([x, y]: number[]) { return x * x + y * y; }', 'bowl.ts');
    const c = sampleSurface(cheap, { budgetMs: 1000 });
    assert.ok(c.kind === '2d' && c.x.length === 80);
  });
});
