import { strict as assert } from 'node:assert';
import path from 'node:path';
import { transpile, loadModule } from '../../../src/runner/moduleLoader';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';

const FILE = path.resolve(__dirname, '../../fixtures/learner/rule.ts');

/** The transformed JavaScript, one runtime call per operator (no fusion), whitespace collapsed. */
function js(source: string): string {
  return transpile(source, FILE, { fuse: false }).code.replace(/\s+/g, ' ');
}

/** Runs a module and returns its exports (plain numbers in, no tape). */
function run(source: string): Record<string, (...a: unknown[]) => unknown> {
  return loadModule(source, FILE).exports as Record<string, (...a: unknown[]) => unknown>;
}

/** Value and exact gradient of the file's loss at `at`. */
function grad(source: string, at: number[]): { value: number; gradient: number[] } {
  const r = compileLoss(source, FILE).valueAndGrad(at);
  return { value: r.value, gradient: Array.from(r.gradient) };
}

/** Compiles, expecting a LearnerError. */
function failure(source: string, at?: number[]): LearnerError {
  try {
    const l = compileLoss(source, FILE);
    if (at) l.valueAndGrad(at);
  } catch (e) {
    assert.ok(e instanceof LearnerError, `not a LearnerError: ${String(e)}`);
    return e;
  }
  assert.fail('expected a LearnerError');
}

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

describe('transform: arithmetic', () => {
  it('+ - * / % ** become runtime calls, nested in evaluation order', () => {
    assert.match(
      js('export const f = (a, b) => a + b * c - d / e % g ** h;'),
      /__gd\.sub\(__gd\.add\(a, __gd\.mul\(b, c\)\), __gd\.mod\(__gd\.div\(d, e\), __gd\.pow\(g, h\)\)\)/,
    );
  });

  it('every operator differentiates: gradients of a·b, a/b, a − b, a % b, aᵇ', () => {
    const g = grad('export function loss([a, b]: number[]) { return a * b + a / b - (a - b) + (a % b) + a ** b; }', [2.5, 1.5]);
    const [a, b] = [2.5, 1.5];
    // ∂a = b + 1/b − 1 + 1 + b·a^(b−1); ∂b = a − a/b² + 1 − trunc(a/b) + aᵇ ln a
    near(g.gradient[0], b + 1 / b - 1 + 1 + b * a ** (b - 1));
    near(g.gradient[1], a - a / b ** 2 + 1 - Math.trunc(a / b) + a ** b * Math.log(a));
  });

  it('expressions of literals alone stay native, except ** (the runtime squares as x·x)', () => {
    const out = js("export const k = 1 / 3 + 0, s = 'a' + 'b', q = 2 ** 0.5;");
    assert.match(out, /k = 1 \/ 3 \+ 0/);
    assert.match(out, /s = 'a' \+ 'b'/);
    assert.match(out, /q = __gd\.pow\(2, 0\.5\)/);
  });

  it('unary minus and plus become neg/pos; a negative literal stays a literal', () => {
    const out = js('export const f = (x) => -x + +x - -1;');
    assert.match(out, /__gd\.sub\(__gd\.add\(__gd\.neg\(x\), __gd\.pos\(x\)\), -1\)/);
    assert.deepEqual(grad('export function loss(w: number) { return -w * 3 + +w; }', [2]).gradient, [-2]);
  });

  it('string + plain number concatenates; string + active value is text of it → activeText at that line', () => {
    const m = run("export function f(w) { return 'w=' + w; }");
    assert.equal(m.f(1.5), 'w=1.5');
    const e = failure("let s = '';\nexport function loss(w: number) {\n  s = 'w=' + w;\n  return s.length * w;\n}");
    assert.deepEqual([e.code, e.line], ['activeText', 3]);
  });
});

describe('transform: comparisons', () => {
  it('< <= > >= === !== == != become lt le gt ge eq ne looseEq looseNe', () => {
    const out = js('export const f = (a, b) => [a < b, a <= b, a > b, a >= b, a === b, a !== b, a == b, a != b];');
    for (const op of ['lt', 'le', 'gt', 'ge', 'eq', 'ne', 'looseEq', 'looseNe']) assert.match(out, new RegExp(`__gd\\.${op}\\(a, b\\)`));
  });

  it('compare active values by their numbers (=== 2 holds for a parameter equal to 2)', () => {
    const src = `export function loss([a, b]: number[]) {
  const flags = [a < b, a <= 2, b > a, b >= 3, a === 2, a !== b, a == '2', b != 3];
  return flags.every((f, i) => f === [true, true, true, true, true, true, true, false][i]) ? a * b : 0;
}`;
    assert.deepEqual(grad(src, [2, 3]).gradient, [3, 2]);
  });
});

describe('transform: compound assignment', () => {
  it('on an identifier: x = __gd.op(x, y) for += -= *= /= %= **=', () => {
    const out = js('export function f(x, y) { x += y; x -= y; x *= y; x /= y; x %= y; x **= y; return x; }');
    for (const op of ['add', 'sub', 'mul', 'div', 'mod', 'pow']) assert.match(out, new RegExp(`x = __gd\\.${op}\\(x, y\\);`));
  });

  it('a[f()] += 1 calls f once and reads/writes the same element through temporaries', () => {
    const out = js('export function g(a, f) { a[f()] += 1; return a; }');
    assert.match(out, /\(_a = f\(\), a\[_a\] = __gd\.add\(a\[_a\], 1\)\)/);
    const m = run('export function g(a, f) { a[f()] += 1; return a; }');
    let calls = 0;
    assert.deepEqual(
      m.g([5, 6], () => (calls++, 1)),
      [5, 7],
    );
    assert.equal(calls, 1);
  });

  it('obj().p *= 2 evaluates obj() once; o.p -= … with an identifier needs no temporary', () => {
    assert.match(js('export function g(o) { o.p -= 1; }'), /o\.p = __gd\.sub\(o\.p, 1\)/);
    const m = run('export function g(make) { const r = make(); make().p *= 2; return r.p; }');
    let calls = 0;
    const target = { p: 3 };
    assert.equal(
      m.g(() => (calls++, target)),
      6,
    );
    assert.equal(calls, 2); // once in `const r = make()`, once in the compound assignment
  });

  it('the value of a compound assignment is the new value; the target is read before the right side', () => {
    const m = run('export function g() { const a = [10, 20]; let i = 0; const v = (a[i] += (i = 1, 5)); return [v, a[0], a[1], i]; }');
    assert.deepEqual(m.g(), [15, 15, 20, 1]);
  });

  it('keeps the gradient on properties and elements', () => {
    const src = 'export function loss([x, y]: number[]) { const o = { v: x }; o.v *= y; const a = [y]; a[0] **= 2; return o.v + a[0]; }';
    assert.deepEqual(grad(src, [2, 3]).gradient, [3, 2 + 6]);
  });
});

describe('transform: ++ and --', () => {
  it('as a statement: x = __gd.inc(x), no old value kept', () => {
    const out = js('export function f(x) { x++; ++x; x--; for (let i = 0; i < 3; i++) {} return x; }');
    assert.match(out, /x = __gd\.inc\(x\); x = __gd\.inc\(x\); x = __gd\.dec\(x\);/);
    assert.match(out, /i = __gd\.inc\(i\)\)/);
  });

  it('y = x++ gives the old value, y = ++x the new one, also with active values', () => {
    const m = run('export function f(x) { const a = x++; const b = ++x; const c = x--; const d = --x; return [a, b, c, d, x]; }');
    assert.deepEqual(m.f(5), [5, 7, 7, 5, 5]);
    // old·10 + now with old = w, now = w + 2 ⇒ L = 11w + 2
    const g = grad('export function loss(w: number) { let a = w; const old = a++; const now = ++a; return old * 10 + now; }', [1]);
    assert.deepEqual(g, { value: 13, gradient: [11] });
  });

  it('o.n++ and a[k()]-- evaluate their target once', () => {
    const m = run('export function f(k) { const o = { n: 1 }; const a = [4, 5]; const r = [o.n++, a[k()]--]; return [r, o.n, a]; }');
    let calls = 0;
    assert.deepEqual(
      m.f(() => (calls++, 1)),
      [[1, 5], 2, [4, 4]],
    );
    assert.equal(calls, 1);
  });
});

describe('transform: Math, Number, isFinite, isNaN, typeof', () => {
  it('every reference to the global Math goes to __gd.Math: calls, values, computed members, shorthand', () => {
    const out = js('export const f = (x, k) => [Math.sin(x), Math.PI, Math[k](x), { Math }]; const g = Math.exp;');
    assert.match(out, /__gd\.Math\.sin\(x\)/);
    assert.match(out, /__gd\.Math\.PI/);
    assert.match(out, /__gd\.Math\[k\]\(x\)/);
    assert.match(out, /\{ Math: __gd\.Math \}/);
    assert.match(out, /g = __gd\.Math\.exp/);
    const g = grad("const f = Math.sin; export function loss(w: number) { return f(w) + Math['cos'](w) + Math.PI * w; }", [0.5]);
    near(g.gradient[0], Math.cos(0.5) - Math.sin(0.5) + Math.PI);
  });

  it('a local `Math` shadows the global only in its own scope', () => {
    const src = `function own() { const Math = { sin: (v: number) => 100 }; return Math.sin(0); }
export function loss(w: number) { return Math.sin(w) + own() * 0; }
export function param(Math: { sin(v: number): number }, w: number) { return Math.sin(w); }`;
    const out = js(src);
    assert.match(out, /return Math\.sin\(0\)/);
    assert.match(out, /__gd\.Math\.sin\(w\)/);
    assert.match(out, /function param\(Math, w\) \{ return Math\.sin\(w\);/);
    near(grad(src, [0.3]).gradient[0], Math.cos(0.3));
  });

  it('Number(x), Number.isFinite/isNaN/isInteger/isSafeInteger, isFinite, isNaN, typeof see active values as numbers', () => {
    const out = js(
      'export const f = (x) => [Number(x), Number.isFinite(x), Number.isNaN(x), Number.isInteger(x), Number.isSafeInteger(x), isFinite(x), isNaN(x), typeof x, Number.EPSILON, new Number(1)];',
    );
    for (const s of [
      '__gd.toNumber(x)',
      '__gd.Number.isFinite(x)',
      '__gd.Number.isNaN(x)',
      '__gd.Number.isInteger(x)',
      '__gd.Number.isSafeInteger(x)',
      '__gd.isFinite(x)',
      '__gd.isNaN(x)',
      '__gd.typeOf(x)',
      'Number.EPSILON',
      'new Number(1)',
    ]) {
      assert.ok(out.includes(s), `${s} in ${out}`);
    }
    const src = `export function loss(w: number) {
  if (typeof w !== 'number' || !Number.isFinite(w) || Number.isNaN(w) || isNaN(w) || !isFinite(w) || !Number.isInteger(w) || !Number.isSafeInteger(w)) return 0;
  return Number(w) * 3 + [w].map(Number)[0];
}`;
    assert.deepEqual(grad(src, [2]), { value: 8, gradient: [4] });
  });

  it('typeof of a name the file never declares stays safe', () => {
    const out = js("export const f = () => typeof notDeclaredAnywhere === 'undefined';");
    assert.match(out, /typeof notDeclaredAnywhere === "undefined" \? "undefined" : __gd\.typeOf\(notDeclaredAnywhere\)/);
    assert.equal(run("export const f = () => typeof notDeclaredAnywhere === 'undefined';").f(), true);
    assert.match(js('export const f = (x) => typeof x;'), /__gd\.typeOf\(x\)/);
  });

  it('parseFloat(w) and Number.parseFloat(w) keep the gradient', () => {
    assert.match(js('export const f = (x) => parseFloat(x) + Number.parseFloat(x);'), /__gdx\.parseFloat\(x\), __gdx\.parseFloat\(x\)/);
    assert.deepEqual(
      grad('export function loss(w: number) { return parseFloat(w as never) * Number.parseFloat(w as never); }', [3]).gradient,
      [6],
    );
    assert.equal(run('export const f = (s) => parseFloat(s);').f('2.5kg'), 2.5);
  });

  it('w.valueOf() and structuredClone keep the number and its gradient (the native ones would expose the engine object: NaN)', () => {
    assert.deepEqual(grad('export function loss(w: number) { return w.valueOf() * w; }', [3]).gradient, [6]);
    const cloned = grad(
      'export function loss([a, b]: number[]) { const c = structuredClone({ p: [a, b], m: new Map([[1, a]]) }); return c.p[0] * c.p[1] + c.m.get(1)!; }',
      [2, 5],
    );
    assert.deepEqual([cloned.value, ...cloned.gradient], [12, 6, 2]);
    // sort() without a comparator orders by text, as JavaScript does, and keeps the elements.
    const sorted = grad(
      'export function loss([a, b]: number[]) { const s = [a, b, 10].sort(); return s[0] * 100 + s[1] * 10 + s[2]; }',
      [9, 2],
    );
    assert.deepEqual([sorted.value, ...sorted.gradient], [10 * 100 + 2 * 10 + 9, 1, 10]);
    // Plain values and a learner's own valueOf behave as in JavaScript.
    assert.deepEqual(run('export const f = () => structuredClone({ d: new Date(5), t: [1, { u: 2 }] });').f(), {
      d: new Date(5),
      t: [1, { u: 2 }],
    });
    assert.equal(run('export const f = () => ({ valueOf: () => 7 }).valueOf() + (4).valueOf();').f(), 11);
  });
});

describe('transform: truthiness (an active value is an object, but 0 must be falsy)', () => {
  it('conditions that are plainly booleans are left as they are', () => {
    const out = js(
      'export function f(n, a) { for (let i = 0; i < n; i++) { if (!(a > 1) && i !== 2) n = 0; } while (n > 0) n--; return n; }',
    );
    assert.doesNotMatch(out, /truthy/);
  });

  it('if (d), !d, d ? :, while (d) and Boolean(d) look at the number', () => {
    const out = js('export function f(d) { if (d) return 1; return !d ? Boolean(d) : 2; }');
    assert.match(out, /if \(__gdx\.truthy\(d\)\)/);
    assert.match(out, /!__gdx\.truthy\(d\) \? __gdx\.truthy\(d\)/);
    // d = w − 2 is 0 at w = 2: every test must see it as false
    const src = `export const init = 2;
export function loss(w: number) {
  const d = w - 2;
  let k = 0;
  if (d) k += 1;
  if (!d) k += 10;
  k += d ? 100 : 1000;
  k += Boolean(d) ? 1e4 : 0;
  let n = w;
  while (n) n = n - 1;
  return k * w + n;
}`;
    const g = grad(src, [2]);
    assert.equal(g.value, (10 + 1000) * 2);
    assert.deepEqual(g.gradient, [1010 + 1]);
  });

  it('a || b and a && b return the right operand by value, and keep its gradient', () => {
    assert.match(js('export const f = (a, b) => a || b;'), /__gdx\.truthy\(_a = a\) \? _a : b/);
    assert.match(js('export const f = (a, b) => a && b;'), /__gdx\.truthy\(_a = a\) \? b : _a/);
    const src = 'export function loss(w: number) { const zero = w - 1; return (zero || 5 * w) + (zero && 100) + ((w - 3) || 7); }';
    // at w = 1: zero || 5w = 5w; zero && 100 = zero; (w − 3) || 7 = w − 3 ⇒ L = 5w + (w − 1) + (w − 3)
    assert.deepEqual(grad(src, [1]), { value: 5 + 0 - 2, gradient: [7] });
  });
});

describe('transform: identity comparisons', () => {
  it('includes, indexOf and lastIndexOf compare by value', () => {
    const out = js('export const f = (r, x) => [r.includes(x), r.indexOf(x, 1), r.lastIndexOf(x)];');
    assert.match(out, /__gdx\.includes\(r, x\), __gdx\.indexOf\(r, x, 1\), __gdx\.lastIndexOf\(r, x\)/);
    const src = `export function loss([a, b]: number[]) {
  const r = [a, b, a];
  const hits = [r.includes(2), r.indexOf(3), r.lastIndexOf(2), [1, 2, 3].indexOf(a), [a].includes(a), r.indexOf(2, 1)];
  return hits.join(',') === 'true,1,2,1,true,2' ? a * b : 0;
}`;
    assert.deepEqual(grad(src, [2, 3]).gradient, [3, 2]);
  });

  it('strings, typed arrays and the argument count behave as in JavaScript', () => {
    const m = run(
      "export const f = (x) => ['abc'.includes('b'), 'abc'.indexOf('c'), [1, 2, 1].lastIndexOf(1), [1, 2, 1].lastIndexOf(1, undefined), Float64Array.of(1, 2).indexOf(2), [NaN].includes(NaN), [NaN].indexOf(NaN)];",
    );
    assert.deepEqual(m.f(), [true, 2, 2, 0, 1, true, -1]);
  });

  it('Object.is compares by value', () => {
    assert.match(js('export const f = (a, b) => Object.is(a, b);'), /__gdx\.is\(a, b\)/);
    assert.deepEqual(
      grad('export function loss(w: number) { return Object.is(w, 2) && !Object.is(w, 3) ? w * w : 0; }', [2]).gradient,
      [4],
    );
  });

  it('sort with a comparator on active values works and keeps gradients (a median)', () => {
    assert.match(js('export const f = (r) => r.sort((a, b) => a - b);'), /__gdx\.sort\(r, \(a, b\) => __gd\.sub\(a, b\)\)/);
    const src =
      'export const init = [3, 1, 2]; export function loss(p: number[]) { const s = [...p].sort((a, b) => a - b); return s[1] * 10 + s[0]; }';
    assert.deepEqual(grad(src, [3, 1, 2]).gradient, [0, 1, 10]);
  });

  it('switch compares the numbers of active values', () => {
    const out = js('export function f(x, k) { switch (x) { case 1: return 1; case k: return 2; } }');
    assert.match(out, /switch \(__gd\.value\(x\)\) \{ case 1: return 1; case __gd\.value\(k\): return 2;/);
    const src = 'export function loss(w: number) { switch (w) { case 1: return 0; case 2: return w * 5; default: return w; } }';
    assert.deepEqual(grad(src, [2]).gradient, [5]);
  });

  it('Set elements and Map keys refuse active values with a clear error at the line', () => {
    assert.match(
      js('const s = new Set(); const m = new Map(); export const f = (x) => x instanceof Set;'),
      /new __gdx\.Set\(\).*new __gdx\.Map\(\).*x instanceof Set/,
    );
    const e = failure(
      'export function loss([a, b]: number[]) {\n  const seen = new Set<number>();\n  seen.add(a);\n  return a + b;\n}',
      [1, 2],
    );
    assert.equal(e.code, 'activeKey');
    assert.equal(e.line, 3);
    assert.match(e.ko, /Set/);
    const m = failure(
      'export function loss(w: number) {\n  const memo = new Map();\n  memo.set(1, w);\n  return memo.get(w) ?? w;\n}',
      [1],
    );
    assert.deepEqual([m.code, m.line], ['activeKey', 4]);
    // values may be active, keys plain: fine
    assert.deepEqual(
      grad("export function loss(w: number) { const m = new Map(); m.set('w', w); return m.get('w') * 2; }", [1]).gradient,
      [2],
    );
  });

  it('toFixed, toPrecision, toExponential and toString(radix) format a plain number; of a live value they are activeText', () => {
    assert.match(js('export const f = (x) => x.toFixed(2);'), /__gd\.format\(x\)\.toFixed\(2\)/);
    const m = run('export function f(x) { return [x.toFixed(2), x.toPrecision(3), x.toExponential(1), x.toString(2)].join(" "); }');
    assert.equal(m.f(2.5), '2.50 2.50 2.5e+0 10.1');
    for (const format of ['w.toFixed(2)', 'w.toPrecision(3)', 'w.toExponential(1)', 'w.toString(2)']) {
      const e = failure(
        `export const init = 2.5;\nexport function loss(w: number) {\n  const t = Number(${format});\n  return t * w;\n}`,
        [2.5],
      );
      assert.deepEqual([e.code, e.line], ['activeText', 3], format);
    }
  });
});

describe('transform: escapes are errors, not silent', () => {
  it('storing an active value in a Float64Array → tapeEscape at that line', () => {
    const e = failure('export function loss(w: number) {\n  const buf = new Float64Array(2);\n  buf[0] = w * 2;\n  return buf[0];\n}', [1]);
    assert.deepEqual([e.code, e.line], ['tapeEscape', 3]);
    assert.match(e.ko, /Float64Array/);
    assert.match(e.en, /typed array/);
  });

  it('a bitwise operator on an active value → tapeEscape at that line', () => {
    const e = failure('export function loss(w: number) {\n  const k = w | 0;\n  return k * w;\n}', [1]);
    assert.deepEqual([e.code, e.line], ['tapeEscape', 2]);
  });
});

describe('transform: everything else', () => {
  it('puts __gd.tick() first in every loop body', () => {
    const out = js(
      'export function f(a) { for (let i = 0; i < 2; i++) a++; for (const x of [1]) {} for (const k in {}) {} while (a > 10) a--; do { a++; } while (a < 0); }',
    );
    assert.equal(out.match(/__gd\.tick\(\)/g)?.length, 5);
  });

  it('leaves types, interfaces, in, instanceof, ?? and bitwise operators alone', () => {
    const out = js(
      'interface P { a: number } type Q = { b: number }; export function f(x: number, o: P): number { return ((o as any) ?? x) instanceof Object || "a" in o ? x | 1 : x & 2; }',
    );
    assert.doesNotMatch(out, /interface|type Q|: number/);
    assert.match(out, /instanceof Object/);
    assert.match(out, /"a" in o/);
    assert.match(out, /x \| 1 : x & 2/);
    assert.match(out, /o \?\? x/);
  });

  it('keeps comments once and the learner’s names', () => {
    const out = transpile('// top\nexport function loss(w: number) {\n  /* why */ return w * 2; // tail\n}', FILE).code;
    assert.equal(out.match(/why/g)?.length, 1);
    assert.equal(out.match(/tail/g)?.length, 1);
  });
});

describe('transform: logical assignment', () => {
  it('x ||= y and o[k()] &&= y test truthiness by value and evaluate the target once', () => {
    assert.match(js('export function f(x) { x ||= 2; return x; }'), /__gdx\.truthy\(_a = x\) \? _a : \(x = 2\)/);
    const m = run('export function f(k) { const o = { a: 0, b: 1 }; o[k()] ||= 5; o.b &&= 7; return o; }');
    let calls = 0;
    assert.deepEqual(
      m.f(() => (calls++, 'a')),
      { a: 5, b: 7 },
    );
    assert.equal(calls, 1);
    // d = w − 1 is 0 at w = 1: `d ||= 3w` must take 3w
    assert.deepEqual(
      grad(
        'export const init = 1;\nexport function loss(w: number) { let d = w - 1; d ||= 3 * w; let e = w; e &&= 2 * w; return d + e; }',
        [1],
      ),
      { value: 5, gradient: [5] },
    );
  });
});

describe('transform: scopes decide what is global', () => {
  it('var hoisting, catch parameters, for-of bindings, named function and class expressions', () => {
    const out = js(`export function a() { if (true) { var Math = { f: 1 }; } return Math.f; }
export function b() { try { return 1; } catch (Math) { return Math.message; } }
export function c(xs) { for (const Number of xs) Number(1); return Number(2); }
export const d = function isNaN(n) { return n ? isNaN(n - 1) : 0; };
export const e = class Set { static make() { return new Set(); } };
export function g() { return [Math.abs(-1), isNaN(1), new Set()]; }`);
    assert.match(out, /return Math\.f;/);
    assert.match(out, /return Math\.message;/);
    assert.match(out, /Number\(1\);\s*\}?\s*return __gd\.toNumber\(2\);/);
    assert.match(out, /\? isNaN\(__gd\.sub\(n, 1\)\)/);
    assert.match(out, /static make\(\) \{ return new Set\(\); \}/);
    assert.match(out, /\[__gd\.Math\.abs\(-1\), __gd\.isNaN\(1\), new __gdx\.Set\(\)\]/);
  });
});

describe('transform: throw', () => {
  it('a thrown value is passed through unchanged (a catch sees exactly it), and a thrown non-Error is mapped to its line', () => {
    assert.deepEqual(
      grad(
        "export function loss(w: number) {\n  let caught: unknown;\n  const tag = { t: 'x' };\n  try { throw tag } catch (e) { caught = e }\n  return caught === tag ? w * 3 : w;\n}",
        [1],
      ).gradient,
      [3],
    );
    const e = failure("export function loss(w: number) {\n  const a = w * 2;\n  if (a > 0) throw 'too big';\n  return a;\n}", [1]);
    assert.deepEqual([e.code, e.line], ['lossThrew', 3]);
  });
});

describe('transform: the runtime is out of reach', () => {
  it("eval('__gd.add = …') cannot replace an operation (the runtime objects are frozen): an error at the eval's line", () => {
    const e = failure("export function loss(w: number) {\n  eval('__gd.add = () => 0');\n  return w * w + w;\n}", [1]);
    assert.deepEqual([e.code, e.line], ['lossThrew', 2]);
    assert.equal(grad('export function loss(w: number) { return w * w + w; }', [1]).gradient[0], 3);
  });
});
