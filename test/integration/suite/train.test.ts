import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { tutorDiagnostics, workspaceFolder } from './workspaceHelpers';
import { remedyOptions } from '../../../src/commands/remedy';
// The legend shows η as every number in the panel is shown.
import { formatNumber } from '../../../src/webview/numberFormat';

interface RunResult {
  params: number[][];
  losses: number[];
  stoppedAt?: number;
  reason?: string;
}
interface PanelSnapshot {
  legend: string[];
  settings: { optimizer: string; learningRate: number; steps: number; init?: number[]; batchSize?: number; tolerance?: number };
  status: string;
}
interface Finding {
  code: string;
  remedy?: { cli: string[]; outcome: { finalLoss: number; steps: number } };
}
interface Api {
  train(file: vscode.Uri, options?: object): Promise<RunResult | undefined>;
  lastRun(file: vscode.Uri): RunResult | undefined;
  lastDiagnosis(file: vscode.Uri): Finding[] | undefined;
  panelState(): Promise<PanelSnapshot | undefined>;
}

const ext = () => vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>;
const workspace = workspaceFolder;
const file = (name: string) => vscode.Uri.joinPath(workspace(), name);

function cli(...args: string[]): RunResult {
  const root = ext().extensionPath;
  return JSON.parse(
    execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    }),
  );
}

const diagnosticsOf = (uri: vscode.Uri, timeoutMs = 20_000) => tutorDiagnostics(uri, timeoutMs);

describe('training from the editor', () => {
  let api: Api;
  before(async () => {
    api = await ext().activate();
  });

  it('trains a file through the API with the same numbers as the CLI', async () => {
    const uri = file('quadratic.ts');
    const result = await api.train(uri);
    assert.ok(result, 'the run returns a result');
    const expected = cli('train', uri.fsPath, '--json');
    assert.deepEqual(result.params, expected.params);
    assert.deepEqual(result.losses, expected.losses);
    assert.equal(result.params.length, 31, 'steps + 1 rows');
  });

  it('trains the active editor by command, with its unsaved text, and leaves the file unchanged', async () => {
    const uri = file('rosenbrock.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) =>
      e.replace(new vscode.Range(5, 0, 5, 200), "export const config = { optimizer: 'adam', learningRate: 0.05, steps: 20 };"),
    );
    const result = (await vscode.commands.executeCommand('gdTutor.trainCurrentFile')) as RunResult;
    assert.equal(result.params.length, 21, 'the unsaved config (20 steps) was used');
    assert.deepEqual(api.lastRun(uri)?.params, result.params);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(onDisk, before, 'the file on disk is not modified');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('labels the panel with the settings the run used: rosenbrock.ts’s config (adam, η = 0.05, 2000 steps)', async () => {
    const uri = file('examples/rosenbrock.ts');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = (await vscode.commands.executeCommand('gdTutor.trainCurrentFile')) as RunResult;
    assert.equal(result.params.length, 2001, 'the config’s 2000 steps ran');
    const state = await api.panelState();
    assert.ok(state, 'the panel reports what it shows');
    assert.equal(state.legend[state.legend.length - 1], 'rosenbrock.ts · adam · η=0.05', JSON.stringify(state.legend));
    assert.deepEqual({ ...state.settings, init: undefined }, { optimizer: 'adam', learningRate: 0.05, steps: 2000, init: undefined });
  });

  it('a file with no step count anywhere stops at convergence; the panel says at which step, and Run again does the same', async () => {
    const uri = file('converges.ts');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = (await vscode.commands.executeCommand('gdTutor.trainCurrentFile')) as RunResult;
    assert.equal(result.reason, 'converged', JSON.stringify({ reason: result.reason, stoppedAt: result.stoppedAt }));
    assert.ok(result.stoppedAt !== undefined && result.stoppedAt < 300, String(result.stoppedAt));
    assert.deepEqual(result.params, cli('train', uri.fsPath, '--json').params, 'the same run as the CLI with no --steps');
    const state = await api.panelState();
    assert.ok(state);
    assert.match(
      state.status,
      new RegExp(`^(수렴했습니다|Converged) \\((${result.stoppedAt} 스텝에서|at step ${result.stoppedAt})\\)$`),
      state.status,
    );
    assert.ok(state.settings.tolerance !== undefined && state.settings.steps >= result.stoppedAt, JSON.stringify(state.settings));
    // "Run again" from the panel (the settings it shows, untouched) stops at the same step.
    const again = await api.train(uri, state.settings);
    assert.equal(again?.stoppedAt, result.stoppedAt);
  });

  it('trains with a diagnosis’ remedy: the run reaches the promised loss, and the panel names its settings', async () => {
    const uri = file('examples/learning-rate.ts');
    assert.ok(await api.train(uri), 'η = 1.05 diverges but finishes');
    const remedy = api.lastDiagnosis(uri)?.find((f) => f.remedy)?.remedy;
    assert.ok(remedy, JSON.stringify(api.lastDiagnosis(uri)));
    const options = remedyOptions(remedy.cli);
    const again = await api.train(uri, options);
    assert.ok(again);
    assert.equal(again.losses[again.losses.length - 1], remedy.outcome.finalLoss, remedy.cli.join(' '));
    const state = await api.panelState();
    assert.ok(state);
    assert.equal(state.settings.learningRate, options.learningRate ?? 1.05);
    assert.equal(state.settings.steps, options.steps ?? 60);
    assert.equal(
      state.legend[state.legend.length - 1],
      `learning-rate.ts · ${state.settings.optimizer} · η=${formatNumber(state.settings.learningRate)}`,
    );
  });

  it('puts a syntax error on the right line as a diagnostic, and clears it after a good run', async () => {
    const uri = file('syntax-error.ts');
    assert.equal(await api.train(uri), undefined);
    const [d] = await diagnosticsOf(uri);
    assert.ok(d, 'a diagnostic is shown');
    assert.equal(d.range.start.line, 1, 'on line 2 (0-based 1)');
    assert.match(d.message, /문법 오류/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    // Fix the line in the editor (unsaved) and train again: the diagnostic goes away.
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.replace(new vscode.Range(1, 0, 1, 200), '  const a = w - 3;'));
    assert.ok(await vscode.commands.executeCommand('gdTutor.trainCurrentFile'), 'the fixed file trains');
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'gdTutor'),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('maps an exception thrown inside a helper to the helper’s line', async () => {
    const uri = file('throws.ts');
    assert.equal(await api.train(uri), undefined);
    const [d] = await diagnosticsOf(uri);
    assert.ok(d);
    assert.equal(d.range.start.line, 1, 'the throw is on line 2');
    assert.match(d.message, /boom/);
  });

  it('stops an infinite loop with gdTutor.stopTraining, and the next run works', async () => {
    const uri = file('infinite.ts');
    const running = api.train(uri);
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('gdTutor.stopTraining');
    const started = Date.now();
    assert.equal(await running, undefined, 'the cancelled run gives no result');
    assert.ok(Date.now() - started < 10_000, 'cancel ends the run within moments');
    const next = await api.train(file('quadratic.ts'));
    assert.ok(next && next.params.length === 31, 'the next run works');
  });
});
