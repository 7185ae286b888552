/**
 * "Export network": the learner chooses where the PyTorch script goes; its JSON (the weights)
 * is written beside it with the same name. The save dialog asks before replacing a file, so
 * nothing existing is overwritten silently.
 */
import * as vscode from 'vscode';
import { t } from '../l10n/localize';
import type { ExportedNetwork } from '../teaching/networkExport';

export async function saveNetworkExport(
  file: vscode.Uri,
  exported: { json: ExportedNetwork; pytorch: string },
): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(file.fsPath.replace(/\.[cm]?[jt]s$/, '_pytorch.py')),
    filters: { Python: ['py'] },
    title: t('Export the network as a PyTorch script'),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exported.pytorch));
  await vscode.workspace.fs.writeFile(
    target.with({ path: target.path.replace(/\.py$/, '') + '.json' }),
    new TextEncoder().encode(JSON.stringify(exported.json, null, 2)),
  );
  void vscode.window.showInformationMessage(t('Saved {0}', target.fsPath));
  return target;
}
