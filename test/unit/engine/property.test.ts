import { strict as assert } from 'node:assert';
import { gd, HyperDual } from '../../../src/engine/runtime';
import { valueAndGrad, hessian, value0, type ParamShape } from '../../../src/engine/evaluate';
import { mulberry32, type Random } from '../../../src/engine/random';

type Op =
  | { kind: 'var'; i: number }
  | { kind: 'const'; c: number }
  | { kind: 'un'; f: string; a: number }
  | { kind: 'bin'; f: string; a: number; b: number };

const UN = ['sin', 'cos', 'tanh', 'atan', 'sq', 'cube', 'softplus', 'neg', 'expsafe', 'sqrtsafe', 'logsafe', 'abs1', 'inc'];
const BIN = ['add', 'sub', 'mul', 'divsafe', 'hypot', 'powpos', 'max3', 'min', 'atan2'];

/** A random program as a DAG: every node may reuse any earlier one (shared subexpressions). */
function randomProgram(random: Random, vars: number, size: number): Op[] {
  const ops: Op[] = [];
  for (let i = 0; i < vars; i++) ops.push({ kind: 'var', i });
  ops.push({ kind: 'const', c: Math.round(random() * 40 - 20) / 10 });
  const pick = () => Math.floor(random() * ops.length);
  for (let k = 0; k < size; k++) {
    if (random() < 0.45) ops.push({ kind: 'un', f: UN[Math.floor(random() * UN.length)], a: pick() });
    else ops.push({ kind: 'bin', f: BIN[Math.floor(random() * BIN.length)], a: pick(), b: pick() });
  }
  return ops;
}

/** Runs a program through the runtime (numbers, Vars or hyper-duals alike). */
function run(ops: Op[], params: unknown[]): unknown {
  const M = gd.Math;
  const v: unknown[] = [];
  for (const op of ops) {
    if (op.kind === 'var') v.push(params[op.i]);
    else if (op.kind === 'const') v.push(op.c);
    else if (op.kind === 'un') {
      const a = v[op.a];
      if (op.f === 'sq') v.push(gd.pow(a, 2));
      else if (op.f === 'cube') v.push(gd.pow(a, 3));
      else if (op.f === 'softplus') v.push(M.log(gd.add(1, M.exp(M.tanh(a)))));
      else if (op.f === 'neg') v.push(gd.neg(a));
      else if (op.f === 'expsafe') v.push(M.exp(M.sin(a)));
      else if (op.f === 'sqrtsafe') v.push(M.sqrt(gd.add(1, gd.mul(a, a))));
      else if (op.f === 'logsafe') v.push(M.log1p(gd.pow(a, 2)));
      else if (op.f === 'abs1')
        v.push(M.abs(gd.add(a, 3.5))); // away from the kink for |a| < 3.5
      else if (op.f === 'inc') v.push(gd.inc(a));
      else v.push((M as unknown as Record<string, (x: unknown) => unknown>)[op.f](a));
    } else {
      const a = v[op.a];
      const b = v[op.b];
      if (op.f === 'divsafe') v.push(gd.div(a, gd.add(1.5, gd.pow(b, 2))));
      else if (op.f === 'hypot') v.push(M.hypot(a, b, 0.5));
      else if (op.f === 'powpos')
        v.push(gd.pow(gd.add(1.25, M.sin(a)), M.cos(b))); // base ≥ 0.25, active exponent
      else if (op.f === 'max3') v.push(M.max(a, b, -10));
      else if (op.f === 'min') v.push(M.min(a, b));
      else v.push((gd as unknown as Record<string, (x: unknown, y: unknown) => unknown>)[op.f]?.(a, b) ?? M[op.f as 'atan2'](a, b));
    }
  }
  return v[v.length - 1];
}

describe('property: random expression programs', () => {
  const random = mulberry32(7);
  const shape: ParamShape = { kind: 'array', length: 3 };
  for (let trial = 0; trial < 100; trial++) {
    const ops = randomProgram(random, 3, 6 + Math.floor(random() * 20));
    const p = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
    it(`program ${trial} (${ops.length} nodes): gradient = finite differences = forward mode, Hessian = FD of the gradient and symmetric`, () => {
      const fn = (q: unknown) => run(ops, q as unknown[]);
      const r = valueAndGrad(fn, p, shape);
      const plain = value0(fn, p, shape);
      assert.equal(r.value, plain, 'taped and plain evaluation compute the same number, to the bit');
      const H = hessian(fn, p, shape);
      // forward mode (the hyper-dual ε₁ part alone) gives the same partial derivatives
      for (let i = 0; i < 3; i++) {
        const dual = run(
          ops,
          p.map((x, k) => new HyperDual(x, k === i ? 1 : 0, 0, 0)),
        ) as HyperDual | number;
        const forward = dual instanceof HyperDual ? dual.e1 : 0;
        assert.ok(
          Math.abs(forward - r.gradient[i]) <= 1e-12 * Math.max(1, Math.abs(forward)),
          `forward ∂/∂p${i}: ${forward} vs reverse ${r.gradient[i]}`,
        );
      }
      for (let i = 0; i < 3; i++) {
        const h = 1e-6;
        const plus = p.slice();
        const minus = p.slice();
        plus[i] += h;
        minus[i] -= h;
        const fd = (value0(fn, plus, shape) - value0(fn, minus, shape)) / (2 * h);
        assert.ok(Math.abs(fd - r.gradient[i]) <= 1e-6 * Math.max(1, Math.abs(fd)), `∂/∂p${i}: ${r.gradient[i]} vs FD ${fd}`);
        const gp = valueAndGrad(fn, plus, shape).gradient;
        const gm = valueAndGrad(fn, minus, shape).gradient;
        for (let j = 0; j < 3; j++) {
          const fdH = (gp[j] - gm[j]) / (2 * h);
          assert.ok(Math.abs(fdH - H[i * 3 + j]) <= 1e-5 * Math.max(1, Math.abs(fdH)), `H[${i}][${j}]: ${H[i * 3 + j]} vs FD ${fdH}`);
          assert.equal(H[i * 3 + j], H[j * 3 + i]);
        }
      }
    });
  }
});

describe('exact Hessians by hand', () => {
  it('Rosenbrock at (−1.2, 1): [[2 − 400(y − 3x²), −400x], [−400x, 200]]', () => {
    const f = ([x, y]: unknown[]) => gd.add(gd.pow(gd.sub(1, x), 2), gd.mul(100, gd.pow(gd.sub(y, gd.pow(x, 2)), 2)));
    const H = hessian(f as (p: unknown) => unknown, [-1.2, 1], { kind: 'array', length: 2 });
    const [x, y] = [-1.2, 1];
    const expected = [2 - 400 * (y - 3 * x * x), -400 * x, -400 * x, 200];
    expected.forEach((e, i) => assert.ok(Math.abs(H[i] - e) < 1e-9, `H[${i}] ${H[i]} vs ${e}`));
  });

  it('the saddle x² − y² has Hessian diag(2, −2) everywhere', () => {
    const f = ([x, y]: unknown[]) => gd.sub(gd.pow(x, 2), gd.pow(y, 2));
    assert.deepEqual([...hessian(f as (p: unknown) => unknown, [0.3, -0.7], { kind: 'array', length: 2 })], [2, 0, 0, -2]);
  });

  it('cross terms: f = x·y·z + x²z has H = [[2z, z, y + 2x], [z, 0, x], [y + 2x, x, 0]]', () => {
    const f = ([x, y, z]: unknown[]) => gd.add(gd.mul(gd.mul(x, y), z), gd.mul(gd.pow(x, 2), z));
    const [x, y, z] = [0.5, -1.5, 2];
    const H = hessian(f as (p: unknown) => unknown, [x, y, z], { kind: 'array', length: 3 });
    assert.deepEqual([...H], [2 * z, z, y + 2 * x, z, 0, x, y + 2 * x, x, 0]);
  });
});
