/**
 * A network's weights and biases, layer by layer: each linear layer's matrix W (out × in,
 * nn.Linear's layout) as a grid of cells with its bias as one more column, before or after training
 * (a toggle), coloured from negative (the first chart colour) through the background to positive
 * (the second), scaled per layer to the largest |value| at either end (by its square root, so
 * small weights stay visible) — toggling shows how far training moved each weight, not a rescaled
 * picture.
 *
 * Keyboard: each layer's grid is focusable; arrow keys move a cursor over the cells, Home/End jump
 * along the row, and the readout line (aria-live) says which weight it is and its value at both
 * ends. The mouse does the same on hover.
 */
import type { WeightLayerData, WeightsLabels } from '../protocol/panelProtocol';
import { chartTheme, rgbOf as rgb } from './theme';
import { formatNumber } from './numberFormat';
import { ColorBar, type ColorBarSpec } from './colorBar';

type Side = 'start' | 'end';

/** Cell edge in CSS pixels: big for small layers, never under 3 px (a 128-wide layer stays ≤ 400 px). */
function cellSize(cols: number): number {
  return Math.max(3, Math.min(18, Math.floor(360 / (cols + 2))));
}

const n4 = (v: number) => formatNumber(v, 4);

class LayerGrid {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly size: number;
  /** Largest |value| over weights and biases at both ends: one colour scale for the toggle. */
  private readonly scale: number;
  private cursor: [number, number] | undefined;
  private readonly colorBar: ColorBar;
  /** The theme colours the colour bar was drawn with. */
  private barTheme = '';

  constructor(
    private readonly layer: WeightLayerData,
    private readonly labels: WeightsLabels,
    private side: () => Side,
    private readonly onReadout: (text: string) => void,
  ) {
    this.size = cellSize(layer.cols);
    this.scale = Math.max(
      1e-12,
      ...[layer.start, layer.end, layer.biasStart, layer.biasEnd].map((a) =>
        Math.max(...a.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0))),
      ),
    );
    this.element = document.createElement('figure');
    this.element.className = 'weights-layer';
    this.element.dataset.layer = layer.name;
    const caption = document.createElement('figcaption');
    caption.textContent = labels.layer.replace('{0}', layer.name).replace('{1}', String(layer.rows)).replace('{2}', String(layer.cols));
    this.canvas = document.createElement('canvas');
    // One gap column between W and the bias column.
    this.canvas.width = (layer.cols + 2) * this.size;
    this.canvas.height = layer.rows * this.size;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `${caption.textContent}. ${labels.hint}`);
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('mousemove', (e) => {
      const col = Math.floor(e.offsetX / this.size);
      const row = Math.floor(e.offsetY / this.size);
      if (row >= 0 && row < layer.rows && (col < layer.cols || col === layer.cols + 1))
        this.move(row, col === layer.cols + 1 ? layer.cols : col);
    });
    this.canvas.addEventListener('focus', () => this.move(...(this.cursor ?? [0, 0])));
    this.colorBar = new ColorBar(this.colorBarSpec());
    this.element.append(caption, this.canvas, this.colorBar.element);
    this.draw();
  }

  /** Row r, column c (c = cols is the bias). */
  private valueAt(r: number, c: number, side: Side): number {
    const l = this.layer;
    if (c === l.cols) return (side === 'start' ? l.biasStart : l.biasEnd)[r];
    return (side === 'start' ? l.start : l.end)[r * l.cols + c];
  }

  /** Says the cursor's cell again (after the before/after toggle), if this grid has a cursor. */
  refresh(): boolean {
    if (!this.cursor) return false;
    this.move(...this.cursor);
    return true;
  }

  private move(r: number, c: number): void {
    this.cursor = [r, c];
    const side = this.side();
    const other: Side = side === 'start' ? 'end' : 'start';
    const what = c === this.layer.cols ? `${this.layer.name}.bias[${r}]` : `${this.layer.name}.weight[${r}, ${c}]`;
    this.onReadout(
      this.labels.readout
        .replace('{0}', what)
        .replace('{1}', n4(this.valueAt(r, c, side)))
        .replace('{2}', n4(this.valueAt(r, c, other))),
    );
    this.draw();
  }

  private key(e: KeyboardEvent): void {
    const [r, c] = this.cursor ?? [0, 0];
    const last = this.layer.cols; // the bias column
    const next: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(this.layer.rows - 1, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(last, c + 1)],
      Home: [r, 0],
      End: [r, last],
    };
    const to = next[e.key];
    if (!to) return;
    e.preventDefault();
    this.move(...to);
  }

  /**
   * The colour of a value: the background blended toward the first chart colour (negative) or the
   * second (positive) by √(|v| / largest |v|) — small weights stay visible beside the few large ones
   * training grows.
   */
  private colorOf(v: number): [number, number, number] {
    const theme = chartTheme();
    const bg = rgb(theme.background);
    const to = rgb(theme.series[v < 0 ? 0 : 1]);
    const t = Number.isFinite(v) ? Math.sqrt(Math.min(1, Math.abs(v) / this.scale)) : 1;
    return bg.map((b, k) => Math.round(b + (to[k] - b) * t)) as [number, number, number];
  }

  /** −max … 0 … +max along the strip: position t stands for (2t − 1)|2t − 1| · max (the √ undone). */
  private colorBarSpec(): ColorBarSpec {
    const value = (t: number) => Math.sign(2 * t - 1) * (2 * t - 1) ** 2 * this.scale;
    return {
      title: this.labels.colorBar,
      color: (t) => this.colorOf(value(t)),
      ticks: [0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, value: value(at) })),
    };
  }

  draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const theme = chartTheme();
    // The theme may have changed: the colour bar follows the grid.
    const themeKey = `${theme.background} ${theme.series[0]} ${theme.series[1]}`;
    if (themeKey !== this.barTheme) {
      this.barTheme = themeKey;
      this.colorBar.set(this.colorBarSpec());
    }
    const side = this.side();
    const s = this.size;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    for (let r = 0; r < this.layer.rows; r++) {
      for (let c = 0; c <= this.layer.cols; c++) {
        ctx.fillStyle = `rgb(${this.colorOf(this.valueAt(r, c, side)).join(', ')})`;
        const x = c === this.layer.cols ? (c + 1) * s : c * s;
        ctx.fillRect(x, r * s, s, s);
      }
    }
    if (this.cursor && document.activeElement === this.canvas) {
      const [r, c] = this.cursor;
      ctx.strokeStyle = theme.foreground;
      ctx.lineWidth = 2;
      ctx.strokeRect((c === this.layer.cols ? c + 1 : c) * s + 1, r * s + 1, s - 2, s - 2);
    }
  }
}

export class WeightsView {
  readonly element: HTMLElement;
  private side: Side = 'end';
  private readonly grids: LayerGrid[];
  private readonly readout: HTMLElement;
  private readonly buttons: Record<Side, HTMLButtonElement>;
  /** The grid whose cell the readout describes. */
  private active = -1;

  constructor(title: string, labels: WeightsLabels, layers: WeightLayerData[]) {
    this.element = document.createElement('section');
    this.element.className = 'weights-view';
    this.element.id = 'weights';
    const heading = document.createElement('h3');
    heading.textContent = title;
    const toggle = document.createElement('div');
    toggle.className = 'weights-toggle';
    toggle.setAttribute('role', 'group');
    toggle.setAttribute('aria-label', title);
    const button = (side: Side, text: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'legend-item';
      b.dataset.side = side;
      b.textContent = text;
      b.addEventListener('click', () => this.show(side));
      return b;
    };
    this.buttons = { start: button('start', labels.start), end: button('end', labels.end) };
    toggle.append(this.buttons.start, this.buttons.end);
    this.readout = document.createElement('p');
    this.readout.className = 'weights-readout';
    this.readout.setAttribute('aria-live', 'polite');
    this.readout.textContent = labels.hint;
    const grids = document.createElement('div');
    grids.className = 'weights-grids';
    this.grids = layers.map(
      (l, i) =>
        new LayerGrid(
          l,
          labels,
          () => this.side,
          (text) => {
            this.readout.textContent = text;
            this.active = i;
          },
        ),
    );
    grids.append(...this.grids.map((g) => g.element));
    this.element.append(heading, toggle, this.readout, grids);
    this.show('end');
  }

  show(side: Side): void {
    this.side = side;
    this.element.dataset.side = side;
    for (const s of ['start', 'end'] as const) this.buttons[s].setAttribute('aria-pressed', String(s === side));
    this.redraw();
    this.grids[this.active]?.refresh();
  }

  redraw(): void {
    for (const g of this.grids) g.draw();
  }
}
