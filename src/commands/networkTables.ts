/**
 * A network's tables after its run: its hyper-parameters beside its parameters (each term linked
 * to the glossary), and its weights layer by layer (teaching/networkInfo.ts).
 */
import type { HostMessage } from '../protocol/panelProtocol';
import { t } from '../l10n/localize';
import type { NetworkInfo } from '../teaching/networkInfo';
import { entryById } from '../hover/glossary';
import { tableCell } from './analysisMessages';

/** Parameters vs hyper-parameters of a trained network (docs/concepts.md: parameters vs hyper-parameters): two tables, and the weights layer by layer. */
export function networkTables(info: NetworkInfo): HostMessage[] {
  const names: Record<string, string> = {
    optimizer: t('Optimizer'),
    learningRate: t('Learning rate'),
    steps: t('Steps'),
    batchSize: t('Batch size'),
    layers: t('Layers'),
    seed: t('Seed (initialisation, mini-batches)'),
    initSeed: t('Initialisation seed (re-rolled)'),
  };
  // Hovering a row says what it is, from the glossary (Korean: the glossary is written in Korean).
  const explain = (id: string) => {
    const e = entryById(id);
    return e ? `${e.ko} (${e.en}): ${e.explanation}` : null;
  };
  const glossaryOf: Record<string, string> = {
    optimizer: 'optimizer',
    learningRate: 'learningRate',
    steps: 'iteration',
    batchSize: 'batchSize',
    layers: 'neuron',
    seed: 'initialization',
    initSeed: 'initialization',
  };
  return [
    {
      type: 'table',
      id: 'parameters',
      title: t(
        'Parameters: what training changes ({0} in all)',
        info.parameters.reduce((s, p) => s + p.count, 0),
      ),
      columns: [t('Block'), t('Shape'), t('Count'), t('‖θ‖ at the start'), t('‖θ‖ at the end')],
      rows: info.parameters.map((p) => [p.name, p.shape.join(' × '), p.count, tableCell(p.normStart), tableCell(p.normEnd)]),
      note: explain('parameter') ?? undefined,
      rowNotes: info.parameters.map((p) => explain(p.kind)),
    },
    {
      type: 'table',
      id: 'hyperparameters',
      title: t('Hyper-parameters: what you choose'),
      columns: [t('Setting'), t('Value')],
      rows: info.hyperParameters.map(([k, v]) => [names[k] ?? k, k === 'batchSize' && v === 'full' ? t('full batch') : v]),
      note: explain('hyperparameter') ?? undefined,
      rowNotes: info.hyperParameters.map(([k]) => (glossaryOf[k] ? explain(glossaryOf[k]) : null)),
    },
    ...(info.layers?.length
      ? [
          {
            type: 'weights',
            title: t('Weights and biases, layer by layer'),
            labels: {
              start: t('before training'),
              end: t('after training'),
              bias: t('bias'),
              layer: t('layer {0}: weight {1} × {2} and bias'),
              readout: t('{0} = {1} (other end of the run: {2})'),
              hint: t('Arrow keys move over the cells; colour: negative to positive, scaled to the layer’s largest |value|.'),
              colorBar: t('Value of a weight or bias (colour: its share of the layer’s largest |value|, by square root)'),
            },
            layers: info.layers,
          } satisfies HostMessage,
        ]
      : []),
  ];
}
