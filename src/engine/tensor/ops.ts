/**
 * Tensor operations for networks, each with its value and local derivative side by side
 * (the tensor versions of rules.ts). Every op reads `out.grad` in its backward and adds into the
 * gradients of the tracked inputs; untracked inputs (data) are skipped.
 */
import { Tensor, record } from './tensor';

const tracked = (...ts: Tensor[]) => ts.some((t) => t.tracked);

/**
 * Fully connected layer: Y = X Wᵀ + b   (X: n×in, W: out×in, b: 1×out)
 *   ∂L/∂X = ∂L/∂Y · W,   ∂L/∂W = (∂L/∂Y)ᵀ X,   ∂L/∂b = Σ_rows ∂L/∂Y
 */
export function linear(x: Tensor, w: Tensor, b: Tensor): Tensor {
  const n = x.rows;
  const fin = x.cols;
  const fout = w.rows;
  if (w.cols !== fin) throw new RangeError(`linear: input has ${fin} features but the weights expect ${w.cols}`);
  const y = new Float64Array(n * fout);
  const X = x.data;
  const W = w.data;
  const B = b.data;
  for (let i = 0; i < n; i++) {
    const xi = i * fin;
    for (let o = 0; o < fout; o++) {
      let s = B[o];
      const wo = o * fin;
      for (let j = 0; j < fin; j++) s += X[xi + j] * W[wo + j];
      y[i * fout + o] = s;
    }
  }
  const out = new Tensor(y, n, fout, tracked(x, w, b));
  return record(out, () => {
    const dy = out.grad as Float64Array;
    const dx = x.grad;
    const dw = w.grad;
    const db = b.grad;
    for (let i = 0; i < n; i++) {
      const xi = i * fin;
      for (let o = 0; o < fout; o++) {
        const g = dy[i * fout + o];
        if (g === 0) continue;
        const wo = o * fin;
        if (db) db[o] += g;
        if (dw) for (let j = 0; j < fin; j++) dw[wo + j] += g * X[xi + j];
        if (dx) for (let j = 0; j < fin; j++) dx[xi + j] += g * W[wo + j];
      }
    }
  });
}

function elementwise(x: Tensor, f: (v: number) => number, df: (v: number, y: number) => number): Tensor {
  const y = new Float64Array(x.data.length);
  for (let k = 0; k < y.length; k++) y[k] = f(x.data[k]);
  const out = new Tensor(y, x.rows, x.cols, x.tracked);
  return record(out, () => {
    const dy = out.grad as Float64Array;
    const dx = x.grad as Float64Array;
    for (let k = 0; k < y.length; k++) dx[k] += dy[k] * df(x.data[k], y[k]);
  });
}

/** y = tanh x,  ∂y/∂x = 1 − y² */
export const tanh = (x: Tensor) => elementwise(x, Math.tanh, (_v, y) => 1 - y * y);
/** y = σ(x) = 1/(1 + e⁻ˣ),  ∂y/∂x = y(1 − y) */
export const sigmoid = (x: Tensor) =>
  elementwise(
    x,
    (v) => 1 / (1 + Math.exp(-v)),
    (_v, y) => y * (1 - y),
  );
/** y = max(0, x),  ∂y/∂x = [x > 0] (0 at x = 0, as PyTorch) */
export const relu = (x: Tensor) =>
  elementwise(
    x,
    (v) => (v > 0 ? v : 0),
    (v) => (v > 0 ? 1 : 0),
  );

/** L = (1/N) Σ (p − t)² over all N entries;  ∂L/∂p = 2(p − t)/N */
export function mse(pred: Tensor, target: Tensor): Tensor {
  const N = pred.data.length;
  if (target.data.length !== N) throw new RangeError(`mse: ${N} predictions but ${target.data.length} targets`);
  let s = 0;
  for (let k = 0; k < N; k++) s += (pred.data[k] - target.data[k]) ** 2;
  const out = new Tensor(Float64Array.of(s / N), 1, 1, pred.tracked);
  return record(out, () => {
    const g = (out.grad as Float64Array)[0];
    const dp = pred.grad as Float64Array;
    for (let k = 0; k < N; k++) dp[k] += (g * 2 * (pred.data[k] - target.data[k])) / N;
  });
}

/**
 * Softmax cross-entropy, mean over rows, fused and stable:
 *   Lᵢ = log Σⱼ e^{zᵢⱼ} − z_{i,yᵢ} = m + log Σⱼ e^{zᵢⱼ − m} − z_{i,yᵢ}   (m = maxⱼ zᵢⱼ)
 *   ∂L/∂zᵢⱼ = (softmax(zᵢ)ⱼ − [j = yᵢ]) / n
 */
export function softmaxCrossEntropy(logits: Tensor, labels: ArrayLike<number>): Tensor {
  const n = logits.rows;
  const c = logits.cols;
  if (labels.length !== n) throw new RangeError(`crossEntropy: ${n} rows of logits but ${labels.length} labels`);
  const z = logits.data;
  const soft = new Float64Array(n * c);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (!(Number.isInteger(label) && label >= 0 && label < c))
      throw new RangeError(`crossEntropy: label ${label} is not a class 0…${c - 1}`);
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, z[i * c + j]);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += soft[i * c + j] = Math.exp(z[i * c + j] - m);
    for (let j = 0; j < c; j++) soft[i * c + j] /= sum;
    total += m + Math.log(sum) - z[i * c + label];
  }
  const out = new Tensor(Float64Array.of(total / n), 1, 1, logits.tracked);
  return record(out, () => {
    const g = (out.grad as Float64Array)[0] / n;
    const dz = logits.grad as Float64Array;
    for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) dz[i * c + j] += g * (soft[i * c + j] - (j === labels[i] ? 1 : 0));
  });
}

/**
 * Binary cross-entropy on logits, mean, stable: Lᵢ = max(z, 0) − z·y + log(1 + e^{−|z|})
 *   ∂L/∂zᵢ = (σ(zᵢ) − yᵢ) / n
 */
export function binaryCrossEntropy(logits: Tensor, labels: ArrayLike<number>): Tensor {
  const n = logits.data.length;
  const z = logits.data;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(z[i], 0) - z[i] * labels[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
  const out = new Tensor(Float64Array.of(total / n), 1, 1, logits.tracked);
  return record(out, () => {
    const g = (out.grad as Float64Array)[0] / n;
    const dz = logits.grad as Float64Array;
    for (let i = 0; i < n; i++) dz[i] += g * (1 / (1 + Math.exp(-z[i])) - labels[i]);
  });
}
