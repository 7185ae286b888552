/**
 * Runs training for open loss files and reports it everywhere the learner looks: the loss panel
 * (streamed), the status bar, a cancellable progress notification for longer runs, the log
 * channel, diagnostics at the learner's lines, and a short Korean summary at the end.
 *
 * One run per file: a second run on the same file cancels the first; files run independently.
 * The extension host never runs learner code — every run is an isolated worker (runner/).
 */
import * as vscode from 'vscode';
import { runIsolated, type IsolatedRun } from '../runner/isolatedRun';
import type { LearnerErrorData, ProgressPoint } from '../runner/workerProtocol';
import type { RunResult } from '../runner/trainLoss';
import type { TrainOptions } from '../engine/trainOptions';
import { LossPanel } from '../webviews/lossPanel';
import { isOptimizerName, type StopReason } from '../webviews/protocol';
import { toDiagnostic } from './diagnostics';
import { stopReasons } from '../webviews/panelStrings';
import { t, pick } from '../l10n/localize';
import { requireTrust } from './trust';
import type { Finding } from '../teaching/diagnosis';
import { networkTables } from './analysisMessages';

/** Runs shorter than this never flash a notification. */
const NOTIFY_AFTER_MS = 700;

interface ActiveRun {
  id: string;
  run: IsolatedRun;
}

export class TrainController implements vscode.Disposable {
  private readonly active = new Map<string, ActiveRun>();
  private readonly results = new Map<string, RunResult>();
  private readonly findings = new Map<string, Finding[]>();
  /** Finished runs by panel run id (for export), the newest few only. */
  private readonly byRunId = new Map<string, { uri: vscode.Uri; result: RunResult; paramNames: string[] }>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('gdTutor');
  private readonly status = vscode.window.createStatusBarItem('gdTutor.training', vscode.StatusBarAlignment.Left, 10);
  private readonly log = vscode.window.createOutputChannel(t('Gradient Descent Tutor'), { log: true });
  private counter = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly workerPath: string,
  ) {
    this.status.name = t('Gradient Descent Tutor');
    this.status.command = 'gdTutor.stopTraining';
  }

  lastRun(uri: vscode.Uri): RunResult | undefined {
    return this.results.get(uri.toString());
  }

  /** The automatic diagnosis of the file's last finished run (teaching/diagnosis.ts). */
  lastDiagnosis(uri: vscode.Uri): Finding[] | undefined {
    return this.findings.get(uri.toString());
  }

  /** The last run with its parameter names (hovers show live values from it). */
  lastRunInfo(uri: vscode.Uri): { result: RunResult; paramNames: string[] } | undefined {
    const key = uri.toString();
    for (const run of [...this.byRunId.values()].reverse()) if (run.uri.toString() === key) return run;
    return undefined;
  }

  /** A finished run the panel showed, for export. */
  runById(runId: string): { uri: vscode.Uri; result: RunResult; paramNames: string[] } | undefined {
    return this.byRunId.get(runId);
  }

  isRunning(uri?: vscode.Uri): boolean {
    return uri ? this.active.has(uri.toString()) : this.active.size > 0;
  }

  /** Stops the run of one file, or every run. */
  stop(uri?: vscode.Uri): void {
    for (const [key, a] of this.active) if (!uri || key === uri.toString()) a.run.cancel();
  }

  /**
   * Trains the document's current text (saved or not; the file is never modified).
   * Resolves with the run's result, or undefined when it failed (the error is shown).
   */
  async train(document: vscode.TextDocument, settings?: TrainOptions, options: { showPanel?: boolean } = {}): Promise<RunResult | undefined> {
    if (!requireTrust()) return undefined;
    const key = document.uri.toString();
    this.active.get(key)?.run.cancel();
    const id = `run-${++this.counter}`;
    const fileName = document.uri.fsPath || document.uri.path;
    const panel = options.showPanel === false ? undefined : LossPanel.show(this.extensionUri);
    const started = Date.now();
    this.log.info(`${t('Training')} ${fileName} ${JSON.stringify(settings ?? {})}`);

    let lastPoint: ProgressPoint | undefined;
    let paramNames: string[] = [];
    const run = runIsolated(
      { kind: 'train', source: document.getText(), fileName, options: settingsToOptions(settings), withSurface: panel !== undefined },
      {
        onCompiled: (info) => {
          paramNames = info.paramNames;
          const { dimension } = info;
          panel?.post({
            type: 'runStarted',
            runId: id,
            file: fileName,
            dimension,
            paramNames,
            settings: {
              optimizer: isOptimizerName(settings?.optimizer) ? settings.optimizer : 'sgd',
              learningRate: settings?.learningRate ?? 0.1,
              steps: settings?.steps ?? 1000,
              init: settings?.init,
              ...(settings?.initSeed === undefined ? {} : { initSeed: settings.initSeed }),
            },
          });
        },
        onSurface: (surface) => panel?.post({ type: 'surface', runId: id, surface }),
        onProgress: (points) => {
          lastPoint = points[points.length - 1];
          panel?.post({ type: 'progress', runId: id, points });
          this.showStatus(lastPoint);
        },
        onOutput: (text) => this.log.info(text.trimEnd()),
        onBoundary: (boundary) => panel?.post({ type: 'boundary', runId: id, boundary }),
        onNetwork: (info) => {
          for (const m of networkTables(info)) panel?.post(m);
        },
        onDiagnosis: (findings) => {
          this.findings.set(key, findings);
          for (const f of findings) this.log.info(`${t('Diagnosis')}: ${pick(f)}`);
          panel?.post({ type: 'diagnosis', runId: id, findings: findings.map((f) => ({ code: f.code, text: pick(f), glossary: f.glossary })) });
        },
      },
      {},
      this.workerPath,
    );
    this.active.set(key, { id, run });
    this.showStatus(undefined);

    // A cancellable notification, only for runs that take longer than a moment.
    const notify = setTimeout(() => {
      if (this.active.get(key)?.id !== id) return;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Training {0}', basename(fileName)), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => run.cancel());
          const timer = setInterval(() => {
            if (lastPoint) progress.report({ message: t('step {0} · loss {1}', lastPoint.step, format(lastPoint.loss)) });
          }, 250);
          return run.done.finally(() => clearInterval(timer));
        },
      );
    }, NOTIFY_AFTER_MS);

    const outcome = await run.done;
    clearTimeout(notify);
    if (this.active.get(key)?.id === id) this.active.delete(key);
    this.showStatus(undefined);

    const diagnostics = outcome.warnings.map((w) => toDiagnostic(w, document));
    if (!outcome.ok) {
      this.report(document, [...diagnostics, toDiagnostic(outcome.error, document)], outcome.error);
      panel?.post({ type: 'runFinished', runId: id, reason: errorReason(outcome.error), message: pick(outcome.error) });
      return undefined;
    }
    this.diagnostics.set(document.uri, diagnostics);
    const result = outcome.result as RunResult;
    this.results.set(key, result);
    this.byRunId.set(id, { uri: document.uri, result, paramNames });
    if (this.byRunId.size > 20) this.byRunId.delete(this.byRunId.keys().next().value as string);
    const reason: StopReason = result.reason ?? 'completed';
    panel?.post({ type: 'runFinished', runId: id, reason });
    const summary = summarize(result);
    this.log.info(`${summary} (${Date.now() - started} ms)`);
    void vscode.window.setStatusBarMessage(`$(pass) ${summary}`, 8000);
    return result;
  }

  private report(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], error: LearnerErrorData): void {
    this.diagnostics.set(document.uri, diagnostics);
    const where = error.line ? ` (${basename(document.fileName)}:${error.line})` : '';
    this.log.error(`${pick(error)}${where}`);
    if (error.code === 'cancelled') return;
    void vscode.window.showErrorMessage(`${pick(error)}${where}`);
  }

  private showStatus(point: ProgressPoint | undefined): void {
    if (this.active.size === 0) {
      this.status.hide();
      return;
    }
    this.status.text = point ? `$(sync~spin) ${t('step {0} · loss {1}', point.step, format(point.loss))}` : `$(sync~spin) ${t('Training…')}`;
    this.status.tooltip = t('Click to stop training');
    this.status.show();
  }

  dispose(): void {
    this.stop();
    this.diagnostics.dispose();
    this.status.dispose();
    this.log.dispose();
  }
}

function settingsToOptions(s: TrainOptions | undefined): TrainOptions {
  return s ? Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) : {};
}

function errorReason(e: LearnerErrorData): StopReason {
  if (e.code === 'cancelled') return 'cancelled';
  if (e.code === 'timeout') return 'timeout';
  return 'error';
}

function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function format(v: number): string {
  return Number.isFinite(v) ? (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? v.toPrecision(5) : v.toExponential(3)) : String(v);
}

function summarize(r: RunResult): string {
  const last = r.params.length - 1;
  const reasons = stopReasons();
  // A network's weights would fill the notification: the first eight, and how many more.
  const p = r.params[last];
  const shown = p.slice(0, 8).map(format).join(', ') + (p.length > 8 ? `, … +${p.length - 8}` : '');
  const held = r.test ? ` · ${t('validation loss')} ${format(r.test.losses[r.test.losses.length - 1])}` : '';
  return t('{0} at step {1}: loss {2}, parameters ({3})', reasons[r.reason ?? 'completed'], r.stoppedAt ?? last, format(r.losses[last]), shown) + held;
}
