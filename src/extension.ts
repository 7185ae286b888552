/**
 * Desktop entry point (the Node extension host): the sealed room's worker is dist/worker.js, run
 * inside a child process (worker/isolatedRun.ts). Everything else is wired in commands/tutor.ts,
 * shared with the web entry (browser.ts).
 */
import type * as vscode from 'vscode';
import path from 'node:path';
import { activateTutor, deactivateTutor, type GdTutorApi } from './commands/tutor';

export type { GdTutorApi } from './commands/tutor';

export function activate(context: vscode.ExtensionContext): GdTutorApi {
  return activateTutor(context, { workerPath: path.join(context.extensionPath, 'dist', 'worker.js') });
}

export function deactivate(): void {
  deactivateTutor();
}
