/**
 * The 2-D loss surface: a heat map with contour lines (marching squares from d3-contour), and on
 * top of it the descent path of every run with start ● and end ■ markers and arrows of −∇L.
 * Clicking the map (or pressing Enter on it, which uses the centre of the focus cross) asks for a
 * new run starting there.
 *
 * Drawn on one canvas with the 2-D context; sizes follow the element (ResizeObserver) and the
 * device pixel ratio, colours follow the theme.
 */
import { contours } from 'd3-contour';
import type { StepPoint, SurfaceData } from '../protocol/panelProtocol';
import { logNormalizer, rampColor, parseColor, type Normalizer } from './colorScale';
import type { ColorBarSpec } from './colorBar';
import { chartTheme } from './theme';
import { samePaletteEntry } from './palette';

type Surface2D = Extract<SurfaceData, { kind: '2d' }>;

interface Path {
  runId: string;
  color: string;
  points: StepPoint[];
}

/** Contour levels: evenly spaced on the heat map's log scale, so valleys get as many lines as peaks. */
const LEVELS = 14;
/** Arrows drawn along a path at most: enough to show direction without clutter. */
const MAX_ARROWS = 12;

export class ContourMap {
  private surface: Surface2D | undefined;
  /** The heat map's loss → [0, 1] scale (the colour bar's too). */
  private norm: Normalizer | undefined;
  private heat: HTMLCanvasElement | undefined;
  private isolines: Array<Array<Array<[number, number]>>> = [];
  private readonly paths = new Map<string, Path>();
  private cursor: { point: StepPoint; color: string } | undefined;
  private companions: Array<{ point: StepPoint; color: string }> = [];
  private frame = 0;
  private width = 0;
  private height = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly onPick: (point: [number, number]) => void,
  ) {
    canvas.tabIndex = 0;
    canvas.addEventListener('click', (e) => {
      const r = canvas.getBoundingClientRect();
      const p = this.toParams(e.clientX - r.left, e.clientY - r.top);
      if (p) this.onPick(p);
    });
    new ResizeObserver(() => this.resize()).observe(canvas);
  }

  setSurface(surface: Surface2D): void {
    this.surface = surface;
    const flat: number[] = [];
    const norm = logNormalizer(surface.z.flat());
    this.norm = norm;
    // d3-contour wants row-major values with no holes: non-finite cells take the highest value.
    for (const row of surface.z) for (const v of row) flat.push(norm(v ?? norm.max));
    const nx = surface.x.length;
    const ny = surface.y.length;
    const thresholds = Array.from({ length: LEVELS }, (_, i) => (i + 0.5) / LEVELS);
    this.isolines = contours()
      .size([nx, ny])
      .thresholds(thresholds)(flat)
      .flatMap((c) => c.coordinates.flat() as Array<Array<[number, number]>>)
      .map((ring) => [ring]);
    this.heat = this.renderHeat(flat, nx, ny);
    this.schedule();
  }

  addRun(runId: string, color: string): void {
    this.paths.set(runId, { runId, color, points: [] });
  }

  addPoints(runId: string, points: StepPoint[]): void {
    const path = this.paths.get(runId);
    if (!path) return;
    for (const p of points) if (p.params.length >= 2 && p.params.every(Number.isFinite)) path.points.push(p);
    this.schedule();
  }

  setVisible(runId: string, visible: boolean): void {
    const p = this.paths.get(runId);
    if (p) (p as Path & { hidden?: boolean }).hidden = !visible;
    this.schedule();
  }

  /** Playback of several runs (a race, restarts): every other run's position at the same step. */
  setCompanions(points: Array<{ point: StepPoint; color: string }>): void {
    this.companions = points.filter((c) => c.point.params.length >= 2 && c.point.params.every(Number.isFinite));
    this.canvas.dataset.companions = String(this.companions.length);
    this.schedule();
  }

  /** Playback: a ring and the −∇L arrow at the chosen step. */
  setCursor(point: StepPoint | undefined, color: string): void {
    this.cursor = point && point.params.length >= 2 && point.params.every(Number.isFinite) ? { point, color } : undefined;
    this.schedule();
  }

  redraw(): void {
    this.schedule();
  }

  /** Canvas pixel (CSS px) → parameter values, or undefined outside the map. */
  toParams(px: number, py: number): [number, number] | undefined {
    const s = this.surface;
    if (!s || this.width === 0) return undefined;
    const [x0, x1] = [s.x[0], s.x[s.x.length - 1]];
    const [y0, y1] = [s.y[0], s.y[s.y.length - 1]];
    const x = x0 + (px / this.width) * (x1 - x0);
    const y = y1 - (py / this.height) * (y1 - y0);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 ? [x, y] : undefined;
  }

  private toPixel(x: number, y: number): [number, number] {
    const s = this.surface as Surface2D;
    const [x0, x1] = [s.x[0], s.x[s.x.length - 1]];
    const [y0, y1] = [s.y[0], s.y[s.y.length - 1]];
    return [((x - x0) / (x1 - x0)) * this.width, ((y1 - y) / (y1 - y0)) * this.height];
  }

  /**
   * The heat map's colour bar: the same colours, labelled with losses. The scale is log(1 + L − min),
   * so the ticks are the lowest loss, the powers of ten in between, and the highest — each label
   * far enough from the last to be read (a fifth of the bar; the ends are kept).
   */
  colorBarSpec(title: string): ColorBarSpec | undefined {
    const norm = this.norm;
    if (!norm) return undefined;
    const bg = parseColor(getComputedStyle(document.body).getPropertyValue('--vscode-editor-background'), [30, 30, 30]);
    const powers: number[] = [];
    for (let k = -12; k <= 30; k++) if (10 ** k > norm.min && 10 ** k < norm.max) powers.push(10 ** k);
    const GAP = 0.2;
    const ticks: Array<{ at: number; value: number }> = [{ at: 0, value: norm.min }];
    for (const value of powers) {
      const at = norm(value);
      if (at - ticks[ticks.length - 1].at >= GAP && 1 - at >= GAP) ticks.push({ at, value });
    }
    ticks.push({ at: 1, value: norm.max });
    return {
      title,
      color: (t) => rampColor(t).map((c, k) => Math.round(c * 0.8 + bg[k] * 0.2)) as [number, number, number],
      ticks,
    };
  }

  private renderHeat(flat: number[], nx: number, ny: number): HTMLCanvasElement {
    const c = document.createElement('canvas');
    c.width = nx;
    c.height = ny;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    const img = ctx.createImageData(nx, ny);
    const bg = parseColor(getComputedStyle(document.body).getPropertyValue('--vscode-editor-background'), [30, 30, 30]);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const [r, g, b] = rampColor(flat[j * nx + i]);
        // Row j is y[j], which grows upward: flip to canvas rows.
        const o = ((ny - 1 - j) * nx + i) * 4;
        img.data[o] = r * 0.8 + bg[0] * 0.2;
        img.data[o + 1] = g * 0.8 + bg[1] * 0.2;
        img.data[o + 2] = b * 0.8 + bg[2] * 0.2;
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    return c;
  }

  private resize(): void {
    const r = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.width = r.width;
    this.height = r.height;
    this.canvas.width = Math.max(1, Math.round(r.width * dpr));
    this.canvas.height = Math.max(1, Math.round(r.height * dpr));
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    const s = this.surface;
    if (!ctx || !s || this.width === 0) return;
    const dpr = this.canvas.width / this.width;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    if (this.heat) {
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.heat, 0, 0, this.width, this.height);
    }
    this.drawIsolines(ctx, s);
    // Run colours as this theme draws them (a theme change may have moved a palette colour).
    const series = chartTheme().series;
    const themed = (color: string) => samePaletteEntry(color, series);
    for (const path of this.paths.values())
      if (!(path as Path & { hidden?: boolean }).hidden) this.drawPath(ctx, { ...path, color: themed(path.color) });
    for (const { point, color } of this.companions) {
      const [x, y] = this.toPixel(point.params[0], point.params[1]);
      ctx.fillStyle = themed(color);
      ctx.strokeStyle = chartTheme().foreground;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    if (this.cursor) {
      const { point, color } = this.cursor;
      const [x, y] = this.toPixel(point.params[0], point.params[1]);
      ctx.strokeStyle = chartTheme().foreground;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, 8, 0, 2 * Math.PI);
      ctx.stroke();
      this.drawArrow(ctx, point, themed(color));
    }
  }

  private drawIsolines(ctx: CanvasRenderingContext2D, s: Surface2D): void {
    const nx = s.x.length;
    const ny = s.y.length;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.45)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const polygon of this.isolines) {
      for (const ring of polygon) {
        ring.forEach(([gx, gy], k) => {
          // Grid coordinates (cell corners, 0..n) → pixels; y flipped.
          const px = (gx / nx) * this.width;
          const py = this.height - (gy / ny) * this.height;
          if (k === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
      }
    }
    ctx.stroke();
  }

  private drawPath(ctx: CanvasRenderingContext2D, path: Path): void {
    const pts = path.points;
    if (pts.length === 0) return;
    const theme = chartTheme();
    ctx.strokeStyle = path.color;
    ctx.fillStyle = path.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    pts.forEach((p, k) => {
      const [x, y] = this.toPixel(p.params[0], p.params[1]);
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    // −∇L arrows at evenly spaced points of the path: the direction each step was pushed.
    const every = Math.max(1, Math.floor(pts.length / MAX_ARROWS));
    for (let k = 0; k < pts.length; k += every) this.drawArrow(ctx, pts[k], path.color);
    // Start ● and end ■, outlined in the foreground colour so they read on any heat value.
    const [sx, sy] = this.toPixel(pts[0].params[0], pts[0].params[1]);
    const last = pts[pts.length - 1];
    const [ex, ey] = this.toPixel(last.params[0], last.params[1]);
    ctx.strokeStyle = theme.foreground;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(sx, sy, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.fillRect(ex - 5, ey - 5, 10, 10);
    ctx.strokeRect(ex - 5, ey - 5, 10, 10);
  }

  private drawArrow(ctx: CanvasRenderingContext2D, p: StepPoint, color: string): void {
    const g = p.gradient;
    if (!g || g.length < 2 || !Number.isFinite(g[0]) || !Number.isFinite(g[1])) return;
    const [x, y] = this.toPixel(p.params[0], p.params[1]);
    // Direction of −∇L in pixel space (y flipped); fixed length: the arrow shows direction only.
    const s = this.surface as Surface2D;
    const sx = this.width / (s.x[s.x.length - 1] - s.x[0]);
    const sy = this.height / (s.y[s.y.length - 1] - s.y[0]);
    let dx = -g[0] * sx;
    let dy = g[1] * sy;
    const n = Math.hypot(dx, dy);
    if (n === 0) return;
    dx = (dx / n) * 18;
    dy = (dy / n) * 18;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + dx, y + dy);
    const a = Math.atan2(dy, dx);
    ctx.lineTo(x + dx - 6 * Math.cos(a - 0.45), y + dy - 6 * Math.sin(a - 0.45));
    ctx.moveTo(x + dx, y + dy);
    ctx.lineTo(x + dx - 6 * Math.cos(a + 0.45), y + dy - 6 * Math.sin(a + 0.45));
    ctx.stroke();
  }
}
