import { strict as assert } from 'node:assert';
import { Tape, TapeOverflowError } from '../../../src/engine/tape';

describe('Tape', () => {
  it('propagates adjoints through shared subexpressions (y = (a·b) + a)', () => {
    // y = a·b + a  ⇒  ∂y/∂a = b + 1,  ∂y/∂b = a
    const t = new Tape(2, undefined, true);
    const a = t.leaf(3);
    const b = t.leaf(-2);
    const ab = t.binary(3 * -2, a, -2, b, 3);
    const y = t.binary(-6 + 3, ab, 1, a, 1);
    const adj = t.backward(y);
    assert.equal(adj[a], -2 + 1);
    assert.equal(adj[b], 3);
    assert.equal(t.value[y], -3);
  });

  it('a ternary node sends its adjoint to all three parents, the previous node among them', () => {
    // v = 0.5 (leaf), w = 2 (leaf), a = 3w (node 2, right before), y = v + w·a (ternary):
    // ∂y/∂v = 1, ∂y/∂w = a + 3·∂y/∂a = a + 3w = 12, ∂y/∂a = w = 2
    const t = new Tape(2, undefined, true); // capacity 2: the C columns must grow with the others
    const v = t.leaf(0.5);
    const w = t.leaf(2);
    const a = t.unary(6, w, 3);
    const y = t.ternary(0.5 + 2 * 6, v, 1, w, 6, a, 2);
    assert.deepEqual(t.parentsOf(y), [
      [v, 1],
      [w, 6],
      [a, 2],
    ]);
    assert.deepEqual(t.parentsOf(a), [[w, 3]]);
    assert.deepEqual(t.parentsOf(v), []);
    const adj = t.backward(y);
    assert.deepEqual([adj[y], adj[a], adj[w], adj[v]], [1, 2, 6 + 2 * 3, 1]);
    // The same parents in another order: the previous node first (carried in a register).
    const t2 = new Tape(2, undefined, true);
    const v2 = t2.leaf(0.5);
    const w2 = t2.leaf(2);
    const a2 = t2.unary(6, w2, 3);
    const y2 = t2.ternary(12.5, a2, 2, v2, 1, w2, 6);
    const adj2 = t2.backward(y2);
    assert.deepEqual([adj2[a2], adj2[w2], adj2[v2]], [2, 12, 1]);
  });

  it('an accumulator node grows while it is the last node of its run, then a new one starts', () => {
    // s = 1·w0 + w1·x + w2·x … with x = 3: ∂s/∂w0 = 1, ∂s/∂w1 = ∂s/∂w2 = 3
    const t = new Tape(2, undefined, true);
    const w = [t.leaf(0.5), t.leaf(2), t.leaf(-1)];
    const s = t.accStart(0.5, 7);
    t.accAdd(s, w[0], 1);
    assert.ok(t.canGrow(s, 7));
    assert.ok(!t.canGrow(s, 8), 'another run of the loop');
    t.accAdd(s, w[1], 3);
    t.accAdd(s, w[2], 3);
    t.accValue(s, 0.5 + 6 - 3);
    assert.deepEqual(t.parentsOf(s), [
      [w[0], 1],
      [w[1], 3],
      [w[2], 3],
    ]);
    const y = t.unary(t.value[s] * 2, s, 2);
    assert.ok(!t.canGrow(s, 7), 'a node recorded after it');
    const adj = t.backward(y);
    assert.deepEqual(
      w.map((k) => adj[k]),
      [2, 6, 6],
    );
    t.reset();
    assert.ok(!t.canGrow(s, 7), 'reset forgets it');
  });

  it('an endlessly growing accumulator ends with TapeOverflowError', () => {
    const t = new Tape(4, 16);
    const a = t.leaf(1);
    const s = t.accStart(0, 1);
    assert.throws(() => {
      for (let i = 0; i < 1000; i++) t.accAdd(s, a, 1);
    }, TapeOverflowError);
  });

  it('grows past its initial capacity and keeps earlier nodes', () => {
    const t = new Tape(1, undefined, true);
    let x = t.leaf(1);
    const x0 = x;
    for (let i = 0; i < 100; i++) x = t.unary(t.value[x] * 2, x, 2); // x ← 2x, 100 times
    const adj = t.backward(x);
    assert.equal(adj[x0], 2 ** 100);
    assert.equal(t.size, 101);
  });

  it('runs custom nodes in reverse order with their adjoint', () => {
    // s = sum(v) recorded as one custom node over three leaves, then y = 5·s.
    const t = new Tape(undefined, undefined, true);
    const v = [t.leaf(1), t.leaf(2), t.leaf(3)];
    const s = t.custom(6, (tape, g) => v.forEach((k) => tape.accumulate(k, g)));
    const y = t.unary(30, s, 5);
    const adj = t.backward(y);
    assert.deepEqual(
      v.map((k) => adj[k]),
      [5, 5, 5],
    );
  });

  it('carries the adjoint of the previous node in a register without losing other contributions', () => {
    // a (leaf 0), s = a² (1, both parents = node 0 … recorded as one parent with 2a),
    // t = s·s (2, both parents the previous node), u = t + s (3: s again, from memory), y = 3u (4)
    const t = new Tape(undefined, undefined, true);
    const a = t.leaf(1.5);
    const s = t.unary(2.25, a, 3);
    const q = t.binary(2.25 * 2.25, s, 2.25, s, 2.25);
    const u = t.binary(2.25 * 2.25 + 2.25, q, 1, s, 1);
    const y = t.unary(3 * t.value[u], u, 3);
    const adj = t.backward(y);
    // ∂y/∂s = 3·(2s + 1) = 16.5, ∂y/∂a = 16.5 · 2a = 49.5
    assert.deepEqual([adj[y], adj[u], adj[q], adj[s], adj[a]], [1, 3, 3, 16.5, 49.5]);
  });

  it('a custom node right after its input sees the carried adjoint and may add to the previous node', () => {
    const t = new Tape(undefined, undefined, true);
    const a = t.leaf(2);
    const b = t.unary(4, a, 2); // b = 2a
    const c = t.custom(8, (tape, g) => tape.accumulate(b, 2 * g)); // c = 2b
    const y = t.unary(24, c, 3); // y = 3c
    const adj = t.backward(y);
    assert.deepEqual([adj[c], adj[b], adj[a]], [3, 6, 12]);
  });

  it('skips nodes whose adjoint is 0, so an unused infinite partial does not turn into NaN', () => {
    const t = new Tape(undefined, undefined, true);
    const a = t.leaf(0);
    const r = t.unary(0, a, Infinity); // √a at 0
    const z = t.unary(0, r, 0); // 0·√a
    const y = t.binary(1, z, 1, a, 1); // y = z + a
    assert.equal(t.backward(y)[a], 1);
  });

  it('reset forgets nodes and stale adjoints', () => {
    const t = new Tape(undefined, undefined, true);
    const a = t.leaf(1);
    t.backward(t.unary(2, a, 2));
    t.reset();
    const b = t.leaf(4);
    const y = t.unary(12, b, 3);
    assert.equal(b, 0);
    assert.equal(t.backward(y)[b], 3);
  });

  it('refuses to grow past maxNodes with a typed error', () => {
    const t = new Tape(4, 8, true);
    assert.throws(() => {
      for (let i = 0; i < 100; i++) t.leaf(i);
    }, TapeOverflowError);
  });
});
