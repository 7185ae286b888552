/**
 * No silently wrong gradient: an active value turned into text and read back as a
 * number lost its gradient without a word (`Number(\`w=${w}\`.slice(2)) * w` trained on half the
 * true gradient). Now every way of turning an active value into text stops with `activeText` at
 * the learner's line, in Korean and English; text of plain numbers, data and kept values is
 * untouched, and printing an active value with console.log still works.
 */
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { format } from 'node:util';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { runIsolated } from '../../../src/worker/isolatedRun';

const FILE = path.resolve(__dirname, '../../fixtures/learner/text.ts');

function failure(source: string): LearnerError {
  try {
    compileLoss(source, FILE);
  } catch (e) {
    assert.ok(e instanceof LearnerError, `not a LearnerError: ${String(e)}`);
    return e;
  }
  assert.fail('expected a LearnerError');
}

/** activeText at `line`, both messages complete (and the Korean one really Korean). */
function assertActiveText(e: { code: string; line?: number; ko: string; en: string }, line: number): void {
  assert.equal(e.code, 'activeText', `${e.code}: ${e.en}`);
  assert.equal(e.line, line, `line of: ${e.en}`);
  assert.ok(e.ko.includes('매개변수에 따라 달라지는 값을 문자열로 바꾸면 기울기를 잃습니다'), e.ko);
  assert.ok(e.ko.includes('console.log(w)'), 'the Korean message says how to print instead');
  assert.match(e.ko, /[가-힣]/);
  assert.ok(e.en.includes('was turned into text, which loses its gradient'), e.en);
  assert.ok(e.en.includes('console.log(w)'), 'the English message says how to print instead');
}

describe('active values turned into text → activeText at that line', () => {
  it('the round trips that once lost the gradient: template string (gradient 1.75 instead of 3.5), JSON (gradient [3, 1.5] instead of [1, 1.5])', () => {
    assertActiveText(
      failure('export const init = 1.75;\nexport function loss(w: number) {\n  return Number(`w=${w}`.slice(2)) * w;\n}'),
      3,
    );
    assertActiveText(
      failure(
        'export const init = [1.5, -2];\nexport function loss(p: number[]) {\n  return JSON.parse(JSON.stringify(p))[0] * p[1] + p[0] ** 2;\n}',
      ),
      3,
    );
  });

  it('toFixed (gradient 3.75 instead of 7.5), toPrecision, toString(radix) of an active value (the transform sends the receiver through __gd.format)', () => {
    assertActiveText(
      failure(
        'export const init = 1.25;\nexport function loss(w: number) {\n  const three = w * 3;\n  return Number(three.toFixed(9)) * w;\n}',
      ),
      4,
    );
    assertActiveText(failure('export const init = 1.75;\nexport function loss(w: number) {\n  return Number(w.toPrecision(3)) * w;\n}'), 3);
    assertActiveText(failure('export const init = 1.75;\nexport function loss(w: number) {\n  return Number(w.toString(10)) * w;\n}'), 3);
  });

  const conversions: Array<[string, string]> = [
    ['String(w)', 'String(w)'],
    ['w.toString()', 'w.toString()'],
    ["'' + w", "'' + w"],
    ["w + ''", "w + ''"],
    ['a template string', '`${w}`'],
    ['w.toLocaleString()', "w.toLocaleString('en')"],
    ['[w].join()', '[w].join()'],
    ['String(w * 2) (a computed value)', 'String(w * 2)'],
  ];
  for (const [name, expression] of conversions) {
    it(`${name}`, () => {
      const source = `export const init = 1.75;\nexport function loss(w: number) {\n  const y = w * w;\n  const text = ${expression};\n  return y + Number(text);\n}`;
      assertActiveText(failure(source), 4);
    });
  }

  it('in a helper function: at the helper’s line; in a parameter array element: at its line', () => {
    const helper =
      'export const init = [1, 2];\nfunction label(x: number) {\n  return `x=${x}`;\n}\nexport function loss(p: number[]) {\n  return p[0] * p[1] + label(p[0]).length;\n}';
    assertActiveText(failure(helper), 3);
    const element =
      'export const init = [1, 2];\nexport function loss(p: number[]) {\n  const key = p.join(",");\n  return p[0] ** 2 + key.length;\n}';
    assertActiveText(failure(element), 3);
  });

  it('text of plain numbers, data and indices is untouched inside a loss', () => {
    const l = compileLoss(
      'export const init = 2;\nexport const data = [{ x: 1, y: 3 }, { x: 2, y: 5 }];\nexport function loss(w: number, batch: { x: number; y: number }[]) {\n  let s = 0;\n  for (const [i, d] of batch.entries()) {\n    const key = `${i}:${d.x.toFixed(1)}`;\n    s += Number(key.split(":")[1]) * (w * d.x - d.y) ** 2 + String(i).length;\n  }\n  return s;\n}',
      FILE,
    );
    // Σ x·(w·x − y)² + 1 per sample: at w = 2: 1·1 + 2·1 + 2 = 5; gradient Σ 2x²(w·x − y) = −2 − 8 = −10
    const r = l.valueAndGrad([2]);
    assert.deepEqual([r.value, r.gradient[0]], [5, -10]);
  });

  it('printing an active value with console.log shows its number (no error)', () => {
    const printed: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void printed.push(format(...args));
    try {
      const l = compileLoss(
        'export const init = 1.75;\nexport function loss(w: number) {\n  console.log("w =", w, [w]);\n  return w * w;\n}',
        FILE,
      );
      assert.equal(l.valueAndGrad([2.5]).gradient[0], 5);
    } finally {
      console.log = log;
    }
    assert.deepEqual(printed.slice(-1), ['w = 2.5 [ 2.5 ]']);
  });

  it('through a worker: the error crosses as data, code, line and both messages', async function () {
    this.timeout(120_000);
    const source =
      'export const init = 1.75;\nexport function loss(w: number) {\n  const shown = "w = " + w;\n  return Number(shown.slice(4)) * w;\n}';
    const outcome = await runIsolated({ kind: 'train', source, fileName: FILE, options: { steps: 3 } }, {}, { timeoutMs: 60_000 }).done;
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assertActiveText(outcome.error, 3);
  });
});
