/**
 * What a locked-down loss file gets when it reaches for anything but computation (a signal, the
 * network, native code: worker/lockDown.ts takes those away). errorMapping.ts turns it into the
 * learner error `notAllowed`, at the learner's line.
 */
export class NotAllowedError extends Error {
  constructor(readonly what: string) {
    super(`${what} is not available to a loss file: it can compute, and nothing else`);
    this.name = 'NotAllowedError';
  }
}
