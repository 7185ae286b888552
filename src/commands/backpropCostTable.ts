/**
 * The backprop graph's companion table: what one gradient costs by backpropagation against finite
 * differences, measured on the learner's own loss (teaching/backpropCost.ts).
 */
import type { HostMessage } from '../protocol/panelProtocol';
import { t } from '../l10n/localize';
import { breakEven, type BackpropCost } from '../teaching/backpropCost';

const ms = (v: number) => Number(v.toPrecision(2));

function backpropCostNote(cost: BackpropCost, ratio: number): string {
  const main = t(
    'The backward pass walks the tape once, so the whole gradient costs about {0} forward passes here, for any number of parameters; finite differences need {1}.',
    Number(ratio.toPrecision(2)),
    cost.finiteDifferenceEvaluations,
  );
  const even = breakEven(cost);
  if (cost.finiteDifferenceMs >= cost.forwardBackwardMs || even === undefined) return main;
  return `${main} ${t('With this few parameters finite differences are still cheaper here; backpropagation pays off from about {0} parameters on, and the gap grows with every parameter.', even)}`;
}

/**
 * Why backpropagation is cheap, as a table beside the backprop graph: one forward pass, one forward
 * + backward pass (the whole gradient), and finite differences' d + 1 forward passes (estimated).
 */
export function backpropCostTable(cost: BackpropCost): HostMessage {
  const ratio = cost.forwardMs > 0 ? cost.forwardBackwardMs / cost.forwardMs : NaN;
  const even = breakEven(cost);
  return {
    type: 'table',
    id: 'backprop-cost',
    title: t('Why backpropagation is cheap: {0} nodes on the tape, {1} parameters', cost.tapeNodes, cost.dimension),
    columns: [t('Computation'), t('Loss evaluations'), t('Time (ms)'), t('Forward passes’ worth')],
    rows: [
      [t('Forward pass: the loss alone'), 1, ms(cost.forwardMs), 1],
      [
        t('Forward + backward pass: the whole gradient'),
        t('1 forward + 1 backward'),
        ms(cost.forwardBackwardMs),
        Number.isFinite(ratio) ? Number(ratio.toPrecision(2)) : null,
      ],
      [
        t('Finite differences: one more evaluation per parameter (estimate)'),
        t('d + 1 = {0}', cost.finiteDifferenceEvaluations),
        ms(cost.finiteDifferenceMs),
        cost.finiteDifferenceEvaluations,
      ],
      ...(even === undefined ? [] : [[t('Finite differences cost more than backpropagation from'), `d = ${even}`, null, null]]),
    ],
    highlight: 1,
    note: Number.isFinite(ratio) ? backpropCostNote(cost, ratio) : undefined,
  };
}
