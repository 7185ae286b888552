/**
 * Heat-map colours for loss values. Losses span orders of magnitude (Rosenbrock: 0 to 10⁴), so
 * values are compressed with log(1 + z − min) before mapping; low loss is dark-blue "valley",
 * high loss is warm, in both light and dark themes (viridis from d3-scale-chromatic: perceptually
 * uniform and colour-blind safe; the map blends it slightly toward the editor background so lines
 * drawn on top stay readable).
 */
import { interpolateViridis } from 'd3-scale-chromatic';

export interface Normalizer {
  (z: number): number;
  min: number;
  max: number;
}

/** Maps finite z values to [0, 1] on a log(1 + z − min) scale. */
export function logNormalizer(values: Iterable<number | null>): Normalizer {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  const span = Math.log1p(max - min) || 1;
  const f = ((z: number) => Math.min(1, Math.max(0, Math.log1p(Math.max(0, z - min)) / span))) as Normalizer;
  f.min = min;
  f.max = max;
  return f;
}

/** RGB of t ∈ [0, 1] on viridis. */
export function rampColor(t: number): [number, number, number] {
  return parseColor(interpolateViridis(Math.min(1, Math.max(0, Number.isFinite(t) ? t : 1))), [68, 1, 84]);
}

/** Parses a CSS colour (#rgb, #rrggbb, rgb()) into RGB; fallback when it cannot. */
export function parseColor(css: string, fallback: [number, number, number]): [number, number, number] {
  const hex = css.trim().match(/^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i);
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, (c) => c + c) : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = css.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : fallback;
}
