import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

/**
 * Networks (#7) in the real editor: examples/moons-network.ts trained with its own default
 * settings classifies at least 95% of its training points, and the exported PyTorch script states
 * the same architecture and weights (read back from its text).
 */
interface Layer {
  kind: string;
  inputs?: number;
  outputs?: number;
  weight?: number[][];
  bias?: number[];
}
interface Api {
  train(
    file: vscode.Uri,
    options?: object,
  ): Promise<
    | {
        params: number[][];
        losses: number[];
        options: { init: number[]; initSeed?: number };
        test?: { trainSize: number; testSize: number; steps: number[]; losses: number[] };
      }
    | undefined
  >;
  lastDiagnosis(file: vscode.Uri): Array<{ code: string; ko: string; glossary: string }> | undefined;
  exportNetwork(
    file: vscode.Uri,
  ): Promise<{ json: { initial: Layer[]; trained: Layer[]; data?: { x: number[][]; y: number[] } }; pytorch: string } | undefined>;
}

/** The exported network's forward pass (linear / tanh), as PyTorch would compute it. */
function forward(layers: Layer[], x: number[]): number[] {
  let h = x;
  for (const l of layers) {
    if (l.kind === 'linear') h = (l.weight as number[][]).map((row, o) => row.reduce((s, w, i) => s + w * h[i], (l.bias as number[])[o]));
    else if (l.kind === 'tanh') h = h.map(Math.tanh);
  }
  return h;
}

describe('networks: training and export (real VS Code)', function () {
  this.timeout(120_000);

  it('two moons: ≥ 95% training accuracy with the example’s defaults; the PyTorch script states the same network', async () => {
    const api = await (vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>).activate();
    const uri = vscode.Uri.joinPath(
      (vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri,
      'examples',
      'moons-network.ts',
    );
    const run = await api.train(uri);
    assert.ok(run);
    const exported = await api.exportNetwork(uri);
    assert.ok(exported?.json.data);
    const { x, y } = exported.json.data;
    // The trained weights are the run's last parameters, layer by layer.
    assert.deepEqual(
      exported.json.trained.flatMap((l) => (l.weight ? [...l.weight.flat(), ...(l.bias ?? [])] : [])),
      run.params[run.params.length - 1],
    );
    const right = x.filter((xi, i) => {
      const out = forward(exported.json.trained, xi);
      return (out[1] > out[0] ? 1 : 0) === y[i];
    }).length;
    assert.ok(right / x.length >= 0.95, `training accuracy ${right / x.length}`);

    const script = exported.pytorch;
    assert.match(script, /^model = nn\.Sequential\(nn\.Linear\(2, 16\), nn\.Tanh\(\), nn\.Linear\(16, 2\)\)$/m);
    assert.match(script, /^loss_fn = nn\.CrossEntropyLoss\(\)$/m);
    assert.match(script, /^optimizer = torch\.optim\.Adam\(model\.parameters\(\), lr=0\.05\)$/m);
    // The INITIAL block's first weight matrix, parsed back from the script text.
    const m = /'0\.weight': torch\.tensor\((\[\[.*?\]\])\)/.exec(script.slice(script.indexOf('INITIAL = {')));
    assert.ok(m);
    assert.deepEqual(JSON.parse(m[1]), exported.json.initial[0].weight);
  });

  it('train and test: examples/overfitting.ts holds out half its data; the held-out loss turns up and the diagnosis says 과적합', async () => {
    const api = await (vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>).activate();
    const uri = vscode.Uri.joinPath(
      (vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri,
      'examples',
      'overfitting.ts',
    );
    const run = await api.train(uri, { steps: 400 });
    assert.ok(run?.test, 'the run has a held-out side');
    assert.equal(run.test.trainSize, 50);
    assert.equal(run.test.testSize, 50);
    assert.equal(run.test.steps[run.test.steps.length - 1], 400);
    const best = Math.min(...run.test.losses);
    const end = run.test.losses[run.test.losses.length - 1];
    assert.ok(
      end > 1.2 * best && run.losses[run.losses.length - 1] < best,
      `test ${best} → ${end}, training ${run.losses[run.losses.length - 1]}`,
    );
    const findings = api.lastDiagnosis(uri);
    assert.equal(findings?.[0]?.code, 'overfitting', JSON.stringify(findings));
    assert.match(findings[0].ko, /^과적합입니다/);
  });

  it('a re-rolled start (initSeed, the panel’s “new random start”): the network’s model.init(seed), repeatable, and it still learns', async () => {
    const api = await (vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>).activate();
    const uri = vscode.Uri.joinPath(
      (vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri,
      'examples',
      'moons-network.ts',
    );
    const file = await api.train(uri, { steps: 0 });
    const a = await api.train(uri, { initSeed: 11, steps: 200 });
    const b = await api.train(uri, { initSeed: 11, steps: 0 });
    const c = await api.train(uri, { initSeed: 12, steps: 0 });
    assert.ok(file && a && b && c);
    assert.equal(a.options.initSeed, 11);
    assert.deepEqual(a.options.init, b.options.init);
    assert.notDeepEqual(a.options.init, file.options.init);
    assert.notDeepEqual(a.options.init, c.options.init);
    // PyTorch's default init scale: every first-layer weight within ±1/√2.
    assert.ok(a.options.init.slice(0, 32).every((w) => Math.abs(w) <= 1 / Math.SQRT2));
    assert.ok(a.losses[a.losses.length - 1] < a.losses[0] / 5, `loss ${a.losses[0]} → ${a.losses[a.losses.length - 1]}`);
  });
});
