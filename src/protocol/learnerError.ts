/**
 * A learner-facing error or warning as it crosses a boundary (worker → host → panel, CLI JSON):
 * Korean and English, with the learner's own 1-based line and column when known. The runner's
 * LearnerError class (runner/learnerErrors.ts) turns into this with `toData()`.
 */
export interface LearnerErrorData {
  code: string;
  ko: string;
  en: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** "warning" for advice that does not stop the run (e.g. a loss that ignores its parameters). */
  severity?: 'error' | 'warning';
}
