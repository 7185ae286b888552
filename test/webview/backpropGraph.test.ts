/**
 * The backprop graph view (#7) in the real panel bundle, light and dark: the graph of
 * examples/rosenbrock.ts computed by the engine, drawn by dagre + SVG; labels and numbers checked
 * against the graph data, a click selects the node's expression, the backward step writes the
 * chain rule with the numbers. At 320 px (the panel beside the editor) the graph starts fitted,
 * and pans and zooms by its buttons, the keyboard, ctrl + wheel and a drag.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, openPanel, canvasInk, canvasColorPixels, THEMES, type Harness, type PanelPage, type Theme } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage } from '../../src/protocol/panelProtocol';
import { backpropGraph } from '../../src/teaching/backpropGraph';
import { compileLoss } from '../../src/runner/compile';
import { trainLoss } from '../../src/runner/trainLoss';
import { decisionBoundary, twoDimensionalData } from '../../src/teaching/decisionBoundary';
import type { TrainProgress } from '../../src/runner/trainLoss';
import { networkInfo } from '../../src/teaching/networkInfo';
import { backpropCostTable } from '../../src/commands/backpropCostTable';
import { networkTables } from '../../src/commands/networkTables';
import { backpropCost } from '../../src/teaching/backpropCost';
import { formatNumber } from '../../src/webview/numberFormat';
import { MIN_SCALE } from '../../src/webview/graphView';

const FILE = path.resolve(__dirname, '../../examples/rosenbrock.ts');
const n4 = (v: number) => formatNumber(v, 4);

for (const theme of ['light', 'dark'] as Theme[]) {
  describe(`backprop graph view (${theme} theme)`, function () {
    this.timeout(60_000);
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h?.close();
    });

    it('draws every node with its value and adjoint; a click reveals its expression; the backward step writes the chain rule', async () => {
      const source = readFileSync(FILE, 'utf8');
      const g = backpropGraph(source, FILE);
      const p = await openPanel(h, theme);
      await p.send({
        type: 'init',
        strings: panelStrings(),
        settings: { optimizer: 'sgd', learningRate: 0.1, steps: 30 },
      } satisfies HostMessage);
      await p.send({ type: 'analysisStarted', title: '역전파 그래프', kind: 'graph' } satisfies HostMessage);
      await p.send({
        type: 'graph',
        title: 'rosenbrock.ts',
        graph: { nodes: g.nodes.map(({ op: _op, ...n }) => n), edges: g.edges, root: g.root },
      } satisfies HostMessage);
      await p.page.locator('#backprop-graph').waitFor();
      const labels = await p.page.locator('#backprop-graph .node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
      assert.equal(labels.length, 9);
      g.nodes.forEach((n, i) => assert.equal(labels[i], `${n.label}: 값 ${n4(n.value)}, 수반값 ∂L/∂노드 ${n4(n.adjoint)}`));
      assert.equal(await p.page.locator('#backprop-graph path.edge').count(), g.edges.length);

      // Click the node of (1 - x) ** 2: the host is asked to select exactly that span.
      const square = g.nodes.find((n) => n.range && source.slice(n.range.start, n.range.end) === '(1 - x) ** 2');
      assert.ok(square?.range);
      await p.page.locator(`#backprop-graph .node[data-id="${square.id}"]`).click();
      const posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'reveal', start: square.range.start, end: square.range.end });

      // The reverse sweep from the loss: ∂L/∂L = 1, then the × node: ∂L/∂(+) · ∂(+)/∂(×) = 1 × 1.
      await p.page.locator('#backward-step').click();
      assert.equal(await p.page.locator('#chain-rule').textContent(), '∂L/∂L = 1');
      await p.page.locator('#backward-step').click();
      assert.equal(await p.page.locator('#chain-rule').textContent(), '∂L/∂(×) = ∂L/∂(+) · ∂(+)/∂(×) = 1 × 1 = 1');
      for (let k = 0; k < 7; k++) await p.page.locator('#backward-step').click();
      // The last step reaches the parameter x: two consumers, the sum of two chain-rule products.
      const x = g.nodes[0];
      const text = (await p.page.locator('#chain-rule').textContent()) ?? '';
      assert.match(text, /^∂L\/∂\(x\) = .* \+ .* = -215\.6$/, text);
      assert.equal(n4(x.adjoint), '-215.6');
      await p.screenshot('backprop-graph');
      assert.deepEqual(await p.problems(), []);
    });

    it('beside the graph: why backpropagation is cheap, with the file’s tape, d and measured times', async () => {
      const source = readFileSync(FILE, 'utf8');
      const g = backpropGraph(source, FILE);
      const loss = compileLoss(source, FILE, { fuse: false });
      const cost = backpropCost(loss, loss.init ?? [0, 0], 5);
      assert.equal(cost.tapeNodes, g.tapeNodes);
      const p = await openPanel(h, theme);
      await p.send({
        type: 'init',
        strings: panelStrings(),
        settings: { optimizer: 'sgd', learningRate: 0.1, steps: 30 },
      } satisfies HostMessage);
      await p.send({ type: 'analysisStarted', title: '역전파 그래프: rosenbrock.ts', kind: 'graph' } satisfies HostMessage);
      await p.send({
        type: 'graph',
        title: `테이프의 노드 ${g.tapeNodes}개`,
        graph: { nodes: g.nodes.map(({ op: _op, ...n }) => n), edges: g.edges, root: g.root },
      } satisfies HostMessage);
      await p.send(backpropCostTable(cost));
      await p.page.locator('#table-backprop-cost').waitFor();
      assert.equal(
        await p.page.locator('#table-backprop-cost caption').textContent(),
        `역전파의 계산이 적은 이유: 테이프의 노드 ${cost.tapeNodes}개, 매개변수 2개`,
      );
      const rows = (await p.page.evaluate(
        `[...document.querySelectorAll('#table-backprop-cost tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))`,
      )) as string[][];
      assert.deepEqual(
        rows.slice(0, 3).map((r) => r[1]),
        ['1', '순전파 1번 + 역전파 1번', 'd + 1 = 3'],
      );
      await p.page.locator('#table-backprop-cost').scrollIntoViewIfNeeded();
      await p.screenshot('backprop-cost');
      assert.deepEqual(await p.problems(), []);
    });
  });
}

/** The graph's view as the page shows it: scale, viewBox and each node's box against the viewport's inside. */
interface GraphViewState {
  scale: number;
  /** 'fit' until the learner zooms or pans. */
  view: string;
  layout: string;
  viewBox: number[];
  nodes: Array<{ id: number; x: number; y: number; inside: boolean }>;
  /** Ids of the nodes not wholly inside the viewport. */
  outside: number[];
}

// Source text: a function would be rewritten by the TypeScript loader (see harness.ts).
const GRAPH_STATE = `(() => {
  const vp = document.querySelector('#backprop-graph .graph-scroller');
  const svg = vp.querySelector('svg');
  const r = vp.getBoundingClientRect();
  const left = r.left + vp.clientLeft, top = r.top + vp.clientTop;
  const right = left + vp.clientWidth, bottom = top + vp.clientHeight;
  const nodes = [...vp.querySelectorAll('.node')].map((n) => {
    const b = n.getBoundingClientRect();
    const inside = b.left >= left - 0.5 && b.top >= top - 0.5 && b.right <= right + 0.5 && b.bottom <= bottom + 0.5;
    return { id: Number(n.dataset.id), x: b.left + b.width / 2, y: b.top + b.height / 2, inside };
  });
  return {
    scale: Number(vp.dataset.scale),
    view: vp.dataset.view,
    layout: svg.dataset.layout,
    viewBox: svg.getAttribute('viewBox').split(' ').map(Number),
    nodes,
    outside: nodes.filter((n) => !n.inside).map((n) => n.id),
  };
})()`;

const graphState = (page: Page) => page.evaluate(GRAPH_STATE) as Promise<GraphViewState>;

/** Waits for the view's scale to differ from `scale` (a resize refits on the next frame). */
async function scaleChange(page: Page, scale: number): Promise<GraphViewState> {
  await page.waitForFunction(`Number(document.querySelector('#backprop-graph .graph-scroller').dataset.scale) !== ${scale}`, undefined, {
    timeout: 5000,
  });
  return graphState(page);
}

async function openGraph(h: Harness, theme: Theme, width: number, height: number): Promise<PanelPage> {
  const g = backpropGraph(readFileSync(FILE, 'utf8'), FILE);
  const p = await openPanel(h, theme, undefined, { width, height });
  await p.send({
    type: 'init',
    strings: panelStrings(),
    settings: { optimizer: 'sgd', learningRate: 0.1, steps: 30 },
  } satisfies HostMessage);
  await p.send({ type: 'analysisStarted', title: '역전파 그래프', kind: 'graph' } satisfies HostMessage);
  await p.send({
    type: 'graph',
    title: 'rosenbrock.ts',
    graph: { nodes: g.nodes.map(({ op: _op, ...n }) => n), edges: g.edges, root: g.root },
  } satisfies HostMessage);
  await p.page.locator('#backprop-graph .graph-scroller[data-scale]').waitFor();
  return p;
}

for (const theme of THEMES) {
  describe(`backprop graph at 320 px: fit, pan and zoom (${theme} theme)`, function () {
    this.timeout(60_000);
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h?.close();
    });

    it('starts fitted with every node in view; buttons, keys and ctrl + wheel zoom; arrows pan; fit shows it whole again', async () => {
      const strings = panelStrings();
      const p = await openGraph(h, theme, 320, 800);
      const page = p.page;
      const viewport = page.locator('#backprop-graph .graph-scroller');
      const fitted = await graphState(page);
      assert.deepEqual(fitted.outside, [], 'every node inside the viewport after load');
      assert.equal(fitted.view, 'fit');
      assert.ok(fitted.scale >= MIN_SCALE && fitted.scale <= 1, `scale ${fitted.scale}`);
      // A panel this narrow gets the top-to-bottom layout: left to right would need a scale under MIN_SCALE.
      assert.equal(fitted.layout, 'TB');
      // The viewport is one keyboard stop that names the graph and how to move it.
      assert.equal(await viewport.getAttribute('tabindex'), '0');
      assert.equal(await viewport.getAttribute('role'), 'application');
      assert.equal(await viewport.getAttribute('aria-label'), 'rosenbrock.ts');
      assert.equal(await viewport.getAttribute('aria-description'), strings.graphPanHint);
      for (const [id, icon, label] of [
        ['graph-zoom-in', 'zoom-in', strings.graphZoomIn],
        ['graph-zoom-out', 'zoom-out', strings.graphZoomOut],
        ['graph-fit', 'screen-normal', strings.graphFit],
      ]) {
        assert.equal(await page.locator(`#${id}`).getAttribute('icon'), icon);
        assert.equal(await page.locator(`#${id}`).getAttribute('aria-label'), label);
      }
      // The zoom buttons sit beside the backward step's, inside the panel.
      const zoomBox = await page.locator('#graph-fit').boundingBox();
      assert.ok(zoomBox && zoomBox.x + zoomBox.width <= 320, 'fit button inside the panel');
      await p.screenshot('backprop-graph-320', { fullPage: true });

      // Buttons: zoom in shows less of the graph, larger; fit shows all of it again.
      await page.locator('#graph-zoom-in').click();
      let s = await graphState(page);
      assert.ok(s.scale > fitted.scale, `zoomed in: ${s.scale} > ${fitted.scale}`);
      assert.equal(s.view, 'moved');
      assert.notDeepEqual(s.outside, []);
      await page.locator('#graph-zoom-out').click();
      await page.locator('#graph-zoom-out').click();
      assert.ok((await graphState(page)).scale < s.scale);
      await page.locator('#graph-fit').click();
      s = await graphState(page);
      assert.deepEqual(s.outside, []);
      assert.equal(s.view, 'fit');
      assert.deepEqual(s.viewBox, fitted.viewBox);

      // Keyboard: Tab from the fit button reaches the viewport, with a visible focus ring.
      await page.locator('#graph-fit').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(`document.activeElement?.classList.contains('graph-scroller')`), true);
      assert.equal(await viewport.evaluate((e) => getComputedStyle(e).outlineStyle), 'solid');
      await page.keyboard.press('+');
      const zoomed = await graphState(page);
      assert.ok(zoomed.scale > fitted.scale, `+ zooms in: ${zoomed.scale}`);
      await page.keyboard.press('=');
      const more = await graphState(page);
      assert.ok(more.scale > zoomed.scale, `= zooms in: ${more.scale}`);
      await page.keyboard.press('ArrowRight');
      s = await graphState(page);
      assert.ok(s.viewBox[0] > more.viewBox[0], `→ pans right: ${s.viewBox[0]} > ${more.viewBox[0]}`);
      assert.equal(s.viewBox[1], more.viewBox[1]);
      await page.keyboard.press('ArrowDown');
      const down = await graphState(page);
      assert.ok(down.viewBox[1] > s.viewBox[1], '↓ pans down');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowUp');
      s = await graphState(page);
      assert.ok(s.viewBox[0] < down.viewBox[0] && s.viewBox[1] < down.viewBox[1], '← and ↑ pan back');
      await page.keyboard.press('-');
      assert.ok((await graphState(page)).scale < s.scale, '- zooms out');
      await page.keyboard.press('0');
      s = await graphState(page);
      assert.deepEqual(s.outside, [], '0 fits');
      assert.deepEqual(s.viewBox, fitted.viewBox);

      // Ctrl + wheel (a trackpad pinch) zooms around the pointer; a plain wheel leaves the graph alone.
      const box = await viewport.boundingBox();
      assert.ok(box);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 200);
      assert.equal((await graphState(page)).scale, fitted.scale, 'a plain wheel does not zoom');
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -200);
      await page.keyboard.up('Control');
      assert.ok((await graphState(page)).scale > fitted.scale, 'ctrl + wheel zooms in');
      await page.locator('#graph-fit').click();

      // The backward step pans so the node it is on is in view.
      for (let k = 0; k < 3; k++) await page.locator('#graph-zoom-in').click();
      await page.locator('#backward-step').click();
      const root = (await graphState(page)).nodes.find((n) => n.id === 8);
      assert.ok(root?.inside, 'the loss node is in view after the first backward step');
      for (let k = 0; k < 8; k++) await page.locator('#backward-step').click();
      assert.ok((await graphState(page)).nodes.find((n) => n.id === 0)?.inside, 'x is in view at the last step');
      assert.deepEqual(await p.problems(), []);
    });

    it('a drag pans without revealing; a click on a node still reveals; a node shows its focus ring; a resize refits until the learner zooms', async () => {
      const source = readFileSync(FILE, 'utf8');
      const g = backpropGraph(source, FILE);
      const p = await openGraph(h, theme, 320, 800);
      const page = p.page;
      const fitted = await graphState(page);
      for (let k = 0; k < 2; k++) await page.locator('#graph-zoom-in').click();
      const before = await graphState(page);
      const revealsBefore = (await p.posted()).filter((m) => m.type === 'reveal').length;
      // Press on a node that is in view and has an expression, drag up and to the left, release.
      const start = before.nodes.find((n) => n.inside && g.nodes[n.id].range);
      assert.ok(start, 'a node with an expression in view');
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x - 40, start.y - 60, { steps: 6 });
      await page.mouse.up();
      const dragged = await graphState(page);
      const dx = dragged.viewBox[0] - before.viewBox[0];
      const dy = dragged.viewBox[1] - before.viewBox[1];
      // The graph follows the pointer: the view moves right and down by the drag over the scale
      // (zoomed in around the centre, it has room to on every side).
      assert.ok(Math.abs(dx - 40 / before.scale) < 1, `dx ${dx}`);
      assert.ok(Math.abs(dy - 60 / before.scale) < 1, `dy ${dy}`);
      assert.equal((await p.posted()).filter((m) => m.type === 'reveal').length, revealsBefore, 'a drag does not reveal');

      // A click (no movement) on a node still selects its expression.
      await page.locator('#graph-fit').click();
      const square = g.nodes.find((n) => n.range && source.slice(n.range.start, n.range.end) === '(1 - x) ** 2');
      assert.ok(square?.range);
      await page.locator(`#backprop-graph .node[data-id="${square.id}"]`).click();
      const posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'reveal', start: square.range.start, end: square.range.end });

      // Keyboard focus on a node: its ring is drawn in the theme's focus colour.
      await page.locator('#graph-fit').focus();
      await page.keyboard.press('Tab'); // the viewport
      await page.keyboard.press('Tab'); // its first node
      const ring = await page.evaluate(
        `(() => { const r = document.activeElement.querySelector('.focus-ring'); const s = getComputedStyle(r); return [document.activeElement.dataset.id, s.stroke, s.strokeWidth]; })()`,
      );
      assert.equal((ring as string[])[0], '0');
      assert.notEqual((ring as string[])[1], 'none', 'the focused node has a ring');
      const focusBorder = await page.evaluate(
        `(() => { const d = document.createElement('div'); d.style.color = 'var(--vscode-focusBorder)'; document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; })()`,
      );
      assert.equal((ring as string[])[1], focusBorder);

      // A wider panel: refitted (larger) while the learner has not zoomed; then kept once they have.
      await page.keyboard.press('0');
      await page.setViewportSize({ width: 600, height: 800 });
      const wide = await scaleChange(page, fitted.scale);
      assert.equal(wide.view, 'fit');
      assert.ok(wide.scale > fitted.scale, `refitted: ${wide.scale}`);
      assert.deepEqual(wide.outside, []);
      await page.locator('#graph-zoom-in').click();
      const zoomed = await graphState(page);
      await page.setViewportSize({ width: 320, height: 800 });
      await page.waitForFunction(`document.querySelector('#backprop-graph .graph-scroller').clientWidth < 320`);
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      const narrow = await graphState(page);
      assert.equal(narrow.scale, zoomed.scale, 'the learner’s zoom is kept');
      assert.equal(narrow.view, 'moved');
      assert.deepEqual(await p.problems(), []);
    });
  });
}

for (const theme of ['light', 'dark'] as Theme[]) {
  describe(`decision boundary view (${theme} theme)`, function () {
    this.timeout(60_000);
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h?.close();
    });

    it('draws the trained two-moons network’s prediction, the data and its accuracy', async () => {
      const file = path.resolve(__dirname, '../../examples/moons-network.ts');
      const loss = compileLoss(readFileSync(file, 'utf8'), file);
      const run = trainLoss(loss, {});
      const boundary = decisionBoundary(loss, run.params[run.params.length - 1]);
      assert.ok(boundary);
      const p = await openPanel(h, theme);
      const settings = { optimizer: 'adam', learningRate: 0.05, steps: 400 } as const;
      await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      await p.send({
        type: 'runStarted',
        runId: 'n',
        file,
        dimension: run.options.init.length,
        paramNames: run.options.init.map((_, i) => `p[${i}]`),
        settings,
      } satisfies HostMessage);
      await p.send({ type: 'boundary', runId: 'n', boundary } satisfies HostMessage);
      await p.page.locator('#decision-boundary').waitFor();
      assert.equal(
        await p.page.locator('.boundary-accuracy').textContent(),
        `학습 정확도 ${formatNumber(100 * (boundary.accuracy as number), 3)}%`,
      );
      assert.ok((await canvasInk(p.page, '#decision-boundary canvas')) > 0.5, 'decision boundary looks blank');
      // Parameters (what training changed) beside hyper-parameters (what the learner chose).
      const info = networkInfo(run);
      assert.ok(info);
      for (const m of networkTables(info)) await p.send(m);
      const params = await p.page.locator('#table-parameters tbody tr').allTextContents();
      assert.equal(params.length, 4);
      assert.equal(await p.page.locator('#table-parameters caption').textContent(), '매개변수: 학습이 바꾸는 값 (모두 82개)');
      const hyper = await p.page.evaluate(
        `[...document.querySelectorAll('#table-hyperparameters tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))`,
      );
      assert.deepEqual(hyper, [
        ['옵티마이저', 'adam'],
        ['학습률', '0.05'],
        ['스텝 수', '400'],
        ['배치 크기', '50'],
        ['층 구성', 'linear(2→16) → tanh → linear(16→2)'],
        ['시드 (초기화, 미니배치)', '1'],
      ]);
      // Hover (or focus) a row: what that setting is, from the glossary.
      const lrRow = p.page.locator('#table-hyperparameters tbody tr').nth(1);
      assert.match((await lrRow.getAttribute('title')) ?? '', /^학습률 \(learning rate\): /);
      assert.equal(await lrRow.getAttribute('tabindex'), '0');
      assert.match((await p.page.locator('#table-parameters tbody tr').first().getAttribute('title')) ?? '', /^가중치/);
      assert.match((await p.page.locator('#table-hyperparameters caption').getAttribute('title')) ?? '', /^하이퍼파라미터/);
      await p.page.locator('#decision-boundary').scrollIntoViewIfNeeded();
      await p.screenshot('decision-boundary');
      assert.deepEqual(await p.problems(), []);
    });

    it('three classes: each region in its class colour, the points by label, the accuracy', async () => {
      const file = path.resolve(__dirname, '../../examples/spirals-3-classes.ts');
      const loss = compileLoss(readFileSync(file, 'utf8'), file);
      const run = trainLoss(loss, {});
      const boundary = decisionBoundary(loss, run.params[run.params.length - 1]);
      assert.ok(boundary && boundary.kind === 'classes');
      const p = await openPanel(h, theme);
      const settings = { optimizer: 'adam', learningRate: 0.02, steps: 800 } as const;
      await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      await p.send({ type: 'runStarted', runId: 's', file, dimension: 2, paramNames: ['a', 'b'], settings } satisfies HostMessage);
      await p.send({ type: 'boundary', runId: 's', boundary } satisfies HostMessage);
      await p.page.locator('#decision-boundary').waitFor();
      assert.equal(
        await p.page.locator('.boundary-accuracy').textContent(),
        `학습 정확도 ${formatNumber(100 * (boundary.accuracy as number), 3)}%`,
      );
      // All three class colours (the panel's palette, as the view drew it) cover part of the picture.
      const colours = JSON.parse((await p.page.locator('#decision-boundary canvas').getAttribute('data-colors')) ?? '[]') as string[];
      assert.equal(new Set(colours).size, 3);
      for (const c of colours) assert.ok((await canvasColorPixels(p.page, '#decision-boundary canvas', c)) > 50, `class colour ${c}`);
      await p.page.locator('#decision-boundary').scrollIntoViewIfNeeded();
      await p.screenshot('decision-boundary-3-classes');
      assert.deepEqual(await p.problems(), []);
    });

    it('weights and biases layer by layer: before/after toggle, keyboard readout equal to the run’s numbers', async () => {
      const file = path.resolve(__dirname, '../../examples/moons-network.ts');
      const loss = compileLoss(readFileSync(file, 'utf8'), file);
      const run = trainLoss(loss, {});
      const info = networkInfo(run);
      assert.ok(info?.layers);
      const p = await openPanel(h, theme);
      const settings = { optimizer: 'adam', learningRate: 0.05, steps: 400 } as const;
      await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      for (const m of networkTables(info)) await p.send(m);
      await p.page.locator('#weights').waitFor();
      assert.deepEqual(await p.page.locator('#weights figcaption').allTextContents(), [
        '0번 층: 16 × 2 가중치와 편향',
        '2번 층: 2 × 16 가중치와 편향',
      ]);
      assert.equal(await p.page.locator('#weights [data-side="end"]').getAttribute('aria-pressed'), 'true');
      // Keyboard: into the first layer, one right and one down → W[1, 1] after training, and before.
      const first = p.page.locator('#weights canvas').first();
      await first.focus();
      await p.page.keyboard.press('ArrowRight');
      await p.page.keyboard.press('ArrowDown');
      const n4 = (v: number) => formatNumber(v, 4);
      const [w0] = info.layers;
      assert.equal(
        await p.page.locator('.weights-readout').textContent(),
        `0.weight[1, 1] = ${n4(w0.end[1 * 2 + 1])} (반대쪽 끝에서는 ${n4(w0.start[1 * 2 + 1])})`,
      );
      // End jumps to the bias column.
      await p.page.keyboard.press('End');
      assert.equal(
        await p.page.locator('.weights-readout').textContent(),
        `0.bias[1] = ${n4(w0.biasEnd[1])} (반대쪽 끝에서는 ${n4(w0.biasStart[1])})`,
      );
      const after = await first.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
      await p.page.locator('#weights [data-side="start"]').click();
      assert.equal(await p.page.locator('#weights').getAttribute('data-side'), 'start');
      // The readout follows the toggle: the start value first now.
      assert.equal(
        await p.page.locator('.weights-readout').textContent(),
        `0.bias[1] = ${n4(w0.biasStart[1])} (반대쪽 끝에서는 ${n4(w0.biasEnd[1])})`,
      );
      const before = await first.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
      assert.notEqual(before, after, 'toggling to the start weights changes the picture');
      assert.ok((await canvasInk(p.page, '#weights canvas')) > 0.3, 'weights grid looks blank');
      // Each layer has a labelled colour bar: −max … 0 … +max of that layer, in the panel's number format.
      const bars = (await p.page.evaluate(
        `[...document.querySelectorAll('#weights .weights-layer')].map((f) => [...f.querySelectorAll('.color-bar-ticks span')].map((s) => s.textContent))`,
      )) as string[][];
      const layers = info.layers;
      assert.equal(bars.length, layers.length);
      bars.forEach((ticks, i) => {
        const l = layers[i];
        const max = Math.max(...[l.start, l.end, l.biasStart, l.biasEnd].flat().map(Math.abs));
        assert.deepEqual(
          ticks,
          [-max, -max / 4, 0, max / 4, max].map((v) => formatNumber(v, 3)),
        );
      });
      assert.match((await p.page.locator('#weights .color-bar').first().getAttribute('aria-label')) ?? '', /^가중치·편향 값/);
      // The screenshot starts at the view's heading, not in the middle of the table above it.
      await p.page.locator('#weights').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await p.screenshot('weights');
      assert.deepEqual(await p.problems(), []);
    });

    it('train and validation: a dashed held-out loss beside the training loss, held-out samples hollow with their accuracy', async () => {
      // examples/overfitting.ts, 300 steps: the engine's own run, streamed as the worker streams it.
      const file = path.resolve(__dirname, '../../examples/overfitting.ts');
      const loss = compileLoss(readFileSync(file, 'utf8'), file);
      const points: Array<{ step: number; loss: number; params: number[]; gradNorm: number; testLoss?: number }> = [];
      let held: ReturnType<typeof twoDimensionalData>;
      const run = trainLoss(
        loss,
        { steps: 300 },
        {
          onProgress: (e: TrainProgress) =>
            points.push({
              step: e.step,
              loss: e.loss,
              params: [],
              gradNorm: e.gradNorm,
              ...(e.testLoss === undefined ? {} : { testLoss: e.testLoss }),
            }),
          onSplit: (split) => (held = twoDimensionalData(split.train, split.test)),
        },
      );
      assert.ok(run.test && held);
      const boundary = decisionBoundary(loss, run.params[run.params.length - 1], held);
      assert.ok(boundary && boundary.testAccuracy !== undefined);
      const p = await openPanel(h, theme);
      const settings = { optimizer: 'adam', learningRate: 0.005, steps: 300 } as const;
      await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      await p.send({ type: 'runStarted', runId: 'o', file, dimension: 2, paramNames: ['a', 'b'], settings } satisfies HostMessage);
      assert.equal(await p.page.locator('#test-note').isVisible(), false);
      for (let i = 0; i < points.length; i += 50)
        await p.send({ type: 'progress', runId: 'o', points: points.slice(i, i + 50) } satisfies HostMessage);
      await p.send({ type: 'boundary', runId: 'o', boundary } satisfies HostMessage);
      await p.page.locator('#test-note').waitFor({ state: 'visible' });
      assert.match((await p.page.locator('#test-note').textContent()) ?? '', /^점선: 기울기 계산에 쓰지 않고 떼어 둔 검증 데이터의 손실/);
      // The legend names the run's second, dashed curve.
      assert.match(await p.page.locator('#legend .legend-item').innerText(), /overfitting\.ts · adam · η=0\.005\s*검증 손실/);
      assert.equal(await p.page.locator('#legend .swatch.dashed').count(), 1);
      // Both accuracies, each on its own samples.
      const pct = (v: number | undefined) => formatNumber(100 * (v as number), 3);
      assert.equal(
        await p.page.locator('.boundary-accuracy').textContent(),
        `학습 정확도 ${pct(boundary.accuracy)}% · 검증 정확도 ${pct(boundary.testAccuracy)}%`,
      );
      assert.equal(boundary.points.filter((q) => q.test).length, 50);
      // The loss chart carries more ink than the training curve alone would: draw it without the held-out points.
      await p.page.waitForTimeout(100);
      const withTest = await canvasInk(p.page, '#loss-chart');
      const q = await openPanel(h, theme);
      await q.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      await q.send({ type: 'runStarted', runId: 'o', file, dimension: 2, paramNames: ['a', 'b'], settings } satisfies HostMessage);
      await q.send({ type: 'progress', runId: 'o', points: points.map(({ testLoss: _t, ...rest }) => rest) } satisfies HostMessage);
      await q.page.waitForTimeout(100);
      const without = await canvasInk(q.page, '#loss-chart');
      assert.ok(withTest > without, `ink ${withTest} vs ${without}`);
      assert.equal(await q.page.locator('#test-note').isVisible(), false);
      await q.page.context().close();
      await p.page.locator('#loss-chart').scrollIntoViewIfNeeded();
      await p.screenshot('train-test-loss');
      await p.page.locator('#decision-boundary').scrollIntoViewIfNeeded();
      await p.screenshot('train-test-boundary');
      assert.deepEqual(await p.problems(), []);
    });
  });
}
