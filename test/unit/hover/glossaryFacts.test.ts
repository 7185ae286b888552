/**
 * Every number and claim the glossary teaches about a run, measured by the engine on the
 * example files the entries link to. If an optimizer or an example changes, these fail before a
 * hover says something that is no longer true.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import type { TrainOptions } from '../../../src/engine/trainOptions';
import { entryById } from '../../../src/hover/glossary';
import type { GlossaryEntry } from '../../../src/hover/glossaryTypes';

const examples = path.resolve(__dirname, '../../../examples');
const example = (name: string) => compileLoss(readFileSync(path.join(examples, name), 'utf8'), path.join(examples, name));
const run = (name: string, options: TrainOptions) => {
  const r = trainLoss(example(name), options);
  const last = r.params.length - 1;
  return { ...r, end: r.params[last], endLoss: r.losses[last], firstBelow: (v: number) => r.losses.findIndex((l) => l < v) };
};
const entry = (id: string) => entryById(id) as GlossaryEntry;
const allText = (e: GlossaryEntry) =>
  [e.explanation, e.explanationEn, e.formula, e.formulaEn, e.detail?.ko, e.detail?.en, e.example, e.exampleEn].join('\n');

describe('glossary facts, measured', () => {
  it('plateau.ts: SGD and momentum stay at w = −3 (L = 1.0); Adam and AdaGrad get out; RMSProp creeps to −1.71', () => {
    const base = { learningRate: 0.5, steps: 300 }; // the file's config, spelled out
    for (const optimizer of ['sgd', 'momentum']) {
      const r = run('plateau.ts', { ...base, optimizer });
      assert.ok(Math.abs(r.end[0] + 3) < 1e-6 && r.endLoss > 1 - 1e-9, `${optimizer}: w = ${r.end[0]}, L = ${r.endLoss}`);
    }
    const adam = run('plateau.ts', { ...base, optimizer: 'adam' });
    assert.equal(Number((adam.params[1][0] - adam.params[0][0]).toFixed(3)), 0.007, 'Adam: first step about 0.007');
    assert.equal(adam.firstBelow(0.5), 37);
    assert.ok(Math.abs(adam.end[0] - 2) < 1e-4 && adam.endLoss < 1e-9, `Adam ends at w = 2 (${adam.end[0]})`);
    const adagrad = run('plateau.ts', { ...base, optimizer: 'adagrad' });
    assert.equal(Number((adagrad.params[1][0] - adagrad.params[0][0]).toFixed(2)), 0.29, 'AdaGrad: first step about 0.29');
    assert.equal(adagrad.firstBelow(0.5), 9);
    const rmsprop = run('plateau.ts', { ...base, optimizer: 'rmsprop' });
    assert.equal(Number(rmsprop.end[0].toFixed(2)), -1.71);
    assert.ok(rmsprop.endLoss > 0.99999);
    const gradient = example('plateau.ts').valueAndGrad([-3]).gradient[0];
    assert.equal(Number((gradient * 1e10).toFixed(1)), -1.4);

    const text = allText(entry('plateau'));
    for (const claim of ['37 스텝', '9 스텝', '−1.71', '0.007', '0.29', '1.4 × 10⁻¹⁰', 'by step 37', 'by step 9'])
      assert.ok(text.includes(claim), `plateau says ${claim}`);
    // Momentum is never said to get through a plateau.
    const momentumText = allText(entry('momentum'));
    assert.match(momentumText, /빠져나오지 못합니다/);
    assert.match(momentumText, /does not get out/);
  });

  it('saddle.ts: from y = 0 exactly SGD, momentum and Adam all go to the origin; y = 0.001 lets all three escape', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam']) {
      const onRidge = run('saddle.ts', { optimizer, init: [2, 0], steps: 1000 });
      assert.ok(
        onRidge.params.every((p) => p[1] === 0),
        `${optimizer}: y stays exactly 0`,
      );
      assert.ok(Math.hypot(onRidge.end[0], onRidge.end[1]) < 1e-10, `${optimizer} stops at the origin: ${onRidge.end}`);
      const off = run('saddle.ts', { optimizer, init: [2, 0.001] });
      assert.ok(Math.abs(off.end[1]) > 1 && off.endLoss < 0, `${optimizer} leaves the saddle: ${off.end}, L = ${off.endLoss}`);
    }
    assert.match(allText(entry('saddlePoint')), /0\.001/);
  });

  it('learning rate: the limit 2/λ_max is 1 for (w − 3)² and 0.25 for x² + 4y²', () => {
    const lr = (name: string, learningRate: number) => run(name, { optimizer: 'sgd', learningRate, steps: 200 });
    assert.ok(lr('learning-rate.ts', 0.99).endLoss < 1e-3);
    const atLimit = lr('learning-rate.ts', 1);
    assert.ok(
      atLimit.losses.every((l) => Math.abs(l - atLimit.losses[0]) < 1e-12),
      'η = 1 oscillates in place',
    );
    assert.ok(lr('learning-rate.ts', 1.01).endLoss > 1e3, 'η = 1.01 diverges');
    assert.ok(lr('learning-rate.ts', 1.05).endLoss > 1e10, 'η = 1.05 diverges');
    assert.ok(lr('bowl.ts', 0.24).endLoss < 1e-10);
    assert.ok(Math.abs(lr('bowl.ts', 0.25).endLoss - 16) < 1e-9, 'η = 0.25 keeps y oscillating (L = 4·2²)');
    assert.ok(lr('bowl.ts', 0.26).endLoss > 1e10);
    assert.deepEqual(example('bowl.ts').hessian([0, 0]), [
      [2, 0],
      [0, 8],
    ]);
    const text = allText(entry('learningRate'));
    for (const claim of ['diag(2, 8)', '0.25', 'η = 1.01']) assert.ok(text.includes(claim), claim);
  });

  it("Adam's bias correction: with a constant gradient each of the first steps is exactly η; uncorrected 3.16η, 4.25η, 4.95η", () => {
    const loss = compileLoss('export function loss(w: number) { return 2 * w; }\nexport const init = 0;\n', 'line.ts');
    const r = trainLoss(loss, { optimizer: 'adam', learningRate: 0.1, steps: 3 });
    for (let k = 1; k <= 3; k++)
      assert.ok(Math.abs(r.params[k][0] - r.params[k - 1][0] + 0.1) < 1e-8, `step ${k}: ${r.params[k][0] - r.params[k - 1][0]}`);
    let m = 0;
    let v = 0;
    const uncorrected: string[] = [];
    const ms: number[] = [];
    for (let t = 1; t <= 3; t++) {
      m = 0.9 * m + 0.1 * 1;
      v = 0.999 * v + 0.001 * 1;
      ms.push(Number(m.toFixed(3)));
      uncorrected.push(`${(m / Math.sqrt(v)).toFixed(2)}η`);
    }
    assert.deepEqual(ms, [0.1, 0.19, 0.271]);
    const text = allText(entry('betas'));
    assert.ok(text.includes(uncorrected.join(', ')), `betas says ${uncorrected.join(', ')}`);
    for (const claim of ['m₁ = 0.1g', 'm₂ = 0.19g', 'm₃ = 0.271g']) assert.ok(text.includes(claim), claim);
  });

  it("Newton's method reaches w = 3 on (w − 3)² from w = −2 in one step", () => {
    const r = run('quadratic.ts', { optimizer: 'newton', learningRate: 1, steps: 1 });
    assert.equal(r.params[0][0], -2);
    assert.ok(Math.abs(r.end[0] - 3) < 1e-12);
    const g = example('quadratic.ts').valueAndGrad([-2]).gradient[0];
    assert.equal(g, -10);
    assert.match(allText(entry('newton')), /L′ = −10, L″ = 2/);
  });

  it('the hand-worked gradient of x² + y² at (1, 2)', () => {
    const loss = compileLoss('export function loss([x, y]: number[]) { return x ** 2 + y ** 2; }', 'circle.ts');
    const { value, gradient } = loss.valueAndGrad([1, 2]);
    assert.deepEqual([value, ...gradient], [5, 2, 4]);
    const next = [1 - 0.1 * gradient[0], 2 - 0.1 * gradient[1]];
    assert.deepEqual(
      next.map((x) => Number(x.toFixed(12))),
      [0.8, 1.6],
    );
    assert.equal(Number(loss.value(next).toFixed(12)), 3.2);
    assert.match(allText(entry('steepestDescent')), /\(0\.8, 1\.6\)/);
  });
});
