import { strict as assert } from 'node:assert';
import { formatNumber } from '../../src/webview/numberFormat';
import { startHarness, openPanel, canvasInk, type Harness, type Theme, type PanelPage } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage, RunSettings, StepPoint, SurfaceData } from '../../src/protocol/panelProtocol';

const settings: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 30 };
const init: HostMessage = { type: 'init', strings: panelStrings(), settings };

const linspace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

/** Recorded 2-D run: gradient descent on the bowl L = x² + 4y² from (−4, 2), with exact gradients. */
function bowlRun(): { surface: SurfaceData; points: StepPoint[] } {
  const x = linspace(-5, 5, 60);
  const y = linspace(-3, 3, 50);
  const surface: SurfaceData = { kind: '2d', x, y, z: y.map((yj) => x.map((xi) => xi ** 2 + 4 * yj ** 2)), axes: [0, 1] };
  const points: StepPoint[] = [];
  let [px, py] = [-4, 2];
  for (let step = 0; step <= settings.steps; step++) {
    const g = [2 * px, 8 * py];
    points.push({ step, loss: px ** 2 + 4 * py ** 2, params: [px, py], gradNorm: Math.hypot(g[0], g[1]), gradient: g });
    px -= 0.1 * g[0];
    py -= 0.1 * g[1];
  }
  return { surface, points };
}

/** Recorded 1-D run on L = (w − 3)² with the sampled curve. */
function quadraticRun(): { surface: SurfaceData; points: StepPoint[] } {
  const x = linspace(-4, 8, 120);
  const points: StepPoint[] = [];
  let w = -2;
  for (let step = 0; step <= settings.steps; step++) {
    const g = 2 * (w - 3);
    points.push({ step, loss: (w - 3) ** 2, params: [w], gradNorm: Math.abs(g), gradient: [g] });
    w -= 0.1 * g;
  }
  return { surface: { kind: '1d', x, z: x.map((v) => (v - 3) ** 2) }, points };
}

async function stream(p: PanelPage, dimension: number, run: { surface: SurfaceData; points: StepPoint[] }): Promise<void> {
  await p.send(init);
  await p.page.locator('#empty-state').waitFor();
  const paramNames = dimension === 1 ? ['w'] : dimension === 2 ? ['x', 'y'] : Array.from({ length: dimension }, (_, i) => `p[${i}]`);
  await p.send({ type: 'runStarted', runId: 'r1', file: '/ws/f.ts', dimension, paramNames, settings } satisfies HostMessage);
  await p.send({ type: 'surface', runId: 'r1', surface: run.surface } satisfies HostMessage);
  await p.send({ type: 'progress', runId: 'r1', points: run.points } satisfies HostMessage);
  await p.send({ type: 'runFinished', runId: 'r1', reason: 'completed' } satisfies HostMessage);
  await p.page.locator('#status', { hasText: '모든 스텝을 마쳤습니다' }).waitFor();
  await p.page.waitForTimeout(150);
}

for (const theme of ['light', 'dark'] as Theme[]) {
  describe(`loss panel surfaces and controls (${theme} theme)`, function () {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h?.close();
    });

    it('draws the 1-D loss curve with the path beside the loss curve', async () => {
      const p = await openPanel(h, theme);
      await stream(p, 1, quadraticRun());
      assert.ok((await canvasInk(p.page, '#surface-chart')) > 0.01, '1-D curve looks blank');
      assert.ok((await canvasInk(p.page, '#loss-chart')) > 0.01, 'loss curve looks blank');
      await p.screenshot('curve-1d');
      assert.deepEqual(await p.problems(), []);
    });

    it('draws the 2-D heat map with contours and path, and a click starts a run there', async () => {
      const p = await openPanel(h, theme);
      await stream(p, 2, bowlRun());
      const map = p.page.locator('#surface-map');
      assert.ok((await canvasInk(p.page, '#surface-map')) > 0.2, 'contour map looks blank');
      // The colour bar says what the colours mean: from the lowest to the highest sampled loss, left to right.
      const run = bowlRun();
      const zs = run.surface.kind === '2d' ? run.surface.z.flat().filter((z): z is number => z !== null) : [];
      const bar = (await p.page.evaluate(
        `[...document.querySelectorAll('#map-color-bar .color-bar-ticks span')].map((s) => ({ text: s.textContent, left: s.getBoundingClientRect().left, right: s.getBoundingClientRect().right }))`,
      )) as Array<{ text: string; left: number; right: number }>;
      assert.ok(bar.length >= 3, JSON.stringify(bar));
      assert.equal(bar[0].text, formatNumber(Math.min(...zs), 3));
      assert.equal(bar[bar.length - 1].text, formatNumber(Math.max(...zs), 3));
      for (let i = 1; i < bar.length; i++) assert.ok(bar[i].left >= bar[i - 1].right + 4, `labels overlap: ${JSON.stringify(bar)}`);
      assert.match((await p.page.locator('#map-color-bar').getAttribute('aria-label')) ?? '', /^손실 \(색은 로그 눈금\): /);
      await p.screenshot('contour-2d');
      // The centre of the map is (0, 0) for x ∈ [−5, 5], y ∈ [−3, 3].
      const box = await map.boundingBox();
      assert.ok(box);
      await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
      const rerun = (await p.posted()).find((m) => m.type === 'rerun');
      assert.ok(rerun && rerun.type === 'rerun', 'a click should ask for a run');
      const [x, y] = rerun.settings.init ?? [];
      assert.ok(Math.abs(x) < 0.2 && Math.abs(y) < 0.2, `start (${x}, ${y}) should be near the centre`);
      assert.deepEqual(await p.problems(), []);
    });

    it('sends the chosen settings with Run, and Stop', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#more-settings > summary').click();
      await p.page.locator('#steps').waitFor();
      // No named helper functions inside evaluate: the TypeScript loader would wrap them in __name().
      await p.page.evaluate(() => {
        for (const [id, v] of [
          ['optimizer', 'adam'],
          ['steps', '250'],
          ['start', '1.5, -2'],
        ]) {
          (document.getElementById(id) as unknown as { value: string }).value = v;
        }
        const lr = document.getElementById('lr') as HTMLInputElement;
        lr.value = '-2';
        lr.dispatchEvent(new Event('input'));
      });
      assert.equal(await p.page.locator('.lr-value').innerText(), 'η = 0.01');
      await p.page.locator('#run').click();
      await p.page.locator('#stop').click();
      const posted = await p.posted();
      assert.deepEqual(posted.slice(-2), [
        { type: 'rerun', settings: { optimizer: 'adam', learningRate: 0.01, steps: 250, init: [1.5, -2] } },
        { type: 'stop' },
      ]);
      await p.screenshot('controls');
    });

    it('reaches every control from the keyboard', async () => {
      const p = await openPanel(h, theme);
      await stream(p, 1, quadraticRun());
      // The toolbar's row, then its disclosure (summary), which Enter opens; then what it holds.
      const reached = new Set<string>();
      const tab = async (times: number) => {
        for (let i = 0; i < times; i++) {
          await p.page.keyboard.press('Tab');
          reached.add(await p.page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || ''));
          if (reached.has('summary')) return;
        }
      };
      await tab(20);
      for (const id of ['log-scale', 'play', 'timeline', 'optimizer', 'lr', 'run', 'stop', 'summary'])
        assert.ok(reached.has(id), `${id} not reachable by Tab (reached: ${[...reached]})`);
      await p.page.keyboard.press('Enter');
      for (let i = 0; i < 6; i++) {
        await p.page.keyboard.press('Tab');
        reached.add(await p.page.evaluate(() => document.activeElement?.id ?? ''));
      }
      for (const id of ['steps', 'start', 'reroll', 'export-csv'])
        assert.ok(reached.has(id), `${id} not reachable by Tab (reached: ${[...reached]})`);
    });
  });
}

/** Recorded 10-D run: gradient descent on Σ (θ_i − i/10)² from 0 — every trace heads to its target. */
function tenDimensionalRun(): { surface: SurfaceData; points: StepPoint[] } {
  const d = 10;
  const target = Array.from({ length: d }, (_, i) => i / 10);
  const points: StepPoint[] = [];
  const theta = new Array<number>(d).fill(0);
  for (let step = 0; step <= settings.steps; step++) {
    const g = theta.map((t, i) => 2 * (t - target[i]));
    points.push({
      step,
      loss: theta.reduce((s, t, i) => s + (t - target[i]) ** 2, 0),
      params: [...theta],
      gradNorm: Math.hypot(...g),
      gradient: g,
    });
    theta.forEach((_, i) => (theta[i] -= 0.1 * g[i]));
  }
  // The slice through θ₀ along the first two parameters, as the worker samples it.
  const x = linspace(-2, 2, 40);
  const y = linspace(-2, 2, 40);
  const rest = target.slice(2).reduce((s, t) => s + t * t, 0);
  return { surface: { kind: '2d', x, y, z: y.map((b) => x.map((a) => a ** 2 + (b - 0.1) ** 2 + rest)), axes: [0, 1] }, points };
}

describe('loss panel with ten parameters', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });
  for (const theme of ['light', 'dark'] as Theme[]) {
    it(`draws loss, gradient norm, parameter traces and a 2-D slice (${theme})`, async () => {
      const p = await openPanel(h, theme);
      await p.page.setViewportSize({ width: 900, height: 900 });
      await stream(p, 10, tenDimensionalRun());
      for (const id of ['#loss-chart', '#surface-map', '#grad-norm-chart', '#trace-chart']) {
        assert.ok((await canvasInk(p.page, id)) > 0.01, `${id} looks blank`);
      }
      await p.screenshot('ten-d');
      assert.deepEqual(await p.problems(), []);
    });
  }
});

describe('loss panel playback and export', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it('scrubs a finished run step by step from the keyboard and plays it', async () => {
    const p = await openPanel(h, 'dark');
    const run = quadraticRun();
    await stream(p, 1, run);
    const label = p.page.locator('.timeline-label');
    assert.match(await label.innerText(), new RegExp(`스텝 ${settings.steps} `), 'follows the newest point while streaming');
    await p.page.locator('#timeline').focus();
    await p.page.keyboard.press('Home');
    assert.match(await label.innerText(), /스텝 0 · L = 25$/);
    await p.page.keyboard.press('ArrowRight');
    assert.match(await label.innerText(), /스텝 1 · L = 16$/);
    await p.page.locator('#step-forward').click();
    assert.match(await label.innerText(), /스텝 2 /);
    await p.page.locator('#step-back').click();
    assert.match(await label.innerText(), /스텝 1 /);
    await p.page.locator('#play').click();
    await p.page.waitForFunction((n) => document.querySelector('.timeline-label')?.textContent?.startsWith(`스텝 ${n} `), settings.steps);
    await p.screenshot('playback');
    assert.deepEqual(await p.problems(), []);
  });

  it('asks the host to save CSV, JSON and a PNG of the charts', async () => {
    const p = await openPanel(h, 'light');
    await stream(p, 2, bowlRun());
    await p.page.locator('#more-settings > summary').click();
    for (const f of ['csv', 'json', 'png']) await p.page.locator(`#export-${f}`).click();
    const exports = (await p.posted()).filter((m) => m.type === 'export');
    assert.deepEqual(
      exports.map((m) => m.type === 'export' && m.format),
      ['csv', 'json', 'png'],
    );
    const png = exports[2];
    assert.ok(png.type === 'export' && png.runId === 'r1' && png.dataUrl?.startsWith('data:image/png;base64,'));
    assert.ok((png.dataUrl?.length ?? 0) > 10_000, 'the PNG holds real pixels');
  });
});

describe('loss panel streaming a long run', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it('takes 100,000 streamed steps without losing any, and keeps drawing (frame rate measured, not asserted)', async () => {
    const p = await openPanel(h, 'dark');
    await p.send(init);
    await p.page.locator('#empty-state').waitFor();
    await p.send({
      type: 'runStarted',
      runId: 'long',
      file: '/ws/long.ts',
      dimension: 2,
      paramNames: ['x', 'y'],
      settings: { ...settings, steps: 100_000 },
    } satisfies HostMessage);
    // Count animation frames in the page while the host streams 400 messages of 250 steps.
    // As source text: the TypeScript loader would wrap a named inner function in __name().
    await p.page.evaluate('window.__frames = 0; (function tick() { window.__frames++; requestAnimationFrame(tick); })();');
    const started = Date.now();
    for (let m = 0; m < 400; m++) {
      const points: StepPoint[] = [];
      for (let k = 0; k < 250; k++) {
        const step = m * 250 + k;
        const loss = 10 * Math.exp(-step / 20_000) + 0.1 * Math.sin(step / 50) ** 2;
        points.push({ step, loss, params: [Math.cos(step / 1e4), Math.sin(step / 1e4)], gradNorm: loss });
      }
      await p.send({ type: 'progress', runId: 'long', points } satisfies HostMessage);
    }
    await p.send({ type: 'runFinished', runId: 'long', reason: 'completed' } satisfies HostMessage);
    await p.page.locator('#status', { hasText: '모든 스텝을 마쳤습니다' }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    const frames = await p.page.evaluate(() => (window as unknown as { __frames: number }).__frames);
    console.log(
      `      [measure] 100,000 steps in 400 messages over ${seconds.toFixed(1)} s: ${(frames / seconds).toFixed(0)} frames/s in the panel`,
    );
    assert.match(await p.page.locator('.timeline-label').innerText(), /스텝 99999 /, 'the last step arrived');
    assert.ok((await canvasInk(p.page, '#loss-chart')) > 0.01);
    // The curve is drawn to the last step (chart.js's own decimation once stopped it at step 2,100),
    // with at most ~2,000 points, among them the run's lowest loss.
    await p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const drawn = (await p.page.evaluate(`(() => {
      const d = document.querySelector('#loss-chart').chart.data.datasets.find((x) => x.label !== 'cursor');
      return { count: d.data.length, last: d.data[d.data.length - 1].x, lowest: Math.min(...d.data.map((q) => q.y)) };
    })()`)) as { count: number; last: number; lowest: number };
    let lowest = Infinity;
    for (let step = 0; step < 100_000; step++) lowest = Math.min(lowest, 10 * Math.exp(-step / 20_000) + 0.1 * Math.sin(step / 50) ** 2);
    assert.equal(drawn.last, 99_999);
    assert.ok(drawn.count <= 2000, `${drawn.count} points drawn`);
    assert.equal(drawn.lowest, lowest);
    assert.deepEqual(await p.problems(), []);
  });
});
