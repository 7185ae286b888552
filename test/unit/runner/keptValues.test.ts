/**
 * No silently wrong gradient: values a loss file keeps between evaluations. Plain
 * JavaScript keeps the *number* an earlier evaluation computed; the engine used to keep a pooled
 * tape node that the next evaluation reused (`firstLoss ??= raw; return raw / firstLoss` gave 1
 * and a zero gradient forever). Now a kept value is the constant it was: value and gradient are
 * compared with hand-derived ones, central finite differences and a plain-JavaScript copy of the
 * loss — fused and unfused, through the per-operator, fused, ternary and accumulating paths.
 */
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { compileLoss, type CompiledLoss } from '../../../src/runner/compile';
import { runIsolated } from '../../../src/worker/isolatedRun';
import type { StepPoint } from '../../../src/protocol/panelProtocol';
import { finiteDifferenceCheck } from '../finiteDifferences';

const FILE = path.resolve(__dirname, '../../fixtures/learner/kept.ts');

/** |a − b| ≤ rel·max(1, |b|) */
function near(a: number, b: number, rel = 1e-12, what = ''): void {
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

/** The file compiled twice: expression fusion on (the default) and off (one runtime call per operator). */
function both(source: string): Array<[string, CompiledLoss]> {
  return [
    ['fused', compileLoss(source, FILE)],
    ['unfused', compileLoss(source, FILE, { fuse: false })],
  ];
}

/** Value and gradient at `at` equal the expected ones, and central finite differences agree. */
function check(loss: CompiledLoss, at: number[], value: number, gradient: number[], what: string): void {
  const r = loss.valueAndGrad(at);
  near(r.value, value, 1e-12, `${what} value`);
  gradient.forEach((g, i) => near(r.gradient[i], g, 1e-12, `${what} ∂/∂${loss.paramNames[i]}`));
  const fd = finiteDifferenceCheck(loss, at);
  assert.ok(fd.maxRelError < 1e-6, `${what}: finite differences disagree by ${fd.maxRelError} (${fd.finiteDiff} vs ${fd.exact})`);
}

const FIRST_LOSS = `export const init = [0, 0];
let firstLoss: number | undefined;
export function loss([a, b]: number[]) {
  const raw = (a - 1) ** 2 + (b - 2) ** 2 + 1;
  firstLoss ??= raw;
  return raw / firstLoss;
}`;

describe('values kept between evaluations are the numbers they were', () => {
  it('firstLoss ??= raw: value raw/first and gradient ∇raw/first at every later evaluation (not 1 and [0, 0])', () => {
    for (const [how, l] of both(FIRST_LOSS)) {
      // The first evaluation (compileLoss's probe at init) kept raw(0, 0) = 1 + 4 + 1 = 6.
      for (const [a, b] of [
        [0.5, 3],
        [2, -1],
        [0, 0],
        [1, 2],
      ]) {
        const raw = (a - 1) ** 2 + (b - 2) ** 2 + 1;
        check(l, [a, b], raw / 6, [(2 * (a - 1)) / 6, (2 * (b - 2)) / 6], `${how} at (${a}, ${b})`);
      }
      // The exact Hessian: ∇²raw / first.
      assert.deepEqual(l.hessian([0.5, 3]), [
        [2 / 6, 0],
        [0, 2 / 6],
      ]);
    }
  });

  it('a memo Map of earlier results (keyed by index): exactly what plain JavaScript computes', () => {
    const source = `export const init = [1, 2, 3];
const memo = new Map<number, number>();
export function loss(p: number[]) {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (!memo.has(i)) memo.set(i, p[i] * p[i]);
    s += memo.get(i)! * p[i] + (p[i] - 1) ** 2;
  }
  return s;
}`;
    for (const [how, l] of both(source)) {
      // memo = [1, 4, 9] from the first evaluation: L = Σ mᵢpᵢ + (pᵢ − 1)², ∂L/∂pᵢ = mᵢ + 2(pᵢ − 1).
      const m = [1, 4, 9];
      for (const p of [
        [2, 0.5, -1],
        [1, 2, 3],
        [-0.25, 4, 0.5],
      ]) {
        const value = p.reduce((s, x, i) => s + m[i] * x + (x - 1) ** 2, 0);
        check(
          l,
          p,
          value,
          p.map((x, i) => m[i] + 2 * (x - 1)),
          `${how} at ${p}`,
        );
      }
    }
  });

  it('kept values as leaves of fused, ternary and accumulating expressions (a multiply-accumulate over kept weights)', () => {
    const source = `export const init = [0.5, -1];
let w0: number[] | undefined;
export function loss(p: number[]) {
  w0 ??= p.map((x) => x * 2);
  let v = w0[0];
  for (let i = 0; i < 2; i++) v += p[i] * w0[i];
  const u = p[1] * p[0] * w0[1];
  const z = p[1] * w0[0] * p[0];
  return v * v + u + z + w0[0] * w0[1] * p[1];
}`;
    for (const [how, l] of both(source)) {
      // w0 = [1, −2] (the first evaluation's 2·init), also the running sum's start: v = 1 + p₀ − 2p₁;
      // u = −2p₀p₁ (a kept third leaf: a ternary node loses it), z = p₀p₁ (a kept second leaf),
      // L = v² − p₀p₁ − 2p₁: ∂L/∂p₀ = 2v − p₁, ∂L/∂p₁ = −4v − p₀ − 2
      for (const [p0, p1] of [
        [1.5, 0.25],
        [-1, 2],
      ]) {
        const v = 1 + p0 - 2 * p1;
        check(l, [p0, p1], v * v - p0 * p1 - 2 * p1, [2 * v - p1, -4 * v - p0 - 2], `${how} at (${p0}, ${p1})`);
      }
    }
  });

  it('a kept value returned as it is (the best loss so far): its number, a zero gradient, as in plain JavaScript', () => {
    const source = `export const init = 2;
let best: number | undefined;
export function loss(w: number) {
  const l = (w - 3) ** 2;
  if (best === undefined || l < best) best = l;
  return best;
}`;
    for (const [how, l] of both(source)) {
      // best = 1 from the probe at init 2 (and the probes compileLoss may add, none better than 1 there).
      const worse = l.valueAndGrad([5]);
      assert.deepEqual([worse.value, worse.gradient[0]], [1, 0], how);
      const better = l.valueAndGrad([3.5]);
      assert.deepEqual([better.value, better.gradient[0]], [0.25, 1], how);
      const again = l.valueAndGrad([2]);
      assert.deepEqual([again.value, again.gradient[0]], [0.25, 0], how);
    }
  });

  it('the text of a kept value is its number (String, template): exact, no error', () => {
    const source = `export const init = 0;
let first: number | undefined;
export function loss(w: number) {
  const raw = (w - 2) ** 2 + 1;
  const scale = first === undefined ? raw : Number(String(first)) + Number(\`\${first}\`.length > 0) - 1;
  first ??= raw;
  return raw / scale;
}`;
    for (const [how, l] of both(source)) {
      // first = raw(0) = 5: L = raw/5, ∂L/∂w = 2(w − 2)/5
      check(l, [1.5], 1.25 / 5, [-1 / 5], how);
    }
  });

  it('a network run on the parameters kept from the first evaluation (a frozen teacher): constant targets, exact gradient', () => {
    const source = `import { nn } from 'gdtutor';
const model = nn.mlp([1, 3, 1], 'tanh');
export const init = model.init(7);
const xs = [[-1], [0.5], [2]];
let teacher: number[] | undefined;
export function loss(p: number[]) {
  teacher ??= p;
  const targets = model.predict(teacher, xs).map((row) => row[0]);
  return nn.mse(model.forward(p, xs), targets);
}`;
    const l = compileLoss(source, FILE);
    const init = l.init as number[];
    // At the teacher's own parameters the student matches exactly: loss 0, gradient 0.
    const r0 = l.valueAndGrad(init);
    assert.equal(r0.value, 0);
    assert.ok(r0.gradient.every((g) => g === 0));
    // Elsewhere: the targets stay the first evaluation's predictions (plain JavaScript), so the
    // loss is > 0 and its gradient agrees with central differences.
    const moved = init.map((v, i) => v + 0.1 * Math.sin(i + 1));
    assert.ok(l.valueAndGrad(moved).value > 0);
    const fd = finiteDifferenceCheck(l, moved);
    assert.ok(fd.maxRelError < 1e-6, `finite differences disagree by ${fd.maxRelError}`);
    assert.ok(
      fd.exact.some((g) => Math.abs(g) > 1e-3),
      'a gradient that is not zero',
    );
  });

  it('through a worker: SGD on raw/first follows the plain-JavaScript trajectory', async function () {
    this.timeout(120_000);
    const points: StepPoint[] = [];
    const outcome = await runIsolated(
      {
        kind: 'train',
        source: FIRST_LOSS,
        fileName: FILE,
        options: { steps: 5, optimizer: 'sgd', learningRate: 0.5 },
        progressIntervalMs: 0,
      },
      { onProgress: (p) => points.push(...p) },
      { timeoutMs: 60_000 },
    ).done;
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.en);
    // Plain JavaScript: first = 6, θ ← θ − 0.5·∇raw(θ)/6 from (0, 0).
    let [a, b] = [0, 0];
    const byStep = new Map(points.map((p) => [p.step, p]));
    assert.ok(byStep.size >= 5, `progress points: ${[...byStep.keys()]}`);
    for (let step = 0; step < 5; step++) {
      const p = byStep.get(step);
      assert.ok(p, `step ${step}`);
      near(p.params[0], a, 1e-12, `a at step ${step}`);
      near(p.params[1], b, 1e-12, `b at step ${step}`);
      near(p.loss, ((a - 1) ** 2 + (b - 2) ** 2 + 1) / 6, 1e-12, `loss at step ${step}`);
      [a, b] = [a - (0.5 * 2 * (a - 1)) / 6, b - (0.5 * 2 * (b - 2)) / 6];
    }
  });
});
