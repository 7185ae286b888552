/**
 * Anything thrown while a loss file loads or runs → a LearnerError at the learner's own line.
 *
 * The line comes from the stack: V8 names each frame's file as the module loader compiled it
 * (the learner's file name) with a position in the *transpiled* JavaScript, which the source map
 * turns back into the learner's line and column. Engine frames (valueOf, the runtime) are skipped.
 * The position reported is the innermost frame in the file being trained — that is where the
 * editor shows it; when the error arose deeper, in an imported helper, the message says where.
 */
import { LearnerError, learnerErrors, baseName, type Where } from './learnerErrors';
import { originalPosition, type LineMappings } from './sourceMap';
import { LossNotNumberError, NotDifferentiableError, InterruptedError } from '../engine/runtime';
import { describe } from '../engine/evaluate';
import { runnerMessages } from './runnerMessages';
import { TapeEscapeError, ActiveTextError } from '../engine/var';
import { TapeOverflowError } from '../engine/tape';
import { ActiveKeyError, lastNonErrorThrow } from './identityRuntime';
import { NotAllowedError } from './notAllowedError';

interface Frame {
  file: string;
  line: number;
  column: number;
}

/** `    at loss (/a/b.ts:5:12)`, `    at /a/b.ts:5:12`, `    at new Foo (C:\a\b.ts:1:2)` → file, line, column. */
const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/;

/** The learner's frames, innermost first, mapped to their source positions. */
export function learnerFrames(stack: string | undefined, maps: Map<string, LineMappings>): Frame[] {
  if (!stack) return [];
  const frames: Frame[] = [];
  for (const text of stack.split('\n')) {
    const m = FRAME.exec(text);
    if (!m) continue;
    const map = maps.get(m[1]);
    const pos = map && originalPosition(map, Number(m[2]), Number(m[3]));
    if (pos) frames.push({ file: m[1], ...pos });
  }
  return frames;
}

function kind(e: unknown, where: Where, fallback: Where): LearnerError {
  if (e instanceof LearnerError) return e;
  if (e instanceof LossNotNumberError) return learnerErrors.lossNotNumber(e.got, fallback);
  if (e instanceof TapeEscapeError) return learnerErrors.tapeEscape(where);
  if (e instanceof ActiveTextError) return learnerErrors.activeText(where);
  if (e instanceof NotDifferentiableError) return learnerErrors.notDifferentiable(e.op, where);
  if (e instanceof ActiveKeyError) return learnerErrors.activeKey(e.collection, where);
  if (e instanceof NotAllowedError) return learnerErrors.notAllowed(e.what, where);
  // Node's permission model refused a read outside the room's folder (isolatedRun.ts).
  if (e instanceof Error && (e as { code?: string }).code === 'ERR_ACCESS_DENIED')
    return learnerErrors.readOutsideRoom(String((e as { resource?: string }).resource ?? ''), where);
  if (e instanceof RangeError && /call stack/i.test(e.message)) return learnerErrors.stackOverflow(where);
  if (e instanceof TapeOverflowError) return learnerErrors.tapeOverflow(e.limit, where);
  if (e instanceof InterruptedError) {
    const m = e.why === 2 ? runnerMessages.timeout(0) : runnerMessages.cancelled();
    return new LearnerError(m.code, m.ko, m.en, where);
  }
  if (!(e instanceof Error)) return learnerErrors.lossThrewValue(describe(e), where);
  return learnerErrors.lossThrew(`${e.name}: ${e.message}`, where);
}

/**
 * `fileName`: the file being trained; `maps`: source maps of every learner module loaded;
 * `fallback`: where to point when no frame is the learner's (e.g. the loss declaration).
 */
export function mapRuntimeError(e: unknown, fileName: string, maps: Map<string, LineMappings>, fallback: Where = {}): LearnerError {
  if (e instanceof LearnerError) return e;
  // A thrown string or object has no stack of its own: the transform noted where it was thrown.
  const frames = learnerFrames(e instanceof Error ? e.stack : lastNonErrorThrow(), maps);
  const inMain = frames.find((f) => f.file === fileName);
  const where: Where = inMain ? { line: inMain.line, column: inMain.column } : fallback;
  const error = kind(e, where, fallback);
  const innermost = frames[0];
  if (innermost && innermost.file !== fileName) {
    const name = baseName(innermost.file);
    return error.withNote(`(${name} ${innermost.line}번째 줄에서 난 오류입니다.)`, `(It happened in ${name}, line ${innermost.line}.)`);
  }
  return error;
}
