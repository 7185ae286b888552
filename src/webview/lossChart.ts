/**
 * The loss curve: loss against step for every run of this panel, overlaid with a legend.
 * Points arrive in batches while a run streams; redraws are coalesced to one per frame.
 * A run with a held-out test set (testSplit) gets a second, dashed curve in its colour: the loss
 * on samples training never saw. The gap between the two is what overfitting looks like.
 *
 * Readability, whatever the runs do:
 * - Run k has palette colour k (palette.ts), and from the eleventh run a dash pattern as well.
 * - A run whose loss becomes NaN or ±∞, or explodes (a million times its start, or more), has
 *   diverged: it is drawn up to its last finite point, ends in a ✕ (at the chart's edge when that
 *   point is off the axis), its legend label gets the diverged tag, and it never sets the axis
 *   range — the runs that did not diverge do (all runs' finite part, if every run diverged).
 * - The loss axis turns logarithmic by itself when the losses span more than three decades
 *   (prefersLog), until the learner picks a scale with the log-scale box (setLogScale).
 * - The step axis ends at the last step drawn: a run that converged at step 48 is not squeezed
 *   into the first twentieth of a 0–1000 axis.
 * - Every tick and tooltip number comes from numberFormat.ts.
 * - A long run keeps every point, and draws at most ~2,000 per curve that keep its lowest and
 *   highest losses (thinPoints.ts).
 */
import {
  Chart,
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
import { chartTheme, themedColor } from './theme';
import { CURVE_MARGIN, formatNumber, logAxisTicks, niceLinearRange, niceLogRange, tickLabel } from './numberFormat';
import { thinPoints } from './thinPoints';
import { divergedMarks } from './divergedMarks';
import { runDash } from './palette';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/** A drawn point; `params` (the step's parameters) only for the tooltip. */
type XY = { x: number; y: number; params?: readonly number[] };
type Dataset = ChartDataset<'line', XY[]>;

/** A loss this many times its start (or 1, if it started below 1) has exploded: the run diverged. */
export const EXPLODED = 1e6;
/** The losses span more than this ratio (three decades): a log axis shows them better. */
const LOG_SPAN = 1e3;

interface Run {
  runId: string;
  label: string;
  index: number;
  /** What chart.js draws: `points` thinned (thinPoints.ts), refreshed before each draw. */
  data: Dataset;
  test?: Dataset;
  /** Every finite point received (and of the held-out curve): the axis range and the ✕ use these. */
  points: XY[];
  testPoints: XY[];
  /** How many points `data` was made from: a draw re-thins only runs that grew. */
  drawn: number;
  /** The first finite loss: what "exploded" is measured against. */
  start?: number;
  diverged: boolean;
}

export interface LossChartLabels {
  step: string;
  loss: string;
  testLoss?: string;
  /** The legend's tag on a diverged run (PanelStrings.divergedTag: "발산"). */
  diverged?: string;
}

/** "(−1.2, 1)" — the parameters of a point, at most four of them ("(0.1, 0.2, 0.3, 0.4, …)"). */
export function paramsText(params: readonly number[] | undefined): string {
  if (!params || params.length === 0) return '';
  const shown = params.slice(0, 4).map((v) => formatNumber(v));
  const more = params.length > 4 ? ', …' : '';
  return `(${shown.join(', ')}${more})`;
}

export class LossChart {
  private readonly chart: Chart<'line', XY[]>;
  private readonly runs = new Map<string, Run>();
  /** The playback cursor: one highlighted point. */
  private readonly cursor: Dataset = { label: 'cursor', data: [], pointRadius: 5, showLine: false, order: -1 };
  private frame = 0;
  /** The learner's choice of scale; undefined: automatic (prefersLog). */
  private logChoice: boolean | undefined;
  private logShown = false;
  /**
   * Called when the automatic choice switches the scale, so the log-scale box can show it
   * (main.ts: `chart.onAutoLogScale = (log) => (box.checked = log)`).
   */
  onAutoLogScale?: (log: boolean) => void;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly labels: LossChartLabels,
  ) {
    const theme = chartTheme();
    const ticks = { callback: tickLabel };
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
          x: { type: 'linear', title: { display: true, text: labels.step }, ticks },
          y: { type: 'linear', title: { display: true, text: labels.loss }, ticks, afterBuildTicks: logAxisTicks },
        },
        // The legend is HTML (see main.ts): themed, keyboard-accessible and readable by screen readers.
        plugins: {
          legend: { display: false },
          tooltip: {
            filter: (item) => item.dataset !== this.cursor,
            callbacks: {
              title: (items) => (items.length ? `${labels.step} ${formatNumber(items[0].parsed.x ?? NaN)}` : ''),
              label: (item) => `${item.dataset.label ?? ''}: ${labels.loss} ${formatNumber(item.parsed.y ?? NaN)}`,
              // Where the run was at that step: its parameters (the first four of a bigger model).
              afterLabel: (item) => paramsText((item.raw as XY).params),
            },
          },
        },
      },
      plugins: [
        divergedMarks(() =>
          [...this.runs.values()]
            .filter((r) => r.diverged && this.visible(r.data))
            .map((r) => ({ last: r.points[r.points.length - 1], color: String(r.data.borderColor) })),
        ),
      ],
    });
    // For tests and debugging: the chart behind the canvas (its scales, ticks and datasets).
    Object.defineProperty(canvas, 'chart', { value: this.chart, configurable: true });
    this.applyTheme(theme);
  }

  addRun(runId: string, label: string): void {
    const index = this.runs.size;
    const color = this.colorOf(index);
    const data: Dataset = {
      label,
      data: [],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      borderDash: runDash(index),
      pointRadius: 0,
    };
    this.runs.set(runId, { runId, label, index, data, points: [], testPoints: [], drawn: 0, diverged: false });
    this.chart.data.datasets.push(data);
    this.scheduleDraw();
  }

  addPoints(runId: string, points: StepPoint[]): void {
    const run = this.runs.get(runId);
    if (!run) return;
    for (const p of points) {
      if (Number.isFinite(p.loss)) {
        run.start ??= p.loss;
        run.points.push({ x: p.step, y: p.loss, params: p.params });
        if (Math.abs(p.loss) > EXPLODED * Math.max(1, Math.abs(run.start))) run.diverged = true;
      } else {
        // NaN or ±∞ (a diverged step) cannot be drawn: the curve ends at its last finite point, with a ✕.
        run.diverged = true;
      }
      if (p.testLoss !== undefined && Number.isFinite(p.testLoss)) {
        this.testSeries(run);
        run.testPoints.push({ x: p.step, y: p.testLoss });
      }
    }
    this.scheduleDraw();
  }

  /** The host says the run diverged (runFinished reason 'diverged'), whatever its losses looked like. */
  markDiverged(runId: string): void {
    const run = this.runs.get(runId);
    if (!run || run.diverged) return;
    run.diverged = true;
    this.scheduleDraw();
  }

  /** Whether the run diverged (its legend entry carries the tag). */
  isDiverged(runId: string): boolean {
    return this.runs.get(runId)?.diverged ?? false;
  }

  private testSeries(run: Run): Dataset {
    let d = run.test;
    if (!d) {
      d = {
        label: `${run.label} · ${this.labels.testLoss ?? 'test'}`,
        data: [],
        borderColor: run.data.borderColor,
        backgroundColor: run.data.backgroundColor,
        borderWidth: 2,
        borderDash: [6, 4],
        pointRadius: 0,
      };
      run.test = d;
      this.chart.data.datasets.push(d);
      if (!this.visible(run.data)) this.chart.setDatasetVisibility(this.chart.data.datasets.length - 1, false);
    }
    return d;
  }

  /** Whether any run has a held-out curve (the panel then explains the dashed line). */
  hasTestCurves(): boolean {
    return [...this.runs.values()].some((r) => r.test);
  }

  /** The learner's choice of scale (the log-scale box). Unchecked before any loss arrived is no choice: the scale stays automatic. */
  setLogScale(log: boolean): void {
    const hasData = [...this.runs.values()].some((r) => r.points.length > 0);
    this.logChoice = log || hasData ? log : undefined;
    this.fit();
    this.draw();
  }

  /** Whether a log axis shows these losses better: the finite positive ones span more than three decades. */
  prefersLog(): boolean {
    const ys = this.rangeValues().filter((y) => y > 0);
    if (ys.length < 2) return false;
    return Math.max(...ys) / Math.min(...ys) > LOG_SPAN;
  }

  /** Whether the loss axis is logarithmic now (the learner's choice, or automatic). */
  isLogScale(): boolean {
    return this.logShown;
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
    // The palette is checked against the background: a theme of another background may move a colour.
    for (const run of this.runs.values()) {
      const color = this.colorOf(run.index, theme);
      for (const d of [run.data, run.test]) {
        if (!d) continue;
        d.borderColor = color;
        d.backgroundColor = color;
      }
    }
    this.fit();
    this.draw();
  }

  /** The runs drawn, for the HTML legend: a diverged run's label ends with the diverged tag. */
  legendItems(): Array<{ runId: string; label: string; color: string; hidden: boolean; dash?: number[]; diverged: boolean }> {
    return [...this.runs.values()].map((r) => ({
      runId: r.runId,
      label: r.diverged ? `${r.label} · ✕ ${this.labels.diverged ?? ''}`.trimEnd() : r.label,
      color: String(r.data.borderColor),
      hidden: !this.visible(r.data),
      dash: runDash(r.index),
      diverged: r.diverged,
    }));
  }

  /** Marks the step shown by playback (undefined clears it). */
  setCursor(p: StepPoint | undefined, color: string): void {
    this.cursor.data = p && Number.isFinite(p.loss) ? [{ x: p.step, y: p.loss }] : [];
    this.cursor.backgroundColor = themedColor(color);
    this.cursor.borderColor = chartTheme().foreground;
    this.scheduleDraw();
  }

  /** Shows or hides one run's curve (and its held-out curve with it). */
  setVisible(runId: string, visible: boolean): void {
    const run = this.runs.get(runId);
    const index = run ? this.chart.data.datasets.indexOf(run.data) : -1;
    if (!run || index < 0 || this.chart.isDatasetVisible(index) === visible) return;
    this.chart.setDatasetVisibility(index, visible);
    if (run.test) this.chart.setDatasetVisibility(this.chart.data.datasets.indexOf(run.test), visible);
    this.fit();
    this.draw();
  }

  /** Number of drawable points of a run (for tests and the status line); `test` counts its held-out curve. */
  pointCount(runId: string, test = false): number {
    const run = this.runs.get(runId);
    return (test ? run?.testPoints : run?.points)?.length ?? 0;
  }

  private colorOf(index: number, theme = chartTheme()): string {
    return theme.series[index % theme.series.length];
  }

  private visible(d: Dataset): boolean {
    const i = this.chart.data.datasets.indexOf(d);
    return i >= 0 && this.chart.isDatasetVisible(i);
  }

  /** The losses that set the axis: those of the visible runs that did not diverge (all visible runs' if every one did). */
  private rangeValues(): number[] {
    const shown = [...this.runs.values()].filter((r) => this.visible(r.data) && r.points.length);
    const calm = shown.filter((r) => !r.diverged);
    const from = calm.length ? calm : shown;
    const ys: number[] = [];
    for (const r of from) for (const d of [r.points, r.testPoints]) for (const p of d) if (Number.isFinite(p.y)) ys.push(p.y);
    return ys;
  }

  /** The axes' ranges and the loss axis' type, from the data (see the header). */
  private fit(): void {
    const scales = this.chart.options.scales;
    const x = scales?.x;
    const y = scales?.y;
    if (!x || !y) return;
    const shown = [...this.runs.values()].filter((r) => this.visible(r.data) && r.points.length);
    const steps = shown.flatMap((r) => [r.points[0].x, r.points[r.points.length - 1].x, ...r.testPoints.map((p) => p.x)]);
    if (steps.length) {
      x.min = Math.min(...steps);
      x.max = Math.max(Math.max(...steps), x.min + 1);
    } else {
      delete x.min;
      delete x.max;
    }
    const auto = this.prefersLog();
    const log = this.logChoice ?? auto;
    if (this.logChoice === undefined && log !== this.logShown) this.onAutoLogScale?.(log);
    this.logShown = log;
    (y as { type: string }).type = log ? 'logarithmic' : 'linear';
    const ys = this.rangeValues();
    const positive = ys.filter((v) => v > 0);
    const range = log
      ? positive.length
        ? niceLogRange(Math.min(...positive), Math.max(...positive), CURVE_MARGIN)
        : undefined
      : ys.length
        ? niceLinearRange(Math.min(...ys), Math.max(...ys))
        : undefined;
    if (range) {
      y.min = range.min;
      y.max = range.max;
    } else {
      delete y.min;
      delete y.max;
    }
    this.canvas.dataset.logScale = String(log);
  }

  /** Hands chart.js the thinned points of every run that grew, then draws. */
  private draw(): void {
    for (const run of this.runs.values()) {
      if (run.drawn === run.points.length + run.testPoints.length) continue;
      run.drawn = run.points.length + run.testPoints.length;
      run.data.data = thinPoints(run.points);
      if (run.test) run.test.data = thinPoints(run.testPoints);
    }
    this.chart.update('none');
  }

  private scheduleDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.fit();
      this.draw();
    });
  }
}
