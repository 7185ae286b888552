/**
 * Mini-batches of a dataset in a seeded random order, epoch after epoch.
 *
 * Each epoch is a fresh Fisher–Yates permutation of the samples, cut into consecutive batches of
 * `batchSize` (the last batch of an epoch may be smaller, as PyTorch's DataLoader with
 * drop_last=False). batchSize ≥ n gives full-batch gradient descent: the whole dataset every step,
 * in its original order, with no shuffle (so the loss is the true loss, not a noisy estimate).
 */
import { mulberry32, permutation, type Random } from './random';

export class MiniBatches<T> {
  private readonly random: Random;
  private order: Int32Array;
  private position = 0;
  /** Completed passes over the data. */
  epoch = 0;

  constructor(
    private readonly data: readonly T[],
    readonly batchSize: number,
    seed: number,
  ) {
    if (data.length === 0) throw new RangeError('data is empty');
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    this.random = mulberry32(seed);
    this.order = this.fullBatch ? Int32Array.from(data.keys()) : permutation(this.random, data.length);
  }

  get fullBatch(): boolean {
    return this.batchSize >= this.data.length;
  }

  /** Batches per epoch: ⌈n / batchSize⌉. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.data.length / this.batchSize);
  }

  next(): readonly T[] {
    if (this.fullBatch) return this.data;
    if (this.position >= this.data.length) {
      this.epoch++;
      this.position = 0;
      this.order = permutation(this.random, this.data.length);
    }
    const end = Math.min(this.position + this.batchSize, this.data.length);
    const batch: T[] = new Array(end - this.position);
    for (let i = this.position; i < end; i++) batch[i - this.position] = this.data[this.order[i]];
    this.position = end;
    return batch;
  }
}
