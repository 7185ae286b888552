/**
 * Timing for the benchmark: each case runs in rounds of at least `minMs`; the median of the
 * rounds' rates is reported. Warm-up rounds first, so V8 has optimised the code being timed.
 * Speed lives here, never in tests.
 *
 * `sideBySide` interleaves the rounds of several implementations of one workload (A B C, A B C …)
 * so that a burst of load from elsewhere on the machine lands on all of them instead of on
 * whichever happened to be running: the ratios between them are what the targets are about.
 */
export interface Rate {
  /** Median operations per second over the rounds. */
  perSecond: number;
  /** Median microseconds per operation. */
  microseconds: number;
  rounds: number;
}

export interface TimingOptions {
  minMs?: number;
  rounds?: number;
  warmup?: number;
}

let sink: unknown;

/** One case being timed: how many calls a round makes (doubled until a round lasts minMs/10). */
class Timed {
  batch = 1;
  readonly rates: number[] = [];
  constructor(readonly fn: () => unknown) {}

  round(minMs: number): number {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < minMs) {
      for (let i = 0; i < this.batch; i++) sink = this.fn();
      n += this.batch;
      elapsed = performance.now() - start;
      if (elapsed < minMs / 10) this.batch *= 2;
    }
    return n / (elapsed / 1000);
  }

  rate(): Rate {
    const rates = [...this.rates].sort((a, b) => a - b);
    const perSecond = rates[Math.floor(rates.length / 2)];
    return { perSecond, microseconds: 1e6 / perSecond, rounds: rates.length };
  }
}

export function measure(fn: () => unknown, options: TimingOptions = {}): Rate {
  return sideBySide([fn], options)[0];
}

/** Several implementations of one workload, their rounds interleaved; one Rate each, in order. */
export function sideBySide(fns: Array<() => unknown>, options: TimingOptions = {}): Rate[] {
  const minMs = options.minMs ?? 250;
  const rounds = options.rounds ?? 5;
  const warmup = options.warmup ?? 2;
  const timed = fns.map((fn) => new Timed(fn));
  for (let r = 0; r < warmup + rounds; r++) {
    for (const t of timed) {
      const rate = t.round(minMs);
      if (r >= warmup) t.rates.push(rate);
    }
  }
  if (sink === Symbol.for('never')) console.log(sink); // keeps `sink` alive so calls are not elided
  return timed.map((t) => t.rate());
}
