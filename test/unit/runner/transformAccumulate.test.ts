/**
 * Accumulating statements (transformAccumulate.ts, tape.ts's accumulator nodes): a loop's `s += …`
 * grows one node instead of adding one per iteration. It must never change a value or a gradient:
 * each case here runs the same file fused-and-accumulating and per operator (fuse: false) and
 * compares, including the aliasing cases the analysis has to refuse or the run token has to stop.
 */
import { strict as assert } from 'node:assert';
import { compileLoss } from '../../../src/runner/compile';
import { transpile } from '../../../src/runner/moduleLoader';
import { tape } from '../../../src/engine/recording';
import { mulberry32 } from '../../../src/engine/random';
import { mlpLoopsSource } from '../../fixtures/mlpLoopsSource';

const FILE = '/learner/accumulate.ts';

function same(text: string, at: number[], note: string): { fusedNodes: number } {
  const source = /export const init/.test(text) ? text : `export const init = new Array(${at.length}).fill(0);\n${text}`;
  const fused = compileLoss(source, FILE);
  const a = fused.valueAndGrad(at);
  const fusedNodes = tape.size;
  const plain = compileLoss(source, FILE, { fuse: false });
  const b = plain.valueAndGrad(at);
  assert.equal(a.value, b.value, `${note}: value`);
  a.gradient.forEach((g, i) =>
    assert.ok(Math.abs(g - b.gradient[i]) <= 1e-12 * Math.max(1, Math.abs(b.gradient[i])), `${note}: ∂/∂p[${i}] ${g} vs ${b.gradient[i]}`),
  );
  // The Hessian (hyper-dual numbers) goes the generic way and must agree too.
  if (at.length <= 6) assert.deepEqual(fused.hessian(at), plain.hessian(at), `${note}: Hessian`);
  return { fusedNodes };
}

const accumulates = (source: string) => /accToken/.test(transpile(source, FILE).code);

describe('transform: accumulating loops', () => {
  const at = [0.3, -1.2, 0.7, 2.1, -0.4, 1.5];

  it('a dot product in a loop is one node; value and gradient as per operator', () => {
    const src = `export const init = [0, 0, 0, 0, 0, 0];
export function loss(w: number[]) {
  const x = [1, -2, 3, 0.5, 4, -1];
  let v = w[0];
  for (let i = 0; i < 6; i++) v += w[i] * x[i] * w[(i + 1) % 6];
  return v * v;
}`;
    assert.ok(accumulates(src));
    const { fusedNodes } = same(src, at, 'dot');
    // 6 leaves, one accumulator node, v·v: 8.
    assert.equal(fusedNodes, 8);
  });

  it('`-=`, for…of and for…in loops, break and continue, a labeled loop', () => {
    same(`export function loss(w: number[]) { let s = 1; for (const a of w) s -= a * a * 0.5; return s; }`, at, 'for-of -=');
    same(`export function loss(w: number[]) { let s = 0; for (const k in w) s += w[k] * w[k] * 2; return s; }`, at, 'for-in');
    same(
      `export function loss(w: number[]) { let s = 0; for (let i = 0; i < w.length; i++) { if (i === 2) continue; if (i === 5) break; s += w[i] * Math.sin(w[i]); } return s; }`,
      at,
      'continue/break',
    );
    same(
      `export function loss(w: number[]) { let s = 0; outer: for (let j = 0; j < 3; j++) { for (let i = 0; i < w.length; i++) { if (i > j + 2) continue outer; s += w[i] * w[j] * 3; } } return s; }`,
      at,
      'labeled',
    );
  });

  it('a sum kept between two runs of the loop is not grown by the second run (run token)', () => {
    // s is not reset between runs of the inner loop, and the first run's sum is kept in an array.
    const src = `export function loss(w: number[]) {
  const kept: number[] = [];
  let s = 0;
  for (let r = 0; r < 3; r++) {
    for (let i = 0; i < w.length; i++) s += w[i] * w[i] * (r + 1);
    kept.push(s);
  }
  return kept[0] * 10 + kept[1] * 3 + kept[2];
}`;
    assert.ok(accumulates(src));
    same(src, at, 'kept between runs');
  });

  it('is not used where the running sum is read inside the loop, by a closure, or declared twice', () => {
    const reads = `export function loss(w: number[]) { let s = 0; const seen: number[] = []; for (let i = 0; i < w.length; i++) { s += w[i] * w[i] * 2; seen.push(s); } return seen[2] * 5 + s; }`;
    assert.ok(!accumulates(reads));
    same(reads, at, 'read in the loop');
    const closure = `export function loss(w: number[]) { let s = 0; const peek = () => s; let t = 0; for (let i = 0; i < w.length; i++) { s += w[i] * w[i] * 2; t = t + peek() * 1; } return t; }`;
    assert.ok(!accumulates(closure));
    same(closure, at, 'closure');
    const head = `export function loss(w: number[]) { let s = 0; for (let i = 0; s < 100 && i < w.length; i++) s += w[i] * w[i] * 2; return s; }`;
    assert.ok(!accumulates(head));
    same(head, at, 'read in the head');
    const param = `export function loss(w: number[], s = 0) { for (let i = 0; i < w.length; i++) s += w[i] * w[i] * 2; return s; }`;
    assert.ok(!accumulates(param));
  });

  it('nodes recorded between iterations start a new accumulator node: still exact', () => {
    const src = `export function loss(w: number[]) { let s = 0; for (let i = 0; i < w.length; i++) s += (w[i] % 0.7) * w[i] * 2; return s * s; }`;
    assert.ok(accumulates(src));
    same(src, at, '% between');
  });

  it('an MLP written with loops (W3 of the bench): exact, and far fewer nodes', () => {
    const random = mulberry32(3);
    const batch = Array.from({ length: 8 }, () => ({ x: [random() * 4 - 2, random() * 4 - 2], y: random() }));
    const src = mlpLoopsSource(batch);
    const p = Array.from({ length: 337 }, (_, i) => 0.3 * Math.sin(i + 1));
    const { fusedNodes } = same(src, p, 'mlp');
    // Per sample: 33 accumulator nodes, 32 tanh, the loss term; plus the 337 leaves.
    assert.ok(fusedNodes < 337 + 8 * 70, String(fusedNodes));
  });

  it('random accumulating programs agree with the per-operator path', () => {
    const random = mulberry32(11);
    const ops = ['+', '-', '*'];
    for (let n = 0; n < 60; n++) {
      const term = () =>
        `w[${Math.floor(random() * 6)}] ${ops[Math.floor(random() * 3)]} w[(i + ${Math.floor(random() * 6)}) % 6] * ${(random() * 2 - 1).toFixed(3)}`;
      const body = Array.from({ length: 1 + Math.floor(random() * 2) }, () => `s += ${term()};`).join(' ');
      const src = `export function loss(w: number[]) { let s = w[${n % 6}]; for (let i = 0; i < ${2 + (n % 5)}; i++) { ${body} } return s * s + s; }`;
      same(src, at, `program ${n}: ${src}`);
    }
  });
});
