/** Small DOM builders shared by the panel's views. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A chart's box with its canvas, both named for screen readers. */
export function chartBox(id: string, label: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const box = el('section', 'chart-box');
  box.setAttribute('aria-label', label);
  const canvas = el('canvas');
  canvas.id = id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.append(canvas);
  return { box, canvas };
}
