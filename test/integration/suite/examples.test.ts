import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

interface RunResult {
  params: number[][];
  losses: Array<number | null>;
  stoppedAt?: number;
  reason?: string;
}
interface Api {
  train(file: vscode.Uri, options?: object): Promise<RunResult | undefined>;
}

describe('every shipped example trains in the editor with the CLI’s numbers', () => {
  const ext = () => vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>;
  const dir = () => vscode.Uri.joinPath((vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri, 'examples');
  const names = readdirSync(path.resolve(__dirname, '../../../../examples'))
    .filter((f) => f.endsWith('.ts'))
    .sort();

  for (const name of names) {
    it(name, async () => {
      const api = await ext().activate();
      const uri = vscode.Uri.joinPath(dir(), name);
      const result = await api.train(uri, { steps: 20 });
      assert.ok(result, 'the run returns a result');
      const cli = JSON.parse(
        execFileSync(process.execPath, [path.join(ext().extensionPath, 'dist', 'cli.js'), 'train', uri.fsPath, '--steps', '20', '--json'], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        }),
      ) as RunResult;
      // JSON turns a diverged step's non-finite loss into null, as the CLI prints it.
      assert.deepEqual(JSON.parse(JSON.stringify(result.losses)), cli.losses);
      assert.deepEqual(result.params, cli.params);
      const panelOpen = vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('gdTutor.lossPanel')),
      );
      assert.ok(panelOpen, 'the loss panel shows the run');
    });
  }
});
