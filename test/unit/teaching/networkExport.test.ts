/**
 * Export of the learner's network (#7) as JSON and as a PyTorch script. The script is parsed with
 * Python's own `ast` (architecture and weights read back), and where PyTorch is installed (CI:
 * Debian's python3-torch) it is run: its loss with the exported initial and trained weights must
 * equal the tutor's to 1e-12.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { exportNetwork } from '../../../src/teaching/networkExport';
import { trainTestSplit } from '../../../src/engine/trainTestSplit';

const FILE = path.resolve(__dirname, '../../../examples/moons-network.ts');
const PYTHON = '/usr/bin/python3';

function python(code: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('network export: JSON and an equivalent PyTorch script', function () {
  this.timeout(180_000);
  const source = readFileSync(FILE, 'utf8');
  const loss = compileLoss(source, FILE);
  const run = trainLoss(loss, { steps: 40 });
  const initial = run.options.init;
  const trained = run.params[run.params.length - 1];
  const { json, pytorch } = exportNetwork(source, FILE, { initial, trained, options: run.options });

  it('JSON: the architecture, both weight sets in nn.Linear layout, the loss and torch.optim settings', () => {
    assert.deepEqual(
      json.initial.map((l) => [l.kind, l.inputs, l.outputs]),
      [
        ['linear', 2, 16],
        ['tanh', undefined, undefined],
        ['linear', 16, 2],
      ],
    );
    assert.equal(json.loss, 'crossEntropy');
    assert.equal(json.optimizer.torch, 'torch.optim.Adam(model.parameters(), lr=0.05)');
    // Flattened back, the layers are the parameter vector itself.
    const flat = (layers: typeof json.initial) => layers.flatMap((l) => (l.weight ? [...l.weight.flat(), ...(l.bias ?? [])] : []));
    assert.deepEqual(flat(json.initial), initial);
    assert.deepEqual(flat(json.trained), trained);
    assert.equal(json.data?.x.length, 200);
  });

  it('the script parses, and states the same architecture and weights (read back with Python’s ast)', function () {
    if (!existsSync(PYTHON)) this.skip();
    const probe = `
import ast, json, sys
tree = ast.parse(sys.stdin.read() if False else ${JSON.stringify(pytorch)})
calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, 'attr', '') in ('Linear', 'Tanh')]
linear = [[a.value for a in c.args] for c in calls if c.func.attr == 'Linear']
assign = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
initial = {k.value: ast.literal_eval(v.args[0]) for k, v in zip(assign['INITIAL'].keys, assign['INITIAL'].values)}
print(json.dumps({'linear': linear, 'tanh': sum(1 for c in calls if c.func.attr == 'Tanh'), 'initial': initial}))
`;
    const r = python(probe);
    assert.equal(r.status, 0, r.stderr);
    const read = JSON.parse(r.stdout) as { linear: number[][]; tanh: number; initial: Record<string, number[] | number[][]> };
    assert.deepEqual(read.linear, [
      [2, 16],
      [16, 2],
    ]);
    assert.equal(read.tanh, 1);
    assert.deepEqual(read.initial['0.weight'], json.initial[0].weight);
    assert.deepEqual(read.initial['2.bias'], json.initial[2].bias);
  });

  it('run by PyTorch, the network gives the tutor’s loss with the initial and the trained weights (1e-12)', function () {
    if (!existsSync(PYTHON) || python('import torch').status !== 0) this.skip();
    // Loaded as a module (not __main__), so its training loop does not run.
    const r = python(`
import json
ns = {'__name__': 'exported'}
exec(compile(${JSON.stringify(pytorch)}, 'exported.py', 'exec'), ns)
torch, model, loss_fn, X, Y = ns['torch'], ns['model'], ns['loss_fn'], ns['X'], ns['Y']
with torch.no_grad():
    a = loss_fn(model(X), Y).item()
    model.load_state_dict(ns['TRAINED'])
    b = loss_fn(model(X), Y).item()
print(json.dumps([a, b]))
`);
    assert.equal(r.status, 0, r.stderr);
    const [atInitial, atTrained] = JSON.parse(r.stdout.trim().split('\n').pop() as string) as number[];
    const ours = [loss.value(initial), loss.value(trained)];
    assert.ok(Math.abs(atInitial - ours[0]) <= 1e-12 * ours[0], `${atInitial} vs ${ours[0]}`);
    assert.ok(Math.abs(atTrained - ours[1]) <= 1e-12 * ours[1], `${atTrained} vs ${ours[1]}`);
    assert.ok(ours[1] < ours[0], 'training lowered the loss');
  });

  it('with testSplit: the training side as X, Y and the held-out samples as X_test, Y_test — the run’s own split', function () {
    const run2 = trainLoss(loss, { steps: 20, testSplit: 0.25 });
    const trained2 = run2.params[run2.params.length - 1];
    const split = exportNetwork(source, FILE, { initial: run2.options.init, trained: trained2, options: run2.options });
    assert.equal(split.json.data?.x.length, 150);
    assert.equal(split.json.testData?.x.length, 50);
    assert.ok(run2.test);
    assert.match(split.pytorch, /^X_test = torch\.tensor\(/m);
    assert.match(split.pytorch, /print\(f"validation loss/);
    if (!existsSync(PYTHON) || python('import torch').status !== 0) return;
    const r = python(`
import json
ns = {'__name__': 'exported'}
exec(compile(${JSON.stringify(split.pytorch)}, 'exported.py', 'exec'), ns)
torch, model, loss_fn = ns['torch'], ns['model'], ns['loss_fn']
with torch.no_grad():
    model.load_state_dict(ns['TRAINED'])
    print(json.dumps([loss_fn(model(ns['X']), ns['Y']).item(), loss_fn(model(ns['X_test']), ns['Y_test']).item()]))
`);
    assert.equal(r.status, 0, r.stderr);
    const [train, test] = JSON.parse(r.stdout.trim().split('\n').pop() as string) as number[];
    // The example trains on mini-batches, so compare with the whole training side's loss.
    const ourTrain = loss.value(trained2, trainTestSplit(loss.data as unknown[], 0.25, run2.options.seed).train);
    assert.ok(Math.abs(train - ourTrain) <= 1e-12 * ourTrain, `${train} vs ${ourTrain}`);
    const ourTest = run2.test.losses[run2.test.losses.length - 1];
    assert.ok(Math.abs(test - ourTest) <= 1e-12 * ourTest, `${test} vs ${ourTest}`);
  });
});
