/**
 * The file a command acts on: the one given, or the active editor's, if it is a TypeScript or
 * JavaScript loss file. Anything else gets a message saying what to open, and undefined.
 */
import * as vscode from 'vscode';
import { t } from '../l10n/localize';

export async function lossDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (document && ['typescript', 'javascript'].includes(document.languageId)) return document;
  void vscode.window.showWarningMessage(t('Open a TypeScript or JavaScript loss file to train it.'));
  return undefined;
}
