/** The one check before learner code runs: a trusted workspace (said once, in Korean first, where it fails). */
import * as vscode from 'vscode';
import { t } from '../l10n/localize';

export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(
    t('Training runs the code of this file, so it is available only in a trusted workspace. Trust this workspace to train.'),
  );
  return false;
}
