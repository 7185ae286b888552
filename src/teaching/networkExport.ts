/**
 * Export of the learner's network: the `gdtutor` nn model their loss file used, as JSON
 * and as an equivalent PyTorch script — same architecture (nn.Sequential of nn.Linear and
 * activations, float64), same initial weights, the trained weights, the same loss and the same
 * optimizer settings (torch.optim names) — so the learner can continue in PyTorch.
 *
 * Our flat parameter vector uses nn.Linear's layout (weight [out, in] row-major, then bias), so the
 * weights copy over one to one.
 */
import { trainTestSplit } from '../engine/trainTestSplit';
import { compileLoss } from '../runner/compile';
import { lastUsage, type LossKind } from '../engine/nn/usage';
import type { TrainOptions } from '../engine/trainOptions';
import { LearnerError } from '../runner/learnerErrors';

export interface ExportedLayer {
  kind: string;
  inputs?: number;
  outputs?: number;
  /** [outputs][inputs] and [outputs], from the flat vector. */
  weight?: number[][];
  bias?: number[];
}

export interface ExportedNetwork {
  format: 'gdtutor-network';
  version: 1;
  source: string;
  loss?: LossKind;
  optimizer: Record<string, unknown>;
  initial: ExportedLayer[];
  trained: ExportedLayer[];
  /** The file's data as features and labels/targets, when it has that shape (the training side of a split). */
  data?: { x: number[][]; y: number[] };
  /** The samples held out by `testSplit` (same seeded split as the run's), when there are any. */
  testData?: { x: number[][]; y: number[] };
}

const ACTIVATIONS: Record<string, string> = { tanh: 'nn.Tanh()', relu: 'nn.ReLU()', sigmoid: 'nn.Sigmoid()' };

function layersAt(model: NonNullable<ReturnType<typeof lastUsage>['model']>, p: readonly number[]): ExportedLayer[] {
  const infos = model.layers();
  return model.kinds().map((kind, i) => {
    const info = infos[i];
    if (kind !== 'linear' || !info.weight || info.bias === undefined) return { kind };
    const [out, inp] = info.weight;
    const weight = Array.from({ length: out }, (_, r) => p.slice(info.offset + r * inp, info.offset + (r + 1) * inp));
    const bias = p.slice(info.offset + out * inp, info.offset + out * inp + out);
    return { kind, inputs: inp, outputs: out, weight, bias };
  });
}

/** torch.optim's constructor for our settings (names as torch spells them). */
function optimizerOf(o: TrainOptions & { optimizer: string; learningRate: number }): { torch: string; settings: Record<string, unknown> } {
  const kw: Array<[string, unknown]> = [['lr', o.learningRate]];
  const add = (k: string, v: unknown) => v !== undefined && kw.push([k, v]);
  let cls: string;
  switch (o.optimizer) {
    case 'momentum':
    case 'nesterov':
    case 'sgd':
      cls = 'SGD';
      add('momentum', o.momentum ?? (o.optimizer === 'sgd' ? undefined : 0.9));
      add('dampening', o.dampening);
      add('nesterov', o.optimizer === 'nesterov' ? true : o.nesterov);
      add('weight_decay', o.weightDecay);
      break;
    case 'adagrad':
      cls = 'Adagrad';
      add('lr_decay', o.lrDecay);
      add('weight_decay', o.weightDecay);
      add('initial_accumulator_value', o.initialAccumulatorValue);
      add('eps', o.eps);
      break;
    case 'rmsprop':
      cls = 'RMSprop';
      add('alpha', o.alpha);
      add('eps', o.eps);
      add('weight_decay', o.weightDecay);
      add('momentum', o.momentum);
      add('centered', o.centered);
      break;
    case 'adam':
    case 'adamw':
      cls = o.optimizer === 'adam' ? 'Adam' : 'AdamW';
      if (o.beta1 !== undefined || o.beta2 !== undefined) kw.push(['betas', [o.beta1 ?? 0.9, o.beta2 ?? 0.999]]);
      add('eps', o.eps);
      add('weight_decay', o.weightDecay ?? (o.optimizer === 'adamw' ? 0.01 : undefined));
      add('amsgrad', o.amsgrad);
      break;
    case 'lbfgs':
      cls = 'LBFGS';
      add('line_search_fn', o.lineSearch);
      break;
    default:
      // Newton's method has no torch.optim counterpart: plain SGD is the nearest, said in the script.
      cls = 'SGD';
  }
  const py = (v: unknown): string =>
    typeof v === 'boolean'
      ? v
        ? 'True'
        : 'False'
      : typeof v === 'string'
        ? `'${v}'`
        : Array.isArray(v)
          ? `(${v.map(py).join(', ')})`
          : String(v);
  return {
    torch: `torch.optim.${cls}(model.parameters(), ${kw.map(([k, v]) => `${k}=${py(v)}`).join(', ')})`,
    settings: Object.fromEntries(kw),
  };
}

/** Data items `{ x: number[], label | y: number }` → features and targets. */
function dataOf(data: unknown[] | undefined): ExportedNetwork['data'] {
  if (!data?.length) return undefined;
  const x: number[][] = [];
  const y: number[] = [];
  for (const d of data) {
    if (typeof d !== 'object' || d === null) return undefined;
    const r = d as { x?: unknown; label?: unknown; y?: unknown };
    const target = r.label ?? r.y;
    if (!Array.isArray(r.x) || !r.x.every((v) => typeof v === 'number') || typeof target !== 'number') return undefined;
    x.push(r.x as number[]);
    y.push(target);
  }
  return { x, y };
}

export function exportNetwork(
  source: string,
  fileName: string,
  run: { initial: number[]; trained: number[]; options: TrainOptions & { optimizer: string; learningRate: number } },
): { json: ExportedNetwork; pytorch: string } {
  const loss = compileLoss(source, fileName);
  // One evaluation tells which network and loss the file uses. Each evaluation starts with none
  // (recording.ts), so a file that no longer uses a network is not reported with its old one.
  loss.value(run.trained, loss.data);
  const { model, loss: lossKind } = lastUsage();
  if (!model) {
    throw new LearnerError(
      'noNetwork',
      '이 파일의 손실 함수는 gdtutor의 nn 신경망을 쓰지 않아 내보낼 신경망이 없습니다.',
      'This loss does not use a gdtutor nn network, so there is no network to export.',
      {},
    );
  }
  const optimizer = optimizerOf(run.options);
  const split = loss.data && run.options.testSplit ? trainTestSplit(loss.data, run.options.testSplit, run.options.seed ?? 0) : undefined;
  const testData = split?.test.length ? dataOf(split.test) : undefined;
  const json: ExportedNetwork = {
    format: 'gdtutor-network',
    version: 1,
    source: fileName.split(/[\\/]/).pop() ?? fileName,
    loss: lossKind,
    optimizer: { name: run.options.optimizer, torch: optimizer.torch, ...optimizer.settings },
    initial: layersAt(model, run.initial),
    trained: layersAt(model, run.trained),
    data: dataOf(split?.test.length ? split.train : loss.data),
    ...(testData ? { testData } : {}),
  };
  return { json, pytorch: pytorchScript(json, optimizer.torch, run.options) };
}

function pytorchScript(net: ExportedNetwork, optimizer: string, options: TrainOptions & { optimizer: string }): string {
  const num = (v: number) => (Number.isFinite(v) ? String(v) : v > 0 ? "float('inf')" : v < 0 ? "float('-inf')" : "float('nan')");
  const rows = (m: number[][]) => `[${m.map((r) => `[${r.map(num).join(', ')}]`).join(', ')}]`;
  const modules = net.initial.map((l) =>
    l.kind === 'linear' ? `nn.Linear(${l.inputs}, ${l.outputs})` : (ACTIVATIONS[l.kind] ?? `nn.Identity()  # ${l.kind}`),
  );
  const lossFn =
    net.loss === 'crossEntropy' ? 'nn.CrossEntropyLoss()' : net.loss === 'binaryCrossEntropy' ? 'nn.BCEWithLogitsLoss()' : 'nn.MSELoss()';
  const state = (layers: ExportedLayer[]) =>
    layers
      .map((l, i) =>
        l.weight
          ? `    '${i}.weight': torch.tensor(${rows(l.weight)}),\n    '${i}.bias': torch.tensor([${(l.bias ?? []).map(num).join(', ')}]),`
          : '',
      )
      .filter(Boolean)
      .join('\n');
  const lines = [
    `# Exported by Gradient Descent Tutor from ${net.source}: the same network, initial weights, loss and optimizer.`,
    '# float64 throughout, as the tutor computes.',
    'import torch',
    'from torch import nn',
    '',
    'torch.set_default_dtype(torch.float64)',
    '',
    `model = nn.Sequential(${modules.join(', ')})`,
    '',
    '# The initial weights of the run (nn.Linear layout: weight [out, in], then bias).',
    'INITIAL = {',
    state(net.initial),
    '}',
    '# The weights the run ended with.',
    'TRAINED = {',
    state(net.trained),
    '}',
    'model.load_state_dict(INITIAL)',
    '',
    `loss_fn = ${lossFn}`,
    options.optimizer === 'newton'
      ? "# Newton's method has no torch.optim counterpart; SGD stands in."
      : `# ${options.optimizer} in the tutor`,
    `optimizer = ${optimizer}`,
  ];
  const targets = (y: number[]) =>
    net.loss === 'crossEntropy'
      ? `torch.tensor([${y.join(', ')}], dtype=torch.long)`
      : `torch.tensor([${y.map(num).join(', ')}]).unsqueeze(1)`;
  if (net.data) {
    lines.push(
      '',
      net.testData ? "# The file's data: the training side of the tutor's seeded split (testSplit)." : "# The file's data.",
      `X = torch.tensor(${rows(net.data.x)})`,
      `Y = ${targets(net.data.y)}`,
      ...(net.testData
        ? [
            '# The held-out test samples: never used for training, only measured.',
            `X_test = torch.tensor(${rows(net.testData.x)})`,
            `Y_test = ${targets(net.testData.y)}`,
          ]
        : []),
      '',
      `def train(steps=${options.steps ?? 1000}):`,
      '    for step in range(steps):',
      options.optimizer === 'lbfgs'
        ? '        def closure():\n            optimizer.zero_grad()\n            loss = loss_fn(model(X), Y)\n            loss.backward()\n            return loss\n        loss = optimizer.step(closure)'
        : "        optimizer.zero_grad()\n        loss = loss_fn(model(X), Y)  # full batch; the tutor's mini-batches are shuffled by its own seeded order\n        loss.backward()\n        optimizer.step()",
      '    return loss.item()',
      '',
      '',
      'if __name__ == "__main__":',
      '    print(f"final loss {train():.6g}")',
      ...(net.testData
        ? ['    with torch.no_grad():', '        print(f"validation loss {loss_fn(model(X_test), Y_test).item():.6g}")']
        : []),
    );
  }
  return `${lines.join('\n')}\n`;
}
