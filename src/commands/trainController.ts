/**
 * Runs training for open loss files and reports it everywhere the learner looks: the loss panel
 * (streamed), the status bar, a cancellable progress notification for longer runs, the log
 * channel, diagnostics at the learner's lines, and a short Korean summary at the end.
 *
 * One run per file: a second run on the same file cancels the first; files run independently.
 * The extension host never runs learner code — every run is an isolated worker (runner/).
 */
import * as vscode from 'vscode';
import { roomFor } from './warmRoom';
import { runIsolated, type IsolatedRun } from '../worker/isolatedRun';
import type { LearnerErrorData } from '../protocol/learnerError';
import type { StepPoint } from '../protocol/panelProtocol';
import type { RunResult } from '../runner/trainLoss';
import type { ResolvedOptions, TrainOptions } from '../engine/trainOptions';
import { LossPanel } from '../panel/lossPanel';
import type { DiagnosisItem, StopReason } from '../protocol/panelProtocol';
import { toDiagnostic } from './errorSquiggles';
import { stopReasons } from '../panel/panelStrings';
import { t, pick } from '../l10n/localize';
import { requireTrust } from './trust';
import type { Finding } from '../teaching/diagnosis';
import { networkTables } from './networkTables';
import { optionsForLog, runLabel, shownSettings } from './runLabels';
import { remedyOptions } from './remedy';

/** Runs shorter than this never flash a notification. */
const NOTIFY_AFTER_MS = 700;

interface ActiveRun {
  id: string;
  run: IsolatedRun;
  /** "adam · η=0.05 · 2000 steps" once the worker has said what runs. */
  label?: string;
}

export class TrainController implements vscode.Disposable {
  private readonly active = new Map<string, ActiveRun>();
  private readonly results = new Map<string, RunResult>();
  private readonly findings = new Map<string, Finding[]>();
  /** Finished runs by panel run id (for export), the newest few only. */
  private readonly byRunId = new Map<string, { uri: vscode.Uri; result: RunResult; paramNames: string[] }>();
  /** The remedies each run's diagnosis offered in the panel (a button may ask for exactly these). */
  private readonly remedies = new Map<string, Array<{ code: string; cli: string[] }>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('gdTutor');
  private readonly status = vscode.window.createStatusBarItem('gdTutor.training', vscode.StatusBarAlignment.Left, 10);
  /** Created on first use, and again after a language switch: a channel's name cannot change. */
  private channel: vscode.LogOutputChannel | undefined;
  private counter = 0;
  private readonly timings = new Map<string, { firstPointMs?: number; finishedMs: number }>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly workerPath: string,
  ) {
    this.status.name = t('Gradient Descent Tutor');
    this.status.command = 'gdTutor.stopTraining';
  }

  private get log(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel(t('Gradient Descent Tutor'), { log: true });
    return this.channel;
  }

  /** `gdTutor.language` changed: names shown by VS Code follow it (the old log's lines go with its channel). */
  languageChanged(): void {
    this.status.name = t('Gradient Descent Tutor');
    this.channel?.dispose();
    this.channel = undefined;
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

  /**
   * The file and train options of a remedy the panel offered for a finished run: `cli` parsed as
   * the CLI parses it. Undefined for a run or remedy this controller did not offer.
   */
  remedyRun(runId: string, code: string, cli: readonly string[]): { uri: vscode.Uri; options: TrainOptions } | undefined {
    const offered = this.remedies.get(runId)?.some((r) => r.code === code && sameArgs(r.cli, cli));
    const run = this.byRunId.get(runId);
    return offered && run ? { uri: run.uri, options: remedyOptions(cli) } : undefined;
  }

  isRunning(uri?: vscode.Uri): boolean {
    return uri ? this.active.has(uri.toString()) : this.active.size > 0;
  }

  /** How long the file's last run took from Train to its first point and to its end (ms, measured). */
  lastTiming(uri: vscode.Uri): { firstPointMs?: number; finishedMs: number } | undefined {
    return this.timings.get(uri.toString());
  }

  /** Stops the run of one file, or every run. */
  stop(uri?: vscode.Uri): void {
    for (const [key, a] of this.active) if (!uri || key === uri.toString()) a.run.cancel();
  }

  /**
   * Trains the document's current text (saved or not; the file is never modified).
   * Resolves with the run's result, or undefined when it failed (the error is shown).
   */
  async train(
    document: vscode.TextDocument,
    settings?: TrainOptions,
    options: { showPanel?: boolean } = {},
  ): Promise<RunResult | undefined> {
    if (!requireTrust()) return undefined;
    const key = document.uri.toString();
    this.active.get(key)?.run.cancel();
    const id = `run-${++this.counter}`;
    const fileName = document.uri.fsPath || document.uri.path;
    const panel = options.showPanel === false ? undefined : LossPanel.show(this.extensionUri);
    const started = Date.now();
    const clock = performance.now();
    let firstPointMs: number | undefined;
    this.log.info(`${t('Training')} ${fileName}`);

    let lastPoint: StepPoint | undefined;
    let paramNames: string[] = [];
    let dimension = 0;
    const run = runIsolated(
      { kind: 'train', source: document.getText(), fileName, options: settingsToOptions(settings), withSurface: panel !== undefined },
      {
        onCompiled: (info) => {
          paramNames = info.paramNames;
          dimension = info.dimension;
        },
        // The run's own settings (the file's config merged in), before its first point.
        onOptions: (resolved) => {
          this.started(id, key, fileName, resolved);
          panel?.post({
            type: 'runStarted',
            runId: id,
            file: fileName,
            dimension,
            paramNames,
            settings: shownSettings(resolved, settings),
            setsControls: true,
          });
        },
        onSurface: (surface) => panel?.post({ type: 'surface', runId: id, surface }),
        onProgress: (points) => {
          firstPointMs ??= performance.now() - clock;
          lastPoint = points[points.length - 1];
          panel?.post({ type: 'progress', runId: id, points });
          this.showStatus(lastPoint, this.active.get(key)?.label);
        },
        onOutput: (text) => this.log.info(text.trimEnd()),
        onBoundary: (boundary) => panel?.post({ type: 'boundary', runId: id, boundary }),
        onNetwork: (info) => {
          for (const m of networkTables(info)) panel?.post(m);
        },
        onDiagnosis: (findings) => {
          this.findings.set(key, findings);
          for (const f of findings) this.log.info(`${t('Diagnosis')}: ${pick(f)}`);
          this.remedies.set(
            id,
            findings.flatMap((f) => (f.remedy ? [{ code: f.code, cli: f.remedy.cli }] : [])),
          );
          panel?.post({ type: 'diagnosis', runId: id, findings: findings.map(diagnosisItem) });
        },
      },
      roomFor(document),
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
    this.timings.set(key, { firstPointMs, finishedMs: performance.now() - clock });
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
    if (this.byRunId.size > 20) {
      const oldest = this.byRunId.keys().next().value as string;
      this.byRunId.delete(oldest);
      this.remedies.delete(oldest);
    }
    const reason: StopReason = result.reason ?? 'completed';
    panel?.post({ type: 'runFinished', runId: id, reason, step: lastStep(result) });
    const summary = summarize(result);
    this.log.info(`${summary} (${Date.now() - started} ms)`);
    void vscode.window.setStatusBarMessage(`$(pass) ${summary}`, 8000);
    return result;
  }

  /** The worker said what runs: label the run with it (status bar, log). */
  private started(id: string, key: string, fileName: string, options: ResolvedOptions): void {
    const active = this.active.get(key);
    const label = runLabel(options);
    if (active?.id === id) active.label = label;
    this.log.info(`${basename(fileName)}: ${label} ${JSON.stringify(optionsForLog(options))}`);
    this.showStatus(undefined, label);
  }

  private report(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], error: LearnerErrorData): void {
    this.diagnostics.set(document.uri, diagnostics);
    const where = error.line ? ` (${basename(document.fileName)}:${error.line})` : '';
    this.log.error(`${pick(error)}${where}`);
    if (error.code === 'cancelled') return;
    void vscode.window.showErrorMessage(`${pick(error)}${where}`);
  }

  private showStatus(point: StepPoint | undefined, label?: string): void {
    if (this.active.size === 0) {
      this.status.hide();
      return;
    }
    const progress = point ? t('step {0} · loss {1}', point.step, format(point.loss)) : t('Training…');
    this.status.text = `$(sync~spin) ${label ? `${label} · ${progress}` : progress}`;
    this.status.tooltip = t('Click to stop training');
    this.status.show();
  }

  dispose(): void {
    this.stop();
    this.diagnostics.dispose();
    this.status.dispose();
    this.channel?.dispose();
  }
}

function settingsToOptions(s: TrainOptions | undefined): TrainOptions {
  return s ? Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) : {};
}

/** A finding as the panel shows it: the learner's language, and its verified remedy if any. */
function diagnosisItem(f: Finding): DiagnosisItem {
  return {
    code: f.code,
    text: pick(f),
    glossary: f.glossary,
    ...(f.remedy ? { remedy: { cli: f.remedy.cli, outcome: f.remedy.outcome } } : {}),
  };
}

function sameArgs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
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

/** The step a run ended at (a thinned long run keeps each row's step in `steps`). */
function lastStep(r: RunResult): number {
  const last = r.params.length - 1;
  return r.stoppedAt ?? r.steps?.[last] ?? last;
}

function summarize(r: RunResult): string {
  const last = r.params.length - 1;
  const reasons = stopReasons();
  // A network's weights would fill the notification: the first eight, and how many more.
  const p = r.params[last];
  const shown = p.slice(0, 8).map(format).join(', ') + (p.length > 8 ? `, … +${p.length - 8}` : '');
  const held = r.test ? ` · ${t('validation loss')} ${format(r.test.losses[r.test.losses.length - 1])}` : '';
  const what = t(
    '{0} at step {1}: loss {2}, parameters ({3})',
    reasons[r.reason ?? 'completed'],
    lastStep(r),
    format(r.losses[last]),
    shown,
  );
  // Named by what ran (the file's config merged in), not by what the command asked for.
  return `${what}${held} · ${runLabel(r.options)}`;
}
