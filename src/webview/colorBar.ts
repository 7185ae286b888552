/**
 * A labelled colour bar: the strip of colours a map uses, with the values they stand for under it.
 * A map whose colours carry numbers (the loss surface's heat map, a network's weight grid) is only
 * readable with one.
 *
 * The strip is drawn on a canvas from the same colour function as the map; the labels are HTML
 * (themed, selectable, read by screen readers), placed along the strip by CSSOM (the CSP forbids
 * style attributes, not style properties set from script).
 */
import { formatNumber } from './numberFormat';

export interface ColorBarTick {
  /** Position along the strip, 0 (left) … 1 (right). */
  at: number;
  value: number;
}

export interface ColorBarSpec {
  title: string;
  /** The map's colour at position t ∈ [0, 1] along the strip, as [r, g, b]. */
  color: (t: number) => readonly [number, number, number];
  ticks: ColorBarTick[];
}

const STRIP_STEPS = 128;

export class ColorBar {
  readonly element: HTMLElement;
  private readonly strip: HTMLCanvasElement;
  private readonly labels: HTMLElement;
  private readonly title: HTMLElement;
  private spec: ColorBarSpec;

  constructor(spec: ColorBarSpec) {
    this.spec = spec;
    this.element = document.createElement('div');
    this.element.className = 'color-bar';
    this.title = document.createElement('div');
    this.title.className = 'color-bar-title';
    this.strip = document.createElement('canvas');
    this.strip.className = 'color-bar-strip';
    this.strip.width = STRIP_STEPS;
    this.strip.height = 1;
    this.strip.setAttribute('aria-hidden', 'true');
    this.labels = document.createElement('div');
    this.labels.className = 'color-bar-ticks';
    this.element.append(this.title, this.strip, this.labels);
    this.set(spec);
  }

  /** New values or colours (a new surface, another theme). */
  set(spec: ColorBarSpec): void {
    this.spec = spec;
    this.title.textContent = spec.title;
    const ticks = spec.ticks.filter((t) => t.at >= 0 && t.at <= 1).sort((a, b) => a.at - b.at);
    const texts = ticks.map((t) => formatNumber(t.value, 3));
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', `${spec.title}: ${texts.join(', ')}`);
    this.labels.replaceChildren(
      ...ticks.map((t, i) => {
        const label = document.createElement('span');
        label.textContent = texts[i];
        label.style.left = `${(t.at * 100).toFixed(2)}%`;
        // The end labels stay inside the strip's width.
        label.classList.toggle('first', i === 0 && t.at < 0.1);
        label.classList.toggle('last', i === ticks.length - 1 && t.at > 0.9);
        return label;
      }),
    );
    this.draw();
  }

  draw(): void {
    const ctx = this.strip.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(STRIP_STEPS, 1);
    for (let i = 0; i < STRIP_STEPS; i++) {
      const [r, g, b] = this.spec.color(i / (STRIP_STEPS - 1));
      image.data.set([r, g, b, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
  }
}
