/**
 * The panel's remedy button: a diagnosis' `remedy.cli` becomes train options through the CLI's
 * own parser, and that run reaches exactly the outcome the diagnosis lab verified. The labels of
 * a run come from the options the worker resolved (the file's config merged in).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { diagnoseRun } from '../../../src/teaching/diagnosisLab';
import { remedyOptions } from '../../../src/commands/remedy';
import { runLabel, shownSettings } from '../../../src/commands/runLabels';
import { parseArgs, UsageError } from '../../../src/runner/cliArgs';
import { setLanguage } from '../../../src/l10n/localize';
import type { ResolvedOptions } from '../../../src/engine/trainOptions';

const example = (name: string) => {
  const file = path.resolve(__dirname, '../../../examples', name);
  return compileLoss(readFileSync(file, 'utf8'), file);
};

const last = <T>(xs: T[]): T => xs[xs.length - 1];

describe('remedy runs and run labels', () => {
  afterEach(() => setLanguage('ko'));

  it('turns remedy arguments into exactly the options the CLI would run', () => {
    const cli = [
      '--optimizer',
      'adam',
      '--lr',
      '0.01',
      '--steps',
      '200',
      '--init',
      '-2.5,1',
      '--seed',
      '3',
      '--batch-size',
      '8',
      '--nesterov',
    ];
    assert.deepEqual(remedyOptions(cli), parseArgs(['train', 'any.ts', ...cli]).train);
    assert.deepEqual(remedyOptions(['--lr', '0.5']), { learningRate: 0.5 });
    assert.throws(() => remedyOptions(['--lr', 'fast']), UsageError);
    assert.throws(() => remedyOptions(['--bogus']), UsageError);
    assert.throws(() => remedyOptions(['other.ts']), UsageError, 'a second file is not an option');
  });

  it('a remedy’s run reaches the final loss and step count the diagnosis promised', () => {
    const loss = example('learning-rate.ts');
    const run = trainLoss(loss, {});
    const findings = diagnoseRun(loss, run, {});
    const remedies = findings.flatMap((f) => (f.remedy ? [f.remedy] : []));
    assert.ok(remedies.length > 0, `learning-rate.ts (η = 1.05) is diagnosed with a remedy: ${JSON.stringify(findings)}`);
    for (const remedy of remedies) {
      const again = trainLoss(example('learning-rate.ts'), remedyOptions(remedy.cli));
      assert.equal(last(again.losses), remedy.outcome.finalLoss, remedy.cli.join(' '));
      assert.equal(again.stoppedAt ?? again.options.steps, remedy.outcome.steps, remedy.cli.join(' '));
    }
  });

  it('labels a run by what ran: the file’s config over the defaults', () => {
    let resolved: ResolvedOptions | undefined;
    const r = trainLoss(example('rosenbrock.ts'), { steps: 3 }, { onOptions: (o) => (resolved = o) });
    assert.ok(resolved, 'onOptions is told before the first step');
    assert.deepEqual(resolved, r.options);
    assert.deepEqual(shownSettings(r.options, { steps: 3 }), { optimizer: 'adam', learningRate: 0.05, steps: 3 });
    assert.equal(runLabel(r.options), 'adam · η=0.05 · 3 스텝');
    setLanguage('en');
    assert.equal(runLabel({ ...r.options, batchSize: 50 }), 'adam · η=0.05 · 3 steps · mini-batch 50');
    // The caller's own start (an explicit init, a re-rolled seed) is shown; the file's init is the empty field.
    assert.deepEqual(shownSettings(r.options, { init: [0, 0], initSeed: 7 }), {
      optimizer: 'adam',
      learningRate: 0.05,
      steps: 3,
      init: [0, 0],
      initSeed: 7,
    });
  });
});
