/**
 * "Views of 2-D surfaces with up to 9 runs stay interactive": the race view of examples/rosenbrock.ts
 * (nine optimizers, 200 steps each, the contour map with nine paths) in the real panel bundle in
 * headless Chromium (the webview tests' harness), timing what a learner does with it:
 *   - a playback step (ArrowRight on the timeline) until the next frame is painted;
 *   - hiding and showing one run from the legend (every chart redraws).
 * Medians in milliseconds; 16.7 ms is one frame at 60 Hz. Measured, never asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startHarness, openPanel } from '../test/webview/harness';
import { panelStrings } from '../src/panel/panelStrings';
import { compileLoss } from '../src/runner/compile';
import { sampleSurface } from '../src/runner/surface';
import { runAnalysis } from '../src/teaching/analysis';
import { analysisMessages, analysisTitle } from '../src/commands/analysisMessages';
import { backpropGraph } from '../src/teaching/backpropGraph';
import type { HostMessage } from '../src/protocol/panelProtocol';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function nineRunViewTimings(): Promise<{ stepMs: number; toggleMs: number } | undefined> {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return undefined;
  const file = path.resolve(__dirname, '..', '..', 'examples', 'rosenbrock.ts');
  const loss = compileLoss(readFileSync(file, 'utf8'), file);
  const result = runAnalysis(loss, 'race', { options: { steps: 200 } });
  let n = 0;
  const messages: HostMessage[] = [
    { type: 'analysisStarted', title: analysisTitle('race'), kind: 'race' },
    { type: 'surface', runId: 'surface', surface: sampleSurface(loss) },
    ...analysisMessages(result, file, loss.dimension, loss.paramNames, () => `run-${++n}`),
  ];
  const h = await startHarness();
  try {
    const p = await openPanel(h, 'dark');
    await p.send({
      type: 'init',
      strings: panelStrings(),
      settings: { optimizer: 'sgd', learningRate: 0.1, steps: 200 },
    } satisfies HostMessage);
    await p.page.locator('#empty-state').waitFor();
    for (const m of messages) await p.send(m);
    await p.page.locator('#table-race').waitFor();
    const frame = () => p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await p.page.locator('#timeline').focus();
    await p.page.keyboard.press('Home');
    const steps: number[] = [];
    for (let k = 0; k < 40; k++) {
      const t0 = performance.now();
      await p.page.keyboard.press('ArrowRight');
      await frame();
      steps.push(performance.now() - t0);
    }
    const toggles: number[] = [];
    const item = p.page.locator('.legend-item').first();
    for (let k = 0; k < 10; k++) {
      const t0 = performance.now();
      await item.click();
      await frame();
      toggles.push(performance.now() - t0);
    }
    return { stepMs: median(steps), toggleMs: median(toggles) };
  } finally {
    await h.close();
  }
}

/**
 * "A 10,000-node tape renders collapsed within a second": the backprop graph of a loop with 1,250
 * parameters and 7 operations per iteration — built from the tape (collapsed by source expression)
 * and drawn by dagre + SVG in the panel — from the request to the second painted frame.
 */
export async function tenThousandNodeGraphTiming(): Promise<
  { buildMs: number; drawMs: number; tapeNodes: number; drawnNodes: number } | undefined
> {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return undefined;
  const source = `export const init = new Array(1250).fill(0.5);
export function loss(p: number[]) {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - i / 1250) ** 2 * (1 + 0.1 * Math.sin(p[i]));
  return s;
}`;
  const t0 = performance.now();
  const g = backpropGraph(source, '/bench/loop.ts');
  const buildMs = performance.now() - t0;
  const h = await startHarness();
  try {
    const p = await openPanel(h, 'dark');
    await p.send({
      type: 'init',
      strings: panelStrings(),
      settings: { optimizer: 'sgd', learningRate: 0.1, steps: 10 },
    } satisfies HostMessage);
    await p.page.locator('#empty-state').waitFor();
    await p.send({ type: 'analysisStarted', title: 'graph', kind: 'graph' } satisfies HostMessage);
    const t1 = performance.now();
    await p.send({
      type: 'graph',
      title: 'loop.ts',
      graph: { nodes: g.nodes.map(({ op: _op, ...n }) => n), edges: g.edges, root: g.root },
    } satisfies HostMessage);
    await p.page.locator('#backprop-graph svg').waitFor();
    await p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    return { buildMs, drawMs: performance.now() - t1, tapeNodes: g.tapeNodes, drawnNodes: g.nodes.length };
  } finally {
    await h.close();
  }
}
