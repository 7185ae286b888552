import { strict as assert } from 'node:assert';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { nn, datasets } from '../../../src/engine/gdtutor';
import { valueAndGrad } from '../../../src/engine/evaluate';
import { Tensor } from '../../../src/engine/tensor/tensor';
import { paramTensor } from '../../../src/engine/tensor/params';
import { trainLoss } from '../../../src/runner/trainLoss';
import { readFileSync } from 'node:fs';
import { finiteDifferenceCheck } from '../finiteDifferences';

const file = path.resolve(__dirname, '../../fixtures/learner/net.ts');

function fdCheck(source: string, at?: number[], tolerance = 1e-6) {
  const loss = compileLoss(source, file);
  const p = at ?? (loss.init as number[]);
  const r = finiteDifferenceCheck(loss, p, 1e-6);
  assert.ok(r.maxRelError < tolerance, `max relative error ${r.maxRelError}`);
  return { loss, r };
}

describe('gdtutor nn: tensor ops on the tape', () => {
  it('linear + tanh + MSE: gradient equals finite differences', () => {
    fdCheck(`import { nn } from 'gdtutor';
const model = nn.sequential(nn.linear(2, 4), nn.tanh(), nn.linear(4, 1));
export const init = model.init(3);
export function loss(p: number[]) {
  return nn.mse(model.forward(p, [[0.5, -1], [1, 2], [-0.3, 0.7]]), [1, -1, 0.5]);
}`);
  });

  it('softmax cross-entropy (3 classes) and relu/sigmoid: gradient equals finite differences', () => {
    fdCheck(
      `import { nn } from 'gdtutor';
const model = nn.sequential(nn.linear(2, 5), nn.sigmoid(), nn.linear(5, 5), nn.relu(), nn.linear(5, 3));
export const init = model.init(7);
export function loss(p: number[]) {
  return nn.crossEntropy(model.forward(p, [[0.5, -1], [1, 2], [-0.3, 0.7], [2, 0]]), [0, 2, 1, 2]);
}`,
      undefined,
      1e-5,
    ); // tiny gradient entries make the relative FD error noisier
  });

  it('softmax CE gradient by hand is (softmax − onehot)/n, and stays finite for logits of ±1000', () => {
    // One sample, logits are the parameters directly: ∂L/∂z = softmax(z) − onehot(label)
    const z = [1000, -1000, 0];
    const r = valueAndGrad((p) => nn.crossEntropy(new TensorFromVars(p as unknown[]), [2]), z, { kind: 'array', length: 3 });
    assert.ok(Number.isFinite(r.value));
    assert.ok(Math.abs(r.value - 1000) < 1e-9);
    assert.deepEqual(
      [...r.gradient].map((g) => Math.round(g * 1e12) / 1e12),
      [1, 0, -1],
    );
  });

  it('binary cross-entropy on logits is stable and matches finite differences', () => {
    fdCheck(`import { nn } from 'gdtutor';
const model = nn.mlp([2, 3, 1], 'tanh');
export const init = model.init(1);
export function loss(p: number[]) {
  return nn.binaryCrossEntropy(model.forward(p, [[3, 1], [-2, 0.5]]), [1, 0]);
}`);
  });

  it('scalars and tensors mix on one tape: MSE plus an L2 penalty written with plain operators', () => {
    const { loss } = fdCheck(`import { nn } from 'gdtutor';
const model = nn.mlp([1, 3, 1]);
export const init = model.init(2);
export function loss(p: number[]) {
  let penalty = 0;
  for (const w of p) penalty += w * w;
  return nn.mse(model.forward(p, [[1], [2]]), [0.5, -0.5]).toScalar() + 0.01 * penalty;
}`);
    assert.equal(loss.dimension, 10);
  });

  it('layers() cover the parameter vector exactly once, in PyTorch nn.Linear layout', () => {
    const m = nn.mlp([2, 16, 16, 1]);
    const infos = m.layers().filter((l) => l.kind === 'linear');
    let next = 0;
    for (const l of infos) {
      assert.equal(l.offset, next);
      next += (l.weight as [number, number])[0] * (l.weight as [number, number])[1] + (l.bias as number);
    }
    assert.equal(next, m.parameterCount);
    assert.equal(m.parameterCount, 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1);
  });

  it('init is seeded and inside PyTorch’s U(−1/√fan_in, 1/√fan_in)', () => {
    const m = nn.mlp([4, 8, 2]);
    assert.deepEqual(m.init(5), m.init(5));
    assert.notDeepEqual(m.init(5), m.init(6));
    const p = m.init(5);
    assert.ok(p.slice(0, 40).every((v) => Math.abs(v) <= 1 / Math.sqrt(4)));
    assert.ok(p.slice(40).every((v) => Math.abs(v) <= 1 / Math.sqrt(8)));
  });

  it('datasets are deterministic per seed with the right shapes and classes', () => {
    for (const make of [datasets.moons, datasets.circles, datasets.xor]) {
      const a = make({ n: 50, seed: 3 });
      assert.deepEqual(a, make({ n: 50, seed: 3 }));
      assert.equal(a.x.length, 50);
      assert.ok(a.x.every((r) => r.length === 2));
      assert.deepEqual([...new Set(a.y)].sort(), [0, 1]);
    }
    const s = datasets.spirals({ n: 90, classes: 3, seed: 1 });
    assert.deepEqual([...new Set(s.y)].sort(), [0, 1, 2]);
    const { train, test } = datasets.trainTestSplit(s, 0.8, 0);
    assert.equal(train.x.length + test.x.length, 90);
  });

  it('a 2-16-2 network on moons reaches > 95% training accuracy with the example’s settings', () => {
    const example = path.resolve(__dirname, '../../../examples/moons-network.ts');
    const loss = compileLoss(readFileSync(example, 'utf8'), example);
    const r = trainLoss(loss, {});
    const moons = datasets.moons({ n: 200, noise: 0.1, seed: 1 });
    const model = nn.sequential(nn.linear(2, 16), nn.tanh(), nn.linear(16, 2));
    const acc = nn.accuracy(model.predict(r.params[r.params.length - 1], moons.x), moons.y);
    assert.ok(acc > 0.95, `accuracy ${acc}`);
  });
});

/** A 1×n tensor whose entries are the given Vars (test helper: logits as parameters). */
class TensorFromVars extends Tensor {
  constructor(p: unknown[]) {
    const t = paramTensor(p, 0, 1, p.length);
    super(t.data, 1, p.length);
    this.grad = t.grad;
  }
}
