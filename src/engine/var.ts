/**
 * An active value: a number that depends on the parameters, recorded on the tape as node `id`.
 *
 * Values that do not depend on the parameters stay plain JavaScript numbers and are never
 * recorded, which is what keeps loops over constants (indices, data) at native speed.
 *
 * A Var belongs to the evaluation that recorded it. evaluate.ts moves on to a new one
 * (`startEvaluation`) when an evaluation starts and when it ends, and from then on the Vars of
 * the earlier ones are *kept values*: a
 * loss that stashes one in module state (`firstLoss ??= raw`, a memo Map) reads it back as the
 * constant number it was, exactly as plain JavaScript would — its `id` reads −1 ("no node"), so
 * every operation treats it as a constant (tape.ts), and it converts to its number wherever a
 * number is needed. It never stands for a node of a later tape.
 *
 * `valueOf()` throws on purpose: the transformer rewrites every operator and `Math` call of the
 * learner's code into engine calls, so a Var only reaches `valueOf()` when it escapes into code
 * the transformer did not see (a library doing arithmetic, a `Float64Array` store, `+x` inside a
 * `node_modules` helper …). Returning the number there would silently drop the gradient; the
 * error tells the learner instead (see runtime's TapeEscapeError). Turning it into text
 * (`String(w)`, `${w}`, `JSON.stringify`) throws ActiveTextError for the same reason: the text
 * holds the number only, and whatever is computed from it back would have lost the gradient.
 */
export class Var {
  /** Node index on the process's tape, during the evaluation `epoch` (use `id`). */
  declare readonly node: number;
  /** The evaluation that recorded this value (see startEvaluation). */
  declare readonly epoch: number;
  /**
   * Forward value of the node (kept here so reading it needs no tape lookup). Written only by
   * the runtime (an accumulating loop grows its running sum in place: recording.ts).
   */
  declare v: number;

  // `declare`d fields assigned here, not class fields: ES2022 class fields are first defined as
  // undefined, which makes V8 keep `v` as a generic tagged field (a fresh heap number per Var)
  // instead of a double field.
  constructor(id: number, v: number) {
    this.node = id;
    this.epoch = current;
    this.v = v;
  }

  /**
   * The node this value is on the tape, or −1 for a value kept from an earlier evaluation: a
   * constant, which the recording functions leave out of the graph (tape.ts). Fused code
   * (runner/transformFusionCode.ts) reads it as well, so the check lives here, once.
   */
  get id(): number {
    return this.epoch === current ? this.node : -1;
  }

  valueOf(): number {
    if (this.epoch !== current) return this.v; // a kept value is the number it was
    throw new TapeEscapeError(this.v);
  }

  /** Text holds the number but not its gradient: refused while the value is active. */
  toString(): string {
    if (this.epoch !== current) return String(this.v);
    throw new ActiveTextError(this.v);
  }

  toLocaleString(locales?: Intl.LocalesArgument, options?: Intl.NumberFormatOptions): string {
    if (this.epoch !== current) return this.v.toLocaleString(locales, options);
    throw new ActiveTextError(this.v);
  }

  toJSON(): number {
    if (this.epoch !== current) return this.v;
    throw new ActiveTextError(this.v);
  }

  /** `console.log(w)` and `console.log('w =', w)` print the number (printing converts nothing). */
  [Symbol.for('nodejs.util.inspect.custom')](): number {
    return this.v;
  }
}

/** The evaluation now running: Vars (and hyper-duals) of any other one are kept constants. */
let current = 0;

/**
 * Starts a new evaluation: every Var and HyperDual made so far becomes a kept value (a constant).
 * Called when each value-and-gradient, value-only and Hessian pass starts and when it ends
 * (recording.ts: beginEvaluation, endEvaluation).
 */
export function startEvaluation(): void {
  current = (current + 1) | 0;
}

/** The evaluation now running (HyperDual stamps its values with it as Var does). */
export function currentEvaluation(): number {
  return current;
}

/** Whether x is a Var of the evaluation now running (a kept Var is a constant: false). */
export function isLiveVar(x: unknown): x is Var {
  return x instanceof Var && x.epoch === current;
}

/** A Var reached code that would have used it as a plain number and lost its gradient. */
export class TapeEscapeError extends Error {
  constructor(readonly at: number) {
    super(
      'A value that depends on the parameters was used as a plain number by code the tutor cannot ' +
        'differentiate (a library call, a typed-array store, or an implicit conversion). ' +
        'Write that arithmetic in the loss file itself, or use Math.* and plain operators.',
    );
    this.name = 'TapeEscapeError';
  }
}

/**
 * An active value was turned into text (`String(w)`, `${w}`, `'' + w`, `w.toFixed(3)`,
 * `JSON.stringify(p)`): the text keeps the number, not how it depends on the parameters, so a
 * number parsed back from it would have a wrong (zero) gradient. The runner reports it at the
 * learner's line (learnerErrors.activeText).
 */
export class ActiveTextError extends Error {
  constructor(readonly at: number) {
    super('A value that depends on the parameters was turned into text, which keeps its number but loses its gradient.');
    this.name = 'ActiveTextError';
  }
}

export function isVar(x: unknown): x is Var {
  return x instanceof Var;
}
