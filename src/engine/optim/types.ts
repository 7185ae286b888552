/**
 * The contract between the training loop and every optimizer: one `step()` is one
 * `optimizer.step()` of PyTorch's torch.optim, applied to a flat parameter vector in place.
 */

export interface Evaluation {
  value: number;
  gradient: Float64Array;
}

export interface StepContext {
  /** Loss and gradient at the current params (already computed by the loop: that is PyTorch's first closure() call). */
  value: number;
  gradient: Float64Array;
  /** Re-evaluates loss and gradient at arbitrary params (PyTorch's closure); used by L-BFGS and line searches. */
  evaluate(params: Float64Array): Evaluation;
  /** Exact Hessian (row-major n×n) at params; present when the engine can provide it (Newton requires it). */
  hessian?(params: Float64Array): Float64Array;
}

export interface Optimizer {
  readonly name: string;
  /** One `optimizer.step()` of PyTorch: updates params in place. */
  step(params: Float64Array, ctx: StepContext): void;
  /** Internal state for teaching views (e.g. momentum buffer, exp_avg, exp_avg_sq, step count), as plain numbers/arrays copied out. */
  state(): Record<string, number | number[]>;
}

/**
 * What an optimizer refuses, said in Korean and English; `code` lets the runner pass it on as a
 * learner-facing error (it looks for ko/en/code):
 *   badOptimizerConfig   a hyper-parameter torch.optim would reject (torch raises
 *                        `ValueError("Invalid learning rate: -1")`; `en` is torch's own wording)
 *   optimizerStep        a step that cannot be taken (Newton without a Hessian, a singular one)
 */
export class OptimizerError extends Error {
  constructor(
    readonly code: 'badOptimizerConfig' | 'optimizerStep',
    readonly ko: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'OptimizerError';
  }
}

/** Python's str() of a number as torch would print it in its message (no rounding, `nan`, `inf`). */
function show(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}

/**
 * torch's `if not 0.0 <= x: raise ValueError(f"{en}: {x}")`. Written as `!(x >= 0)` on purpose:
 * NaN fails it, as in torch (and a missing value fails it too, rather than passing silently).
 */
export function requireNonNegative(x: number, en: string, ko: string): void {
  if (!(x >= 0)) throw new OptimizerError('badOptimizerConfig', `${ko}: ${show(x)} (0 이상이어야 합니다)`, `${en}: ${show(x)}`);
}

/** Our own stricter checks (finite learning rate, whole-number counts) in the same style. */
export function requireThat(ok: boolean, x: unknown, en: string, ko: string, rule: string): void {
  if (!ok) throw new OptimizerError('badOptimizerConfig', `${ko}: ${show(x)} (${rule})`, `${en}: ${show(x)}`);
}

/**
 * The learning rate check shared by all optimizers: torch's `Invalid learning rate: …` for a
 * negative (or NaN) rate. We also reject ±∞, which torch accepts but which can only produce NaN.
 */
export function requireLearningRate(lr: number): void {
  requireNonNegative(lr, 'Invalid learning rate', '학습률이 잘못되었습니다');
  requireThat(Number.isFinite(lr), lr, 'Invalid learning rate', '학습률이 잘못되었습니다', '유한한 수여야 합니다');
}

/** torch's `if not 0.0 <= beta < 1.0` for the betas of Adam/AdamW. */
export function requireBeta(beta: number, index: 0 | 1): void {
  requireThat(
    beta >= 0 && beta < 1,
    beta,
    `Invalid beta parameter at index ${index}`,
    `beta${index + 1} 값이 잘못되었습니다`,
    '0 이상 1 미만이어야 합니다',
  );
}

export const copyOut = (a: Float64Array | undefined): number[] => (a ? Array.from(a) : []);

/** Options over defaults, where an explicit `undefined` keeps the default (unlike object spread). */
export function withDefaults<T extends object>(defaults: T, given: Partial<T>): T {
  const out = { ...defaults };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
