/**
 * The workbench as a learner sees it: a 1280 × 800 window (the launcher's), the loss file in the
 * editor and the panel beside it. After Train on examples/quadratic.ts the loss curve must be on
 * the panel's first screen, not below a form. The launcher saves a screenshot of the whole
 * workbench (GDTUTOR_SCREENSHOT, scripts/vscode-test/launch.mjs) to .artifacts/workbench/; the
 * README's docs/screenshots/workbench.png is a copy of one.
 */
import { strict as assert } from 'node:assert';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { workspaceFolder } from './workspaceHelpers';

interface PanelSnapshot {
  legend: string[];
  status: string;
  /** Where the loss chart is on the panel's page, and how much of the page is on screen. */
  layout?: { lossChartTop: number; lossChartHeight: number; lossChartPoints: number; viewportWidth: number; viewportHeight: number };
}
interface Api {
  panelState(): Promise<PanelSnapshot | undefined>;
}

const ext = () => vscode.extensions.getExtension('gdtutor.gradient-descent-tutor') as vscode.Extension<Api>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ready` holds (or the time is up): a headless workbench paints a new webview late. */
async function until<T>(read: () => Promise<T>, ready: (x: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const x = await read();
    if (ready(x) || Date.now() > deadline) return x;
    await sleep(250);
  }
}

describe('the workbench as a learner sees it (1280 × 800, panel beside the editor)', function () {
  this.timeout(120_000);

  it('after Train on examples/quadratic.ts the loss curve is on the panel’s first screen', async () => {
    const api = await ext().activate();
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'examples', 'quadratic.ts');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('gdTutor.trainCurrentFile');
    // The panel says when its chart holds the run: no fixed sleep.
    const state = await until(
      () => api.panelState(),
      (s) => (s?.layout?.lossChartPoints ?? 0) > 1 && /quadratic\.ts/.test(s?.legend.join(' ') ?? ''),
      30_000,
    );
    assert.ok(state?.layout, JSON.stringify(state));
    const { lossChartTop, lossChartHeight, viewportHeight, viewportWidth } = state.layout;
    assert.ok(viewportWidth < 700, `the panel is beside the editor, not full width (${viewportWidth} px)`);
    assert.ok(
      lossChartTop >= 0 && lossChartTop + lossChartHeight / 2 <= viewportHeight,
      `the loss chart (top ${lossChartTop} px, height ${lossChartHeight} px) starts on the first screen of ${viewportHeight} px`,
    );
    const target = path.join(ext().extensionPath, '.artifacts', 'workbench', `workbench-${vscode.version}.png`);
    rmSync(target, { force: true });
    console.log(`GDTUTOR_SCREENSHOT ${target}`);
    await until(
      async () => existsSync(target),
      (done) => done,
      20_000,
    );
    assert.ok(existsSync(target), `the launcher saved ${target}`);
  });
});
