/**
 * The sealed room in real VS Code: loss files that try to kill the extension host or allocate
 * 10 GB end their own run with a message at the right place, and the extension host goes on
 * (the next file trains, and this test — which runs inside the extension host — is still alive).
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { tutorDiagnostics, workspaceFolder } from './workspaceHelpers';

interface RunResult {
  params: number[][];
  losses: number[];
}
interface Api {
  train(file: vscode.Uri, options?: object): Promise<RunResult | undefined>;
}

const ext = () => vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>;
const workspace = workspaceFolder;

async function lossFile(name: string, body: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspace(), name);
  const source = `export function loss(w: number) {\n  ${body}\n  return (w - 3) ** 2\n}\nexport const init = 0\nexport const config = { steps: 3 }\n`;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(source));
  return uri;
}

const diagnosticsOf = (uri: vscode.Uri, timeoutMs = 30_000) => tutorDiagnostics(uri, timeoutMs);

describe('the sealed room in the extension host', function () {
  this.timeout(120_000);
  let api: Api;
  before(async () => {
    api = await ext().activate();
  });

  it('a loss that kills the extension host’s process gets a message at its line, and the host lives on', async () => {
    const uri = await lossFile(
      'kills-host.ts',
      "process.kill(process.ppid, 'SIGKILL'); (0, eval)('this').process.kill(process.pid, 'SIGKILL')",
    );
    assert.equal(await api.train(uri), undefined, 'the run stops');
    const [d] = await diagnosticsOf(uri);
    assert.ok(d, 'a diagnostic is shown');
    assert.equal(d.range.start.line, 1, 'on the line of process.kill');
    assert.match(d.message, /계산만 할 수 있습니다|can compute and nothing else/);
    const next = await api.train(vscode.Uri.joinPath(workspace(), 'quadratic.ts'));
    assert.ok(next, 'the next file trains');
  });

  it('a loss that allocates 10 GB ends its own run with a memory message; the host lives on', async () => {
    const uri = await lossFile('ten-gigabytes.ts', 'const hoard = new Float64Array(1.25e9); hoard.fill(1)');
    assert.equal(await api.train(uri), undefined, 'the run stops');
    const [d] = await diagnosticsOf(uri);
    assert.ok(d, 'a diagnostic is shown');
    assert.match(d.message, /메모리|memory/);
    const next = await api.train(vscode.Uri.joinPath(workspace(), 'quadratic.ts'));
    assert.ok(next, 'the next file trains');
  });

  it('a loss cannot write files', async () => {
    const target = vscode.Uri.joinPath(workspace(), 'written-by-loss.txt');
    const uri = await lossFile('writes.ts', `(process as any).getBuiltinModule('fs').writeFileSync(${JSON.stringify(target.fsPath)}, 'x')`);
    assert.equal(await api.train(uri), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file was written');
  });
});
