/**
 * The Math a learner's code sees (src/runner/learnerMath.ts):
 *
 *   - a file that patches Math (`Math.log = …`) stops with a clear error at that line instead of
 *     using one log outside fused expressions and another inside them, and nothing of the patch
 *     outlives the error (the runtime's Math and the host's are as before);
 *   - Math.random in learner code is seeded: the same file loads the same way every time, and a
 *     training run with the same seed gives the same trajectory.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { mulberry32 } from '../../../src/engine/random';
import { gd } from '../../../src/engine/runtime';
import { LOAD_SEED } from '../../../src/runner/learnerMath';

const FILE = '/learner/math.ts';

/** compileLoss must throw mathPatched at `line` (and `column` when given), in both languages. */
function refused(source: string, line: number, column?: number, fileName = FILE): LearnerError {
  let error: unknown;
  try {
    compileLoss(source, fileName);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof LearnerError, `expected mathPatched, got ${String(error)}`);
  assert.equal(error.code, 'mathPatched', error.en);
  assert.equal(error.severity, 'error');
  assert.equal(error.line, line, `line of ${error.en}`);
  if (column !== undefined) assert.equal(error.column, column);
  assert.match(error.ko, /손실 파일이 Math 객체를 바꿉니다/);
  assert.match(error.ko, /다른 이름으로 함수를 만들어 호출하세요/);
  assert.match(error.en, /The loss file changes Math/);
  return error;
}

/** ln w + ln w·w: 2 ln 2 ... at w = 2; ∂/∂w = 1/w + ln w + 1. */
const USES_LOG = 'export const init = [2];\nexport function loss([w]: number[]) { return Math.log(w) + Math.log(w) * w * 1; }';

function assertMathIntact(): void {
  // The file that uses Math.log computes the real log, fused and per operator.
  for (const fuse of [true, false]) {
    const r = compileLoss(USES_LOG, '/learner/uses-log.ts', { fuse }).valueAndGrad([2]);
    assert.equal(r.value, Math.log(2) + Math.log(2) * 2);
    assert.ok(Math.abs(r.gradient[0] - (0.5 + Math.log(2) + 1)) < 1e-15);
  }
  assert.equal(Math.exp(1), Math.E);
  assert.equal(gd.Math.exp(1), Math.E);
}

describe('learner Math: a patch is refused at its line, not used in some places only', () => {
  afterEach(assertMathIntact);

  it('`Math.log = …` at the top level: the error at the assignment, both languages', () => {
    // Before: 2.079 outside fused expressions' log and 8.318 on a second compile (the patch patched again).
    const e = refused(
      'export const init = [2];\nconst log = Math.log;\nMath.log = (x: number) => 2 * log(x);\nexport function loss([w]: number[]) { return Math.log(w) + Math.log(w) * w * 1; }',
      3,
      1,
    );
    assert.equal(e.endLine, 3);
  });

  it('every way of writing to Math, inside the loss or outside: assignment, compound, ++, delete, destructuring, for…of, Object.assign/defineProperty, Reflect.set', () => {
    const body = (statement: string) =>
      `export const init = [1];\nexport function loss([w]: number[]) {\n  ${statement}\n  return w * w;\n}`;
    const cases = [
      'Math.exp = Math.log;',
      '(Math as any)["exp"] = Math.log;',
      '(Math as any) = { exp: (x: number) => x };',
      '(Math as any).PI += 1;',
      '(Math as any).PI++;',
      'delete (Math as any).exp;',
      '[Math.sin] = [Math.cos];',
      '({ a: Math.cos } = { a: Math.sin });',
      'for ((Math as any).custom of [1, 2]) {}',
      'Object.assign(Math, { sin: Math.cos });',
      'Object.defineProperty(Math, "sin", { value: Math.cos });',
      'Object.freeze(Math);',
      'Reflect.set(Math, "sin", Math.cos);',
      'Math.log.call = () => 0;',
    ];
    for (const c of cases) refused(body(c), 3);
  });

  it('a file’s own `Math` is its own object: patching it is plain JavaScript', () => {
    const src = `export const init = [2];
export function loss([w]: number[]) {
  const Math = { log: (x: number) => x * x };
  Math.log = (x: number) => x * x * x;
  return Math.log(w) * 1 + w;
}`;
    // w³ + w: 10 at w = 2, ∂/∂w = 3w² + 1 = 13.
    const r = compileLoss(src, FILE).valueAndGrad([2]);
    assert.equal(r.value, 10);
    assert.equal(r.gradient[0], 13);
  });

  it('a patch the syntax cannot see (an alias, globalThis.Math) is found after loading or after the first evaluation, undone, and refused', () => {
    // `const M = Math` is where the alias starts: the error is shown there.
    refused(
      'export const init = [2];\nconst M: any = Math;\nM.log = (x: number) => 2 * x;\nexport function loss([w]: number[]) { return Math.log(w) * w * 1; }',
      2,
      16,
    );
    // The host's Math, changed while the loss runs: no alias in the file, so at the loss.
    refused(
      'export const init = [2];\nexport function loss([w]: number[]) {\n  (globalThis as any).Math.exp = () => 0;\n  return w * w;\n}',
      2,
    );
    refused(
      'export const init = [2];\n(globalThis as any).Math.random = () => 0.5;\nexport function loss([w]: number[]) { return w * w; }',
      3,
    );
  });

  it('a patch made by a later evaluation is undone before the next file compiles, and not blamed on it', () => {
    const late = compileLoss(
      'let calls = 0;\nexport const init = [2];\nexport function loss([w]: number[]) {\n  if (++calls > 3) (globalThis as any).Math.log = () => 0;\n  return w * w;\n}',
      '/learner/late.ts',
    );
    for (let i = 0; i < 5; i++) late.value([1]);
    assert.equal(Math.log(Math.E), 0, 'the host Math really was patched');
    // afterEach compiles a file that uses Math.log: no error, the real log.
  });

  it('a patch inside an imported helper: at the import in the trained file, naming the helper and its line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-math-'));
    try {
      writeFileSync(path.join(dir, 'helper.ts'), 'export const twice = (x: number) => 2 * x;\nMath.sqrt = twice;\n');
      const e = refused(
        "import { twice } from './helper';\nexport const init = [2];\nexport function loss([w]: number[]) { return twice(w) * w; }",
        1,
        undefined,
        path.join(dir, 'loss.ts'),
      );
      assert.match(e.ko, /helper\.ts 2번째 줄/);
      assert.match(e.en, /in helper\.ts, line 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('learner Math.random is seeded', () => {
  it('a file that makes its data with Math.random loads the same way every time: the numbers of mulberry32(LOAD_SEED)', () => {
    const src = `export const data = Array.from({ length: 3 }, () => ({ x: Math.random(), y: Math.random() }));
export const init = [0, 0];
export function loss([a, b]: number[], batch: { x: number; y: number }[]) {
  let s = 0;
  for (const { x, y } of batch) s += (a * x + b - y) ** 2;
  return s / batch.length;
}`;
    const first = compileLoss(src, '/learner/data.ts');
    const second = compileLoss(src, '/learner/data.ts');
    const r = mulberry32(LOAD_SEED);
    const expected = Array.from({ length: 3 }, () => ({ x: r(), y: r() }));
    assert.deepEqual(first.data, expected);
    assert.deepEqual(second.data, expected);
    assert.deepEqual(first.valueAndGrad([0.3, -0.2]), second.valueAndGrad([0.3, -0.2]));
    assert.deepEqual(first.warnings, []);
  });

  it('training with the same seed twice gives the same trajectory, worked out by hand; another seed another one', () => {
    const src = `export const init = [0];
export function loss([w]: number[]) {
  return (w - 3) ** 2 + w * (Math.random() - 0.5);
}`;
    const run = (seed: number) =>
      trainLoss(compileLoss(src, '/learner/noisy.ts'), { optimizer: 'sgd', learningRate: 0.1, steps: 30, seed });
    const a = run(1);
    const b = run(1);
    const c = run(2);
    assert.deepEqual(a.params, b.params);
    assert.deepEqual(a.losses, b.losses);
    assert.notDeepEqual(a.params, c.params);
    // By hand: step k draws r_k from mulberry32(seed); ∂/∂w = 2(w − 3) + r_k − 0.5; w ← w − 0.1·∂.
    for (const [seed, result] of [
      [1, a],
      [2, c],
    ] as const) {
      const random = mulberry32(seed);
      let w = 0;
      for (let k = 0; k < 30; k++) {
        assert.equal(result.params[k][0], w, `seed ${seed}, step ${k}`);
        const r = random();
        assert.equal(result.losses[k], (w - 3) ** 2 + w * (r - 0.5));
        w = w - 0.1 * (2 * (w - 3) + (r - 0.5));
      }
    }
    // The seed comes from the file's config as well (defaults ← config ← caller).
    const configured = trainLoss(compileLoss(`export const config = { seed: 2 };\n${src}`, '/learner/noisy.ts'), {
      optimizer: 'sgd',
      learningRate: 0.1,
      steps: 30,
    });
    assert.deepEqual(configured.params, c.params);
  });

  it('whatever ran before the run (evaluations, other runs) does not change it', () => {
    const src = 'export const init = [0];\nexport function loss([w]: number[]) { return (w - 3) ** 2 + w * (Math.random() - 0.5); }';
    const loss = compileLoss(src, '/learner/noisy.ts');
    const a = trainLoss(loss, { steps: 10, seed: 5 });
    for (let i = 0; i < 17; i++) loss.value([i]);
    const b = trainLoss(loss, { steps: 10, seed: 5 });
    assert.deepEqual(a.params, b.params);
  });
});
