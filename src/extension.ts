/**
 * Entry point: wires commands, providers and panels together. No logic of its own lives here.
 */
import * as vscode from 'vscode';
import path from 'node:path';
import { LossPanel } from './webviews/lossPanel';
import { TrainController } from './training/trainController';
import { LossCodeLensProvider } from './training/lossCodeLens';
import { setLanguage, t, type Language } from './l10n/localize';
import type { RunResult } from './runner/trainLoss';
import type { TrainOptions } from './engine/trainOptions';
import { exportRun } from './training/exportCommand';
import { openExample } from './training/openExample';
import { newLossFile } from './snippets/newLossFile';
import { GlossaryHoverProvider, HOVER_LANGUAGES } from './hover/hoverProvider';
import { showGlossary } from './hover/glossaryCommand';
import { explain } from './hover/explain';

/** What activate() returns: for other extensions and for the integration tests (DESIGN.md). */
export interface GdTutorApi {
  /** Trains a file (its open editor's text if open) and resolves with the CLI's JSON shape. */
  train(file: vscode.Uri, options?: TrainOptions): Promise<RunResult | undefined>;
  lastRun(file: vscode.Uri): RunResult | undefined;
  /** The glossary entry for a term (id, Korean, English or a code spelling). */
  explain(term: string): { ko: string; en: string; markdown: string } | undefined;
}

const LOSS_FILES: vscode.DocumentSelector = [
  { language: 'typescript', scheme: 'file' },
  { language: 'javascript', scheme: 'file' },
  { language: 'typescript', scheme: 'untitled' },
  { language: 'javascript', scheme: 'untitled' },
];

export function activate(context: vscode.ExtensionContext): GdTutorApi {
  applyLanguageSetting();
  const trainer = new TrainController(context.extensionUri, path.join(context.extensionPath, 'dist', 'worker.js'));
  /** The file the panel's "run again" applies to: the last one trained. */
  let lastTrained: vscode.Uri | undefined;
  /** Editors opened from examples/ → example id, so a successful run completes its walkthrough step. */
  const exampleDocs = new Map<string, string>();

  const trainFile = async (uri: vscode.Uri | undefined, settings?: TrainOptions) => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || !['typescript', 'javascript'].includes(document.languageId)) {
      void vscode.window.showWarningMessage(t('Open a TypeScript or JavaScript loss file to train it.'));
      return undefined;
    }
    lastTrained = document.uri;
    const result = await trainer.train(document, settings);
    const example = exampleDocs.get(document.uri.toString());
    if (result && example) void vscode.commands.executeCommand('setContext', `gdTutor.ran.${example}`, true);
    return result;
  };

  // Each panel's messages are wired once, when it is created or revived; they end with it.
  const wirePanel = (panel: LossPanel) =>
    panel.onMessage((m) => {
      if (m.type === 'rerun' && lastTrained) void trainFile(lastTrained, m.settings);
      if (m.type === 'stop') trainer.stop(lastTrained);
      if (m.type === 'export') void exportRun(trainer, m);
    });

  context.subscriptions.push(
    trainer,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gdTutor.language')) applyLanguageSetting();
    }),
    vscode.commands.registerCommand('gdTutor.trainCurrentFile', (uri?: vscode.Uri) => trainFile(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('gdTutor.stopTraining', () => trainer.stop()),
    vscode.commands.registerCommand('gdTutor.newLossFile', () => newLossFile()),
    vscode.commands.registerCommand('gdTutor.openExample', (name: unknown) =>
      openExample(context.extensionUri, name, (uri) => {
        exampleDocs.set(uri.toString(), String(name).replace(/\.[jt]s$/, ''));
        return trainFile(uri);
      }),
    ),
    LossPanel.onDidCreate(wirePanel),
    vscode.commands.registerCommand('gdTutor.openLossPanel', () => {
      LossPanel.show(context.extensionUri);
    }),
    vscode.languages.registerCodeLensProvider(LOSS_FILES, new LossCodeLensProvider()),
    vscode.languages.registerHoverProvider(HOVER_LANGUAGES, new GlossaryHoverProvider((uri) => trainer.lastRunInfo(uri))),
    vscode.commands.registerCommand('gdTutor.showGlossary', (id?: unknown) => showGlossary(id)),
    vscode.window.registerWebviewPanelSerializer(LossPanel.viewType, {
      async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown) {
        LossPanel.revive(webviewPanel, context.extensionUri, state);
      },
    }),
  );

  return {
    train: (file, options) => trainFile(file, options),
    lastRun: (file) => trainer.lastRun(file),
    explain,
  };
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
