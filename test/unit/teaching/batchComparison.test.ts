/** Mini-batch and full batch side by side (#7): each row is an ordinary run; the table's work figures. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { batchComparison } from '../../../src/teaching/batchComparison';
import { analysisMessages } from '../../../src/commands/analysisMessages';
import type { HostMessage } from '../../../src/protocol/panelProtocol';

const example = (name: string) => {
  const file = path.resolve(__dirname, '../../../examples', name);
  return compileLoss(readFileSync(file, 'utf8'), file);
};

describe('teaching: mini-batch and full batch', function () {
  this.timeout(60_000);

  it('full batch, 32, 8 and 1 from one start: each row is exactly the single run with that batchSize', () => {
    const loss = example('moons-network.ts');
    const r = batchComparison(loss, { options: { steps: 60 } });
    assert.equal(r.samples, 200);
    assert.deepEqual(
      r.rows.map((row) => row.batchSize),
      [200, 32, 8, 1],
    );
    assert.deepEqual(
      r.rows.map((row) => row.fullBatch),
      [true, false, false, false],
    );
    for (const row of r.rows) {
      const single = trainLoss(loss, { steps: 60, batchSize: row.batchSize });
      assert.deepEqual(row.run.params, single.params);
      assert.deepEqual(row.run.losses, single.losses);
      assert.equal(row.samples, 60 * row.batchSize);
      assert.equal(row.epochs, (60 * row.batchSize) / 200);
      assert.equal(row.finalLoss, loss.value(single.params[60]));
      assert.ok(row.milliseconds >= 0);
    }
    // One start for all.
    assert.ok(r.rows.every((row) => row.run.options.init.every((v, i) => v === r.rows[0].run.options.init[i])));
    // The full batch's per-step losses are the true loss; a batch of one's are noisy estimates of it.
    const full = r.rows[0].run;
    assert.equal(full.losses[10], loss.value(full.params[10]));
    const one = r.rows[3].run;
    assert.notEqual(one.losses[10], loss.value(one.params[10]));
    // A batch of 8 did 25× less work than the full batch in the same steps.
    assert.equal(r.rows[0].samples / r.rows[2].samples, 25);
  });

  it('with testSplit the full batch is the training side; sizes at or above it are dropped', () => {
    const loss = example('overfitting.ts');
    const r = batchComparison(loss, { sizes: [64, 50, 10], options: { steps: 5 } });
    assert.equal(r.samples, 50);
    assert.deepEqual(
      r.rows.map((row) => row.batchSize),
      [50, 10],
    );
  });

  it('a loss without data says what to add, in Korean and English', () => {
    const loss = example('quadratic.ts');
    assert.throws(
      () => batchComparison(loss),
      (e: Error & { code?: string; ko?: string }) => e.code === 'noData' && /export const data/.test(e.ko ?? ''),
    );
  });

  it('panel messages: one run per batch size, and the table of work', () => {
    const loss = example('moons-network.ts');
    const result = batchComparison(loss, { options: { steps: 20 } });
    let id = 0;
    const messages = analysisMessages(
      { analysis: 'batchSizes', result },
      '/x/moons-network.ts',
      loss.dimension,
      loss.paramNames,
      () => `b${id++}`,
    );
    const started = messages.filter((m): m is Extract<HostMessage, { type: 'runStarted' }> => m.type === 'runStarted');
    assert.deepEqual(
      started.map((m) => m.file),
      [
        'moons-network.ts · 전체 배치 (200)',
        'moons-network.ts · 미니배치 32',
        'moons-network.ts · 미니배치 8',
        'moons-network.ts · 미니배치 1',
      ],
    );
    const table = messages.find((m): m is Extract<HostMessage, { type: 'table' }> => m.type === 'table');
    assert.ok(table);
    assert.deepEqual(table.columns, ['배치 크기', '스텝 수', '처리한 표본 수', '에포크', '학습 데이터 전체의 손실', '시간 (ms)']);
    assert.deepEqual(
      table.rows.map((row) => row.slice(0, 4)),
      [
        ['전체 배치 (200)', 20, 4000, 20],
        ['미니배치 32', 20, 640, 3.2],
        ['미니배치 8', 20, 160, 0.8],
        ['미니배치 1', 20, 20, 0.1],
      ],
    );
  });
});
