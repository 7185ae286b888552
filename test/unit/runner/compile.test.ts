import { strict as assert } from 'node:assert';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { transpile } from '../../../src/runner/moduleLoader';

const near = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
const fixtures = path.resolve(__dirname, '../../fixtures/learner');

/** Compiles, checks the exact gradient against the hand-derived one and against finite differences. */
function check(source: string, at: number[], hand: number[], value?: number, fileName = path.join(fixtures, 'inline.ts')) {
  const loss = compileLoss(source, fileName);
  const r = loss.valueAndGrad(at);
  if (value !== undefined) near(r.value, value);
  hand.forEach((g, i) => near(r.gradient[i], g, 1e-12));
  const fd = loss.checkGradient(at);
  assert.ok(fd.maxRelError < 1e-6, `finite differences disagree: ${fd.maxRelError}`);
  return loss;
}

describe('compileLoss on learner-style files', () => {
  it('1-D: (w − 3)²', () => {
    const l = check('export function loss(w: number) { return (w - 3) ** 2; }', [1], [-4], 4);
    assert.deepEqual(l.paramNames, ['w']);
    assert.equal(l.dimension, 1);
  });

  it('2-D destructuring, names from the pattern', () => {
    const l = check('export function loss([x, y]: number[]) { return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2; }', [-1.2, 1], [-215.6, -88], 24.2);
    assert.deepEqual(l.paramNames, ['x', 'y']);
  });

  it('an array with a for-loop, compound assignment and init giving the length', () => {
    const src = `export const init = [1, 2, 3, 4];
export function loss(p: number[]) {
  let s = 0;
  for (let i = 0; i < p.length; i++) { s += (p[i] - i) ** 2; }
  return s;
}`;
    // ∂/∂pᵢ = 2(pᵢ − i)
    check(src, [1, 2, 3, 4], [2, 2, 2, 2], 4);
  });

  it('branches, ternaries, helper and arrow functions, map/reduce, unary minus', () => {
    const src = `const sq = (v: number) => v * v;
function clampAbove(v: number, lo: number) { return v < lo ? lo : v; }
export function loss([a, b]: number[]) {
  const terms = [a, b].map((t, i) => (i === 0 ? sq(t) : -t * 3));
  let total = terms.reduce((s, t) => s + t, 0);
  if (a > 0) total *= 2; else total -= a;
  return clampAbove(total, -100);
}`;
    // a = 0.5 > 0: L = 2(a² − 3b) ⇒ ∂a = 4a = 2, ∂b = −6
    check(src, [0.5, 1], [2, -6], 2 * (0.25 - 3));
  });

  it('named-object parameters with a data batch (mean squared error)', () => {
    const src = `export const data = [{ x: 1, y: 3 }, { x: 2, y: 5 }];
export const init = { w: 0, b: 0 };
export function loss({ w, b }: { w: number; b: number }, batch: { x: number; y: number }[]) {
  let s = 0;
  for (const { x, y } of batch) s += (w * x + b - y) ** 2;
  return s / batch.length;
}`;
    // at (0, 0): ∂w = (2/n)Σ(−y)x = −13, ∂b = (2/n)Σ(−y) = −8
    const l = check(src, [0, 0], [-13, -8], 17);
    assert.deepEqual(l.paramNames, ['w', 'b']);
    assert.equal(l.data?.length, 2);
    near(l.valueAndGrad([0, 0], [{ x: 1, y: 3 }]).value, 9);
  });

  it('Math.* everywhere, constant data arrays, and a relative import', () => {
    const src = `import { square, weights } from './helpers';
export function loss([x, y]: number[]) {
  return weights[0] * Math.sin(x) + square(Math.tanh(y)) + Math.max(x, y) + Math.hypot(x, y);
}`;
    const [x, y] = [0.3, 0.8];
    const t = Math.tanh(y);
    const h = Math.hypot(x, y);
    check(src, [x, y], [Math.cos(x) + x / h, 2 * t * (1 - t * t) + 1 + y / h]);
  });

  it('x ** y with both sides variable', () => {
    check('export function loss([a, b]: number[]) { return a ** b; }', [2, 3], [12, 8 * Math.LN2], 8);
  });

  it('postfix/prefix updates keep JavaScript semantics', () => {
    const src = `export function loss(w: number) {
  let a = w;
  const old = a++;
  const now = ++a;
  return old * 10 + now;
}`;
    // old = w, now = w + 2 ⇒ L = 11w + 2, dL/dw = 11
    check(src, [1], [11], 13);
  });

  it('compound assignment evaluates the target once', () => {
    const src = `let calls = 0;
export function loss(w: number) {
  calls = 0;
  const arr = [0, 0];
  const idx = () => { calls++; return 1; };
  arr[idx()] += w * 2;
  return arr[1] + calls;
}`;
    // idx() runs once ⇒ L = 2w + 1 (twice would give 2w + 2)
    check(src, [1], [2], 3);
  });

  it('typeof, Number(), Number.isFinite and comparisons see active values as numbers', () => {
    const src = `export function loss(w: number) {
  if (typeof w !== 'number' || !Number.isFinite(w) || isNaN(w)) throw new Error('not a number?');
  const v = Number(w) * 3;
  return w === 2 ? v : v + 1;
}`;
    check(src, [2], [3], 6);
    check(src, [1], [3], 4);
  });

  it('a local binding named Math is left alone', () => {
    const src = `const Math = { sq: (v: number) => v * v };
export function loss(w: number) { return Math.sq(w); }`;
    check(src, [3], [6], 9);
  });

  it('string building with active values prints their numbers', () => {
    const src = `let last = '';
export function loss(w: number) { last = 'w=' + w; return w * w; }
export function label() { return last; }`;
    check(src, [1.5], [3]);
  });

  it('transpiles to calls on __gd, leaving types and control flow alone', () => {
    const { code } = transpile('export function loss(w: number): number { let s: number = 0; for (let i = 0; i < 3; i++) s += w * i; return -s; }', 'x.ts');
    assert.match(code, /__gd\.mul\(w, i\)/);
    assert.match(code, /s = __gd\.add\(s, /);
    assert.match(code, /__gd\.lt\(i, 3\)/);
    assert.match(code, /__gd\.neg\(s\)/);
    assert.match(code, /__gd\.tick\(\)/);
    assert.doesNotMatch(code, /: number/);
  });
});
