/**
 * Hyper-dual numbers a + a₁ε₁ + a₂ε₂ + a₁₂ε₁ε₂ (ε₁² = ε₂² = 0, ε₁ε₂ ≠ 0): evaluating a function
 * on them with ε₁ on parameter i and ε₂ on parameter j yields, exactly (no step size, no
 * cancellation error), f, ∂f/∂θᵢ, ∂f/∂θⱼ and ∂²f/∂θᵢ∂θⱼ in the four parts. n(n+1)/2 passes give
 * the whole Hessian — for the small parameter counts of Newton's method and saddle detection.
 *
 * Chain rules used (from the rules table's f, f', f''):
 *   unary  y = f(a):   y₁ = f'·a₁,  y₂ = f'·a₂,  y₁₂ = f'·a₁₂ + f''·a₁·a₂
 *   binary y = f(a,b): y₁ = fₐa₁ + f_b b₁,  y₂ = fₐa₂ + f_b b₂,
 *                      y₁₂ = fₐa₁₂ + f_b b₁₂ + fₐₐa₁a₂ + fₐ_b(a₁b₂ + a₂b₁) + f_bb b₁b₂
 */
import type { BinaryRule, UnaryRule } from './rules';
import { TapeEscapeError, ActiveTextError, currentEvaluation } from './var';

/**
 * Like a Var, a hyper-dual number belongs to the Hessian pass that made it (evaluate.ts starts a
 * new evaluation for each): one kept in module state and read back in a later pass is the
 * constant it was — its tangents read 0 — never carrying the earlier pass's ε₁, ε₂.
 */
export class HyperDual {
  // `declare`d and assigned below rather than class fields: V8 then keeps all four as double
  // fields (class fields start out undefined and become generic tagged ones) — see Var.
  declare readonly a: number;
  declare readonly t1: number;
  declare readonly t2: number;
  declare readonly t12: number;
  /** The evaluation (Hessian pass) that made this number. */
  declare readonly epoch: number;

  constructor(a: number, e1: number, e2: number, e12: number) {
    this.a = a;
    this.t1 = e1;
    this.t2 = e2;
    this.t12 = e12;
    this.epoch = currentEvaluation();
  }

  /** Whether this number belongs to the pass now running (a kept one is a constant). */
  get live(): boolean {
    return this.epoch === currentEvaluation();
  }

  /** The ε₁ part (0 for a constant kept from an earlier pass); likewise e2, e12. */
  get e1(): number {
    return this.live ? this.t1 : 0;
  }

  get e2(): number {
    return this.live ? this.t2 : 0;
  }

  get e12(): number {
    return this.live ? this.t12 : 0;
  }

  /** Same rule as Var: arithmetic the transformer did not see would silently drop derivatives. */
  valueOf(): number {
    if (!this.live) return this.a;
    throw new TapeEscapeError(this.a);
  }

  /** Same rule as Var: text keeps the number, not its derivatives. */
  toString(): string {
    if (!this.live) return String(this.a);
    throw new ActiveTextError(this.a);
  }

  toJSON(): number {
    if (!this.live) return this.a;
    throw new ActiveTextError(this.a);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): number {
    return this.a;
  }
}

/** Whether x is a hyper-dual number of the pass now running. */
export function isLiveDual(x: unknown): x is HyperDual {
  return x instanceof HyperDual && x.epoch === currentEvaluation();
}

const lift = (x: number | HyperDual): HyperDual => (typeof x === 'number' ? new HyperDual(x, 0, 0, 0) : x);

export function hdUnary(rule: UnaryRule, x: HyperDual): HyperDual {
  const y = rule.f(x.a);
  const d = rule.d(x.a, y);
  const d2 = rule.d2(x.a, y);
  return new HyperDual(y, term(d, x.e1), term(d, x.e2), term(d, x.e12) + term(d2, x.e1 * x.e2));
}

export function hdBinary(rule: BinaryRule, xa: number | HyperDual, xb: number | HyperDual): HyperDual {
  const a = lift(xa);
  const b = lift(xb);
  const y = rule.f(a.a, b.a);
  const [fa, fb] = rule.d(a.a, b.a, y);
  // Second partials only matter where both tangents are non-zero; skipping them avoids 0·∞.
  const needs2 = (a.e1 !== 0 || b.e1 !== 0) && (a.e2 !== 0 || b.e2 !== 0);
  const [faa, fab, fbb] = needs2 ? rule.d2(a.a, b.a, y) : [0, 0, 0];
  const e1 = term(fa, a.e1) + term(fb, b.e1);
  const e2 = term(fa, a.e2) + term(fb, b.e2);
  const e12 = term(fa, a.e12) + term(fb, b.e12) + term(faa, a.e1 * a.e2) + term(fab, a.e1 * b.e2 + a.e2 * b.e1) + term(fbb, b.e1 * b.e2);
  return new HyperDual(y, e1, e2, e12);
}

/** f·t with 0·anything = 0 (a constant operand's infinite partial must not poison the result). */
function term(f: number, t: number): number {
  return t === 0 ? 0 : f * t;
}
