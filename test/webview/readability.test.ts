/**
 * Every chart readable, whatever the numbers do (the real panel bundle in headless Chromium):
 * a race of nine optimizers where two blow up to 1e200 and then NaN, a learning-rate sweep whose
 * worst loss is 1e123, twelve random restarts, and a run that converged at step 48 of at most 1000.
 *
 * Tick labels are read from chart.js itself (the canvas's `chart`: each scale's ticks), not by OCR;
 * "something was drawn" counts pixels of the run's own colour, not any ink (axes and grid are ink
 * too). Screenshots: .artifacts/webview/readability-*-<theme>.png.
 */
import { strict as assert } from 'node:assert';
import { startHarness, openPanel, canvasColorPixels, type Harness, type Theme, type PanelPage } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage, RunSettings, StepPoint, SurfaceData } from '../../src/protocol/panelProtocol';
import { formatNumber } from '../../src/webview/numberFormat';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../src/runner/compile';
import { sampleSurface } from '../../src/runner/surface';
import { runAnalysis } from '../../src/teaching/analysis';
import type { RaceRow } from '../../src/teaching/race';

type RaceResult = { analysis: 'race'; rows: RaceRow[] };
import { analysisMessages, analysisTitle } from '../../src/commands/analysisMessages';

const settings: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 400 };
const init: HostMessage = { type: 'init', strings: panelStrings(), settings };

interface Axis {
  type: string;
  min: number;
  max: number;
  labels: string[];
  /** Each label's centre (px along the axis) and its extent (width for x, line height for y). */
  centres: number[];
  sizes: number[];
  horizontal: boolean;
}

/** Each scale of the chart behind `selector`, as chart.js laid it out. */
async function axes(p: PanelPage, selector: string): Promise<Record<string, Axis>> {
  await p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return (await p.page.evaluate(`(() => {
    const chart = document.querySelector(${JSON.stringify(selector)}).chart;
    const out = {};
    for (const [id, s] of Object.entries(chart.scales)) {
      // chart.js's own resolved tick font (size, family, the CSS font string it draws with).
      const font = s._resolveTickFontOptions(0);
      chart.ctx.save();
      chart.ctx.font = font.string;
      const labels = s.ticks.map((t) => (Array.isArray(t.label) ? t.label.join(' ') : String(t.label ?? '')));
      out[id] = {
        type: s.type,
        min: s.min,
        max: s.max,
        labels,
        centres: s.ticks.map((_, i) => s.getPixelForTick(i)),
        sizes: labels.map((l) => (s.isHorizontal() ? chart.ctx.measureText(l).width : font.size)),
        horizontal: s.isHorizontal(),
      };
      chart.ctx.restore();
    }
    return out;
  })()`)) as Record<string, Axis>;
}

/** (a) no label longer than ten characters, (b) no two neighbouring labels equal, and no two overlapping. */
function assertReadable(name: string, axis: Axis): void {
  const shown = axis.labels.map((l, i) => ({ l, c: axis.centres[i], s: axis.sizes[i] })).filter((t) => t.l !== '');
  assert.ok(shown.length >= 2, `${name}: only ${shown.length} labels (${axis.labels.join(' | ')})`);
  for (const t of shown) assert.ok(t.l.length <= 10, `${name}: label "${t.l}" is longer than 10 characters`);
  shown.forEach((t, i) => {
    if (i === 0) return;
    const prev = shown[i - 1];
    assert.notEqual(t.l, prev.l, `${name}: two neighbouring labels read "${t.l}" (${axis.labels.join(' | ')})`);
    const gap = Math.abs(t.c - prev.c);
    assert.ok(gap >= (t.s + prev.s) / 2 + 2, `${name}: "${prev.l}" and "${t.l}" overlap (${gap.toFixed(1)} px apart)`);
  });
}

/** The legend's run colours, as the page computes them. */
async function legendColors(p: PanelPage): Promise<string[]> {
  return (await p.page.evaluate(
    // Each run's own swatch (its first): filled, or for runs past ten colours a dashed line in the colour.
    `[...document.querySelectorAll('#legend .legend-item')].map((b) => { const s = getComputedStyle(b.querySelector('.swatch')); return s.backgroundColor === 'rgba(0, 0, 0, 0)' ? s.borderTopColor : s.backgroundColor; })`,
  )) as string[];
}

/** The legend's run labels. */
async function legendLabels(p: PanelPage): Promise<string[]> {
  return (await p.page.evaluate(
    `[...document.querySelectorAll('#legend .legend-item .label:not(.test-label)')].map((e) => e.textContent)`,
  )) as string[];
}

/** Pixels of `color` inside a CSS-pixel rectangle of the canvas. */
async function pixelsIn(p: PanelPage, selector: string, color: string, rect: { left: number; top: number; right: number; bottom: number }) {
  return (await p.page.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(selector)});
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = ${JSON.stringify(color)};
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const k = canvas.width / canvas.getBoundingClientRect().width;
    const rect = ${JSON.stringify(rect)};
    const x0 = Math.max(0, Math.floor(rect.left * k)), y0 = Math.max(0, Math.floor(rect.top * k));
    const w = Math.max(1, Math.min(canvas.width, Math.ceil(rect.right * k)) - x0), h = Math.max(1, Math.min(canvas.height, Math.ceil(rect.bottom * k)) - y0);
    const { data } = canvas.getContext('2d').getImageData(x0, y0, w, h);
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40 && data[i + 3] > 200) n++;
    return n;
  })()`)) as number;
}

async function chartArea(p: PanelPage, selector: string): Promise<{ left: number; top: number; right: number; bottom: number }> {
  return (await p.page.evaluate(`(() => {
    const a = document.querySelector(${JSON.stringify(selector)}).chart.chartArea;
    return { left: a.left, top: a.top, right: a.right, bottom: a.bottom };
  })()`)) as { left: number; top: number; right: number; bottom: number };
}

// ── realistic runs ──────────────────────────────────────────────────────────

const linspace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

/** A run that falls from `start` to `end` in `steps` steps, fast first (time constant tau), wobbling a little, towards `to`. */
function calmRun(start: number, end: number, steps: number, tau: number, from: [number, number], to: [number, number]): StepPoint[] {
  const total = 1 - Math.exp(-steps / tau);
  return Array.from({ length: steps + 1 }, (_, t) => {
    const s = (1 - Math.exp(-t / tau)) / total;
    const wobble = 1 + 0.15 * Math.sin(t / 5) * (1 - s);
    const loss = Math.exp(Math.log(start) + (Math.log(end) - Math.log(start)) * s) * wobble;
    const params = [from[0] + (to[0] - from[0]) * s, from[1] + (to[1] - from[1]) * s];
    return { step: t, loss, params, gradNorm: 2 * Math.sqrt(loss) };
  });
}

/** A run that blows up: from `start` to 1e200 in `steps` steps, then NaN. */
function divergedRun(start: number, steps: number, from: [number, number]): StepPoint[] {
  const points: StepPoint[] = Array.from({ length: steps + 1 }, (_, t) => {
    const loss = 10 ** (Math.log10(start) + (200 - Math.log10(start)) * (t / steps) ** 3);
    const grow = 1 + 1e3 * (t / steps) ** 4;
    return { step: t, loss, params: [from[0] * grow, from[1] * grow], gradNorm: Math.sqrt(loss) };
  });
  points.push({ step: steps + 1, loss: NaN, params: [NaN, NaN], gradNorm: NaN });
  return points;
}

const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

function rosenbrockSurface(): SurfaceData {
  const x = linspace(-2, 2, 60);
  const y = linspace(-1, 3, 60);
  return { kind: '2d', x, y, z: y.map((yj) => x.map((xi) => rosenbrock(xi, yj))), axes: [0, 1] };
}

interface Runner {
  optimizer: RunSettings['optimizer'];
  learningRate: number;
  points: StepPoint[];
  reason: 'completed' | 'converged' | 'diverged';
}

/** The race on Rosenbrock from (−1.5, 2), L = 24.5 … (momentum and nesterov with too large a rate blow up). */
function race(): Runner[] {
  const from: [number, number] = [-1.5, 2];
  const start = rosenbrock(...from);
  return [
    { optimizer: 'sgd', learningRate: 0.001, points: calmRun(start, 2.1e-3, 400, 150, from, [0.95, 0.9]), reason: 'completed' },
    { optimizer: 'momentum', learningRate: 0.004, points: divergedRun(start, 40, from), reason: 'diverged' },
    { optimizer: 'nesterov', learningRate: 0.004, points: divergedRun(start, 55, from), reason: 'diverged' },
    { optimizer: 'adagrad', learningRate: 0.5, points: calmRun(start, 4e-2, 400, 90, from, [0.8, 0.64]), reason: 'completed' },
    { optimizer: 'rmsprop', learningRate: 0.01, points: calmRun(start, 3e-4, 400, 70, from, [0.98, 0.97]), reason: 'completed' },
    { optimizer: 'adam', learningRate: 0.05, points: calmRun(start, 2e-5, 400, 50, from, [1, 1]), reason: 'completed' },
    { optimizer: 'adamw', learningRate: 0.05, points: calmRun(start, 6e-5, 400, 60, from, [1, 1]), reason: 'completed' },
    { optimizer: 'newton', learningRate: 1, points: calmRun(start, 1e-6, 6, 1.5, from, [1, 1]), reason: 'converged' },
    { optimizer: 'lbfgs', learningRate: 1, points: calmRun(start, 3e-6, 32, 8, from, [1, 1]), reason: 'converged' },
  ];
}

async function showRace(p: PanelPage): Promise<Runner[]> {
  const runners = race();
  await p.send(init);
  await p.page.locator('#empty-state').waitFor({ state: 'attached' });
  await p.send({ type: 'analysisStarted', title: '옵티마이저 경주', kind: 'race' } satisfies HostMessage);
  await p.send({ type: 'surface', runId: 'surface', surface: rosenbrockSurface() } satisfies HostMessage);
  for (const [i, r] of runners.entries()) {
    const runId = `run-${i + 1}`;
    await p.send({
      type: 'runStarted',
      runId,
      file: 'rosenbrock.ts',
      dimension: 2,
      paramNames: ['x', 'y'],
      settings: { optimizer: r.optimizer, learningRate: r.learningRate, steps: 400 },
    } satisfies HostMessage);
    await p.send({ type: 'progress', runId, points: r.points } satisfies HostMessage);
    const last = r.points[r.points.length - 1];
    await p.send({ type: 'runFinished', runId, reason: r.reason, step: last.step } satisfies HostMessage);
  }
  await p.send({
    type: 'table',
    id: 'race',
    title: '옵티마이저 경주',
    columns: ['옵티마이저', '학습률', '허용 오차까지 스텝', '최종 손실', '끝점'],
    rows: runners.map((r) => {
      const last = r.points[r.points.length - 1];
      return [
        r.optimizer,
        r.learningRate,
        r.reason === 'diverged' ? '도달하지 못함' : last.step,
        r.reason === 'diverged' ? null : last.loss,
        '(1, 1)',
      ];
    }),
    highlight: 7,
  } satisfies HostMessage);
  await p.page.locator('#table-race').waitFor();
  return runners;
}

/**
 * The race of all nine optimizers on examples/rosenbrock.ts at η = 0.05, computed by the engine
 * and sent as the extension sends it: sgd, momentum and nesterov blow up within a few steps; adam
 * reaches 8.5e-9, lbfgs 3e-12, newton exactly 0, adagrad stays near 2.
 */
let realRace: { messages: HostMessage[]; result: RaceResult } | undefined;
function rosenbrockRace(): { messages: HostMessage[]; result: RaceResult } {
  if (realRace) return realRace;
  const file = path.resolve(__dirname, '../../examples/rosenbrock.ts');
  const loss = compileLoss(readFileSync(file, 'utf8'), file);
  const result = runAnalysis(loss, 'race', { options: { learningRate: 0.05 } }) as RaceResult;
  let n = 0;
  realRace = {
    result,
    messages: [
      { type: 'analysisStarted', title: analysisTitle('race'), kind: 'race' },
      { type: 'surface', runId: 'surface', surface: sampleSurface(loss, { grid: 40 }) },
      ...analysisMessages(result, file, loss.dimension, loss.paramNames, () => `run-${++n}`),
    ],
  };
  return realRace;
}

/** Final loss of L = (w − 3)² from w = −2 after 30 steps of rate η: 25·(1 − 2η)^60 — 1e123 and NaN where it diverged. */
function sweepMessage(): HostMessage {
  const rates = Array.from({ length: 25 }, (_, i) => 1e-3 * 10 ** ((4 * i) / 24));
  const points = rates.map((learningRate, i) => {
    const loss = 25 * (1 - 2 * learningRate) ** 60;
    if (i === rates.length - 2) return { learningRate, finalLoss: 1e123, diverged: true };
    if (i === rates.length - 1) return { learningRate, finalLoss: null, diverged: true };
    return { learningRate, finalLoss: loss, diverged: loss > 25 };
  });
  return {
    type: 'sweep',
    id: 'sweep',
    title: '학습률 훑어보기',
    axis: { learningRate: '학습률', finalLoss: '최종 손실', diverged: '발산' },
    points,
    boundary: { stable: 1, diverged: 1.15 },
    rules: [{ limit: 1, label: 'η = 2/λ_max = 1' }],
  };
}

/** Twelve starts on Himmelblau, each to one of its four minima. */
function restarts(): StepPoint[][] {
  const minima: Array<[number, number]> = [
    [3, 2],
    [-2.805, 3.131],
    [-3.779, -3.283],
    [3.584, -1.848],
  ];
  return Array.from({ length: 12 }, (_, k) => {
    const from: [number, number] = [4 * Math.cos(k * 2.4), 4 * Math.sin(k * 1.7)];
    const start = 20 + 15 * k;
    return calmRun(start, 10 ** -(6 + (k % 4)), 60 + 5 * k, 8 + k, from, minima[k % 4]);
  });
}

/** A quadratic run of at most 1000 steps that converged: L = 25·0.64^t until |ΔL| < 1e-8 (step 48). */
function convergedRun(): StepPoint[] {
  const points: StepPoint[] = [];
  let w = -2;
  for (let step = 0; step <= 1000; step++) {
    const loss = (w - 3) ** 2;
    points.push({ step, loss, params: [w], gradNorm: Math.abs(2 * (w - 3)) });
    if (step > 0 && Math.abs(points[step - 1].loss - loss) < 1e-8) break;
    w -= 0.1 * 2 * (w - 3);
  }
  return points;
}

for (const theme of ['light', 'dark', 'high-contrast'] as Theme[]) {
  describe(`readable charts (${theme} theme)`, function () {
    this.timeout(60_000);
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h?.close();
    });

    it('optimizer race, two runners diverged: log loss axis set by the seven others, nine colours, each curve drawn, ✕ where the two ended', async () => {
      const p = await openPanel(h, theme);
      const runners = await showRace(p);
      const scales = await axes(p, '#loss-chart');
      assertReadable('race step axis', scales.x);
      assertReadable('race loss axis', scales.y);
      // (d) logarithmic, and spanning the calm runs (24.5 … 1e-6), not the 1e200 of the two that blew up.
      assert.equal(scales.y.type, 'logarithmic');
      assert.ok(scales.y.max <= 100 && scales.y.max >= 24.5, `loss axis up to ${scales.y.max}`);
      assert.ok(scales.y.min <= 1e-6 && scales.y.min >= 1e-7, `loss axis down to ${scales.y.min}`);
      assert.equal(scales.x.max, 400, 'the step axis ends at the last step drawn');
      // (c) nine runners, nine colours.
      const colors = await legendColors(p);
      assert.equal(colors.length, 9);
      assert.equal(new Set(colors).size, 9, colors.join(' '));
      // The two diverged runners are marked in the legend; the others are not.
      const labels = await legendLabels(p);
      runners.forEach((r, i) => assert.equal(/✕/.test(labels[i]), r.reason === 'diverged', labels[i]));
      // (e) every runner's own colour is on the canvas — hiding it takes it away.
      const area = await chartArea(p, '#loss-chart');
      for (const [i, color] of colors.entries()) {
        const n = await canvasColorPixels(p.page, '#loss-chart', color);
        assert.ok(n > 40, `${runners[i].optimizer}: ${n} pixels of ${color}`);
      }
      const adam = p.page.locator('#legend .legend-item').nth(5);
      const before = await canvasColorPixels(p.page, '#loss-chart', colors[5]);
      await adam.click();
      await p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      assert.ok((await canvasColorPixels(p.page, '#loss-chart', colors[5])) < before / 5, 'the pixels counted were adam’s curve');
      await adam.click();
      await p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      // A ✕ where each diverged curve ends: its last finite loss is far above the axis, so at the top edge, at its step.
      for (const i of [1, 2]) {
        const lastStep = runners[i].points[runners[i].points.length - 2].step;
        const x = area.left + ((lastStep - scales.x.min) / (scales.x.max - scales.x.min)) * (area.right - area.left);
        const box = { left: x - 9, right: x + 9, top: area.top - 1, bottom: area.top + 14 };
        assert.ok((await pixelsIn(p, '#loss-chart', colors[i], box)) > 15, `${runners[i].optimizer}: no ✕ at step ${lastStep}`);
      }
      // The table's numbers in the panel's one format.
      const cells = (await p.page.evaluate(
        `[...document.querySelectorAll('#table-race tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))`,
      )) as string[][];
      runners.forEach((r, i) => {
        const last = r.points[r.points.length - 1];
        assert.equal(cells[i][1], formatNumber(r.learningRate));
        assert.equal(cells[i][3], r.reason === 'diverged' ? '—' : formatNumber(last.loss));
        assert.ok(cells[i][3].length <= 10, cells[i][3]);
      });
      await p.screenshot('readability-race');
      assert.deepEqual(await p.problems(), []);
    });

    it('the real race of nine optimizers on rosenbrock.ts at η = 0.05: three diverge, the six others read apart on a log axis', async () => {
      const { messages, result } = rosenbrockRace();
      const diverged = result.rows.map((r) => r.finalLoss === null);
      assert.deepEqual(
        result.rows.filter((_, i) => diverged[i]).map((r) => r.label),
        ['sgd', 'momentum', 'nesterov'],
        'the engine’s race has these three diverge (the test is about them)',
      );
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#empty-state').waitFor({ state: 'attached' });
      for (const m of messages) await p.send(m);
      await p.page.locator('#table-race').waitFor();
      await p.page.waitForTimeout(250);
      const scales = await axes(p, '#loss-chart');
      assertReadable('real race step axis', scales.x);
      assertReadable('real race loss axis', scales.y);
      assert.equal(scales.y.type, 'logarithmic', 'losses spanning decades get a log axis by themselves');
      assert.equal(await p.page.locator('#log-scale').evaluate((e) => (e as unknown as { checked: boolean }).checked), true);
      // The axis is set by the calm runs (newton's second step overshoots to 1.4e3), not by the blown-up ones (1e174 … 1e222).
      // (Over the points the panel was sent: the host thins long runs.)
      const sent = new Map<string, number[]>();
      for (const m of messages)
        if (m.type === 'progress') sent.set(m.runId, [...(sent.get(m.runId) ?? []), ...m.points.map((q) => q.loss)]);
      const calmLosses = [...sent.values()].filter((_, i) => !diverged[i]).flatMap((ls) => ls.filter(Number.isFinite));
      const calmMax = Math.max(...calmLosses);
      assert.ok(scales.y.max >= calmMax && scales.y.max <= 10 * calmMax, `loss axis up to ${scales.y.max}, highest calm loss ${calmMax}`);
      const calmMin = Math.min(...calmLosses.filter((l) => l > 0));
      assert.ok(scales.y.min <= calmMin, `loss axis down to ${scales.y.min}, lowest positive calm loss ${calmMin}`);

      const labels = await legendLabels(p);
      const colors = await legendColors(p);
      assert.equal(labels.length, 9);
      assert.equal(new Set(colors).size, 9, colors.join(' '));
      labels.forEach((l, i) => assert.equal(/✕ 발산/.test(l), diverged[i], l));
      for (const [i, color] of colors.entries()) {
        if (diverged[i]) continue;
        const n = await canvasColorPixels(p.page, '#loss-chart', color);
        assert.ok(n > 40, `${result.rows[i].label}: ${n} pixels of ${color}`);
      }
      // Read apart: the calm runs' final losses (those that differ tenfold or more) end at least 8 px apart on the axis.
      const ends = (await p.page.evaluate(`(() => {
        const chart = document.querySelector('#loss-chart').chart;
        return ${JSON.stringify(result.rows.map((r) => r.finalLoss))}.map((l) => (l && l > 0 ? chart.scales.y.getPixelForValue(l) : null));
      })()`)) as Array<number | null>;
      const calm = result.rows.map((r, i) => ({ label: r.label, loss: r.finalLoss, y: ends[i] })).filter((r) => r.loss && r.y !== null);
      for (const a of calm)
        for (const b of calm)
          if ((a.loss as number) > 10 * (b.loss as number))
            assert.ok(
              Math.abs((a.y as number) - (b.y as number)) >= 8,
              `${a.label} (${a.loss}) and ${b.label} (${b.loss}) end ${Math.abs((a.y as number) - (b.y as number)).toFixed(1)} px apart`,
            );
      await p.screenshot('readability-real-race');
      assert.deepEqual(await p.problems(), []);
    });

    it('learning-rate sweep with a loss of 1e123: powers of ten on both axes, no crowded labels, the stable rates fill the chart', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#empty-state').waitFor({ state: 'attached' });
      await p.send({ type: 'analysisStarted', title: '학습률 훑어보기', kind: 'sweep' } satisfies HostMessage);
      await p.send(sweepMessage());
      await p.page.locator('#sweep-chart').waitFor();
      const scales = await axes(p, '#sweep-chart');
      assertReadable('sweep learning-rate axis', scales.x);
      assertReadable('sweep loss axis', scales.y);
      assert.deepEqual(scales.x.labels, ['0.001', '0.01', '0.1', '1', '10']);
      assert.ok(
        scales.y.labels.every((l) => l === '' || /^1(e-?\d+)?$|^0\.0*1$|^10*$/.test(l)),
        `loss ticks are powers of ten: ${scales.y.labels.join(' | ')}`,
      );
      // The axis stops a decade above the highest stable loss (25): the ✕ of 1e123 and of NaN sit on that row.
      assert.ok(scales.y.max <= 1000, `loss axis up to ${scales.y.max}`);
      const red = (await p.page.evaluate(
        `(() => { const c = document.querySelector('#sweep-chart').chart; return c.data.datasets[1].borderColor; })()`,
      )) as string;
      const blue = (await p.page.evaluate(
        `(() => { const c = document.querySelector('#sweep-chart').chart; return c.data.datasets[0].borderColor; })()`,
      )) as string;
      assert.ok((await canvasColorPixels(p.page, '#sweep-chart', blue)) > 150, 'the stable rates’ line');
      assert.ok((await canvasColorPixels(p.page, '#sweep-chart', red)) > 40, 'the diverged rates’ ✕');
      await p.page.locator('#sweep-sweep').scrollIntoViewIfNeeded();
      await p.screenshot('readability-sweep');
      assert.deepEqual(await p.problems(), []);
    });

    it('twelve restarts: the first ten in ten colours, the eleventh and twelfth dashed, log loss axis', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#empty-state').waitFor({ state: 'attached' });
      await p.send({ type: 'analysisStarted', title: '무작위 재시작과 분지', kind: 'restarts' } satisfies HostMessage);
      for (const [i, points] of restarts().entries()) {
        const runId = `run-${i + 1}`;
        await p.send({
          type: 'runStarted',
          runId,
          file: `himmelblau.ts · 시작 ${i + 1}`,
          dimension: 2,
          paramNames: ['x', 'y'],
          settings: { optimizer: 'sgd', learningRate: 0.01, steps: points.length - 1, init: points[0].params },
        } satisfies HostMessage);
        await p.send({ type: 'progress', runId, points } satisfies HostMessage);
        await p.send({ type: 'runFinished', runId, reason: 'completed' } satisfies HostMessage);
      }
      const scales = await axes(p, '#loss-chart');
      assertReadable('restarts step axis', scales.x);
      assertReadable('restarts loss axis', scales.y);
      assert.equal(scales.y.type, 'logarithmic');
      const colors = await legendColors(p);
      assert.equal(colors.length, 12);
      assert.equal(new Set(colors.slice(0, 10)).size, 10, colors.join(' '));
      const dashes = (await p.page.evaluate(
        `document.querySelector('#loss-chart').chart.data.datasets.filter((d) => d.label !== 'cursor').map((d) => (d.borderDash ?? []).join(','))`,
      )) as string[];
      assert.deepEqual(
        dashes.map((d) => d !== ''),
        [...Array<boolean>(10).fill(false), true, true],
      );
      // Run 11 repeats run 1's colour: told apart by its dashes, and both are drawn.
      assert.equal(colors[10], colors[0]);
      for (const [i, color] of colors.slice(0, 10).entries()) {
        assert.ok((await canvasColorPixels(p.page, '#loss-chart', color)) > 40, `start ${i + 1}: ${color}`);
      }
      await p.screenshot('readability-restarts');
      assert.deepEqual(await p.problems(), []);
    });

    it('a run that converged at step 48 of at most 1000: the step axis ends at 48, the loss axis is logarithmic, the whole curve is drawn', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#empty-state').waitFor({ state: 'attached' });
      const points = convergedRun();
      const last = points[points.length - 1].step;
      await p.send({
        type: 'runStarted',
        runId: 'q',
        file: '/ws/quadratic.ts',
        dimension: 1,
        paramNames: ['w'],
        settings: { optimizer: 'sgd', learningRate: 0.1, steps: 1000, tolerance: 1e-8 },
        setsControls: true,
      } satisfies HostMessage);
      await p.send({ type: 'progress', runId: 'q', points } satisfies HostMessage);
      await p.send({ type: 'runFinished', runId: 'q', reason: 'converged', step: last } satisfies HostMessage);
      const scales = await axes(p, '#loss-chart');
      assertReadable('converged step axis', scales.x);
      assertReadable('converged loss axis', scales.y);
      assert.equal(scales.x.max, last, `the step axis ends at the run's last step (${last}), not at 1000`);
      assert.equal(scales.y.type, 'logarithmic');
      // Not "a drop at step 0, then nothing": the run's colour is in the right half of the plot as well.
      const [color] = await legendColors(p);
      const area = await chartArea(p, '#loss-chart');
      const right = await pixelsIn(p, '#loss-chart', color, { ...area, left: (area.left + area.right) / 2 });
      assert.ok(right > 100, `only ${right} pixels of the curve in the right half`);
      await p.screenshot('readability-converged');
      assert.deepEqual(await p.problems(), []);
    });
  });
}
