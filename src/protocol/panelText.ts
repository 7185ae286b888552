/**
 * Every string the loss panel shows, as the host sends it in `init` (resolved through VS Code's
 * l10n on the host, Korean first: src/panel/panelStrings.ts). The webview never holds text of its own.
 */
import type { StopReason } from './stopReason';

/** Strings the webview shows, resolved on the host through VS Code's l10n (Korean first). */
export interface PanelStrings {
  title: string;
  emptyState: string;
  lossCurve: string;
  step: string;
  loss: string;
  logScale: string;
  /** A legend entry's tooltip: click hides or shows, double click or Shift+click isolates. */
  legendHint: string;
  optimizer: string;
  learningRate: string;
  steps: string;
  /** The steps field's label while a run stops on its own at convergence. */
  stepsAtMost: string;
  /** "at step {0}": where a run ended, after its reason. */
  atStep: string;
  rerun: string;
  /** The re-roll button (a new random start) and the legend's "seed {0}". */
  reroll: string;
  rerollHint: string;
  initSeed: string;
  stop: string;
  startPoint: string;
  startPlaceholder: string;
  parameter: string;
  lossSurface: string;
  curve: string;
  tangent: string;
  clickToStart: string;
  /** The heat map's colour bar: what its colours mean. */
  lossColorBar: string;
  /** The surface box's toggle between the 2-D contour map and the 3-D view (surface3d.ts): its group and buttons. */
  surfaceView: string;
  surfaceMap2d: string;
  surface3d: string;
  /** The 3-D view's accessible name, its keyboard and mouse hint, its reset button, and what it says without WebGL. */
  surface3dLabel: string;
  surface3dHint: string;
  resetView: string;
  webglUnavailable: string;
  gradNorm: string;
  parameterTraces: string;
  play: string;
  pause: string;
  stepBack: string;
  stepForward: string;
  timeline: string;
  exportCsv: string;
  exportJson: string;
  exportPng: string;
  /** The button beside a diagnosis that opens its glossary entry. */
  explain: string;
  /** The button beside a diagnosis with a verified remedy ({0} = the loss it reached). */
  remedy: string;
  /** Its tooltip: {0} = the CLI arguments it runs. */
  remedyHint: string;
  /** The legend's mini-batch size ({0} = samples per step). */
  batchSize: string;
  /** Timeline: the update a step took, and the optimizer state it used. */
  update: string;
  optimizerState: string;
  /** Backprop graph: node captions and the backward-step buttons. */
  graphValue: string;
  graphAdjoint: string;
  backwardStep: string;
  backwardRestart: string;
  /** Backprop graph: its zoom buttons, and the keys and gestures that pan and zoom it. */
  graphZoomIn: string;
  graphZoomOut: string;
  graphFit: string;
  graphPanHint: string;
  /** Networks: the decision-boundary picture and its accuracy line ({0} = percent). */
  decisionBoundary: string;
  trainingAccuracy: string;
  /** Held-out data (testSplit): accuracy ({0} = percent), the dashed curve's name and its note. */
  testAccuracy: string;
  testLoss: string;
  testLossNote: string;
  reasons: Record<StopReason, string>;
  /** A legend's mark on a run whose loss became infinite or NaN ("발산"). */
  divergedTag: string;
  /** The train view's heading ({0} = the file's name). */
  trainTitle: string;
  /** The run controls' group (the toolbar below the picture) and its disclosure of the less used ones. */
  runSettings: string;
  moreSettings: string;
  /** Under a teaching view's title while the host computes it. */
  analysisPending: string;
  /** One sentence under each view's title: what it shows and what to notice. */
  captions: ViewCaptions;
}

/** The caption of each view the panel shows (PanelStrings.captions). */
export interface ViewCaptions {
  /** Before any run. */
  empty: string;
  /** A run with only its loss curve (no picture of the surface yet). */
  loss: string;
  /** One parameter: the loss curve and the curve L(w). */
  curve: string;
  /** Two parameters: the loss curve and the contour map. */
  map: string;
  /** Two parameters with the surface shown in 3-D. */
  surface3d: string;
  /** Three or more: loss, gradient norm, parameter traces; `slice` when a 2-D slice is shown too. */
  many: string;
  slice: string;
  /** A classifier of two inputs: the decision boundary. */
  boundary: string;
  race: string;
  restarts: string;
  sweep: string;
  curvature: string;
  whyIterate: string;
  batchSizes: string;
  /** The backprop graph ({0} = the backward-step button's label). */
  graph: string;
}
