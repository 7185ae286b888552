/**
 * The optimizer names of the CLI, the panel and a loss file's `config.optimizer`: PyTorch's
 * torch.optim, plus Newton and L-BFGS. The one list of them (the engine's factories are keyed by it).
 */
export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'newton', 'lbfgs'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export function isOptimizerName(x: unknown): x is OptimizerName {
  return typeof x === 'string' && (OPTIMIZER_NAMES as readonly string[]).includes(x);
}
