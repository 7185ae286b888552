/**
 * The teaching views' own pictures (the runs of a race or of restarts are drawn by the ordinary
 * charts): a table of numbers, a categorical map (basins, Hessian definiteness), the learning-rate
 * sweep chart, and the diagnosis list. Each draws exactly the numbers the host sent.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import {
  Chart,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import type { DiagnosisItem, HostMessage, MapMark, RemedyData, SweepPointData, TableCell } from '../protocol/panelProtocol';
import { chartTheme } from './theme';
import { formatNumber, logAxisTicks, niceLogRange, tickLabel } from './numberFormat';
import { RED_INDEX } from './palette';

Chart.register(ScatterController, LineController, LineElement, PointElement, LogarithmicScale, Tooltip);

type TableMessage = Extract<HostMessage, { type: 'table' }>;
type CellMapMessage = Extract<HostMessage, { type: 'cellMap' }>;
type SweepMessage = Extract<HostMessage, { type: 'sweep' }>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const cellText = (c: TableCell) => (c === null ? '—' : typeof c === 'number' ? formatNumber(c) : c);

/**
 * An accessible table: caption = title, header cells with scope, the highlighted row marked. Notes
 * (what a row's setting means, from the glossary) show on hover and, for the keyboard and screen
 * readers, on focus: such rows take focus and carry the note as their description.
 */
export function renderTable(msg: TableMessage): HTMLElement {
  const box = el('section', 'analysis-table');
  box.id = `table-${msg.id}`;
  const table = el('table');
  const caption = el('caption', undefined, msg.title);
  if (msg.note) caption.title = msg.note;
  table.append(caption);
  const head = el('tr');
  for (const c of msg.columns) {
    const th = el('th', undefined, c);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  msg.rows.forEach((row, i) => {
    const tr = el('tr');
    if (i === msg.highlight) {
      tr.className = 'best';
      tr.setAttribute('aria-current', 'true');
    }
    for (const c of row) tr.append(el('td', typeof c === 'number' ? 'number' : undefined, cellText(c)));
    const note = msg.rowNotes?.[i];
    if (note) {
      tr.title = note;
      tr.tabIndex = 0;
      tr.setAttribute('aria-description', note);
    }
    tbody.append(tr);
  });
  table.append(thead, tbody);
  box.append(table);
  return box;
}

/** A categorical grid over the surface's two parameters, with labelled marks and a legend. */
export class CellMap {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;

  constructor(private readonly msg: CellMapMessage) {
    this.element = el('section', 'analysis-map');
    this.element.id = `map-${msg.id}`;
    this.element.setAttribute('aria-label', msg.title);
    this.element.append(el('h3', undefined, msg.title));
    this.canvas = el('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', msg.title);
    this.canvas.width = 360;
    this.canvas.height = 360;
    const legend = el('ul', 'map-legend');
    const colors = this.colors();
    msg.categories.forEach((c, i) => {
      if (!msg.cells.some((row) => row.includes(i))) return;
      const li = el('li');
      const swatch = el('span', 'swatch');
      swatch.style.backgroundColor = colors[i % colors.length];
      li.append(swatch, el('span', undefined, c));
      legend.append(li);
    });
    this.element.append(this.canvas, legend);
    this.draw();
  }

  private colors(): string[] {
    return chartTheme().series;
  }

  draw(): void {
    const { x, y, cells, marks } = this.msg;
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !x.length || !y.length) return;
    const w = this.canvas.width;
    const h = this.canvas.height;
    const colors = this.colors();
    const cw = w / x.length;
    const ch = h / y.length;
    ctx.clearRect(0, 0, w, h);
    // Row j is y[j] from the bottom, as on the contour map.
    cells.forEach((row, j) =>
      row.forEach((c, i) => {
        if (c < 0) return;
        ctx.fillStyle = colors[c % colors.length];
        ctx.globalAlpha = 0.55;
        ctx.fillRect(i * cw, h - (j + 1) * ch, Math.ceil(cw), Math.ceil(ch));
      }),
    );
    ctx.globalAlpha = 1;
    const toPx = (m: MapMark): [number, number] => {
      const sx = (m.x - x[0]) / (x[x.length - 1] - x[0] || 1);
      const sy = (m.y - y[0]) / (y[y.length - 1] - y[0] || 1);
      return [cw / 2 + sx * (w - cw), h - ch / 2 - sy * (h - ch)];
    };
    const theme = chartTheme();
    ctx.font = `12px ${theme.fontFamily}`;
    for (const m of marks ?? []) {
      const [px, py] = toPx(m);
      ctx.fillStyle = theme.foreground;
      ctx.beginPath();
      ctx.arc(px, py, 4, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillText(m.label, px + 6, py - 6);
    }
  }
}

/**
 * Final loss against learning rate (both logarithmic); diverged rates as red ✕, a click reruns that
 * rate. The loss axis spans the rates that did not diverge, and one decade more: a diverged rate's ✕
 * sits at its loss, or on that top row when its loss was higher (1e123) or not finite — so the
 * stable rates' curve is not squeezed into a corner. The tooltip gives every point's real loss.
 */
export class SweepChart {
  readonly element: HTMLElement;
  private readonly chart: Chart<'scatter', Array<{ x: number; y: number }>>;

  constructor(msg: SweepMessage, onPick: (learningRate: number) => void) {
    this.element = el('section', 'analysis-sweep');
    this.element.id = `sweep-${msg.id}`;
    this.element.append(el('h3', undefined, msg.title));
    if (msg.note) {
      const note = el('p', 'sweep-rule', msg.note);
      note.id = 'sweep-rule';
      this.element.append(note);
    }
    const canvas = el('canvas');
    canvas.id = 'sweep-chart';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${msg.title}: ${msg.axis.learningRate} / ${msg.axis.finalLoss}`);
    const box = el('div', 'sweep-canvas');
    box.append(canvas);
    this.element.append(box);
    const theme = chartTheme();
    const red = theme.series[RED_INDEX % theme.series.length];
    const finite = msg.points.filter((p) => p.finalLoss !== null && p.finalLoss > 0) as Array<SweepPointData & { finalLoss: number }>;
    const stable = finite.filter((p) => !p.diverged);
    const scaleFrom = (stable.length ? stable : finite).map((p) => p.finalLoss);
    const range = scaleFrom.length ? niceLogRange(Math.min(...scaleFrom), Math.max(...scaleFrom)) : { min: 1e-3, max: 10 };
    // The diverged row: a decade above the stable losses (or the top of all of them, if every rate diverged).
    const top = stable.length ? range.max * 10 : range.max;
    const ok: ChartDataset<'scatter', Array<{ x: number; y: number }>> = {
      label: msg.axis.finalLoss,
      data: stable.map((p) => ({ x: p.learningRate, y: p.finalLoss })),
      borderColor: theme.series[0],
      backgroundColor: theme.series[0],
      showLine: true,
      pointRadius: 4,
      // The lowest loss sits on the axis' bottom edge: its dot is drawn whole.
      clip: false,
    };
    const diverged = msg.points.filter((p) => p.diverged);
    const bad: ChartDataset<'scatter', Array<{ x: number; y: number }>> = {
      label: msg.axis.diverged,
      data: diverged.map((p) => ({ x: p.learningRate, y: p.finalLoss !== null && p.finalLoss > 0 ? Math.min(p.finalLoss, top) : top })),
      borderColor: red,
      backgroundColor: red,
      pointStyle: 'crossRot',
      pointRadius: 7,
      borderWidth: 2.5,
      // The top row is the axis' edge: a ✕ there is drawn whole, not cut in half.
      clip: false,
    };
    const all = [ok, bad];
    /** The loss each drawn point stands for (a ✕ on the top row may stand for 1e123 or NaN). */
    const actual = [stable.map((p) => p.finalLoss), diverged.map((p) => p.finalLoss ?? NaN)];
    this.chart = new Chart<'scatter', Array<{ x: number; y: number }>>(canvas, {
      type: 'scatter',
      data: { datasets: all },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: theme.foreground,
        scales: {
          x: {
            type: 'logarithmic',
            title: { display: true, text: msg.axis.learningRate, color: theme.foreground },
            ticks: { color: theme.foreground, callback: tickLabel },
            grid: { color: theme.grid },
            afterDataLimits: (scale) => {
              const r = niceLogRange(scale.min, scale.max);
              scale.min = r.min;
              scale.max = r.max;
            },
            afterBuildTicks: logAxisTicks,
          },
          // Powers of ten (1e-20, 1, 1e20 …), not 1.0000000000000000000000E123.
          y: {
            type: 'logarithmic',
            min: range.min,
            max: top,
            title: { display: true, text: msg.axis.finalLoss, color: theme.foreground },
            ticks: { color: theme.foreground, callback: tickLabel },
            grid: { color: theme.grid },
            afterBuildTicks: logAxisTicks,
          },
        },
        layout: { padding: { top: 8 } },
        // A click picks the nearest point (a learner need not hit a 4-pixel dot).
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          // ● and ✕ in the legend, as on the chart.
          legend: { labels: { usePointStyle: true, color: theme.foreground } },
          tooltip: {
            enabled: true,
            callbacks: {
              title: () => '',
              label: (item) =>
                `${item.datasetIndex === 1 ? `${msg.axis.diverged} · ` : ''}η = ${formatNumber(item.parsed.x ?? NaN)}, ${msg.axis.finalLoss} = ${formatNumber(actual[item.datasetIndex]?.[item.dataIndex] ?? NaN)}`,
            },
          },
        },
        onClick: (_e, elements) => {
          const hit = elements[0];
          if (!hit) return;
          const p = all[hit.datasetIndex].data[hit.index];
          if (p) onPick(p.x);
        },
      },
      plugins: [
        {
          // Where each point landed, after every layout (tests click them; assistive notes could use them).
          id: 'pointPositions',
          afterRender: () => {
            this.element.dataset.points = JSON.stringify(this.pointPositions());
          },
        },
        {
          // The diverged region: shaded from the first diverged rate to the right edge.
          id: 'divergedRegion',
          beforeDatasetsDraw: (chart) => {
            const from = msg.boundary.diverged;
            if (from === undefined) return;
            const { ctx, chartArea, scales } = chart;
            const x0 = Math.max(chartArea.left, scales.x.getPixelForValue(Math.sqrt(from * (msg.boundary.stable ?? from))));
            ctx.save();
            ctx.fillStyle = red;
            ctx.globalAlpha = 0.12;
            ctx.fillRect(x0, chartArea.top, chartArea.right - x0, chartArea.bottom - chartArea.top);
            ctx.restore();
          },
        },
        {
          // The predicted limits η = 2/λ_max: dashed vertical lines, labelled at the top.
          id: 'stabilityRule',
          afterDatasetsDraw: (chart) => {
            const { ctx, chartArea, scales } = chart;
            ctx.save();
            ctx.strokeStyle = theme.foreground;
            ctx.fillStyle = theme.foreground;
            ctx.font = `11px ${theme.fontFamily}`;
            ctx.setLineDash([5, 4]);
            (msg.rules ?? []).forEach((r, i) => {
              const x = scales.x.getPixelForValue(r.limit);
              if (!(x >= chartArea.left && x <= chartArea.right)) return;
              ctx.beginPath();
              ctx.moveTo(x, chartArea.top);
              ctx.lineTo(x, chartArea.bottom);
              ctx.stroke();
              const w = ctx.measureText(r.label).width;
              // Left of the line (the diverged region on its right holds the crosses), unless there is no room.
              ctx.fillText(
                r.label,
                x - 4 - w < chartArea.left ? Math.max(chartArea.left, Math.min(x + 4, chartArea.right - w)) : x - 4 - w,
                chartArea.top + 12 + 14 * i,
              );
            });
            ctx.restore();
          },
        },
      ],
    });
    Object.defineProperty(canvas, 'chart', { value: this.chart, configurable: true });
    this.element.dataset.rules = JSON.stringify((msg.rules ?? []).map((r) => r.limit));
    this.element.dataset.stable = String(msg.boundary.stable ?? '');
    this.element.dataset.diverged = String(msg.boundary.diverged ?? '');
  }

  /** Where each drawn point is on the canvas (CSS pixels) and its learning rate: for tests and keyboard help. */
  pointPositions(): Array<{ learningRate: number; x: number; y: number }> {
    return this.chart.data.datasets.flatMap((d, i) =>
      this.chart.getDatasetMeta(i).data.map((e, j) => ({ learningRate: d.data[j].x, x: e.x, y: e.y })),
    );
  }

  destroy(): void {
    this.chart.destroy();
  }
}

export interface DiagnosisLabels {
  explain: string;
  /** The remedy button ({0} = the loss the remedy reached) and its tooltip ({0} = its CLI arguments). */
  remedy: string;
  remedyHint: string;
}

export interface DiagnosisActions {
  onExplain: (term: string) => void;
  onRemedy: (finding: DiagnosisItem & { remedy: RemedyData }) => void;
}

/**
 * The diagnosis: one item per finding, each with a button that opens its glossary entry, and —
 * for a finding whose remedy the lab ran and verified — a button that trains with that remedy.
 */
export function renderDiagnosis(findings: DiagnosisItem[], labels: DiagnosisLabels, actions: DiagnosisActions): HTMLElement {
  const list = el('ul', 'diagnosis');
  list.id = 'diagnosis';
  list.setAttribute('aria-live', 'polite');
  for (const f of findings) {
    const li = el('li', `finding finding-${f.code}`);
    li.dataset.code = f.code;
    li.append(el('span', 'finding-text', f.text));
    const b = el('button', 'explain', labels.explain);
    b.type = 'button';
    b.dataset.term = f.glossary;
    b.addEventListener('click', () => actions.onExplain(f.glossary));
    li.append(b);
    const remedy = f.remedy;
    if (remedy) li.append(remedyButton(remedy, labels, () => actions.onRemedy({ ...f, remedy })));
    list.append(li);
  }
  return list;
}

/** A themed button (vscode-elements: focusable, Enter and Space press it) that runs a remedy. */
function remedyButton(remedy: RemedyData, labels: DiagnosisLabels, onClick: () => void): HTMLElement {
  const b = document.createElement('vscode-button');
  b.className = 'remedy';
  b.setAttribute('icon', 'play');
  b.textContent = labels.remedy.replace('{0}', formatLoss(remedy.outcome.finalLoss));
  b.title = labels.remedyHint.replace('{0}', remedy.cli.join(' '));
  b.dataset.cli = remedy.cli.join(' ');
  b.addEventListener('click', onClick);
  return b;
}

/** A loss in a sentence or on a button: the panel's number style (numberFormat.ts), three significant digits. */
export function formatLoss(v: number): string {
  return formatNumber(v, 3);
}
