/**
 * Chart colours from VS Code's theme variables, so light, dark and high-contrast themes all read
 * well. VS Code swaps the body class (vscode-light / vscode-dark / vscode-high-contrast) and the
 * variables when the theme changes; `onThemeChange` lets charts re-read them. The categorical
 * colours (runs, classes, basins) are the panel's one palette (palette.ts), checked against this
 * theme's background.
 */
import { samePaletteEntry, seriesColors } from './palette';

export interface ChartTheme {
  foreground: string;
  /** The editor's background: the zero of diverging colour scales (the weights view). */
  background: string;
  grid: string;
  /** The palette (palette.ts): colour k is run k's, class k's, basin k's. */
  series: string[];
  fontFamily: string;
}

let cachedSeries: { background: string; colors: string[] } | undefined;

/** The palette on this background (computed once per background). */
function series(background: string): string[] {
  if (cachedSeries?.background !== background) cachedSeries = { background, colors: seriesColors(rgbOf(background)) };
  return cachedSeries.colors;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export function chartTheme(): ChartTheme {
  const background = cssVar('--vscode-editor-background', '#1e1e1e');
  return {
    foreground: cssVar('--vscode-foreground', '#cccccc'),
    background,
    grid: cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', 'rgba(128,128,128,0.35)')),
    fontFamily: cssVar('--vscode-font-family', 'sans-serif'),
    series: series(background),
  };
}

/** A run's colour (from any theme's palette) as the current theme draws it: views that keep colour strings call it when drawing. */
export function themedColor(color: string): string {
  return samePaletteEntry(color, chartTheme().series);
}

export function onThemeChange(callback: () => void): void {
  new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** A CSS colour as [r, g, b], read back from a 1-pixel canvas (theme variables resolve to any CSS form). */
export function rgbOf(css: string): [number, number, number] {
  const probe = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}
