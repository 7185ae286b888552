/**
 * The teaching views (#6): runs one analysis of the learner's own file in the worker and shows it
 * in the loss panel.
 *
 * Runs of a race or of random restarts are posted as ordinary runs (runStarted / progress /
 * runFinished), so the panel draws them with everything a single run has — overlaid loss curves,
 * paths on the contour map, legend toggles, playback — and the numbers go in a table beside them.
 * A sweep gets its own chart; basins and Hessian definiteness a categorical map.
 */
import * as vscode from 'vscode';
import { roomFor } from './warmRoom';
import { runIsolated } from '../worker/isolatedRun';
import type { AnalysisName, AnalysisRequest, AnalysisResult } from '../teaching/analysis';
import { LossPanel } from '../panel/lossPanel';
import { toDiagnostic } from './errorSquiggles';
import { t, pick } from '../l10n/localize';
import { requireTrust } from './trust';
import { analysisMessages, analysisTitle } from './analysisMessages';
import { backpropCostTable } from './backpropCostTable';
import type { BackpropGraph } from '../teaching/backpropGraph';
import type { GraphData } from '../protocol/panelProtocol';
import type { ExportedNetwork } from '../teaching/networkExport';
import type { RunResult } from '../runner/trainLoss';

export class AnalysisController {
  private counter = 0;
  /** The file of the graph on show: a click on a node selects its expression there. */
  private graphDocument: vscode.Uri | undefined;
  /** Each file's last graph and the document version it was made from (operation hovers). */
  private readonly graphs = new Map<string, { graph: GraphData; version: number }>();

  lastGraph(uri: vscode.Uri): { graph: GraphData; version: number } | undefined {
    return this.graphs.get(uri.toString());
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly workerPath: string,
  ) {}

  /** Runs the analysis on the document's current text; resolves with its result (undefined on error, which is shown). */
  async analyze(document: vscode.TextDocument, analysis: AnalysisName, request: AnalysisRequest = {}): Promise<AnalysisResult | undefined> {
    if (!requireTrust()) return undefined;
    const fileName = document.uri.fsPath || document.uri.path;
    const panel = LossPanel.show(this.extensionUri);
    const title = analysisTitle(analysis);
    panel.post({ type: 'analysisStarted', title, kind: analysis });
    let dimension = 0;
    let paramNames: string[] = [];
    const surfaceRun = `analysis-${++this.counter}`;
    const run = runIsolated(
      { kind: 'analysis', source: document.getText(), fileName, analysis, request, withSurface: true },
      {
        onCompiled: (info) => {
          dimension = info.dimension;
          paramNames = info.paramNames;
        },
        onSurface: (surface) => panel.post({ type: 'surface', runId: surfaceRun, surface }),
      },
      { timeoutMs: 120_000, ...roomFor(document) },
      this.workerPath,
    );
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => run.cancel());
        return run.done;
      },
    );
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(pick(outcome.error));
      panel.post({ type: 'analysisStarted', title: `${title} — ${pick(outcome.error)}`, kind: analysis, failed: true });
      return undefined;
    }
    const diagnostics = vscode.languages.createDiagnosticCollection('gdTutor.analysis');
    diagnostics.set(
      document.uri,
      outcome.warnings.map((w) => toDiagnostic(w, document)),
    );
    setTimeout(() => diagnostics.dispose(), 10_000);
    const result = outcome.result as AnalysisResult;
    for (const m of analysisMessages(result, fileName, dimension, paramNames, () => `analysis-${++this.counter}`)) panel.post(m);
    return result;
  }

  /** The backprop graph of one evaluation at `at` (default: the file's init), shown in the panel. */
  async graph(document: vscode.TextDocument, at?: number[], options: { show?: boolean } = {}): Promise<BackpropGraph | undefined> {
    if (!requireTrust()) return undefined;
    const fileName = document.uri.fsPath || document.uri.path;
    const version = document.version;
    const run = runIsolated({ kind: 'graph', source: document.getText(), fileName, at }, {}, roomFor(document), this.workerPath);
    const outcome = await run.done;
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(pick(outcome.error));
      return undefined;
    }
    const graph = outcome.result as BackpropGraph;
    const data: GraphData = { nodes: graph.nodes.map(({ op: _op, ...n }) => n), edges: graph.edges, root: graph.root };
    this.graphs.set(document.uri.toString(), { graph: data, version });
    if (options.show === false) return graph;
    const panel = LossPanel.show(this.extensionUri);
    this.graphDocument = document.uri;
    const name = fileName.split(/[\\/]/).pop() ?? fileName;
    panel.post({ type: 'analysisStarted', title: t('Backpropagation graph of {0}', name), kind: 'graph' });
    panel.post({
      type: 'graph',
      title: t('{0} nodes on the tape; L = {1}', graph.tapeNodes, Number(graph.value.toPrecision(6))),
      graph: data,
    });
    if (graph.cost) panel.post(backpropCostTable(graph.cost));
    return graph;
  }

  /** Selects `start…end` (0-based offsets) of the graph's file in its editor. */
  async reveal(start: number, end: number, uri = this.graphDocument): Promise<vscode.TextEditor | undefined> {
    if (!uri) return undefined;
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** The file's nn network as JSON and a PyTorch script: the last run's start and end weights and settings. */
  async exportNetwork(
    document: vscode.TextDocument,
    run: RunResult | undefined,
    init?: number[],
  ): Promise<{ json: ExportedNetwork; pytorch: string } | undefined> {
    if (!requireTrust()) return undefined;
    const fileName = document.uri.fsPath || document.uri.path;
    const initial = run?.options.init ?? init;
    if (!initial) {
      void vscode.window.showWarningMessage(t("Train the file once first: the export takes the run's start and end weights."));
      return undefined;
    }
    const trained = run ? run.params[run.params.length - 1] : initial;
    const options = run?.options ?? { optimizer: 'sgd', learningRate: 0.1, steps: 1000 };
    const outcome = await runIsolated(
      { kind: 'exportNetwork', source: document.getText(), fileName, initial, trained, options },
      {},
      roomFor(document),
      this.workerPath,
    ).done;
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(pick(outcome.error));
      return undefined;
    }
    return outcome.result as { json: ExportedNetwork; pytorch: string };
  }
}
