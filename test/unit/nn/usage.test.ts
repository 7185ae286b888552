/**
 * What an evaluation used of the nn library (recording.ts `nnUsed`, read by nn/usage.ts): each
 * evaluation — value and gradient, value only, each Hessian pass — starts it empty, and it stays
 * readable after the evaluation ends.
 */
import { strict as assert } from 'node:assert';
import { nn } from '../../../src/engine/gdtutor';
import { hessian, value0, valueAndGrad, type ParamShape } from '../../../src/engine/evaluate';
import { lastUsage } from '../../../src/engine/nn/usage';
import { mul } from '../../../src/engine/runtime';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { exportNetwork } from '../../../src/teaching/networkExport';

const model = nn.sequential(nn.linear(2, 3), nn.tanh(), nn.linear(3, 1));
const shape: ParamShape = { kind: 'array', length: model.parameterCount };
const params = model.init(1);
const network = (p: unknown) =>
  nn.mse(
    model.forward(p as ArrayLike<unknown>, [
      [0.5, -1],
      [1, 2],
    ]),
    [1, -1],
  );
const square = (p: unknown) => mul((p as unknown[])[0], (p as unknown[])[0]);

const NETWORK_FILE = `import { nn } from 'gdtutor';
const model = nn.sequential(nn.linear(2, 4), nn.tanh(), nn.linear(4, 2));
export const init = model.init(0);
export function loss(p: number[]) {
  return nn.crossEntropy(model.forward(p, [[0.5, -1], [1, 2]]), [0, 1]);
}`;
const PLAIN_FILE = 'export function loss(w: number) { return (w - 3) ** 2; }';

describe('nn usage: what the last evaluation used of the nn library', () => {
  it('is readable after a value-and-gradient, a value-only and a failed Hessian evaluation', () => {
    valueAndGrad(network, params, shape);
    assert.equal(lastUsage().model, model);
    assert.equal(lastUsage().loss, 'mse');
    value0(square, [2], { kind: 'scalar' });
    value0(network, params, shape);
    assert.deepEqual(lastUsage(), { model, loss: 'mse' });
    // Hyper-duals do not flow through tensors: the pass fails, after forward said what it used.
    assert.throws(() => hessian(network, params, shape), TypeError);
    assert.equal(lastUsage().model, model);
  });

  it('starts empty in every kind of evaluation: one without a network reports none', () => {
    for (const plain of [
      () => valueAndGrad(square, [2], { kind: 'scalar' }),
      () => value0(square, [2], { kind: 'scalar' }),
      () => hessian(square, [2], { kind: 'scalar' }),
    ]) {
      valueAndGrad(network, params, shape);
      assert.equal(lastUsage().model, model);
      plain();
      assert.deepEqual(lastUsage(), { model: undefined, loss: undefined });
    }
  });

  it('a file that stopped using a network is not reported with the one it used before', () => {
    compileLoss(NETWORK_FILE, 'net.ts');
    assert.equal(lastUsage().model?.parameterCount, 22);
    assert.equal(lastUsage().loss, 'crossEntropy');
    compileLoss(PLAIN_FILE, 'plain.ts');
    assert.equal(lastUsage().model, undefined);
    // The export evaluates the file once itself: a network used before it is not exported.
    const options = { optimizer: 'sgd', learningRate: 0.1 };
    const { json } = exportNetwork(NETWORK_FILE, 'net.ts', { initial: new Array(22).fill(0.1), trained: new Array(22).fill(0.2), options });
    assert.equal(json.loss, 'crossEntropy');
    assert.throws(
      () => exportNetwork(PLAIN_FILE, 'plain.ts', { initial: [0], trained: [1], options }),
      (e: unknown) => e instanceof LearnerError && e.code === 'noNetwork',
    );
  });
});
