/**
 * The panel's layout as a learner meets it, in light, dark and high contrast, at 320 px (the panel
 * beside the editor in a 1280 × 800 window is about 310 px wide) and at 1200 px: the picture is on
 * the first screen, the training form is a compact toolbar with its less used settings behind a
 * closed disclosure, every view has a title and a caption sentence, a teaching view shows no
 * training form, no text overflows its box, tables are whole, the playback bar waits for a run's
 * second point. The messages are the extension's own (analysisMessages, networkTables) computed
 * by the engine on the example files. Full-page screenshots: .artifacts/webview/layout-*.png.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startHarness, openPanel, THEMES, type Harness, type PanelPage } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage, RunSettings, StepPoint, SurfaceData } from '../../src/protocol/panelProtocol';
import { compileLoss } from '../../src/runner/compile';
import { sampleSurface } from '../../src/runner/surface';
import { trainLoss } from '../../src/runner/trainLoss';
import { runAnalysis, type AnalysisName, type AnalysisRequest } from '../../src/teaching/analysis';
import { analysisMessages, analysisTitle, stepPoints } from '../../src/commands/analysisMessages';
import { backpropCostTable } from '../../src/commands/backpropCostTable';
import { networkTables } from '../../src/commands/networkTables';
import { decisionBoundary } from '../../src/teaching/decisionBoundary';
import { networkInfo } from '../../src/teaching/networkInfo';
import { backpropGraph } from '../../src/teaching/backpropGraph';
import { backpropCost } from '../../src/teaching/backpropCost';

const examples = path.resolve(__dirname, '../../examples');
const settings: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 30 };
const init: HostMessage = { type: 'init', strings: panelStrings(), settings };
/** Panel widths: beside the editor, and full width. LAYOUT_WIDTHS=300,600,1600 tries others. */
const WIDTHS = (process.env.LAYOUT_WIDTHS ?? '320,1200').split(',').map(Number);
/** A 1280 × 800 window: the first screen of the panel is 800 px high at most. */
const FIRST_SCREEN = 800;

interface Case {
  name: string;
  /** The view's main picture: its top must be on the first screen. */
  picture: string;
  /** A training view (toolbar shown) or a teaching view (no training form). */
  mode: 'train' | 'analysis';
  messages: HostMessage[];
}

function analysisCase(name: string, example: string, analysis: AnalysisName, request: AnalysisRequest, picture: string): Case {
  const file = path.join(examples, example);
  const loss = compileLoss(readFileSync(file, 'utf8'), file);
  const result = runAnalysis(loss, analysis, request);
  let n = 0;
  return {
    name,
    picture,
    mode: 'analysis',
    messages: [
      { type: 'analysisStarted', title: analysisTitle(analysis), kind: analysis },
      { type: 'surface', runId: 'surface', surface: sampleSurface(loss, { grid: 40 }) },
      ...analysisMessages(result, file, loss.dimension, loss.paramNames, () => `run-${++n}`),
    ],
  };
}

/** Gradient descent on L(w) = (w − 3)² from w = −2, η = 0.1, with the sampled curve: as the worker streams it. */
function quadraticCase(): Case {
  const x = Array.from({ length: 120 }, (_, i) => -4 + (12 * i) / 119);
  const surface: SurfaceData = { kind: '1d', x, z: x.map((v) => (v - 3) ** 2) };
  const points: StepPoint[] = [];
  let w = -2;
  for (let step = 0; step <= settings.steps; step++) {
    const g = 2 * (w - 3);
    points.push({ step, loss: (w - 3) ** 2, params: [w], gradNorm: Math.abs(g), gradient: [g] });
    w -= settings.learningRate * g;
  }
  return {
    name: 'train-quadratic',
    picture: '#loss-chart',
    mode: 'train',
    messages: [
      {
        type: 'runStarted',
        runId: 'q',
        file: path.join(examples, 'quadratic.ts'),
        dimension: 1,
        paramNames: ['w'],
        settings,
        setsControls: true,
      },
      { type: 'surface', runId: 'q', surface },
      { type: 'progress', runId: 'q', points: points.slice(0, 1) },
      { type: 'progress', runId: 'q', points: points.slice(1) },
      { type: 'runFinished', runId: 'q', reason: 'completed', step: settings.steps },
      {
        type: 'diagnosis',
        runId: 'q',
        findings: [{ code: 'converged', text: '손실이 최솟값 근처로 줄었습니다.', glossary: 'convergence' }],
      },
    ],
  };
}

/** The two-moons network: loss, decision boundary, parameter tables and weights, as one training run sends them. */
function networkCase(): Case {
  const file = path.join(examples, 'moons-network.ts');
  const loss = compileLoss(readFileSync(file, 'utf8'), file);
  const run = trainLoss(loss, { steps: 150 });
  const boundary = decisionBoundary(loss, run.params[run.params.length - 1]);
  const info = networkInfo(run);
  assert.ok(boundary && info);
  const ran: RunSettings = { optimizer: 'adam', learningRate: 0.05, steps: 150, batchSize: 50 };
  return {
    name: 'train-network',
    picture: '#decision-boundary canvas',
    mode: 'train',
    messages: [
      { type: 'runStarted', runId: 'n', file, dimension: loss.dimension, paramNames: loss.paramNames, settings: ran, setsControls: true },
      { type: 'progress', runId: 'n', points: stepPoints(run) },
      { type: 'boundary', runId: 'n', boundary },
      { type: 'runFinished', runId: 'n', reason: 'completed', step: 150 },
      ...networkTables(info),
    ],
  };
}

function graphCase(): Case {
  const file = path.join(examples, 'rosenbrock.ts');
  const source = readFileSync(file, 'utf8');
  const g = backpropGraph(source, file);
  const loss = compileLoss(source, file, { fuse: false });
  return {
    name: 'backprop-graph',
    picture: '#backprop-graph .graph-scroller',
    mode: 'analysis',
    messages: [
      { type: 'analysisStarted', title: '역전파 그래프: rosenbrock.ts', kind: 'graph' },
      {
        type: 'graph',
        title: `테이프의 노드 ${g.tapeNodes}개; L = ${Number(g.value.toPrecision(6))}`,
        graph: { nodes: g.nodes.map(({ op: _op, ...n }) => n), edges: g.edges, root: g.root },
      },
      backpropCostTable(backpropCost(loss, loss.init ?? [0, 0], 5)),
    ],
  };
}

/**
 * Text that overflows its box: elements with visible text whose content is wider than they are,
 * or that reach past the page's right edge. Scroll boxes made on purpose (a wide table, the graph,
 * the weight grids) and screen-reader-only text are skipped. As source text: the TypeScript
 * loader would wrap named functions in __name(), which the page does not have.
 */
const OVERFLOWS = `(() => {
  const scrollers = '.analysis-table, .graph-scroller, .weights-grids';
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const e of document.querySelectorAll('#app *')) {
    if (e.closest('.visually-hidden') || e.closest(scrollers)) continue;
    const rects = e.getClientRects();
    if (rects.length === 0 || getComputedStyle(e).visibility !== 'visible') continue;
    const text = [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim() !== '');
    if (!text && e.tagName !== 'CANVAS') continue;
    const r = e.getBoundingClientRect();
    const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '');
    const snippet = (e.textContent || '').trim().slice(0, 40);
    if (r.right > width + 1 || r.left < -1) out.push(name + ' reaches ' + Math.round(r.left) + '…' + Math.round(r.right) + ' of ' + width + ': ' + snippet);
    else if (getComputedStyle(e).display !== 'inline' && e.tagName !== 'CANVAS' && e.scrollWidth > e.clientWidth + 1)
      out.push(name + ' ' + e.scrollWidth + ' > ' + e.clientWidth + ': ' + snippet);
  }
  // A scrolling table's title does not scroll: it stays inside its box.
  for (const c of document.querySelectorAll('.analysis-table caption')) {
    if (c.classList.contains('visually-hidden')) continue;
    const box = c.closest('.analysis-table').getBoundingClientRect();
    const r = c.getBoundingClientRect();
    if (r.right > box.right + 1) out.push('caption ' + Math.round(r.right) + ' > ' + Math.round(box.right) + ': ' + c.textContent.trim().slice(0, 40));
  }
  if (document.documentElement.scrollWidth > width + 1) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
  return out;
})()`;

/** Visible headings (h1–h3, table captions) that say the same thing twice. */
const REPEATED_HEADINGS = `(() => {
  const seen = new Map();
  for (const e of document.querySelectorAll('#app h1, #app h2, #app h3, #app caption')) {
    if (e.closest('.visually-hidden') || e.classList.contains('visually-hidden') || e.getClientRects().length === 0) continue;
    const t = (e.textContent || '').trim();
    seen.set(t, (seen.get(t) || 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([t]) => t);
})()`;

/**
 * Visible charts that show no data. A chart.js chart counts the points of its visible datasets
 * (not the playback cursor): axes alone do not count. Any other canvas (heat and cell maps, the
 * decision boundary, the weights) draws no axes, so there its share of pixels that differ from
 * the top-left pixel is its data.
 */
const EMPTY_CHARTS = `(() => {
  const out = [];
  for (const c of document.querySelectorAll('#app canvas')) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || c.closest('[hidden]') || getComputedStyle(c).visibility !== 'visible') continue;
    const name = c.id || c.closest('[id]')?.id || c.className;
    const chart = c.chart;
    if (chart) {
      let points = 0;
      chart.data.datasets.forEach((d, i) => {
        if (d.label !== 'cursor' && chart.isDatasetVisible(i)) points += chart.getDatasetMeta(i).data.length;
      });
      if (points === 0) out.push(name + ': a chart with no data');
      continue;
    }
    const ctx = c.getContext('2d');
    if (!ctx) continue;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) + Math.abs(data[i + 3] - data[3]) > 24) ink++;
    if (ink / (data.length / 4) < 0.05) out.push(name + ': a blank canvas');
  }
  return out;
})()`;

/**
 * Unreadable axes on any visible chart.js chart: a tick label longer than ten characters, or two
 * neighbouring labels that read the same (chart.js's own laid-out ticks).
 */
const BAD_TICKS = `(() => {
  const out = [];
  for (const c of document.querySelectorAll('#app canvas')) {
    const chart = c.chart;
    if (!chart || c.closest('[hidden]') || c.getBoundingClientRect().width === 0) continue;
    const name = c.id || c.closest('[id]')?.id || 'chart';
    for (const [id, scale] of Object.entries(chart.scales)) {
      const labels = scale.ticks.map((t) => (Array.isArray(t.label) ? t.label.join(' ') : String(t.label ?? ''))).filter((l) => l !== '');
      for (const l of labels) if (l.length > 10) out.push(name + ' ' + id + ': "' + l + '" is longer than 10 characters');
      for (let i = 1; i < labels.length; i++) if (labels[i] === labels[i - 1]) out.push(name + ' ' + id + ': two neighbouring labels "' + labels[i] + '"');
    }
  }
  return out;
})()`;

/** Tables whose box cuts rows off (a box may scroll sideways, never hide rows). */
const CLIPPED_TABLES = `[...document.querySelectorAll('.analysis-table')].filter((b) => b.scrollHeight > b.clientHeight + 1).map((b) => b.id)`;

async function pageTop(p: PanelPage, selector: string): Promise<number> {
  const top = await p.page
    .locator(selector)
    .first()
    .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  return Math.round(top);
}

describe('panel layout: the picture first, a compact toolbar, a caption per view', function () {
  this.timeout(120_000);
  let h: Harness;
  let cases: Case[];
  before(async () => {
    h = await startHarness();
    cases = [
      quadraticCase(),
      networkCase(),
      analysisCase('race', 'rosenbrock.ts', 'race', { options: { steps: 40 } }, '#loss-chart'),
      analysisCase('restarts', 'himmelblau.ts', 'restarts', { count: 12, seed: 1, mapGrid: 16 }, '#loss-chart'),
      analysisCase('sweep', 'bowl.ts', 'sweep', { from: 1e-3, to: 10, count: 25 }, '#sweep-chart'),
      analysisCase('curvature', 'saddle.ts', 'curvature', { grid: 16 }, '#map-definiteness canvas'),
      analysisCase('why-iterate', 'quadratic.ts', 'whyIterate', {}, '#loss-chart'),
      analysisCase('batch-sizes', 'moons-network.ts', 'batchSizes', { options: { steps: 60 } }, '#loss-chart'),
      graphCase(),
    ];
  });
  after(async () => {
    await h?.close();
  });

  it('a teaching view being computed says so under its title; one that failed shows the error as its title, without a caption', async () => {
    const p = await openPanel(h, 'dark', undefined, { width: 320, height: FIRST_SCREEN });
    await p.send(init);
    await p.send({ type: 'analysisStarted', title: '옵티마이저 경주', kind: 'race' });
    await p.page.locator('.analysis-title').waitFor();
    assert.equal(await p.page.locator('#view-caption').innerText(), '파일의 현재 내용으로 계산하고 있습니다…');
    assert.equal(await p.page.locator('#run-bar').isVisible(), false);
    assert.equal(await p.page.locator('#empty-state').isVisible(), false);
    await p.send({ type: 'analysisStarted', title: '옵티마이저 경주 — 손실 함수를 찾을 수 없습니다', kind: 'race', failed: true });
    await p.page.locator('.analysis-title', { hasText: '찾을 수 없습니다' }).waitFor();
    assert.equal(await p.page.locator('#view-caption').isVisible(), false);
    assert.deepEqual(await p.problems(), []);
  });

  it('the empty-chart check sees data, not axes: a loss chart shown before its first point is reported', async () => {
    const p = await openPanel(h, 'light', undefined, { width: 320, height: FIRST_SCREEN });
    await p.send(init);
    await p.send({ type: 'runStarted', runId: 'e', file: 'quadratic.ts', dimension: 1, paramNames: ['w'], settings, setsControls: true });
    // Unhide the loss chart's box by hand before any point: chart.js still draws its axes there.
    await p.page.evaluate(() => {
      const box = document.querySelector('#loss-chart')?.parentElement;
      if (box) box.hidden = false;
    });
    await p.page.waitForTimeout(250);
    assert.deepEqual(await p.page.evaluate(EMPTY_CHARTS), ['loss-chart: a chart with no data']);
    await p.send({ type: 'progress', runId: 'e', points: [{ step: 0, loss: 25, params: [-2], gradNorm: 10 }] });
    await p.page.waitForTimeout(250);
    assert.deepEqual(await p.page.evaluate(EMPTY_CHARTS), []);
  });

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      it(`${theme}, ${width} px: before any run, a title, a caption and the toolbar, no playback`, async () => {
        const p = await openPanel(h, theme, undefined, { width, height: FIRST_SCREEN });
        await p.send(init);
        await p.page.locator('#empty-state').waitFor();
        assert.equal(await p.page.locator('#view-title').innerText(), '손실 패널');
        assert.match(await p.page.locator('#view-caption').innerText(), /^이 패널에는 경사 하강법이/);
        assert.equal(await p.page.locator('.playback').isVisible(), false, 'no playback bar before a run');
        assert.equal(await p.page.locator('#loss-chart').isVisible(), false, 'no empty chart');
        assert.equal(await p.page.locator('#more-settings').getAttribute('open'), null);
        assert.deepEqual(await p.page.evaluate(OVERFLOWS), []);
        await p.screenshot(`layout-empty-${width}`, { fullPage: true });
        assert.deepEqual(await p.problems(), []);
      });

      for (const name of [
        'train-quadratic',
        'train-network',
        'race',
        'restarts',
        'sweep',
        'curvature',
        'why-iterate',
        'batch-sizes',
        'backprop-graph',
      ]) {
        it(`${theme}, ${width} px: ${name}`, async () => {
          const c = cases.find((k) => k.name === name) as Case;
          const p = await openPanel(h, theme, undefined, { width, height: FIRST_SCREEN });
          await p.send(init);
          await p.page.locator('#empty-state').waitFor();
          for (const m of c.messages) {
            await p.send(m);
            if (m.type === 'runStarted' && c.mode === 'train')
              assert.equal(await p.page.locator('.playback').isVisible(), false, 'no playback bar before the run’s points');
            if (m.type === 'progress' && m.points.length === 1 && c.mode === 'train')
              assert.equal(await p.page.locator('.playback').isVisible(), false, 'no playback bar for a single point');
          }
          await p.page.locator(c.picture).first().waitFor();
          await p.page.waitForTimeout(250); // the charts' coalesced redraw and the layout settle

          // The picture on the first screen.
          const top = await pageTop(p, c.picture);
          assert.ok(top < FIRST_SCREEN - 100, `${c.picture} starts at ${top} px: not on the first screen`);
          if ((await p.page.locator('#loss-chart').isVisible()) && width <= 320)
            assert.ok((await pageTop(p, '#loss-chart')) < FIRST_SCREEN - 100, 'the loss chart is on the first screen');

          // A title and one caption sentence.
          assert.notEqual((await p.page.locator('#view-title').innerText()).trim(), '');
          const caption = (await p.page.locator('#view-caption').innerText()).trim();
          assert.ok(caption.length > 20, `caption: "${caption}"`);
          assert.doesNotMatch(caption, /계산하고 있습니다/, 'the view was recognised');

          // The training form: a toolbar with its less used settings in a closed disclosure, or no form at all.
          if (c.mode === 'train') {
            assert.equal(await p.page.locator('#run-bar').isVisible(), true);
            for (const id of ['optimizer', 'lr', 'run', 'stop'])
              assert.ok(await p.page.locator(`#${id}`).isVisible(), `#${id} in the toolbar`);
            assert.equal(await p.page.locator('#more-settings').getAttribute('open'), null, 'the disclosure starts closed');
            for (const id of ['steps', 'start', 'reroll', 'export-csv', 'export-json', 'export-png']) {
              assert.equal(await p.page.locator(`#more-settings #${id}`).count(), 1, `#${id} behind the disclosure`);
              assert.equal(await p.page.locator(`#${id}`).isVisible(), false, `#${id} hidden while closed`);
            }
            assert.ok((await pageTop(p, '#run-bar')) > top, 'the toolbar comes after the picture');
          } else {
            assert.equal(await p.page.locator('#run-bar').isVisible(), false, 'a teaching view shows no training form');
            assert.equal(await p.page.locator('#optimizer').isVisible(), false);
          }

          // Playback only with points; status names the run that ended.
          const runs = c.messages.filter((m) => m.type === 'runStarted').length;
          assert.equal(await p.page.locator('.playback').isVisible(), runs > 0, 'the playback bar shows once a run has points');
          if (c.mode === 'train') assert.match(await p.page.locator('#status').innerText(), /\.ts · .*: 모든 스텝을 마쳤습니다/);

          assert.deepEqual(await p.page.evaluate(REPEATED_HEADINGS), [], 'a heading appears once');
          assert.deepEqual(await p.page.evaluate(CLIPPED_TABLES), [], 'tables are whole');
          assert.deepEqual(await p.page.evaluate(EMPTY_CHARTS), [], 'every visible chart shows data');
          assert.deepEqual(await p.page.evaluate(BAD_TICKS), [], 'every axis readable');
          assert.deepEqual(await p.page.evaluate(OVERFLOWS), [], 'no text overflows its box');
          await p.screenshot(`layout-${name}-${width}`, { fullPage: true });
          assert.deepEqual(await p.problems(), []);
        });
      }
    }

    it(`${theme}: the disclosure opens from the keyboard, with a visible focus ring, and shows its settings`, async () => {
      const p = await openPanel(h, theme, undefined, { width: 320, height: FIRST_SCREEN });
      await p.send(init);
      await p.page.locator('#stop').focus();
      await p.page.keyboard.press('Tab');
      const summary = p.page.locator('#more-settings > summary');
      assert.equal(await summary.evaluate((s) => s === document.activeElement), true, 'Tab after Stop reaches the disclosure');
      const ring = await summary.evaluate((s) => {
        const cs = getComputedStyle(s);
        return { style: cs.outlineStyle, color: cs.outlineColor };
      });
      assert.notEqual(ring.style, 'none', 'a visible focus ring');
      await p.page.keyboard.press('Enter');
      assert.equal(await p.page.locator('#more-settings').getAttribute('open'), '');
      for (const id of ['steps', 'start', 'reroll', 'export-csv']) assert.ok(await p.page.locator(`#${id}`).isVisible(), `#${id} shown`);
      await p.page.keyboard.press('Tab');
      assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'steps');
      assert.deepEqual(await p.page.evaluate(OVERFLOWS), []);
      await p.screenshot('layout-toolbar-open-320', { fullPage: true });
    });

    it(`${theme}: a network's decision boundary before its first loss stands alone, without empty loss axes`, async () => {
      const c = cases.find((k) => k.name === 'train-network') as Case;
      const p = await openPanel(h, theme, undefined, { width: 1200, height: FIRST_SCREEN });
      await p.send(init);
      for (const m of c.messages.filter((k) => k.type === 'runStarted' || k.type === 'boundary')) await p.send(m);
      await p.page.locator('#decision-boundary canvas').waitFor();
      for (const id of ['#loss-chart', '#grad-norm-chart', '#trace-chart', '#log-scale', '.playback'])
        assert.equal(await p.page.locator(id).isVisible(), false, `${id} hidden before any point`);
      assert.match(await p.page.locator('#view-caption').innerText(), /^결정 경계 그림은/);
      for (const m of c.messages.filter((k) => k.type === 'progress')) await p.send(m);
      // Chart.js sizes a canvas once its box is shown (a resize observer): wait for it.
      for (const id of ['#loss-chart', '#grad-norm-chart', '#trace-chart', '.playback'])
        await p.page.locator(id).waitFor({ timeout: 5000 });
      assert.deepEqual(await p.problems(), []);
    });

    it(`${theme}: training again after a teaching view brings the form back, without the view`, async () => {
      const c = cases.find((k) => k.name === 'sweep') as Case;
      const q = cases.find((k) => k.name === 'train-quadratic') as Case;
      const p = await openPanel(h, theme, undefined, { width: 320, height: FIRST_SCREEN });
      await p.send(init);
      for (const m of c.messages) await p.send(m);
      await p.page.locator('#sweep-chart').waitFor();
      assert.equal(await p.page.locator('#run-bar').isVisible(), false);
      for (const m of q.messages) await p.send(m);
      await p.page.locator('#loss-chart').waitFor();
      assert.equal(await p.page.locator('#run-bar').isVisible(), true);
      assert.equal(await p.page.locator('#sweep-chart').count(), 0);
      assert.equal(await p.page.locator('#view-title').innerText(), '경사 하강법: quadratic.ts');
      assert.deepEqual(await p.problems(), []);
    });
  }
});
