/**
 * The 3-D view of a two-parameter loss surface (src/webview/surface3d.ts) in the real panel: the
 * toggle beside the contour map, the surface and the descent paths in the picture, keyboard
 * rotation and zoom, the reset, prefers-reduced-motion, the themes, and the sentence shown where
 * WebGL is unavailable. Headless Chromium renders WebGL 2 in software (SwiftShader) with the
 * harness's usual flags; the pixels are read back from the WebGL canvas (preserveDrawingBuffer).
 *
 * Screenshots: .artifacts/webview/surface-3d-<theme>.png (docs/screenshots/surface-3d-light.png and
 * -dark.png are copies of these).
 */
import { strict as assert } from 'node:assert';
import { startHarness, openPanel, canvasInk, THEMES, type Harness, type PanelPage } from './harness';
import { panelStrings } from '../../src/panel/panelStrings';
import type { HostMessage, RunSettings, StepPoint, SurfaceData } from '../../src/protocol/panelProtocol';

const settings: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 30 };
const strings = panelStrings();

const linspace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

/** The bowl L = x² + 4y² sampled on [−5, 5] × [−3, 3], as the worker sends it. */
const bowl: SurfaceData = (() => {
  const x = linspace(-5, 5, 60);
  const y = linspace(-3, 3, 50);
  return { kind: '2d', x, y, z: y.map((b) => x.map((a) => a ** 2 + 4 * b ** 2)), axes: [0, 1] };
})();

/** Gradient descent on the bowl with exact gradients: η = 0.1 glides in, η = 0.22 zigzags across the valley. */
function descend(start: [number, number], learningRate: number): StepPoint[] {
  const points: StepPoint[] = [];
  let [x, y] = start;
  for (let step = 0; step <= settings.steps; step++) {
    const g = [2 * x, 8 * y];
    points.push({ step, loss: x ** 2 + 4 * y ** 2, params: [x, y], gradNorm: Math.hypot(g[0], g[1]), gradient: g });
    x -= learningRate * g[0];
    y -= learningRate * g[1];
  }
  return points;
}

async function streamTwoRuns(p: PanelPage): Promise<void> {
  await p.send({ type: 'init', strings, settings } satisfies HostMessage);
  await p.page.locator('#empty-state').waitFor();
  const runs: Array<[string, [number, number], number]> = [
    ['r1', [-4, 2], 0.1],
    ['r2', [4, -2.5], 0.22],
  ];
  for (const [runId, start, learningRate] of runs) {
    const s = { ...settings, learningRate };
    await p.send({
      type: 'runStarted',
      runId,
      file: '/ws/bowl.ts',
      dimension: 2,
      paramNames: ['x', 'y'],
      settings: s,
    } satisfies HostMessage);
    await p.send({ type: 'surface', runId, surface: bowl } satisfies HostMessage);
    await p.send({ type: 'progress', runId, points: descend(start, learningRate) } satisfies HostMessage);
    await p.send({ type: 'runFinished', runId, reason: 'completed' } satisfies HostMessage);
  }
  await p.page.locator('#status', { hasText: strings.reasons.completed }).waitFor();
}

/**
 * Page-side pixel helpers, as source text (the TypeScript loader would wrap named functions in
 * __name(), which the page lacks). The WebGL canvas is copied onto a 2-D canvas to be read.
 */
const PIXELS = `window.__px = {
  grab() {
    const c = document.querySelector('#surface-3d');
    const o = document.createElement('canvas');
    o.width = c.width;
    o.height = c.height;
    const x = o.getContext('2d');
    x.drawImage(c, 0, 0);
    return x.getImageData(0, 0, o.width, o.height).data;
  },
  rgb(css) {
    const x = document.createElement('canvas').getContext('2d');
    x.fillStyle = css;
    x.fillRect(0, 0, 1, 1);
    return Array.from(x.getImageData(0, 0, 1, 1).data.slice(0, 3));
  },
  save(name) { this[name] = this.grab(); },
  /** Share of pixels that differ between a saved picture and the one on screen now. */
  diff(name) {
    const a = this[name], b = this.grab();
    if (a.length !== b.length) return 1;
    let n = 0;
    for (let i = 0; i < a.length; i += 4)
      if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 24) n++;
    return n / (a.length / 4);
  },
  /** Pixels within a small distance of a CSS colour. */
  near(css) {
    const [r, g, b] = this.rgb(css), d = this.grab();
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40) n++;
    return n;
  },
  /** Pixels near a CSS colour in a saved picture that are not near it now (what went when something was hidden). */
  gone(name, css) {
    const [r, g, b] = this.rgb(css), a = this[name], d = this.grab();
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(a[i] - r) + Math.abs(a[i + 1] - g) + Math.abs(a[i + 2] - b) < 40 && Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) >= 40) n++;
    return n;
  },
  /** Share of pixels that are not the editor's background (the surface, the frame, the paths). */
  ink() {
    const bg = this.rgb(getComputedStyle(document.body).getPropertyValue('--vscode-editor-background'));
    const d = this.grab();
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 30) n++;
    return n / (d.length / 4);
  },
  /** Pixels whose colour is viridis's low end (the valley's purple) or high end (the rim's yellow). */
  viridisEnds() {
    const d = this.grab();
    let low = 0, high = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (b > r + 20 && b > g + 10 && r > 40 && g < 80) low++;
      if (r > 120 && g > 120 && b < 60) high++;
    }
    return { low, high };
  },
};`;

const px = <T>(p: PanelPage, expression: string) => p.page.evaluate(expression) as Promise<T>;

/** The 3-D view has drawn a frame after `since` and come to rest (no glide still under way). */
async function settled(p: PanelPage, since = 0): Promise<number> {
  await p.page.waitForFunction(
    (n) => {
      const c = document.querySelector<HTMLCanvasElement>('#surface-3d');
      return !!c && Number(c.dataset.frames ?? 0) > n && c.dataset.settled === 'true';
    },
    since,
    { timeout: 20_000 },
  );
  return frames(p);
}

const frames = (p: PanelPage) =>
  p.page.evaluate(() => Number(document.querySelector<HTMLCanvasElement>('#surface-3d')?.dataset.frames ?? 0));

/** Presses a key on the focused 3-D canvas and waits until the view has come to rest again. */
async function press(p: PanelPage, key: string): Promise<void> {
  const before = await frames(p);
  await p.page.keyboard.press(key);
  await settled(p, before);
}

/** The first run's colour as this theme draws it (its legend swatch). */
const runColor = (p: PanelPage) =>
  p.page.evaluate(() => getComputedStyle(document.querySelector('#legend .legend-item .swatch') as HTMLElement).backgroundColor);

describe('3-D loss surface', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const theme of THEMES) {
    it(`switches to 3-D, shows the surface and the paths, turns by keyboard, resets, and back to 2-D (${theme})`, async () => {
      const p = await openPanel(h, theme);
      await streamTwoRuns(p);
      const toggle2d = p.page.locator('#surface-view-2d');
      const toggle3d = p.page.locator('#surface-view-3d');
      // The contour map is the default view.
      assert.equal(await toggle2d.getAttribute('aria-pressed'), 'true');
      assert.equal(await toggle3d.getAttribute('aria-pressed'), 'false');
      assert.equal(await toggle3d.innerText(), strings.surface3d);
      assert.ok(await p.page.locator('#surface-map').isVisible());

      // The toggle is reachable and works from the keyboard.
      await toggle2d.focus();
      await p.page.keyboard.press('Tab');
      assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'surface-view-3d');
      await p.page.keyboard.press('Enter');
      assert.equal(await toggle3d.getAttribute('aria-pressed'), 'true');
      assert.equal(await toggle2d.getAttribute('aria-pressed'), 'false');
      assert.ok(!(await p.page.locator('#surface-map').isVisible()), 'the 2-D map should be hidden in 3-D');
      // The caption describes the picture on show: the 3-D surface now, not the map's arrows.
      assert.equal(await p.page.locator('#view-caption').innerText(), strings.captions.surface3d);
      const canvas = p.page.locator('#surface-3d');
      assert.ok(await canvas.isVisible());
      assert.equal(await canvas.getAttribute('role'), 'img');
      assert.ok((await canvas.getAttribute('aria-label'))?.startsWith(strings.surface3dLabel));
      assert.equal(await canvas.getAttribute('tabindex'), '0');
      assert.ok(await p.page.getByText(strings.surface3dHint, { exact: true }).isVisible(), 'the keyboard hint is shown');
      await settled(p);
      await p.page.evaluate(PIXELS);

      // The surface: most of the picture, with both ends of viridis (the valley's purple, the rim's yellow).
      const ink = await px<number>(p, '__px.ink()');
      assert.ok(ink > 0.15, `the 3-D view looks blank (${(ink * 100).toFixed(1)}% ink)`);
      const ends = await px<{ low: number; high: number }>(p, '__px.viridisEnds()');
      assert.ok(ends.low > 100 && ends.high > 500, `viridis ends not seen: ${JSON.stringify(ends)}`);

      // The first run's path: its colour's pixels are there, and they go when the run is hidden in the legend.
      const color = await runColor(p);
      const shown = await px<number>(p, `__px.near(${JSON.stringify(color)})`);
      await px(p, '__px.save("shown")');
      let since = await frames(p);
      await p.page.locator('#legend .legend-item').first().click();
      await settled(p, since);
      const gone = await px<number>(p, `__px.gone("shown", ${JSON.stringify(color)})`);
      assert.ok(gone > 200, `hiding the run took away only ${gone} of the ${shown} pixels of its colour ${color}`);
      since = await frames(p);
      await p.page.locator('#legend .legend-item').first().click();
      await settled(p, since);

      await p.screenshot('surface-3d');
      await px(p, '__px.save("first")');

      // Arrow keys turn it (a visible focus ring on the canvas), + zooms, Home and 0 go back to the first view.
      await toggle3d.focus();
      await p.page.keyboard.press('Tab');
      assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'surface-3d');
      const outline = await canvas.evaluate((c) => (c.matches(':focus-visible') ? getComputedStyle(c).outlineStyle : 'none'));
      assert.notEqual(outline, 'none', 'the focused canvas shows a focus ring');
      await press(p, 'ArrowLeft');
      await press(p, 'ArrowLeft');
      const turned = await px<number>(p, '__px.diff("first")');
      assert.ok(turned > 0.1, `two ← turned only ${(turned * 100).toFixed(1)}% of the picture`);
      await press(p, 'ArrowUp');
      await px(p, '__px.save("turned")');
      await press(p, '+');
      assert.ok((await px<number>(p, '__px.diff("turned")')) > 0.05, '+ did not zoom');
      await press(p, 'Home');
      assert.ok((await px<number>(p, '__px.diff("first")')) < 0.002, 'Home did not restore the first view');
      await press(p, 'ArrowDown');
      await press(p, '-');
      assert.ok((await px<number>(p, '__px.diff("first")')) > 0.05);
      await press(p, '0');
      assert.ok((await px<number>(p, '__px.diff("first")')) < 0.002, '0 did not restore the first view');

      // A mouse drag orbits; the reset button restores the first view.
      const box = await canvas.boundingBox();
      assert.ok(box);
      since = await frames(p);
      await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await p.page.mouse.down();
      await p.page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, { steps: 8 });
      await p.page.mouse.up();
      await settled(p, since);
      assert.ok((await px<number>(p, '__px.diff("first")')) > 0.1, 'a drag did not turn the view');
      since = await frames(p);
      await p.page.locator('#surface-3d-reset').click();
      await settled(p, since);
      assert.ok((await px<number>(p, '__px.diff("first")')) < 0.002, 'the reset button did not restore the first view');

      // Back to 2-D: the contour map again.
      await toggle2d.click();
      assert.equal(await toggle2d.getAttribute('aria-pressed'), 'true');
      assert.ok(!(await canvas.isVisible()));
      assert.ok(await p.page.locator('#surface-map').isVisible());
      assert.equal(await p.page.locator('#view-caption').innerText(), strings.captions.map);
      await p.page.waitForTimeout(100);
      assert.ok((await canvasInk(p.page, '#surface-map')) > 0.2, 'the contour map looks blank after the toggle');
      assert.deepEqual(await p.problems(), []);
    });
  }

  it('turns at once, without a glide, under prefers-reduced-motion', async () => {
    const p = await openPanel(h, 'dark');
    await p.page.emulateMedia({ reducedMotion: 'reduce' });
    await streamTwoRuns(p);
    await p.page.locator('#surface-view-3d').click();
    await settled(p);
    await p.page.locator('#surface-3d').focus();
    const before = await frames(p);
    await press(p, 'ArrowLeft');
    // One frame for the turn (two at most, if a resize coincided), where a glide takes dozens.
    assert.ok((await frames(p)) - before <= 2, `${(await frames(p)) - before} frames for one key without motion`);
    // With motion, the same key glides over many frames: the test above measures what it claims.
    await p.page.emulateMedia({ reducedMotion: 'no-preference' });
    // A media query's change event comes with the next rendering update: let two frames pass.
    await p.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const glide = await frames(p);
    await press(p, 'ArrowLeft');
    assert.ok((await frames(p)) - glide > 5, 'with motion allowed, a turn should glide');
    assert.deepEqual(await p.problems(), []);
  });

  it('says in words that WebGL is unavailable, without an error', async () => {
    const p = await openPanel(h, 'light');
    // No WebGL context for anyone: what a machine without GPU or software rendering gives.
    await p.page.addInitScript(`(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return /webgl/i.test(type) ? null : original.call(this, type, ...rest);
      };
    })();`);
    await p.page.reload();
    await streamTwoRuns(p);
    await p.page.locator('#surface-view-3d').click();
    const message = p.page.locator('.surface-3d-fallback');
    await message.waitFor();
    assert.equal(await message.innerText(), strings.webglUnavailable);
    assert.ok(!(await p.page.locator('#surface-3d').isVisible()));
    assert.ok(!(await p.page.locator('#surface-3d-reset').isVisible()), 'no reset button without a picture');
    // The map is still there one click away.
    await p.page.locator('#surface-view-2d').click();
    assert.ok(await p.page.locator('#surface-map').isVisible());
    assert.deepEqual(await p.problems(), []);
  });
});
