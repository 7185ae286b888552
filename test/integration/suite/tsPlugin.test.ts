import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

/**
 * The TypeScript server plugin (ts-plugin/, contributes.typescriptServerPlugins) in the real
 * editor: VS Code's own TypeScript service resolves `import … from 'gdtutor'` to the extension's
 * declarations — go-to-definition lands in dist/types, and no "Cannot find module" appears.
 */
describe('the gdtutor module in the learner’s editor (TypeScript server plugin)', function () {
  this.timeout(120_000);

  it('resolves nn in examples/moons-network.ts to the shipped declarations, with no "Cannot find module"', async () => {
    const folder = (vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'examples', 'moons-network.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes("from 'gdtutor'"));
    assert.ok(line >= 0, 'the example imports gdtutor');
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('nn') + 1);
    // The TypeScript server starts on first use: ask until it answers (or the test times out).
    let targets: string[] = [];
    for (let attempt = 0; attempt < 100 && !targets.some((t) => t.includes('/dist/types/')); attempt++) {
      const found =
        (await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, at)) ??
        [];
      targets = found.map((l) => ('targetUri' in l ? l.targetUri : l.uri).path);
      if (!targets.some((t) => t.includes('/dist/types/'))) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(
      targets.some((t) => /\/dist\/types\/nn\/index\.d\.ts$/.test(t)),
      `definition of nn: ${targets.join(', ') || 'none'}`,
    );
    const missing = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'ts' && String(typeof d.code === 'object' ? d.code.value : d.code) === '2307');
    assert.deepEqual(
      missing.map((d) => d.message),
      [],
    );
  });
});
