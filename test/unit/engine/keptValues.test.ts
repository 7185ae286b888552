/**
 * Values a loss keeps from one evaluation to the next (module state, a memo): no
 * silently wrong gradient. Plain JavaScript keeps the number the earlier evaluation computed; so
 * must the engine — a Var of an earlier evaluation is a constant (its id reads −1), never a node
 * of the tape now being recorded, and a hyper-dual of an earlier Hessian pass carries no tangents.
 */
import { strict as assert } from 'node:assert';
import { gd, Var, HyperDual } from '../../../src/engine/runtime';
import { valueAndGrad, value0, hessian, type ParamShape } from '../../../src/engine/evaluate';
import { Tape } from '../../../src/engine/tape';

const scalar: ParamShape = { kind: 'scalar' };
const pair: ParamShape = { kind: 'array', length: 2 };
const M = gd.Math as unknown as Record<string, (...a: unknown[]) => unknown>;
type Loss = (p: unknown) => unknown;

/** Central finite differences of the value-only evaluation (which sees kept values as constants too). */
function centralDifferences(loss: Loss, at: number[], shape: ParamShape, h = 1e-6): number[] {
  return at.map((x, i) => {
    const plus = at.slice();
    const minus = at.slice();
    plus[i] = x + h;
    minus[i] = x - h;
    return (value0(loss, plus, shape) - value0(loss, minus, shape)) / (2 * h);
  });
}

const near = (a: number, b: number, tol = 1e-12, what = '') =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what} ${a} vs ${b}`);

/** A Var of an evaluation that has ended: k = w/2 at w = 2.1, so k.v = 1.05 exactly. */
function keptVar(): Var {
  let k: unknown;
  valueAndGrad((w) => (k = gd.mul(w, 0.5)), [2.1], scalar);
  return k as Var;
}

describe('kept values: a Var of an earlier evaluation is the constant number it was', () => {
  it('firstLoss ??= raw; raw / firstLoss: value raw/first, gradient ∇raw/first (hand-derived and central differences)', () => {
    let firstLoss: unknown;
    const loss: Loss = (p) => {
      const [a, b] = p as unknown[];
      const raw = gd.add(gd.add(gd.pow(gd.sub(a, 1), 2), gd.pow(gd.sub(b, 2), 2)), 1);
      firstLoss ??= raw;
      return gd.div(raw, firstLoss);
    };
    const r0 = valueAndGrad(loss, [0, 0], pair); // raw = 1 + 4 + 1 = 6: raw/raw
    assert.deepEqual([r0.value, ...r0.gradient], [1, 0, 0]);
    // At (0.5, 3): raw = 0.25 + 1 + 1 = 2.25; first = 6; ∇raw = (2(a − 1), 2(b − 2)) = (−1, 2).
    for (let k = 0; k < 3; k++) {
      const r = valueAndGrad(loss, [0.5, 3], pair);
      assert.equal(r.value, 2.25 / 6);
      assert.deepEqual(Array.from(r.gradient), [-1 / 6, 2 / 6]);
      assert.equal(r.constant, false);
    }
    centralDifferences(loss, [0.5, 3], pair).forEach((g, i) => near(g, [-1 / 6, 2 / 6][i], 1e-8, `∂${i}`));
    const kept = firstLoss as Var;
    assert.equal(kept.v, 6, 'the kept value never changes');
    assert.equal(kept.id, -1, 'and stands for no node of a later tape');
  });

  it('every operation with a kept Var gives bit for bit what it gives with the kept number (value and gradient)', () => {
    const k = keptVar();
    assert.equal(k.v, 1.05);
    const ops: Array<[string, (w: unknown, k: unknown) => unknown]> = [
      ['w + k', (w, c) => gd.add(w, c)],
      ['k + w', (w, c) => gd.add(c, w)],
      ['w − k, k − w', (w, c) => gd.mul(gd.sub(w, c), gd.sub(c, w))],
      ['w·k', (w, c) => gd.mul(w, c)],
      ['k/w, w/k', (w, c) => gd.add(gd.div(c, w), gd.div(w, c))],
      ['w % k, k % w', (w, c) => gd.add(gd.mod(w, c), gd.mod(c, w))],
      ['w ** k, k ** w', (w, c) => gd.add(gd.pow(w, c), gd.pow(c, w))],
      ['−k·w, +k·w', (w, c) => gd.add(gd.mul(gd.neg(c), w), gd.mul(gd.pos(c), w))],
      ['(k + 1)·w via inc', (w, c) => gd.mul(gd.inc(c), w)],
      ['sin(k)·w, exp(k·w)', (w, c) => gd.add(gd.mul(M.sin(c), w), M.exp(gd.mul(c, w)))],
      ['atan2(w, k), Math.pow(k, w)', (w, c) => gd.add(M.atan2(w, c), M.pow(c, w))],
      ['max(w, k), min(w, k, 2)', (w, c) => gd.add(M.max(w, c), M.min(w, c, 2))],
      ['max(k, w, k) with w tied', (w, c) => M.max(c, w, c)],
      ['hypot(w, k, 3)', (w, c) => M.hypot(w, c, 3)],
      ['w·true + k·null', (w, c) => gd.add(gd.mul(w, true), gd.mul(c, null))],
      ['w·k·w·k (fused-style chains)', (w, c) => gd.mul(gd.mul(gd.mul(w, c), w), c)],
    ];
    for (const at of [1.3, 1.05]) {
      for (const [name, f] of ops) {
        const withVar = valueAndGrad((w) => f(w, k), [at], scalar);
        const withNumber = valueAndGrad((w) => f(w, 1.05), [at], scalar);
        assert.ok(Object.is(withVar.value, withNumber.value), `${name} at ${at}: value ${withVar.value} vs ${withNumber.value}`);
        assert.ok(
          Object.is(withVar.gradient[0], withNumber.gradient[0]),
          `${name} at ${at}: gradient ${withVar.gradient[0]} vs ${withNumber.gradient[0]}`,
        );
      }
    }
  });

  it('operations on kept values alone give plain numbers and record nothing', () => {
    const k = keptVar();
    let seen: unknown[] = [];
    let size = -1;
    valueAndGrad(
      (w) => {
        seen = [gd.mul(k, 2), gd.add(k, k), M.exp(k), M.atan2(k, 1), M.max(k, 0), gd.neg(k), gd.pow(k, k)];
        size = gd.tape.size;
        return w;
      },
      [3],
      scalar,
    );
    assert.deepEqual(
      seen.map((x) => typeof x),
      seen.map(() => 'number'),
    );
    const c = k.v;
    assert.deepEqual(seen, [c * 2, c + c, Math.exp(c), Math.atan2(c, 1), c, -c, c ** c]);
    assert.equal(size, 1, 'only the parameter leaf');
  });

  it('a kept Var is its number wherever JavaScript needs one: text, native arithmetic, typed arrays, comparisons', () => {
    const k = keptVar();
    const any = k as unknown as number;
    assert.equal(String(k), '1.05');
    assert.equal(`${any}`, '1.05');
    assert.equal(JSON.stringify({ k }), '{"k":1.05}');
    assert.equal(k.toLocaleString('en'), (1.05).toLocaleString('en'));
    assert.equal(any + 1, 2.05);
    assert.equal(any | 0, 1);
    assert.equal(new Float64Array([any])[0], 1.05);
    assert.equal(gd.add('k = ', k), 'k = 1.05');
    assert.equal(gd.format(k), 1.05); // the receiver of k.toFixed(…) (transform.ts)
    assert.equal(typeof gd.toNumber(k), 'number');
    assert.equal(gd.typeOf(k), 'number');
    assert.ok(gd.eq(k, 1.05) && gd.lt(k, 2));
    assert.equal(gd.isActive(k), false);
  });

  it('a loss that returns a kept Var returns a constant: its value, a zero gradient', () => {
    let best: unknown;
    const loss: Loss = (w) => {
      const l = gd.pow(gd.sub(w, 3), 2);
      if (best === undefined || gd.lt(l, best)) best = l;
      return best;
    };
    const r1 = valueAndGrad(loss, [2], scalar); // l = 1, the best so far
    assert.deepEqual([r1.value, r1.gradient[0], r1.constant], [1, -2, false]);
    const r2 = valueAndGrad(loss, [5], scalar); // l = 4: the kept 1 is returned
    assert.deepEqual([r2.value, r2.gradient[0], r2.constant], [1, 0, true]);
    const r3 = valueAndGrad(loss, [3.5], scalar); // l = 0.25: a new best
    assert.deepEqual([r3.value, r3.gradient[0], r3.constant], [0.25, 1, false]);
  });

  it('a value-only evaluation sees kept Vars as numbers and records nothing', () => {
    const k = keptVar();
    const before = gd.tape.size;
    assert.equal(
      value0((w) => gd.mul(gd.add(w, k), k), [2], scalar),
      (2 + 1.05) * 1.05,
    );
    assert.equal(gd.tape.size, before);
  });

  it('a Var kept in a Hessian: a constant (∇²(raw/first) = ∇²raw/first)', () => {
    let firstLoss: unknown;
    const loss: Loss = (p) => {
      const [a, b] = p as unknown[];
      const raw = gd.add(gd.add(gd.pow(gd.sub(a, 1), 2), gd.mul(gd.pow(gd.sub(b, 2), 2), 3)), 1);
      firstLoss ??= raw;
      return gd.div(raw, firstLoss);
    };
    valueAndGrad(loss, [0, 0], pair); // first = 1 + 12 + 1 = 14
    assert.deepEqual(Array.from(hessian(loss, [0.5, 3], pair)), [2 / 14, 0, 0, 6 / 14]);
  });

  it('a hyper-dual kept from one Hessian pass is a constant in the next (no ε of another pass), and a number in a later gradient', () => {
    let kept: unknown;
    const loss: Loss = (p) => {
      const [a, b] = p as unknown[];
      kept ??= gd.mul(a, b); // set in the first pass (i = j = 0), at (1.5, 2): 3
      return gd.mul(kept, gd.add(a, b));
    };
    // Pass (0, 0): kept is live, loss = a²b + ab² → ∂²/∂a² = 2b = 4. Later passes: 3·(a + b) → 0.
    assert.deepEqual(Array.from(hessian(loss, [1.5, 2], pair)), [4, 0, 0, 0]);
    assert.ok(kept instanceof HyperDual && kept.e1 === 0 && kept.e2 === 0 && kept.e12 === 0);
    const r = valueAndGrad(loss, [1.5, 2], pair);
    assert.deepEqual([r.value, ...r.gradient], [10.5, 3, 3]);
    assert.equal(String(kept), '3');
  });
});

describe('kept values on the tape: a parent −1 is a constant, left out of the graph', () => {
  it('unary and binary nodes: nothing recorded for a constant alone; a binary node with one constant parent is unary', () => {
    const t = new Tape(4, undefined, true);
    const w = t.leaf(2);
    assert.equal(t.unary(5, -1, 3), -1);
    assert.equal(t.size, 1);
    const y = t.binary(6, -1, 7, w, 3); // constant first
    assert.deepEqual(t.parentsOf(y), [[w, 3]]);
    const z = t.binary(12, y, 2, -1, 9); // constant second
    assert.deepEqual(t.parentsOf(z), [[y, 2]]);
    assert.equal(t.backward(z)[w], 6);
  });

  it('ternary nodes drop a constant parent in any of the three places', () => {
    for (const place of [0, 1, 2]) {
      const t = new Tape(4, undefined, true);
      const u = t.leaf(1);
      const v = t.leaf(2);
      const ids = [u, v];
      const parents = [0, 1, 2].map((i) => (i === place ? -1 : (ids.shift() as number)));
      const y = t.ternary(0, parents[0], 10, parents[1], 20, parents[2], 30);
      const partials = [10, 20, 30].filter((_, i) => i !== place);
      assert.deepEqual(
        t.parentsOf(y),
        [
          [u, partials[0]],
          [v, partials[1]],
        ],
        `constant in place ${place}`,
      );
      const adj = t.backward(y);
      assert.deepEqual([adj[u], adj[v]], partials);
    }
  });

  it('accumulator nodes: accAdd leaves a constant out, and constants written straight into the side arrays (fused code) get no adjoint', () => {
    const t = new Tape(4, undefined, true);
    const w = t.leaf(2);
    const s = t.accStart(0, 1);
    t.accAdd(s, -1, 5);
    t.accAdd(s, w, 3);
    // As fused code writes pairs: straight into the side arrays, a constant as −1.
    t.reserveSide(2);
    t.sideParent[t.sideSize] = -1;
    t.sidePartial[t.sideSize] = 100;
    t.sideParent[t.sideSize + 1] = w;
    t.sidePartial[t.sideSize + 1] = 4;
    t.sideSize += 2;
    t.parentC[s] += 2;
    assert.deepEqual(t.parentsOf(s), [
      [w, 3],
      [w, 4],
    ]);
    const adj = t.backward(s);
    assert.equal(adj[w], 7);
    assert.ok(!Number.isNaN(adj[w]));
  });
});
