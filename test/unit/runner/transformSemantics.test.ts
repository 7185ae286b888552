/**
 * The transform must not change what plain JavaScript does: every program below runs twice —
 * transpiled as is and transpiled with the differentiating transformer — and must produce the
 * same result (deep-equal, NaN and −0 included) or throw the same kind of error.
 */
import { strict as assert } from 'node:assert';
import path from 'node:path';
import ts from 'typescript';
import vm from 'node:vm';
import { loadModule } from '../../../src/runner/moduleLoader';

const FILE = path.resolve(__dirname, '../../fixtures/learner/semantics.ts');

function plain(source: string): unknown {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, () => unknown> };
  vm.compileFunction(js, ['exports', 'module'])(module.exports, module);
  return outcome(() => module.exports.main());
}

function transformed(source: string): unknown {
  const exports = loadModule(source, FILE).exports as Record<string, () => unknown>;
  return outcome(() => exports.main());
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (e) {
    return { threw: e instanceof Error ? e.constructor.name : typeof e };
  }
}

const PROGRAMS: Record<string, string> = {
  'operators on mixed types': `export function main() {
  const xs: any[] = [1, -0, 0.5, NaN, Infinity, '3', '', 'a', true, null, undefined, [2], {}, 10n];
  const out: unknown[] = [];
  for (const a of xs) for (const b of xs) {
    for (const f of [(p: any, q: any) => p + q, (p: any, q: any) => p - q, (p: any, q: any) => p * q, (p: any, q: any) => p / q, (p: any, q: any) => p % q, (p: any, q: any) => p ** q,
                     (p: any, q: any) => p < q, (p: any, q: any) => p <= q, (p: any, q: any) => p > q, (p: any, q: any) => p >= q, (p: any, q: any) => p === q, (p: any, q: any) => p == q, (p: any, q: any) => p != q]) {
      try { out.push(f(a, b)); } catch (e) { out.push('throws'); }
    }
  }
  return out;
}`,
  'fused expressions on mixed types (one function per expression tree)': `export function main() {
  const xs: any[] = [1, -0, 0.5, NaN, Infinity, -2, '3', '', 'a', true, null, undefined, [2], {}, 10n];
  const out: unknown[] = [];
  for (const a of xs) for (const b of xs) {
    for (const f of [(p: any, q: any) => p * q + p, (p: any, q: any) => -(p - q) / 2, (p: any, q: any) => (p + q) ** 2 * Math.sin(q),
                     (p: any, q: any) => Math.exp(p) - Math.tanh(q * 3), (p: any, q: any) => p / q - q / p, (p: any, q: any) => 1 + p ** 3 - 0.5 * q ** 0.5,
                     (p: any, q: any) => { let s = p; s += q * q; s -= p / 3; s *= q + 1; s /= p - 2; s **= 2; return s; }]) {
      try { out.push(f(a, b)); } catch (e) { out.push('throws'); }
    }
  }
  return out;
}`,
  'fused expressions keep the order of side effects': `export function main() {
  const log: string[] = [];
  const o = (name: string, v: any) => ({ valueOf() { log.push(name); return v; } });
  const f = (v: any) => { log.push('f'); return v; };
  const r: unknown[] = [];
  r.push(o('a', 2) * f(3) + o('b', 1));
  r.push(o('c', 2) * o('d', 3) + f(4));
  r.push(f(1) + o('e', 2) * f(o('g', 5)) - o('h', 1));
  let i = 0; const arr = [1, 2, 3, 4];
  r.push(arr[i++] * arr[i++] + arr[i++] * 2);
  try { r.push(o('x', 1) * 1n + f(2)); } catch (e) { r.push((e as Error).constructor.name); }
  try { r.push(f(1n) * 2 - f(3)); } catch (e) { r.push((e as Error).constructor.name); }
  return [r, log, i];
}`,
  'unary operators and updates': `export function main() {
  let a: any = '5', b: any = 2, c: any = [1], d = 7n;
  const r = [-a, +a, -b, +c, a++, a, ++b, b--, --b, c++, c, d++, ++d, -d, !0, !'', typeof a, void 0];
  return r;
}`,
  'compound assignments everywhere': `export function main() {
  let s: any = 'x'; s += 1; s += null;
  const o: any = { n: 2, m: 'q' }; o.n **= 3; o.n %= 5; o.m += o.n;
  const a = [1, 2, 3]; let i = 0; a[i++] += 10; a[i++] *= a[i]; a[2] -= -1;
  let n = 10; n /= 4; n -= 0.5;
  return [s, o, a, i, n];
}`,
  'control flow, labels, switch fall-through, try/finally': `export function main() {
  const log: unknown[] = [];
  outer: for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      if (j === 2) continue outer;
      if (i === 3) break outer;
      log.push(i * 10 + j);
    }
  }
  for (const k of [1, 2, 3]) switch (k) { case 1: log.push('one'); case 2: log.push('two'); break; default: log.push('other'); }
  let w = 3; do { w--; } while (w);
  let z = 0; while (z < 3) z++;
  try { try { throw new Error('x'); } finally { log.push('finally'); } } catch (e) { log.push((e as Error).message); }
  return [log, w, z];
}`,
  'truthiness and logical operators on plain values': `export function main() {
  const vals: any[] = [0, -0, NaN, '', 'a', 1, null, undefined, [], {}, 0n, 2n];
  return vals.map((v) => [v ? 1 : 0, !v, v || 'or', v && 'and', v ?? 'nn', Boolean(v), (() => { let t = v; t ||= 'x'; return t; })(), (() => { let t = v; t &&= 'y'; return t; })()]);
}`,
  'closures, classes, getters, generators, destructuring, spread': `class Acc { total = 0; private items: number[] = []; add(x: number) { this.items.push(x); this.total += x; return this; } get mean() { return this.total / this.items.length; } static of(...xs: number[]) { const a = new Acc(); for (const x of xs) a.add(x); return a; } }
function* gen(n: number) { for (let i = 0; i < n; i++) yield i * i; }
export function main() {
  const a = Acc.of(1, 2, 3, 4);
  const [first, , third = 9, ...rest] = [...gen(6)];
  const { p = 5, q: { r } } = { q: { r: 7 } } as any;
  const counter = (() => { let c = 0; return () => ++c; })();
  counter(); counter();
  return [a.total, a.mean, first, third, rest, p, r, counter(), Math.max(...rest), [1, 2, 3].reduce((s, v) => s + v * 2, 0)];
}`,
  'Math, Number, isNaN, typeof, parseFloat, Object.is, includes, sort, toFixed, Set, Map': `export function main() {
  const m = Math; const f = Math.hypot;
  return [Math.PI, m.sqrt(2), Math['floor'](2.7), f(3, 4), Math.max(), Math.min(1, '0' as any), Number('12px'), Number(''), Number(), Number.isFinite('1' as any), isFinite('1' as any), isNaN('x' as any), Number.isNaN('x' as any), Number.isInteger(5), Number.isSafeInteger(2 ** 60),
    typeof 1, typeof 'a', typeof undefinedName, typeof null, typeof (() => 1), parseFloat('3.5kg'), Number.parseFloat('  -2e3 '), Object.is(NaN, NaN), Object.is(0, -0),
    [1, 2, NaN].includes(NaN), [1, 2, NaN].indexOf(NaN), [1, 2, 1].lastIndexOf(1), [1, 2, 1].lastIndexOf(1, undefined), 'hello'.includes('ell'), [3, 1, 2].sort(), [3, 1, 10].sort((a, b) => a - b), [3, 1, 2].sort((a, b) => b - a),
    (2.345).toFixed(1), (1234.5).toPrecision(2), (0.00012).toExponential(), (255).toString(16), [1, 2].toString(), new Set([1, 1, 2]).size, [...new Map([[1, 'a'], [2, 'b']]).keys()], Array.from(new Set('abca'))];
}`,
  'Math and Number shadowed locally': `const Number = (x: unknown) => 'mine:' + x;
export function main() {
  const Math = { sin: (x: number) => x + 1 };
  function inner(isNaN: (x: unknown) => string) { return isNaN(5); }
  return [Math.sin(1), Number(3), inner((x) => 'own ' + x), typeof Math];
}`,
  'comma, void, delete, in, instanceof, bitwise, template literals, tagged templates': `export function main() {
  const o: any = { a: 1, b: 2 };
  const t = (s: TemplateStringsArray, ...v: unknown[]) => s.raw.join('|') + v.join(',');
  let k = (1, 2, 3);
  delete o.a;
  return [k, void k, 'a' in o, 'b' in o, o instanceof Object, 5 | 2, 5 & 3, 5 ^ 1, ~5, 1 << 4, -16 >> 2, -16 >>> 28, \`sum \${1 + 2} and \${o.b * 2}\`, t\`x\${1 + 1}y\${'z'}\`];
}`,
  'errors stay errors': `export function main() {
  const x: any = undefined;
  return x.y + 1;
}`,
  'bigint arithmetic and mixing errors': `export function main() {
  const r: unknown[] = [2n ** 10n, 7n % 3n, -(5n), 10n / 3n];
  try { r.push((1n as any) + 1); } catch (e) { r.push((e as Error).constructor.name); }
  return r;
}`,
};

describe('transform: plain JavaScript keeps its meaning (original vs transformed, same result)', () => {
  for (const [name, source] of Object.entries(PROGRAMS)) {
    it(name, () => {
      const expected = plain(source);
      assert.deepStrictEqual(transformed(source), expected);
    });
  }
});
