/**
 * Web entry point (VS Code for the Web: vscode.dev, github.dev; the web-worker extension host).
 * The sealed room is a Web Worker (worker/isolatedRun.web.ts) made from a Blob URL of the bundled
 * dist/webWorker.js: a Worker from the extension's own resource URL is refused when the extension
 * is served from elsewhere ("Creating workers from remote extensions is currently not supported").
 * Everything else is wired in commands/tutor.ts, as on the desktop.
 */
import * as vscode from 'vscode';
import { activateTutor, deactivateTutor, type GdTutorApi } from './commands/tutor';
import { explainWebLimits } from './commands/webLimits';

export type { GdTutorApi } from './commands/tutor';

declare const URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
declare const Blob: new (parts: unknown[], options?: { type?: string }) => unknown;

export async function activate(context: vscode.ExtensionContext): Promise<GdTutorApi> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webWorker.js'));
  const workerPath = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  context.subscriptions.push({ dispose: () => URL.revokeObjectURL(workerPath) });
  const api = activateTutor(context, { workerPath });
  // After activateTutor: it applies the learner's language setting first.
  context.subscriptions.push(explainWebLimits(context));
  return api;
}

export function deactivate(): void {
  deactivateTutor();
}
