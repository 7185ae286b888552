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
  type ViewCaptions,
} from '../protocol/panelProtocol';
import { LossChart } from './lossChart';
import { Curve1D } from './curve1d';
import { ContourMap } from './contourMap';
import { TraceChart } from './traceChart';
import { Playback } from './playback';
import { exportPng } from './exportPng';
import { createControls, type Controls } from './controls';
import { onThemeChange } from './theme';
import { formatNumber } from './numberFormat';
import { vscode } from './vscodeApi';
import { CellMap, SweepChart, renderDiagnosis, renderTable } from './teachingViews';
import { renderStepDetail } from './stepDetail';
import { GraphView } from './graphView';
import { BoundaryView } from './boundaryView';
import { WeightsView } from './weightsView';
import type { PanelSnapshot, RunSettings as Settings } from '../protocol/panelProtocol';

/**
 * What the panel shows: a training run (its controls in the toolbar below the picture) or a teaching
 * view (race, restarts, sweep, curvature, why-iterate, batch sizes, backprop graph), which has no use
 * for the training form: it is hidden until the learner trains again.
 */
type Mode = 'train' | 'analysis';

/** A teaching view, recognised by the first message of its own (table, map, sweep or graph). */
type AnalysisKind = 'race' | 'restarts' | 'sweep' | 'curvature' | 'whyIterate' | 'batchSizes' | 'graph';

/** The teaching view each table, map or sweep id belongs to (src/commands/analysisMessages.ts names them). */
const KIND_OF_ID: Record<string, AnalysisKind> = {
  race: 'race',
  basins: 'restarts',
  'basin-map': 'restarts',
  sweep: 'sweep',
  'sweep-table': 'sweep',
  stationary: 'curvature',
  definiteness: 'curvature',
  'why-iterate': 'whyIterate',
  'batch-sizes': 'batchSizes',
  'backprop-cost': 'graph',
};

interface View {
  strings: PanelStrings;
  mode: Mode;
  /** The view's title and its one-sentence caption (what is shown, what to notice). */
  title: HTMLElement;
  caption: HTMLElement;
  /** A teaching view's title as the host sent it; its kind once recognised; whether it failed. */
  analysisTitle?: string;
  analysisKind?: AnalysisKind;
  analysisFailed?: boolean;
  controls: Controls;
  /** The toolbar: the training form (hidden in a teaching view). */
  runBar: HTMLElement;
  chart: LossChart;
  /** The loss chart's box: hidden until a loss arrived (no empty 0–1 axes beside a picture). */
  lossBox: HTMLElement;
  /** Charts, legend, playback, step detail and status: shown with the first run. */
  picture: HTMLElement;
  /** Legend and log-scale switch, under the charts. */
  chartBar: HTMLElement;
  logScale: HTMLElement;
  empty: HTMLElement;
  charts: HTMLElement;
  surfaceBox: HTMLElement;
  legend: HTMLElement;
  /** The newest run's file name and parameter count (the train view's title and caption). */
  latestFile?: string;
  latestDimension?: number;
  /** How the newest finished run ended, without its name (the `state` snapshot's status). */
  statusReason: string;
  /** What the decision boundary shows (a regression's output is no classification). */
  boundaryKind?: string;
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
  traceBoxes?: { norm: HTMLElement; traces: HTMLElement };
  /** Parameter names per run (a run without names has no traces to draw). */
  paramNames: Map<string, string[]>;
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

/** Whether the toolbar's disclosure is open: kept when the panel is rebuilt for another view. */
let moreOpen = false;

function build(strings: PanelStrings, settings: RunSettings, mode: Mode = 'train', analysisTitle?: string): View {
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
  controls.more.open = moreOpen;
  controls.more.addEventListener('toggle', () => (moreOpen = controls.more.open));

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
  controls.moreButtons.append(...exportButtons);
  const runBar = el('div', 'run-bar');
  runBar.id = 'run-bar';
  runBar.append(controls.element);
  runBar.hidden = mode === 'analysis';

  const header = el('header', 'view-head');
  const title = el('h2', mode === 'analysis' ? 'view-title analysis-title' : 'view-title');
  title.id = 'view-title';
  const caption = el('p', 'view-caption');
  caption.id = 'view-caption';
  header.append(title, caption);

  const logScale = document.createElement('vscode-checkbox');
  logScale.id = 'log-scale';
  logScale.setAttribute('label', strings.logScale);
  logScale.hidden = true;
  const status = el('p', 'status');
  status.id = 'status';
  status.setAttribute('role', 'status');
  status.hidden = mode === 'analysis';

  const empty = el('p', 'empty-state', strings.emptyState);
  empty.id = 'empty-state';
  empty.hidden = mode === 'analysis';

  const legend = el('ul', 'legend');
  legend.id = 'legend';
  legend.setAttribute('aria-label', strings.lossCurve);
  const chartBar = el('div', 'chart-bar');
  chartBar.append(legend, logScale);
  chartBar.hidden = true;
  const testNote = el('p', 'test-note', strings.testLossNote);
  testNote.id = 'test-note';
  testNote.hidden = true;

  const charts = el('div', 'charts');
  charts.hidden = true;
  const loss = chartBox('loss-chart', strings.lossCurve);
  loss.box.hidden = true;
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
  // Shown once the newest run has two points: before that there is nothing to play.
  playback.element.hidden = true;

  // The picture appears with the first run (a sweep, a Hessian map or a graph has none: their own pictures are below).
  const picture = el('div', 'picture');
  picture.hidden = true;
  picture.append(charts, chartBar, testNote, playback.element, stepDetail, status);
  const diagnosis = el('div', 'diagnosis-box');
  const analysis = el('div', 'analysis');
  analysis.id = 'analysis';
  app.append(header, empty, picture, diagnosis, runBar, analysis);

  const chart = new LossChart(loss.canvas, {
    step: strings.step,
    loss: strings.loss,
    testLoss: strings.testLoss,
    diverged: strings.divergedTag,
  });
  state = { settings, logScale: state?.logScale ?? false };
  (logScale as unknown as { checked: boolean }).checked = state.logScale;
  chart.setLogScale(state.logScale);
  // The chart turns its axis logarithmic by itself for losses spanning decades: the box shows what is drawn.
  chart.onAutoLogScale = (log) => ((logScale as unknown as { checked: boolean }).checked = log);
  logScale.addEventListener('change', () => {
    const checked = (logScale as unknown as { checked: boolean }).checked;
    chart.setLogScale(checked);
    save({ logScale: checked });
  });
  const v: View = {
    strings,
    mode,
    title,
    caption,
    analysisTitle,
    controls,
    runBar,
    chart,
    lossBox: loss.box,
    picture,
    chartBar,
    logScale,
    empty,
    charts,
    surfaceBox,
    legend,
    testNote,
    status,
    statusReason: '',
    colors: new Map(),
    runs: new Map(),
    playback,
    analysis,
    cellMaps: [],
    diagnosis,
    stepDetail,
    settings: new Map(),
    paramNames: new Map(),
  };
  onThemeChange(() => {
    chart.applyTheme();
    // The light theme darkens some palette colours: the HTML swatches follow the chart's.
    for (const i of chart.legendItems()) v.colors.set(i.runId, i.color);
    renderLegend(v);
    v.curve?.applyTheme();
    v.map?.redraw();
    for (const m of v.cellMaps) m.draw();
    v.boundary?.draw();
    v.weights?.redraw();
  });
  showHeader(v);
  return v;
}

/** The caption of the training view: what its pictures are, for the newest run. */
function trainCaption(v: View): keyof ViewCaptions {
  if (v.latest === undefined) return 'empty';
  if (v.boundary && v.boundaryKind !== 'output') return 'boundary';
  const d = v.latestDimension ?? 0;
  if (d === 1) return v.curve ? 'curve' : 'loss';
  if (d === 2) return v.map ? 'map' : 'loss';
  return v.map ? 'slice' : 'many';
}

/** The view's title and its caption sentence, for what the panel shows now. */
function showHeader(v: View): void {
  const { strings } = v;
  let caption: string;
  if (v.mode === 'analysis') {
    v.title.textContent = v.analysisTitle ?? '';
    caption = v.analysisKind
      ? strings.captions[v.analysisKind].replace('{0}', strings.backwardStep)
      : v.analysisFailed
        ? ''
        : strings.analysisPending;
  } else {
    v.title.textContent = v.latestFile === undefined ? strings.title : strings.trainTitle.replace('{0}', v.latestFile);
    caption = strings.captions[trainCaption(v)];
  }
  v.caption.textContent = caption;
  v.caption.hidden = caption === '';
}

/** A teaching view's own message arrived: its caption can say what it shows. */
function recognise(v: View, kind: AnalysisKind | undefined): void {
  if (v.mode !== 'analysis' || !kind || v.analysisKind) return;
  v.analysisKind = kind;
  showHeader(v);
}

/** A heading equal to the view's title is said once: the repeat is kept for screen readers only (a table's name). */
function sayTitleOnce(v: View, heading: Element | null): void {
  if (heading && v.mode === 'analysis' && heading.textContent === v.analysisTitle) heading.classList.add('visually-hidden');
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
/** Where the loss chart is on screen (reportState): the integration tests check the first screen. */
function layoutOf(v: View): PanelSnapshot['layout'] {
  const box = v.lossBox.getBoundingClientRect();
  const points = v.chart.legendItems().reduce((n, i) => n + v.chart.pointCount(i.runId), 0);
  return {
    lossChartTop: Math.round(box.top),
    lossChartHeight: Math.round(box.height),
    lossChartPoints: v.lossBox.hidden ? 0 : points,
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
  };
}

function renderLegend(v: View): void {
  const items = v.chart.legendItems().map((item) => {
    const button = el('button', 'legend-item');
    button.type = 'button';
    button.dataset.runId = item.runId;
    button.setAttribute('aria-pressed', String(!item.hidden));
    const swatch = el('span', 'swatch');
    swatch.style.backgroundColor = item.color; // CSSOM from script is allowed by the CSP; style="" is not.
    if (item.dash) {
      // Runs past the palette's ten colours are dashed on the chart, and so in the legend.
      swatch.classList.add('dashed');
      swatch.style.borderTopColor = item.color;
      swatch.style.backgroundColor = 'transparent';
    }
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
  // Hidden until they have something to draw (progress): no empty axes.
  norm.box.hidden = true;
  traces.box.hidden = true;
  v.traceBoxes = { norm: norm.box, traces: traces.box };
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
  return `${name} · ${s.optimizer} · η=${formatNumber(s.learningRate)}${batch}${seed}`;
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
    // A teaching view starts from a clean panel: its runs, tables and maps only, without the training form.
    // The host sends the same title again, "title — error", when the view could not be computed.
    const previous = view.mode === 'analysis' ? view.analysisTitle : undefined;
    view.sweep?.destroy();
    view = build(view.strings, view.controls.settings(), 'analysis', msg.title);
    view.analysisFailed = previous !== undefined && msg.title.startsWith(`${previous} — `);
    showHeader(view);
    return;
  }
  if (msg.type === 'runStarted' && msg.setsControls && view.mode === 'analysis') {
    // The learner trains again (a sweep's point, a click on the map, the editor's Train): back to the training view.
    view.sweep?.destroy();
    view = build(view.strings, view.controls.settings());
  }
  const v = view;
  switch (msg.type) {
    case 'table': {
      // A table of the same id (a network's parameters after a rerun) is replaced, not repeated.
      const table = renderTable(msg);
      const existing = document.getElementById(table.id);
      if (existing) existing.replaceWith(table);
      else v.analysis.append(table);
      sayTitleOnce(v, table.querySelector('caption'));
      recognise(v, KIND_OF_ID[msg.id]);
      v.empty.hidden = true;
      break;
    }
    case 'cellMap': {
      const map = new CellMap(msg);
      v.cellMaps.push(map);
      v.analysis.append(map.element);
      recognise(v, KIND_OF_ID[msg.id]);
      v.empty.hidden = true;
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
      // The chart's heading repeats the view's title ("학습률 훑어보기" twice): the canvas keeps its name.
      if (v.mode === 'analysis' && msg.title === v.analysisTitle) v.sweep.element.querySelector(':scope > h3')?.remove();
      v.analysis.append(v.sweep.element);
      recognise(v, 'sweep');
      v.empty.hidden = true;
      break;
    case 'weights': {
      const w = new WeightsView(msg.title, msg.labels, msg.layers);
      if (v.weights) v.weights.element.replaceWith(w.element);
      else v.analysis.append(w.element);
      v.weights = w;
      v.empty.hidden = true;
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
      v.boundaryKind = msg.boundary.kind;
      showHeader(v);
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
      recognise(v, 'graph');
      v.empty.hidden = true;
      break;
    }
    case 'diagnosis':
      if (msg.runId === v.latest) v.diagnosis.replaceChildren(diagnosisList(v, msg.runId, msg.findings));
      break;
    case 'reportState':
      vscode.postMessage({
        type: 'state',
        state: { legend: legendTexts(v), settings: v.controls.settings(), status: v.statusReason, layout: layoutOf(v) },
      });
      break;
    case 'runStarted': {
      v.empty.hidden = true;
      v.picture.hidden = false;
      v.charts.hidden = false;
      v.chartBar.hidden = false;
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
      v.paramNames.set(msg.runId, msg.paramNames);
      v.latest = msg.runId;
      v.latestFile = msg.file.split(/[\\/]/).pop() ?? msg.file;
      v.latestDimension = msg.dimension;
      // Nothing to play before the new run has two points; the old run's step numbers no longer apply.
      v.playback.element.hidden = true;
      v.stepDetail.replaceChildren();
      v.curve?.addRun(msg.runId, color);
      v.map?.addRun(msg.runId, color);
      v.gradNorm?.addRun(msg.runId, color, msg.paramNames);
      v.traces?.addRun(msg.runId, color, msg.paramNames);
      renderLegend(v);
      v.status.classList.remove('error');
      v.status.replaceChildren();
      v.statusReason = '';
      v.diagnosis.replaceChildren();
      showHeader(v);
      break;
    }
    case 'surface':
      showSurface(v, msg.surface);
      showHeader(v);
      break;
    case 'progress': {
      const points = v.runs.get(msg.runId);
      if (points) for (const p of msg.points) points.push(p);
      if (msg.runId === v.latest && points) {
        v.playback.setPoints(points);
        v.playback.element.hidden = points.length < 2;
      }
      if (msg.points.length > 0 && v.lossBox.hidden) {
        v.lossBox.hidden = false;
        v.logScale.hidden = false;
      }
      if (v.traceBoxes && msg.points.length > 0) {
        if (msg.points.some((p) => Number.isFinite(p.gradNorm))) v.traceBoxes.norm.hidden = false;
        if ((v.paramNames.get(msg.runId)?.length ?? 0) > 0) v.traceBoxes.traces.hidden = false;
      }
      const hadTest = v.chart.pointCount(msg.runId, true) > 0;
      const wasDiverged = v.chart.isDiverged(msg.runId);
      v.chart.addPoints(msg.runId, msg.points);
      if (!wasDiverged && v.chart.isDiverged(msg.runId)) renderLegend(v);
      v.testNote.hidden = !v.chart.hasTestCurves();
      if (!hadTest && v.chart.pointCount(msg.runId, true) > 0) renderLegend(v);
      v.curve?.addPoints(msg.runId, msg.points);
      v.map?.addPoints(msg.runId, msg.points);
      v.gradNorm?.addPoints(msg.runId, msg.points);
      v.traces?.addPoints(msg.runId, msg.points);
      break;
    }
    case 'runFinished': {
      if (msg.reason === 'diverged') v.chart.markDiverged(msg.runId);
      renderLegend(v);
      // "quadratic.ts · sgd · η=0.1: 모든 스텝을 마쳤습니다 (40 스텝에서)": which run, why, where.
      const reason =
        msg.step === undefined
          ? v.strings.reasons[msg.reason]
          : `${v.strings.reasons[msg.reason]} (${v.strings.atStep.replace('{0}', String(msg.step))})`;
      v.statusReason = msg.message ? `${reason} — ${msg.message}` : reason;
      const run = v.chart.legendItems().find((i) => i.runId === msg.runId)?.label;
      v.status.replaceChildren(...(run ? [el('span', 'status-run', run), ': '] : []), el('span', 'status-reason', v.statusReason));
      v.status.classList.toggle('error', msg.reason === 'diverged' || msg.reason === 'error');
      break;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) handle(event.data);
  else console.warn('[gdTutor] ignored an invalid message from the host');
});

vscode.postMessage({ type: 'ready' });
