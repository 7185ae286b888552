import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

/**
 * The teaching views (#6) in the real editor, through the extension's API (the same code path as
 * their commands): each view on an example file gets the facts the seed notes teach.
 */
interface RunResult {
  params: number[][];
  losses: number[];
  options: Record<string, unknown> & { init: number[]; optimizer: string; learningRate: number; steps: number };
}
type Analysis =
  | { analysis: 'race'; rows: Array<{ label: string; run: RunResult; stepsToTolerance?: number; finalLoss: number | null }> }
  | { analysis: 'restarts'; result: { basins: Array<{ point: number[]; loss: number }>; map?: { basin: number[][] } } }
  | {
      analysis: 'sweep';
      result: { boundary: { stable?: number; diverged?: number }; points: Array<{ learningRate: number; outcome: string }> };
    }
  | { analysis: 'curvature'; result: { stationary: Array<{ point: number[]; kind: string; eigenvalues: number[] }> } }
  | { analysis: 'whyIterate'; result: { newton: { point: number; slope: number }; grid: { evaluations: number } } }
  | {
      analysis: 'batchSizes';
      result: {
        samples: number;
        rows: Array<{ batchSize: number; fullBatch: boolean; run: RunResult; samples: number; finalLoss: number | null }>;
      };
    };
interface Api {
  train(file: vscode.Uri, options?: object): Promise<RunResult | undefined>;
  analyze(file: vscode.Uri, analysis: string, request?: object): Promise<Analysis | undefined>;
  lastDiagnosis(file: vscode.Uri): Array<{ code: string; ko: string; glossary: string }> | undefined;
}

describe('teaching views on the examples (real VS Code)', function () {
  this.timeout(120_000);
  const api = async () => (vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>).activate();
  const example = (name: string) =>
    vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'examples', name);
  const panelOpen = () =>
    vscode.window.tabGroups.all.some((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('gdTutor.lossPanel')),
    );

  it('random restarts on himmelblau.ts reach all four minima', async () => {
    const r = await (await api()).analyze(example('himmelblau.ts'), 'restarts', { count: 24, seed: 1, mapGrid: 12 });
    assert.ok(r && r.analysis === 'restarts');
    const minima = [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ];
    assert.equal(r.result.basins.length, 4);
    for (const m of minima)
      assert.ok(
        r.result.basins.some((b) => Math.hypot(b.point[0] - m[0], b.point[1] - m[1]) < 1e-3),
        `minimum ${m}`,
      );
    assert.equal(new Set(r.result.map?.basin.flat()).size, 4);
    assert.ok(panelOpen());
  });

  it('the learning-rate sweep on quadratic.ts finds the divergence boundary η = 1 within one grid step', async () => {
    const r = await (await api()).analyze(example('quadratic.ts'), 'sweep', { from: 1e-3, to: 10, count: 25 });
    assert.ok(r && r.analysis === 'sweep');
    const { stable, diverged } = r.result.boundary;
    assert.ok(stable !== undefined && diverged !== undefined && stable <= 1 && diverged > 1, JSON.stringify(r.result.boundary));
    assert.ok(diverged / stable <= 10 ** (4 / 24) * (1 + 1e-12));
  });

  it('saddle.ts has one stationary point, at (0, 0), and it is a saddle', async () => {
    const r = await (await api()).analyze(example('saddle.ts'), 'curvature', { grid: 12 });
    assert.ok(r && r.analysis === 'curvature');
    assert.equal(r.result.stationary.length, 1);
    assert.equal(r.result.stationary[0].kind, 'saddle');
    assert.ok(Math.hypot(...r.result.stationary[0].point) < 1e-12);
  });

  it("Newton's method solves the quadratic in one step (a training run and the why-iterate view)", async () => {
    const a = await api();
    const run = await a.train(example('quadratic.ts'), { optimizer: 'newton', learningRate: 1, steps: 1 });
    assert.deepEqual(run?.params, [[-2], [3]]);
    const why = await a.analyze(example('quadratic.ts'), 'whyIterate');
    assert.ok(why && why.analysis === 'whyIterate');
    assert.equal(why.result.newton.point, 3);
    assert.equal(why.result.newton.slope, 0);
  });

  it('the optimizer race table agrees with separate single runs', async () => {
    const a = await api();
    const r = await a.analyze(example('rosenbrock.ts'), 'race', { options: { steps: 40 } });
    assert.ok(r && r.analysis === 'race');
    assert.equal(r.rows.length, 9);
    for (const row of r.rows) {
      const single = await a.train(example('rosenbrock.ts'), { ...row.run.options });
      assert.deepEqual(single?.params, row.run.params, row.label);
      assert.deepEqual(
        single?.losses.map((l) => (Number.isFinite(l) ? l : null)),
        row.run.losses.map((l) => (Number.isFinite(l) ? l : null)),
        row.label,
      );
    }
  });

  it('a diverged run is diagnosed with the largest stable learning rate and a glossary link', async () => {
    const a = await api();
    await a.train(example('learning-rate.ts'));
    const findings = a.lastDiagnosis(example('learning-rate.ts'));
    assert.equal(findings?.[0]?.code, 'diverged');
    assert.equal(findings?.[0]?.glossary, 'divergence');
    assert.match(findings?.[0]?.ko ?? '', /발산/);
  });

  it('mini-batch vs full batch on moons-network.ts: four runs from one start, each equal to a single run with its batchSize', async () => {
    const a = await api();
    const r = await a.analyze(example('moons-network.ts'), 'batchSizes', { options: { steps: 30 } });
    assert.ok(r && r.analysis === 'batchSizes');
    assert.deepEqual(
      r.result.rows.map((row) => row.batchSize),
      [200, 32, 8, 1],
    );
    assert.deepEqual(
      r.result.rows.map((row) => row.samples),
      [6000, 960, 240, 30],
    );
    for (const row of r.result.rows.slice(1, 3)) {
      const single = await a.train(example('moons-network.ts'), { steps: 30, batchSize: row.batchSize });
      assert.deepEqual(single?.params, row.run.params, `batch ${row.batchSize}`);
    }
    assert.ok(panelOpen());
    // The command is contributed and runs on the active editor.
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('gdTutor.compareBatchSizes'));
  });
});
