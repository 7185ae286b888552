/**
 * Anything thrown while a loss runs → a LearnerError at the learner's own line: the first stack
 * frame inside one of the learner's files, mapped from the transpiled JavaScript back to their
 * source through the source map.
 */
import { LearnerError, learnerErrors } from './learnerErrors';
import { originalPosition, type LineMappings } from './sourceMap';
import { LossNotNumberError, NotDifferentiableError, InterruptedError } from '../engine/runtime';
import { describe } from '../engine/evaluate';
import { runnerMessages } from './runnerMessages';
import { TapeEscapeError } from '../engine/var';
import { TapeOverflowError } from '../engine/tape';

type Where = { line?: number; column?: number };

/** The learner's position of the innermost frame in one of their files. */
export function learnerFrame(stack: string | undefined, maps: Map<string, LineMappings> | undefined, fileName: string): Where & { file?: string } {
  if (!stack) return {};
  for (const line of stack.split('\n')) {
    const m = line.match(/\(?((?:[a-zA-Z]:)?[^():]+|[^()]+?):(\d+):(\d+)\)?\s*$/);
    if (!m) continue;
    const file = m[1].replace(/^\s*at\s+/, '').trim();
    const map = maps?.get(file);
    if (map) {
      const pos = originalPosition(map, Number(m[2]), Number(m[3]));
      if (pos) return { ...pos, file };
    }
    if (!maps && file === fileName) return { line: Number(m[2]), column: Number(m[3]), file };
  }
  return {};
}

export function mapRuntimeError(e: unknown, fileName: string, maps: Map<string, LineMappings> | undefined, fallback: Where = {}): LearnerError {
  if (e instanceof LearnerError) return e;
  const stack = e instanceof Error ? e.stack : undefined;
  const frame = learnerFrame(stack, maps, fileName);
  const where: Where = frame.line ? frame : fallback;
  if (e instanceof LossNotNumberError) return learnerErrors.lossNotNumber(e.got, fallback);
  if (e instanceof TapeEscapeError) return learnerErrors.tapeEscape(where);
  if (e instanceof NotDifferentiableError) return learnerErrors.notDifferentiable(e.op, where);
  if (e instanceof RangeError && /call stack/i.test(e.message)) return learnerErrors.stackOverflow(where);
  if (e instanceof InterruptedError) {
    const m = e.why === 2 ? runnerMessages.timeout(0) : runnerMessages.cancelled();
    return new LearnerError(m.code, m.ko, m.en, where.line, where.column);
  }
  if (e instanceof TapeOverflowError) return learnerErrors.tapeOverflow(e.limit, where);
  const message = e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${describe(e)}`;
  return learnerErrors.lossThrew(message, where);
}
