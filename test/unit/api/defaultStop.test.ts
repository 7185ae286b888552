/**
 * The library's train() ends a run nobody gave a length the way the CLI and the editor do: at
 * convergence, saying at which step (docs/cli-contract.md, "Defaults").
 */
import { strict as assert } from 'node:assert';
import { compileLoss } from '../../../src/api';

const QUADRATIC = 'export function loss(w: number) { return (w - 3) ** 2 } export const init = -2;';

describe('library: train() with no step count stops at convergence', () => {
  it('(w − 3)² from −2: reason "converged" at step 48, as `node dist/cli.js train` says', () => {
    const run = compileLoss(QUADRATIC).train();
    assert.equal(run.reason, 'converged');
    assert.equal(run.stoppedAt, 48);
    assert.equal(run.params.length, 49);
  });
  it('a step count given anywhere runs exactly that many', () => {
    assert.equal(compileLoss(QUADRATIC).train({ steps: 100 }).params.length, 101);
    const fromConfig = compileLoss(`${QUADRATIC}\nexport const config = { steps: 70 };`).train();
    assert.equal(fromConfig.params.length, 71);
    assert.equal(fromConfig.reason, undefined);
  });
});
