/**
 * Every number the panel shows — axis ticks, tooltips, table cells, legend and readout numbers —
 * goes through here, so a learner reads one style everywhere:
 *
 *   plain between 10⁻³ and 10⁶        0.3 (not 0.30000000000000004), 24.5, 123457
 *   scientific outside it             1.23457e6, 1e-9, 1e123 (not 1.0000000000000000000000E123)
 *   at most 6 significant digits, never more than 10 characters, NaN, ∞ and −∞ spelled so.
 *
 * Axis ticks are formatted together (formatTicks): the fewest significant digits that still name
 * every tick exactly enough and keep neighbouring labels apart (6 / 8 / 10, not 6.000 / 8.000 /
 * 10.000). Built on Intl.NumberFormat; en-US digits and a plain "." whatever the display language,
 * the way the learner types numbers in code.
 */

/** The longest label the panel prints. */
export const MAX_LABEL_LENGTH = 10;
/** Significant digits of a number shown on its own (a tooltip, a table cell). */
export const DEFAULT_DIGITS = 6;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(scientific: boolean, digits: number): Intl.NumberFormat {
  const key = `${scientific ? 's' : 'p'}${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(
      'en-US',
      scientific ? { notation: 'scientific', maximumSignificantDigits: digits } : { maximumSignificantDigits: digits, useGrouping: false },
    );
    formatters.set(key, f);
  }
  return f;
}

function nonFinite(v: number): string | undefined {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return undefined;
}

type Style = 'plain' | 'scientific';

/** v (finite) to at most `digits` significant digits; the style by its size unless given. */
function withDigits(v: number, digits: number, style?: Style): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const scientific = style ? style === 'scientific' : a < 1e-3 || a >= 1e6;
  if (!scientific) {
    const s = formatter(false, digits).format(v);
    // Rounding carried it to a million or more (999999.7 → 1000000): scientific reads better.
    return /^-?\d{7}/.test(s) ? withDigits(v, digits, 'scientific') : s;
  }
  return formatter(true, digits).format(v).replace('E', 'e');
}

/** One number, as the panel shows it everywhere: at most `digits` significant digits and 10 characters. */
export function formatNumber(v: number, digits = DEFAULT_DIGITS): string {
  const special = nonFinite(v);
  if (special !== undefined) return special;
  for (let d = Math.max(1, Math.min(21, Math.round(digits))); d > 1; d--) {
    const s = withDigits(v, d);
    if (s.length <= MAX_LABEL_LENGTH) return s;
  }
  return withDigits(v, 1);
}

/**
 * Labels for the ticks of one axis, in order. Each tick gets the fewest significant digits for which
 * every label reads back within 1 % of a tick step of its value and no two neighbours are equal —
 * within 10 characters. Ticks too close for that (4.0000001e222, 4.0000002e222 …) are labelled by
 * their distance from the first: 4e222, +1e215, +2e215. A linear axis uses one style for all its
 * ticks (0, 2e6, 4e6 rather than 0, 2000000 …); a log axis decides per tick (1e-6 … 0.01 … 100).
 */
export function formatTicks(values: readonly number[], { log = false }: { log?: boolean } = {}): string[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return values.map((v) => nonFinite(v) ?? '');
  const largest = Math.max(...finite.map((v) => Math.abs(v)));
  const style: Style | undefined = log ? undefined : largest >= 1e6 || (largest > 0 && largest < 1e-3) ? 'scientific' : 'plain';
  const gaps = finite.slice(1).map((v, i) => Math.abs(v - finite[i]));
  const step = gaps.length ? Math.min(...gaps.filter((g) => g > 0), Infinity) : Infinity;
  let distinctOnly: string[] | undefined;
  for (let d = 1; d <= 17; d++) {
    const labels = values.map((v) => nonFinite(v) ?? withDigits(v, d, style));
    if (labels.some((l) => l.length > MAX_LABEL_LENGTH)) break;
    if (!labels.every((l, i) => i === 0 || l !== labels[i - 1])) continue;
    distinctOnly ??= labels;
    const exact = values.every((v, i) => {
      if (!Number.isFinite(v)) return true;
      const back = Number(labels[i]);
      // A log axis's ticks are each their own scale; a linear axis's share one step.
      const tolerance = log || !Number.isFinite(step) ? 1e-6 * Math.abs(v) : 0.01 * step;
      return Math.abs(back - v) <= tolerance;
    });
    if (exact) return labels;
  }
  return distinctOnly ?? offsetLabels(values);
}

/** Ticks closer than 10 characters can tell apart: the first, then each one's distance from it. */
function offsetLabels(values: readonly number[]): string[] {
  const first = values.findIndex((v) => Number.isFinite(v));
  const base = values[first];
  const deltas = formatTicks(values.map((v) => v - base));
  return values.map((v, i) => {
    const special = nonFinite(v);
    if (special !== undefined) return special;
    if (i === first) return formatNumber(base, 4);
    return v >= base ? `+${deltas[i]}` : deltas[i];
  });
}

/** Decades kept free below and above curves on a log axis (a few pixels). */
export const CURVE_MARGIN = 0.05;

/** 10^e exactly (10 ** -5 is not always the same double as 1e-5). */
const pow10 = (e: number) => Number(`1e${e}`);

/**
 * A log axis's range: the powers of ten around the positive values lo … hi. With a margin (in
 * decades), a value on a power of ten gets one decade more, so a curve there is not drawn on the
 * axis line itself.
 */
export function niceLogRange(lo: number, hi: number, margin = 0): { min: number; max: number } {
  if (!(lo > 0) || !(hi > 0)) return { min: 1, max: 10 };
  let a = Math.floor(Math.log10(lo) + 1e-9 - margin);
  let b = Math.ceil(Math.log10(hi) - 1e-9 + margin);
  if (a === b) {
    a -= 1;
    b += 1;
  }
  return { min: pow10(a), max: pow10(b) };
}

/**
 * Tick values of a log axis from min to max: 1-2-5 per decade over one or two decades, else powers
 * of ten — every second, fifth, tenth … power when there are many, so at most `maxTicks` remain
 * (a sweep's losses from 1e-20 to 1e123 get 1e-20, 1e0, 1e20 …, not 143 crowded labels).
 */
export function logTicks(min: number, max: number, maxTicks = 10): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.ceil(Math.log10(max) - 1e-9);
  const inside = (v: number) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  if (hi - lo <= 2) {
    const out: number[] = [];
    for (let e = lo; e <= hi; e++) for (const m of hi - lo <= 1 ? [1, 2, 3, 5] : [1, 2, 5]) out.push(Number(`${m}e${e}`));
    return out.filter(inside);
  }
  const strides = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500];
  const stride = strides.find((k) => Math.floor(hi / k) - Math.ceil(lo / k) + 1 <= maxTicks) ?? 1000;
  const out: number[] = [];
  for (let e = Math.ceil(lo / stride) * stride; e <= hi; e += stride) out.push(pow10(e));
  return out.filter(inside);
}

/** A nice step for about `count` intervals over span (1, 2, 2.5 or 5 × 10^k). */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const e = Math.floor(Math.log10(raw));
  const f = raw / pow10(e);
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * pow10(e);
}

/** A linear axis's range: lo … hi widened to whole nice steps (about six intervals). */
export function niceLinearRange(lo: number, hi: number): { min: number; max: number } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1 };
  if (hi <= lo) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, 6);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step };
}

// ── chart.js glue ────────────────────────────────────────────────────────────

const labelCache = new WeakMap<object, string[]>();

/**
 * chart.js `ticks.callback`: this tick's label from formatTicks over all the axis's ticks (computed
 * once per set of ticks). chart.js calls it with the scale as `this`.
 */
export function tickLabel(
  this: { type?: string } | undefined,
  _value: number | string,
  index: number,
  ticks: Array<{ value: number }>,
): string {
  let labels = labelCache.get(ticks);
  if (!labels) {
    labels = formatTicks(
      ticks.map((t) => t.value),
      { log: this?.type === 'logarithmic' },
    );
    labelCache.set(ticks, labels);
  }
  return labels[index] ?? '';
}

/**
 * chart.js `afterBuildTicks`: a log axis gets logTicks (chart.js's own are every 1…9 × 10^k, far
 * too many labels over many decades); a linear axis keeps chart.js's nice ticks.
 */
export function logAxisTicks(scale: { type?: string; min: number; max: number; ticks: Array<{ value: number }> }): void {
  if (scale.type !== 'logarithmic') return;
  const ticks = logTicks(scale.min, scale.max);
  if (ticks.length >= 2) scale.ticks = ticks.map((value) => ({ value }));
}

/** chart.js `afterDataLimits` for a log axis of curves whose range chart.js picks: widened to powers of ten. */
export function logAxisLimits(scale: { type?: string; min: number; max: number }): void {
  if (scale.type !== 'logarithmic') return;
  const r = niceLogRange(scale.min, scale.max, CURVE_MARGIN);
  scale.min = r.min;
  scale.max = r.max;
}
