import { strict as assert } from 'node:assert';
import path from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { learnerFrames, mapRuntimeError } from '../../../src/runner/errorMapping';
import { TapeEscapeError } from '../../../src/engine/var';

const FILE = path.resolve(__dirname, '../../fixtures/learner/mapped.ts');

function failure(source: string, fileName = FILE): LearnerError {
  try {
    compileLoss(source, fileName);
  } catch (e) {
    assert.ok(e instanceof LearnerError, String(e));
    return e;
  }
  assert.fail('expected a LearnerError');
}

/** The text of the learner's line from the reported column on. */
const at = (source: string, e: LearnerError) => source.split('\n')[(e.line ?? 0) - 1].slice((e.column ?? 0) - 1);

describe('errorMapping: runtime errors at the learner’s line and column (through the source map)', () => {
  it('a TypeError deep in an expression points at the failing property read', () => {
    const src = 'export const init = 1;\nexport function loss(w: number) {\n  const o: any = {};\n  return w +   o.missing.x * 3;\n}';
    const e = failure(src);
    assert.equal(e.code, 'lossThrew');
    assert.equal(e.line, 4);
    assert.ok(at(src, e).startsWith('x * 3'), at(src, e));
    assert.match(e.en, /TypeError: Cannot read properties of undefined/);
  });

  it('a non-differentiable Math call points at the call', () => {
    const src = 'export const init = 1;\nexport function loss(w: number) {\n  return 1 + Math.imul(w, 2);\n}';
    const e = failure(src);
    assert.equal(e.code, 'notDifferentiable');
    assert.ok(at(src, e).startsWith('imul(w, 2)'), at(src, e));
  });

  it('a typed-array store points at the assignment on its line', () => {
    const src =
      'export const init = 1;\nexport function loss(w: number) {\n  const b = new Float64Array(2);\n  const k = 1;   b[k] = w * 2;\n  return w;\n}';
    const e = failure(src);
    assert.equal(e.code, 'tapeEscape');
    assert.equal(e.line, 4);
    assert.ok(at(src, e).includes('= w * 2'), at(src, e));
  });

  it('a ReferenceError at the end of a 3,000-character line keeps its line and column', () => {
    const line = `  const s = ${Array.from({ length: 300 }, () => 'w * 0.5').join(' + ')} + undefinedThing;`;
    const src = `export const init = 1;\nexport function loss(w: number) {\n${line}\n  return s;\n}`;
    const e = failure(src);
    assert.equal(e.line, 3);
    assert.equal(e.column, line.indexOf('undefinedThing') + 1);
    assert.match(e.en, /undefinedThing is not defined/);
  });

  it('a throw of a non-Error value points at the throw and names what was thrown', () => {
    const e = failure("export const init = 1;\nexport function loss(w: number) {\n  throw 'no';\n}");
    assert.equal(e.code, 'lossThrew');
    assert.equal(e.line, 3); // the value has no stack: the transform noted the throw's
    assert.match(e.en, /threw a value that is not an Error: the string "no"/);
    assert.match(e.ko, /문자열 "no"/);
  });

  it('recursion without end inside an imported helper: the call in the trained file, the helper named', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-map-'));
    try {
      writeFileSync(path.join(dir, 'deep.ts'), 'export function deep(x: number): number {\n  return deep(x) + 1;\n}\n');
      const main = path.join(dir, 'main.ts');
      const src = "import { deep } from './deep';\nexport const init = 1;\nexport function loss(w: number) {\n  return w * deep(w);\n}";
      const limit = Error.stackTraceLimit;
      try {
        // With V8's default of 10 frames (as in the worker) the stack holds only the helper: the loss's line stands in.
        Error.stackTraceLimit = 10;
        const e = failure(src, main);
        assert.deepEqual([e.code, e.line], ['stackOverflow', 3]);
        assert.match(e.ko, /deep\.ts 2번째 줄/);
        // With the whole stack (mocha's setting), the call in the trained file.
        Error.stackTraceLimit = Infinity;
        assert.equal(failure(src, main).line, 4);
      } finally {
        Error.stackTraceLimit = limit;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads V8 frames with spaces, Windows drives and `new`, and skips engine frames', () => {
    const maps = new Map([
      ['C:\\work\\my loss.ts', [[[0, 4, 2] as [number, number, number]]]],
      ['/a/b.ts', [[], [[0, 0, 0] as [number, number, number]]]],
    ]);
    const stack = [
      'TapeEscapeError: x',
      '    at Var.valueOf (/ext/dist/worker.js:1:100)',
      '    at new Model (C:\\work\\my loss.ts:1:5)',
      '    at /a/b.ts:2:9',
    ].join('\n');
    assert.deepEqual(learnerFrames(stack, maps), [
      { file: 'C:\\work\\my loss.ts', line: 5, column: 3 },
      { file: '/a/b.ts', line: 1, column: 1 },
    ]);
    const err = new TapeEscapeError(1);
    err.stack = stack;
    const mapped = mapRuntimeError(err, '/a/b.ts', maps);
    assert.deepEqual([mapped.code, mapped.line], ['tapeEscape', 1]);
    assert.match(mapped.en, /It happened in my loss\.ts, line 5/);
  });

  it('errors carry plain data across postMessage: code, both messages, range, severity', () => {
    const e = failure('export const loss = 1;');
    assert.deepEqual(structuredClone(e.toData()), {
      code: 'lossNotFunction',
      ko: e.ko,
      en: e.en,
      line: 1,
      column: 14,
      endLine: 1,
      endColumn: 18,
      severity: 'error',
    });
  });
});
