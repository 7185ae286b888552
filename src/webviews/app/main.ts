/**
 * The loss panel's browser app. It only draws what the host sends and reports what the learner
 * asks for; it never imports the engine or `vscode` (see ../protocol.ts for every message).
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { isHostMessage, isPanelState, type HostMessage, type PanelState, type PanelStrings, type RunSettings } from '../protocol';
import { LossChart } from './lossChart';
import { onThemeChange } from './theme';
import { vscode } from './vscodeApi';

interface View {
  strings: PanelStrings;
  chart: LossChart;
  empty: HTMLElement;
  chartBox: HTMLElement;
  legend: HTMLElement;
  status: HTMLElement;
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

function build(strings: PanelStrings, settings: RunSettings): View {
  const app = document.getElementById('app') as HTMLElement;
  app.replaceChildren();
  document.title = strings.title;

  const toolbar = el('div', 'toolbar');
  const logScale = document.createElement('vscode-checkbox');
  logScale.id = 'log-scale';
  logScale.setAttribute('label', strings.logScale);
  const status = el('span', 'status');
  status.id = 'status';
  status.setAttribute('role', 'status');
  toolbar.append(logScale, status);

  const empty = el('p', 'empty-state', strings.emptyState);
  empty.id = 'empty-state';

  const chartBox = el('section', 'chart-box');
  chartBox.setAttribute('aria-label', strings.lossCurve);
  chartBox.hidden = true;
  const canvas = el('canvas');
  canvas.id = 'loss-chart';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', strings.lossCurve);
  chartBox.append(canvas);

  const legend = el('ul', 'legend');
  legend.id = 'legend';
  legend.setAttribute('aria-label', strings.lossCurve);

  app.append(toolbar, empty, legend, chartBox);

  const chart = new LossChart(canvas, { step: strings.step, loss: strings.loss });
  state = { settings, logScale: state?.logScale ?? false };
  (logScale as unknown as { checked: boolean }).checked = state.logScale;
  chart.setLogScale(state.logScale);
  logScale.addEventListener('change', () => {
    const checked = (logScale as unknown as { checked: boolean }).checked;
    chart.setLogScale(checked);
    save({ logScale: checked });
  });
  onThemeChange(() => chart.applyTheme());
  return { strings, chart, empty, chartBox, legend, status };
}

/** One button per run: its colour, its label; pressing it hides or shows that curve. */
function renderLegend(v: View): void {
  const items = v.chart.legendItems().map((item) => {
    const button = el('button', 'legend-item');
    button.type = 'button';
    button.dataset.runId = item.runId;
    button.setAttribute('aria-pressed', String(!item.hidden));
    const swatch = el('span', 'swatch');
    swatch.style.backgroundColor = item.color; // CSSOM from script is allowed by the CSP; style="" is not.
    button.append(swatch, el('span', 'label', item.label));
    button.addEventListener('click', () => {
      v.chart.toggle(item.runId);
      renderLegend(v);
    });
    const li = el('li');
    li.append(button);
    return li;
  });
  v.legend.replaceChildren(...items);
}

function save(patch: Partial<PanelState>): void {
  if (!state) return;
  state = { ...state, ...patch };
  vscode.setState(state);
}

function handle(msg: HostMessage): void {
  if (msg.type === 'init') {
    view = build(msg.strings, state?.settings ?? msg.settings);
    save({});
    return;
  }
  if (!view) return;
  switch (msg.type) {
    case 'runStarted': {
      view.empty.hidden = true;
      view.chartBox.hidden = false;
      const name = msg.file.split(/[\\/]/).pop() ?? msg.file;
      view.chart.addRun(msg.runId, `${name} · ${msg.settings.optimizer} · η=${msg.settings.learningRate}`);
      renderLegend(view);
      view.status.classList.remove('error');
      view.status.textContent = '';
      break;
    }
    case 'progress':
      view.chart.addPoints(msg.runId, msg.points);
      break;
    case 'runFinished':
      view.status.textContent = msg.message ? `${view.strings.reasons[msg.reason]} — ${msg.message}` : view.strings.reasons[msg.reason];
      view.status.classList.toggle('error', msg.reason === 'diverged' || msg.reason === 'error');
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) handle(event.data);
  else console.warn('[gdTutor] ignored an invalid message from the host');
});

vscode.postMessage({ type: 'ready' });
