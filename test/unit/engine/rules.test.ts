import { strict as assert } from 'node:assert';
import { UNARY, BINARY, PIECEWISE_CONSTANT } from '../../../src/engine/rules';
import { gd } from '../../../src/engine/runtime';
import { valueAndGrad, hessian, type ParamShape } from '../../../src/engine/evaluate';
import { mulberry32 } from '../../../src/engine/random';

const scalar: ParamShape = { kind: 'scalar' };
const pair: ParamShape = { kind: 'array', length: 2 };
const M = gd.Math as unknown as Record<string, (...a: unknown[]) => unknown>;

/** Where each function is smooth (sampling domain for finite differences). */
const DOMAIN: Record<string, [number, number]> = {
  log: [0.2, 5],
  log2: [0.2, 5],
  log10: [0.2, 5],
  sqrt: [0.2, 5],
  cbrt: [0.2, 5],
  log1p: [-0.5, 5],
  asin: [-0.9, 0.9],
  acos: [-0.9, 0.9],
  atanh: [-0.9, 0.9],
  acosh: [1.2, 5],
  tan: [-1.2, 1.2],
  exp: [-3, 3],
  expm1: [-3, 3],
  sinh: [-3, 3],
  cosh: [-3, 3],
};

/** Hand-derived f'(a) at a fixed point, one per function. */
const HAND: Record<string, [number, number]> = {
  neg: [1.5, -1],
  exp: [0, 1],
  expm1: [0, 1],
  log: [2, 0.5],
  log1p: [1, 0.5],
  log2: [1, 1 / Math.LN2],
  log10: [10, 1 / (10 * Math.LN10)],
  sqrt: [4, 0.25],
  cbrt: [8, 1 / 12],
  sin: [0, 1],
  cos: [Math.PI / 2, -1],
  tan: [0, 1],
  asin: [0, 1],
  acos: [0, -1],
  atan: [1, 0.5],
  sinh: [0, 1],
  cosh: [1, Math.sinh(1)],
  tanh: [0, 1],
  asinh: [0, 1],
  acosh: [2, 1 / Math.sqrt(3)],
  atanh: [0.5, 4 / 3],
  abs: [-2, -1],
  sign: [0.3, 0],
  floor: [1.5, 0],
  ceil: [1.5, 0],
  round: [1.2, 0],
  trunc: [1.5, 0],
  fround: [0.1, 0],
};

const central = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);
const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);

describe('derivative rules (rules.ts) and the runtime that uses them', () => {
  const random = mulberry32(2026);
  for (const [name, rule] of Object.entries(UNARY)) {
    const fn = name === 'neg' ? (x: unknown) => gd.neg(x) : M[name];
    it(`${name}: ${rule.formula}`, () => {
      const [lo, hi] = DOMAIN[name] ?? [-3, 3];
      for (let k = 0; k < 20; k++) {
        let a = lo + (hi - lo) * random();
        if (name === 'abs' || name === 'sign') a = a === 0 ? 0.5 : a;
        if (['floor', 'ceil', 'round', 'trunc'].includes(name)) a = Math.floor(a) + 0.3; // away from jumps
        const y = rule.f(a);
        // the table's f' against finite differences of f (fround's steps are finer than any h)
        if (name !== 'fround') close(rule.d(a, y), central(rule.f, a), 1e-6, `${name}' at ${a}`);
        // the table's f'' against finite differences of f'
        close(
          rule.d2(a, y),
          central((x) => rule.d(x, rule.f(x)), a),
          1e-5,
          `${name}'' at ${a}`,
        );
        // the runtime records exactly the table's value and derivative
        const r = valueAndGrad((w) => fn(w), [a], scalar);
        assert.equal(r.value, y);
        assert.equal(r.gradient[0], PIECEWISE_CONSTANT.has(name) ? 0 : rule.d(a, y));
        // and its Hessian is the table's second derivative
        if (!PIECEWISE_CONSTANT.has(name)) close(hessian((w) => fn(w), [a], scalar)[0], rule.d2(a, y), 1e-12, `${name} Hessian`);
      }
      const [at, expected] = HAND[name];
      close(valueAndGrad((w) => fn(w), [at], scalar).gradient[0], expected, 1e-12, `${name}'(${at}) by hand`);
    });
  }

  const binaryFns: Record<string, (a: unknown, b: unknown) => unknown> = {
    add: gd.add,
    sub: gd.sub,
    mul: gd.mul,
    div: gd.div,
    mod: gd.mod,
    pow: gd.pow,
    atan2: M.atan2,
    hypot: M.hypot,
    max: M.max,
    min: M.min,
  };
  /** Hand-derived [∂/∂a, ∂/∂b] at a fixed point. */
  const HAND2: Record<string, [number, number, number, number]> = {
    add: [2, 3, 1, 1],
    sub: [2, 3, 1, -1],
    mul: [2, 3, 3, 2],
    div: [3, 2, 0.5, -0.75],
    mod: [7, 2, 1, -3],
    pow: [2, 3, 12, 8 * Math.LN2],
    atan2: [1, 1, 0.5, -0.5],
    hypot: [3, 4, 0.6, 0.8],
    max: [2, 3, 0, 1],
    min: [2, 3, 1, 0],
  };
  for (const [name, rule] of Object.entries(BINARY)) {
    it(`${name}: ${rule.formula}`, () => {
      const fn = binaryFns[name];
      for (let k = 0; k < 20; k++) {
        const a = 0.3 + 2 * random();
        let b = 0.3 + 2 * random();
        if (name === 'max' || name === 'min') b = a + (random() < 0.5 ? -0.5 : 0.5);
        if (name === 'mod') b = 0.7 + 0.1 * random();
        const y = rule.f(a, b);
        const [da, db] = rule.d(a, b, y);
        close(
          da,
          central((x) => rule.f(x, b), a),
          1e-6,
          `${name} ∂a`,
        );
        close(
          db,
          central((x) => rule.f(a, x), b),
          1e-6,
          `${name} ∂b`,
        );
        const [daa, dab, dbb] = rule.d2(a, b, y);
        close(
          daa,
          central((x) => rule.d(x, b, rule.f(x, b))[0], a),
          1e-5,
          `${name} ∂²a`,
        );
        close(
          dab,
          central((x) => rule.d(a, x, rule.f(a, x))[0], b),
          1e-5,
          `${name} ∂a∂b`,
        );
        close(
          dbb,
          central((x) => rule.d(a, x, rule.f(a, x))[1], b),
          1e-5,
          `${name} ∂²b`,
        );
        const r = valueAndGrad((pq) => fn((pq as unknown[])[0], (pq as unknown[])[1]), [a, b], pair);
        close(r.value, y, 1e-15, `${name} value`);
        close(r.gradient[0], da, 1e-12, `${name} runtime ∂a`);
        close(r.gradient[1], db, 1e-12, `${name} runtime ∂b`);
        const H = hessian((pq) => fn((pq as unknown[])[0], (pq as unknown[])[1]), [a, b], pair);
        close(H[0], daa, 1e-9, `${name} H₀₀`);
        close(H[1], dab, 1e-9, `${name} H₀₁`);
        close(H[3], dbb, 1e-9, `${name} H₁₁`);
      }
      const [a, b, ea, eb] = HAND2[name];
      const r = valueAndGrad((pq) => fn((pq as unknown[])[0], (pq as unknown[])[1]), [a, b], pair);
      close(r.gradient[0], ea, 1e-12, `${name} ∂a by hand`);
      close(r.gradient[1], eb, 1e-12, `${name} ∂b by hand`);
    });
  }

  // The random points above are positive: here each rule meets negative, zero and non-integer
  // inputs, and the runtime's own code (arithmetic.ts inlines some derivatives) must agree with it.
  for (const [name, rule] of Object.entries(BINARY)) {
    it(`${name} on negative, zero and non-integer inputs: table = central differences = runtime`, () => {
      const fn = binaryFns[name];
      for (const a of [-7.5, -1.3, 0, 0.4, 2.6]) {
        for (const b of [-2.2, -0.7, 0.9, 2]) {
          if (name === 'pow' && a <= 0) continue; // a non-integer power of a negative number is NaN
          if (name === 'atan2' && a === 0 && b < 0) continue; // the branch cut (±π): no derivative across it
          const y = rule.f(a, b);
          const [da, db] = rule.d(a, b, y);
          close(
            da,
            central((x) => rule.f(x, b), a),
            1e-6,
            `${name}(${a}, ${b}) ∂a`,
          );
          close(
            db,
            central((x) => rule.f(a, x), b),
            1e-6,
            `${name}(${a}, ${b}) ∂b`,
          );
          const r = valueAndGrad((pq) => fn((pq as unknown[])[0], (pq as unknown[])[1]), [a, b], pair);
          close(r.gradient[0], da, 1e-12, `${name}(${a}, ${b}) runtime ∂a`);
          close(r.gradient[1], db, 1e-12, `${name}(${a}, ${b}) runtime ∂b`);
        }
      }
    });
  }

  it('the Hessian of (a % b)² at (−7.5, 2) is [[2, 6], [6, 18]] (by hand: ∇(a % b) = [1, −trunc(−3.75)] = [1, 3])', () => {
    const H = hessian(
      (pq) => {
        const m = gd.mod((pq as unknown[])[0], (pq as unknown[])[1]);
        return gd.mul(m, m);
      },
      [-7.5, 2],
      pair,
    );
    assert.deepEqual([...H], [2, 6, 6, 18]);
  });

  it('follows PyTorch at kinks: |0|′ = 0, ties of max split evenly, pow′ in b at a = 0 is 0', () => {
    assert.equal(valueAndGrad((w) => M.abs(w), [0], scalar).gradient[0], 0);
    assert.deepEqual([...valueAndGrad((ab) => M.max(...(ab as unknown[])), [1, 1], pair).gradient], [0.5, 0.5]);
    assert.deepEqual([...valueAndGrad((ab) => gd.pow((ab as unknown[])[0], (ab as unknown[])[1]), [0, 2], pair).gradient], [0, 0]);
    assert.equal(valueAndGrad((w) => M.sqrt(w), [0], scalar).gradient[0], Infinity);
  });

  it('n-ary Math.max/min/hypot are differentiable in every argument', () => {
    const shape: ParamShape = { kind: 'array', length: 3 };
    assert.deepEqual([...valueAndGrad((abc) => M.max(...(abc as unknown[])), [1, 5, 3], shape).gradient], [0, 1, 0]);
    assert.deepEqual([...valueAndGrad((abc) => M.min(...(abc as unknown[])), [1, 5, 3], shape).gradient], [1, 0, 0]);
    const g = valueAndGrad((abc) => M.hypot(...(abc as unknown[])), [2, 3, 6], shape).gradient;
    [2 / 7, 3 / 7, 6 / 7].forEach((e, i) => close(g[i], e, 1e-15, 'hypot'));
  });

  it('max/min ties: k tied arguments get 1/k each (constants count), a sole winner gets 1', () => {
    const shape: ParamShape = { kind: 'array', length: 3 };
    const grad = (f: string, p: number[], extra: unknown[] = []) => [
      ...valueAndGrad((q) => M[f](...(q as unknown[]), ...extra), p, { kind: 'array', length: p.length }).gradient,
    ];
    assert.deepEqual(grad('max', [2, 2, 2]), [1 / 3, 1 / 3, 1 / 3]);
    assert.deepEqual(grad('max', [2, 2, 1]), [0.5, 0.5, 0]);
    assert.deepEqual(grad('min', [4, 1, 1]), [0, 0.5, 0.5]);
    assert.deepEqual(grad('max', [1], [1]), [0.5], 'max(w, 1) at w = 1: the constant takes its share');
    assert.deepEqual(grad('max', [1, 0], [3]), [0, 0], 'a constant wins: no gradient');
    assert.deepEqual(grad('max', [0], [-1, -2]), [1]);
    // the sole winner is returned as is: no node recorded
    let same = false;
    valueAndGrad(
      (q) => {
        const [a, b] = q as unknown[];
        same = M.max(a, b, 0) === b;
        return b;
      },
      [1, 2],
      pair,
    );
    assert.ok(same);
    // two-argument max is the table's rule
    assert.deepEqual(grad('max', [3, 3]), BINARY.max.d(3, 3, 3));
    // the gradient follows a NaN argument (the result is NaN)
    assert.ok(Number.isNaN(valueAndGrad((q) => M.max(...(q as unknown[])), [1, NaN, 0], shape).value));
  });

  it('hypot: exactly Math.hypot’s value (no overflow), ∂/∂xᵢ = xᵢ/y, 0 at the origin, exact Hessian', () => {
    const shape: ParamShape = { kind: 'array', length: 3 };
    const f = (q: unknown) => M.hypot(...(q as unknown[]), 0.5);
    for (const p of [
      [0.3, -1.7, 2.2],
      [1e200, 1e200, -1e200],
      [1e-200, 3e-200, 0],
    ]) {
      const r = valueAndGrad(f, p, shape);
      const y = Math.hypot(...p, 0.5);
      assert.equal(r.value, y);
      p.forEach((x, i) => close(r.gradient[i], x / y, 1e-15, `hypot ∂${i}`));
    }
    assert.deepEqual([...valueAndGrad((q) => M.hypot(...(q as unknown[])), [0, 0, 0], shape).gradient], [0, 0, 0]);
    assert.deepEqual([...hessian((q) => M.hypot(...(q as unknown[])), [0, 0], pair)], [0, 0, 0, 0]);
    // H = (I − g gᵀ)/y for y = hypot(x, y, z, 0.5)
    const p = [0.3, -1.7, 2.2];
    const y = Math.hypot(...p, 0.5);
    const H = hessian(f, p, shape);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) close(H[i * 3 + j], ((i === j ? 1 : 0) - (p[i] * p[j]) / (y * y)) / y, 1e-14, `H[${i}][${j}]`);
  });

  it('pow at the edges: negative base with a constant exponent, 0^b, b = 0, and a variable exponent at a < 0', () => {
    const g = (a: number, b: number) => [...valueAndGrad((q) => gd.pow((q as unknown[])[0], (q as unknown[])[1]), [a, b], pair).gradient];
    assert.equal(valueAndGrad((w) => gd.pow(w, 3), [-2], scalar).gradient[0], 12, '(x³)′ at −2 is 12, no NaN');
    assert.equal(valueAndGrad((w) => gd.pow(w, 0), [0], scalar).gradient[0], 0, '(x⁰)′ = 0 even at 0');
    assert.equal(valueAndGrad((w) => gd.pow(w, 0.5), [0], scalar).gradient[0], Infinity, '√x at 0, like sqrt');
    assert.deepEqual(g(0, 2), [0, 0], 'a = 0, b > 0: ∂/∂b masked to 0 (PyTorch)');
    assert.deepEqual(g(0, 0), [0, 0], 'a = 0, b = 0');
    const [da, db] = g(-2, 3);
    assert.equal(da, 12);
    assert.ok(Number.isNaN(db), 'a < 0 with an active exponent: ∂/∂b = aᵇ ln a is NaN (PyTorch)');
    assert.equal(valueAndGrad((w) => gd.pow(2, w), [3], scalar).gradient[0], 8 * Math.LN2);
    // the mixed second derivative at b = 0 is 1/a, not the ∂/∂a mask's 0
    close(hessian((q) => gd.pow((q as unknown[])[0], (q as unknown[])[1]), [2, 0], pair)[1], 0.5, 1e-15, '∂²aᵇ/∂a∂b at b = 0');
  });

  it('atan2 at the origin is NaN (0/0, as in PyTorch); mod follows torch.fmod', () => {
    assert.ok(valueAndGrad((q) => M.atan2(...(q as unknown[])), [0, 0], pair).gradient.every(Number.isNaN));
    assert.deepEqual([...valueAndGrad((q) => gd.mod((q as unknown[])[0], (q as unknown[])[1]), [-7.5, 2], pair).gradient], [1, 3]);
  });
});
