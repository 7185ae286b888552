/**
 * The tutor's wiring, shared by both entries (extension.ts on desktop VS Code, browser.ts in VS
 * Code for the Web): commands, providers and panels, and the API activate() returns. The entries
 * only say where the sealed room's worker is and whether rooms are kept warm.
 */
import * as vscode from 'vscode';
import { LossPanel } from '../panel/lossPanel';
import { TrainController } from './trainController';
import { keepRoomWarm } from './warmRoom';
import { LossCodeLensProvider } from './lossCodeLens';
import { pick, setLanguage, type Language } from '../l10n/localize';
import { UsageError } from '../runner/cliArgs';
import type { RunResult } from '../runner/trainLoss';
import type { TrainOptions } from '../engine/trainOptions';
import { exportRun } from './exportCommand';
import { openExample } from './openExample';
import { newLossFile } from './newLossFile';
import { GlossaryHoverProvider, HOVER_LANGUAGES } from '../hover/hoverProvider';
import { showGlossary } from './glossaryCommand';
import { explain } from '../hover/explain';
import { OperationHoverProvider } from '../hover/operationHoverProvider';
import { AnalysisController } from './analysisController';
import type { AnalysisName, AnalysisRequest, AnalysisResult } from '../teaching/analysis';
import { pickRacers } from './racePicker';
import { saveNetworkExport } from './exportNetworkCommand';
import { lossDocument } from './lossDocument';
import type { BackpropGraph } from '../teaching/backpropGraph';
import type { ExportedNetwork } from '../teaching/networkExport';
import type { Finding } from '../teaching/diagnosis';
import type { PanelSnapshot } from '../protocol/panelProtocol';

/** What activate() returns: for other extensions and for the integration tests (docs/cli-contract.md). */
export interface GdTutorApi {
  /** Trains a file (its open editor's text if open) and resolves with the CLI's JSON shape. */
  train(file: vscode.Uri, options?: TrainOptions): Promise<RunResult | undefined>;
  lastRun(file: vscode.Uri): RunResult | undefined;
  /** The glossary entry for a term (id, Korean, English or a code spelling). */
  explain(term: string): { ko: string; en: string; markdown: string } | undefined;
  /** Runs a teaching view's analysis of a file and shows it in the panel. */
  analyze(file: vscode.Uri, analysis: AnalysisName, request?: AnalysisRequest): Promise<AnalysisResult | undefined>;
  /** The automatic diagnosis of the file's last run. */
  lastDiagnosis(file: vscode.Uri): Finding[] | undefined;
  /** The file's last run, timed in the editor: Train → first point, Train → finished (ms). */
  lastTiming(file: vscode.Uri): { firstPointMs?: number; finishedMs: number } | undefined;
  /** The backprop graph of one evaluation (default: at the file's init), shown in the panel. */
  backpropGraph(file: vscode.Uri, at?: number[]): Promise<BackpropGraph | undefined>;
  /** The file's nn network (last run's start and end weights) as JSON and an equivalent PyTorch script. */
  exportNetwork(file: vscode.Uri): Promise<{ json: ExportedNetwork; pytorch: string } | undefined>;
  /** What the loss panel shows (legend labels, controls), read from the webview; undefined without a panel. */
  panelState(): Promise<PanelSnapshot | undefined>;
}

/** Command id → the analysis it shows (the teaching views). */
const ANALYSIS_COMMANDS: ReadonlyArray<[string, AnalysisName]> = [
  ['gdTutor.compareOptimizers', 'race'],
  ['gdTutor.randomRestarts', 'restarts'],
  ['gdTutor.learningRateSweep', 'sweep'],
  ['gdTutor.showCurvature', 'curvature'],
  ['gdTutor.whyIterate', 'whyIterate'],
  ['gdTutor.compareBatchSizes', 'batchSizes'],
];

// Files on disk, unsaved editors, and the file systems of VS Code for the Web (github.dev's
// vscode-vfs, a remote workspace's vscode-remote); not diff views or other virtual documents.
const LOSS_FILES: vscode.DocumentSelector = [
  ...['file', 'vscode-vfs', 'vscode-remote'].flatMap((scheme) => [
    { language: 'typescript', scheme },
    { language: 'javascript', scheme },
  ]),
  { language: 'typescript', scheme: 'untitled' },
  { language: 'javascript', scheme: 'untitled' },
];

/** What differs between desktop VS Code and VS Code for the Web. */
export interface TutorPlatform {
  /** The sealed room's worker: dist/worker.js's path on the desktop, a Blob URL of dist/webWorker.js on the web. */
  workerPath: string;
}

export function activateTutor(context: vscode.ExtensionContext, platform: TutorPlatform): GdTutorApi {
  applyLanguageSetting();
  const { workerPath } = platform;
  const trainer = new TrainController(context.extensionUri, workerPath);
  const analyses = new AnalysisController(context.extensionUri, workerPath);
  context.subscriptions.push(keepRoomWarm(workerPath));
  /** The file the panel's "run again" applies to: the last one trained. */
  let lastTrained: vscode.Uri | undefined;
  /** Editors opened from examples/ → example id, so a successful run completes its walkthrough step. */
  const exampleDocs = new Map<string, string>();

  const trainFile = async (uri: vscode.Uri | undefined, settings?: TrainOptions) => {
    const document = await lossDocument(uri);
    if (!document) return undefined;
    lastTrained = document.uri;
    const result = await trainer.train(document, settings);
    // Operation hovers show the numbers at the point the run ended: compute that graph quietly
    // (small parameter counts only: the graph is one evaluation without fusion).
    const end = result?.params[result.params.length - 1];
    if (end && end.length <= 16 && end.every(Number.isFinite)) void analyses.graph(document, end, { show: false });
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
      if (m.type === 'explain') void showGlossary(m.term);
      if (m.type === 'remedy') void trainRemedy(m.runId, m.code, m.cli);
      if (m.type === 'reveal') void analyses.reveal(m.start, m.end);
    });

  /** A diagnosis' remedy button: the same file, with the remedy's CLI arguments as the CLI parses them. */
  const trainRemedy = async (runId: string, code: string, cli: string[]) => {
    try {
      const remedy = trainer.remedyRun(runId, code, cli);
      return remedy ? await trainFile(remedy.uri, remedy.options) : undefined;
    } catch (e) {
      // Arguments the CLI's parser refuses: its own message, in the learner's language.
      void vscode.window.showErrorMessage(e instanceof UsageError ? pick(e) : String(e));
      return undefined;
    }
  };

  const analyzeFile = async (uri: vscode.Uri | undefined, analysis: AnalysisName, request?: AnalysisRequest) => {
    const document = await lossDocument(uri);
    if (!document) return undefined;
    lastTrained = document.uri;
    return analyses.analyze(document, analysis, request);
  };

  const exportNetworkOf = async (uri: vscode.Uri) => {
    const document = await vscode.workspace.openTextDocument(uri);
    return analyses.exportNetwork(document, trainer.lastRun(uri));
  };

  const graphOf = async (uri: vscode.Uri | undefined, at?: number[]) => {
    const document = await lossDocument(uri);
    if (!document) return undefined;
    // At the point the last run ended, when there is one: the graph of where training got to.
    const last = trainer.lastRun(document.uri);
    return analyses.graph(document, at ?? last?.params[last.params.length - 1]);
  };

  context.subscriptions.push(
    trainer,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gdTutor.language')) {
        applyLanguageSetting();
        trainer.languageChanged();
      }
    }),
    vscode.commands.registerCommand('gdTutor.trainCurrentFile', (uri?: vscode.Uri) =>
      trainFile(uri instanceof vscode.Uri ? uri : undefined),
    ),
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
    vscode.languages.registerHoverProvider(LOSS_FILES, new OperationHoverProvider((uri) => analyses.lastGraph(uri))),
    vscode.commands.registerCommand('gdTutor.showGlossary', (id?: unknown) => showGlossary(id)),
    vscode.commands.registerCommand('gdTutor.exportNetwork', async (uri?: vscode.Uri) => {
      const file = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      const exported = file && (await exportNetworkOf(file));
      return exported && file ? saveNetworkExport(file, exported) : undefined;
    }),
    vscode.commands.registerCommand('gdTutor.showBackpropGraph', (uri?: vscode.Uri) =>
      graphOf(uri instanceof vscode.Uri ? uri : undefined),
    ),
    // What a click on a graph node does (also for tests): select that expression in the editor.
    vscode.commands.registerCommand('gdTutor.revealSource', (uri: unknown, start: unknown, end: unknown) =>
      uri instanceof vscode.Uri && Number.isInteger(start) && Number.isInteger(end)
        ? analyses.reveal(start as number, end as number, uri)
        : undefined,
    ),
    ...ANALYSIS_COMMANDS.map(([command, analysis]) =>
      vscode.commands.registerCommand(command, async (uri?: vscode.Uri) => {
        const file = uri instanceof vscode.Uri ? uri : undefined;
        if (analysis !== 'race') return analyzeFile(file, analysis);
        const entries = await pickRacers();
        return entries ? analyzeFile(file, 'race', { entries }) : undefined;
      }),
    ),
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
    analyze: (file, analysis, request) => analyzeFile(file, analysis, request),
    lastDiagnosis: (file) => trainer.lastDiagnosis(file),
    lastTiming: (file) => trainer.lastTiming(file),
    backpropGraph: (file, at) => graphOf(file, at),
    exportNetwork: (file) => exportNetworkOf(file),
    panelState: async () => LossPanel.instance?.requestState(),
  };
}

export function deactivateTutor(): void {
  LossPanel.instance?.dispose();
}

/** `gdTutor.language`: "ko" (default), "en", or "auto" = VS Code's display language. */
function applyLanguageSetting(): void {
  const setting = vscode.workspace.getConfiguration('gdTutor').get<string>('language', 'ko');
  const lang: Language = setting === 'auto' ? (vscode.env.language.startsWith('ko') ? 'ko' : 'en') : setting === 'en' ? 'en' : 'ko';
  setLanguage(lang);
}
