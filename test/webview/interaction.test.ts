/**
 * Interacting with the charts (the real panel bundle in headless Chromium): a legend entry hides
 * or shows its run in every view, a double click, Shift+click or Shift+Enter isolates it (and the
 * same again shows every run); hovering a point of the loss curve says its step, loss and
 * parameters; Play respects `prefers-reduced-motion`.
 */
import { strict as assert } from 'node:assert';
import { startHarness, openPanel, canvasColorPixels, THEMES, type Harness, type PanelPage } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage, RunSettings, StepPoint } from '../../src/protocol/panelProtocol';
import { formatNumber } from '../../src/webview/numberFormat';

const settings: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 60 };
const init: HostMessage = { type: 'init', strings: panelStrings(), settings };

/** Gradient descent on L(x, y) = x² + 4y² from `from` with rate η (exact, by hand). */
function bowlRun(from: [number, number], eta: number, steps: number): StepPoint[] {
  const out: StepPoint[] = [];
  let [x, y] = from;
  for (let step = 0; step <= steps; step++) {
    const g = [2 * x, 8 * y];
    out.push({ step, loss: x * x + 4 * y * y, params: [x, y], gradNorm: Math.hypot(g[0], g[1]) });
    x -= eta * g[0];
    y -= eta * g[1];
  }
  return out;
}

const RUNS: Array<{ runId: string; eta: number; from: [number, number] }> = [
  { runId: 'a', eta: 0.02, from: [2, 1] },
  { runId: 'b', eta: 0.05, from: [-2, 1] },
  { runId: 'c', eta: 0.1, from: [1.5, -1] },
];

async function showRuns(p: PanelPage): Promise<Map<string, StepPoint[]>> {
  await p.send(init);
  await p.page.locator('#empty-state').waitFor({ state: 'attached' });
  const grid = Array.from({ length: 41 }, (_, i) => -2.5 + (5 * i) / 40);
  await p.send({
    type: 'surface',
    runId: 'surface',
    surface: { kind: '2d', x: grid, y: grid, z: grid.map((y) => grid.map((x) => x * x + 4 * y * y)), axes: [0, 1] },
  } satisfies HostMessage);
  const runs = new Map<string, StepPoint[]>();
  for (const r of RUNS) {
    const points = bowlRun(r.from, r.eta, settings.steps);
    runs.set(r.runId, points);
    await p.send({
      type: 'runStarted',
      runId: r.runId,
      file: 'bowl.ts',
      dimension: 2,
      paramNames: ['x', 'y'],
      settings: { ...settings, learningRate: r.eta },
    } satisfies HostMessage);
    await p.send({ type: 'progress', runId: r.runId, points } satisfies HostMessage);
    await p.send({ type: 'runFinished', runId: r.runId, reason: 'completed', step: settings.steps } satisfies HostMessage);
  }
  await p.page
    .locator('#legend .legend-item')
    .nth(RUNS.length - 1)
    .waitFor();
  await frames(p);
  return runs;
}

const frames = (p: PanelPage) => p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

/** Which runs the legend says are shown (aria-pressed) and which the loss chart draws. */
async function shown(p: PanelPage): Promise<{ pressed: string[]; drawn: string[] }> {
  await frames(p);
  return (await p.page.evaluate(`(() => {
    const chart = document.querySelector('#loss-chart').chart;
    return {
      pressed: [...document.querySelectorAll('#legend .legend-item')].filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.runId),
      drawn: chart.data.datasets.map((d, i) => (d.label !== 'cursor' && chart.isDatasetVisible(i) ? i : -1)).filter((i) => i >= 0).map((i) => ['a', 'b', 'c'][i - 1]),
    };
  })()`)) as { pressed: string[]; drawn: string[] };
}

describe('chart interaction: legend, tooltips, reduced motion', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const theme of THEMES) {
    it(`${theme}: a legend click hides one run everywhere; a double click, Shift+click or Shift+Enter isolates it; again shows all`, async () => {
      const p = await openPanel(h, theme);
      await showRuns(p);
      const item = (id: string) => p.page.locator(`#legend .legend-item[data-run-id="${id}"]`);
      const colorB = await item('b').evaluate((b) => getComputedStyle(b.querySelector('.swatch') as Element).backgroundColor);
      assert.deepEqual(await shown(p), { pressed: ['a', 'b', 'c'], drawn: ['a', 'b', 'c'] });
      assert.match((await item('b').getAttribute('title')) ?? '', /두 번 클릭/);

      await item('b').click();
      assert.deepEqual(await shown(p), { pressed: ['a', 'c'], drawn: ['a', 'c'] });
      assert.ok((await canvasColorPixels(p.page, '#surface-map', colorB)) < 10, 'b’s path left the map too');
      await item('b').click();
      assert.deepEqual(await shown(p), { pressed: ['a', 'b', 'c'], drawn: ['a', 'b', 'c'] });

      await item('b').dblclick();
      assert.deepEqual(await shown(p), { pressed: ['b'], drawn: ['b'] }, 'a double click isolates b');
      assert.ok((await canvasColorPixels(p.page, '#surface-map', colorB)) > 10, 'b’s path is on the map');
      await item('b').dblclick();
      assert.deepEqual(await shown(p), { pressed: ['a', 'b', 'c'], drawn: ['a', 'b', 'c'] }, 'again: every run');

      await item('c').click({ modifiers: ['Shift'] });
      assert.deepEqual(await shown(p), { pressed: ['c'], drawn: ['c'] }, 'Shift+click isolates c');
      await item('c').focus();
      await p.page.keyboard.press('Shift+Enter');
      assert.deepEqual(await shown(p), { pressed: ['a', 'b', 'c'], drawn: ['a', 'b', 'c'] }, 'Shift+Enter on the isolated run shows all');
      await item('a').focus();
      await p.page.keyboard.press('Shift+Enter');
      assert.deepEqual(await shown(p), { pressed: ['a'], drawn: ['a'] }, 'Shift+Enter isolates a');
      assert.equal(await item('a').evaluate((b) => b === document.activeElement), true, 'focus stays on the entry');
      await p.page.keyboard.press('Enter');
      assert.deepEqual(await shown(p), { pressed: [], drawn: [] }, 'Enter toggles like a click');
      await p.screenshot('interaction-legend');
      assert.deepEqual(await p.problems(), []);
    });
  }

  it('hovering a point of the loss curve shows its step, its loss and the parameters there', async () => {
    const p = await openPanel(h, 'light');
    const runs = await showRuns(p);
    const target = (runs.get('c') as StepPoint[])[3];
    const at = (await p.page.evaluate(`(() => {
      const canvas = document.querySelector('#loss-chart');
      const chart = canvas.chart;
      const r = canvas.getBoundingClientRect();
      return { x: r.left + chart.scales.x.getPixelForValue(${target.step}), y: r.top + chart.scales.y.getPixelForValue(${target.loss}) };
    })()`)) as { x: number; y: number };
    await p.page.mouse.move(at.x, at.y);
    await frames(p);
    const tip = (await p.page.evaluate(`(() => {
      const t = document.querySelector('#loss-chart').chart.tooltip;
      return { opacity: t.opacity, title: t.title, lines: t.body.flatMap((b) => [...b.lines, ...b.after]) };
    })()`)) as { opacity: number; title: string[]; lines: string[] };
    assert.equal(tip.opacity, 1, 'the tooltip is shown');
    assert.deepEqual(tip.title, [`스텝 ${target.step}`]);
    const line = tip.lines.findIndex((l) => l.startsWith('bowl.ts · sgd · η=0.1:'));
    assert.ok(line >= 0, tip.lines.join(' | '));
    assert.equal(tip.lines[line], `bowl.ts · sgd · η=0.1: 손실 ${formatNumber(target.loss)}`);
    assert.equal(tip.lines[line + 1], `(${formatNumber(target.params[0])}, ${formatNumber(target.params[1])})`);
    assert.deepEqual(await p.problems(), []);
  });

  for (const reduce of [false, true]) {
    it(`Play ${reduce ? 'with prefers-reduced-motion: still frames, one a second' : 'animates at 30 frames a second'}`, async () => {
      const p = await openPanel(h, 'dark');
      await p.page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
      const runs = await showRuns(p);
      await p.page.locator('#play').click();
      const bar = p.page.locator('.playback');
      const interval = Number(await bar.getAttribute('data-interval'));
      const stride = Number(await bar.getAttribute('data-stride'));
      const points = (runs.get('c') as StepPoint[]).length;
      if (reduce) {
        assert.equal(interval, 1000);
        assert.ok(Math.ceil(points / stride) <= 10, `${Math.ceil(points / stride)} frames`);
      } else {
        assert.equal(interval, 33);
        assert.equal(stride, 1);
      }
      await p.page.locator('#play').click();
      assert.deepEqual(await p.problems(), []);
    });
  }
});
