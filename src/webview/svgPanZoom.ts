/**
 * Pan and zoom for an SVG inside a viewport element, done by rewriting the SVG's viewBox. The
 * content is only a size in SVG units: this knows nothing of what is drawn.
 *
 * A fit shows the whole content at the largest scale that fits the viewport's width (and most of
 * the window's height), at most 1 but never below the caller's minimum scale; past that the
 * learner pans. Drag or the arrow keys pan, ctrl/⌘ + wheel (a trackpad pinch arrives as one) or
 * +/− zoom, 0 fits again. A plain wheel keeps scrolling the page. Hand-written rather than
 * d3-zoom: that would add six d3 packages and still need the keyboard, the drag-is-not-a-click
 * rule (pointerDrag.ts) and the caller's choice of content at each fit.
 */
import { listenForDrag } from './pointerDrag';

/** One press of a zoom button or +/− key. */
const ZOOM_STEP = 1.25;
/** One arrow key press, in screen pixels (Shift: most of the view). */
const PAN_STEP = 40;
/** Space kept between a rectangle brought into view and the viewport's edge, in screen pixels. */
const REVEAL_MARGIN = 8;
/** The arrow keys: which way one press pans. */
const PAN_KEYS = new Map([
  ['ArrowLeft', [-1, 0]],
  ['ArrowRight', [1, 0]],
  ['ArrowUp', [0, -1]],
  ['ArrowDown', [0, 1]],
]);
/** The zoom keys (= is + unshifted, _ is − shifted, − the minus sign some layouts send). */
const ZOOM_KEYS = new Map([
  ['+', ZOOM_STEP],
  ['=', ZOOM_STEP],
  ['-', 1 / ZOOM_STEP],
  ['_', 1 / ZOOM_STEP],
  ['−', 1 / ZOOM_STEP],
]);

export interface Size {
  width: number;
  height: number;
}

/** A rectangle in SVG units, from its top-left corner. */
export interface Rect extends Size {
  x: number;
  y: number;
}

export interface PanZoomOptions {
  /** The smallest scale a fit starts at: below it the content is too small to read. */
  minScale: number;
  /** The largest scale zooming in reaches. */
  maxScale: number;
  /**
   * Called by every fit with the viewport's width and the tallest it may get (screen px): the
   * content to fit. The caller may switch what is drawn here (see fitScale).
   */
  contentFor: (width: number, maxHeight: number) => Size;
  /** Called after a change of width refits the view (not when the learner had moved it). */
  afterRefit?: () => void;
}

/** The scale that fits `content` into `width` × `maxHeight`, never enlarged past 1. */
export function fitScale(content: Size, width: number, maxHeight: number): number {
  return Math.min(1, width / content.width, maxHeight / content.height);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export class SvgPanZoom {
  /** The size of what is drawn, in SVG units: the last fit's choice. */
  private content: Size;
  /** The view: scale (screen px per SVG unit) and the SVG point at the viewport's top-left. */
  private scale = 1;
  private x = 0;
  private y = 0;
  /** The viewport's size in screen pixels (0 until it is first laid out). */
  private viewWidth = 0;
  private viewHeight = 0;
  /** The learner zoomed or panned since the last fit: a resize then keeps their view. */
  private moved = false;

  constructor(
    private readonly root: SVGSVGElement,
    private readonly viewport: HTMLElement,
    content: Size,
    private readonly options: PanZoomOptions,
  ) {
    this.content = content;
    viewport.tabIndex = 0;
    // role="application": a screen reader passes the arrow keys through to the pan instead of
    // reading by line; focusable elements inside stay reachable with Tab.
    viewport.setAttribute('role', 'application');
    this.listen();
  }

  /** The whole content at the largest scale that fits (see the header), from its top-left. */
  fit(): void {
    const width = this.viewport.clientWidth;
    if (width === 0) return; // not laid out (hidden): refitOnResize fits it when shown
    const maxHeight = this.maxHeight();
    const content = this.options.contentFor(width, maxHeight);
    this.content = content;
    this.scale = Math.max(this.options.minScale, fitScale(content, width, maxHeight));
    this.viewWidth = width;
    this.viewHeight = Math.min(maxHeight, Math.ceil(content.height * this.scale));
    this.viewport.style.height = `${this.viewHeight}px`;
    this.x = 0;
    this.y = 0;
    this.moved = false;
    this.render();
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /** Zooms by `factor` around a point of the viewport (screen px; default its centre). */
  zoomBy(factor: number, px = this.viewWidth / 2, py = this.viewHeight / 2): void {
    if (this.viewWidth === 0) return;
    const { width, height } = this.content;
    // Zooming out stops where the whole content shows, or at minScale if that is smaller.
    const lowest = Math.min(this.options.minScale, this.viewWidth / width, this.viewHeight / height);
    const scale = clamp(this.scale * factor, lowest, this.options.maxScale);
    // Keep the SVG point under (px, py) where it is.
    const gx = this.x + px / this.scale;
    const gy = this.y + py / this.scale;
    this.scale = scale;
    this.x = gx - px / scale;
    this.y = gy - py / scale;
    this.moved = true;
    this.render();
  }

  /** Pans by (dx, dy) screen pixels: positive shows more of the right and the bottom. */
  panBy(dx: number, dy: number): void {
    this.x += dx / this.scale;
    this.y += dy / this.scale;
    this.moved = true;
    this.render();
  }

  /** The least pan that brings a rectangle (with a margin) into view. */
  reveal(b: Rect): void {
    if (this.viewWidth === 0) return;
    const m = REVEAL_MARGIN / this.scale;
    const w = this.viewWidth / this.scale;
    const h = this.viewHeight / this.scale;
    // Right/bottom first, then left/top: a rectangle larger than the view shows its top-left.
    if (b.x + b.width + m > this.x + w) this.x = b.x + b.width + m - w;
    if (b.x - m < this.x) this.x = b.x - m;
    if (b.y + b.height + m > this.y + h) this.y = b.y + b.height + m - h;
    if (b.y - m < this.y) this.y = b.y - m;
    this.render();
  }

  /**
   * Fits when `target` is first laid out and whenever its width changes. `target` should be as
   * wide as the viewport but not the viewport itself: fit() sets the viewport's height, which
   * observed directly would notify again inside the same frame (a loop error).
   */
  refitOnResize(target: Element): void {
    new ResizeObserver(() => this.resized()).observe(target);
  }

  /** The tallest the viewport gets: most of the window's height, so controls around it stay in view. */
  private maxHeight(): number {
    return Math.max(240, Math.round(window.innerHeight * 0.8));
  }

  private resized(): void {
    const width = this.viewport.clientWidth;
    if (width === 0 || width === this.viewWidth) return;
    if (this.moved) {
      this.viewWidth = width;
      this.render();
      return;
    }
    this.fit();
    this.options.afterRefit?.();
  }

  /** Clamps the view to the content and writes it to the SVG's viewBox. */
  private render(): void {
    const { width, height } = this.content;
    if (this.viewWidth === 0) {
      // Before the first layout: the whole content at its own size.
      this.root.setAttribute('viewBox', `0 0 ${width} ${height}`);
      this.root.setAttribute('width', String(width));
      this.root.setAttribute('height', String(height));
      return;
    }
    const w = this.viewWidth / this.scale;
    const h = this.viewHeight / this.scale;
    // Content narrower (shorter) than the view is centred; wider content pans up to its edges.
    this.x = width <= w ? (width - w) / 2 : clamp(this.x, 0, width - w);
    this.y = height <= h ? (height - h) / 2 : clamp(this.y, 0, height - h);
    this.root.setAttribute('viewBox', `${this.x.toFixed(2)} ${this.y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`);
    this.root.setAttribute('width', String(this.viewWidth));
    this.root.setAttribute('height', String(this.viewHeight));
    this.viewport.dataset.scale = this.scale.toFixed(3);
    this.viewport.dataset.view = this.moved ? 'moved' : 'fit';
    this.viewport.classList.toggle('pannable', width > w + 0.5 || height > h + 0.5);
  }

  /** Drag, ctrl/⌘ + wheel and keys on the viewport. */
  private listen(): void {
    const viewport = this.viewport;
    // Dragging the content one way moves the view the other.
    listenForDrag(viewport, (dx, dy) => this.panBy(-dx, -dy));

    viewport.addEventListener(
      'wheel',
      (e) => {
        // A plain wheel scrolls the page as everywhere else; ctrl/⌘ + wheel (and a trackpad
        // pinch, which the browser reports as ctrl + wheel) zooms around the pointer.
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        const r = viewport.getBoundingClientRect();
        const lines = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 400 : 1;
        this.zoomBy(Math.exp(-e.deltaY * lines * 0.002), e.clientX - r.left - viewport.clientLeft, e.clientY - r.top - viewport.clientTop);
      },
      { passive: false },
    );

    viewport.addEventListener('keydown', (e) => {
      // Ctrl/⌘/Alt combinations belong to the editor (ctrl + = zooms the whole webview).
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const pan = e.shiftKey ? 0.8 * Math.min(this.viewWidth, this.viewHeight) : PAN_STEP;
      const direction = PAN_KEYS.get(e.key);
      const factor = ZOOM_KEYS.get(e.key);
      if (direction) this.panBy(direction[0] * pan, direction[1] * pan);
      else if (factor) this.zoomBy(factor);
      else if (e.key === '0') this.fit();
      else return;
      e.preventDefault();
    });
  }
}
