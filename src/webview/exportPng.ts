/**
 * The visible charts as one PNG (side by side, in page order), on the editor's background colour
 * so the picture reads the same outside VS Code. Returned as a data URL for the host to save.
 */
export function exportPng(canvases: HTMLCanvasElement[]): string {
  const gap = 16;
  const width = canvases.reduce((w, c) => w + c.width, 0) + gap * Math.max(0, canvases.length - 1);
  const height = Math.max(1, ...canvases.map((c) => c.height));
  const out = document.createElement('canvas');
  out.width = Math.max(1, width);
  out.height = height;
  const ctx = out.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  let x = 0;
  for (const c of canvases) {
    ctx.drawImage(c, x, 0);
    x += c.width + gap;
  }
  return out.toDataURL('image/png');
}
