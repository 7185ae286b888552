/**
 * Keeps a sealed room (worker/roomPool.ts) ready for the loss file in the active editor, so that
 * Train starts at once: the room's worker has already loaded and warmed the compiler and engine.
 * Only in a trusted workspace (a room runs nothing of the learner's until a job arrives, but an
 * untrusted workspace gets no process it did not ask for).
 */
import * as vscode from 'vscode';
import { prewarmRoom, type IsolationLimits } from '../worker/isolatedRun';
import { keepRoomsWarm } from '../worker/roomPool';

/** Looks like a loss file: TypeScript or JavaScript that mentions `loss`. */
function isLossLike(document: vscode.TextDocument): boolean {
  return (document.languageId === 'typescript' || document.languageId === 'javascript') && /\bloss\b/.test(document.getText());
}

/**
 * What a document's room may read: its workspace folder (so a loss file may import a helper or
 * data file anywhere in the project, and one warm room serves every file of the folder), or,
 * outside a workspace, its own folder (the runner's default).
 */
export function roomFor(document: vscode.TextDocument): Partial<IsolationLimits> {
  const folder = document.uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(document.uri) : undefined;
  return folder ? { readRoot: folder.uri.fsPath } : {};
}

export function keepRoomWarm(workerPath: string): vscode.Disposable {
  keepRoomsWarm(true);
  const warmFor = (editor: vscode.TextEditor | undefined) => {
    if (editor && vscode.workspace.isTrusted && isLossLike(editor.document))
      prewarmRoom(editor.document.fileName, roomFor(editor.document), workerPath);
  };
  warmFor(vscode.window.activeTextEditor);
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(warmFor), { dispose: () => keepRoomsWarm(false) });
}
