/**
 * The backpropagation graph of one evaluation of the learner's loss: the tape itself,
 * read back as a graph — parameters, one node per operation, the loss — with every node's forward
 * value and adjoint ∂L/∂node, every edge's local derivative, and each operation's place in the
 * source (graph-mode transform: runner/transform.ts wraps each operation in `__gds(site, …)`).
 *
 * Fusion is off here on purpose: the learner should see `(1 − x)`, `^2`, `×100` … as separate
 * nodes, not one fused expression. Big tapes (loops) are collapsed: all nodes made by the same
 * source expression become one group node "op ×N", so a 10,000-node tape stays a readable graph.
 */
import { compileLoss } from '../runner/compile';
import type { GraphSite } from '../runner/transform';
import { tape } from '../engine/recording';
import type { BackpropCost } from './backpropCost';

export interface SourceRange {
  /** 0-based offsets in the file, and 1-based line/column of both ends (as diagnostics use). */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface GraphNode {
  id: number;
  kind: 'parameter' | 'operation' | 'output';
  /** What the node shows: a parameter's name or the operation (`+`, `×`, `^2` …, `Math.tanh`). */
  label: string;
  op?: string;
  value: number;
  /** ∂L/∂node (for a group, of its last member). */
  adjoint: number;
  /** Tape nodes in this graph node (1 unless collapsed). */
  count: number;
  /** The expression that made it (operations in the trained file). */
  range?: SourceRange;
}

export interface GraphEdge {
  from: number;
  to: number;
  /** Local derivative ∂to/∂from (absent for collapsed groups: it differs per member). */
  partial?: number;
}

export interface BackpropGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Id of the node holding the loss. */
  root: number;
  value: number;
  gradient: number[];
  paramNames: string[];
  /** Nodes on the tape (before collapsing) and whether they were collapsed by source expression. */
  tapeNodes: number;
  collapsed: boolean;
  /** Timing of one forward and one forward + backward pass against finite differences (the worker adds it). */
  cost?: BackpropCost;
}

/** A collapsed graph shows at most this many parameters one by one; more become one group. */
const MAX_SEPARATE_PARAMETERS = 16;

const SYMBOLS: Record<string, string> = { add: '+', sub: '−', mul: '×', div: '÷', mod: '%', pow: '^', neg: '−x', pos: '+x' };

function rangeOf(text: string, start: number, end: number): SourceRange {
  const lineCol = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
  const a = lineCol(start);
  const b = lineCol(end);
  return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

export interface GraphRequest {
  /** Where to evaluate (default: the file's init, as a run would start). */
  at?: number[];
  /** Above this many tape nodes, nodes are grouped by the expression that made them. */
  maxNodes?: number;
}

export function backpropGraph(source: string, fileName: string, req: GraphRequest = {}): BackpropGraph {
  const sites: GraphSite[] = [];
  let nodeSite = new Int32Array(1024).fill(-1);
  let attributed = -1;
  let params = 0;
  // `__gds(site, value)`: the nodes recorded since the previous call were made by `site`.
  const record = (site: number, value: unknown) => {
    if (attributed < 0) attributed = params;
    if (tape.size > nodeSite.length) {
      const grown = new Int32Array(Math.max(tape.size, nodeSite.length * 2)).fill(-1);
      grown.set(nodeSite);
      nodeSite = grown;
    }
    for (let k = attributed; k < tape.size; k++) nodeSite[k] = site;
    attributed = tape.size;
    return value;
  };
  const loss = compileLoss(source, fileName, { graph: { sites, record } }, { pointLength: req.at?.length });
  const at = req.at ?? loss.init ?? new Array<number>(loss.dimension).fill(0);
  params = loss.dimension;
  nodeSite.fill(-1);
  attributed = -1;
  const keep = tape.keepValues;
  tape.keepValues = true;
  let result: { value: number; gradient: Float64Array };
  try {
    result = loss.valueAndGrad(at); // resets the tape, records, and sweeps back: adj is ∂L/∂node
  } finally {
    tape.keepValues = keep;
  }
  const size = tape.size;
  const root = size - 1;
  const siteOf = (k: number) => (k < nodeSite.length ? nodeSite[k] : -1);
  const opOf = (k: number) => {
    const s = siteOf(k);
    return s >= 0 ? sites[s].op : tape.parentA[k] === -2 ? 'tensor' : 'op';
  };
  const label = (k: number) => {
    const op = opOf(k);
    if (op === 'pow' && tape.parentB[k] < 0) {
      // x ** c with a constant c: one parent, and the exponent is in the source.
      const s = siteOf(k);
      const text = s >= 0 ? source.slice(sites[s].start, sites[s].end) : '';
      const m = /\*\*\s*\(?\s*(-?[\d.]+)\s*\)?\s*$/.exec(text);
      return m ? `^${m[1]}` : '^';
    }
    return SYMBOLS[op] ?? `Math.${op}`;
  };
  const rangeFor = (s: number) => (s >= 0 && sites[s].fileName === fileName ? rangeOf(source, sites[s].start, sites[s].end) : undefined);

  const collapse = size > (req.maxNodes ?? 80);
  // Graph node of each tape node: itself, or (collapsed) its source expression's group.
  const groupOf = new Int32Array(size);
  const nodes: GraphNode[] = [];
  const bySite = new Map<number, number>();
  for (let k = 0; k < size; k++) {
    const s = siteOf(k);
    if (k < params) {
      // Many parameters in a collapsed graph: one group node (the gradient is in `gradient`).
      if (collapse && params > MAX_SEPARATE_PARAMETERS && k > 0) {
        groupOf[k] = groupOf[0];
        nodes[groupOf[0]].count++;
        continue;
      }
      groupOf[k] = nodes.length;
      const name =
        collapse && params > MAX_SEPARATE_PARAMETERS
          ? (loss.paramNames[0] ?? 'p[0]').replace(/\[0\]$/, '')
          : (loss.paramNames[k] ?? `p[${k}]`);
      nodes.push({ id: nodes.length, kind: 'parameter', label: name, value: tape.value[k], adjoint: tape.adj[k], count: 1 });
      continue;
    }
    if (collapse && s >= 0 && bySite.has(s) && k !== root) {
      const g = bySite.get(s) as number;
      groupOf[k] = g;
      nodes[g].count++;
      nodes[g].value = tape.value[k];
      nodes[g].adjoint = tape.adj[k];
      continue;
    }
    groupOf[k] = nodes.length;
    if (collapse && s >= 0 && k !== root) bySite.set(s, nodes.length);
    nodes.push({
      id: nodes.length,
      kind: k === root ? 'output' : 'operation',
      label: label(k),
      op: opOf(k),
      value: tape.value[k],
      adjoint: tape.adj[k],
      count: 1,
      range: rangeFor(s),
    });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (let k = params; k < size; k++) {
    for (const [parent, partial] of tape.parentsOf(k)) {
      const from = groupOf[parent];
      const to = groupOf[k];
      if (from === to) continue;
      const key = `${from}>${to}`;
      if (seen.has(key)) {
        if (!collapse) edges.push({ from, to, partial }); // x·x: two edges from one parent
        continue;
      }
      seen.add(key);
      edges.push(collapse ? { from, to } : { from, to, partial });
    }
  }
  for (const n of nodes) if (n.count > 1) n.label = `${n.label} ×${n.count}`;
  return {
    nodes,
    edges,
    root: groupOf[root],
    value: result.value,
    gradient: Array.from(result.gradient),
    paramNames: loss.paramNames,
    tapeNodes: size,
    collapsed: collapse,
  };
}
