/**
 * Timing for the benchmark: each case runs in rounds of at least `minMs`; the median of the
 * rounds' rates is reported. Warm-up rounds first, so V8 has optimised the code being timed.
 * Speed lives here, never in tests.
 */
export interface Rate {
  /** Median operations per second over the rounds. */
  perSecond: number;
  /** Median microseconds per operation. */
  microseconds: number;
  rounds: number;
}

export function measure(fn: () => unknown, options: { minMs?: number; rounds?: number; warmup?: number } = {}): Rate {
  const minMs = options.minMs ?? 250;
  const rounds = options.rounds ?? 5;
  const warmup = options.warmup ?? 2;
  let sink: unknown;
  let batch = 1;
  const rates: number[] = [];
  for (let r = 0; r < warmup + rounds; r++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < minMs) {
      for (let i = 0; i < batch; i++) sink = fn();
      n += batch;
      elapsed = performance.now() - start;
      if (elapsed < minMs / 10) batch *= 2;
    }
    if (r >= warmup) rates.push(n / (elapsed / 1000));
  }
  if (sink === Symbol.for('never')) console.log(sink); // keeps `sink` alive so calls are not elided
  rates.sort((a, b) => a - b);
  const perSecond = rates[Math.floor(rates.length / 2)];
  return { perSecond, microseconds: 1e6 / perSecond, rounds };
}
