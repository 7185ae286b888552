/**
 * The decision boundary of the learner's network: for a `gdtutor` nn model with two
 * inputs trained on data `{ x: [x₁, x₂], label }`, the model's prediction over a grid covering the
 * data — the probability of class 1 (softmax of two logits, or the sigmoid of one), or with three
 * or more classes the predicted class (argmax of the logits) — with the data points and the
 * training accuracy. Computed in the worker with plain numbers (no tape).
 */
import type { CompiledLoss } from '../runner/compile';
import { lastUsage } from '../engine/nn/usage';
import type { BoundaryPanelData } from '../protocol/panelProtocol';

/** What the panel draws (the protocol's shape: one definition for the worker and the webview). */
export type BoundaryData = BoundaryPanelData;

const GRID = 48;

type Point = BoundaryData['points'][number];

/**
 * Features and labels of `data`, when every item is `{ x: [a, b], label | y: number }`; the samples
 * of `test` (held out by testSplit) follow, marked `test: true`.
 */
export function twoDimensionalData(data: readonly unknown[] | undefined, test: readonly unknown[] = []): Point[] | undefined {
  if (!data?.length) return undefined;
  const out: Point[] = [];
  for (const d of data) {
    const r = d as { x?: unknown; label?: unknown; y?: unknown };
    const label = r.label ?? r.y;
    if (!Array.isArray(r.x) || r.x.length !== 2 || typeof r.x[0] !== 'number' || typeof r.x[1] !== 'number' || typeof label !== 'number')
      return undefined;
    out.push({ x: r.x[0], y: r.x[1], label });
  }
  if (test.length) {
    const held = twoDimensionalData(test);
    if (!held) return undefined;
    for (const p of held) out.push({ ...p, test: true });
  }
  return out;
}

/** The predicted class of one output row: argmax of k ≥ 2 logits, or logit > 0 for one. */
function predictedClass(row: number[]): number {
  if (row.length === 1) return row[0] > 0 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
}

function toProbability(row: number[]): number {
  if (row.length === 2) return 1 / (1 + Math.exp(row[0] - row[1])); // softmax, class 1
  return 1 / (1 + Math.exp(-row[0])); // one logit: sigmoid
}

/**
 * The boundary at `params`, or undefined when the file has no two-input nn network with 2-D data.
 * Call after the loss has been evaluated at least once (training has), so the model is known.
 */
export function decisionBoundary(
  loss: CompiledLoss,
  params: ArrayLike<number>,
  points = twoDimensionalData(loss.data),
): BoundaryData | undefined {
  const { model, loss: lossKind } = lastUsage();
  if (!model || model.inputs !== 2 || !points || model.parameterCount !== params.length) return undefined;
  const classification = lossKind === 'crossEntropy' || lossKind === 'binaryCrossEntropy';
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const pad = (lo: number, hi: number) => [lo - 0.1 * (hi - lo || 1), hi + 0.1 * (hi - lo || 1)];
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const line = (lo: number, hi: number) => Array.from({ length: GRID }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / GRID);
  const gx = line(x0, x1);
  const gy = line(y0, y1);
  const rows = gy.flatMap((yj) => gx.map((xi) => [xi, yj]));
  const out = model.predict(params, rows);
  const width = out[0]?.length ?? 1;
  // Three or more classes: the predicted class per cell (a probability of "class 1" means nothing).
  const kind: BoundaryData['kind'] = !classification ? 'output' : width > 2 ? 'classes' : 'probability';
  const value = (r: number[]) => (kind === 'classes' ? predictedClass(r) : kind === 'probability' ? toProbability(r) : r[0]);
  const z = gy.map((_, j) => gx.map((__, i) => value(out[j * GRID + i])));
  // Accuracy on the training samples, and separately on the held-out ones (testSplit).
  let accuracy: number | undefined;
  let testAccuracy: number | undefined;
  if (classification) {
    const pred = model.predict(
      params,
      points.map((p) => [p.x, p.y]),
    );
    const share = (test: boolean) => {
      const idx = points.flatMap((p, i) => (Boolean(p.test) === test ? [i] : []));
      return idx.length ? idx.filter((i) => predictedClass(pred[i]) === points[i].label).length / idx.length : undefined;
    };
    accuracy = share(false);
    testAccuracy = share(true);
  }
  return {
    x: gx,
    y: gy,
    z,
    kind,
    ...(kind === 'classes' ? { classes: width } : {}),
    points,
    accuracy,
    ...(testAccuracy === undefined ? {} : { testAccuracy }),
  };
}
