/** Saves what the panel asked to export: a run's CSV/JSON, or the charts as PNG, via a save dialog. */
import * as vscode from 'vscode';
import type { TrainController } from './trainController';
import type { WebviewMessage } from '../protocol/panelProtocol';
import { pngBytes, runToCsv, runToJson } from './runExport';
import { t } from '../l10n/localize';

export async function exportRun(trainer: TrainController, m: Extract<WebviewMessage, { type: 'export' }>): Promise<void> {
  const run = trainer.runById(m.runId);
  if (!run) {
    void vscode.window.showWarningMessage(t('That run is no longer available to export. Train again first.'));
    return;
  }
  let bytes: Uint8Array | undefined;
  if (m.format === 'csv') bytes = new TextEncoder().encode(runToCsv(run.result, run.paramNames));
  else if (m.format === 'json') bytes = new TextEncoder().encode(runToJson(run.result));
  else bytes = m.dataUrl ? pngBytes(m.dataUrl) : undefined;
  if (!bytes) return;
  const base = run.uri.path.replace(/\.[jt]s$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: run.uri.with({ path: `${base}.run.${m.format}` }),
    filters: { [m.format.toUpperCase()]: [m.format] },
    title: t('Save the run'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.setStatusBarMessage(t('Saved {0}', target.fsPath), 5000);
}
