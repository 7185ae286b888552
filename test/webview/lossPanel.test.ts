import { strict as assert } from 'node:assert';
import { startHarness, openPanel, canvasInk, canvasColorPixels, type Harness, type Theme } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage, RunSettings, StepPoint } from '../../src/protocol/panelProtocol';

const settings: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 40 };

/** A recorded 1-D run: plain gradient descent on L(w) = (w − 3)², from w = −2 with η = 0.1. */
function quadraticRun(): StepPoint[] {
  const points: StepPoint[] = [];
  let w = -2;
  for (let step = 0; step <= settings.steps; step++) {
    const g = 2 * (w - 3);
    points.push({ step, loss: (w - 3) ** 2, params: [w], gradNorm: Math.abs(g) });
    w -= settings.learningRate * g;
  }
  return points;
}

const init: HostMessage = { type: 'init', strings: panelStrings(), settings };

for (const theme of ['light', 'dark'] as Theme[]) {
  describe(`loss panel webview (${theme} theme)`, function () {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h?.close();
    });

    it('says it is ready, then shows the Korean empty state after init', async () => {
      const p = await openPanel(h, theme);
      await p.page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
      assert.deepEqual((await p.posted())[0], { type: 'ready' });
      await p.send(init);
      const empty = p.page.locator('#empty-state');
      await empty.waitFor();
      assert.match(await empty.innerText(), /아직 학습한 기록이 없습니다/);
      assert.equal(await p.page.locator('.charts').isVisible(), false);
      await p.screenshot('empty');
      assert.deepEqual(await p.problems(), []);
    });

    it('draws a streamed 1-D run: non-blank loss curve, legend entry, Korean stop reason', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#empty-state').waitFor();
      await p.send({
        type: 'runStarted',
        runId: 'r1',
        file: '/ws/quadratic.ts',
        dimension: 1,
        paramNames: ['w'],
        settings,
      } satisfies HostMessage);
      const points = quadraticRun();
      // Streamed in batches, as the host throttles progress.
      for (let i = 0; i < points.length; i += 10) {
        await p.send({ type: 'progress', runId: 'r1', points: points.slice(i, i + 10) } satisfies HostMessage);
      }
      await p.send({ type: 'runFinished', runId: 'r1', reason: 'completed' } satisfies HostMessage);
      await p.page.locator('#status', { hasText: '모든 스텝을 마쳤습니다' }).waitFor();
      assert.equal(await p.page.locator('#empty-state').isVisible(), false);
      await p.page.waitForFunction(() => {
        const c = document.querySelector('#loss-chart') as HTMLCanvasElement;
        return c && c.width > 0;
      });
      await p.page.waitForTimeout(100); // one animation frame for the coalesced redraw
      const ink = await canvasInk(p.page, '#loss-chart');
      assert.ok(ink > 0.01, `loss chart looks blank (ink ${ink})`);
      const legend = p.page.locator('#legend .legend-item');
      assert.deepEqual(await legend.allInnerTexts(), ['quadratic.ts · sgd · η=0.1']);
      assert.equal(await legend.getAttribute('aria-pressed'), 'true');
      // The curve is drawn in the run's colour; pressing its legend entry (keyboard) hides it.
      const color = await p.page.locator('#legend .swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
      const curvePixels = await canvasColorPixels(p.page, '#loss-chart', color);
      assert.ok(curvePixels > 200, `expected the curve in ${color}, found ${curvePixels} pixels`);
      await legend.press('Enter');
      await p.page.waitForTimeout(50);
      assert.equal(await legend.getAttribute('aria-pressed'), 'false');
      assert.ok((await canvasColorPixels(p.page, '#loss-chart', color)) < curvePixels / 10, 'hiding the run should remove its curve');
      await legend.click();
      assert.equal(await legend.getAttribute('aria-pressed'), 'true');
      await p.screenshot('loss-1d');
      assert.deepEqual(await p.problems(), []);
    });

    it('“new random start” asks for a run from a fresh seed, by mouse or keyboard; the legend names the seed', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      // New random start is in the toolbar's disclosure (closed at first): opened from the keyboard.
      await p.page.locator('#more-settings > summary').focus();
      await p.page.keyboard.press('Enter');
      await p.page.locator('#reroll').click();
      await p.page.locator('#reroll').focus();
      await p.page.keyboard.press('Enter');
      const reruns = (await p.posted()).filter((m) => m.type === 'rerun');
      assert.equal(reruns.length, 2);
      const seeds = reruns.map((m) => (m.type === 'rerun' ? m.settings.initSeed : undefined));
      for (const [i, m] of reruns.entries()) {
        assert.ok(m.type === 'rerun');
        assert.equal(m.settings.init, undefined);
        assert.ok(Number.isInteger(seeds[i]) && (seeds[i] as number) >= 0 && (seeds[i] as number) < 1e6, String(seeds[i]));
        assert.equal(m.settings.optimizer, settings.optimizer);
      }
      assert.notEqual(seeds[0], seeds[1]);
      assert.equal(
        await p.page.locator('#reroll').getAttribute('title'),
        '새 무작위 초깃값을 뽑아(신경망이면 새 시드로 가중치를 초기화해) 다시 학습합니다',
      );
      // The host echoes the seed with the run: the legend shows it, so the learner can keep it (model.init(seed)).
      await p.send({
        type: 'runStarted',
        runId: 'r9',
        file: '/x/moons-network.ts',
        dimension: 82,
        paramNames: [],
        settings: { ...settings, initSeed: seeds[0] },
      } satisfies HostMessage);
      assert.equal(await p.page.locator('#legend .legend-item').innerText(), `moons-network.ts · sgd · η=0.1 · 시드 ${seeds[0]}`);
      // A malformed seed from anywhere is refused by the protocol.
      assert.deepEqual(await p.problems(), []);
    });

    it('legend and controls name the settings the run used (the file’s config), and the panel reports what it shows', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#steps').waitFor({ state: 'attached' }); // behind the toolbar's closed disclosure
      // What the worker resolved for examples/moons-network.ts: its config, not the command's defaults.
      const ran: RunSettings = { optimizer: 'adam', learningRate: 0.05, steps: 400, batchSize: 50 };
      await p.send({
        type: 'runStarted',
        runId: 'm1',
        file: '/ws/moons-network.ts',
        dimension: 82,
        paramNames: [],
        settings: ran,
        setsControls: true,
      } satisfies HostMessage);
      await p.page.locator('#legend .legend-item').waitFor();
      assert.equal(await p.page.locator('#legend .legend-item').innerText(), 'moons-network.ts · adam · η=0.05 · 미니배치 50');
      const shown = () =>
        p.page.evaluate(() => ['optimizer', 'steps'].map((id) => (document.getElementById(id) as unknown as { value: string }).value));
      assert.deepEqual(await shown(), ['adam', '400']);
      assert.equal(await p.page.locator('.lr-value').innerText(), 'η = 0.05', 'the exact rate, not the slider’s rounded 0.0501');
      // One runner of a race does not take over the controls.
      await p.send({
        type: 'runStarted',
        runId: 'race-1',
        file: '/ws/moons-network.ts · SGD',
        dimension: 82,
        paramNames: [],
        settings: { optimizer: 'sgd', learningRate: 0.1, steps: 10 },
      } satisfies HostMessage);
      assert.deepEqual(await shown(), ['adam', '400']);
      // "Run again" sends what the controls show, the batch size kept.
      await p.page.locator('#run').click();
      let posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'rerun', settings: ran });
      // Asked for its state (the integration tests do), it reports the rendered legend and controls
      // (send() returns once the app has handled the message, and the app answers at once).
      await p.send({ type: 'reportState' } satisfies HostMessage);
      posted = await p.posted();
      const reported = posted[posted.length - 1] as { type: string; state: Record<string, unknown> & { layout?: Record<string, number> } };
      const { layout, ...state } = reported.state;
      assert.deepEqual(
        { type: reported.type, state },
        {
          type: 'state',
          state: {
            legend: ['moons-network.ts · adam · η=0.05 · 미니배치 50', 'moons-network.ts · SGD · sgd · η=0.1'],
            settings: ran,
            status: '',
          },
        },
      );
      // Where the loss chart is (no point arrived yet: it holds none).
      assert.equal(layout?.lossChartPoints, 0);
      assert.ok((layout?.viewportWidth ?? 0) > 0 && (layout?.viewportHeight ?? 0) > 0, JSON.stringify(layout));
      assert.deepEqual(await p.problems(), []);
    });

    it('a run that stops at convergence: the steps field reads as its upper bound, Run again keeps that until a count is typed, the end names its step', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      await p.page.locator('#more-settings > summary').click();
      await p.page.locator('#steps').waitFor();
      // What the worker resolved for a file with no step count anywhere: the default stop.
      const ran: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 1000, tolerance: 1e-8 };
      await p.send({
        type: 'runStarted',
        runId: 'c1',
        file: '/ws/quadratic.ts',
        dimension: 1,
        paramNames: ['w'],
        settings: ran,
        setsControls: true,
      } satisfies HostMessage);
      const label = p.page.locator('label[for="steps"]');
      assert.equal(await label.innerText(), '최대 스텝 수 (수렴하면 먼저 멈춤)');
      await p.send({ type: 'runFinished', runId: 'c1', reason: 'converged', step: 48 } satisfies HostMessage);
      // The status names the run that ended, then why and where.
      assert.equal(await p.page.locator('#status').innerText(), 'quadratic.ts · sgd · η=0.1: 수렴했습니다 (48 스텝에서)');
      await p.page.locator('#run').click();
      let posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'rerun', settings: ran }, 'Run again stops at convergence too');
      // The learner types a count: from now on it is the run's exact length.
      await p.page.locator('#steps').click();
      await p.page.keyboard.press('Control+A');
      await p.page.keyboard.type('200');
      assert.equal(await label.innerText(), '스텝 수');
      await p.page.keyboard.press('Enter');
      posted = await p.posted();
      assert.deepEqual(posted[posted.length - 1], { type: 'rerun', settings: { optimizer: 'sgd', learningRate: 0.1, steps: 200 } });
      // A tolerance that is not a positive number is refused by the protocol.
      await p.send({
        type: 'runStarted',
        runId: 'c2',
        file: '/ws/quadratic.ts',
        dimension: 1,
        paramNames: ['w'],
        settings: { ...ran, tolerance: -1 },
        setsControls: true,
      } as unknown as HostMessage);
      assert.equal(await p.page.locator('#legend .legend-item').count(), 1, 'the invalid run was not drawn');
      assert.deepEqual(await p.problems(), []);
      if (theme === 'dark') await p.screenshot('converged-run');
    });

    it('keeps the log-scale choice with setState and restores it', async () => {
      const p = await openPanel(h, theme);
      await p.send(init);
      // The switch shows with the loss chart (no chart, no scale to choose): a run whose losses span less than a decade.
      await p.send({ type: 'runStarted', runId: 'r1', file: '/ws/f.ts', dimension: 1, paramNames: ['w'], settings } satisfies HostMessage);
      await p.send({
        type: 'progress',
        runId: 'r1',
        points: [
          { step: 0, loss: 1, params: [0], gradNorm: 1 },
          { step: 1, loss: 0.5, params: [0.5], gradNorm: 0.5 },
        ],
      } satisfies HostMessage);
      // Keyboard first (every control must work without a mouse), then the mouse undoes it.
      await p.page.locator('#log-scale').focus();
      await p.page.keyboard.press('Space');
      await p.page.locator('#log-scale label').click();
      await p.page.locator('#log-scale label').click();
      const state = (await p.savedState()) as { logScale: boolean; settings: RunSettings };
      assert.equal(state.logScale, true);
      assert.deepEqual(state.settings, settings);

      const restored = await openPanel(h, theme, state);
      await restored.send(init);
      await restored.page.locator('#log-scale').waitFor({ state: 'attached' });
      const checked = await restored.page.evaluate(() => (document.querySelector('#log-scale') as unknown as { checked: boolean }).checked);
      assert.equal(checked, true);
    });

    it('ignores malformed host messages without breaking', async () => {
      const p = await openPanel(h, theme);
      await p.send({ type: 'progress', runId: 'r1', points: [{ step: 'x' }] });
      await p.send({ type: 'nonsense' });
      await p.send(init);
      await p.page.locator('#empty-state').waitFor();
      const problems = await p.problems();
      assert.ok(
        problems.every((m) => !m.startsWith('pageerror') && !m.startsWith('csp')),
        problems.join('\n'),
      );
    });
  });
}
