/**
 * The teaching views (#6) in the real panel bundle, in headless Chromium, light and dark: each view
 * is computed by the engine on an example file (as the worker would), turned into panel messages
 * by the extension's own analysisMessages, and the numbers on screen are checked against the
 * result they came from — label and value together. Screenshots go to .artifacts/webview/.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startHarness, openPanel, canvasInk, type Harness, type Theme, type PanelPage } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage, RunSettings } from '../../src/protocol/panelProtocol';
import { compileLoss } from '../../src/runner/compile';
import { sampleSurface } from '../../src/runner/surface';
import { runAnalysis, type AnalysisName, type AnalysisRequest, type AnalysisResult } from '../../src/teaching/analysis';
import { analysisMessages, analysisTitle } from '../../src/commands/analysisMessages';
import { trainLoss } from '../../src/runner/trainLoss';
import type { StepPoint } from '../../src/protocol/panelProtocol';
import { formatNumber } from '../../src/webview/numberFormat';

const settings: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 30 };

function analyze(
  example: string,
  analysis: AnalysisName,
  request: AnalysisRequest = {},
): { result: AnalysisResult; messages: HostMessage[] } {
  const file = path.resolve(__dirname, '../../examples', example);
  const loss = compileLoss(readFileSync(file, 'utf8'), file);
  const result = runAnalysis(loss, analysis, request);
  let n = 0;
  const messages: HostMessage[] = [
    { type: 'analysisStarted', title: analysisTitle(analysis), kind: analysis },
    { type: 'surface', runId: 'surface', surface: sampleSurface(loss, { grid: 60 }) },
    ...analysisMessages(result, file, loss.dimension, loss.paramNames, () => `run-${++n}`),
  ];
  return { result, messages };
}

async function show(p: PanelPage, messages: HostMessage[]): Promise<void> {
  await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
  await p.page.locator('#empty-state').waitFor();
  for (const m of messages) await p.send(m);
  await p.page.locator('.analysis-title').waitFor();
  await p.page.waitForTimeout(200);
}

/** The table's rows as text cells. */
async function tableRows(p: PanelPage, id: string): Promise<string[][]> {
  return p.page.evaluate(
    `[...document.querySelectorAll('#table-${id} tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))`,
  ) as Promise<string[][]>;
}

/**
 * Polls a page expression until it is truthy. (page.waitForFunction would evaluate a string with
 * `new Function` inside the page, which the panel's CSP rightly forbids.)
 */
async function until(p: PanelPage, expression: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await p.page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A number in the host's own sentences (captions, notes): six significant digits, as analysisMessages writes them. */
const hostNum = (v: number | null) => (v === null ? '—' : String(Number(v.toPrecision(6))));
/** A table cell: the host's six digits in the panel's number format (numberFormat.ts). */
const num = (v: number | null) => (v === null ? '—' : formatNumber(Number(v.toPrecision(6))));

for (const theme of ['light', 'dark'] as Theme[]) {
  describe(`teaching views (${theme} theme)`, function () {
    this.timeout(60_000);
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h?.close();
    });

    it('optimizer race: every optimizer a run on the map, the table row by row equal to its run', async () => {
      const { result, messages } = analyze('rosenbrock.ts', 'race', { options: { steps: 40 } });
      assert.ok(result.analysis === 'race');
      const p = await openPanel(h, theme);
      await show(p, messages);
      assert.equal(await p.page.locator('.legend-item').count(), 9);
      const rows = await tableRows(p, 'race');
      assert.equal(rows.length, 9);
      result.rows.forEach((r, i) => {
        assert.equal(rows[i][0], r.label);
        assert.equal(rows[i][3], num(r.finalLoss), `${r.label}: final loss`);
        assert.equal(rows[i][2], r.stepsToTolerance === undefined ? '도달하지 못함' : String(r.stepsToTolerance), `${r.label}: steps`);
      });
      const best = result.rows.reduce((b, r, i) => ((r.finalLoss ?? Infinity) < (result.rows[b].finalLoss ?? Infinity) ? i : b), 0);
      assert.equal(await p.page.locator('#table-race tr.best td').first().textContent(), result.rows[best].label);
      assert.ok((await canvasInk(p.page, '#surface-map')) > 0.2);
      // Playback moves every runner together: the other eight are drawn at the cursor's step.
      await p.page.locator('#timeline').focus();
      await p.page.keyboard.press('Home');
      for (let k = 0; k < 5; k++) await p.page.keyboard.press('ArrowRight');
      assert.equal(await p.page.locator('#surface-map').getAttribute('data-companions'), '8');
      await p.screenshot('race');
      assert.deepEqual(await p.problems(), []);
    });

    it('mini-batch and full batch on two moons: four runs, the work table row by row equal to its run', async () => {
      const { result, messages } = analyze('moons-network.ts', 'batchSizes', { options: { steps: 60 } });
      assert.ok(result.analysis === 'batchSizes');
      const p = await openPanel(h, theme);
      await show(p, messages);
      const legend = await p.page.locator('#legend .legend-item').allInnerTexts();
      assert.deepEqual(
        legend.map((l) => l.split(' · ')[1]),
        ['전체 배치 (200)', '미니배치 32', '미니배치 8', '미니배치 1'],
      );
      const rows = await tableRows(p, 'batch-sizes');
      assert.equal(rows.length, 4);
      result.result.rows.forEach((r, i) => {
        assert.equal(rows[i][1], '60');
        assert.equal(rows[i][2], String(60 * r.batchSize), `${r.batchSize}: samples processed`);
        assert.equal(rows[i][4], num(r.finalLoss), `${r.batchSize}: loss on all data`);
      });
      assert.match((await p.page.locator('#table-batch-sizes caption').textContent()) ?? '', /학습 데이터 200개/);
      // A batch of one is the noisiest curve: its losses jump around the full batch's smooth ones.
      const jumps = (losses: number[]) => losses.slice(1).reduce((s, l, k) => s + Math.abs(l - losses[k]), 0);
      assert.ok(jumps(result.result.rows[3].run.losses) > 3 * jumps(result.result.rows[0].run.losses));
      assert.ok((await canvasInk(p.page, '#loss-chart')) > 0.02, 'loss chart looks blank');
      await p.page.locator('#table-batch-sizes').scrollIntoViewIfNeeded();
      await p.screenshot('batch-sizes');
      assert.deepEqual(await p.problems(), []);
    });

    it('random restarts on Himmelblau: four basins in the table and on the basin map', async () => {
      const { result, messages } = analyze('himmelblau.ts', 'restarts', { count: 12, seed: 1, mapGrid: 16 });
      assert.ok(result.analysis === 'restarts');
      const p = await openPanel(h, theme);
      await show(p, messages);
      const rows = await tableRows(p, 'basins');
      assert.equal(rows.length, 4);
      result.result.basins.forEach((b, i) => {
        assert.equal(rows[i][0], String(i + 1));
        assert.equal(rows[i][1], `(${b.point.map((v) => Number(v.toPrecision(5))).join(', ')})`);
        assert.equal(rows[i][3], String(b.runs));
      });
      assert.equal(await p.page.locator('#map-basin-map .map-legend li').count(), 4);
      assert.ok((await canvasInk(p.page, '#map-basin-map canvas')) > 0.5, 'basin map looks blank');
      await p.screenshot('restarts');
      assert.deepEqual(await p.problems(), []);
    });

    it('learning-rate sweep: the boundary around η = 1 on the chart and in the table; a click reruns that rate', async () => {
      const { result, messages } = analyze('quadratic.ts', 'sweep', { from: 1e-3, to: 10, count: 25 });
      assert.ok(result.analysis === 'sweep');
      const p = await openPanel(h, theme);
      await show(p, messages);
      const sweep = p.page.locator('#sweep-sweep');
      assert.equal(Number(await sweep.getAttribute('data-stable')), result.result.boundary.stable);
      assert.equal(Number(await sweep.getAttribute('data-diverged')), result.result.boundary.diverged);
      const { stable, diverged } = result.result.boundary;
      assert.ok(stable !== undefined && diverged !== undefined && stable <= 1 && diverged > 1);
      assert.equal(
        await p.page.locator('#table-sweep-table caption').textContent(),
        `발산이 시작되는 구간: η = ${hostNum(stable)} ~ η = ${hostNum(diverged)}`,
      );
      const rows = await tableRows(p, 'sweep-table');
      result.result.points.forEach((pt, i) => {
        assert.equal(rows[i][0], num(pt.learningRate));
        assert.equal(rows[i][1], { decreased: '감소', stalled: '변화 없음', diverged: '발산' }[pt.outcome]);
      });
      assert.ok((await canvasInk(p.page, '#sweep-chart')) > 0.01, 'sweep chart looks blank');
      await p.screenshot('sweep');
      // Click a point: the panel asks the host to rerun with that learning rate.
      await until(p, `(JSON.parse(document.querySelector('#sweep-sweep').dataset.points ?? '[]')[0]?.x ?? 0) > 0`);
      // Positions after the layout has settled (two painted frames).
      await p.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      const positions = JSON.parse((await sweep.getAttribute('data-points')) ?? '[]') as Array<{
        learningRate: number;
        x: number;
        y: number;
      }>;
      assert.equal(positions.length, result.result.points.filter((q) => q.outcome === 'diverged' || (q.finalLoss ?? 0) > 0).length);
      const target = positions.find((q) => Math.abs(q.learningRate - 0.1) < 0.05) ?? positions[0];
      await p.page.locator('#sweep-chart').click({ position: { x: target.x, y: target.y } });
      await until(p, `window.__posted.some((m) => m.type === 'rerun')`);
      const posted = await p.posted();
      const last = posted[posted.length - 1];
      assert.ok(last.type === 'rerun' && last.settings.learningRate === target.learningRate, JSON.stringify(last));
      assert.deepEqual(await p.problems(), []);
    });

    it('learning-rate sweep on the bowl: the line η = 2/λ_max = 0.25 from its Hessian, inside the measured boundary', async () => {
      const { result, messages } = analyze('bowl.ts', 'sweep', { from: 1e-3, to: 10, count: 25 });
      assert.ok(result.analysis === 'sweep');
      const p = await openPanel(h, theme);
      await show(p, messages);
      const sweep = p.page.locator('#sweep-sweep');
      assert.deepEqual(JSON.parse((await sweep.getAttribute('data-rules')) ?? '[]'), [0.25]);
      const { stable, diverged } = result.result.boundary;
      assert.ok(stable !== undefined && diverged !== undefined && stable <= 0.25 && diverged > 0.25);
      const note = (await p.page.locator('#sweep-rule').textContent()) ?? '';
      assert.match(note, /λ_max = 8 값이므로, 경사 하강법은 η < 2\/λ_max = 0\.25 범위에서 안정합니다/);
      assert.ok(note.includes(`η = ${hostNum(stable)} ~ η = ${hostNum(diverged)}`), note);
      assert.ok((await canvasInk(p.page, '#sweep-chart')) > 0.01, 'sweep chart looks blank');
      await p.screenshot('sweep-bowl-rule');
      assert.deepEqual(await p.problems(), []);
    });

    it('convex or not: the saddle example is indefinite everywhere with one saddle at (0, 0)', async () => {
      const { result, messages } = analyze('saddle.ts', 'curvature', { grid: 16 });
      assert.ok(result.analysis === 'curvature');
      const p = await openPanel(h, theme);
      await show(p, messages);
      const rows = await tableRows(p, 'stationary');
      assert.equal(rows.length, 1);
      assert.deepEqual([rows[0][0], rows[0][1], rows[0][3]], ['(0, 0)', '안장점', '-2, 2']);
      assert.deepEqual(await p.page.locator('#map-definiteness .map-legend li').allTextContents(), ['부정부호 (안장 모양)']);
      await p.screenshot('curvature');
      assert.deepEqual(await p.problems(), []);
    });

    it('why iterate: Newton’s one step at w = 3, descent’s steps, the grid’s evaluations', async () => {
      const { result, messages } = analyze('quadratic.ts', 'whyIterate');
      assert.ok(result.analysis === 'whyIterate');
      const p = await openPanel(h, theme);
      await show(p, messages);
      const rows = await tableRows(p, 'why-iterate');
      assert.equal(rows[0][1], 'w = 3, L′(w) = 0');
      assert.equal(rows[1][2], `${result.result.descent.stepsToAccuracy} 스텝`);
      assert.equal(rows[2][2], `함수 값 ${result.result.grid.evaluations}번 계산`);
      await p.screenshot('why-iterate');
      assert.deepEqual(await p.problems(), []);
    });

    it('timeline: each step of a momentum run shows w, L, ∇L, the update and the momentum buffer it used', async () => {
      // Recorded as the worker records it: every step's point with the optimizer's state going into it.
      const file = path.resolve(__dirname, '../../examples/quadratic.ts');
      const loss = compileLoss(readFileSync(file, 'utf8'), file);
      const points: StepPoint[] = [];
      const run = { optimizer: 'momentum', learningRate: 0.1, steps: 10 } as const;
      trainLoss(loss, run, {
        onProgress: (e) =>
          points.push({
            step: e.step,
            loss: e.loss,
            params: Array.from(e.params),
            gradNorm: e.gradNorm,
            gradient: Array.from(e.gradient),
            state: e.optimizerState(),
          }),
      });
      const p = await openPanel(h, theme);
      await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      await p.send({
        type: 'runStarted',
        runId: 'm',
        file,
        dimension: 1,
        paramNames: ['w'],
        settings: { ...run, init: [-2] },
      } satisfies HostMessage);
      await p.send({ type: 'progress', runId: 'm', points } satisfies HostMessage);
      await p.send({ type: 'runFinished', runId: 'm', reason: 'completed' } satisfies HostMessage);
      await p.page.locator('#timeline').focus();
      await p.page.keyboard.press('Home');
      for (let k = 0; k < 3; k++) await p.page.keyboard.press('ArrowRight');
      const at = points[3];
      const next = points[4];
      const r5 = (v: number) => formatNumber(v, 5);
      const detail = p.page.locator('#step-detail');
      await until(p, `document.querySelector('#step-detail .detail-point')?.textContent.startsWith('스텝 3:')`);
      assert.equal(
        await detail.locator('.detail-point').textContent(),
        `스텝 3: w = ${r5(at.params[0])}, L(w) = ${r5(at.loss)}, ∇L(w) = ${r5((at.gradient as number[])[0])}`,
      );
      assert.equal(await detail.locator('.detail-update').textContent(), `갱신: Δw = ${r5(next.params[0] - at.params[0])}`);
      const buffer = (next.state?.momentum_buffer as number[])[0];
      assert.equal(
        await detail.locator('.detail-state').textContent(),
        `이번 갱신에 쓰인 옵티마이저 상태: momentum_buffer = ${r5(buffer)}`,
      );
      // torch's momentum: w₄ = w₃ − η·v₄ — the numbers on screen satisfy the formula.
      assert.ok(Math.abs(next.params[0] - (at.params[0] - 0.1 * buffer)) < 1e-12);
      await p.screenshot('timeline');
      assert.deepEqual(await p.problems(), []);
    });

    it('the diagnosis of a run, with a link to its glossary entry', async () => {
      const p = await openPanel(h, theme);
      await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      await p.send({
        type: 'runStarted',
        runId: 'r1',
        file: '/ws/learning-rate.ts',
        dimension: 1,
        paramNames: ['w'],
        settings,
      } satisfies HostMessage);
      await p.send({
        type: 'diagnosis',
        runId: 'r1',
        findings: [{ code: 'diverged', text: '손실이 발산했습니다: 학습률 1.05이(가) 너무 큽니다.', glossary: 'divergence' }],
      } satisfies HostMessage);
      const item = p.page.locator('#diagnosis li[data-code="diverged"]');
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /발산했습니다/);
      await item.locator('button.explain').click();
      const posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'explain', term: 'divergence' });
      await p.screenshot('diagnosis');
      assert.deepEqual(await p.problems(), []);
    });

    it('a verified remedy: a themed, keyboard-operable button that asks the host to train with it', async () => {
      const p = await openPanel(h, theme);
      await p.send({ type: 'init', strings: panelStrings(), settings } satisfies HostMessage);
      await p.send({
        type: 'runStarted',
        runId: 'r2',
        file: '/ws/learning-rate.ts',
        dimension: 1,
        paramNames: ['w'],
        settings,
      } satisfies HostMessage);
      const cli = ['--optimizer', 'sgd', '--lr', '0.5', '--steps', '60', '--seed', '0'];
      await p.send({
        type: 'diagnosis',
        runId: 'r2',
        findings: [
          {
            code: 'diverged',
            text: '손실이 발산했습니다.',
            glossary: 'divergence',
            remedy: { cli, outcome: { finalLoss: 1.2345e-9, steps: 60 } },
          },
          { code: 'slow', text: '느리게 줄어듭니다.', glossary: 'learningRate' },
        ],
      } satisfies HostMessage);
      const withRemedy = p.page.locator('#diagnosis li[data-code="diverged"] vscode-button.remedy');
      await withRemedy.waitFor();
      assert.equal(await p.page.locator('#diagnosis li[data-code="slow"] .remedy').count(), 0, 'no button for a finding without a remedy');
      assert.equal(await p.page.locator('#diagnosis .remedy').count(), 1);
      // Korean label with the verified loss; the tooltip names the CLI arguments it runs.
      assert.equal((await withRemedy.textContent())?.trim(), '이 방법으로 다시 학습 (L = 1.23e-9 예상)');
      assert.match((await withRemedy.getAttribute('title')) ?? '', /--optimizer sgd --lr 0\.5 --steps 60 --seed 0$/);
      // Themed: the vscode-elements button takes the theme's button colours.
      const [background, themed] = await withRemedy.evaluate((b) => [
        getComputedStyle(b.shadowRoot?.querySelector('.base') ?? b).backgroundColor,
        getComputedStyle(document.documentElement).getPropertyValue('--vscode-button-background').trim(),
      ]);
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the remedy button has a themed background');
      assert.ok(themed !== '', 'the theme defines the button colour the element uses');
      const expected = { type: 'remedy', runId: 'r2', code: 'diverged', cli };
      await withRemedy.click();
      let posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], expected);
      // From the keyboard: Tab reaches it, Enter presses it.
      await p.page.locator('#diagnosis li[data-code="diverged"] button.explain').focus();
      await p.page.keyboard.press('Tab');
      assert.equal(await withRemedy.evaluate((b) => b === document.activeElement), true, 'Tab moves to the remedy button');
      const before = (await p.posted()).length;
      await p.page.keyboard.press('Enter');
      await until(p, `window.__posted.length > ${before}`);
      posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], expected);
      await p.screenshot('diagnosis-remedy');
      assert.deepEqual(await p.problems(), []);
    });
  });
}
