/**
 * The stability rule η < 2/λ_max from the learner's own Hessian, as the learning-rate sweep shows
 * it: the numbers on the shipped examples, and the sweep's measured boundary bracketing the
 * prediction on quadratics.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { learningRateSweep } from '../../../src/teaching/learningRateSweep';
import { curvatureAt, stabilityRule, MAX_EXACT_DIMENSION } from '../../../src/teaching/stabilityRule';
import { stabilityMarks } from '../../../src/commands/analysisMessages';
import { setLanguage } from '../../../src/l10n/localize';

const example = (name: string) => {
  const file = path.resolve(__dirname, '../../../examples', name);
  return compileLoss(readFileSync(file, 'utf8'), file);
};
const inline = (source: string) => compileLoss(source, '/tmp/inline-loss.ts');
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('teaching: stability rule η < 2/λ_max', () => {
  afterEach(() => setLanguage('ko'));

  it('(w − 3)²: λ_max = 2, limit 1; the bowl x² + 4y²: λ_max = 8, limit 0.25 (exact Hessian)', () => {
    const q = curvatureAt(example('quadratic.ts'), [-2]);
    assert.ok(close(q.lambdaMax, 2) && close(q.limit as number, 1), JSON.stringify(q));
    const b = curvatureAt(example('bowl.ts'), [-4, 2]);
    assert.ok(close(b.lambdaMax, 8) && close(b.limit as number, 0.25), JSON.stringify(b));
    assert.equal(b.method, 'exact');
  });

  for (const [file, limit] of [
    ['quadratic.ts', 1],
    ['bowl.ts', 0.25],
  ] as const) {
    it(`${file}: the sweep's measured boundary brackets the predicted ${limit}, and the loss is recognised as quadratic`, () => {
      const r = learningRateSweep(example(file), { from: 1e-3, to: 10, count: 25, options: { optimizer: 'sgd' } });
      const s = r.stability;
      assert.ok(s, 'the sweep carries the rule');
      assert.ok(s.quadratic && s.plainGradientDescent);
      assert.ok(close(s.start.limit as number, limit), JSON.stringify(s.start));
      assert.ok(s.end && close(s.end.limit as number, limit), 'same limit where the best run ended');
      const { stable, diverged } = r.boundary;
      assert.ok(stable !== undefined && diverged !== undefined);
      assert.ok(stable <= limit * (1 + 1e-12) && diverged > limit, `${stable} ≤ ${limit} < ${diverged}`);
    });
  }

  it('a non-quadratic loss: the rule is local (λ_max differs at the start and the end); a concave start sets no limit', () => {
    const r = learningRateSweep(example('himmelblau.ts'), { from: 1e-3, to: 1, count: 13, options: { optimizer: 'sgd', init: [0, 0] } });
    const s = r.stability;
    assert.ok(s && !s.quadratic);
    // Himmelblau at (0, 0): H = diag(−42, −26), no direction curves up, so no limit there.
    assert.ok(s.start.lambdaMax < 0 && s.start.limit === undefined, JSON.stringify(s.start));
    assert.ok(s.end && (s.end.limit as number) > 0 && !close(s.end.lambdaMax, s.start.lambdaMax));
  });

  it('many parameters: λ_max by power iteration agrees with the exact eigenvalue', () => {
    const d = MAX_EXACT_DIMENSION + 4;
    // L = Σ (i + 1)·wᵢ²: Hessian diag(2, 4, …, 2d), λ_max = 2d.
    const loss = inline(
      `export function loss(w: number[]) { let s = 0; for (let i = 0; i < w.length; i++) s += (i + 1) * w[i] ** 2; return s; }\nexport const init = new Array(${d}).fill(1);`,
    );
    const c = curvatureAt(loss, new Array<number>(d).fill(1));
    assert.equal(c.method, 'estimated');
    assert.ok(Math.abs(c.lambdaMax - 2 * d) / (2 * d) < 0.02, String(c.lambdaMax));
  });

  it('says which optimizer the rule is for', () => {
    const loss = example('bowl.ts');
    assert.equal(stabilityRule(loss, [-4, 2], undefined, { name: 'sgd' })?.plainGradientDescent, true);
    assert.equal(stabilityRule(loss, [-4, 2], undefined, { name: 'sgd', momentum: 0.9 })?.plainGradientDescent, false);
    assert.equal(stabilityRule(loss, [-4, 2], undefined, { name: 'adam' })?.plainGradientDescent, false);
  });

  it('the sweep chart gets a line at 2/λ_max and a sentence with the numbers, in both languages', () => {
    const r = learningRateSweep(example('bowl.ts'), { from: 1e-3, to: 10, count: 25, options: { optimizer: 'sgd' } });
    setLanguage('ko');
    const ko = stabilityMarks(r.stability, r.boundary);
    assert.deepEqual(
      ko.rules?.map((m) => m.limit),
      [0.25],
    );
    assert.match(ko.note ?? '', /λ_max = 8 값이므로, 경사 하강법은 η < 2\/λ_max = 0\.25 범위에서 안정합니다/);
    assert.match(ko.note ?? '', /이차 함수라서/);
    setLanguage('en');
    const en = stabilityMarks(r.stability, r.boundary);
    assert.match(en.note ?? '', /λ_max = 8, so gradient descent is stable for η < 2\/λ_max = 0\.25/);
    assert.match(en.note ?? '', /quadratic/);
    assert.doesNotMatch(en.note ?? '', /momentum/);
  });
});
