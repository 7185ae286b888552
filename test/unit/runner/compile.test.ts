import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss, type CompiledLoss } from '../../../src/runner/compile';
import { finiteDifferenceCheck } from '../finiteDifferences';

const fixtures = path.resolve(__dirname, '../../fixtures/learner');

/** |a − b| ≤ rel·max(1, |b|) */
function near(a: number, b: number, rel = 1e-12, what = ''): void {
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

function load(file: string): CompiledLoss {
  const full = path.join(fixtures, file);
  return compileLoss(readFileSync(full, 'utf8'), full);
}

/** The exact gradient equals the hand-derived one, and central finite differences agree. */
function check(loss: CompiledLoss, at: number[], hand: number[], value?: number): void {
  const r = loss.valueAndGrad(at);
  if (value !== undefined) near(r.value, value, 1e-12, 'value');
  assert.equal(r.gradient.length, hand.length);
  hand.forEach((g, i) => near(r.gradient[i], g, 1e-12, `∂/∂${loss.paramNames[i]}`));
  const fd = finiteDifferenceCheck(loss, at);
  assert.ok(fd.maxRelError < 1e-6, `finite differences disagree by ${fd.maxRelError}`);
}

describe('compileLoss on learner-style files (test/fixtures/learner)', () => {
  it('CompiledLoss.checkGradient reports what the tests’ own oracle measures (it is not the oracle of any test)', () => {
    const l = load('rosenbrock.ts');
    for (const at of [
      [-1.2, 1],
      [0.5, -0.25],
      [1, 1],
    ]) {
      const own = l.checkGradient(at);
      const oracle = finiteDifferenceCheck(l, at);
      assert.deepEqual(own.exact, oracle.exact);
      oracle.finiteDiff.forEach((fd, i) => near(own.finiteDiff[i], fd, 1e-9, `finite difference ${i} at ${at}`));
      assert.ok(Math.abs(own.maxRelError - oracle.maxRelError) < 1e-9, `${own.maxRelError} vs ${oracle.maxRelError}`);
    }
    // Where finite differences and the exact gradient really differ (a jump of Math.round at 0.5,
    // which the exact derivative 0 does not see), both report the same large error.
    const jump = compileLoss('export function loss(w: number) { return Math.round(w) + w }', 'jump.ts');
    const own = jump.checkGradient([0.5]);
    const oracle = finiteDifferenceCheck(jump, [0.5]);
    assert.ok(oracle.maxRelError > 0.5, String(oracle.maxRelError));
    near(own.maxRelError, oracle.maxRelError, 1e-9, 'the error at a jump');
    // A wrong gradient is seen: half again as large is off by a third.
    const wrong = {
      value: (p: ArrayLike<number>) => l.value(p),
      valueAndGrad: (p: ArrayLike<number>) => ({ gradient: Array.from(l.valueAndGrad(p).gradient, (g) => 1.5 * g) }),
    };
    assert.ok(finiteDifferenceCheck(wrong, [0.5, -0.25]).maxRelError > 0.1);
  });

  it('quadratic.ts — 1-D: L = (w − 3)², dL/dw = 2(w − 3)', () => {
    const l = load('quadratic.ts');
    assert.deepEqual([l.dimension, l.paramNames, l.shape], [1, ['w'], { kind: 'scalar' }]);
    check(l, [1], [-4], 4);
    check(l, [3], [0], 0);
  });

  it('rosenbrock.ts — [x, y] destructuring, init and bounds', () => {
    const l = load('rosenbrock.ts');
    assert.deepEqual(l.paramNames, ['x', 'y']);
    assert.deepEqual(l.init, [-1.2, 1]);
    assert.deepEqual(l.bounds, [
      [-2, 2],
      [-1, 3],
    ]);
    // ∂x = −2(1 − x) − 400x(y − x²), ∂y = 200(y − x²)
    check(l, [-1.2, 1], [-215.6, -88], 24.2);
    check(l, [1, 1], [0, 0], 0);
  });

  it('vector-loop.ts — p: number[] with for and while loops, compound assignment, Math.sin', () => {
    const l = load('vector-loop.ts');
    assert.equal(l.dimension, 5);
    assert.deepEqual(l.paramNames, ['p[0]', 'p[1]', 'p[2]', 'p[3]', 'p[4]']);
    const p = [0.5, -1, 2, 0.25, 3];
    const hand = p.map((v, i) => {
      const d = v - i / 10;
      return 2 * d * (1 + 0.1 * Math.sin(v)) + d * d * 0.1 * Math.cos(v);
    });
    let value = p.reduce((s, v, i) => s + (v - i / 10) ** 2 * (1 + 0.1 * Math.sin(v)), 0);
    for (let j = 0; j < p.length - 1; j++) {
      const d = p[j + 1] - p[j];
      value += 0.5 * d * d;
      hand[j + 1] += d;
      hand[j] -= d;
    }
    check(l, p, hand, value);
  });

  it('branches.ts — if/else in a helper, a ternary absolute value, unary minus', () => {
    const l = load('branches.ts');
    // a = 0.3: r = −0.7 inside the quadratic zone ⇒ ∂a = r; b = −2 in the linear zone ⇒ ∂b = −1 (Huber) − 3 (|b|)
    check(l, [0.3, -2], [-0.7, -4], 0.245 + 1.5 + 6);
    // the other branches: a = 3 (linear zone, ∂a = 1), b = 0.5 (quadratic zone, ∂b = 0.5 + 3)
    check(l, [3, 0.5], [1, 3.5], 1.5 + 0.125 + 1.5);
  });

  it('helpers-and-arrows.ts — helpers here and in ./lib/helpers, arrows, map/reduce, const tables', () => {
    const l = load('helpers-and-arrows.ts');
    const p = [0.5, 1.5, -1];
    const T = [1, 2, 3];
    const W = [2, -1, 0.5];
    // ∂ᵢ = 2(pᵢ − Tᵢ) + 3pᵢ²/10 + wᵢ/2 · exp(pᵢ/2)
    const hand = p.map((v, i) => 2 * (v - T[i]) + (3 * v * v) / 10 + (W[i] / 2) * Math.exp(v / 2));
    const value = p.reduce((s, v, i) => s + (v - T[i]) ** 2 + v ** 3 / 10 + W[i] * Math.exp(v / 2), 0);
    check(l, p, hand, value);
  });

  it('named-object.ts — the shape and names from a `type` in the file', () => {
    const l = load('named-object.ts');
    assert.deepEqual(l.shape, { kind: 'object', keys: ['slope', 'intercept'] });
    assert.deepEqual(l.paramNames, ['slope', 'intercept']);
    // ∂s = 2(s − 2) + c, ∂c = 2(c + 1) + s
    check(l, [1, 2], [0, 7], 1 + 9 + 2);
  });

  it('accepts learningRate 0 in config, as torch.optim and the CLI do', () => {
    const l = compileLoss(
      "export const config = { optimizer: 'sgd', learningRate: 0 };\nexport const loss = (w: number) => (w - 3) ** 2;",
      'lr0.ts',
    );
    assert.equal(l.config?.learningRate, 0);
  });

  it('linear-regression.ts — data, config and mini-batches', () => {
    const l = load('linear-regression.ts');
    assert.deepEqual(l.paramNames, ['w', 'b']);
    assert.equal(l.data?.length, 4);
    assert.equal(l.config?.optimizer, 'sgd');
    assert.deepEqual(l.warnings, []);
    // full data at (0, 0): ∂w = (2/n)Σ(−y)x, ∂b = (2/n)Σ(−y)
    check(l, [0, 0], [-35.75, -12.25], 171.25 / 4);
    const batch = l.data?.slice(0, 2) ?? [];
    const r = l.valueAndGrad([0, 0], batch);
    near(r.value, 17);
    assert.deepEqual(Array.from(r.gradient), [-13, -8]);
    near(l.value([0, 0], batch), 17);
  });

  it('updates.ts — += -= *= /= **= %= on variables, properties and elements; x++ and --x', () => {
    const l = load('updates.ts');
    // L = (x + y − 0.5)·x/2 + y³ + y + x² ⇒ ∂x = (2x + y − 0.5)/2 + 2x, ∂y = x/2 + 3y² + 1
    check(l, [1.5, 0.5], [4.5, 2.5], 4);
  });

  it('plain.js — a JavaScript file, shape from init', () => {
    const l = load('plain.js');
    assert.deepEqual(l.paramNames, ['p[0]', 'p[1]']);
    check(l, [1, 2], [2 * Math.E, Math.E - 0.5], 2 * Math.E - Math.log(2));
  });

  it('the Hessian is exact (hyper-dual numbers) on Rosenbrock', () => {
    const l = load('rosenbrock.ts');
    // H = [[2 − 400(y − 3x²), −400x], [−400x, 200]]
    const [x, y] = [-1.2, 1];
    const H = l.hessian([x, y]);
    const hand = [
      [2 - 400 * (y - 3 * x * x), -400 * x],
      [-400 * x, 200],
    ];
    H.forEach((row, i) => row.forEach((h, j) => near(h, hand[i][j], 1e-12, `H[${i}][${j}]`)));
  });

  it('every fixture: the recorded value equals the plain-number value, bit for bit', () => {
    for (const file of [
      'quadratic.ts',
      'rosenbrock.ts',
      'vector-loop.ts',
      'branches.ts',
      'helpers-and-arrows.ts',
      'named-object.ts',
      'linear-regression.ts',
      'updates.ts',
      'plain.js',
    ]) {
      const l = load(file);
      const at = l.init ?? Array.from({ length: l.dimension }, (_, i) => 0.7 - 0.3 * i);
      assert.equal(l.valueAndGrad(at).value, l.value(at), file);
    }
  });

  it('valueAndGrad takes a Float64Array and returns a fresh gradient each call', () => {
    const l = load('rosenbrock.ts');
    const a = l.valueAndGrad(Float64Array.of(0, 0)).gradient;
    const b = l.valueAndGrad(Float64Array.of(1, 1)).gradient;
    assert.notEqual(a, b);
    assert.deepEqual(Array.from(a), [-2, 0]);
  });
});
