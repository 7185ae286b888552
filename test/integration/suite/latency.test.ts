/**
 * Editor latency, measured (never asserted): Train → first point and Train → finished for
 * examples/quadratic.ts (1,000 steps) and examples/rosenbrock.ts (its config: Adam, 2,000 steps),
 * in real VS Code, with the spare room the editor keeps warm for the active file. The figures go
 * to out/test-results/editor-latency-<VS Code version>.json and the README.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { workspaceFolder } from './workspaceHelpers';

interface Api {
  train(file: vscode.Uri, options?: object): Promise<unknown>;
  lastTiming(file: vscode.Uri): { firstPointMs?: number; finishedMs: number } | undefined;
}

const ext = () => vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>;
const workspace = workspaceFolder;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RUNS = 5;

describe('editor latency (measured, not asserted)', function () {
  this.timeout(180_000);

  it('Train → first point and Train → finished, quadratic.ts and rosenbrock.ts', async () => {
    const api = await ext().activate();
    const report: Record<string, Array<{ firstPointMs?: number; finishedMs: number }>> = {};
    const cases: Array<[string, object]> = [
      ['examples/quadratic.ts', { steps: 1000 }],
      ['examples/rosenbrock.ts', {}],
    ];
    for (const [name, options] of cases) {
      const uri = vscode.Uri.joinPath(workspace(), name);
      // The learner opens the file first: the editor readies a room for it meanwhile.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      report[name] = [];
      for (let i = 0; i < RUNS; i++) {
        await sleep(1500);
        assert.ok(await api.train(uri, options), `${name} trains`);
        const timing = api.lastTiming(uri);
        assert.ok(timing?.firstPointMs !== undefined, 'the run was timed');
        report[name].push(timing);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const summary = Object.fromEntries(
      Object.entries(report).map(([name, runs]) => [
        name,
        {
          firstPointMs: Math.round(median(runs.map((r) => r.firstPointMs ?? NaN))),
          finishedMs: Math.round(median(runs.map((r) => r.finishedMs))),
        },
      ]),
    );
    const out = path.join(ext().extensionPath, 'out', 'test-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, `editor-latency-${vscode.version}.json`),
      JSON.stringify({ version: vscode.version, runs: report, median: summary }, null, 2),
    );
    console.log(`editor latency (VS Code ${vscode.version}, median of ${RUNS}): ${JSON.stringify(summary)}`);
  });
});
