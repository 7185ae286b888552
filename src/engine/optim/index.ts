/**
 * Optimizers by name, with PyTorch's names and defaults. `momentum` and `nesterov` are the CLI's
 * shorthands for SGD with momentum 0.9 (plain / Nesterov) unless a momentum is given.
 */
import { Sgd } from './sgd';
import { Adagrad } from './adagrad';
import { Rmsprop } from './rmsprop';
import { Adam } from './adam';
import { adamw } from './adamw';
import { Newton } from './newton';
import { Lbfgs } from './lbfgs';
import { OptimizerConfigError, type Optimizer } from './types';
import type { OptimizerSettings } from '../trainOptions';

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'newton', 'lbfgs'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export function createOptimizer(name: string, s: OptimizerSettings): Optimizer {
  const lr = s.learningRate;
  if (!(typeof lr === 'number' && Number.isFinite(lr) && lr > 0)) {
    throw new OptimizerConfigError(`학습률은 0보다 큰 숫자여야 합니다: ${String(lr)}`, `Invalid learning rate: ${String(lr)}`);
  }
  switch (name) {
    case 'sgd':
      return new Sgd({ lr, momentum: s.momentum, dampening: s.dampening, weightDecay: s.weightDecay, nesterov: s.nesterov });
    case 'momentum':
      return new Sgd({ lr, momentum: s.momentum ?? 0.9, dampening: s.dampening, weightDecay: s.weightDecay, nesterov: s.nesterov ?? false });
    case 'nesterov':
      return new Sgd({ lr, momentum: s.momentum ?? 0.9, dampening: s.dampening, weightDecay: s.weightDecay, nesterov: s.nesterov ?? true });
    case 'adagrad':
      return new Adagrad({ lr, lrDecay: s.lrDecay, weightDecay: s.weightDecay, initialAccumulatorValue: s.initialAccumulatorValue, eps: s.eps });
    case 'rmsprop':
      return new Rmsprop({ lr, alpha: s.alpha, eps: s.eps, weightDecay: s.weightDecay, momentum: s.momentum, centered: s.centered });
    case 'adam':
      return new Adam({ lr, beta1: s.beta1, beta2: s.beta2, eps: s.eps, weightDecay: s.weightDecay, amsgrad: s.amsgrad });
    case 'adamw':
      return adamw({ lr, beta1: s.beta1, beta2: s.beta2, eps: s.eps, weightDecay: s.weightDecay, amsgrad: s.amsgrad });
    case 'newton':
      return new Newton({ lr });
    case 'lbfgs':
      if (s.lineSearch !== undefined && s.lineSearch !== 'strong_wolfe') {
        throw new OptimizerConfigError(`L-BFGS 선 탐색은 'strong_wolfe'만 쓸 수 있습니다: ${String(s.lineSearch)}`, "only 'strong_wolfe' is supported");
      }
      return new Lbfgs({ lr, lineSearch: s.lineSearch });
    default:
      throw new OptimizerConfigError(`알 수 없는 옵티마이저 '${name}'. 쓸 수 있는 것: ${OPTIMIZER_NAMES.join(', ')}`, `Unknown optimizer '${name}'. Available: ${OPTIMIZER_NAMES.join(', ')}`);
  }
}

export { OptimizerConfigError };
export type { Optimizer };
