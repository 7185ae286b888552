/** The interface every optimizer implements: one `step()` of PyTorch's torch.optim, in place. */

export interface Evaluation {
  value: number;
  gradient: Float64Array;
}

export interface StepContext {
  /** Loss and gradient at the current params (already computed by the loop: PyTorch's first closure() call). */
  value: number;
  gradient: Float64Array;
  /** Re-evaluates loss and gradient at arbitrary params (PyTorch's closure): L-BFGS, line searches. */
  evaluate(params: Float64Array): Evaluation;
  /** Exact Hessian (row-major n×n) at params; Newton's method requires it. */
  hessian?(params: Float64Array): Float64Array;
}

export interface Optimizer {
  readonly name: string;
  /** One `optimizer.step()`: updates params in place. */
  step(params: Float64Array, ctx: StepContext): void;
  /** Internal state for teaching views (momentum buffer, moments, step count), copied out. */
  state(): Record<string, number | number[]>;
}

/** Invalid hyper-parameters, said in Korean and English (torch raises ValueError for these). */
export class OptimizerConfigError extends Error {
  constructor(
    readonly ko: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'OptimizerConfigError';
  }
  readonly code = 'badOptimizerConfig';
}

export function check(ok: boolean, name: string, value: unknown, ko: string): void {
  if (!ok) throw new OptimizerConfigError(`${ko}: ${name} = ${String(value)}`, `Invalid ${name} value: ${String(value)}`);
}

export const copy = (a: Float64Array | undefined): number[] => (a ? Array.from(a) : []);

/** Options over defaults, where an explicit `undefined` keeps the default (unlike object spread). */
export function withDefaults<T extends object>(defaults: T, given: Partial<T>): T {
  const out = { ...defaults };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
