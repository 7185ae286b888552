/**
 * The one categorical palette of the panel: a run's colour (loss curve, legend, its path on the
 * map and on the 1-D curve, its ‖∇L‖), a class's colour, a basin's colour. Run k always gets
 * colour k mod 10, and from the eleventh run on a dash pattern as well, so twelve restarts never
 * look alike.
 *
 * The colours are d3-scale-chromatic's schemeTableau10 (Tableau's 2016 default, designed for
 * telling ten categories apart), in its own order with two changes:
 * - its green is 8 CIELAB L* darker, so that red and green — the one pair a deuteranope could
 *   not tell apart at all (ΔE*ab 0.9 under Machado et al.'s simulation) — differ in lightness (8.7);
 * - pink comes last: on a light background it has to be darkened to a rose close to red, and a
 *   race of nine runners then does without it.
 * On each theme's background every colour keeps at least 3:1 contrast (WCAG 2.1, 1.4.11,
 * graphical objects): a colour below that keeps its hue and moves in lightness until it reaches
 * 3:1 (on VS Code's light theme: orange, teal, yellow, grey and pink darken a little; on dark and
 * high-contrast black none changes). themedColor maps a colour of one theme's palette to the
 * same run's colour in the current one, so a view that keeps colours keeps them right after a
 * theme change.
 *
 * No ten colours are safe for every eye: under simulated protanopia a few later pairs (orange and
 * yellow, pink and grey) come within 1.5–3 ΔE*ab; the first four colours stay ≥ 12 apart under all
 * three simulations (test/unit/webview/palette.test.ts). Where colour alone fails, the legend labels, the tooltips, the
 * dashes beyond ten runs and the ✕ of a diverged run still tell runs apart.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';

export type RGB = [number, number, number];

/** CIELAB's D65 white point and constants (used by toLab/fromLab below). */
const WHITE = [0.95047, 1, 1.08883];
const EPSILON = 216 / 24389;
const KAPPA = 24389 / 27;

/** Tableau10's index of each palette colour: blue, orange, red, teal, green, yellow, purple, brown, grey, pink. */
const ORDER = [0, 1, 2, 3, 4, 5, 6, 8, 9, 7];
/** CIELAB L* change per Tableau10 colour (its index): green darker. */
const LIGHTER: Record<number, number> = { 4: -8 };

/** Where red is in the palette: the colour of a diverged learning rate on the sweep chart. */
export const RED_INDEX = 2;

/** The palette before any theme: Tableau10 in the order above. */
export const CATEGORICAL: readonly string[] = ORDER.map((i) => {
  const hex = schemeTableau10[i];
  const shift = LIGHTER[i];
  if (!shift) return hex;
  const lab = toLab(parseHex(hex));
  lab[0] += shift;
  return toHex(fromLab(lab));
});

/** Every colour any theme's palette used, and its index: themedColor's lookup. */
const indexOf = new Map<string, number>(CATEGORICAL.map((c, i) => [c, i]));

/** Dash patterns of runs 11–20, 21–30, 31–40 (then again): solid for the first ten. */
const DASHES = [
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
];

/** The dash pattern of run `index` (0-based): none for the first ten runs. */
export function runDash(index: number): number[] | undefined {
  return index < CATEGORICAL.length ? undefined : DASHES[(Math.floor(index / CATEGORICAL.length) - 1) % DASHES.length];
}

/** The palette as drawn on `background`: each colour with at least `min`:1 contrast against it. */
export function seriesColors(background: RGB, min = 3): string[] {
  const colors = CATEGORICAL.map((c) => readableOn(c, background, min));
  colors.forEach((c, i) => indexOf.set(c, i));
  return colors;
}

/** The colour of the same palette entry in `palette` (the current theme's), or the colour itself if it is not a palette colour. */
export function samePaletteEntry(color: string, palette: readonly string[]): string {
  const i = indexOf.get(color);
  return i === undefined ? color : (palette[i] ?? color);
}

/** The colour, or — when its contrast against background is below min — the same hue lighter or darker until it is not. */
export function readableOn(color: string, background: RGB, min = 3): string {
  let rgb = parseHex(color);
  if (contrastRatio(rgb, background) >= min) return color;
  const lab = toLab(rgb);
  const direction = luminance(background) > 0.18 ? -1 : 1;
  for (let k = 0; k < 100 && contrastRatio(rgb, background) < min; k++) {
    lab[0] = Math.min(100, Math.max(0, lab[0] + direction));
    rgb = fromLab(lab);
  }
  return toHex(rgb);
}

/** WCAG 2.1 contrast ratio of two colours (1 … 21). */
export function contrastRatio(a: RGB, b: RGB): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(rgb: RGB): number {
  const [r, g, b] = rgb.map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** CIE76 distance of two colours in CIELAB (≈ 2.3 is just noticeable). */
export function deltaE(a: RGB, b: RGB): number {
  const p = toLab(a);
  const q = toLab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

export function parseHex(hex: string): RGB {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.replace(/./g, (c) => c + c) : h;
  return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
}

export function toHex(rgb: RGB): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

// ── sRGB ↔ CIELAB (D65) ──────────────────────────────────────────────────────

function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function encoded(c: number): number {
  const s = Math.min(1, Math.max(0, c));
  return 255 * (s <= 0.0031308 ? 12.92 * s : 1.055 * s ** (1 / 2.4) - 0.055);
}

function toLab(rgb: RGB): [number, number, number] {
  const [r, g, b] = rgb.map(linear);
  const xyz = [0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b, 0.0193 * r + 0.1192 * g + 0.9505 * b];
  const [fx, fy, fz] = xyz.map((v, i) => {
    const t = v / WHITE[i];
    return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
  });
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

function fromLab([l, a, b]: [number, number, number]): RGB {
  const fy = (l + 16) / 116;
  const inverse = (f: number) => (f ** 3 > EPSILON ? f ** 3 : (116 * f - 16) / KAPPA);
  const [x, y, z] = [inverse(fy + a / 500) * WHITE[0], inverse(fy) * WHITE[1], inverse(fy - b / 200) * WHITE[2]];
  const r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
  const g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
  const bl = 0.0557 * x - 0.204 * y + 1.057 * z;
  return [r, g, bl].map((c) => Math.round(encoded(c))) as RGB;
}
