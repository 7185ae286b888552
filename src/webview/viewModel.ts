/** The panel's view as data: every element and chart of what the panel shows now (built by panelView.ts). */
import type { AnalysisKind, PanelStrings, RunSettings, StepPoint } from '../protocol/panelProtocol';
import type { LossChart } from './lossChart';
import type { Curve1D } from './curve1d';
import type { ContourMap } from './contourMap';
import type { ColorBar } from './colorBar';
import type { TraceChart } from './traceChart';
import type { Playback } from './playback';
import type { Controls } from './controls';
import type { CellMap, SweepChart } from './teachingViews';
import type { BoundaryView } from './boundaryView';
import type { WeightsView } from './weightsView';

/**
 * What the panel shows: a training run (its controls in the toolbar below the picture) or a teaching
 * view (race, restarts, sweep, curvature, why-iterate, batch sizes, backprop graph), which has no use
 * for the training form: it is hidden until the learner trains again.
 */
export type Mode = 'train' | 'analysis';

export interface View {
  strings: PanelStrings;
  mode: Mode;
  /** The view's title and its one-sentence caption (what is shown, what to notice). */
  title: HTMLElement;
  caption: HTMLElement;
  /** A teaching view's title as the host sent it, its kind, whether it failed, whether its content arrived. */
  analysisTitle?: string;
  analysisKind?: AnalysisKind;
  analysisFailed?: boolean;
  analysisShown?: boolean;
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
  /** The heat map's labelled colour bar (losses). */
  mapBar?: ColorBar;
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
  settings: Map<string, RunSettings>;
  /** A two-input network's decision boundary (created on its first message). */
  boundary?: BoundaryView;
}
