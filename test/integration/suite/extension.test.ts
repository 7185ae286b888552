import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'gdtutor.gradient-descent-tutor';

describe('extension', () => {
  it('activates and registers every command its manifest declares', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    const declared: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(declared.length >= 5);
    assert.deepEqual(
      declared.filter((c) => !registered.has(c)),
      [],
    );
  });

  it('opens the loss panel as a webview beside the editor', async () => {
    await vscode.commands.executeCommand('gdTutor.openLossPanel');
    const deadline = Date.now() + 10_000;
    let found = false;
    while (!found && Date.now() < deadline) {
      found = vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('gdTutor.lossPanel')),
      );
      if (!found) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(found, 'a gdTutor.lossPanel webview tab is open');
  });
});
