/**
 * Parameters vs hyper-parameters (the docs/concepts.md entry of that name): after a network
 * trains, what training changed — each layer's weights and biases, with their size and how they
 * moved — beside what the learner chose — optimizer, learning rate, steps, batch size, depth and
 * widths, seed.
 */
import { lastUsage } from '../engine/nn/usage';
import type { RunResult } from '../runner/trainLoss';
import type { WeightLayerData } from '../protocol/panelProtocol';

export interface LayerParameters {
  name: string;
  kind: 'weight' | 'bias';
  shape: number[];
  count: number;
  /** ‖θ‖₂ of this block at the start and at the end of the run. */
  normStart: number;
  normEnd: number;
}

/** One linear layer's weights and biases, before and after (the protocol's shape: one definition). */
export type LayerWeights = WeightLayerData;

/** Past this many parameters the matrices are not sent (the norms in the table still are). */
export const MAX_INSPECTED_PARAMETERS = 200_000;

export interface NetworkInfo {
  parameters: LayerParameters[];
  /** Every linear layer's weights and biases, for the panel's per-layer view (small networks). */
  layers?: LayerWeights[];
  /** The architecture as the learner wrote it: layer kinds and widths. */
  architecture: string;
  hyperParameters: Array<[name: string, value: string]>;
}

const norm = (p: readonly number[], from: number, n: number) => Math.sqrt(p.slice(from, from + n).reduce((s, v) => s + v * v, 0));

export function networkInfo(run: RunResult): NetworkInfo | undefined {
  const { model } = lastUsage();
  const start = run.options.init;
  const end = run.params[run.params.length - 1];
  if (!model || model.parameterCount !== start.length || !end) return undefined;
  const parameters: LayerParameters[] = [];
  const layers: LayerWeights[] = [];
  const inspect = start.length <= MAX_INSPECTED_PARAMETERS;
  const widths: string[] = [];
  model.layers().forEach((info, i) => {
    if (!info.weight || info.bias === undefined) {
      widths.push(info.kind);
      return;
    }
    const [out, inp] = info.weight;
    if (!widths.length) widths.push(String(inp));
    widths.push(`linear(${inp}→${out})`);
    parameters.push({
      name: `${i}.weight`,
      kind: 'weight',
      shape: [out, inp],
      count: out * inp,
      normStart: norm(start, info.offset, out * inp),
      normEnd: norm(end, info.offset, out * inp),
    });
    parameters.push({
      name: `${i}.bias`,
      kind: 'bias',
      shape: [out],
      count: out,
      normStart: norm(start, info.offset + out * inp, out),
      normEnd: norm(end, info.offset + out * inp, out),
    });
    if (inspect) {
      const w = info.offset;
      const b = info.offset + out * inp;
      layers.push({
        name: String(i),
        rows: out,
        cols: inp,
        start: start.slice(w, b),
        end: end.slice(w, b),
        biasStart: start.slice(b, b + out),
        biasEnd: end.slice(b, b + out),
      });
    }
  });
  const o = run.options;
  const hyperParameters: Array<[string, string]> = [
    ['optimizer', o.optimizer],
    ['learningRate', String(o.learningRate)],
    ['steps', String(o.steps)],
    ['batchSize', o.batchSize === undefined ? 'full' : String(o.batchSize)],
    ['layers', widths.slice(1).join(' → ')],
    ['seed', String(o.seed)],
    ...(o.initSeed === undefined ? [] : [['initSeed', String(o.initSeed)] as [string, string]]),
  ];
  return { parameters, ...(inspect ? { layers } : {}), architecture: widths.slice(1).join(' → '), hyperParameters };
}
