import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

interface Api {
  train(file: vscode.Uri): Promise<unknown>;
  lastRun(file: vscode.Uri): unknown;
}

describe('untrusted workspace', () => {
  it('is really untrusted in this run', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('refuses to train (the check is in the command itself) and runs nothing', async () => {
    const api = (await vscode.extensions.getExtension('gdtutor.gradient-descent-tutor')?.activate()) as Api;
    const uri = vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'quadratic.ts');
    assert.equal(await api.train(uri), undefined);
    await vscode.window.showTextDocument(uri);
    assert.equal(await vscode.commands.executeCommand('gdTutor.trainCurrentFile'), undefined);
    assert.equal(api.lastRun(uri), undefined);
  });
});

describe('untrusted workspace: what still works', () => {
  it('Korean hovers', async () => {
    const uri = vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'hover-sample.ts');
    await vscode.workspace.openTextDocument(uri);
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(0, 8))) as vscode.Hover[];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /학습률/);
  });
});
