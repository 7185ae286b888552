/**
 * Fewer points for drawing a long curve, keeping its shape and its extremes: the points are cut
 * into buckets of consecutive steps, and each bucket keeps its first, lowest, highest and last
 * point, in step order.
 *
 * Why not chart.js's own decimation: LTTB keeps the points of largest triangle area on a linear
 * axis, so on a log axis it drops a run's lowest losses (newton's 3e-20 on Rosenbrock vanished);
 * and chart.js swaps the dataset's array while decimated, so points streamed in after that were
 * lost (a 5,000-step run stopped being drawn at step 2,100). The chart keeps every point itself
 * and draws what this returns.
 */
export interface Point {
  x: number;
  y: number;
}

/** At most about `4 × buckets` points of `points` (all of them when there are fewer than that). */
export function thinPoints<P extends Point>(points: readonly P[], buckets = 500): P[] {
  if (points.length <= 4 * buckets) return points.slice();
  const out: P[] = [];
  const size = points.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(points.length, Math.floor((b + 1) * size));
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (points[i].y < points[lo].y) lo = i;
      if (points[i].y > points[hi].y) hi = i;
    }
    // In step order, each index once: the line still runs left to right through the kept points.
    for (const i of [...new Set([from, lo, hi, to - 1])].sort((a, c) => a - c)) out.push(points[i]);
  }
  return out;
}
