import { strict as assert } from 'node:assert';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { runIsolated } from '../../../src/worker/isolatedRun';
import type { LearnerErrorData } from '../../../src/protocol/learnerError';
import { badFixtures, WORKER_ONLY, type BadFixture } from './badFixtures';

function assertMatches(error: LearnerErrorData | undefined, want: BadFixture): void {
  assert.ok(error, `expected ${want.code}`);
  assert.equal(error.code, want.code, `${error.code}: ${error.en}`);
  assert.equal(error.severity ?? 'error', want.warning ? 'warning' : 'error');
  if (want.line !== undefined) assert.equal(error.line, want.line, `line of: ${error.en}`);
  assert.ok(error.ko.includes(want.ko), `Korean message\n  ${error.ko}\nlacks\n  ${want.ko}`);
  assert.ok(error.en.includes(want.en), `English message\n  ${error.en}\nlacks\n  ${want.en}`);
  assert.match(error.ko, /[가-힣]/);
}

describe('bad-input corpus (test/fixtures/bad), compiled in this process: code, both messages, exact line', () => {
  for (const want of badFixtures().filter((f) => !WORKER_ONLY.has(f.code))) {
    it(`${want.file} → ${want.code}${want.line ? ` at line ${want.line}` : ''}`, () => {
      let error: LearnerErrorData | undefined;
      try {
        const loss = compileLoss(want.source, want.fileName);
        error = loss.warnings[0];
      } catch (e) {
        assert.ok(e instanceof LearnerError, `not a LearnerError: ${String(e)}`);
        error = e;
      }
      assertMatches(error, want);
    });
  }
});

/** Beyond the worker-only limits, one of each kind of path: a warning, an imported helper, syntax, an escape, recursion. */
const THROUGH_WORKER = new Set(['constant-loss.ts', 'helper-throws.ts', 'syntax.ts', 'typed-array-escape.ts', 'stack-overflow.ts']);

describe('bad-input corpus (test/fixtures/bad), trained in a worker: limits, and errors crossing as data', function () {
  this.timeout(120_000);
  for (const want of badFixtures().filter((f) => WORKER_ONLY.has(f.code) || THROUGH_WORKER.has(f.file))) {
    it(`${want.file} → ${want.code}`, async () => {
      // Generous limits so a loaded machine cannot turn one failure into another: only the
      // endless-loop fixture meets its time limit, and the long grace lets the loop's own check
      // stop it at its line rather than the worker being ended. A runaway tape needs a 1 GB heap
      // to reach the tape's cap (a message at its line) before the heap limit.
      const limits = want.code === 'timeout' ? { timeoutMs: 2_000, graceMs: 30_000 } : { timeoutMs: 60_000, graceMs: 1_000 };
      const memoryMb = want.code === 'tapeOverflow' ? 1024 : 256;
      const run = runIsolated(
        { kind: 'train', source: want.source, fileName: want.fileName, options: { steps: 5 } },
        {},
        { ...limits, memoryMb },
      );
      const outcome = await run.done;
      const error = want.warning ? outcome.warnings[0] : outcome.ok ? undefined : outcome.error;
      if (want.warning) assert.equal(outcome.ok, true, 'a warning does not stop the run');
      assertMatches(error, want);
    });
  }
});
