/**
 * Optimizers by the names of the CLI, the panel and a loss file's `config.optimizer`:
 *
 *   sgd       torch.optim.SGD (momentum 0 unless given)
 *   momentum  torch.optim.SGD with momentum 0.9 (unless given)
 *   nesterov  torch.optim.SGD with momentum 0.9 and nesterov=True (unless given)
 *   adagrad   torch.optim.Adagrad        rmsprop  torch.optim.RMSprop
 *   adam      torch.optim.Adam           adamw    torch.optim.AdamW (weight_decay 0.01 unless given)
 *   newton    Newton's method with the exact Hessian (ours; see newton.ts); `damping` fixes its λ
 *   lbfgs     torch.optim.LBFGS (line_search_fn from `lineSearch`)
 *
 * Every hyper-parameter not given takes PyTorch's default; the learning rate always comes from the
 * settings (the run's own default is the tutor's default learning rate 0.1 (docs/cli-contract.md),
 * not torch's per-optimizer one, which is in PYTORCH_DEFAULT_LR for callers that want it). Invalid
 * values throw OptimizerError (ko/en).
 */
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { AdamW } from './adamw';
import { Lbfgs } from './lbfgs';
import { Newton } from './newton';
import { Rmsprop } from './rmsprop';
import { Sgd } from './sgd';
import { OptimizerError, type Optimizer } from './types';
import type { OptimizerSettings } from '../trainOptions';
import { isOptimizerName, OPTIMIZER_NAMES, type OptimizerName } from '../../protocol/optimizerNames';

/** The names are the protocol's (the panel offers them too); re-exported for the engine's callers. */
export { isOptimizerName, OPTIMIZER_NAMES, type OptimizerName };

/** torch's default learning rates (SGD's since torch 2.2; Newton's pure step is ours). */
export const PYTORCH_DEFAULT_LR: Readonly<Record<OptimizerName, number>> = {
  sgd: 1e-3,
  momentum: 1e-3,
  nesterov: 1e-3,
  adagrad: 1e-2,
  rmsprop: 1e-2,
  adam: 1e-3,
  adamw: 1e-3,
  newton: 1,
  lbfgs: 1,
};

type Factory = (s: OptimizerSettings) => Optimizer;

const sgdWith =
  (momentum: number | undefined, nesterov: boolean | undefined): Factory =>
  (s) =>
    new Sgd({
      lr: s.learningRate,
      momentum: s.momentum ?? momentum,
      dampening: s.dampening,
      weightDecay: s.weightDecay,
      nesterov: s.nesterov ?? nesterov,
    });

/** name → factory. */
export const OPTIMIZER_FACTORIES: Readonly<Record<OptimizerName, Factory>> = {
  sgd: sgdWith(undefined, undefined),
  momentum: sgdWith(0.9, false),
  nesterov: sgdWith(0.9, true),
  adagrad: (s) =>
    new Adagrad({
      lr: s.learningRate,
      lrDecay: s.lrDecay,
      weightDecay: s.weightDecay,
      initialAccumulatorValue: s.initialAccumulatorValue,
      eps: s.eps,
    }),
  rmsprop: (s) =>
    new Rmsprop({ lr: s.learningRate, alpha: s.alpha, eps: s.eps, weightDecay: s.weightDecay, momentum: s.momentum, centered: s.centered }),
  adam: (s) => new Adam({ lr: s.learningRate, beta1: s.beta1, beta2: s.beta2, eps: s.eps, weightDecay: s.weightDecay, amsgrad: s.amsgrad }),
  adamw: (s) =>
    new AdamW({ lr: s.learningRate, beta1: s.beta1, beta2: s.beta2, eps: s.eps, weightDecay: s.weightDecay, amsgrad: s.amsgrad }),
  newton: (s) => new Newton({ lr: s.learningRate, damping: s.damping }),
  lbfgs: (s) => new Lbfgs({ lr: s.learningRate, lineSearch: s.lineSearch }),
};

export function createOptimizer(name: string, settings: OptimizerSettings): Optimizer {
  if (!isOptimizerName(name)) {
    throw new OptimizerError(
      'badOptimizerConfig',
      `알 수 없는 옵티마이저입니다: '${name}'. 쓸 수 있는 것: ${OPTIMIZER_NAMES.join(', ')}`,
      `Unknown optimizer '${name}'. Available: ${OPTIMIZER_NAMES.join(', ')}`,
    );
  }
  if (typeof settings.learningRate !== 'number') {
    throw new OptimizerError(
      'badOptimizerConfig',
      `학습률이 잘못되었습니다: ${String(settings.learningRate)} (숫자여야 합니다)`,
      `Invalid learning rate: ${String(settings.learningRate)}`,
    );
  }
  return OPTIMIZER_FACTORIES[name](settings);
}

export { OptimizerError } from './types';
export type { Evaluation, Optimizer, StepContext } from './types';
