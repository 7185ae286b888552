import { strict as assert } from 'node:assert';
import { Tape, TapeOverflowError } from '../../../src/engine/tape';

describe('Tape', () => {
  it('propagates adjoints through shared subexpressions (y = (a·b) + a)', () => {
    // y = a·b + a  ⇒  ∂y/∂a = b + 1,  ∂y/∂b = a
    const t = new Tape(2);
    const a = t.leaf(3);
    const b = t.leaf(-2);
    const ab = t.binary(3 * -2, a, -2, b, 3);
    const y = t.binary(-6 + 3, ab, 1, a, 1);
    const adj = t.backward(y);
    assert.equal(adj[a], -2 + 1);
    assert.equal(adj[b], 3);
    assert.equal(t.value[y], -3);
  });

  it('grows past its initial capacity and keeps earlier nodes', () => {
    const t = new Tape(1);
    let x = t.leaf(1);
    const x0 = x;
    for (let i = 0; i < 100; i++) x = t.unary(t.value[x] * 2, x, 2); // x ← 2x, 100 times
    const adj = t.backward(x);
    assert.equal(adj[x0], 2 ** 100);
    assert.equal(t.size, 101);
  });

  it('runs custom nodes in reverse order with their adjoint', () => {
    // s = sum(v) recorded as one custom node over three leaves, then y = 5·s.
    const t = new Tape();
    const v = [t.leaf(1), t.leaf(2), t.leaf(3)];
    const s = t.custom(6, (tape, g) => v.forEach((k) => tape.accumulate(k, g)));
    const y = t.unary(30, s, 5);
    const adj = t.backward(y);
    assert.deepEqual(v.map((k) => adj[k]), [5, 5, 5]);
  });

  it('reset forgets nodes and stale adjoints', () => {
    const t = new Tape();
    const a = t.leaf(1);
    t.backward(t.unary(2, a, 2));
    t.reset();
    const b = t.leaf(4);
    const y = t.unary(12, b, 3);
    assert.equal(b, 0);
    assert.equal(t.backward(y)[b], 3);
  });

  it('refuses to grow past maxNodes with a typed error', () => {
    const t = new Tape(4, 8);
    assert.throws(() => {
      for (let i = 0; i < 100; i++) t.leaf(i);
    }, TapeOverflowError);
  });
});
