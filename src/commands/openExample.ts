/**
 * `gdTutor.openExample`: opens one of the extension's examples as a new, unsaved editor (so the
 * learner can change it freely; the extension's own files are never modified) and trains it.
 * Hover links and walkthrough steps use it as "open a demo of this idea".
 */
import * as vscode from 'vscode';
import { t } from '../l10n/localize';

/** Only plain file names of examples/ — a link cannot reach anything else. */
export function isExampleName(name: unknown): name is string {
  return typeof name === 'string' && /^[a-z0-9-]+\.(ts|js)$/.test(name);
}

export async function openExample(
  extensionUri: vscode.Uri,
  name: unknown,
  train: (uri: vscode.Uri) => Thenable<unknown>,
): Promise<vscode.TextDocument | undefined> {
  if (!isExampleName(name)) {
    void vscode.window.showErrorMessage(t('Unknown example: {0}', String(name)));
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'examples', name)));
  } catch {
    void vscode.window.showErrorMessage(t('Unknown example: {0}', name));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: name.endsWith('.js') ? 'javascript' : 'typescript', content: text });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
  if (vscode.workspace.isTrusted) await train(document.uri);
  return document;
}
