/**
 * The panel's one view and how it is built: the header (title and caption), the picture (charts,
 * legend, playback, step detail, status), the diagnosis, the toolbar and a teaching view's area.
 * main.ts rebuilds it when the learner switches between training and a teaching view.
 */
import type { ExportFormat, PanelStrings, RunSettings, StepPoint } from '../protocol/panelProtocol';
import { LossChart } from './lossChart';
import { Playback } from './playback';
import { exportPng } from './exportPng';
import { createControls } from './controls';
import { onThemeChange } from './theme';
import { vscode } from './vscodeApi';
import { renderStepDetail } from './stepDetail';
import { chartBox, el } from './dom';
import { resetState, save } from './savedState';
import { renderLegend } from './legend';
import { showHeader } from './viewHeader';
import { showMapColorBar } from './surfaceViews';
import type { Mode, View } from './viewModel';

export type { Mode, View } from './viewModel';

/** Whether the toolbar's disclosure is open: kept when the panel is rebuilt for another view. */
let moreOpen = false;

function requestExport(v: View, format: ExportFormat): void {
  if (!v.latest) return;
  if (format === 'png') {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.charts canvas')].filter((c) => c.offsetParent !== null);
    vscode.postMessage({ type: 'export', format, runId: v.latest, dataUrl: exportPng(canvases) });
  } else {
    vscode.postMessage({ type: 'export', format, runId: v.latest });
  }
}

/** Moves every view of the runs to the playback cursor `p` (of the newest run). */
function followCursor(v: View, p: StepPoint | undefined): void {
  const color = (v.latest && v.colors.get(v.latest)) || 'currentColor';
  v.chart.setCursor(p, color);
  v.curve?.setCursor(p, color);
  v.map?.setCursor(p, color);
  if (v.map) {
    // Every other visible run at the same step moves with the cursor: a race or restarts animate together.
    const hidden = new Set(
      v.chart
        .legendItems()
        .filter((i) => i.hidden)
        .map((i) => i.runId),
    );
    const companions = p
      ? [...v.runs].flatMap(([runId, pts]) => {
          if (runId === v.latest || hidden.has(runId)) return [];
          const at =
            pts.find((q) => q.step === p.step) ?? (pts.length && pts[pts.length - 1].step < p.step ? pts[pts.length - 1] : undefined);
          return at ? [{ point: at, color: v.colors.get(runId) ?? 'currentColor' }] : [];
        })
      : [];
    v.map.setCompanions(companions);
  }
  if (v.latest) {
    const points = v.runs.get(v.latest) ?? [];
    const i = p ? points.indexOf(p) : -1;
    renderStepDetail(v.stepDetail, v.strings, v.settings.get(v.latest), p, i >= 0 ? points[i + 1] : undefined);
  }
}

export function buildView(strings: PanelStrings, settings: RunSettings, mode: Mode = 'train', analysisTitle?: string): View {
  const app = document.getElementById('app') as HTMLElement;
  app.replaceChildren();
  document.title = strings.title;
  // Set once the view exists: the toolbar's and playback's callbacks act on it.
  const built: { view?: View } = {};

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
    b.addEventListener('click', () => built.view && requestExport(built.view, format));
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
  const playback = new Playback(strings, (p) => built.view && followCursor(built.view, p));
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
  const state = resetState(settings);
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
  built.view = v;
  onThemeChange(() => {
    chart.applyTheme();
    // The light theme darkens some palette colours: the HTML swatches follow the chart's.
    for (const i of chart.legendItems()) v.colors.set(i.runId, i.color);
    renderLegend(v);
    v.curve?.applyTheme();
    v.map?.redraw();
    showMapColorBar(v);
    for (const m of v.cellMaps) m.draw();
    v.boundary?.draw();
    v.weights?.redraw();
  });
  showHeader(v);
  return v;
}
