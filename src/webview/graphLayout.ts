/**
 * Where the backprop graph's nodes and edges go: every node measured to one width, then laid out
 * by dagre (a maintained graph-layout library) left to right or top to bottom, and the choice
 * between the two. Pure geometry in graph units: graphView.ts draws it, svgPanZoom.ts scales it.
 */
import dagre from '@dagrejs/dagre';
import type { GraphData } from '../protocol/panelProtocol';

export const NODE_HEIGHT = 58;
/** Text starts this far inside a node's box, and ends at least as far from its right side. */
export const NODE_PADDING = 8;
/** Left to right is kept while it fits at least this large (a wide panel: one short strip). */
const COMFORTABLE_SCALE = 0.85;

/** dagre's rankdir: left to right (reads like the expression) or top to bottom (narrower). */
export type Direction = 'LR' | 'TB';

/** A box in graph coordinates, from its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  direction: Direction;
  width: number;
  height: number;
  nodes: Map<number, Box>;
  edges: Array<{ d: string; labelX: number; labelY: number }>;
}

/**
 * The widest of the nodes' lines, in px: every node gets this width, so no box is wider than its
 * text needs (a narrow panel then fits the graph larger). Measured in the editor font that
 * media/panel.css gives the graph's text, before the SVG is in the page.
 */
export function nodeWidth(lines: string[][]): number {
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

/** The graph laid out in one direction, with every node `width` wide and NODE_HEIGHT high. */
export function layOut(graph: GraphData, direction: Direction, width: number): Layout {
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

/**
 * The layout to draw, given the scale each would fit the panel at. Left to right reads like the
 * expression: kept while it fits at a comfortable scale, or as large as top to bottom would.
 */
export function chooseLayout(layouts: Record<Direction, Layout>, fits: (layout: Layout) => number): Layout {
  const { LR, TB } = layouts;
  return fits(LR) >= Math.min(fits(TB), COMFORTABLE_SCALE) ? LR : TB;
}
