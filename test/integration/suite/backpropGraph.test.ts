import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

/**
 * The backprop graph (#7) in the real editor: the graph of examples/rosenbrock.ts at a given point
 * has the expected nodes, its parameters' adjoints are the engine's gradient, and revealing a node
 * (what a click in the panel does) selects exactly its expression in the editor.
 */
interface GraphNode {
  id: number;
  kind: string;
  label: string;
  adjoint: number;
  range?: { start: number; end: number };
}
interface Api {
  backpropGraph(
    file: vscode.Uri,
    at?: number[],
  ): Promise<{ nodes: GraphNode[]; edges: unknown[]; gradient: number[]; tapeNodes: number } | undefined>;
}

describe('backprop graph in the editor (real VS Code)', function () {
  this.timeout(60_000);
  const example = (name: string) =>
    vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'examples', name);

  it('Rosenbrock at (0.5, −0.5): 9 nodes, the parameters’ adjoints are the gradient, a node reveals its expression', async () => {
    const api = await (vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>).activate();
    const uri = example('rosenbrock.ts');
    const g = await api.backpropGraph(uri, [0.5, -0.5]);
    assert.ok(g);
    assert.equal(g.tapeNodes, 9);
    assert.equal(g.nodes.length, 9);
    // ∂/∂x = −2(1 − x) − 400x(y − x²), ∂/∂y = 200(y − x²) at (0.5, −0.5)
    const [x, y] = [0.5, -0.5];
    const expected = [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
    assert.ok(
      Math.abs(g.nodes[0].adjoint - expected[0]) < 1e-9 && Math.abs(g.nodes[1].adjoint - expected[1]) < 1e-9,
      JSON.stringify(g.gradient),
    );
    assert.deepEqual(
      g.gradient.map((v) => Number(v.toFixed(9))),
      expected.map((v) => Number(v.toFixed(9))),
    );
    // What a click on the node does: gdTutor.revealSource selects its span.
    const doc = await vscode.workspace.openTextDocument(uri);
    const wanted = g.nodes.find((n) => n.range && doc.getText().slice(n.range.start, n.range.end) === '100 * (y - x ** 2) ** 2');
    assert.ok(wanted?.range);
    await vscode.commands.executeCommand('gdTutor.revealSource', uri, wanted.range.start, wanted.range.end);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.document.getText(editor.selection), '100 * (y - x ** 2) ** 2');
    // Hovering the ** of (1 - x) ** 2 shows that operation's numbers from this graph.
    const offset = doc.getText().indexOf('(1 - x) ** 2') + '(1 - x) '.length;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const square = g.nodes.find((n) => n.range && doc.getText().slice(n.range.start, n.range.end) === '(1 - x) ** 2');
    assert.ok(square);
    assert.match(text, /연산 `\^2`/);
    assert.ok(text.includes(`수반값 ∂L/∂(^2) = ${Number(square.adjoint.toPrecision(4))}`), text);
    assert.ok(text.includes(`국소 도함수: ∂(^2)/∂(−) = ${Number((2 * (1 - x)).toPrecision(4))}`), text);
    const panelOpen = vscode.window.tabGroups.all.some((gr) =>
      gr.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('gdTutor.lossPanel')),
    );
    assert.ok(panelOpen);
  });
});
