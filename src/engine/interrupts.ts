/**
 * Loops in learner code ask, now and then, whether to stop: the transformer puts `__gd.tick()`
 * first in every loop body, so an endless loop stops with its own line in the stack trace and
 * the learner is told where it is, instead of the worker being killed blind.
 */

/** Thrown inside learner code when the host asked the run to stop (1 = cancel, 2 = timeout). */
export class InterruptedError extends Error {
  constructor(readonly why: number) {
    super(why === 2 ? 'time limit reached inside the loss' : 'cancelled inside the loss');
    this.name = 'InterruptedError';
  }
}

let interruptCheck: () => number = () => 0;
let ticks = 0;

/** The worker installs a check of its shared stop flag (0 = keep going). */
export function setInterruptCheck(check: () => number): void {
  interruptCheck = check;
}

/** A counter, and every 16,384th call a look at the stop flag (reading it costs ~20 ns). */
export function tick(): void {
  if ((++ticks & 0x3fff) !== 0) return;
  const why = interruptCheck();
  if (why !== 0) throw new InterruptedError(why);
}
