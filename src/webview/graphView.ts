/**
 * The backprop graph: parameters → operations → loss, laid out by dagre (a maintained
 * graph-layout library) and drawn as SVG. Each node shows its value and its adjoint ∂L/∂node;
 * each edge its local derivative. Clicking a node (or Enter on it) asks the host to select the
 * expression it came from. "Backward step" walks the reverse sweep one node at a time, from the
 * loss down, and writes that node's chain rule with the numbers in it:
 *
 *   ∂L/∂u = Σ over u's consumers v of ∂L/∂v · ∂v/∂u
 */
import dagre from '@dagrejs/dagre';
import type { GraphData, GraphNodeData } from '../protocol/panelProtocol';
import { formatNumber } from './numberFormat';

const SVG = 'http://www.w3.org/2000/svg';
const n4 = (v: number) => formatNumber(v, 4);

export interface GraphStrings {
  value: string;
  adjoint: string;
  backwardStep: string;
  restart: string;
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

    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 8, marginy: 8 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of graph.nodes) g.setNode(String(node.id), { width: 128, height: 58 });
    graph.edges.forEach((e, i) => g.setEdge(String(e.from), String(e.to), { width: 40, height: 14 }, `e${i}`));
    dagre.layout(g);
    const size = g.graph();
    const root = svg('svg', {
      width: Math.ceil(size.width ?? 400),
      height: Math.ceil(size.height ?? 200),
      role: 'group',
      'aria-label': title,
    });
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

    graph.edges.forEach((e, i) => {
      const layout = g.edge(String(e.from), String(e.to), `e${i}`) as { points: Array<{ x: number; y: number }>; x: number; y: number };
      const d = layout.points.map((p, k) => `${k ? 'L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
      root.append(svg('path', { d, class: 'edge', 'marker-end': 'url(#arrow)', 'data-from': e.from, 'data-to': e.to }));
      if (e.partial !== undefined) {
        const label = svg('text', { x: layout.x, y: layout.y - 3, class: 'edge-label', 'text-anchor': 'middle' });
        label.textContent = n4(e.partial);
        root.append(label);
      }
    });

    for (const node of graph.nodes) {
      const p = g.node(String(node.id)) as { x: number; y: number; width: number; height: number };
      const box = svg('g', {
        class: `node node-${node.kind}`,
        transform: `translate(${(p.x - p.width / 2).toFixed(1)}, ${(p.y - p.height / 2).toFixed(1)})`,
        tabindex: 0,
        role: 'button',
        'data-id': node.id,
      });
      box.setAttribute('aria-label', `${node.label}: ${strings.value} ${n4(node.value)}, ${strings.adjoint} ${n4(node.adjoint)}`);
      box.append(svg('rect', { width: p.width, height: p.height, rx: 6 }));
      const lines = [node.label, `${strings.value} ${n4(node.value)}`, `∂L/∂· ${n4(node.adjoint)}`];
      lines.forEach((text, k) => {
        const t = svg('text', { x: 8, y: 17 + k * 16, class: k === 0 ? 'node-label' : 'node-number' });
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
    }

    const scroller = document.createElement('div');
    scroller.className = 'graph-scroller';
    scroller.append(root);

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
    const controls = document.createElement('div');
    controls.className = 'graph-controls';
    controls.append(step, restart);
    this.explanation = document.createElement('p');
    this.explanation.className = 'chain-rule';
    this.explanation.id = 'chain-rule';
    this.explanation.setAttribute('aria-live', 'polite');

    this.order = [...graph.nodes].sort((a, b) => b.id - a.id);
    this.element.append(heading, controls, this.explanation, scroller);
  }

  /** One node further down the reverse sweep: highlight it and write its chain rule. */
  step(): void {
    this.cursor = Math.min(this.cursor + 1, this.order.length - 1);
    const node = this.order[this.cursor];
    for (const [id, box] of this.boxes) box.classList.toggle('current', id === node.id);
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
}
