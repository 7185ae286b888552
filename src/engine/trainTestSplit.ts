/**
 * Holding out a test set: a seeded random fraction of `data` that training never sees, so the
 * learner can watch the loss on unseen samples beside the training loss — the two curves whose
 * gap is overfitting (a model is judged on data it was not fitted to: docs/concepts.md, learning as finding a rule that generalises).
 *
 *   order = seeded permutation of 0 … n−1
 *   test  = the first round(n · fraction) indices of that order, train = the rest
 *
 * Both keep the file's original order (sorted indices), so full-batch training on `train` is
 * still deterministic and a split with the same seed is the same split on every machine.
 */
import { mulberry32, permutation } from './random';

export interface TrainTestSplit<T> {
  train: T[];
  test: T[];
}

export function trainTestSplit<T>(data: readonly T[], fraction: number, seed: number): TrainTestSplit<T> {
  if (!(fraction >= 0 && fraction < 1)) throw new RangeError(`testSplit must be in [0, 1), got ${fraction}`);
  const n = data.length;
  // At least one sample on each side once there is a split at all (n ≥ 2).
  const size = fraction === 0 || n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
  // A stream of its own (seed + a constant), so the split does not shift the mini-batch shuffle.
  const order = permutation(mulberry32((seed ^ 0x5f3759df) >>> 0), n);
  const isTest = new Uint8Array(n);
  for (let i = 0; i < size; i++) isTest[order[i]] = 1;
  const train: T[] = [];
  const test: T[] = [];
  for (let i = 0; i < n; i++) (isTest[i] ? test : train).push(data[i]);
  return { train, test };
}
