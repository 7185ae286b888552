/**
 * Hand-written value-and-gradient of every workload: the speed of light the engine is compared
 * against (what a careful programmer would write by hand for one fixed function).
 */

/** W1 Rosenbrock: L = (1 − x)² + 100 (y − x²)², ∂L/∂x = −2(1 − x) − 400x(y − x²), ∂L/∂y = 200(y − x²). */
export function rosenbrock(p: Float64Array, g: Float64Array): number {
  const x = p[0];
  const y = p[1];
  const a = 1 - x;
  const b = y - x * x;
  g[0] = -2 * a - 400 * x * b;
  g[1] = 200 * b;
  return a * a + 100 * b * b;
}

/**
 * W2: L = Σ_i (p_i − i/100)² (1 + 0.1 sin p_i) + Σ_{i<99} 0.01 (p_{i+1} − p_i)²
 * ∂/∂p_i of the first sum: 2(p_i − c_i)(1 + 0.1 sin p_i) + (p_i − c_i)² · 0.1 cos p_i
 */
export function w2(p: Float64Array, g: Float64Array): number {
  const n = p.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = p[i] - i / 100;
    const sn = Math.sin(p[i]);
    const f = 1 + 0.1 * sn;
    s += d * d * f;
    g[i] = 2 * d * f + d * d * 0.1 * Math.cos(p[i]);
  }
  for (let i = 0; i < n - 1; i++) {
    const d = p[i + 1] - p[i];
    s += 0.01 * d * d;
    g[i + 1] += 0.02 * d;
    g[i] -= 0.02 * d;
  }
  return s;
}

/**
 * An MLP with tanh hidden layers, forward and backward on Float64Arrays. Parameters are one flat
 * vector laid out layer by layer as [W (out×in, row-major), b (out)] — the layout of gdtutor's nn.
 */
export class HandMlp {
  readonly sizes: number[];
  readonly count: number;
  private readonly acts: Float64Array[];
  private readonly deltas: Float64Array[];

  constructor(
    sizes: number[],
    private readonly batch: number,
  ) {
    this.sizes = sizes;
    let c = 0;
    for (let l = 0; l + 1 < sizes.length; l++) c += sizes[l] * sizes[l + 1] + sizes[l + 1];
    this.count = c;
    this.acts = sizes.map((s) => new Float64Array(s * batch));
    this.deltas = sizes.map((s) => new Float64Array(s * batch));
  }

  /** Forward; leaves activations (the last layer linear: logits or predictions). */
  forward(p: Float64Array, x: Float64Array, n: number): Float64Array {
    this.acts[0].set(x.subarray(0, n * this.sizes[0]));
    let off = 0;
    for (let l = 0; l + 1 < this.sizes.length; l++) {
      const fin = this.sizes[l];
      const fout = this.sizes[l + 1];
      const a = this.acts[l];
      const z = this.acts[l + 1];
      const last = l + 2 === this.sizes.length;
      for (let s = 0; s < n; s++) {
        for (let o = 0; o < fout; o++) {
          let v = p[off + fout * fin + o];
          const w = off + o * fin;
          for (let i = 0; i < fin; i++) v += p[w + i] * a[s * fin + i];
          z[s * fout + o] = last ? v : Math.tanh(v);
        }
      }
      off += fout * fin + fout;
    }
    return this.acts[this.sizes.length - 1];
  }

  /** Backward from ∂L/∂output (in deltas[last], set by the loss); accumulates into g. */
  backward(p: Float64Array, g: Float64Array, n: number): void {
    g.fill(0);
    const L = this.sizes.length - 1;
    let off = this.count;
    for (let l = L - 1; l >= 0; l--) {
      const fin = this.sizes[l];
      const fout = this.sizes[l + 1];
      off -= fout * fin + fout;
      const a = this.acts[l];
      const d = this.deltas[l + 1];
      const dprev = this.deltas[l];
      dprev.fill(0, 0, n * fin);
      for (let s = 0; s < n; s++) {
        for (let o = 0; o < fout; o++) {
          const dv = d[s * fout + o];
          g[off + fout * fin + o] += dv;
          const w = off + o * fin;
          for (let i = 0; i < fin; i++) {
            g[w + i] += dv * a[s * fin + i];
            dprev[s * fin + i] += dv * p[w + i];
          }
        }
      }
      if (l > 0) for (let k = 0; k < n * fin; k++) dprev[k] *= 1 - a[k] * a[k]; // tanh' = 1 − tanh²
    }
  }

  /** MSE over n samples with a single output: L = (1/n) Σ (ŷ − y)². */
  mse(p: Float64Array, g: Float64Array, x: Float64Array, y: Float64Array, n: number): number {
    const out = this.forward(p, x, n);
    const d = this.deltas[this.sizes.length - 1];
    let s = 0;
    for (let k = 0; k < n; k++) {
      const e = out[k] - y[k];
      s += e * e;
      d[k] = (2 * e) / n;
    }
    this.backward(p, g, n);
    return s / n;
  }

  /** Mean softmax cross-entropy over n samples with integer labels. */
  crossEntropy(p: Float64Array, g: Float64Array, x: Float64Array, labels: Int32Array, n: number): number {
    const out = this.forward(p, x, n);
    const c = this.sizes[this.sizes.length - 1];
    const d = this.deltas[this.sizes.length - 1];
    let s = 0;
    for (let k = 0; k < n; k++) {
      let m = -Infinity;
      for (let j = 0; j < c; j++) m = Math.max(m, out[k * c + j]);
      let z = 0;
      for (let j = 0; j < c; j++) z += Math.exp(out[k * c + j] - m);
      s += m + Math.log(z) - out[k * c + labels[k]];
      for (let j = 0; j < c; j++) d[k * c + j] = (Math.exp(out[k * c + j] - m) / z - (j === labels[k] ? 1 : 0)) / n;
    }
    this.backward(p, g, n);
    return s / n;
  }
}

/** Adam as torch.optim.Adam (defaults), on flat arrays. */
export class HandAdam {
  private m: Float64Array;
  private v: Float64Array;
  private t = 0;
  constructor(
    n: number,
    private readonly lr = 1e-3,
    private readonly b1 = 0.9,
    private readonly b2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }
  step(p: Float64Array, g: Float64Array): void {
    this.t++;
    const bc1 = 1 - this.b1 ** this.t;
    const bc2 = Math.sqrt(1 - this.b2 ** this.t);
    for (let i = 0; i < p.length; i++) {
      this.m[i] = this.b1 * this.m[i] + (1 - this.b1) * g[i];
      this.v[i] = this.b2 * this.v[i] + (1 - this.b2) * g[i] * g[i];
      p[i] -= ((this.lr / bc1) * this.m[i]) / (Math.sqrt(this.v[i]) / bc2 + this.eps);
    }
  }
}
