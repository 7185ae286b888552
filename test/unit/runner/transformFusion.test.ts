/**
 * Expression fusion (src/runner/transformFusion.ts): one tape node per expression tree must give
 * the same values to the bit and the same gradients to rounding as one node per operator, take
 * the per-operator path for anything but numbers and Vars, and keep errors at the learner's line.
 */
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { transpile } from '../../../src/runner/moduleLoader';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { tape } from '../../../src/engine/recording';
import { mulberry32 } from '../../../src/engine/random';

const FILE = path.resolve(__dirname, '../../fixtures/learner/fusion.ts');

const fusedJs = (source: string) => transpile(source, FILE).code.replace(/\s+/g, ' ');
const fusedCalls = (source: string) =>
  (transpile(source, FILE).code.match(/__gdf\d+\(/g) ?? []).length -
  (transpile(source, FILE).code.match(/function __gdf\d+\(/g) ?? []).length;

function relClose(a: number, b: number, tol: number, what: string): void {
  if (Number.isNaN(a) && Number.isNaN(b)) return;
  if (a === b) return;
  assert.ok(Math.abs(a - b) <= tol * Math.max(1e-300, Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);
}

/** A random expression over w0…w2 (parameters), c (data) and constants, fusible operators only. */
function randomExpression(rand: () => number, depth: number): string {
  const leaf = () => {
    const r = rand();
    if (r < 0.55) return `w${Math.floor(rand() * 3)}`;
    if (r < 0.75) return 'c';
    return (Math.round(rand() * 40 - 20) / 8).toString();
  };
  if (depth === 0 || rand() < 0.2) return leaf();
  const a = () => randomExpression(rand, depth - 1);
  const r = rand();
  if (r < 0.18) return `(${a()} + ${a()})`;
  if (r < 0.34) return `(${a()} - ${a()})`;
  if (r < 0.52) return `(${a()} * ${a()})`;
  if (r < 0.6) return `(${a()} / (2.5 + (${a()}) ** 2))`;
  if (r < 0.66) return `(-(${a()}))`;
  if (r < 0.72) return `((${a()}) ** 2)`;
  if (r < 0.76) return `((${a()}) ** 3)`;
  if (r < 0.8) return `Math.sqrt(1 + (${a()}) ** 2)`;
  const fns = ['sin', 'cos', 'tanh', 'exp', 'atan', 'abs', 'cbrt', 'sinh'];
  const fn = fns[Math.floor(rand() * fns.length)];
  return fn === 'exp' || fn === 'sinh' ? `Math.${fn}(Math.sin(${a()}))` : `Math.${fn}(${a()})`;
}

describe('transform: expression fusion', () => {
  it('writes one function for an expression tree and one call where it stood', () => {
    const out = fusedJs(
      'export function loss([a, b, c]: number[]) { let s = c; s += (a - 1 / 100) ** 2 * (1 + 0.1 * Math.sin(b)); return s; }',
    );
    assert.match(out, /s = __gdf0\(s, a, b\)/);
    assert.match(out, /function __gdf0\(x0, x1, x2\)/);
    assert.match(out, /function __gdf0a\(x0, x1, x2\)/);
    assert.match(out, /__gd\.fusedNode\(/);
    // In a loop whose running sum nothing else reads, the same statement accumulates (transformAccumulate.ts).
    const loop = fusedJs(
      'export function loss(p: number[]) { let s = 0; for (let i = 0; i < p.length; i++) s += (p[i] - i / 100) ** 2 * (1 + 0.1 * Math.sin(p[i])); return s; }',
    );
    assert.match(loop, /for \(let i = \((\w+) = __gd\.accToken\(\), 0\);/);
    // p[i] is read again after `p[i] - i / 100` is done: the leaves before it are converted first (transformFusion.ts, evaluation order).
    assert.match(loop, /s = \((\w+) = s, (\w+) = p\[i\], (\w+) = i, .*, __gdf0\((\w+), \1, \2, \3, p\[i\]\)\)/);
    assert.match(loop, /function __gdf0\(t, x0, x1, x2, x3\)/);
    assert.match(loop, /x0\.id === T\.accNode && t === T\.accToken/);
  });

  it('leaves single operators, % and computed exponents to the per-operator runtime', () => {
    assert.equal(fusedCalls('export const f = (a: number, b: number) => a * b;'), 0);
    assert.equal(fusedCalls('export const f = (a: number, b: number) => a % b % 2;'), 0);
    assert.equal(fusedCalls('export const f = (a: number, b: number) => a ** b ** 2;'), 0);
    // `a % b` is a leaf of the fused tree around it.
    assert.match(fusedJs('export const f = (a: number, b: number) => (a % b) * 2 + b;'), /__gdf0\(\(?__gd\.mod\(a, b\)\)?, b\)/);
    // A string in the tree means concatenation: never fused.
    assert.equal(fusedCalls("export const f = (a: number) => 'x' + a * 2 + 1;"), 0);
  });

  it('fuses only where leaves are evaluated in JavaScript order', () => {
    // f() runs before any operator in JavaScript too: fused.
    assert.equal(fusedCalls('declare const f: () => number; export const g = (w: number, b: number) => w * f() + b;'), 1);
    // a * b completes before f() runs: the whole is not fused (a * b alone is one operator).
    const out = fusedJs('declare const f: () => number; export const g = (a: number, b: number) => a * b + f();');
    assert.equal(fusedCalls('declare const f: () => number; export const g = (a: number, b: number) => a * b + f();'), 0);
    assert.match(out, /__gd\.add\(__gd\.mul\(a, b\), f\(\)\)/);
  });

  it('gives the same values to the bit and gradients to 1e-13 as one node per operator (200 random programs)', () => {
    const rand = mulberry32(20261122);
    let fusedPrograms = 0;
    for (let k = 0; k < 200; k++) {
      const e = randomExpression(rand, 4);
      const source = `const c = 0.75;\nexport function loss([w0, w1, w2]: number[]) {\n  let s = ${e};\n  s += w0 * ${e} - w1;\n  return s;\n}`;
      if (fusedCalls(source) > 0) fusedPrograms++;
      const fused = compileLoss(source, FILE);
      const plain = compileLoss(source, FILE, { fuse: false });
      for (let t = 0; t < 3; t++) {
        const at = [rand() * 3 - 1.5, rand() * 3 - 1.5, rand() * 3 - 1.5];
        const a = fused.valueAndGrad(at);
        const b = plain.valueAndGrad(at);
        assert.ok(Object.is(a.value, b.value), `value of ${e}: ${a.value} vs ${b.value}`);
        for (let i = 0; i < 3; i++) relClose(a.gradient[i], b.gradient[i], 1e-13, `∂/∂w${i} of ${e}`);
        assert.ok(Object.is(fused.value(at), b.value), 'plain-number path');
      }
    }
    assert.ok(fusedPrograms >= 190, `only ${fusedPrograms} of 200 programs were fused`);
  });

  it('gives the same exact Hessian (hyper-duals take the per-operator path)', () => {
    const source = 'export function loss([x, y]: number[]) { return (1 - x) ** 2 + 100 * (y - x * x) ** 2 + Math.sin(x * y) * 0.5; }';
    const a = compileLoss(source, FILE).hessian([0.3, -0.7]);
    const b = compileLoss(source, FILE, { fuse: false }).hessian([0.3, -0.7]);
    assert.deepEqual(Array.from(a), Array.from(b));
  });

  it('records fewer tape nodes: 8 operators per iteration become one node, and the loop’s sum one node', () => {
    const source = `export const init = new Array(100).fill(0.5);
export function loss(p: number[]) {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - i / 100) ** 2 * (1 + 0.1 * Math.sin(p[i]));
  return s;
}`;
    const at = Array.from({ length: 100 }, (_, i) => Math.cos(i));
    const count = (fuse: boolean) => {
      const l = compileLoss(source, FILE, { fuse });
      l.valueAndGrad(at);
      return tape.size;
    };
    const fused = count(true);
    const plain = count(false);
    // 100 leaves; fused and accumulating: the whole loop is one node with 200 parents (p[i] twice
    // per iteration); per operator: 8 per iteration.
    assert.equal(fused, 100 + 1);
    assert.ok(plain >= 100 + 7 * 100, `per-operator ${plain}`);
  });

  it('passes nothing through a zero adjoint, as the tape does (0 · ∞ stays out)', () => {
    for (const fuse of [true, false]) {
      const l = compileLoss('export function loss(w: number) { return 0 * Math.sqrt(w) + w * 3 - 1; }', FILE, { fuse });
      const r = l.valueAndGrad([0]);
      assert.equal(r.gradient[0], 3, `fuse ${fuse}`);
    }
  });

  it('reports an error inside a fused expression at the learner’s line', () => {
    const source = 'export function loss(w: number) {\n  const big = 10n;\n  return 2 + w * (big as any) - 1;\n}';
    for (const fuse of [true, false]) {
      try {
        compileLoss(source, FILE, { fuse }).valueAndGrad([1]);
        assert.fail('expected a LearnerError');
      } catch (e) {
        assert.ok(e instanceof LearnerError, String(e));
        assert.equal(e.line, 3, `fuse ${fuse}: ${e.en}`);
      }
    }
  });

  it('refuses a learner declaration of a fused function’s name', () => {
    try {
      compileLoss('function __gdf0() { return 1; }\nexport const loss = (w: number) => w * w + 1 * w;', FILE);
      assert.fail('expected a LearnerError');
    } catch (e) {
      assert.ok(e instanceof LearnerError);
      assert.equal(e.code, 'reservedName');
    }
  });
});
