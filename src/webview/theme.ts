/**
 * Chart colours from VS Code's theme variables, so light, dark and high-contrast themes all read
 * well. VS Code swaps the body class (vscode-light / vscode-dark / vscode-high-contrast) and the
 * variables when the theme changes; `onThemeChange` lets charts re-read them.
 */
export interface ChartTheme {
  foreground: string;
  /** The editor's background: the zero of diverging colour scales (the weights view). */
  background: string;
  grid: string;
  series: string[];
  fontFamily: string;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export function chartTheme(): ChartTheme {
  return {
    foreground: cssVar('--vscode-foreground', '#cccccc'),
    background: cssVar('--vscode-editor-background', '#1e1e1e'),
    grid: cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', 'rgba(128,128,128,0.35)')),
    fontFamily: cssVar('--vscode-font-family', 'sans-serif'),
    series: [
      cssVar('--vscode-charts-blue', '#3794ff'),
      cssVar('--vscode-charts-orange', '#d18616'),
      cssVar('--vscode-charts-green', '#89d185'),
      cssVar('--vscode-charts-purple', '#b180d7'),
      cssVar('--vscode-charts-red', '#f14c4c'),
      cssVar('--vscode-charts-yellow', '#cca700'),
    ],
  };
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
