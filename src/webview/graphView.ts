/**
 * The backprop graph: parameters → operations → loss, laid out by graphLayout.ts and drawn as
 * SVG. Each node shows its value and its adjoint ∂L/∂node; each edge its local derivative.
 * Clicking a node (or Enter on it) asks the host to select the expression it came from.
 * "Backward step" walks the reverse sweep one node at a time, from the loss down, and writes that
 * node's chain rule with the numbers in it:
 *
 *   ∂L/∂u = Σ over u's consumers v of ∂L/∂v · ∂v/∂u
 *
 * The panel beside the editor is about 310 px wide, narrower than most graphs: svgPanZoom.ts
 * fits the graph to it (left to right, or top to bottom when that fits larger) and lets the
 * learner pan and zoom; this view adds the zoom buttons and keeps the node in use in view.
 */
import type { GraphData, GraphNodeData } from '../protocol/panelProtocol';
import { el } from './dom';
import { chooseLayout, layOut, nodeWidth, NODE_HEIGHT, NODE_PADDING, type Box, type Direction, type Layout } from './graphLayout';
import { formatNumber } from './numberFormat';
import { SvgPanZoom, fitScale } from './svgPanZoom';

const SVG = 'http://www.w3.org/2000/svg';
const n4 = (v: number) => formatNumber(v, 4);

/**
 * The smallest scale the graph starts at. Node numbers are 11 px and edge labels 10 px
 * (media/panel.css): at 0.7 they are drawn about 7.7 and 7 px high, still legible on a 96-dpi
 * screen and sharp on a HiDPI one; smaller, "값" and "∂L/∂·" blur into marks. A graph that fits only
 * below this starts at this scale, with the rest a pan away (the fit button still shows it whole).
 */
export const MIN_SCALE = 0.7;
/** Zooming in past 3× shows one node larger than the panel: nothing more to read. */
const MAX_SCALE = 3;

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

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export class GraphView {
  readonly element: HTMLElement;
  private readonly boxes = new Map<number, SVGGElement>();
  private readonly explanation: HTMLElement;
  /** Nodes in reverse-sweep order (the loss first), and the position of the backward step. */
  private readonly order: GraphNodeData[];
  private cursor = -1;

  /** Both layouts, computed once: each fit draws whichever fits the panel at the larger scale. */
  private readonly layouts: Record<Direction, Layout>;
  private layout: Layout;
  private readonly root: SVGSVGElement;
  private readonly edgePaths: SVGPathElement[] = [];
  private readonly edgeLabels: Array<SVGTextElement | undefined> = [];
  private readonly panZoom: SvgPanZoom;

  constructor(
    private readonly graph: GraphData,
    title: string,
    private readonly strings: GraphStrings,
    onReveal: (start: number, end: number) => void,
  ) {
    this.element = el('section', 'graph-view');
    this.element.id = 'backprop-graph';
    this.element.setAttribute('aria-label', title);
    const heading = el('h3', undefined, title);

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
      const box = svg('g', { class: `node node-${node.kind}`, tabindex: 0, role: 'button', 'data-id': node.id });
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

    const viewport = el('div', 'graph-scroller');
    viewport.setAttribute('aria-label', title);
    const panHint = strings.panHint ?? 'Drag or use the arrow keys to move; Ctrl+wheel or + and − to zoom; 0 shows the whole graph';
    viewport.setAttribute('aria-description', panHint);
    viewport.title = panHint;
    viewport.append(root);
    this.panZoom = new SvgPanZoom(root, viewport, this.layout, {
      minScale: MIN_SCALE,
      maxScale: MAX_SCALE,
      contentFor: (width, maxHeight) => {
        const layout = chooseLayout(this.layouts, (l) => fitScale(l, width, maxHeight));
        if (layout !== this.layout) this.applyLayout(layout);
        return layout;
      },
      // A refit may have moved the node the learner is on out of view (a graph larger than the
      // panel at MIN_SCALE): bring it back.
      afterRefit: () => {
        const focused = (document.activeElement as Element | null)?.closest?.('.node');
        const id = focused && root.contains(focused) ? Number((focused as SVGGElement).dataset.id) : this.order[this.cursor]?.id;
        if (id !== undefined) this.showNode(id);
      },
    });
    // Tab onto a node that is out of view: pan to it. Not on a mouse press (no :focus-visible),
    // which would slide the node from under the pointer before its click.
    viewport.addEventListener('focusin', (e) => {
      const node = (e.target as Element).closest('.node');
      if (node instanceof SVGGElement && node.matches(':focus-visible')) this.showNode(Number(node.dataset.id));
    });

    // A secondary button: with an icon, `label` is its accessible name and tooltip; else its text.
    const button = (id: string, label: string, action: () => void, icon?: string) => {
      const b = document.createElement('vscode-button');
      b.id = id;
      if (icon) {
        b.setAttribute('icon', icon);
        b.setAttribute('aria-label', label);
        b.setAttribute('title', label);
      } else {
        b.textContent = label;
      }
      b.setAttribute('secondary', '');
      b.addEventListener('click', action);
      return b;
    };
    const step = button('backward-step', strings.backwardStep, () => this.step());
    const restart = button('backward-restart', strings.restart, () => {
      this.cursor = -1;
      this.step();
    });
    const zoom = el('div', 'graph-zoom');
    zoom.append(
      button('graph-zoom-out', strings.zoomOut ?? 'Zoom out', () => this.panZoom.zoomOut(), 'zoom-out'),
      button('graph-zoom-in', strings.zoomIn ?? 'Zoom in', () => this.panZoom.zoomIn(), 'zoom-in'),
      button('graph-fit', strings.fit ?? 'Show the whole graph', () => this.panZoom.fit(), 'screen-normal'),
    );
    const controls = el('div', 'graph-controls');
    controls.append(step, restart, zoom);
    this.explanation = el('p', 'chain-rule');
    this.explanation.id = 'chain-rule';
    this.explanation.setAttribute('aria-live', 'polite');

    this.order = [...graph.nodes].sort((a, b) => b.id - a.id);
    this.element.append(heading, controls, this.explanation, viewport);

    // The controls row is watched, not the viewport: it is exactly as wide, and a fit sets the
    // viewport's height.
    this.panZoom.refitOnResize(controls);
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

  /** The least pan that brings a node (with a margin) into view. */
  private showNode(id: number): void {
    const b = this.layout.nodes.get(id);
    if (b) this.panZoom.reveal(b);
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
}
