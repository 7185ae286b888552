/**
 * The isolation layer's learner-facing errors (Korean and English), shared by the host side of
 * the worker and the worker itself. The runner's compile-time and runtime errors live with the
 * compiler (learnerErrors.ts); these are the ones only the host can see: the worker ran out of
 * time or memory, was cancelled, or died.
 */
import type { LearnerErrorData } from '../protocol/learnerError';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export const runnerMessages = {
  /** ms = 0: the limit is not known where this is raised (inside the worker). */
  timeout: (ms: number): LearnerErrorData => ({
    code: 'timeout',
    ko: `손실 함수가 ${ms ? `${seconds(ms)}초 ` : '시간 제한 '}안에 끝나지 않아 학습을 멈췄습니다. 끝나지 않는 반복문(무한 루프)이 있는지 확인하세요.`,
    en: `Training stopped: the loss did not return within ${ms ? `${seconds(ms)} s` : 'the time limit'}. Check for a loop that never ends.`,
  }),
  cancelled: (): LearnerErrorData => ({
    code: 'cancelled',
    ko: '학습을 취소했습니다.',
    en: 'Training was cancelled.',
  }),
  outOfMemory: (mb: number): LearnerErrorData => ({
    code: 'outOfMemory',
    ko: `손실 함수가 메모리를 너무 많이 써서(${mb} MB 초과) 학습을 멈췄습니다. 반복마다 커지는 배열이나 끝없이 쌓이는 데이터가 있는지 확인하세요.`,
    en: `Training stopped: the loss used too much memory (over ${mb} MB). Check for arrays that grow on every iteration.`,
  }),
  stackOverflow: (): LearnerErrorData => ({
    code: 'stackOverflow',
    ko: '재귀 호출이 너무 깊어 학습을 멈췄습니다. 재귀 함수에 끝나는 조건이 있는지 확인하세요.',
    en: 'Training stopped: recursion went too deep. Check that every recursive function has a base case.',
  }),
  crashed: (detail: string): LearnerErrorData => ({
    code: 'crashed',
    ko: `학습을 실행하던 작업자(worker)가 예기치 않게 끝났습니다: ${detail}`,
    en: `The worker running the training ended unexpectedly: ${detail}`,
  }),
};
