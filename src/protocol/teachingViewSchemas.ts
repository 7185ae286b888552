/**
 * The data of the teaching views as the panel receives it (tables, categorical maps, the sweep,
 * the backprop graph, the decision boundary, a network's weights): schemas used by the host →
 * webview messages in panelProtocol.ts.
 */
import * as v from 'valibot';
import { anyNumber, finite, finiteNumbers, integer, numbers } from './schemaParts';
import { LIMITS } from './limits';

export const TableCellSchema = v.union([v.null(), v.string(), anyNumber]);
export type TableCell = v.InferOutput<typeof TableCellSchema>;

export const MapMarkSchema = v.object({ x: finite, y: finite, label: v.string() });
export type MapMark = v.InferOutput<typeof MapMarkSchema>;

/** A predicted limit η = 2/λ_max on the sweep chart (a dashed vertical line with its label). */
export const SweepRuleMarkSchema = v.object({ limit: v.pipe(finite, v.gtValue(0)), label: v.string() });
export type SweepRuleMark = v.InferOutput<typeof SweepRuleMarkSchema>;

export const SweepPointDataSchema = v.object({ learningRate: finite, finalLoss: v.nullable(anyNumber), diverged: v.boolean() });
export type SweepPointData = v.InferOutput<typeof SweepPointDataSchema>;

export const GraphNodeDataSchema = v.object({
  /** Its index in `nodes`. */
  id: integer,
  kind: v.picklist(['parameter', 'operation', 'output']),
  label: v.string(),
  value: anyNumber,
  adjoint: anyNumber,
  count: integer,
  range: v.optional(v.object({ start: integer, end: integer, line: integer, column: integer, endLine: integer, endColumn: integer })),
});
export type GraphNodeData = v.InferOutput<typeof GraphNodeDataSchema>;

export const GraphDataSchema = v.pipe(
  v.object({
    nodes: v.pipe(v.array(GraphNodeDataSchema), v.maxLength(5000)),
    edges: v.array(v.object({ from: integer, to: integer, partial: v.optional(anyNumber) })),
    root: integer,
  }),
  v.check(
    ({ nodes, edges, root }) =>
      nodes.every((node, i) => node.id === i) && edges.every((e) => e.from < nodes.length && e.to < nodes.length) && root < nodes.length,
  ),
);
export type GraphData = v.InferOutput<typeof GraphDataSchema>;

export const BoundaryPanelDataSchema = v.pipe(
  v.object({
    x: finiteNumbers,
    y: finiteNumbers,
    /** z[row of y][column of x]. */
    z: v.array(numbers),
    /** probability: P(class 1) per cell; classes: the predicted class (0 … classes − 1); output: a regression's value. */
    kind: v.picklist(['probability', 'output', 'classes']),
    /** The number of classes: an integer 2 … 32 when kind is 'classes'. */
    classes: v.optional(anyNumber),
    /** The data; `test: true` marks samples held out by testSplit (drawn hollow). */
    points: v.pipe(v.array(v.object({ x: finite, y: finite, label: anyNumber, test: v.optional(v.boolean()) })), v.maxLength(100_000)),
    /** Share of training samples classified right (classification only). */
    accuracy: v.optional(finite),
    /** The same on the held-out samples, when there are any. */
    testAccuracy: v.optional(finite),
  }),
  v.check(
    (b) =>
      b.z.length === b.y.length &&
      b.z.every((row) => row.length === b.x.length) &&
      (b.kind !== 'classes' || (b.classes !== undefined && Number.isInteger(b.classes) && b.classes >= 2 && b.classes <= 32)),
  ),
);
export type BoundaryPanelData = v.InferOutput<typeof BoundaryPanelDataSchema>;

export const WeightsLabelsSchema = v.object({
  /** The before/after toggle. */
  start: v.string(),
  end: v.string(),
  bias: v.string(),
  /** Caption of one layer: {0} name, {1} rows, {2} cols. */
  layer: v.string(),
  /** Readout of the cell under the cursor: {0} what, {1} value now, {2} value at the other end. */
  readout: v.string(),
  hint: v.string(),
  /** The title of each layer's colour bar. */
  colorBar: v.string(),
});
export type WeightsLabels = v.InferOutput<typeof WeightsLabelsSchema>;

/** One linear layer, row-major: weight[r·cols + c] is W[r, c] (nn.Linear: out × in). */
export const WeightLayerDataSchema = v.pipe(
  v.object({
    name: v.string(),
    rows: v.pipe(integer, v.minValue(1)),
    cols: v.pipe(integer, v.minValue(1)),
    start: numbers,
    end: numbers,
    biasStart: numbers,
    biasEnd: numbers,
  }),
  v.check(
    ({ rows, cols, start, end, biasStart, biasEnd }) =>
      rows * cols <= LIMITS.maxDimension * 20 &&
      start.length === rows * cols &&
      end.length === rows * cols &&
      biasStart.length === rows &&
      biasEnd.length === rows,
  ),
);
export type WeightLayerData = v.InferOutput<typeof WeightLayerDataSchema>;
