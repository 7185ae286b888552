/**
 * Issue 18's bar: the glossary hover in the browser. Fails until the browser entry registers the
 * hover providers.
 */
import * as vscode from 'vscode';
import { match, ok } from './check';
import { extension, until, workspaceFile } from './helpers';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) as vscode.Hover[];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Korean hovers in the browser', () => {
  it('hover-sample.ts: `learningRate` gets the Korean glossary hover (학습률)', async () => {
    await extension().activate();
    const uri = workspaceFile('hover-sample.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.getText().indexOf('learningRate');
    ok(at >= 0, 'hover-sample.ts has no learningRate');
    const position = doc.positionAt(at + 2);
    // Other hover providers (TypeScript's) may answer first: wait briefly for ours.
    const text = await until(
      () => hoverText(uri, position),
      (t) => /학습률/.test(t),
      5_000,
    );
    match(text, /학습률/, 'the hovers on learningRate');
    match(text, /[가-힣]{4,}/, 'the hover explains in Korean');
  });
});
