import { strict as assert } from 'node:assert';
import { liveNote } from '../../../src/hover/liveValues';
import type { RunResult } from '../../../src/runner/trainLoss';

const diverged: RunResult = {
  params: [[2], [-0.1], [Infinity]],
  losses: [1, 9.61, Infinity],
  gradNorms: [2, 6.2, NaN],
  stoppedAt: 2,
  reason: 'diverged',
  options: { optimizer: 'sgd', learningRate: 1.05, steps: 60, seed: 0, init: [2] },
};
const finished: RunResult = { ...diverged, params: [[-2], [3]], losses: [25, 0], stoppedAt: undefined, reason: undefined };

describe('live values from the last run in hovers', () => {
  it('the learning rate hover says that η = 1.05 diverged at step 2', () => {
    assert.equal(
      liveNote('learningRate', 'lr', { result: diverged, paramNames: ['w'] }),
      '**지난 학습**: sgd, 학습률 η = 1.05 — 2 스텝에서 발산했습니다.',
    );
    assert.match(liveNote('learningRate', 'lr', { result: diverged, paramNames: ['w'] }, 'en') ?? '', /diverged at step 2/);
  });

  it('a loss that turned NaN while falling is not called a divergence', () => {
    const undefinedAt: RunResult = { ...diverged, params: [[1], [0.4], [-0.1]], losses: [1, 0.63, NaN] };
    assert.equal(
      liveNote('learningRate', 'lr', { result: undefinedAt, paramNames: ['w'] }),
      '**지난 학습**: sgd, 학습률 η = 1.05 — 2 스텝에서 손실이 유한한 수가 아니게 되었습니다(L = NaN).',
    );
    assert.match(
      liveNote('learningRate', 'lr', { result: undefinedAt, paramNames: ['w'] }, 'en') ?? '',
      /stopped being a finite number at step 2 \(L = NaN\)/,
    );
  });

  it('the loss hover gives the first and last loss; a parameter hover its start and end values', () => {
    assert.match(liveNote('loss', 'loss', { result: finished, paramNames: ['w'] }) ?? '', /시작 손실 25\.000 → 마지막 손실 0/);
    assert.match(liveNote(undefined, 'w', { result: finished, paramNames: ['w'] }) ?? '', /`w` = -2\.0000 에서 시작해 3\.0000 까지/);
  });

  it('says nothing without a run or for other words', () => {
    assert.equal(liveNote('learningRate', 'lr', undefined), undefined);
    assert.equal(liveNote(undefined, 'other', { result: finished, paramNames: ['w'] }), undefined);
  });
});
