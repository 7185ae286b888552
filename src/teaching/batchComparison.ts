/**
 * Mini-batch and full-batch side by side (docs/concepts.md: mini-batch, stochastic gradient descent): the same optimizer, learning
 * rate, start and number of steps on the file's `data`, once with the whole dataset per step and
 * once per mini-batch size. Each is an ordinary training run (a row is exactly what a single run
 * with that `batchSize` gives). What the table makes visible:
 *
 *   loss on all the data at the end   L(θ_T) = (1/n) Σᵢ ℓ(θ_T; xᵢ)  — comparable across rows, unlike
 *                                     the per-step losses, which for a mini-batch are noisy estimates
 *   samples processed                 T · b: the work a run did (full batch: T · n)
 *   epochs                            T · b / n: passes over the data
 *   time                              measured in the worker, for the same reason
 *
 * so the learner sees that a mini-batch run gets close to the full-batch loss for a fraction of the
 * work, with a jagged curve. With `testSplit`, "all the data" is the training side.
 */
import type { CompiledLoss } from '../runner/compile';
import { trainLoss, type RunResult } from '../runner/trainLoss';
import type { TrainOptions } from '../engine/trainOptions';
import { trainTestSplit } from '../engine/trainTestSplit';
import { LearnerError } from '../runner/learnerErrors';

export interface BatchRow {
  /** The batch size used; equal to the number of training samples for the full-batch row. */
  batchSize: number;
  fullBatch: boolean;
  run: RunResult;
  /** Loss on all training samples at the run's last point (null if not finite). */
  finalLoss: number | null;
  samples: number;
  epochs: number;
  milliseconds: number;
}

export interface BatchComparisonResult {
  /** Training samples (all of `data`, or its training side with testSplit). */
  samples: number;
  rows: BatchRow[];
}

export interface BatchComparisonRequest {
  /** Mini-batch sizes to compare with the full batch (default 32, 8, 1: those below n). */
  sizes?: readonly number[];
  options?: TrainOptions;
  isCancelled?: () => boolean;
}

export const DEFAULT_BATCH_SIZES = [32, 8, 1] as const;

export function batchComparison(loss: CompiledLoss, req: BatchComparisonRequest = {}): BatchComparisonResult {
  if (!loss.data?.length) {
    throw new LearnerError(
      'noData',
      '미니배치를 비교하려면 파일이 `export const data = [...]` 로 학습 데이터를 내보내야 합니다 (손실 함수는 `loss(p, batch)` 처럼 배치를 받습니다).',
      'Comparing mini-batches needs training data: export it as `export const data = [...]` (and take the batch in `loss(p, batch)`).',
      {},
    );
  }
  const probe = trainLoss(loss, { ...req.options, steps: 0 });
  const split = probe.options.testSplit ? trainTestSplit(loss.data, probe.options.testSplit, probe.options.seed) : undefined;
  const training = split?.test.length ? split.train : loss.data;
  const n = training.length;
  const sizes = [...new Set((req.sizes ?? DEFAULT_BATCH_SIZES).filter((b) => Number.isInteger(b) && b >= 1 && b < n))].sort(
    (a, b) => b - a,
  );
  const rows: BatchRow[] = [];
  // Full batch first, then smaller and smaller batches; one start point for all (the first run's).
  let init = req.options?.init ?? probe.options.init;
  for (const b of [n, ...sizes]) {
    if (req.isCancelled?.()) break;
    const started = performance.now();
    const run = trainLoss(loss, { ...req.options, init, batchSize: b }, { isCancelled: req.isCancelled });
    const milliseconds = performance.now() - started;
    init = run.options.init;
    const steps = run.steps ? run.steps[run.steps.length - 1] : run.params.length - 1;
    const last = loss.value(run.params[run.params.length - 1], training);
    rows.push({
      batchSize: b,
      fullBatch: b === n,
      run,
      finalLoss: Number.isFinite(last) ? last : null,
      samples: steps * b,
      epochs: (steps * b) / n,
      milliseconds,
    });
  }
  return { samples: n, rows };
}
