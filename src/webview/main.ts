/**
 * The loss panel's browser app. It only draws what the host sends and reports what the learner
 * asks for; it never imports the engine or `vscode` (see ../protocol/panelProtocol.ts for every message).
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import {
  isHostMessage,
  isPanelState,
  type DiagnosisItem,
  type ExportFormat,
  type HostMessage,
  type PanelState,
  type PanelStrings,
  type RunSettings,
  type StepPoint,
  type SurfaceData,
} from '../protocol/panelProtocol';
import { LossChart } from './lossChart';
import { Curve1D } from './curve1d';
import { ContourMap } from './contourMap';
import { TraceChart } from './traceChart';
import { Playback } from './playback';
import { exportPng } from './exportPng';
import { createControls, type Controls } from './controls';
import { onThemeChange } from './theme';
import { vscode } from './vscodeApi';
import { CellMap, SweepChart, renderDiagnosis, renderTable } from './teachingViews';
import { renderStepDetail } from './stepDetail';
import { GraphView } from './graphView';
import { BoundaryView } from './boundaryView';
import { WeightsView } from './weightsView';
import type { RunSettings as Settings } from '../protocol/panelProtocol';

interface View {
  strings: PanelStrings;
  controls: Controls;
  chart: LossChart;
  empty: HTMLElement;
  charts: HTMLElement;
  surfaceBox: HTMLElement;
  legend: HTMLElement;
  /** A network's weights per layer (replaced by each run's). */
  weights?: WeightsView;
  /** "Dashed: the loss on held-out samples": shown once a run has a test curve. */
  testNote: HTMLElement;
  status: HTMLElement;
  curve?: Curve1D;
  map?: ContourMap;
  /** For three or more parameters: ‖∇L‖ per run and the traces of the parameters. */
  gradNorm?: TraceChart;
  traces?: TraceChart;
  /** Colour of each run, shared by every view of it. */
  colors: Map<string, string>;
  /** Every point received per run (already thinned by the host for long runs). */
  runs: Map<string, StepPoint[]>;
  /** The run playback and export act on: the newest. */
  latest?: string;
  playback: Playback;
  /** A teaching view's tables, maps and sweep chart (below the charts). */
  analysis: HTMLElement;
  cellMaps: CellMap[];
  sweep?: SweepChart;
  /** The newest run's automatic diagnosis. */
  diagnosis: HTMLElement;
  /** Timeline: the numbers of the step under the playback cursor. */
  stepDetail: HTMLElement;
  settings: Map<string, Settings>;
  /** A two-input network's decision boundary (created on its first message). */
  boundary?: BoundaryView;
}

const saved = vscode.getState();
let state: PanelState | undefined = isPanelState(saved) ? saved : undefined;
let view: View | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function chartBox(id: string, label: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const box = el('section', 'chart-box');
  box.setAttribute('aria-label', label);
  const canvas = el('canvas');
  canvas.id = id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.append(canvas);
  return { box, canvas };
}

function build(strings: PanelStrings, settings: RunSettings): View {
  const app = document.getElementById('app') as HTMLElement;
  app.replaceChildren();
  document.title = strings.title;

  const controls = createControls(
    strings,
    settings,
    (s) => {
      save({ settings: s });
      vscode.postMessage({ type: 'rerun', settings: s });
    },
    () => vscode.postMessage({ type: 'stop' }),
  );

  const toolbar = el('div', 'toolbar');
  const exportButtons = (['csv', 'json', 'png'] as ExportFormat[]).map((format) => {
    const b = document.createElement('vscode-button');
    b.id = `export-${format}`;
    b.setAttribute('secondary', '');
    b.setAttribute('icon', format === 'png' ? 'file-media' : 'save');
    b.textContent = format.toUpperCase();
    const label = { csv: strings.exportCsv, json: strings.exportJson, png: strings.exportPng }[format];
    b.setAttribute('aria-label', label);
    b.setAttribute('title', label);
    b.addEventListener('click', () => requestExport(format));
    return b;
  });
  const logScale = document.createElement('vscode-checkbox');
  logScale.id = 'log-scale';
  logScale.setAttribute('label', strings.logScale);
  const status = el('span', 'status');
  status.id = 'status';
  status.setAttribute('role', 'status');
  toolbar.append(logScale, ...exportButtons, status);

  const empty = el('p', 'empty-state', strings.emptyState);
  empty.id = 'empty-state';

  const legend = el('ul', 'legend');
  legend.id = 'legend';
  legend.setAttribute('aria-label', strings.lossCurve);
  const testNote = el('p', 'test-note', strings.testLossNote);
  testNote.id = 'test-note';
  testNote.hidden = true;

  const charts = el('div', 'charts');
  charts.hidden = true;
  const loss = chartBox('loss-chart', strings.lossCurve);
  const surfaceBox = el('section', 'chart-box surface-box');
  surfaceBox.setAttribute('aria-label', strings.lossSurface);
  surfaceBox.hidden = true;
  charts.append(loss.box, surfaceBox);

  const stepDetail = el('div', 'step-detail');
  stepDetail.id = 'step-detail';
  stepDetail.setAttribute('aria-live', 'polite');
  const playback = new Playback(strings, (p) => {
    const color = (view?.latest && view.colors.get(view.latest)) || 'currentColor';
    view?.chart.setCursor(p, color);
    view?.curve?.setCursor(p, color);
    view?.map?.setCursor(p, color);
    if (view?.map) {
      // Every other visible run at the same step moves with the cursor: a race or restarts animate together.
      const hidden = new Set(
        view.chart
          .legendItems()
          .filter((i) => i.hidden)
          .map((i) => i.runId),
      );
      const companions = p
        ? [...view.runs].flatMap(([runId, pts]) => {
            if (runId === view?.latest || hidden.has(runId)) return [];
            const at =
              pts.find((q) => q.step === p.step) ?? (pts.length && pts[pts.length - 1].step < p.step ? pts[pts.length - 1] : undefined);
            return at ? [{ point: at, color: view?.colors.get(runId) ?? 'currentColor' }] : [];
          })
        : [];
      view.map.setCompanions(companions);
    }
    if (view?.latest) {
      const points = view.runs.get(view.latest) ?? [];
      const i = p ? points.indexOf(p) : -1;
      renderStepDetail(stepDetail, strings, view.settings.get(view.latest), p, i >= 0 ? points[i + 1] : undefined);
    }
  });
  playback.element.hidden = true;

  const diagnosis = el('div', 'diagnosis-box');
  const analysis = el('div', 'analysis');
  analysis.id = 'analysis';
  app.append(controls.element, toolbar, diagnosis, empty, legend, testNote, playback.element, stepDetail, charts, analysis);

  const chart = new LossChart(loss.canvas, { step: strings.step, loss: strings.loss, testLoss: strings.testLoss });
  state = { settings, logScale: state?.logScale ?? false };
  (logScale as unknown as { checked: boolean }).checked = state.logScale;
  chart.setLogScale(state.logScale);
  logScale.addEventListener('change', () => {
    const checked = (logScale as unknown as { checked: boolean }).checked;
    chart.setLogScale(checked);
    save({ logScale: checked });
  });
  const v: View = {
    strings,
    controls,
    chart,
    empty,
    charts,
    surfaceBox,
    legend,
    testNote,
    status,
    colors: new Map(),
    runs: new Map(),
    playback,
    analysis,
    cellMaps: [],
    diagnosis,
    stepDetail,
    settings: new Map(),
  };
  onThemeChange(() => {
    chart.applyTheme();
    v.curve?.applyTheme();
    v.map?.redraw();
    for (const m of v.cellMaps) m.draw();
    v.boundary?.draw();
    v.weights?.redraw();
  });
  return v;
}

function requestExport(format: ExportFormat): void {
  if (!view?.latest) return;
  if (format === 'png') {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.charts canvas')].filter((c) => c.offsetParent !== null);
    vscode.postMessage({ type: 'export', format, runId: view.latest, dataUrl: exportPng(canvases) });
  } else {
    vscode.postMessage({ type: 'export', format, runId: view.latest });
  }
}

function save(patch: Partial<PanelState>): void {
  if (!state) return;
  state = { ...state, ...patch };
  vscode.setState(state);
}

/** One button per run: its colour, its label; pressing it hides or shows that run everywhere. */
function renderLegend(v: View): void {
  const items = v.chart.legendItems().map((item) => {
    const button = el('button', 'legend-item');
    button.type = 'button';
    button.dataset.runId = item.runId;
    button.setAttribute('aria-pressed', String(!item.hidden));
    const swatch = el('span', 'swatch');
    swatch.style.backgroundColor = item.color; // CSSOM from script is allowed by the CSP; style="" is not.
    button.append(swatch, el('span', 'label', item.label));
    if (v.chart.pointCount(item.runId, true) > 0) {
      // The run's held-out (test) loss: the same colour, dashed.
      const dashed = el('span', 'swatch dashed');
      dashed.style.borderTopColor = item.color;
      button.append(dashed, el('span', 'label test-label', v.strings.testLoss));
    }
    button.addEventListener('click', () => {
      v.chart.toggle(item.runId);
      const visible = !v.chart.legendItems().find((i) => i.runId === item.runId)?.hidden;
      v.curve?.setVisible(item.runId, visible);
      v.map?.setVisible(item.runId, visible);
      renderLegend(v);
    });
    const li = el('li');
    li.append(button);
    return li;
  });
  v.legend.replaceChildren(...items);
}

/** The picture of the surface: the curve for one parameter, the contour map for two or more. */
function showSurface(v: View, surface: SurfaceData): void {
  v.surfaceBox.hidden = false;
  if (surface.kind === '1d') {
    if (!v.curve) {
      const canvas = el('canvas');
      canvas.id = 'surface-chart';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', v.strings.curve);
      v.surfaceBox.replaceChildren(canvas);
      v.curve = new Curve1D(canvas, {
        param: v.strings.parameter,
        loss: v.strings.loss,
        curve: v.strings.curve,
        tangent: v.strings.tangent,
      });
      for (const [runId, color] of v.colors) v.curve.addRun(runId, color);
    }
    v.curve.setSurface(surface);
    return;
  }
  if (!v.map) {
    const canvas = el('canvas', 'contour-map');
    canvas.id = 'surface-map';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${v.strings.lossSurface}. ${v.strings.clickToStart}`);
    canvas.title = v.strings.clickToStart;
    v.surfaceBox.replaceChildren(canvas, el('p', 'hint', v.strings.clickToStart));
    v.map = new ContourMap(canvas, (point) => {
      const s = { ...v.controls.settings(), init: point };
      v.controls.set(s);
      save({ settings: s });
      vscode.postMessage({ type: 'rerun', settings: s });
    });
    for (const [runId, color] of v.colors) v.map.addRun(runId, color);
  }
  v.map.setSurface(surface);
}

/** The extra charts of a many-parameter loss, created on its first run. */
function ensureTraceCharts(v: View): void {
  if (v.gradNorm) return;
  const norm = chartBox('grad-norm-chart', v.strings.gradNorm);
  const traces = chartBox('trace-chart', v.strings.parameterTraces);
  v.charts.append(norm.box, traces.box);
  v.gradNorm = new TraceChart(norm.canvas, 'gradNorm', { step: v.strings.step, value: v.strings.gradNorm });
  v.traces = new TraceChart(traces.canvas, 'params', { step: v.strings.step, value: v.strings.parameter });
}

/** The legend's run labels as rendered (without the "validation loss" marks). */
function legendTexts(v: View): string[] {
  return [...v.legend.querySelectorAll('.legend-item .label:not(.test-label)')].map((e) => e.textContent ?? '');
}

/** "rosenbrock.ts · adam · η=0.05" (· mini-batch 50 · seed 7): the settings the run uses. */
function legendLabel(strings: PanelStrings, file: string, s: RunSettings): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const batch = s.batchSize === undefined ? '' : ` · ${strings.batchSize.replace('{0}', String(s.batchSize))}`;
  const seed = s.initSeed === undefined ? '' : ` · ${strings.initSeed.replace('{0}', String(s.initSeed))}`;
  return `${name} · ${s.optimizer} · η=${s.learningRate}${batch}${seed}`;
}

/** The diagnosis with its buttons: a glossary entry each, and a verified remedy's run where there is one. */
function diagnosisList(v: View, runId: string, findings: DiagnosisItem[]): HTMLElement {
  return renderDiagnosis(
    findings,
    { explain: v.strings.explain, remedy: v.strings.remedy, remedyHint: v.strings.remedyHint },
    {
      onExplain: (term) => vscode.postMessage({ type: 'explain', term }),
      onRemedy: (f) => vscode.postMessage({ type: 'remedy', runId, code: f.code, cli: f.remedy.cli }),
    },
  );
}

function handle(msg: HostMessage): void {
  if (msg.type === 'init') {
    view = build(msg.strings, state?.settings ?? msg.settings);
    save({});
    return;
  }
  if (!view) return;
  if (msg.type === 'analysisStarted') {
    // A teaching view starts from a clean panel: its runs, tables and maps only.
    view.sweep?.destroy();
    view = build(view.strings, view.controls.settings());
    view.analysis.append(Object.assign(document.createElement('h2'), { className: 'analysis-title', textContent: msg.title }));
    view.empty.hidden = true;
    return;
  }
  const v = view;
  switch (msg.type) {
    case 'table': {
      // A table of the same id (a network's parameters after a rerun) is replaced, not repeated.
      const table = renderTable(msg);
      const existing = document.getElementById(table.id);
      if (existing) existing.replaceWith(table);
      else v.analysis.append(table);
      break;
    }
    case 'cellMap': {
      const map = new CellMap(msg);
      v.cellMaps.push(map);
      v.analysis.append(map.element);
      break;
    }
    case 'sweep':
      v.sweep?.destroy();
      v.sweep = new SweepChart(msg, (learningRate) => {
        const s = { ...v.controls.settings(), learningRate };
        v.controls.set(s);
        save({ settings: s });
        vscode.postMessage({ type: 'rerun', settings: s });
      });
      v.analysis.append(v.sweep.element);
      break;
    case 'weights': {
      const w = new WeightsView(msg.title, msg.labels, msg.layers);
      if (v.weights) v.weights.element.replaceWith(w.element);
      else v.analysis.append(w.element);
      v.weights = w;
      break;
    }
    case 'boundary': {
      if (msg.runId !== v.latest) break;
      if (!v.boundary) {
        v.boundary = new BoundaryView({
          title: v.strings.decisionBoundary,
          accuracy: v.strings.trainingAccuracy,
          testAccuracy: v.strings.testAccuracy,
        });
        v.charts.prepend(v.boundary.element);
      }
      v.boundary.set(msg.boundary);
      break;
    }
    case 'graph': {
      const graph = new GraphView(
        msg.graph,
        msg.title,
        {
          value: v.strings.graphValue,
          adjoint: v.strings.graphAdjoint,
          backwardStep: v.strings.backwardStep,
          restart: v.strings.backwardRestart,
        },
        (start, end) => vscode.postMessage({ type: 'reveal', start, end }),
      );
      v.analysis.append(graph.element);
      break;
    }
    case 'diagnosis':
      if (msg.runId === v.latest) v.diagnosis.replaceChildren(diagnosisList(v, msg.runId, msg.findings));
      break;
    case 'reportState':
      vscode.postMessage({
        type: 'state',
        state: { legend: legendTexts(v), settings: v.controls.settings(), status: v.status.textContent ?? '' },
      });
      break;
    case 'runStarted': {
      v.empty.hidden = true;
      v.charts.hidden = false;
      if (msg.dimension >= 3) ensureTraceCharts(v);
      v.chart.addRun(msg.runId, legendLabel(v.strings, msg.file, msg.settings));
      if (msg.setsControls) {
        // The controls show what this run uses (the file's config merged in), ready to change.
        v.controls.set(msg.settings);
        save({ settings: v.controls.settings() });
      }
      const color = v.chart.legendItems().find((i) => i.runId === msg.runId)?.color ?? 'currentColor';
      v.colors.set(msg.runId, color);
      v.runs.set(msg.runId, []);
      v.settings.set(msg.runId, msg.settings);
      v.latest = msg.runId;
      v.playback.element.hidden = false;
      v.curve?.addRun(msg.runId, color);
      v.map?.addRun(msg.runId, color);
      v.gradNorm?.addRun(msg.runId, color, msg.paramNames);
      v.traces?.addRun(msg.runId, color, msg.paramNames);
      renderLegend(v);
      v.status.classList.remove('error');
      v.status.textContent = '';
      v.diagnosis.replaceChildren();
      break;
    }
    case 'surface':
      showSurface(v, msg.surface);
      break;
    case 'progress': {
      const points = v.runs.get(msg.runId);
      if (points) for (const p of msg.points) points.push(p);
      if (msg.runId === v.latest && points) v.playback.setPoints(points);
      const hadTest = v.chart.pointCount(msg.runId, true) > 0;
      v.chart.addPoints(msg.runId, msg.points);
      v.testNote.hidden = !v.chart.hasTestCurves();
      if (!hadTest && v.chart.pointCount(msg.runId, true) > 0) renderLegend(v);
      v.curve?.addPoints(msg.runId, msg.points);
      v.map?.addPoints(msg.runId, msg.points);
      v.gradNorm?.addPoints(msg.runId, msg.points);
      v.traces?.addPoints(msg.runId, msg.points);
      break;
    }
    case 'runFinished':
      {
        const reason =
          msg.step === undefined
            ? v.strings.reasons[msg.reason]
            : `${v.strings.reasons[msg.reason]} (${v.strings.atStep.replace('{0}', String(msg.step))})`;
        v.status.textContent = msg.message ? `${reason} — ${msg.message}` : reason;
      }
      v.status.classList.toggle('error', msg.reason === 'diverged' || msg.reason === 'error');
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) handle(event.data);
  else console.warn('[gdTutor] ignored an invalid message from the host');
});

vscode.postMessage({ type: 'ready' });
