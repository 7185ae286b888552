/**
 * The loss curve: loss against step for every run of this panel, overlaid with a legend.
 * Points arrive in batches while a run streams; redraws are coalesced to one per frame.
 * A run with a held-out test set (testSplit) gets a second, dashed curve in its colour: the loss
 * on samples training never saw. The gap between the two is what overfitting looks like.
 */
import {
  Chart,
  Decimation,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import type { StepPoint } from '../protocol/panelProtocol';
import { chartTheme } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip, Decimation);

type XY = { x: number; y: number };

export class LossChart {
  private readonly chart: Chart<'line', XY[]>;
  private readonly series = new Map<string, ChartDataset<'line', XY[]>>();
  /** The held-out (test) loss of a run, created when its first measurement arrives. */
  private readonly tests = new Map<string, ChartDataset<'line', XY[]>>();
  /** The playback cursor: one highlighted point. */
  private readonly cursor: ChartDataset<'line', XY[]> = { label: 'cursor', data: [], pointRadius: 5, showLine: false, order: -1 };
  private frame = 0;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly labels: { step: string; loss: string; testLoss?: string },
  ) {
    const theme = chartTheme();
    this.chart = new Chart<'line', XY[]>(canvas, {
      type: 'line',
      data: { datasets: [this.cursor] },
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: labels.step } },
          y: { type: 'linear', title: { display: true, text: labels.loss } },
        },
        // The legend is HTML (see main.ts): themed, keyboard-accessible and readable by screen readers.
        plugins: {
          legend: { display: false },
          // A 100,000-step run keeps every point, but draws ~1,000 per curve (shape-preserving LTTB).
          decimation: { enabled: true, algorithm: 'lttb', samples: 1000, threshold: 2000 },
        },
      },
    });
    this.applyTheme(theme);
  }

  addRun(runId: string, label: string): void {
    const colors = chartTheme().series;
    const color = colors[this.series.size % colors.length];
    const dataset: ChartDataset<'line', XY[]> = {
      label,
      data: [],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      pointRadius: 0,
    };
    this.series.set(runId, dataset);
    this.chart.data.datasets.push(dataset);
    this.scheduleDraw();
  }

  addPoints(runId: string, points: StepPoint[]): void {
    const dataset = this.series.get(runId);
    if (!dataset) return;
    for (const p of points) {
      // Non-finite losses (a diverged step) cannot be drawn; the run's status says what happened.
      if (Number.isFinite(p.loss)) dataset.data.push({ x: p.step, y: p.loss });
      if (p.testLoss !== undefined && Number.isFinite(p.testLoss)) this.testSeries(runId, dataset).data.push({ x: p.step, y: p.testLoss });
    }
    this.scheduleDraw();
  }

  private testSeries(runId: string, of: ChartDataset<'line', XY[]>): ChartDataset<'line', XY[]> {
    let d = this.tests.get(runId);
    if (!d) {
      d = {
        label: `${of.label ?? runId} · ${this.labels.testLoss ?? 'test'}`,
        data: [],
        borderColor: of.borderColor,
        backgroundColor: of.backgroundColor,
        borderWidth: 2,
        borderDash: [6, 4],
        pointRadius: 0,
      };
      this.tests.set(runId, d);
      this.chart.data.datasets.push(d);
      const index = this.chart.data.datasets.indexOf(of);
      if (index >= 0 && !this.chart.isDatasetVisible(index)) this.chart.setDatasetVisibility(this.chart.data.datasets.length - 1, false);
    }
    return d;
  }

  /** Whether any run has a held-out curve (the panel then explains the dashed line). */
  hasTestCurves(): boolean {
    return this.tests.size > 0;
  }

  setLogScale(log: boolean): void {
    const y = this.chart.options.scales?.y;
    if (y) (y as { type: string }).type = log ? 'logarithmic' : 'linear';
    this.chart.update('none');
  }

  applyTheme(theme = chartTheme()): void {
    const o = this.chart.options;
    Chart.defaults.color = theme.foreground;
    Chart.defaults.font.family = theme.fontFamily;
    for (const axis of ['x', 'y'] as const) {
      const scale = o.scales?.[axis];
      if (!scale) continue;
      scale.grid = { ...scale.grid, color: theme.grid };
      scale.ticks = { ...scale.ticks, color: theme.foreground };
      (scale as { title: { color: string } }).title.color = theme.foreground;
    }
    this.chart.update('none');
  }

  /** The runs drawn, for the HTML legend. */
  legendItems(): Array<{ runId: string; label: string; color: string; hidden: boolean }> {
    return [...this.series].map(([runId, d]) => ({
      runId,
      label: d.label ?? runId,
      color: String(d.borderColor),
      hidden: !this.chart.isDatasetVisible(this.chart.data.datasets.indexOf(d)),
    }));
  }

  /** Marks the step shown by playback (undefined clears it). */
  setCursor(p: StepPoint | undefined, color: string): void {
    this.cursor.data = p && Number.isFinite(p.loss) ? [{ x: p.step, y: p.loss }] : [];
    this.cursor.backgroundColor = color;
    this.cursor.borderColor = chartTheme().foreground;
    this.scheduleDraw();
  }

  /** Shows or hides one run's curve (and its held-out curve with it). */
  toggle(runId: string): void {
    const d = this.series.get(runId);
    const index = d ? this.chart.data.datasets.indexOf(d) : -1;
    if (index < 0) return;
    const visible = !this.chart.isDatasetVisible(index);
    this.chart.setDatasetVisibility(index, visible);
    const test = this.tests.get(runId);
    if (test) this.chart.setDatasetVisibility(this.chart.data.datasets.indexOf(test), visible);
    this.chart.update('none');
  }

  /** Number of drawable points of a run (for tests and the status line); `test` counts its held-out curve. */
  pointCount(runId: string, test = false): number {
    return (test ? this.tests : this.series).get(runId)?.data.length ?? 0;
  }

  private scheduleDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.chart.update('none');
    });
  }
}
