/** The `nn` namespace of `import { nn } from 'gdtutor'`. */
import { Tensor } from '../tensor/tensor';
import { binaryCrossEntropy as bce, mse as mseOp, softmaxCrossEntropy } from '../tensor/ops';
import { asTensor, mlp, sequential, Sequential, type Inputs } from './model';
import { linear, relu, sigmoid, tanh } from './layers';
import { nnUsed } from '../recording';

/** Mean squared error between predictions and targets (numbers or rows of numbers). */
function mse(pred: Tensor, target: ArrayLike<number> | ArrayLike<ArrayLike<number>> | Tensor): Tensor {
  const t =
    target instanceof Tensor
      ? target
      : typeof (target as ArrayLike<unknown>)[0] === 'number'
        ? Tensor.column(target as ArrayLike<number>)
        : Tensor.fromRows(target as ArrayLike<ArrayLike<number>>);
  nnUsed.loss = 'mse'; // what this evaluation used (recording.ts)
  return mseOp(pred, t);
}

/** Share of rows whose largest logit (or, with one column, logit > 0) matches the label. */
function accuracy(logits: Tensor | number[][], labels: ArrayLike<number>): number {
  const t = asTensor(logits as Inputs);
  let right = 0;
  for (let i = 0; i < t.rows; i++) {
    let guess = 0;
    if (t.cols === 1) guess = t.data[i] > 0 ? 1 : 0;
    else for (let j = 1; j < t.cols; j++) if (t.data[i * t.cols + j] > t.data[i * t.cols + guess]) guess = j;
    if (guess === labels[i]) right++;
  }
  return t.rows ? right / t.rows : 0;
}

export const nn = {
  linear,
  tanh,
  relu,
  sigmoid,
  sequential,
  mlp,
  mse,
  crossEntropy: (logits: Tensor, labels: ArrayLike<number>) => {
    nnUsed.loss = 'crossEntropy';
    return softmaxCrossEntropy(logits, labels);
  },
  binaryCrossEntropy: (logits: Tensor, labels: ArrayLike<number>) => {
    nnUsed.loss = 'binaryCrossEntropy';
    return bce(logits, labels);
  },
  accuracy,
  Sequential,
  Tensor,
};
