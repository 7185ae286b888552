/**
 * Series over steps for many-parameter losses, where no single picture of the surface exists:
 * the gradient norm ‖∇L‖ of each run (log scale: it spans orders of magnitude), or the trace of
 * every parameter θ_i of the latest run (up to MAX_TRACES, so the chart stays readable).
 */
import { Chart, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import type { StepPoint } from '../protocol/panelProtocol';
import { chartTheme, onThemeChange, themedColor } from './theme';
import { formatNumber, logAxisLimits, logAxisTicks, tickLabel } from './numberFormat';
import { runDash } from './palette';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip);

type XY = { x: number; y: number };

export const MAX_TRACES = 10;

export class TraceChart {
  private readonly chart: Chart<'line', XY[]>;
  private readonly series = new Map<string, ChartDataset<'line', XY[]>>();
  private frame = 0;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly mode: 'gradNorm' | 'params',
    labels: { step: string; value: string },
  ) {
    const theme = chartTheme();
    this.chart = new Chart<'line', XY[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        parsing: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: labels.step, color: theme.foreground },
            ticks: { color: theme.foreground, callback: tickLabel },
            grid: { color: theme.grid },
          },
          y: {
            type: mode === 'gradNorm' ? 'logarithmic' : 'linear',
            title: { display: true, text: labels.value, color: theme.foreground },
            ticks: { color: theme.foreground, callback: tickLabel },
            grid: { color: theme.grid },
            afterDataLimits: logAxisLimits,
            afterBuildTicks: logAxisTicks,
          },
        },
        plugins: {
          legend: { display: mode === 'params', labels: { color: theme.foreground, boxHeight: 2 } },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? `${labels.step} ${formatNumber(items[0].parsed.x ?? NaN)}` : ''),
              label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y ?? NaN)}`,
            },
          },
        },
      },
    });
    Object.defineProperty(canvas, 'chart', { value: this.chart, configurable: true });
    onThemeChange(() => this.applyTheme());
  }

  /** Text and grid in the theme's colours; each series keeps its palette entry as this theme draws it. */
  applyTheme(): void {
    const theme = chartTheme();
    for (const axis of ['x', 'y'] as const) {
      const s = this.chart.options.scales?.[axis];
      if (!s) continue;
      s.ticks = { ...s.ticks, color: theme.foreground };
      s.grid = { ...s.grid, color: theme.grid };
      (s as { title: { color: string } }).title.color = theme.foreground;
    }
    const legend = this.chart.options.plugins?.legend;
    if (legend?.labels) legend.labels.color = theme.foreground;
    for (const d of this.chart.data.datasets) {
      d.borderColor = themedColor(String(d.borderColor));
      if (d.backgroundColor !== undefined) d.backgroundColor = themedColor(String(d.backgroundColor));
    }
    this.schedule();
  }

  /** gradNorm: one series per run. params: the series of the newest run replace the old ones. */
  addRun(runId: string, color: string, paramNames: string[]): void {
    if (this.mode === 'gradNorm') {
      // Run k's colour (from the loss chart) and, from the eleventh run, its dash pattern.
      this.push(runId, {
        label: runId,
        data: [],
        borderColor: color,
        borderWidth: 1.5,
        pointRadius: 0,
        borderDash: runDash(this.series.size),
      });
      return;
    }
    this.series.clear();
    this.chart.data.datasets = [];
    const colors = chartTheme().series;
    paramNames.slice(0, MAX_TRACES).forEach((name, i) => {
      const c = colors[i % colors.length];
      this.push(`${runId}:${i}`, {
        label: name,
        data: [],
        borderColor: c,
        backgroundColor: c,
        borderWidth: 1.5,
        pointRadius: 0,
        borderDash: runDash(i),
      });
    });
  }

  addPoints(runId: string, points: StepPoint[]): void {
    if (this.mode === 'gradNorm') {
      const d = this.series.get(runId);
      if (d) for (const p of points) if (p.gradNorm > 0 && Number.isFinite(p.gradNorm)) d.data.push({ x: p.step, y: p.gradNorm });
    } else {
      for (let i = 0; i < MAX_TRACES; i++) {
        const d = this.series.get(`${runId}:${i}`);
        if (!d) break;
        for (const p of points) if (Number.isFinite(p.params[i])) d.data.push({ x: p.step, y: p.params[i] });
      }
    }
    this.schedule();
  }

  private push(key: string, d: ChartDataset<'line', XY[]>): void {
    this.series.set(key, d);
    this.chart.data.datasets.push(d);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.chart.update('none');
    });
  }
}
