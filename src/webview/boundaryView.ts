/**
 * A two-input network's decision boundary: the predicted probability of class 1 over
 * the data's plane as a two-colour heat map (class 0 and class 1 in the theme's chart colours), or
 * with three or more classes each region in its predicted class's colour,
 * the 0.5 contour (d3-contour, as the loss surface uses), and the data points by label (held-out
 * test samples hollow, with their own accuracy). Redrawn
 * as new predictions stream in while the network trains.
 */
import { contours } from 'd3-contour';
import type { BoundaryPanelData } from '../protocol/panelProtocol';
import { chartTheme, rgbOf as rgb } from './theme';
import { formatNumber } from './numberFormat';

const SIZE = 360;

export class BoundaryView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private data: BoundaryPanelData | undefined;

  constructor(private readonly strings: { title: string; accuracy: string; testAccuracy: string }) {
    this.element = document.createElement('section');
    this.element.className = 'boundary-view';
    this.element.id = 'decision-boundary';
    const heading = document.createElement('h3');
    heading.textContent = strings.title;
    this.canvas = document.createElement('canvas');
    this.canvas.width = SIZE;
    this.canvas.height = SIZE;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', strings.title);
    this.caption = document.createElement('p');
    this.caption.className = 'boundary-accuracy';
    this.caption.setAttribute('aria-live', 'polite');
    this.element.append(heading, this.canvas, this.caption);
  }

  set(data: BoundaryPanelData): void {
    this.data = data;
    const percent = (template: string, v: number | undefined) => (v === undefined ? '' : template.replace('{0}', formatNumber(100 * v, 3)));
    this.caption.textContent = [percent(this.strings.accuracy, data.accuracy), percent(this.strings.testAccuracy, data.testAccuracy)]
      .filter(Boolean)
      .join(' · ');
    this.element.dataset.accuracy = data.accuracy === undefined ? '' : String(data.accuracy);
    this.element.dataset.testAccuracy = data.testAccuracy === undefined ? '' : String(data.testAccuracy);
    this.draw();
  }

  draw(): void {
    const d = this.data;
    const ctx = this.canvas.getContext('2d');
    if (!d || !ctx) return;
    const theme = chartTheme();
    const nx = d.x.length;
    const ny = d.y.length;
    const classes = d.kind === 'classes' ? (d.classes ?? 3) : 2;
    const colours = Array.from({ length: classes }, (_, k) => rgb(theme.series[k % theme.series.length]));
    // The class colours drawn (palette.ts), for tests and assistive notes.
    this.canvas.dataset.colors = JSON.stringify(Array.from({ length: classes }, (_, k) => theme.series[k % theme.series.length]));
    const flat = d.z.flat();
    const lo = Math.min(...flat);
    const hi = Math.max(...flat);
    const share = (v: number) => (d.kind === 'probability' ? v : hi > lo ? (v - lo) / (hi - lo) : 0.5);
    // One pixel per grid point, scaled up smoothly (no seams between cells); row 0 is the bottom.
    // Two classes (or a regression): mixed from two colours by P(class 1); more: the predicted class's colour.
    const cells = new ImageData(nx, ny);
    d.z.forEach((row, j) =>
      row.forEach((v, i) => {
        const o = ((ny - 1 - j) * nx + i) * 4;
        if (d.kind === 'classes') {
          const c = colours[Math.max(0, Math.min(classes - 1, Math.round(v)))];
          for (let k = 0; k < 3; k++) cells.data[o + k] = c[k];
        } else {
          const t = Math.min(1, Math.max(0, share(v)));
          for (let k = 0; k < 3; k++) cells.data[o + k] = Math.round(colours[0][k] + (colours[1][k] - colours[0][k]) * t);
        }
        cells.data[o + 3] = 115;
      }),
    );
    const small = document.createElement('canvas');
    small.width = nx;
    small.height = ny;
    (small.getContext('2d') as CanvasRenderingContext2D).putImageData(cells, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(small, 0, 0, SIZE, SIZE);
    // The boundary: P = 0.5 (or the middle of the outputs), or each class region's edge, by marching squares.
    const outlines =
      d.kind === 'classes'
        ? Array.from(
            { length: classes },
            (_, c) => contours().size([nx, ny]).thresholds([0.5])(flat.map((v) => (Math.round(v) === c ? 1 : 0)))[0],
          )
        : [
            contours()
              .size([nx, ny])
              .thresholds([d.kind === 'probability' ? 0.5 : (lo + hi) / 2])(flat)[0],
          ];
    ctx.strokeStyle = theme.foreground;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const iso of outlines) {
      for (const polygon of iso?.coordinates ?? []) {
        for (const ring of polygon) {
          ring.forEach(([gx, gy], k) => {
            const px = (gx / nx) * SIZE;
            const py = SIZE - (gy / ny) * SIZE;
            if (k === 0) ctx.moveTo(px, py);
            else ctx.lineTo(px, py);
          });
        }
      }
    }
    ctx.stroke();
    // The data, by label; held-out samples (testSplit) hollow, in their class colour.
    const [x0, x1] = [d.x[0] - (d.x[1] - d.x[0]) / 2, d.x[nx - 1] + (d.x[1] - d.x[0]) / 2];
    const [y0, y1] = [d.y[0] - (d.y[1] - d.y[0]) / 2, d.y[ny - 1] + (d.y[1] - d.y[0]) / 2];
    for (const p of d.points) {
      const px = ((p.x - x0) / (x1 - x0)) * SIZE;
      const py = SIZE - ((p.y - y0) / (y1 - y0)) * SIZE;
      const color =
        d.kind === 'classes' ? theme.series[Math.round(p.label) % theme.series.length] : p.label > 0.5 ? theme.series[1] : theme.series[0];
      ctx.beginPath();
      ctx.arc(px, py, 3.5, 0, 2 * Math.PI);
      if (p.test) {
        ctx.strokeStyle = color;
        ctx.lineWidth = 2;
        ctx.stroke();
        continue;
      }
      ctx.fillStyle = color;
      ctx.strokeStyle = theme.foreground;
      ctx.lineWidth = 1;
      ctx.fill();
      ctx.stroke();
    }
  }
}
