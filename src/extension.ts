/**
 * Entry point: wires commands, providers and panels together. No logic of its own lives here.
 */
import * as vscode from 'vscode';
import { LossPanel } from './webviews/lossPanel';
import { setLanguage, type Language } from './l10n/localize';

export interface GdTutorApi {
  /** The extension's version; `train`, `lastRun` and `explain` join as their features land. */
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): GdTutorApi {
  applyLanguageSetting();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gdTutor.language')) applyLanguageSetting();
    }),
    vscode.commands.registerCommand('gdTutor.openLossPanel', () => LossPanel.show(context.extensionUri)),
    vscode.window.registerWebviewPanelSerializer(LossPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        LossPanel.revive(panel, context.extensionUri, state);
      },
    }),
  );
  return { version: String(context.extension.packageJSON.version) };
}

export function deactivate(): void {
  LossPanel.instance?.dispose();
}

/** `gdTutor.language`: "ko" (default), "en", or "auto" = VS Code's display language. */
function applyLanguageSetting(): void {
  const setting = vscode.workspace.getConfiguration('gdTutor').get<string>('language', 'ko');
  const lang: Language = setting === 'auto' ? (vscode.env.language.startsWith('ko') ? 'ko' : 'en') : setting === 'en' ? 'en' : 'ko';
  setLanguage(lang);
}
