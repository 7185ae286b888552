/**
 * The rows of a run (step, θ, L, ‖∇L‖) with bounded memory.
 *
 * Rows live in growable typed arrays. When `maxRows` is reached, every other row is dropped and
 * the stride doubles, so a run of any length keeps at most `maxRows` evenly spaced rows plus the
 * latest one — a 10-million-step run costs the same memory as a 100,000-step run, and the loss
 * curve still has its shape. Below the cap nothing is dropped (the CLI's `steps + 1` rows).
 */
export class History {
  private stepOf: Float64Array;
  private loss: Float64Array;
  private gradNorm: Float64Array;
  private theta: Float64Array;
  private rows = 0;
  /** Only steps that are multiples of the stride are kept (the latest row always is). */
  private stride = 1;
  private latest: { step: number; theta: Float64Array; loss: number; gradNorm: number } | undefined;

  constructor(
    private readonly dimension: number,
    private readonly maxRows = 200_000,
  ) {
    if (maxRows < 2) throw new RangeError('maxRows must be at least 2');
    const initial = Math.min(1024, maxRows);
    this.stepOf = new Float64Array(initial);
    this.loss = new Float64Array(initial);
    this.gradNorm = new Float64Array(initial);
    this.theta = new Float64Array(initial * dimension);
  }

  push(step: number, theta: ArrayLike<number>, loss: number, gradNorm: number): void {
    if (step % this.stride !== 0) {
      // Not on the kept grid: remember it as the latest row only.
      this.latest = { step, theta: Float64Array.from(theta), loss, gradNorm };
      return;
    }
    this.latest = undefined;
    if (this.rows === this.maxRows) this.decimate();
    if (step % this.stride !== 0) {
      this.latest = { step, theta: Float64Array.from(theta), loss, gradNorm };
      return;
    }
    if (this.rows === this.stepOf.length) this.grow();
    const r = this.rows++;
    this.stepOf[r] = step;
    this.loss[r] = loss;
    this.gradNorm[r] = gradNorm;
    this.theta.set(theta, r * this.dimension);
  }

  get length(): number {
    return this.rows + (this.latest ? 1 : 0);
  }

  toArrays(): { params: number[][]; losses: number[]; gradNorms: number[]; steps: number[] } {
    const n = this.rows;
    const d = this.dimension;
    const params: number[][] = new Array(n);
    for (let r = 0; r < n; r++) params[r] = Array.from(this.theta.subarray(r * d, (r + 1) * d));
    const out = {
      params,
      losses: Array.from(this.loss.subarray(0, n)),
      gradNorms: Array.from(this.gradNorm.subarray(0, n)),
      steps: Array.from(this.stepOf.subarray(0, n)),
    };
    if (this.latest) {
      out.params.push(Array.from(this.latest.theta));
      out.losses.push(this.latest.loss);
      out.gradNorms.push(this.latest.gradNorm);
      out.steps.push(this.latest.step);
    }
    return out;
  }

  /** Keeps rows whose step is a multiple of the doubled stride. */
  private decimate(): void {
    this.stride *= 2;
    const d = this.dimension;
    let w = 0;
    for (let r = 0; r < this.rows; r++) {
      if (this.stepOf[r] % this.stride !== 0) continue;
      this.stepOf[w] = this.stepOf[r];
      this.loss[w] = this.loss[r];
      this.gradNorm[w] = this.gradNorm[r];
      this.theta.copyWithin(w * d, r * d, (r + 1) * d);
      w++;
    }
    this.rows = w;
  }

  private grow(): void {
    const n = Math.min(this.stepOf.length * 2, this.maxRows);
    const grow = (a: Float64Array, size: number) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.stepOf = grow(this.stepOf, n);
    this.loss = grow(this.loss, n);
    this.gradNorm = grow(this.gradNorm, n);
    this.theta = grow(this.theta, n * this.dimension);
  }
}
