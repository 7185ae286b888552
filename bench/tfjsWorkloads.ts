/**
 * The same workloads in TensorFlow.js with its pure-JS `cpu` backend (tfjs-node cannot be
 * installed here: its install script downloads libtensorflow). tfjs computes in float32; the
 * engine in float64 — the comparison is of speed, the accuracy difference favours the engine.
 */
import * as tf from '@tensorflow/tfjs';

export async function useCpu(): Promise<void> {
  // tfjs prints a hint about tfjs-node on first use; it is not available here by design.
  const warn = console.warn;
  console.warn = () => undefined;
  await tf.setBackend('cpu');
  await tf.ready();
  console.warn = warn;
}

/** W1: value and gradient of Rosenbrock on two scalar tensors. */
export function tfRosenbrock(): () => number {
  const f = tf.valueAndGrads(
    (x: tf.Tensor, y: tf.Tensor) => tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))) as tf.Scalar,
  );
  return () =>
    tf.tidy(() => {
      const { value, grads } = f([tf.scalar(-1.2), tf.scalar(1)]);
      grads[0].dataSync();
      return value.dataSync()[0];
    });
}

/** W2 written the tensor way (vectorised): tfjs's best case for this function. */
export function tfW2(n = 100): () => number {
  const c = tf.tensor1d(Array.from({ length: n }, (_, i) => i / 100));
  const f = tf.valueAndGrad((p: tf.Tensor) => {
    const d = tf.sub(p, c);
    const first = tf.sum(tf.mul(tf.square(d), tf.add(1, tf.mul(0.1, tf.sin(p)))));
    const diff = tf.sub(p.slice(1), p.slice(0, n - 1));
    return tf.add(first, tf.mul(0.01, tf.sum(tf.square(diff)))) as tf.Scalar;
  });
  const p0 = tf.tensor1d(Array.from({ length: n }, (_, i) => Math.sin(i)));
  return () =>
    tf.tidy(() => {
      const { value, grad } = f(p0);
      grad.dataSync();
      return value.dataSync()[0];
    });
}

function mlpVariables(sizes: number[], seed: number): tf.Variable[] {
  const vars: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const bound = 1 / Math.sqrt(sizes[l]);
    vars.push(tf.variable(tf.randomUniform([sizes[l], sizes[l + 1]], -bound, bound, 'float32', seed + l)));
    vars.push(tf.variable(tf.randomUniform([sizes[l + 1]], -bound, bound, 'float32', seed + 100 + l)));
  }
  return vars;
}

function mlpForward(vars: tf.Variable[], x: tf.Tensor): tf.Tensor {
  let h = x;
  for (let l = 0; l < vars.length; l += 2) {
    h = tf.add(tf.matMul(h, vars[l]), vars[l + 1]);
    if (l + 2 < vars.length) h = tf.tanh(h);
  }
  return h;
}

/** W3: 2-16-16-1 tanh MLP, MSE, full batch of 256 points: value and gradients. */
export function tfW3(x: number[][], y: number[]): () => number {
  const vars = mlpVariables([2, 16, 16, 1], 1);
  const xs = tf.tensor2d(x);
  const ys = tf.tensor2d(y, [y.length, 1]);
  return () =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, mlpForward(vars, xs)) as tf.Scalar, vars);
      for (const g of Object.values(grads)) g.dataSync();
      return value.dataSync()[0];
    });
}

/** W4: 2-128-128-2 tanh MLP, softmax cross-entropy, Adam, batches of 64: one training step. */
export function tfW4(x: number[][], labels: number[], batch = 64): () => number {
  const vars = mlpVariables([2, 128, 128, 2], 2);
  const xs = tf.tensor2d(x);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 2);
  const adam = tf.train.adam(1e-3);
  let start = 0;
  return () => {
    const n = x.length;
    const from = start;
    start = (start + batch) % n;
    const loss = adam.minimize(
      () =>
        tf.tidy(() => {
          const xb = xs.slice([from, 0], [Math.min(batch, n - from), 2]);
          const yb = ys.slice([from, 0], [Math.min(batch, n - from), 2]);
          return tf.losses.softmaxCrossEntropy(yb, mlpForward(vars, xb)) as tf.Scalar;
        }),
      true,
      vars,
    );
    const v = loss ? loss.dataSync()[0] : NaN;
    loss?.dispose();
    return v;
  };
}
