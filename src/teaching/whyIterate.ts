/**
 * Why iterate (docs/concepts.md: closed-form solution) and brute force (docs/concepts.md: brute force), on a one-parameter loss:
 *
 *   closed form   solve dL/dw = 0. For a quadratic, Newton's single step w₁ = w₀ − L′(w₀)/L″(w₀)
 *                 lands exactly there (the second-order model *is* the function), so the view
 *                 shows that step beside gradient descent's many small ones.
 *   iteration     gradient descent with the run's learning rate: steps until |w − w*| ≤ accuracy.
 *   brute force   a grid over the bounds needs (hi − lo)/accuracy + 1 evaluations for the same
 *                 accuracy — and that number to the power d for d parameters, which is why
 *                 nobody searches a network's weights on a grid.
 */
import type { CompiledLoss } from '../runner/compile';
import { trainLoss } from '../runner/trainLoss';
import { parameterBound } from '../runner/surface';
import type { TrainOptions } from '../engine/trainOptions';

export interface WhyIterateResult {
  start: number;
  /** Newton's one step from the start, and the slope L′ there (0 for a quadratic). */
  newton: { point: number; slope: number; loss: number };
  /** Gradient descent: its path and the first step within `accuracy` of Newton's point (absent if never). */
  descent: { path: number[]; losses: number[]; stepsToAccuracy?: number; learningRate: number; optimizer: string };
  /** A real grid search over the bounds at the given accuracy. */
  grid: { evaluations: number; best: number; loss: number };
  /** Evaluations a grid of the same accuracy needs for d parameters: log₁₀ of the count. */
  gridCostLog10: Array<{ dimension: number; log10Evaluations: number }>;
  accuracy: number;
}

export function whyIterate(loss: CompiledLoss, req: { accuracy?: number; options?: TrainOptions } = {}): WhyIterateResult {
  if (loss.dimension !== 1) throw new RangeError('whyIterate is for one-parameter losses');
  const accuracy = req.accuracy ?? 1e-3;
  const [lo, hi] = parameterBound(loss, 0);
  const run = trainLoss(loss, { ...req.options, tolerance: undefined });
  const start = run.options.init[0];
  const slope0 = loss.valueAndGrad([start]).gradient[0];
  const curvature0 = loss.hessian([start])[0][0];
  const point = start - slope0 / curvature0;
  const newton = { point, slope: loss.valueAndGrad([point]).gradient[0], loss: loss.value([point]) };
  const path = run.params.map((p) => p[0]);
  const k = path.findIndex((w) => Math.abs(w - point) <= accuracy);
  const evaluations = Math.floor((hi - lo) / accuracy) + 1;
  let best = lo;
  let bestLoss = Infinity;
  for (let i = 0; i < evaluations; i++) {
    const w = lo + i * accuracy;
    const v = loss.value([w]);
    if (v < bestLoss) {
      bestLoss = v;
      best = w;
    }
  }
  const perAxis = Math.log10(evaluations);
  return {
    start,
    newton,
    descent: {
      path,
      losses: run.losses,
      stepsToAccuracy: k >= 0 ? (run.steps ? run.steps[k] : k) : undefined,
      learningRate: run.options.learningRate,
      optimizer: run.options.optimizer,
    },
    grid: { evaluations, best, loss: bestLoss },
    gridCostLog10: [1, 2, 3, 5, 10, 100].map((dimension) => ({ dimension, log10Evaluations: dimension * perAxis })),
    accuracy,
  };
}
