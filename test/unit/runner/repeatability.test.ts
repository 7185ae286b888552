/**
 * A loss that returns different values for the same parameters — the clock, a counter in module
 * state, random numbers — is said once, as a warning at the place where two evaluations first
 * differ (compile.ts, repeatability.ts), instead of being trained silently.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import type { LearnerError } from '../../../src/runner/learnerErrors';

/** The one lossNotRepeatable warning of the file, checked for severity and both languages. */
function warningOf(source: string, fileName = '/learner/varies.ts'): LearnerError {
  const loss = compileLoss(source, fileName);
  const found = loss.warnings.filter((w) => w.code === 'lossNotRepeatable');
  assert.equal(found.length, 1, `one warning: ${loss.warnings.map((w) => w.code).join(', ')}`);
  const w = found[0];
  assert.equal(w.severity, 'warning');
  assert.match(w.ko, /같은 매개변수로 손실 함수를 두 번 계산했는데 값이 달랐습니다\(처음 값: -?[\d.e+-]+, 다음 값: -?[\d.e+-]+\)/);
  assert.match(w.ko, /시각\(Date\.now\(\), performance\.now\(\)\), 호출할 때마다 바뀌는 모듈 변수, 난수\(Math\.random\(\)\)/);
  assert.match(w.en, /The loss returned two different values for the same parameters \(-?[\d.e+-]+, then -?[\d.e+-]+\)/);
  assert.match(w.en, /Math\.random\(\) is seeded for each run/);
  return w;
}

describe('a loss that is not a function of its parameters: one warning, at its line', () => {
  it('Date.now(): at the operation that reads it', () => {
    const w = warningOf(`export const init = [1];
export function loss([w]: number[]) {
  const t = w * 0;
  return (w - 3) ** 2 + (Date.now() % 1000) * 1e-3 + t;
}`);
    assert.deepEqual([w.line, w.column, w.endLine, w.endColumn], [4, 26, 4, 43]);
  });

  it('a counter in module state: at the first expression that uses it', () => {
    const w = warningOf(`let calls = 0;
export const init = [1];
export function loss([w]: number[]) {
  calls++;
  const bowl = (w - 3) ** 2;
  return bowl + calls * 1e-9;
}`);
    assert.deepEqual([w.line, w.column], [6, 17]);
  });

  it('Math.random() (seeded, yet different at every evaluation): at the call', () => {
    const w = warningOf(`export const init = [1];
export function loss([w]: number[]) {
  const noise = 0.01 * Math.random();
  return (w - 3) ** 2 + noise;
}`);
    assert.deepEqual([w.line, w.column, w.endLine, w.endColumn], [3, 24, 3, 37]);
  });

  it('a difference that starts in an imported helper: at the loss, naming the helper and its line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-varies-'));
    try {
      writeFileSync(path.join(dir, 'noise.ts'), 'let n = 0;\nexport function noise(): number {\n  n++;\n  return n * 1e-6 + 0;\n}\n');
      const w = warningOf(
        "import { noise } from './noise';\nexport const init = [1];\nexport function loss([w]: number[]) { return (w - 3) ** 2 + noise(); }",
        path.join(dir, 'loss.ts'),
      );
      assert.equal(w.line, 3);
      assert.match(w.ko, /noise\.ts 4번째 줄/);
      assert.match(w.en, /in noise\.ts, line 4/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the loss is still trained (a warning, not an error), and deterministic losses get none: a cache, state reset per call, module-level random data', () => {
    const counter = compileLoss(
      'let calls = 0;\nexport const init = [1];\nexport function loss([w]: number[]) { calls++; return (w - 3) ** 2 + calls * 0; }',
      '/learner/quiet.ts',
    );
    assert.deepEqual(counter.warnings, []);
    const cached = compileLoss(
      'const cache = new Map<number, number>();\nexport const init = [1];\nexport function loss([w]: number[]) {\n  const key = 7;\n  if (!cache.has(key)) cache.set(key, Math.sqrt(key));\n  return (w - (cache.get(key) as number)) ** 2;\n}',
      '/learner/cache.ts',
    );
    assert.deepEqual(cached.warnings, []);
    const data = compileLoss(
      'const shift = Math.random();\nexport const init = [1];\nexport function loss([w]: number[]) { return (w - shift) ** 2; }',
      '/learner/shift.ts',
    );
    assert.deepEqual(data.warnings, []);
    const noisy = compileLoss(
      'export const init = [1];\nexport function loss([w]: number[]) { return (w - 3) ** 2 + Math.random(); }',
      '/learner/noisy.ts',
    );
    assert.equal(noisy.warnings.length, 1);
    assert.equal(typeof noisy.valueAndGrad([2]).value, 'number');
    assert.equal(noisy.valueAndGrad([2]).gradient[0], -2);
  });
});
