import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

describe('after a window reload', () => {
  it('the loss panel opened before the reload is restored by its serializer', async () => {
    const deadline = Date.now() + 15_000;
    const find = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('gdTutor.lossPanel'));
    while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok(find(), 'a gdTutor.lossPanel tab is back');
    // Restoring it activated the extension (onWebviewPanel:gdTutor.lossPanel) …
    const ext = vscode.extensions.getExtension('gdtutor.gradient-descent-tutor');
    for (let i = 0; i < 50 && !ext?.isActive; i++) await new Promise((r) => setTimeout(r, 200));
    assert.equal(ext?.isActive, true);
    // … and the command still shows the same single panel rather than a second one.
    await vscode.commands.executeCommand('gdTutor.openLossPanel');
    const panels = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('gdTutor.lossPanel'));
    assert.equal(panels.length, 1);
  });
});
