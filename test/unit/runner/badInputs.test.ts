import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runIsolated } from '../../../src/runner/isolatedRun';

const dir = path.resolve(__dirname, '../../fixtures/bad');

/** Each fixture's first line says what must happen: `// expect: CODE [warning] [line=N]`. */
function expectation(source: string): { code: string; warning: boolean; line?: number } {
  const m = source.match(/^\/\/ expect: (\w+)( warning)?(?: line=(\d+))?/);
  if (!m) throw new Error('fixture without an expect line');
  return { code: m[1], warning: Boolean(m[2]), line: m[3] ? Number(m[3]) : undefined };
}

describe('bad-input corpus (test/fixtures/bad): a clear message at the right line, in a worker', function () {
  this.timeout(90_000);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const want = expectation(source);
    it(`${file} → ${want.code}${want.line ? ` at line ${want.line}` : ''}`, async () => {
      // Generous limits so a loaded machine cannot turn one failure into another: only the
      // endless-loop fixture meets its time limit, and the long grace lets the loop's own check
      // stop it at its line rather than the worker being ended.
      const limits = want.code === 'timeout' ? { timeoutMs: 2_000, graceMs: 30_000 } : { timeoutMs: 60_000, graceMs: 1_000 };
      const run = runIsolated({ kind: 'train', source, fileName: path.join(dir, file), options: { steps: 5 } }, {}, { ...limits, memoryMb: want.code === 'tapeOverflow' ? 1024 : 256 });
      const outcome = await run.done;
      const error = want.warning ? outcome.warnings[0] : outcome.ok ? undefined : outcome.error;
      assert.ok(error, `expected ${want.code}, got ${JSON.stringify(outcome).slice(0, 300)}`);
      assert.equal(error.code, want.code, `${error.code}: ${error.en}`);
      if (want.warning) assert.equal(outcome.ok, true, 'a warning does not stop the run');
      if (want.line !== undefined) assert.equal(error.line, want.line, `line of: ${error.en}`);
      assert.match(error.ko, /[가-힣]/, 'a Korean message');
      assert.ok(error.en.length > 10, 'an English message');
    });
  }
});
