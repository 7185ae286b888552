/**
 * Every message between the extension host and the loss panel's webview, in one place.
 *
 * Both sides import this file and nothing else of each other (the webview app never imports
 * the engine or `vscode`). Messages crossing the boundary are untrusted data: each side
 * validates what it receives with the guards at the end (isHostMessage, isWebviewMessage …)
 * before acting on it.
 *
 * Each shape is written once, as a valibot schema; its TypeScript type is inferred from it.
 */
import * as v from 'valibot';
import { OPTIMIZER_NAMES } from './optimizerNames';
import type { PanelStrings } from './panelText';
import { StopReasonSchema } from './stopReason';
import { anyNumber, count, finite, finiteNumbers, integer, isObject, numbers, runId, strings } from './schemaParts';
import { LIMITS } from './limits';
import {
  BoundaryPanelDataSchema,
  GraphDataSchema,
  MapMarkSchema,
  SweepPointDataSchema,
  SweepRuleMarkSchema,
  TableCellSchema,
  WeightLayerDataSchema,
  WeightsLabelsSchema,
} from './teachingViewSchemas';

export { OPTIMIZER_NAMES, isOptimizerName, type OptimizerName } from './optimizerNames';
/** The optimizers the panel offers, in its order (the one list, optimizerNames.ts). */
export const OPTIMIZERS = OPTIMIZER_NAMES;

export { LIMITS } from './limits';

// ── settings ────────────────────────────────────────────────────────────────

/**
 * The settings a run actually used, as the host reports them (runStarted): they may lie outside
 * what the panel may ask for (0 steps, a rate of 10⁴ from the file's config) and are still shown.
 */
const ShownSettingsSchema = v.object({
  optimizer: v.picklist(OPTIMIZER_NAMES),
  learningRate: finite,
  steps: count,
  /** Start point; undefined → the file's `init` or a seeded random point. */
  init: v.optional(finiteNumbers),
  /** A re-rolled random start (a network: model.init(initSeed)) instead of the file's init. */
  initSeed: v.optional(integer),
  /** Mini-batch size the run drew (from the file's config or a remedy); undefined: full batch. */
  batchSize: v.optional(v.pipe(integer, v.minValue(1), v.maxValue(LIMITS.maxSteps))),
  /**
   * Set: `steps` is only the most the run may take; it stops once it has converged (‖∇L‖ or |ΔL|
   * below this). A run nobody gave a length runs so (the default stop); typing a step count clears it.
   */
  tolerance: v.optional(v.pipe(finite, v.gtValue(0))),
});

const shown = ShownSettingsSchema.entries;

/** Settings the panel may ask for: what a run may report (ShownSettingsSchema), within the panel's limits. */
const RunSettingsSchema = v.object({
  ...shown,
  learningRate: v.pipe(shown.learningRate, v.minValue(LIMITS.minLearningRate), v.maxValue(LIMITS.maxLearningRate)),
  steps: v.pipe(shown.steps, v.minValue(1), v.maxValue(LIMITS.maxSteps)),
  init: v.optional(v.pipe(shown.init.wrapped, v.maxLength(LIMITS.maxDimension))),
  initSeed: v.optional(v.pipe(shown.initSeed.wrapped, v.minValue(0), v.ltValue(2 ** 32))),
});

/** Settings the learner changes in the panel; undefined fields keep the file's `config`. */
export type RunSettings = v.InferOutput<typeof RunSettingsSchema>;

// ── runs ────────────────────────────────────────────────────────────────────

/** One recorded step of a run: the point where the loss was evaluated. */
const StepPointSchema = v.object({
  step: integer,
  loss: anyNumber,
  params: numbers,
  gradNorm: anyNumber,
  /** ∇L at this point, for small parameter counts (tangent lines, arrows, the timeline). */
  gradient: v.optional(numbers),
  /** The optimizer's state going into this step's update (torch's names: momentum_buffer, exp_avg …). */
  state: v.optional(
    v.custom<Record<string, number | number[]>>(
      (x) => isObject(x) && Object.values(x).every((s) => typeof s === 'number' || v.is(numbers, s)),
    ),
  ),
  /** The loss on the held-out samples at this step (testSplit), where it was measured. */
  testLoss: v.optional(anyNumber),
  /** Parameters not sent with the point (a big network sends its first MAX_STREAMED_PARAMETERS). */
  more: v.optional(v.pipe(integer, v.gtValue(0))),
});
export type StepPoint = v.InferOutput<typeof StepPointSchema>;

/**
 * The panel draws at most two parameters on the map and ten traces: a network's thousands of
 * weights per step would make the stream megabytes a second for nothing. Exports read the full
 * run on the host.
 */
export const MAX_STREAMED_PARAMETERS = 32;

/** The teaching views the panel shows (each has its own caption in ViewCaptions). */
export const ANALYSIS_KINDS = ['race', 'restarts', 'sweep', 'curvature', 'whyIterate', 'batchSizes', 'graph'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/** A point's parameters as the panel gets them: all of them, or the first few and a count of the rest. */
export function streamedParams(params: ArrayLike<number>): { params: number[]; more?: number } {
  const n = params.length;
  const k = Math.min(n, MAX_STREAMED_PARAMETERS);
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = params[i];
  return n > k ? { params: out, more: n - k } : { params: out };
}

/** A sampled loss; null where not finite. */
const cell = v.nullable(anyNumber);

/** The loss sampled by the engine (in the worker) for the pictures. */
const SurfaceDataSchema = v.variant('kind', [
  v.pipe(
    v.object({ kind: v.literal('1d'), x: numbers, z: v.array(cell) }),
    v.check((s) => s.z.length === s.x.length),
  ),
  v.pipe(
    v.object({ kind: v.literal('2d'), x: numbers, y: numbers, z: v.array(v.array(cell)), axes: v.strictTuple([integer, integer]) }),
    v.check((s) => s.z.length === s.y.length && s.z.every((row) => row.length === s.x.length)),
  ),
]);
export type SurfaceData = v.InferOutput<typeof SurfaceDataSchema>;

export type { StopReason } from './stopReason';

export type { PanelStrings, ViewCaptions } from './panelText';

/** The host's own strings: only checked to be an object. */
const PanelStringsSchema = v.custom<PanelStrings>(isObject);

// ── diagnosis ───────────────────────────────────────────────────────────────

/** At most this many CLI arguments in a remedy, each at most this long (a network's --init list is long). */
const MAX_REMEDY_ARGS = 64;
const MAX_REMEDY_ARG_LENGTH = 1_000_000;

const RemedyArgsSchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_REMEDY_ARG_LENGTH))), v.maxLength(MAX_REMEDY_ARGS));

/** teaching/diagnosis.ts's Remedy as the panel gets it. */
const RemedyDataSchema = v.object({
  /** CLI `train` arguments after FILE (src/runner/cliArgs.ts parses them). */
  cli: RemedyArgsSchema,
  outcome: v.object({ finalLoss: anyNumber, steps: count }),
});
export type RemedyData = v.InferOutput<typeof RemedyDataSchema>;

const DiagnosisItemSchema = v.object({
  code: v.string(),
  text: v.string(),
  /** Glossary entry id (the "explain" message asks the host to show it). */
  glossary: v.string(),
  /** A remedy the diagnosis lab ran from the same start: `train FILE <cli>`, and what it reached. */
  remedy: v.optional(RemedyDataSchema),
});
export type DiagnosisItem = v.InferOutput<typeof DiagnosisItemSchema>;

export type {
  TableCell,
  MapMark,
  SweepRuleMark,
  SweepPointData,
  GraphNodeData,
  GraphData,
  BoundaryPanelData,
  WeightsLabels,
  WeightLayerData,
} from './teachingViewSchemas';

// ── host → webview ──────────────────────────────────────────────────────────

const HostMessageSchema = v.variant('type', [
  v.object({ type: v.literal('init'), strings: PanelStringsSchema, settings: RunSettingsSchema }),
  /**
   * A run begins; `settings` are the ones it actually uses. `setsControls`: a run the learner
   * started (not one runner of a race), whose settings the controls then show.
   */
  v.object({
    type: v.literal('runStarted'),
    runId: v.string(),
    file: v.string(),
    dimension: integer,
    paramNames: strings,
    settings: ShownSettingsSchema,
    setsControls: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal('surface'), runId: v.string(), surface: SurfaceDataSchema }),
  v.object({ type: v.literal('progress'), runId: v.string(), points: v.array(StepPointSchema) }),
  v.object({
    type: v.literal('runFinished'),
    runId: v.string(),
    reason: StopReasonSchema,
    message: v.optional(v.string()),
    /** The step the run ended at. */
    step: v.optional(count),
  }),
  /** The automatic diagnosis of a finished run: one sentence each, and the glossary entry behind it. */
  v.object({ type: v.literal('diagnosis'), runId: v.string(), findings: v.array(DiagnosisItemSchema) }),
  /** A teaching view's numbers (race, restarts, sweep, why-iterate, stationary points) as a table. */
  v.pipe(
    v.object({
      type: v.literal('table'),
      id: v.string(),
      title: v.string(),
      columns: strings,
      rows: v.array(v.array(TableCellSchema)),
      highlight: v.optional(integer),
      note: v.optional(v.string()),
      rowNotes: v.optional(v.array(v.nullable(v.string()))),
    }),
    v.check((t) => t.rows.every((r) => r.length === t.columns.length) && (t.rowNotes === undefined || t.rowNotes.length === t.rows.length)),
  ),
  /** A categorical map over a 2-D surface (basins of attraction, Hessian definiteness). */
  v.pipe(
    v.object({
      type: v.literal('cellMap'),
      id: v.string(),
      title: v.string(),
      x: finiteNumbers,
      y: finiteNumbers,
      cells: v.array(v.array(integer)),
      categories: strings,
      marks: v.optional(v.array(MapMarkSchema)),
    }),
    v.check((m) => m.cells.length === m.y.length && m.cells.every((row) => row.length === m.x.length)),
  ),
  /** Final loss against learning rate: the sweep. A click on a point reruns with that rate. */
  v.object({
    type: v.literal('sweep'),
    id: v.string(),
    title: v.string(),
    axis: v.object({ learningRate: v.string(), finalLoss: v.string(), diverged: v.string() }),
    points: v.array(SweepPointDataSchema),
    // Every key optional: an array would pass v.object alone.
    boundary: v.pipe(v.custom<Record<string, unknown>>(isObject), v.object({ stable: v.optional(finite), diverged: v.optional(finite) })),
    rules: v.optional(v.array(SweepRuleMarkSchema)),
    note: v.optional(v.string()),
  }),
  /**
   * Starts a teaching view: clears the previous one (its tables, maps, charts). `kind` picks the
   * view's caption; `failed` says the view could not be computed (the title then carries the error).
   */
  v.object({ type: v.literal('analysisStarted'), title: v.string(), kind: v.picklist(ANALYSIS_KINDS), failed: v.optional(v.boolean()) }),
  /** The backprop graph of one evaluation: values, adjoints, local derivatives, source spans. */
  v.object({ type: v.literal('graph'), title: v.string(), graph: GraphDataSchema }),
  /** A two-input network's predictions over the data's plane, with the data, live while it trains. */
  v.object({ type: v.literal('boundary'), runId: v.string(), boundary: BoundaryPanelDataSchema }),
  /** A network's weights and biases per linear layer, before and after training. */
  v.object({
    type: v.literal('weights'),
    title: v.string(),
    labels: WeightsLabelsSchema,
    layers: v.pipe(v.array(WeightLayerDataSchema), v.maxLength(64)),
  }),
  /** Asks the webview for a `state` reply: what its legend and controls show. */
  v.strictObject({ type: v.literal('reportState') }),
]);
export type HostMessage = v.InferOutput<typeof HostMessageSchema>;

// ── webview → host ──────────────────────────────────────────────────────────

/** What the panel shows: the legend's labels and the controls' settings. */
const PanelSnapshotSchema = v.object({
  legend: v.pipe(strings, v.maxLength(1000)),
  settings: ShownSettingsSchema,
  /** The status line: how the last run ended (and at which step), or an error. */
  status: v.pipe(v.string(), v.maxLength(10_000)),
  /**
   * Where the loss chart sits on the panel's page and how much of the page is on screen (CSS px),
   * with how many points it holds: "the curve is on the first screen" is checked from this.
   */
  layout: v.optional(
    v.object({
      lossChartTop: v.pipe(v.number(), v.finite()),
      lossChartHeight: v.pipe(v.number(), v.finite(), v.minValue(0)),
      lossChartPoints: v.pipe(v.number(), v.integer(), v.minValue(0)),
      viewportWidth: v.pipe(v.number(), v.finite(), v.minValue(0)),
      viewportHeight: v.pipe(v.number(), v.finite(), v.minValue(0)),
    }),
  ),
});
export type PanelSnapshot = v.InferOutput<typeof PanelSnapshotSchema>;

const ExportFormatSchema = v.picklist(['csv', 'json', 'png']);
export type ExportFormat = v.InferOutput<typeof ExportFormatSchema>;

const WebviewMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.object({ type: v.literal('rerun'), settings: RunSettingsSchema }),
  v.strictObject({ type: v.literal('stop') }),
  /** Save a run's numbers (csv/json, the host has them) or the charts as a PNG (dataUrl, only then). */
  v.pipe(
    v.object({
      type: v.literal('export'),
      format: ExportFormatSchema,
      runId,
      dataUrl: v.optional(v.pipe(v.string(), v.startsWith('data:image/png;base64,'), v.maxLength(LIMITS.maxPngDataUrl))),
    }),
    v.check((m) => (m.format === 'png') === (m.dataUrl !== undefined)),
  ),
  /** Show a glossary entry (a diagnosis' link). */
  v.strictObject({ type: v.literal('explain'), term: v.pipe(v.string(), v.regex(/^[A-Za-z]{1,40}$/)) }),
  /** Train the same file again with a diagnosis' remedy (its CLI arguments, as the host sent them). */
  v.strictObject({ type: v.literal('remedy'), runId, code: v.pipe(v.string(), v.maxLength(64)), cli: RemedyArgsSchema }),
  /** Reply to `reportState`: what the panel shows (for the integration tests and bug reports). */
  v.strictObject({ type: v.literal('state'), state: PanelSnapshotSchema }),
  /** Select the expression a graph node came from in the editor (0-based offsets). */
  v.pipe(
    v.strictObject({ type: v.literal('reveal'), start: count, end: v.pipe(integer, v.maxValue(10_000_000)) }),
    v.check((m) => m.end >= m.start),
  ),
]);
export type WebviewMessage = v.InferOutput<typeof WebviewMessageSchema>;

/** State the webview keeps with `setState` so a reload restores the panel. */
const PanelStateSchema = v.object({ settings: RunSettingsSchema, logScale: v.boolean() });
export type PanelState = v.InferOutput<typeof PanelStateSchema>;

// ── validation ──────────────────────────────────────────────────────────────

/** Settings the panel may ask for: what a run may report (isShownSettings), within the panel's limits. */
export function isRunSettings(x: unknown): x is RunSettings {
  return v.is(RunSettingsSchema, x);
}

/** The settings a run actually used (runStarted): shown even outside the panel's limits. */
export function isShownSettings(x: unknown): x is RunSettings {
  return v.is(ShownSettingsSchema, x);
}

export function isRemedyData(x: unknown): x is RemedyData {
  return v.is(RemedyDataSchema, x);
}

export function isSurfaceData(x: unknown): x is SurfaceData {
  return v.is(SurfaceDataSchema, x);
}

/** Host side: accept only well-formed messages from the webview. */
export function isWebviewMessage(x: unknown): x is WebviewMessage {
  return v.is(WebviewMessageSchema, x);
}

/** Webview side: the host is trusted code, but a malformed message must not break the panel. */
export function isHostMessage(x: unknown): x is HostMessage {
  return v.is(HostMessageSchema, x);
}

export function isPanelState(x: unknown): x is PanelState {
  return v.is(PanelStateSchema, x);
}
