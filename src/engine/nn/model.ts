/**
 * nn.sequential / nn.mlp: layers applied in order to a batch of inputs.
 *   const model = nn.sequential(nn.linear(2, 16), nn.tanh(), nn.linear(16, 1));
 *   export const init = model.init(0);                     // PyTorch-style random start, seeded
 *   export function loss(p: number[], batch) { return nn.mse(model.forward(p, xs), ys); }
 */
import { Tensor } from '../tensor/tensor';
import { initialise, linear, relu, sigmoid, tanh, type Layer, type LayerInfo } from './layers';
import { nnUsed } from '../recording';

export type Inputs = Tensor | ArrayLike<ArrayLike<number>>;

export function asTensor(x: Inputs): Tensor {
  return x instanceof Tensor ? x : Tensor.fromRows(x);
}

export class Sequential {
  readonly parameterCount: number;
  readonly inputs: number;

  constructor(readonly layerList: Layer[]) {
    if (layerList.length === 0) throw new RangeError('nn.sequential needs at least one layer');
    this.parameterCount = layerList.reduce((s, l) => s + l.parameterCount, 0);
    const first = layerList.find((l) => l.kind === 'linear') as (Layer & { outputs: (n: number) => number }) | undefined;
    this.inputs = first ? Number(first.info(0, 0).weight?.[1]) : 0;
  }

  /** Seeded initial parameters in PyTorch's default distributions (same seed → same numbers). */
  init(seed = 0): number[] {
    return initialise(this.layerList, seed);
  }

  /** The network's output for a batch of inputs (rows). Works with Vars (training) or numbers. */
  forward(p: ArrayLike<unknown>, x: Inputs): Tensor {
    if (p.length !== this.parameterCount)
      throw new RangeError(`this network has ${this.parameterCount} parameters but the loss received ${p.length}`);
    nnUsed.network = this; // what this evaluation used (recording.ts)
    let h = asTensor(x);
    let offset = 0;
    for (const l of this.layerList) {
      l.outputs(h.cols);
      h = l.forward(p, offset, h);
      offset += l.parameterCount;
    }
    return h;
  }

  /** Plain-number predictions (no tape): for pictures and accuracy. */
  predict(p: ArrayLike<number>, x: Inputs): number[][] {
    return this.forward(p, x).toRows();
  }

  /** Layer kinds in order (linear, tanh, relu, sigmoid): the architecture, for export. */
  kinds(): string[] {
    return this.layerList.map((l) => l.kind);
  }

  /** Where each layer's weights and biases live in the parameter vector. */
  layers(): LayerInfo[] {
    let offset = 0;
    return this.layerList.map((l, i) => {
      const info = l.info(offset, i);
      offset += l.parameterCount;
      return info;
    });
  }
}

export function sequential(...layers: Layer[]): Sequential {
  return new Sequential(layers);
}

/** nn.mlp([2, 16, 16, 1], 'tanh'): linear layers with the activation between them (not after the last). */
export function mlp(sizes: number[], act: 'tanh' | 'relu' | 'sigmoid' = 'tanh'): Sequential {
  const make = { tanh, relu, sigmoid }[act];
  const layers: Layer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    layers.push(linear(sizes[i], sizes[i + 1]));
    if (i + 2 < sizes.length) layers.push(make());
  }
  return sequential(...layers);
}
