/**
 * No silently wrong gradient: the two optimisations of the transform — fusion
 * (transformFusion.ts) and accumulation (transformAccumulate.ts) — must compute what plain
 * JavaScript computes, also where evaluation order or aliasing could tell them apart: an operand's
 * valueOf that changes what a later operand reads, a getter, `arguments`, `eval`, `with`.
 *
 * Every case runs end to end through compileLoss, fused (the default) and per operator
 * (fuse: false), and is checked against the value and gradient worked out by hand, and the
 * gradient against central finite differences.
 */
import { strict as assert } from 'node:assert';
import { compileLoss, type CompiledLoss } from '../../../src/runner/compile';
import { transpile } from '../../../src/runner/moduleLoader';
import type { LearnerError } from '../../../src/runner/learnerErrors';
import { finiteDifferenceCheck } from '../finiteDifferences';

const near = (a: number, b: number, what: string, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

/** Value and gradient by hand, fused and per operator, and the gradient against finite differences. */
function exact(source: string, fileName: string, at: number[], value: number, gradient: number[]): CompiledLoss {
  let fused: CompiledLoss | undefined;
  for (const fuse of [true, false]) {
    const loss = compileLoss(source, fileName, { fuse });
    const r = loss.valueAndGrad(at);
    const how = fuse ? 'fused' : 'per operator';
    near(r.value, value, `${how}: value`);
    gradient.forEach((g, i) => near(r.gradient[i], g, `${how}: ∂/∂p[${i}]`));
    near(loss.value(at), value, `${how}: value only`);
    const fd = finiteDifferenceCheck(loss, at);
    assert.ok(fd.maxRelError < 1e-6, `${how}: finite differences ${fd.finiteDiff} vs ${fd.exact}`);
    assert.deepEqual(loss.warnings, [], `${how}: no warning`);
    fused ??= loss;
  }
  return fused as CompiledLoss;
}

const code = (source: string, fileName = '/learner/order.ts') => transpile(source, fileName).code;

describe('fusion keeps JavaScript’s evaluation order', () => {
  it('an operand’s valueOf that changes a variable read later in the expression: 2.5, not 1.5', () => {
    // JavaScript: o * w calls o.valueOf() (k = 2) before k is read: 1·w·0.5 + 2 = 2.5 at w = 1; ∂/∂w = 0.5.
    const src = `export const init = [1];
let k = 1;
const o = { valueOf() { k = 2; return 1; } };
export function loss([w]: number[]) {
  k = 1;
  return (o as any) * w * 0.5 + k;
}`;
    exact(src, '/learner/valueOf.ts', [1], 2.5, [0.5]);
    exact(src, '/learner/valueOf.ts', [3], 3.5, [0.5]);
    // The leaves before k are read into temporaries and converted before k is read.
    assert.match(code(src), /__gdx\.primitive\(\w+, "number"\)\), __gdf0\(\w+, \w+, k\)/);
  });

  it('a local that a closure writes counts as changeable (let k in the loss, written by valueOf)', () => {
    const src = `export const init = [2];
export function loss([w]: number[]) {
  let k = 1;
  const o = { valueOf() { k = 10; return 3; } };
  return (o as any) * w + k * w;
}`;
    // 3w + 10w = 13w: 26 at w = 2, ∂/∂w = 13.
    exact(src, '/learner/closure.ts', [2], 26, [13]);
  });

  it('`arguments` next to a valueOf: learner code is strict, so arguments[1] = 5 leaves k alone, fused or not', () => {
    const src = `exports.init = [2];
function f(o, k, w) {
  o.valueOf = () => { arguments[1] = 5; return 1; };
  return o * w * 0.5 + k * w;
}
exports.loss = function (p) { return f({}, 1, p[0]); };`;
    // Strict mode: arguments does not alias the parameters: 0.5w + 1·w = 3 at w = 2, ∂/∂w = 1.5.
    // (A parameter of a function that uses `arguments` still counts as changeable: converted first.)
    exact(src, '/learner/arguments.js', [2], 3, [1.5]);
    assert.match(code(src, '/learner/arguments.js'), /__gdx\.primitive/);
  });

  it('a getter read after an operator sees what that operator’s valueOf did, and a getter does not run early', () => {
    const after = `export const init = [1];
const state = { n: 1 };
const o = { valueOf() { state.n = 3; return 2; } };
const g = { get v() { return state.n; } };
export function loss([w]: number[]) {
  state.n = 1;
  return (o as any) * w + g.v * w;
}`;
    // o·w runs valueOf (n = 3) before g.v is read: 2w + 3w = 5w.
    exact(after, '/learner/getterAfter.ts', [1], 5, [5]);
    const before = `export const init = [2];
const state = { n: 1 };
const o = { valueOf() { return state.n; } };
const g = { get v() { state.n = 10; return 0; } };
export function loss([w]: number[]) {
  state.n = 1;
  return (o as any) * w * w + g.v;
}`;
    // o·w·w converts o (1) before the getter sets n = 10: w² = 4 at w = 2, ∂/∂w = 2w = 4.
    exact(before, '/learner/getterBefore.ts', [2], 4, [4]);
  });

  it('`+` converts with the default hint, the other operators with "number" (Symbol.toPrimitive records which)', () => {
    const src = `export const init = [1];
let calls = '';
const o = { [Symbol.toPrimitive](hint: string) { calls += hint[0]; return 2; } };
export function loss([w]: number[]) {
  calls = '';
  const a = (o as any) + w * 1 + (o as any) * w;
  const b = (o as any) * w - w + (o as any) * w * calls.length;
  return a + b + (calls === 'dnnn' ? 0 : 1000);
}`;
    // a = 2 + w + 2w ("d", "n"); b = 2w − w + 2w·4: both products of b convert o ("nn") before
    // calls.length is read. At w = 1: a = 3 + 2 = 5, b = 9; ∂/∂w = 3 + 9.
    exact(src, '/learner/hints.ts', [1], 14, [12]);
  });

  it('an accumulating loop whose term has a valueOf with a side effect', () => {
    const src = `export const init = [1, 2, 3];
let k = 0;
const o = { valueOf() { k++; return 1; } };
export function loss(w: number[]) {
  k = 0;
  let s = 0;
  for (let i = 0; i < w.length; i++) s += (o as any) * w[i] + k * w[i];
  return s;
}`;
    // Iteration i: o·w[i] makes k = i + 1 before k is read: s = Σ (i + 2)·w[i] = 2 + 6 + 12.
    exact(src, '/learner/accValueOf.ts', [1, 2, 3], 20, [2, 3, 4]);
    assert.match(code(src), /accToken/);
  });

  it('leaves that nothing can change stay a plain call: the loss’s own parameters (W1, Rosenbrock)', () => {
    const src = 'export function loss([x, y]: number[]) { return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2; }';
    assert.match(code(src), /return __gdf0\(x, y, x\);/);
    exact(`export const init = [-1.2, 1];\n${src}`, '/learner/w1.ts', [-1.2, 1], 24.2, [-215.6, -88]);
  });

  it('the Hessian (hyper-dual numbers) goes through the conversions unchanged', () => {
    const src = `export const init = [0.5, -1, 2];
export function loss(p: number[]) {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - i / 100) ** 2 * (1 + 0.1 * Math.sin(p[i]));
  return s;
}`;
    assert.match(code(src), /__gdx\.primitive/);
    const at = [0.5, -1, 2];
    assert.deepEqual(compileLoss(src, '/learner/h.ts').hessian(at), compileLoss(src, '/learner/h.ts', { fuse: false }).hessian(at));
  });
});

describe('accumulation and fusion fall back where a variable can be reached without its name', () => {
  it("eval('s') reads the running sum inside the loop: 10 and [3, 4, 3], not 21", () => {
    const src = `export const init = [1, 2, 3];
export function loss(w: number[]) {
  let s = 0;
  const kept: number[] = [];
  for (let i = 0; i < w.length; i++) {
    s += w[i] * w[i] * 0.5;
    kept.push(eval('s'));
  }
  return kept[0] + kept[1] + s;
}`;
    // kept = [½w₀², ½w₀² + ½w₁²], s = ½(w₀² + w₁² + w₂²): 0.5 + 2.5 + 7; ∂ = [3w₀, 2w₁, w₂].
    exact(src, '/learner/eval.ts', [1, 2, 3], 10, [3, 4, 3]);
    const out = code(src);
    assert.doesNotMatch(out, /accToken|__gdf/);
  });

  it('eval anywhere in the file (a helper, a closure) turns both optimisations off for the file', () => {
    const src = `export const init = [1, 2, 3];
const peek = (f: () => unknown) => f();
export function loss(w: number[]) {
  let s = 0;
  const kept: number[] = [];
  for (let i = 0; i < w.length; i++) {
    s += w[i] * w[i] * 0.5;
    kept.push(peek(() => eval('s')) as number);
  }
  return kept[0] + kept[1] + s;
}`;
    exact(src, '/learner/evalClosure.ts', [1, 2, 3], 10, [3, 4, 3]);
    assert.doesNotMatch(code(src), /accToken|__gdf/);
    // A valueOf that writes a local through eval does not name it: only no fusion keeps k's order.
    const hidden = `export const init = [2];
export function loss([w]: number[]) {
  let k = 1;
  const o = { valueOf() { eval('k = 10'); return 3; } };
  return (o as any) * w * 1 + k * w;
}`;
    // 3w + 10w = 26 at w = 2, ∂/∂w = 13.
    exact(hidden, '/learner/evalValueOf.ts', [2], 26, [13]);
  });

  it('with (o) { s += … }: a syntax error at the `with` (learner code is strict), in both languages', () => {
    const src = `exports.init = [1, 2, 3];
exports.loss = function (w) {
  let s = 0;
  const o = { s: 0 };
  with (o) {
    for (let i = 0; i < w.length; i++) s += w[i] * w[i] * 0.5;
  }
  return o.s + s;
};`;
    for (const fileName of ['/learner/with.js', '/learner/with.ts']) {
      assert.throws(
        () => compileLoss(src, fileName),
        (e: LearnerError) =>
          e.code === 'syntax' &&
          e.line === 5 &&
          e.column === 3 &&
          e.endColumn === 7 &&
          /'with' 문은 쓸 수 없습니다/.test(e.ko) &&
          /'with' statements are not allowed/.test(e.en),
      );
    }
  });

  it('a closure, a class field, `arguments` or an export near the running sum: no accumulation, same numbers', () => {
    const closure = `export const init = [1, 2, 3];
export function loss(w: number[]) {
  let s = 0;
  const kept: number[] = [];
  const read = () => s;
  for (let i = 0; i < w.length; i++) {
    s += w[i] * w[i] * 0.5;
    kept.push(read());
  }
  return kept[0] + kept[1] + s;
}`;
    exact(closure, '/learner/accClosure.ts', [1, 2, 3], 10, [3, 4, 3]);
    assert.doesNotMatch(code(closure), /accToken/);
    // A class field initializer is a closure too: `new Peek()` inside the loop reads s (was 21).
    const field = `export const init = [1, 2, 3];
export function loss(w: number[]) {
  let s = 0;
  const kept: number[] = [];
  class Peek { v = s; }
  for (let i = 0; i < w.length; i++) {
    s += w[i] * w[i] * 0.5;
    kept.push(new Peek().v);
  }
  return kept[0] + kept[1] + s;
}`;
    exact(field, '/learner/accField.ts', [1, 2, 3], 10, [3, 4, 3]);
    assert.doesNotMatch(code(field), /accToken/);
    const args = `exports.init = [1, 2, 3];
exports.loss = function (w) {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * w[i] * 0.5;
  return s + arguments.length;
};`;
    exact(args, '/learner/accArguments.js', [1, 2, 3], 8, [1, 2, 3]);
    assert.doesNotMatch(code(args, '/learner/accArguments.js'), /accToken/);
    // At the top level, an exported running sum is written to exports.s as well: not grown.
    const exported =
      'export let s = 0;\nfor (let i = 0; i < 3; i++) s += i * i * 2;\nexport function loss([w]: number[]) { return w * w; }';
    assert.doesNotMatch(code(exported), /accToken/);
    const listed =
      'let s = 0;\nfor (let i = 0; i < 3; i++) s += i * i * 2;\nexport { s };\nexport function loss([w]: number[]) { return w * w; }';
    assert.doesNotMatch(code(listed), /accToken/);
    // Without any of these, the same loop accumulates.
    assert.match(
      code('export function loss(w: number[]) { let s = 0; for (let i = 0; i < w.length; i++) s += w[i] * w[i] * 0.5; return s; }'),
      /accToken/,
    );
  });
});
