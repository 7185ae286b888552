/**
 * One parameter: the loss curve L(w), the path of points the run visited on it, and the tangent
 * at the current step — the slope gradient descent reads, L(w_k) + L'(w_k)·(w − w_k). This is the
 * seed notes' "gradient descent on F(W) = W²" picture, live, for the learner's own loss.
 */
import { Chart, LineController, LineElement, LinearScale, PointElement, ScatterController, Tooltip, type ChartDataset } from 'chart.js';
import type { StepPoint, SurfaceData } from '../protocol/panelProtocol';
import { chartTheme, themedColor } from './theme';
import { formatNumber, niceLinearRange, tickLabel } from './numberFormat';
import { runDash } from './palette';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, Tooltip);

type XY = { x: number; y: number };
type Surface1D = Extract<SurfaceData, { kind: '1d' }>;

export class Curve1D {
  private readonly chart: Chart<'line', XY[]>;
  private readonly curve: ChartDataset<'line', XY[]>;
  private readonly tangent: ChartDataset<'line', XY[]>;
  private readonly paths = new Map<string, { data: ChartDataset<'line', XY[]>; last?: StepPoint }>();
  private current: string | undefined;
  private readonly cursor: ChartDataset<'line', XY[]> = { label: 'cursor', data: [], pointRadius: 6, showLine: false, order: 0 };
  private cursorPoint: StepPoint | undefined;
  private frame = 0;

  constructor(canvas: HTMLCanvasElement, labels: { param: string; loss: string; curve: string; tangent: string }) {
    const theme = chartTheme();
    this.curve = { label: labels.curve, data: [], borderColor: theme.foreground, borderWidth: 1.5, pointRadius: 0, order: 3 };
    this.tangent = {
      label: labels.tangent,
      data: [],
      borderColor: theme.foreground,
      borderDash: [6, 4],
      borderWidth: 1,
      pointRadius: 0,
      order: 2,
    };
    this.chart = new Chart<'line', XY[]>(canvas, {
      type: 'line',
      data: { datasets: [this.curve, this.tangent, this.cursor] },
      options: {
        animation: false,
        parsing: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: labels.param },
            // The sampled window's ends need not be round numbers: only the nice ticks inside get labels.
            ticks: { color: theme.foreground, callback: tickLabel, includeBounds: false },
            grid: { color: theme.grid },
          },
          y: {
            type: 'linear',
            title: { display: true, text: labels.loss },
            ticks: { color: theme.foreground, callback: tickLabel },
            grid: { color: theme.grid },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: () => '',
              label: (item) =>
                `${labels.param} = ${formatNumber(item.parsed.x ?? NaN)}, ${labels.loss} = ${formatNumber(item.parsed.y ?? NaN)}`,
            },
          },
        },
      },
    });
    Object.defineProperty(canvas, 'chart', { value: this.chart, configurable: true });
  }

  setSurface(s: Surface1D): void {
    this.curve.data = s.x.flatMap((x, i) => (s.z[i] === null ? [] : [{ x, y: s.z[i] as number }]));
    // Keep the view on the sampled window even when a diverging path runs far away.
    const xs = this.chart.options.scales?.x;
    if (xs) {
      xs.min = s.x[0];
      xs.max = s.x[s.x.length - 1];
    }
    const finite = this.curve.data.map((p) => p.y);
    const ys = this.chart.options.scales?.y;
    if (ys && finite.length) {
      // Whole nice steps at both ends: the axis reads 0 … 60, not −2.45 … 51.4.
      const { min, max } = niceLinearRange(Math.min(...finite), Math.max(...finite));
      ys.min = min;
      ys.max = max;
    }
    this.schedule();
  }

  addRun(runId: string, color: string): void {
    const data: ChartDataset<'line', XY[]> = {
      label: runId,
      data: [],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 1,
      borderDash: runDash(this.paths.size),
      pointRadius: 3,
      showLine: true,
      order: 1,
    };
    this.paths.set(runId, { data });
    this.chart.data.datasets.push(data);
    this.current = runId;
    this.schedule();
  }

  addPoints(runId: string, points: StepPoint[]): void {
    const path = this.paths.get(runId);
    if (!path) return;
    for (const p of points) if (Number.isFinite(p.params[0]) && Number.isFinite(p.loss)) path.data.data.push({ x: p.params[0], y: p.loss });
    path.last = points[points.length - 1] ?? path.last;
    if (runId === this.current && !this.cursorPoint) this.updateTangent(path.last);
    this.schedule();
  }

  setVisible(runId: string, visible: boolean): void {
    const index = this.chart.data.datasets.indexOf(this.paths.get(runId)?.data as ChartDataset<'line', XY[]>);
    if (index >= 0) this.chart.setDatasetVisibility(index, visible);
    this.schedule();
  }

  applyTheme(): void {
    const theme = chartTheme();
    this.curve.borderColor = theme.foreground;
    this.tangent.borderColor = theme.foreground;
    // A run keeps its palette entry; the theme may draw that entry a little lighter or darker.
    for (const { data } of this.paths.values()) {
      data.borderColor = themedColor(String(data.borderColor));
      data.backgroundColor = themedColor(String(data.backgroundColor));
    }
    if (typeof this.cursor.backgroundColor === 'string') this.cursor.backgroundColor = themedColor(this.cursor.backgroundColor);
    for (const axis of ['x', 'y'] as const) {
      const s = this.chart.options.scales?.[axis];
      if (s) {
        s.ticks = { ...s.ticks, color: theme.foreground };
        s.grid = { ...s.grid, color: theme.grid };
      }
    }
    this.schedule();
  }

  /** Playback: the tangent and a marker at the chosen step (undefined follows the newest point). */
  setCursor(p: StepPoint | undefined, color: string): void {
    this.cursorPoint = p;
    this.cursor.data = p && Number.isFinite(p.params[0]) && Number.isFinite(p.loss) ? [{ x: p.params[0], y: p.loss }] : [];
    this.cursor.backgroundColor = themedColor(color);
    this.cursor.borderColor = chartTheme().foreground;
    this.updateTangent(p ?? (this.current ? this.paths.get(this.current)?.last : undefined));
    this.schedule();
  }

  /** The tangent at the current point over a window a fifth of the plot wide. */
  private updateTangent(p: StepPoint | undefined): void {
    const slope = p?.gradient?.[0];
    if (!p || slope === undefined || !Number.isFinite(slope) || !Number.isFinite(p.loss)) {
      this.tangent.data = [];
      return;
    }
    const xs = this.chart.options.scales?.x;
    const half = xs && typeof xs.min === 'number' && typeof xs.max === 'number' ? (xs.max - xs.min) / 10 : 1;
    const w = p.params[0];
    this.tangent.data = [
      { x: w - half, y: p.loss - slope * half },
      { x: w + half, y: p.loss + slope * half },
    ];
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.chart.update('none');
    });
  }
}
