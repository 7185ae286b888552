/**
 * Matrices on the same tape as the scalar engine, for neural networks.
 *
 * A Tensor is a row-major n×m Float64Array. When it depends on the parameters (`tracked`), it has
 * a gradient buffer of the same size and one *custom* tape node whose backward closure moves
 * ∂L/∂(this tensor) into its inputs' gradient buffers — one node per tensor op, so a network's
 * tape is a few dozen nodes instead of one per multiply (tape.ts explains custom nodes).
 * Untracked tensors (plain-number parameters: drawing a decision boundary) never touch the tape.
 *
 * Order: the reverse sweep visits nodes newest first, so when a tensor's node runs, every op that
 * consumed it has already added to its gradient — exactly the scalar rule, in bulk.
 */
import { activeTape, Var } from '../runtime';

export class Tensor {
  /** ∂L/∂data, allocated only for tracked tensors. */
  grad: Float64Array | undefined;

  constructor(
    readonly data: Float64Array,
    readonly rows: number,
    readonly cols: number,
    tracked = false,
  ) {
    if (data.length !== rows * cols) throw new RangeError(`tensor data has ${data.length} values, not ${rows}×${cols}`);
    if (tracked) this.grad = new Float64Array(data.length);
  }

  get tracked(): boolean {
    return this.grad !== undefined;
  }

  static fromRows(rows: ArrayLike<ArrayLike<number>>): Tensor {
    const n = rows.length;
    const m = n ? rows[0].length : 0;
    const data = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) data[i * m + j] = rows[i][j];
    return new Tensor(data, n, m);
  }

  static column(values: ArrayLike<number>): Tensor {
    return new Tensor(Float64Array.from(values as ArrayLike<number>), values.length, 1);
  }

  /** Rows as plain arrays (for predictions shown to the learner). */
  toRows(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
  }

  /**
   * A 1×1 tensor as the loss's scalar: a tracked one becomes a Var (its node seeds this tensor's
   * gradient with ∂L/∂value), an untracked one a number. The runtime calls this on loss results.
   */
  toScalar(): Var | number {
    if (this.data.length !== 1) throw new RangeError(`a loss must be a single number, but this tensor is ${this.rows}×${this.cols}`);
    const v = this.data[0];
    if (!this.grad) return v;
    const g = this.grad;
    const id = activeTape().custom(v, (_tape, adjOut) => {
      g[0] += adjOut;
    });
    return new Var(id, v);
  }
}

/** Records the backward of a tensor op; `backward` reads `out.grad` and adds into the inputs'. */
export function record(out: Tensor, backward: () => void): Tensor {
  if (out.grad) activeTape().custom(0, () => backward());
  return out;
}
