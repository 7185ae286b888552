/**
 * Layers of the `gdtutor` nn library. Weights are slices of the flat parameter vector the loss
 * receives, laid out layer by layer as [W (out×in, row-major), b (out)] — PyTorch's nn.Linear
 * layout, so an exported network maps one-to-one onto `nn.Linear(in, out).weight / .bias`.
 */
import { Tensor } from '../tensor/tensor';
import { paramTensor } from '../tensor/params';
import { linear as linearOp, relu as reluOp, sigmoid as sigmoidOp, tanh as tanhOp } from '../tensor/ops';
import { mulberry32, uniform } from '../random';

export interface LayerInfo {
  name: string;
  kind: string;
  /** Where this layer's parameters start in the flat vector, and their shapes. */
  offset: number;
  weight?: [number, number];
  bias?: number;
}

export interface Layer {
  readonly kind: string;
  readonly parameterCount: number;
  /** Output features for a given number of input features (checks the wiring). */
  outputs(inputs: number): number;
  forward(p: ArrayLike<unknown>, offset: number, x: Tensor): Tensor;
  /** PyTorch's default initialisation for this layer's parameters, appended to `out`. */
  init(random: () => number, out: number[]): void;
  info(offset: number, index: number): LayerInfo;
}

/** nn.Linear(in, out): y = x Wᵀ + b, W and b initialised U(−1/√in, 1/√in) as PyTorch does. */
export function linear(inputs: number, outputs: number): Layer {
  if (!(Number.isInteger(inputs) && inputs > 0 && Number.isInteger(outputs) && outputs > 0))
    throw new RangeError(`nn.linear(${inputs}, ${outputs}): sizes must be positive whole numbers`);
  return {
    kind: 'linear',
    parameterCount: outputs * inputs + outputs,
    outputs(n) {
      if (n !== inputs) throw new RangeError(`nn.linear(${inputs}, ${outputs}) receives ${n} features`);
      return outputs;
    },
    forward(p, offset, x) {
      const w = paramTensor(p, offset, outputs, inputs);
      const b = paramTensor(p, offset + outputs * inputs, 1, outputs);
      return linearOp(x, w, b);
    },
    init(random, out) {
      const bound = 1 / Math.sqrt(inputs);
      for (let k = 0; k < outputs * inputs + outputs; k++) out.push(uniform(random, -bound, bound));
    },
    info: (offset, index) => ({ name: `${index}.linear`, kind: 'linear', offset, weight: [outputs, inputs], bias: outputs }),
  };
}

function activation(kind: string, op: (x: Tensor) => Tensor): () => Layer {
  return () => ({
    kind,
    parameterCount: 0,
    outputs: (n) => n,
    forward: (_p, _offset, x) => op(x),
    init: () => undefined,
    info: (offset, index) => ({ name: `${index}.${kind}`, kind, offset }),
  });
}

export const tanh = activation('tanh', tanhOp);
export const relu = activation('relu', reluOp);
export const sigmoid = activation('sigmoid', sigmoidOp);

export function initialise(layers: Layer[], seed: number): number[] {
  const random = mulberry32(seed);
  const out: number[] = [];
  for (const l of layers) l.init(random, out);
  return out;
}
