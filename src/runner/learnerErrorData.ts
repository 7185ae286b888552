/**
 * Turns anything thrown while compiling or running learner code into plain LearnerErrorData
 * (Korean and English, with the learner's line when known) that can cross the worker boundary.
 */
import type { LearnerErrorData } from '../protocol/learnerError';
import { runnerMessages } from './runnerMessages';

function isLearnerErrorLike(e: unknown): e is LearnerErrorData {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as LearnerErrorData).ko === 'string' &&
    typeof (e as LearnerErrorData).en === 'string' &&
    typeof (e as LearnerErrorData).code === 'string'
  );
}

export function toLearnerErrorData(e: unknown): LearnerErrorData {
  if (isLearnerErrorLike(e)) {
    const { code, ko, en, line, column, endLine, endColumn, severity } = e;
    return { code, ko, en, line, column, endLine, endColumn, severity };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) return runnerMessages.stackOverflow();
  const message = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    ko: `학습 중 예기치 않은 오류가 났습니다: ${message}`,
    en: `Unexpected error during training: ${message}`,
  };
}
