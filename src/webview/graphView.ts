/**
 * The backprop graph: parameters → operations → loss, laid out by dagre (a maintained
 * graph-layout library) and drawn as SVG. Each node shows its value and its adjoint ∂L/∂node;
 * each edge its local derivative. Clicking a node (or Enter on it) asks the host to select the
 * expression it came from. "Backward step" walks the reverse sweep one node at a time, from the
 * loss down, and writes that node's chain rule with the numbers in it:
 *
 *   ∂L/∂u = Σ over u's consumers v of ∂L/∂v · ∂v/∂u
 *
 * Pan and zoom: the panel beside the editor is about 310 px wide, narrower than most graphs. The
 * graph starts fitted to the panel (scaled through the SVG viewBox, left to right, or top to
 * bottom when that fits larger), but never below MIN_SCALE; past that the learner pans. Drag or
 * the arrow keys pan, ctrl/⌘ + wheel (a trackpad pinch arrives as one) or +/− zoom, 0 or the fit
 * button shows the whole graph again. A plain wheel keeps scrolling the panel. Hand-written
 * rather than d3-zoom: that would add six d3 packages and still need the keyboard, the
 * drag-is-not-a-click rule and the layout switch written here.
 */
import dagre from '@dagrejs/dagre';
import type { GraphData, GraphNodeData } from '../protocol/panelProtocol';
import { formatNumber } from './numberFormat';

const SVG = 'http://www.w3.org/2000/svg';
const n4 = (v: number) => formatNumber(v, 4);

/**
 * The smallest scale the graph starts at. Node numbers are 11 px and edge labels 10 px
 * (media/panel.css): at 0.7 they are drawn about 7.7 and 7 px high, still legible on a 96-dpi
 * screen and sharp on a HiDPI one; smaller, "값" and "∂L/∂·" blur into marks. A graph that fits only
 * below this starts at this scale, with the rest a pan away (the fit button still shows it whole).
 */
export const MIN_SCALE = 0.7;
/** Left to right is kept while it fits at least this large (a wide panel: one short strip). */
const COMFORTABLE_SCALE = 0.85;
/** Zooming in past 3× shows one node larger than the panel: nothing more to read. */
const MAX_SCALE = 3;
/** One press of a zoom button or +/− key. */
const ZOOM_STEP = 1.25;
/** One arrow key press, in screen pixels (Shift: most of the view). */
const PAN_STEP = 40;
/** A press that moves less than this many pixels is a click, more is a drag. */
const DRAG_THRESHOLD = 4;
/** Space kept between a node brought into view and the viewport's edge, in screen pixels. */
const REVEAL_MARGIN = 8;

const NODE_HEIGHT = 58;
/** Text starts this far inside a node's box, and ends at least as far from its right side. */
const NODE_PADDING = 8;

export interface GraphStrings {
  value: string;
  adjoint: string;
  backwardStep: string;
  restart: string;
  /**
   * The pan and zoom buttons' labels and the viewport's keyboard hint (PanelStrings.graphZoomIn,
   * graphZoomOut, graphFit, graphPanHint). Optional only so that a caller not yet passing them
   * still builds; it then gets the English source text.
   */
  zoomIn?: string;
  zoomOut?: string;
  fit?: string;
  panHint?: string;
}

type Direction = 'LR' | 'TB';

/** A box in graph coordinates, from its top-left corner. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Layout {
  direction: Direction;
  width: number;
  height: number;
  nodes: Map<number, Box>;
  edges: Array<{ d: string; labelX: number; labelY: number }>;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * The widest of the nodes' lines, in px: every node gets this width, so no box is wider than its
 * text needs (a narrow panel then fits the graph larger). Measured in the editor font that
 * media/panel.css gives the graph's text, before the SVG is in the page.
 */
function nodeWidth(lines: string[][]): number {
  const family = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-font-family').trim() || 'monospace';
  const ctx = document.createElement('canvas').getContext('2d');
  let widest = 0;
  for (const node of lines) {
    node.forEach((text, k) => {
      // The label line is 12 px bold, the numbers 11 px (media/panel.css); without a canvas,
      // allow a full em for every character.
      const px = k === 0 ? 12 : 11;
      if (ctx) ctx.font = `${k === 0 ? '600 ' : ''}${px}px ${family}`;
      widest = Math.max(widest, ctx ? ctx.measureText(text).width : text.length * px);
    });
  }
  return Math.max(64, Math.ceil(widest + 2 * NODE_PADDING + 2));
}

function layOut(graph: GraphData, direction: Direction, width: number): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 18, ranksep: direction === 'LR' ? 56 : 36, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(String(node.id), { width, height: NODE_HEIGHT });
  graph.edges.forEach((e, i) => g.setEdge(String(e.from), String(e.to), { width: 40, height: 14 }, `e${i}`));
  dagre.layout(g);
  const size = g.graph();
  const nodes = new Map<number, Box>();
  for (const node of graph.nodes) {
    const p = g.node(String(node.id)) as { x: number; y: number; width: number; height: number };
    nodes.set(node.id, { x: p.x - p.width / 2, y: p.y - p.height / 2, width: p.width, height: p.height });
  }
  const edges = graph.edges.map((e, i) => {
    const l = g.edge(String(e.from), String(e.to), `e${i}`) as { points: Array<{ x: number; y: number }>; x: number; y: number };
    const d = l.points.map((p, k) => `${k ? 'L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    return { d, labelX: l.x, labelY: l.y - 3 };
  });
  return { direction, width: Math.ceil(size.width ?? 400), height: Math.ceil(size.height ?? 200), nodes, edges };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export class GraphView {
  readonly element: HTMLElement;
  private readonly boxes = new Map<number, SVGGElement>();
  private readonly explanation: HTMLElement;
  /** Nodes in reverse-sweep order (the loss first), and the position of the backward step. */
  private readonly order: GraphNodeData[];
  private cursor = -1;

  /** Both layouts, computed once: the view picks whichever fits the panel at the larger scale. */
  private readonly layouts: Record<Direction, Layout>;
  private layout: Layout;
  private readonly root: SVGSVGElement;
  private readonly edgePaths: SVGPathElement[] = [];
  private readonly edgeLabels: Array<SVGTextElement | undefined> = [];
  private readonly viewport: HTMLElement;
  /** The view: scale (screen px per graph unit) and the graph point at the viewport's top-left. */
  private scale = 1;
  private x = 0;
  private y = 0;
  /** The viewport's size in screen pixels (0 until it is first laid out). */
  private viewWidth = 0;
  private viewHeight = 0;
  /** The learner zoomed or panned since the last fit: a resize then keeps their view. */
  private moved = false;

  constructor(
    private readonly graph: GraphData,
    title: string,
    private readonly strings: GraphStrings,
    onReveal: (start: number, end: number) => void,
  ) {
    this.element = document.createElement('section');
    this.element.className = 'graph-view';
    this.element.id = 'backprop-graph';
    this.element.setAttribute('aria-label', title);
    const heading = document.createElement('h3');
    heading.textContent = title;

    const lines = graph.nodes.map((node) => [node.label, `${strings.value} ${n4(node.value)}`, `∂L/∂· ${n4(node.adjoint)}`]);
    const width = nodeWidth(lines);
    this.layouts = { LR: layOut(graph, 'LR', width), TB: layOut(graph, 'TB', width) };
    this.layout = this.layouts.LR;
    const root = svg('svg', { preserveAspectRatio: 'xMinYMin meet' });
    this.root = root;
    const defs = svg('defs', {});
    const marker = svg('marker', {
      id: 'arrow',
      viewBox: '0 0 10 10',
      refX: 10,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    });
    marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'edge-head' }));
    defs.append(marker);
    root.append(defs);

    for (const e of graph.edges) {
      const path = svg('path', { class: 'edge', 'marker-end': 'url(#arrow)', 'data-from': e.from, 'data-to': e.to });
      this.edgePaths.push(path);
      root.append(path);
      let label: SVGTextElement | undefined;
      if (e.partial !== undefined) {
        label = svg('text', { class: 'edge-label', 'text-anchor': 'middle' });
        label.textContent = n4(e.partial);
        root.append(label);
      }
      this.edgeLabels.push(label);
    }

    graph.nodes.forEach((node, i) => {
      const box = svg('g', {
        class: `node node-${node.kind}`,
        tabindex: 0,
        role: 'button',
        'data-id': node.id,
      });
      box.setAttribute('aria-label', `${node.label}: ${strings.value} ${n4(node.value)}, ${strings.adjoint} ${n4(node.adjoint)}`);
      // The focus ring sits outside the node's own border, so a focused node that is also the
      // backward step's current one (outlined) still shows both.
      box.append(svg('rect', { class: 'focus-ring', x: -4, y: -4, width: width + 8, height: NODE_HEIGHT + 8, rx: 9 }));
      box.append(svg('rect', { class: 'node-box', width, height: NODE_HEIGHT, rx: 6 }));
      lines[i].forEach((text, k) => {
        const t = svg('text', { x: NODE_PADDING, y: 17 + k * 16, class: k === 0 ? 'node-label' : 'node-number' });
        t.textContent = text;
        box.append(t);
      });
      const range = node.range;
      if (range) {
        const reveal = () => onReveal(range.start, range.end);
        box.addEventListener('click', reveal);
        box.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            reveal();
          }
        });
      }
      this.boxes.set(node.id, box);
      root.append(box);
    });
    this.applyLayout(this.layout);

    const viewport = document.createElement('div');
    this.viewport = viewport;
    viewport.className = 'graph-scroller';
    viewport.tabIndex = 0;
    // role="application": a screen reader passes the arrow keys through to the pan instead of
    // reading by line; the nodes inside stay buttons reached with Tab.
    viewport.setAttribute('role', 'application');
    viewport.setAttribute('aria-label', title);
    const panHint = strings.panHint ?? 'Drag or use the arrow keys to move; Ctrl+wheel or + and − to zoom; 0 shows the whole graph';
    viewport.setAttribute('aria-description', panHint);
    viewport.title = panHint;
    viewport.append(root);
    this.listen(viewport);

    const step = document.createElement('vscode-button');
    step.id = 'backward-step';
    step.textContent = strings.backwardStep;
    step.setAttribute('secondary', '');
    step.addEventListener('click', () => this.step());
    const restart = document.createElement('vscode-button');
    restart.id = 'backward-restart';
    restart.textContent = strings.restart;
    restart.setAttribute('secondary', '');
    restart.addEventListener('click', () => {
      this.cursor = -1;
      this.step();
    });
    const iconButton = (id: string, icon: string, label: string, action: () => void) => {
      const b = document.createElement('vscode-button');
      b.id = id;
      b.setAttribute('icon', icon);
      b.setAttribute('aria-label', label);
      b.setAttribute('title', label);
      b.setAttribute('secondary', '');
      b.addEventListener('click', action);
      return b;
    };
    const zoom = document.createElement('div');
    zoom.className = 'graph-zoom';
    zoom.append(
      iconButton('graph-zoom-out', 'zoom-out', strings.zoomOut ?? 'Zoom out', () => this.zoomBy(1 / ZOOM_STEP)),
      iconButton('graph-zoom-in', 'zoom-in', strings.zoomIn ?? 'Zoom in', () => this.zoomBy(ZOOM_STEP)),
      iconButton('graph-fit', 'screen-normal', strings.fit ?? 'Show the whole graph', () => this.fit()),
    );
    const controls = document.createElement('div');
    controls.className = 'graph-controls';
    controls.append(step, restart, zoom);
    this.explanation = document.createElement('p');
    this.explanation.className = 'chain-rule';
    this.explanation.id = 'chain-rule';
    this.explanation.setAttribute('aria-live', 'polite');

    this.order = [...graph.nodes].sort((a, b) => b.id - a.id);
    this.element.append(heading, controls, this.explanation, viewport);

    // Fit when the panel first lays the graph out and whenever its width changes. The controls
    // row is observed, not the viewport: it is exactly as wide, and fit() sets the viewport's
    // height, which observed directly would notify again inside the same frame (a loop error).
    new ResizeObserver(() => this.resized()).observe(controls);
  }

  /** One node further down the reverse sweep: highlight it and write its chain rule. */
  step(): void {
    this.cursor = Math.min(this.cursor + 1, this.order.length - 1);
    const node = this.order[this.cursor];
    for (const [id, box] of this.boxes) box.classList.toggle('current', id === node.id);
    // Pan the graph so the node is in view, then bring the viewport onto the screen if needed.
    this.showNode(node.id);
    this.boxes.get(node.id)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const consumers = this.graph.edges.filter((e) => e.from === node.id);
    const name = (id: number) => this.graph.nodes[id].label;
    let text: string;
    if (node.id === this.graph.root) {
      text = `∂L/∂L = 1`;
    } else if (consumers.every((e) => e.partial !== undefined)) {
      const terms = consumers.map((e) => `∂L/∂(${name(e.to)}) · ∂(${name(e.to)})/∂(${node.label})`).join(' + ');
      const numbers = consumers.map((e) => `${n4(this.graph.nodes[e.to].adjoint)} × ${n4(e.partial as number)}`).join(' + ');
      text = `∂L/∂(${node.label}) = ${terms} = ${numbers} = ${n4(node.adjoint)}`;
    } else {
      text = `∂L/∂(${node.label}) = ${n4(node.adjoint)}`;
    }
    this.explanation.textContent = text;
    this.explanation.dataset.node = String(node.id);
  }

  /**
   * The whole graph at the largest scale that fits the panel's width (and most of its height),
   * at most 1 and at least MIN_SCALE; left to right unless top to bottom fits larger.
   */
  fit(): void {
    const width = this.viewport.clientWidth;
    if (width === 0) return; // not laid out (hidden): the resize observer fits it when shown
    const maxHeight = this.maxHeight();
    const fits = (l: Layout) => Math.min(1, width / l.width, maxHeight / l.height);
    const { LR, TB } = this.layouts;
    // Left to right reads like the expression: kept while it fits at a comfortable scale, or
    // as large as top to bottom would.
    const layout = fits(LR) >= Math.min(fits(TB), COMFORTABLE_SCALE) ? LR : TB;
    if (layout !== this.layout) this.applyLayout(layout);
    this.scale = Math.max(MIN_SCALE, fits(layout));
    this.viewWidth = width;
    this.viewHeight = Math.min(maxHeight, Math.ceil(layout.height * this.scale));
    this.viewport.style.height = `${this.viewHeight}px`;
    this.x = 0;
    this.y = 0;
    this.moved = false;
    this.render();
  }

  /** Zooms by `factor` around a point of the viewport (screen px; default its centre). */
  zoomBy(factor: number, px = this.viewWidth / 2, py = this.viewHeight / 2): void {
    if (this.viewWidth === 0) return;
    const { width, height } = this.layout;
    // Zooming out stops where the whole graph shows, or at MIN_SCALE if that is smaller.
    const lowest = Math.min(MIN_SCALE, this.viewWidth / width, this.viewHeight / height);
    const scale = clamp(this.scale * factor, lowest, MAX_SCALE);
    // Keep the graph point under (px, py) where it is.
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

  /** The least pan that brings a node (with a margin) into view. */
  private showNode(id: number): void {
    const b = this.layout.nodes.get(id);
    if (!b || this.viewWidth === 0) return;
    const m = REVEAL_MARGIN / this.scale;
    const w = this.viewWidth / this.scale;
    const h = this.viewHeight / this.scale;
    // Right/bottom first, then left/top: a node larger than the view shows its top-left corner.
    if (b.x + b.width + m > this.x + w) this.x = b.x + b.width + m - w;
    if (b.x - m < this.x) this.x = b.x - m;
    if (b.y + b.height + m > this.y + h) this.y = b.y + b.height + m - h;
    if (b.y - m < this.y) this.y = b.y - m;
    this.render();
  }

  /** The tallest the viewport gets: most of the panel's height, so its controls stay in view. */
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
    // A refit may have moved the node the learner is on out of view (a graph larger than the
    // panel at MIN_SCALE): bring it back.
    const focused = (document.activeElement as Element | null)?.closest?.('.node');
    const id = focused && this.root.contains(focused) ? Number((focused as SVGGElement).dataset.id) : this.order[this.cursor]?.id;
    if (id !== undefined) this.showNode(id);
  }

  /** Moves the nodes, edges and labels to a layout's positions. */
  private applyLayout(layout: Layout): void {
    this.layout = layout;
    for (const [id, box] of this.boxes) {
      const b = layout.nodes.get(id) as Box;
      box.setAttribute('transform', `translate(${b.x.toFixed(1)}, ${b.y.toFixed(1)})`);
    }
    layout.edges.forEach((e, i) => {
      this.edgePaths[i].setAttribute('d', e.d);
      this.edgeLabels[i]?.setAttribute('x', e.labelX.toFixed(1));
      this.edgeLabels[i]?.setAttribute('y', e.labelY.toFixed(1));
    });
    this.root.dataset.layout = layout.direction;
  }

  /** Clamps the view to the graph and writes it to the SVG's viewBox. */
  private render(): void {
    const { width, height } = this.layout;
    if (this.viewWidth === 0) {
      // Before the first layout: the whole graph at its own size.
      this.root.setAttribute('viewBox', `0 0 ${width} ${height}`);
      this.root.setAttribute('width', String(width));
      this.root.setAttribute('height', String(height));
      return;
    }
    const w = this.viewWidth / this.scale;
    const h = this.viewHeight / this.scale;
    // A graph narrower (shorter) than the view is centred; a wider one pans up to its edges.
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
  private listen(viewport: HTMLElement): void {
    let drag: { id: number; startX: number; startY: number; lastX: number; lastY: number; moving: boolean } | undefined;
    // The click that ends a drag must not reveal the node the drag started on.
    let swallowClick = false;
    viewport.addEventListener('pointerdown', (e) => {
      swallowClick = false;
      if (e.button !== 0 || !e.isPrimary) return;
      drag = { id: e.pointerId, startX: e.clientX, startY: e.clientY, lastX: e.clientX, lastY: e.clientY, moving: false };
    });
    viewport.addEventListener('pointermove', (e) => {
      if (!drag || e.pointerId !== drag.id) return;
      if ((e.buttons & 1) === 0) {
        // Released outside the viewport before the drag began (so before any capture): over.
        drag = undefined;
        return;
      }
      if (!drag.moving) {
        if (Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) < DRAG_THRESHOLD) return;
        // Captured only once it is a drag: captured from the press, a plain click would land on
        // the viewport instead of the node.
        drag.moving = true;
        viewport.setPointerCapture(e.pointerId);
        viewport.classList.add('dragging');
      }
      this.panBy(drag.lastX - e.clientX, drag.lastY - e.clientY);
      drag.lastX = e.clientX;
      drag.lastY = e.clientY;
    });
    const end = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.id) return;
      if (drag.moving) {
        // A cancelled pointer sends no click; any other end of a drag is followed by one.
        swallowClick = e.type !== 'pointercancel';
        viewport.classList.remove('dragging');
      }
      drag = undefined;
    };
    viewport.addEventListener('pointerup', end);
    viewport.addEventListener('pointercancel', end);
    viewport.addEventListener('lostpointercapture', end);
    viewport.addEventListener(
      'click',
      (e) => {
        if (!swallowClick) return;
        swallowClick = false;
        e.stopPropagation();
        e.preventDefault();
      },
      true,
    );

    viewport.addEventListener(
      'wheel',
      (e) => {
        // A plain wheel scrolls the panel as everywhere else; ctrl/⌘ + wheel (and a trackpad
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
      switch (e.key) {
        case 'ArrowLeft':
          this.panBy(-pan, 0);
          break;
        case 'ArrowRight':
          this.panBy(pan, 0);
          break;
        case 'ArrowUp':
          this.panBy(0, -pan);
          break;
        case 'ArrowDown':
          this.panBy(0, pan);
          break;
        case '+':
        case '=':
          this.zoomBy(ZOOM_STEP);
          break;
        case '-':
        case '_':
        case '−':
          this.zoomBy(1 / ZOOM_STEP);
          break;
        case '0':
          this.fit();
          break;
        default:
          return;
      }
      e.preventDefault();
    });

    // Tab onto a node that is out of view: pan to it. Not on a mouse press (no :focus-visible),
    // which would slide the node from under the pointer before its click.
    viewport.addEventListener('focusin', (e) => {
      const node = (e.target as Element).closest('.node');
      if (node instanceof SVGGElement && node.matches(':focus-visible')) this.showNode(Number(node.dataset.id));
    });
  }
}
