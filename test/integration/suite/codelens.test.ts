import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';

interface RunResult {
  params: number[][];
  losses: number[];
}

describe('CodeLens above the exported loss', () => {
  it('offers ▶ 학습 and 📈 손실 곡면 on the loss line, and training through it matches the CLI', async () => {
    const ext = vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<unknown>;
    await ext.activate();
    const uri = vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'quadratic.ts');
    await vscode.window.showTextDocument(uri);
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri)) as vscode.CodeLens[];
    const ours = lenses.filter((l) => l.command?.command.startsWith('gdTutor.'));
    assert.deepEqual(
      ours.map((l) => l.command?.title),
      ['▶ 학습', '📈 손실 곡면'],
    );
    assert.equal(ours[0].range.start.line, 1, 'on the `export function loss` line');
    const train = ours[0].command as vscode.Command;
    const started = Date.now();
    const result = (await vscode.commands.executeCommand(train.command, ...(train.arguments ?? []))) as RunResult;
    // Measured, not asserted: command → finished 30-step run, worker start-up included.
    console.log(`[measure] CodeLens train of quadratic.ts (30 steps) took ${Date.now() - started} ms`);
    const cli = JSON.parse(
      execFileSync(process.execPath, [path.join(ext.extensionPath, 'dist', 'cli.js'), 'train', uri.fsPath, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      }),
    ) as RunResult;
    assert.deepEqual(result.params, cli.params);
    assert.deepEqual(result.losses, cli.losses);
  });
});
