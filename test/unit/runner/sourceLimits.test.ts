/**
 * Files too big for the recursive compiler are refused at once, with what is too big and where.
 * (The 1,500-term expression of test/fixtures/bad/expression-too-deep.ts is in the bad corpus.)
 */
import { strict as assert } from 'node:assert';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { SOURCE_LIMITS, sourceLimitError } from '../../../src/runner/sourceLimits';

const refusal = (source: string): LearnerError => {
  try {
    compileLoss(source, 'big.ts');
  } catch (e) {
    assert.ok(e instanceof LearnerError, String(e));
    return e;
  }
  throw new Error('compiled');
};

describe('source limits: too big is refused at once, with a message that says how to write it', () => {
  it(`a 500 KB one-line sum of 50,000 terms: expressionTooDeep at its line`, () => {
    const e = refusal(`export function loss(w: number) {\n  return ${Array.from({ length: 50_000 }, () => 'w * 1.5').join(' + ')}\n}\n`);
    assert.equal(e.code, 'expressionTooDeep');
    assert.equal(e.line, 2);
    assert.match(e.ko, /반복문/);
  });
  it('20,000 nested parentheses (the parser itself would overflow): expressionTooDeep', () => {
    const e = refusal(`export function loss(w: number) { return ${'('.repeat(20_000)}w${')'.repeat(20_000)} }\n`);
    assert.equal(e.code, 'expressionTooDeep');
    assert.equal(e.line, 1);
  });
  it(`more than ${SOURCE_LIMITS.lines.toLocaleString('en-US')} lines: fileTooLong; just under the limit: compiles`, () => {
    const body = (n: number) => `export function loss(w: number) {\n  let s = 0\n${'  s += w * w\n'.repeat(n)}  return s\n}\n`;
    assert.equal(refusal(body(SOURCE_LIMITS.lines)).code, 'fileTooLong');
    assert.equal(sourceLimitError(body(SOURCE_LIMITS.lines - 10), 'ok.ts'), undefined);
  });
  it(`a sum just under the depth limit (${SOURCE_LIMITS.depth - 10} terms) compiles, in this thread's default stack too`, () => {
    const source = `export const init = 1;\nexport function loss(w: number) {\n  return ${Array.from({ length: SOURCE_LIMITS.depth - 10 }, () => 'w * 0.5').join(' + ')}\n}\n`;
    assert.equal(sourceLimitError(source, 'ok.ts'), undefined);
    assert.equal(compileLoss(source, 'ok.ts').valueAndGrad([1]).gradient[0], 0.5 * (SOURCE_LIMITS.depth - 10));
  });
  it(`a sum just over it (${SOURCE_LIMITS.depth + 10} terms) is refused`, () => {
    assert.equal(
      refusal(`export function loss(w: number) {\n  return ${Array.from({ length: SOURCE_LIMITS.depth + 10 }, () => 'w').join(' + ')}\n}\n`)
        .code,
      'expressionTooDeep',
    );
  });
});
