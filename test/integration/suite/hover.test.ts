import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const cases: Array<[string, number, RegExp]> = [
  ['hover-sample.ts', 8, /학습률/],
  ['hover-sample.js', 5, /경사 하강법/],
  ['hover-sample.py', 12, /기울기 초기화/],
  ['hover-sample.md', 1, /안장점/],
];

describe('Korean hovers', () => {
  before(async () => {
    await vscode.extensions.getExtension('gdtutor.gradient-descent-tutor')?.activate();
  });
  for (const [file, character, expected] of cases) {
    it(`${file}: our hover explains the term in Korean`, async () => {
      const uri = vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, file);
      await vscode.workspace.openTextDocument(uri);
      const hovers = (await vscode.commands.executeCommand(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(0, character),
      )) as vscode.Hover[];
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, expected);
      assert.match(text, /[가-힣]{4,}/);
    });
  }

  it('the demo link command opens and trains the example', async () => {
    const before = vscode.workspace.textDocuments.length;
    await vscode.commands.executeCommand('gdTutor.openExample', 'quadratic.ts');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && doc.isUntitled && /export function loss/.test(doc.getText()), 'an unsaved copy of the example is open');
    assert.ok(vscode.workspace.textDocuments.length > before);
  });
});

describe('hover links and notebooks', () => {
  it('the hover’s demo link runs our command and opens the example', async () => {
    const uri = vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'hover-sample.md');
    await vscode.workspace.openTextDocument(uri);
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(0, 1))) as vscode.Hover[];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const link = text.match(/\(command:(gdTutor\.openExample)\?([^)]+)\)/);
    assert.ok(link, 'the hover has a demo link');
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    await vscode.commands.executeCommand(link[1], ...args);
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc?.isUntitled && doc.getText().includes('안장점'), 'the saddle example is open');
  });

  it('a Python notebook cell gets the Korean hover', async () => {
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'learning_rate = 0.01\noptimizer.zero_grad()', 'python'),
    ]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    const cell = notebook.cellAt(0).document;
    assert.equal(cell.languageId, 'python');
    const hovers = (await vscode.commands.executeCommand(
      'vscode.executeHoverProvider',
      cell.uri,
      new vscode.Position(0, 3),
    )) as vscode.Hover[];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /학습률/);
  });
});

describe('live values in hovers after a run', () => {
  it('hovering a parameter and the learning rate shows what the last run did', async () => {
    const uri = vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'quadratic.ts');
    const api = (await vscode.extensions.getExtension('gdtutor.gradient-descent-tutor')?.activate()) as {
      train(u: vscode.Uri): Promise<unknown>;
    };
    assert.ok(await api.train(uri));
    const text = async (line: number, character: number) =>
      ((await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, character))) as vscode.Hover[])
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
    // line 2: "  return (w - 3) ** 2;" — the parameter w
    assert.match(await text(2, 10), /지난 학습.*`w` = -2\.0000 에서 시작해 2\.9/);
    // line 6: "export const config = { optimizer: 'sgd', learningRate: 0.1, steps: 30 };"
    assert.match(await text(6, 45), /지난 학습.*학습률 η = 0\.1/);
  });
});
