import { strict as assert } from 'node:assert';
import { pngBytes, runToCsv, runToJson } from '../../../src/commands/runExport';
import type { RunResult } from '../../../src/runner/trainLoss';

const run: RunResult = {
  params: [
    [1, 2],
    [0.5, 1.5],
    [Infinity, NaN],
  ],
  losses: [5, 2.5, Infinity],
  gradNorms: [3, 2, NaN],
  stoppedAt: 2,
  reason: 'diverged',
  options: { optimizer: 'sgd', learningRate: 0.1, steps: 10, seed: 0, init: [1, 2] },
};

describe('run export', () => {
  it('writes one CSV row per recorded step with named parameters', () => {
    const csv = runToCsv(run, ['x', 'y,z']);
    assert.equal(csv, 'step,loss,grad_norm,x,"y,z"\n0,5,3,1,2\n1,2.5,2,0.5,1.5\n2,Infinity,NaN,Infinity,NaN\n');
  });

  it('writes the CLI JSON shape plus the options that ran', () => {
    const j = JSON.parse(runToJson(run));
    assert.deepEqual(Object.keys(j), ['params', 'losses', 'stoppedAt', 'reason', 'options']);
    assert.equal(j.losses[2], null, 'non-finite numbers are null in JSON');
    assert.equal(j.reason, 'diverged');
  });

  it('accepts only real PNG data URLs', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    assert.deepEqual([...(pngBytes(`data:image/png;base64,${png}`) ?? [])].slice(0, 4), [0x89, 0x50, 0x4e, 0x47]);
    assert.equal(pngBytes(`data:image/png;base64,${Buffer.from('<svg>').toString('base64')}`), undefined);
    assert.equal(pngBytes('data:text/html;base64,AAAA'), undefined);
  });
});
