/**
 * Errors the runtime and the evaluation functions throw; the runner turns each into a learner
 * message at the learner's line (runner/errorMapping.ts). TapeEscapeError lives with Var.
 */

/** The loss returned something that is not a number (undefined, a string, an array …). */
export class LossNotNumberError extends Error {
  constructor(
    /** A description of what came back, e.g. `undefined`, `the string "abc"`, `an array of 3`. */
    readonly got: string,
  ) {
    super(`loss returned ${got}, not a number`);
    this.name = 'LossNotNumberError';
  }
}

/** The loss returned NaN or ±Infinity where a finite number was required. */
export class LossNotFiniteError extends Error {
  constructor(readonly got: number) {
    super(`loss returned ${got}`);
    this.name = 'LossNotFiniteError';
  }
}

/** A function with no derivative (Math.clz32, Math.imul) received an active value. */
export class NotDifferentiableError extends Error {
  constructor(
    /** The operation as the learner wrote it, e.g. `Math.clz32`. */
    readonly op: string,
  ) {
    super(`${op} is not differentiable: it cannot take a value that depends on the parameters`);
    this.name = 'NotDifferentiableError';
  }
}
