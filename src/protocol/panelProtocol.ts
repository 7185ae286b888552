/**
 * Every message between the extension host and the loss panel's webview, in one place.
 *
 * Both sides import this file and nothing else of each other (the webview app never imports
 * the engine or `vscode`). Messages crossing the boundary are untrusted data: each side
 * validates what it receives with the guards below before acting on it.
 */

/** Optimizer names of the CLI and the panel (PyTorch's torch.optim, plus Newton and L-BFGS). */
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'newton', 'lbfgs'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Settings the learner changes in the panel; undefined fields keep the file's `config`. */
export interface RunSettings {
  optimizer: OptimizerName;
  learningRate: number;
  steps: number;
  /** Start point; undefined → the file's `init` or a seeded random point. */
  init?: number[];
  /** A re-rolled random start (a network: model.init(initSeed)) instead of the file's init. */
  initSeed?: number;
  /** Mini-batch size the run drew (from the file's config or a remedy); undefined: full batch. */
  batchSize?: number;
  /**
   * Set: `steps` is only the most the run may take; it stops once it has converged (‖∇L‖ or |ΔL|
   * below this). A run nobody gave a length runs so (the default stop); typing a step count clears it.
   */
  tolerance?: number;
}

/** One recorded step of a run: the point where the loss was evaluated. */
export interface StepPoint {
  step: number;
  loss: number;
  params: number[];
  gradNorm: number;
  /** ∇L at this point, for small parameter counts (tangent lines, arrows, the timeline). */
  gradient?: number[];
  /** The optimizer's state going into this step's update (torch's names: momentum_buffer, exp_avg …). */
  state?: Record<string, number | number[]>;
  /** The loss on the held-out samples at this step (testSplit), where it was measured. */
  testLoss?: number;
  /** Parameters not sent with the point (a big network sends its first MAX_STREAMED_PARAMETERS). */
  more?: number;
}

/**
 * The panel draws at most two parameters on the map and ten traces: a network's thousands of
 * weights per step would make the stream megabytes a second for nothing. Exports read the full
 * run on the host.
 */
export const MAX_STREAMED_PARAMETERS = 32;

/** A point's parameters as the panel gets them: all of them, or the first few and a count of the rest. */
export function streamedParams(params: ArrayLike<number>): { params: number[]; more?: number } {
  const n = params.length;
  const k = Math.min(n, MAX_STREAMED_PARAMETERS);
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = params[i];
  return n > k ? { params: out, more: n - k } : { params: out };
}

/** The loss sampled by the engine (in the worker) for the pictures; null where not finite. */
export type SurfaceData =
  | { kind: '1d'; x: number[]; z: Array<number | null> }
  | { kind: '2d'; x: number[]; y: number[]; z: Array<Array<number | null>>; axes: [number, number] };

export type StopReason = 'completed' | 'converged' | 'diverged' | 'cancelled' | 'timeout' | 'error';

/** Strings the webview shows, resolved on the host through VS Code's l10n (Korean first). */
export interface PanelStrings {
  title: string;
  emptyState: string;
  lossCurve: string;
  step: string;
  loss: string;
  logScale: string;
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
  /** Networks: the decision-boundary picture and its accuracy line ({0} = percent). */
  decisionBoundary: string;
  trainingAccuracy: string;
  /** Held-out data (testSplit): accuracy ({0} = percent), the dashed curve's name and its note. */
  testAccuracy: string;
  testLoss: string;
  testLossNote: string;
  reasons: Record<StopReason, string>;
}

// ── host → webview ──────────────────────────────────────────────────────────

export type HostMessage =
  | { type: 'init'; strings: PanelStrings; settings: RunSettings }
  /**
   * A run begins; `settings` are the ones it actually uses. `setsControls`: a run the learner
   * started (not one runner of a race), whose settings the controls then show.
   */
  | { type: 'runStarted'; runId: string; file: string; dimension: number; paramNames: string[]; settings: RunSettings; setsControls?: boolean }
  | { type: 'surface'; runId: string; surface: SurfaceData }
  | { type: 'progress'; runId: string; points: StepPoint[] }
  | { type: 'runFinished'; runId: string; reason: StopReason; message?: string; /** The step the run ended at. */ step?: number }
  /** The automatic diagnosis of a finished run: one sentence each, and the glossary entry behind it. */
  | { type: 'diagnosis'; runId: string; findings: DiagnosisItem[] }
  /** A teaching view's numbers (race, restarts, sweep, why-iterate, stationary points) as a table. */
  | { type: 'table'; id: string; title: string; columns: string[]; rows: TableCell[][]; highlight?: number; note?: string; rowNotes?: Array<string | null> }
  /** A categorical map over a 2-D surface (basins of attraction, Hessian definiteness). */
  | { type: 'cellMap'; id: string; title: string; x: number[]; y: number[]; cells: number[][]; categories: string[]; marks?: MapMark[] }
  /** Final loss against learning rate: the sweep. A click on a point reruns with that rate. */
  | { type: 'sweep'; id: string; title: string; axis: { learningRate: string; finalLoss: string; diverged: string }; points: SweepPointData[]; boundary: { stable?: number; diverged?: number }; rules?: SweepRuleMark[]; note?: string }
  /** Starts a teaching view: clears the previous one (its tables, maps, charts). */
  | { type: 'analysisStarted'; title: string }
  /** The backprop graph of one evaluation (issue #7): values, adjoints, local derivatives, source spans. */
  | { type: 'graph'; title: string; graph: GraphData }
  /** A two-input network's predictions over the data's plane, with the data (issue #7), live while it trains. */
  | { type: 'boundary'; runId: string; boundary: BoundaryPanelData }
  /** A network's weights and biases per linear layer, before and after training (issue #7). */
  | { type: 'weights'; title: string; labels: WeightsLabels; layers: WeightLayerData[] }
  /** Asks the webview for a `state` reply: what its legend and controls show. */
  | { type: 'reportState' };

/** What the panel shows: the legend's labels and the controls' settings. */
export interface PanelSnapshot {
  legend: string[];
  settings: RunSettings;
  /** The status line: how the last run ended (and at which step), or an error. */
  status: string;
}

/** One linear layer, row-major: weight[r·cols + c] is W[r, c] (nn.Linear: out × in). */
export interface WeightLayerData {
  name: string;
  rows: number;
  cols: number;
  start: number[];
  end: number[];
  biasStart: number[];
  biasEnd: number[];
}

export interface WeightsLabels {
  /** The before/after toggle. */
  start: string;
  end: string;
  bias: string;
  /** Caption of one layer: {0} name, {1} rows, {2} cols. */
  layer: string;
  /** Readout of the cell under the cursor: {0} what, {1} value now, {2} value at the other end. */
  readout: string;
  hint: string;
}

export interface BoundaryPanelData {
  x: number[];
  y: number[];
  z: number[][];
  /** probability: P(class 1) per cell; classes: the predicted class (0 … classes − 1); output: a regression's value. */
  kind: 'probability' | 'output' | 'classes';
  classes?: number;
  /** The data; `test: true` marks samples held out by testSplit (drawn hollow). */
  points: Array<{ x: number; y: number; label: number; test?: boolean }>;
  /** Share of training samples classified right (classification only). */
  accuracy?: number;
  /** The same on the held-out samples, when there are any. */
  testAccuracy?: number;
}

export interface GraphNodeData {
  id: number;
  kind: 'parameter' | 'operation' | 'output';
  label: string;
  value: number;
  adjoint: number;
  count: number;
  range?: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number };
}

export interface GraphData {
  nodes: GraphNodeData[];
  edges: Array<{ from: number; to: number; partial?: number }>;
  root: number;
}

export interface DiagnosisItem {
  code: string;
  text: string;
  /** Glossary entry id (the "explain" message asks the host to show it). */
  glossary: string;
  /** A remedy the diagnosis lab ran from the same start: `train FILE <cli>`, and what it reached. */
  remedy?: RemedyData;
}

/** teaching/diagnosis.ts's Remedy as the panel gets it. */
export interface RemedyData {
  /** CLI `train` arguments after FILE (src/runner/cliArgs.ts parses them). */
  cli: string[];
  outcome: { finalLoss: number; steps: number };
}

export type TableCell = string | number | null;

export interface MapMark {
  x: number;
  y: number;
  label: string;
}

/** A predicted limit η = 2/λ_max on the sweep chart (a dashed vertical line with its label). */
export interface SweepRuleMark {
  limit: number;
  label: string;
}

export interface SweepPointData {
  learningRate: number;
  finalLoss: number | null;
  diverged: boolean;
}

// ── webview → host ──────────────────────────────────────────────────────────

export type ExportFormat = 'csv' | 'json' | 'png';

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rerun'; settings: RunSettings }
  | { type: 'stop' }
  /** Save a run's numbers (csv/json, the host has them) or the charts as a PNG (dataUrl). */
  | { type: 'export'; format: ExportFormat; runId: string; dataUrl?: string }
  /** Show a glossary entry (a diagnosis' link). */
  | { type: 'explain'; term: string }
  /** Train the same file again with a diagnosis' remedy (its CLI arguments, as the host sent them). */
  | { type: 'remedy'; runId: string; code: string; cli: string[] }
  /** Reply to `reportState`: what the panel shows (for the integration tests and bug reports). */
  | { type: 'state'; state: PanelSnapshot }
  /** Select the expression a graph node came from in the editor (0-based offsets). */
  | { type: 'reveal'; start: number; end: number };

// ── validation ──────────────────────────────────────────────────────────────

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Loss values may legitimately be ±Infinity or NaN (a diverged step), so only the type is checked. */
function isNumber(x: unknown): x is number {
  return typeof x === 'number';
}

function isNumberArray(x: unknown, check: (v: unknown) => boolean = isNumber): x is number[] {
  return Array.isArray(x) && x.every(check);
}

export function isOptimizerName(x: unknown): x is OptimizerName {
  return typeof x === 'string' && (OPTIMIZERS as readonly string[]).includes(x);
}

/** Bounds the panel may ask for: a run the host starts on the webview's word must stay sane. */
export const LIMITS = { maxSteps: 1_000_000, minLearningRate: 1e-8, maxLearningRate: 1e3, maxDimension: 10_000, maxPngDataUrl: 20_000_000 } as const;

/** Settings the panel may ask for: what a run may report (isShownSettings), within the panel's limits. */
export function isRunSettings(x: unknown): x is RunSettings {
  if (!isShownSettings(x)) return false;
  const { learningRate, steps, init, initSeed } = x;
  return (
    learningRate >= LIMITS.minLearningRate &&
    learningRate <= LIMITS.maxLearningRate &&
    steps >= 1 &&
    steps <= LIMITS.maxSteps &&
    (init === undefined || init.length <= LIMITS.maxDimension) &&
    (initSeed === undefined || (initSeed >= 0 && initSeed < 2 ** 32))
  );
}

function isBatchSize(x: unknown): boolean {
  return x === undefined || (Number.isInteger(x) && (x as number) >= 1 && (x as number) <= LIMITS.maxSteps);
}

/**
 * The settings a run actually used, as the host reports them (runStarted): they may lie outside
 * what the panel may ask for (0 steps, a rate of 10⁴ from the file's config) and are still shown.
 */
export function isShownSettings(x: unknown): x is RunSettings {
  if (!isObject(x)) return false;
  const { optimizer, learningRate, steps, init, initSeed, batchSize, tolerance } = x;
  return (
    (tolerance === undefined || (isFiniteNumber(tolerance) && tolerance > 0)) &&
    isOptimizerName(optimizer) &&
    isFiniteNumber(learningRate) &&
    Number.isInteger(steps) &&
    (steps as number) >= 0 &&
    (init === undefined || isNumberArray(init, isFiniteNumber)) &&
    (initSeed === undefined || Number.isInteger(initSeed)) &&
    isBatchSize(batchSize)
  );
}

/** At most this many CLI arguments in a remedy, each at most this long (a network's --init list is long). */
const MAX_REMEDY_ARGS = 64;
const MAX_REMEDY_ARG_LENGTH = 1_000_000;

function isRemedyArgs(x: unknown): x is string[] {
  return Array.isArray(x) && x.length <= MAX_REMEDY_ARGS && x.every((a) => typeof a === 'string' && a.length <= MAX_REMEDY_ARG_LENGTH);
}

export function isRemedyData(x: unknown): x is RemedyData {
  return (
    isObject(x) &&
    isRemedyArgs(x.cli) &&
    isObject(x.outcome) &&
    isNumber(x.outcome.finalLoss) &&
    Number.isInteger(x.outcome.steps) &&
    (x.outcome.steps as number) >= 0
  );
}

function isDiagnosisItem(x: unknown): x is DiagnosisItem {
  return isObject(x) && typeof x.code === 'string' && typeof x.text === 'string' && typeof x.glossary === 'string' && (x.remedy === undefined || isRemedyData(x.remedy));
}

function isPanelSnapshot(x: unknown): x is PanelSnapshot {
  return isObject(x) && isStringArray(x.legend) && x.legend.length <= 1000 && isShownSettings(x.settings) && typeof x.status === 'string' && x.status.length <= 10_000;
}

/** Host side: accept only well-formed messages from the webview. */
export function isWebviewMessage(x: unknown): x is WebviewMessage {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'ready':
    case 'stop':
      return Object.keys(x).length === 1;
    case 'rerun':
      return isRunSettings(x.settings);
    case 'explain':
      return typeof x.term === 'string' && /^[A-Za-z]{1,40}$/.test(x.term) && Object.keys(x).length === 2;
    case 'remedy':
      return typeof x.runId === 'string' && x.runId.length <= 64 && typeof x.code === 'string' && x.code.length <= 64 && isRemedyArgs(x.cli) && Object.keys(x).length === 4;
    case 'state':
      return isPanelSnapshot(x.state) && Object.keys(x).length === 2;
    case 'reveal':
      return Number.isInteger(x.start) && Number.isInteger(x.end) && (x.start as number) >= 0 && (x.end as number) >= (x.start as number) && (x.end as number) <= 10_000_000 && Object.keys(x).length === 3;
    case 'export':
      return (
        (x.format === 'csv' || x.format === 'json' || x.format === 'png') &&
        typeof x.runId === 'string' &&
        x.runId.length <= 64 &&
        (x.format === 'png'
          ? typeof x.dataUrl === 'string' && x.dataUrl.startsWith('data:image/png;base64,') && x.dataUrl.length <= LIMITS.maxPngDataUrl
          : x.dataUrl === undefined)
      );
    default:
      return false;
  }
}

function isStepPoint(x: unknown): x is StepPoint {
  return (
    isObject(x) &&
    Number.isInteger(x.step) &&
    isNumber(x.loss) &&
    isNumberArray(x.params) &&
    isNumber(x.gradNorm) &&
    (x.gradient === undefined || isNumberArray(x.gradient)) &&
    (x.state === undefined || (isObject(x.state) && Object.values(x.state).every((v) => isNumber(v) || isNumberArray(v)))) &&
    (x.testLoss === undefined || isNumber(x.testLoss)) &&
    (x.more === undefined || (Number.isInteger(x.more) && (x.more as number) > 0))
  );
}

const isCell = (v: unknown) => v === null || isNumber(v);

function isWeightLayer(l: unknown): l is WeightLayerData {
  if (!isObject(l) || typeof l.name !== 'string' || !Number.isInteger(l.rows) || !Number.isInteger(l.cols)) return false;
  const rows = l.rows as number;
  const cols = l.cols as number;
  if (rows < 1 || cols < 1 || rows * cols > LIMITS.maxDimension * 20) return false;
  return isNumberArray(l.start) && l.start.length === rows * cols && isNumberArray(l.end) && l.end.length === rows * cols && isNumberArray(l.biasStart) && l.biasStart.length === rows && isNumberArray(l.biasEnd) && l.biasEnd.length === rows;
}

export function isSurfaceData(x: unknown): x is SurfaceData {
  if (!isObject(x)) return false;
  if (x.kind === '1d') return isNumberArray(x.x) && Array.isArray(x.z) && x.z.length === x.x.length && x.z.every(isCell);
  if (x.kind === '2d') {
    return (
      isNumberArray(x.x) &&
      isNumberArray(x.y) &&
      Array.isArray(x.z) &&
      x.z.length === x.y.length &&
      x.z.every((row) => Array.isArray(row) && row.length === (x.x as number[]).length && row.every(isCell)) &&
      Array.isArray(x.axes) &&
      x.axes.length === 2 &&
      x.axes.every((a) => Number.isInteger(a))
    );
  }
  return false;
}

const REASONS: readonly StopReason[] = ['completed', 'converged', 'diverged', 'cancelled', 'timeout', 'error'];

/** Webview side: the host is trusted code, but a malformed message must not break the panel. */
export function isHostMessage(x: unknown): x is HostMessage {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'init':
      return isObject(x.strings) && isRunSettings(x.settings);
    case 'runStarted':
      return (
        typeof x.runId === 'string' &&
        typeof x.file === 'string' &&
        Number.isInteger(x.dimension) &&
        Array.isArray(x.paramNames) &&
        x.paramNames.every((n) => typeof n === 'string') &&
        isShownSettings(x.settings) &&
        (x.setsControls === undefined || typeof x.setsControls === 'boolean')
      );
    case 'progress':
      return typeof x.runId === 'string' && Array.isArray(x.points) && x.points.every(isStepPoint);
    case 'surface':
      return typeof x.runId === 'string' && isSurfaceData(x.surface);
    case 'runFinished':
      return (
        typeof x.runId === 'string' &&
        REASONS.includes(x.reason as StopReason) &&
        (x.message === undefined || typeof x.message === 'string') &&
        (x.step === undefined || (Number.isInteger(x.step) && (x.step as number) >= 0))
      );
    case 'diagnosis':
      return (
        typeof x.runId === 'string' &&
        Array.isArray(x.findings) &&
        x.findings.every(isDiagnosisItem)
      );
    case 'table':
      return (
        typeof x.id === 'string' &&
        typeof x.title === 'string' &&
        isStringArray(x.columns) &&
        Array.isArray(x.rows) &&
        x.rows.every((r) => Array.isArray(r) && r.length === (x.columns as string[]).length && r.every((c) => c === null || typeof c === 'string' || isNumber(c))) &&
        (x.highlight === undefined || Number.isInteger(x.highlight)) &&
        (x.note === undefined || typeof x.note === 'string') &&
        (x.rowNotes === undefined || (Array.isArray(x.rowNotes) && x.rowNotes.length === x.rows.length && x.rowNotes.every((n) => n === null || typeof n === 'string')))
      );
    case 'cellMap':
      return (
        typeof x.id === 'string' &&
        typeof x.title === 'string' &&
        isNumberArray(x.x, isFiniteNumber) &&
        isNumberArray(x.y, isFiniteNumber) &&
        Array.isArray(x.cells) &&
        x.cells.length === x.y.length &&
        x.cells.every((row) => isNumberArray(row, (c) => Number.isInteger(c)) && row.length === (x.x as number[]).length) &&
        isStringArray(x.categories) &&
        (x.marks === undefined || (Array.isArray(x.marks) && x.marks.every((m) => isObject(m) && isFiniteNumber(m.x) && isFiniteNumber(m.y) && typeof m.label === 'string')))
      );
    case 'sweep':
      return (
        typeof x.id === 'string' &&
        typeof x.title === 'string' &&
        isObject(x.axis) &&
        typeof x.axis.learningRate === 'string' &&
        typeof x.axis.finalLoss === 'string' &&
        typeof x.axis.diverged === 'string' &&
        Array.isArray(x.points) &&
        x.points.every((p) => isObject(p) && isFiniteNumber(p.learningRate) && (p.finalLoss === null || isNumber(p.finalLoss)) && typeof p.diverged === 'boolean') &&
        isObject(x.boundary) &&
        (x.boundary.stable === undefined || isFiniteNumber(x.boundary.stable)) &&
        (x.boundary.diverged === undefined || isFiniteNumber(x.boundary.diverged)) &&
        (x.rules === undefined || (Array.isArray(x.rules) && x.rules.every((r) => isObject(r) && isFiniteNumber(r.limit) && r.limit > 0 && typeof r.label === 'string'))) &&
        (x.note === undefined || typeof x.note === 'string')
      );
    case 'analysisStarted':
      return typeof x.title === 'string';
    case 'reportState':
      return Object.keys(x).length === 1;
    case 'graph':
      return typeof x.title === 'string' && isGraphData(x.graph);
    case 'weights':
      return (
        typeof x.title === 'string' &&
        isObject(x.labels) &&
        ['start', 'end', 'bias', 'layer', 'readout', 'hint'].every((k) => typeof (x.labels as Record<string, unknown>)[k] === 'string') &&
        Array.isArray(x.layers) &&
        x.layers.length <= 64 &&
        x.layers.every(isWeightLayer)
      );
    case 'boundary': {
      const b = x.boundary;
      return (
        typeof x.runId === 'string' &&
        isObject(b) &&
        isNumberArray(b.x, isFiniteNumber) &&
        isNumberArray(b.y, isFiniteNumber) &&
        Array.isArray(b.z) &&
        b.z.length === b.y.length &&
        b.z.every((row) => isNumberArray(row) && row.length === (b.x as number[]).length) &&
        (b.kind === 'probability' || b.kind === 'output' || (b.kind === 'classes' && Number.isInteger(b.classes) && (b.classes as number) >= 2 && (b.classes as number) <= 32)) &&
        Array.isArray(b.points) &&
        b.points.length <= 100_000 &&
        b.points.every((p) => isObject(p) && isFiniteNumber(p.x) && isFiniteNumber(p.y) && isNumber(p.label) && (p.test === undefined || typeof p.test === 'boolean')) &&
        (b.accuracy === undefined || isFiniteNumber(b.accuracy)) &&
        (b.testAccuracy === undefined || isFiniteNumber(b.testAccuracy))
      );
    }
    default:
      return false;
  }
}

function isGraphData(x: unknown): x is GraphData {
  if (!isObject(x) || !Array.isArray(x.nodes) || !Array.isArray(x.edges) || !Number.isInteger(x.root)) return false;
  const n = x.nodes.length;
  const nodeOk = (v: unknown, i: number) =>
    isObject(v) &&
    v.id === i &&
    (v.kind === 'parameter' || v.kind === 'operation' || v.kind === 'output') &&
    typeof v.label === 'string' &&
    isNumber(v.value) &&
    isNumber(v.adjoint) &&
    Number.isInteger(v.count) &&
    (v.range === undefined || (isObject(v.range) && ['start', 'end', 'line', 'column', 'endLine', 'endColumn'].every((k) => Number.isInteger((v.range as Record<string, unknown>)[k]))));
  const edgeOk = (e: unknown) => isObject(e) && Number.isInteger(e.from) && Number.isInteger(e.to) && (e.from as number) < n && (e.to as number) < n && (e.partial === undefined || isNumber(e.partial));
  return n <= 5000 && x.nodes.every(nodeOk) && x.edges.every(edgeOk) && (x.root as number) < n;
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/** State the webview keeps with `setState` so a reload restores the panel. */
export interface PanelState {
  settings: RunSettings;
  logScale: boolean;
}

export function isPanelState(x: unknown): x is PanelState {
  return isObject(x) && isRunSettings(x.settings) && typeof x.logScale === 'boolean';
}
