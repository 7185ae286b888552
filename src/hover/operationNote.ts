/**
 * Hover on an operation: after a graph of the file has been computed (at the last run's
 * end point), hovering `*`, `**`, `-`, `Math.tanh(` … shows that operation's value, its local
 * derivatives and its adjoint ∂L/∂node — the chain rule's factors, with numbers. Pure: the graph
 * and the offset in, Markdown out (no `vscode`).
 */
import type { GraphData, GraphNodeData } from '../protocol/panelProtocol';
import type { Language } from '../l10n/localize';

const n4 = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));

/** The innermost operation whose expression contains `offset`, or undefined. */
export function operationAt(graph: GraphData, offset: number): GraphNodeData | undefined {
  let best: GraphNodeData | undefined;
  for (const n of graph.nodes) {
    const r = n.range;
    if (!r || n.kind === 'parameter' || offset < r.start || offset >= r.end) continue;
    if (!best?.range || r.end - r.start < best.range.end - best.range.start) best = n;
  }
  return best;
}

export function operationNote(graph: GraphData, node: GraphNodeData, lang: Language): string {
  const inputs = graph.edges.filter((e) => e.to === node.id);
  const name = (id: number) => graph.nodes[id].label;
  const partials = inputs
    .filter((e) => e.partial !== undefined)
    .map((e) => `∂(${node.label})/∂(${name(e.from)}) = ${n4(e.partial as number)}`)
    .join(', ');
  const count =
    node.count > 1
      ? lang === 'ko'
        ? ` (이 식이 ${node.count}번 계산됨, 마지막 값)`
        : ` (computed ${node.count} times; the last shown)`
      : '';
  if (lang === 'ko') {
    return [
      `**연산 \`${node.label}\`** — 마지막 그래프의 값${count}`,
      '',
      `- 값: ${n4(node.value)}`,
      partials ? `- 국소 도함수: ${partials}` : '',
      `- 수반값 ∂L/∂(${node.label}) = ${n4(node.adjoint)}`,
      '',
      '연쇄 법칙: 입력의 수반값 = 이 수반값 × 국소 도함수.',
    ]
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n');
  }
  return [
    `**Operation \`${node.label}\`** — from the last graph${count}`,
    '',
    `- value: ${n4(node.value)}`,
    partials ? `- local derivatives: ${partials}` : '',
    `- adjoint ∂L/∂(${node.label}) = ${n4(node.adjoint)}`,
    '',
    "Chain rule: an input's adjoint = this adjoint × the local derivative.",
  ]
    .filter((l, i, a) => l !== '' || a[i - 1] !== '')
    .join('\n');
}
