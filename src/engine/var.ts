/**
 * An active value: a number that depends on the parameters, recorded on the tape as node `id`.
 *
 * Values that do not depend on the parameters stay plain JavaScript numbers and are never
 * recorded, which is what keeps loops over constants (indices, data) at native speed.
 *
 * `valueOf()` throws on purpose: the transformer rewrites every operator and `Math` call of the
 * learner's code into engine calls, so a Var only reaches `valueOf()` when it escapes into code
 * the transformer did not see (a library doing arithmetic, a `Float64Array` store, `+x` inside a
 * `node_modules` helper …). Returning the number there would silently drop the gradient; the
 * error tells the learner instead (see runtime's TapeEscapeError).
 */
export class Var {
  /** Node index on the process's tape. */
  declare readonly id: number;
  /**
   * Forward value of the node (kept here so reading it needs no tape lookup). Written only by
   * the runtime, which reuses Var objects between evaluations (recording.ts).
   */
  declare v: number;

  // `declare`d fields assigned here, not class fields: ES2022 class fields are first defined as
  // undefined, which makes V8 keep `v` as a generic tagged field (a fresh heap number per Var)
  // instead of a double field.
  constructor(id: number, v: number) {
    this.id = id;
    this.v = v;
  }

  valueOf(): number {
    throw new TapeEscapeError(this.v);
  }

  /** Printing is not arithmetic: `console.log(w)` and template strings show the number. */
  toString(): string {
    return String(this.v);
  }

  toJSON(): number {
    return this.v;
  }
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

export function isVar(x: unknown): x is Var {
  return x instanceof Var;
}
