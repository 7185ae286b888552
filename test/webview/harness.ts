/**
 * Loads the loss panel's real browser bundle in Debian's headless Chromium, under the same HTML
 * and Content-Security-Policy that VS Code gets from `panelHtml`, with a stand-in for the
 * `acquireVsCodeApi` handle that records what the app posts and saves.
 *
 * Served from a throw-away HTTP server on 127.0.0.1; every other request is aborted.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { panelHtml } from '../../src/panel/panelHtml';
import type { HostMessage, WebviewMessage } from '../../src/protocol/panelProtocol';

const root = path.resolve(__dirname, '../..');
export const artifactsDir = path.join(root, '.artifacts', 'webview');
export const NONCE = 'testNonce0123456789abcdefABCDEF0';

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8',
};

/** VS Code's body class is `vscode-${theme}`: vscode-light, vscode-dark, vscode-high-contrast. */
export type Theme = 'light' | 'dark' | 'high-contrast';

export const THEMES: readonly Theme[] = ['light', 'dark', 'high-contrast'];

export interface Harness {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(root, 'dist', 'webview.js'))) {
    throw new Error('dist/webview.js is missing: run `node esbuild.js` first');
  }
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/panel.html') {
        const asked = url.searchParams.get('theme') ?? 'dark';
        const theme: Theme = (THEMES as readonly string[]).includes(asked) ? (asked as Theme) : 'dark';
        const html = panelHtml({
          cspSource: origin,
          nonce: NONCE,
          scriptUri: `${origin}/dist/webview.js`,
          styleUri: `${origin}/media/panel.css`,
          codiconUri: `${origin}/dist/codicons/codicon.css`,
          lang: 'ko',
          title: 'test',
        })
          // VS Code injects its theme variables and body class; a same-origin stylesheet stands in.
          .replace(
            '<link rel="stylesheet" href="' + origin + '/media/panel.css">',
            `<link rel="stylesheet" href="${origin}/test/webview/themes/${theme}.css">$&`,
          )
          .replace('<body>', `<body class="vscode-${theme}">`);
        res.writeHead(200, { 'content-type': types['.html'] });
        res.end(html);
        return;
      }
      const file = path.join(root, path.normalize(url.pathname));
      const allowed = ['dist', 'media', path.join('test', 'webview', 'themes')].some((d) => file.startsWith(path.join(root, d) + path.sep));
      if (!allowed || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  return {
    browser,
    origin,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface PanelPage {
  page: Page;
  /** Messages the app posted to the host, in order. */
  posted(): Promise<WebviewMessage[]>;
  /** The last state the app saved with setState. */
  savedState(): Promise<unknown>;
  /** CSP violations and console errors seen so far. */
  problems(): Promise<string[]>;
  send(message: HostMessage | unknown): Promise<void>;
  /** Saves .artifacts/webview/<name>-<theme>.png; `fullPage` takes the whole page, not only the first screen. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
}

export interface PanelOptions {
  /** The page's viewport: the panel's size in the editor (default 900 × 600). */
  width?: number;
  height?: number;
}

export async function openPanel(h: Harness, theme: Theme, initialState?: unknown, options: PanelOptions = {}): Promise<PanelPage> {
  const context = await h.browser.newContext({
    viewport: { width: options.width ?? 900, height: options.height ?? 600 },
    locale: 'ko-KR',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => (route.request().url().startsWith(h.origin) ? route.continue() : route.abort()));
  // Init scripts run before the page's own and are not subject to its CSP: they stand in for
  // what VS Code's webview host provides.
  // Passed as source text: a function would be rewritten by the TypeScript loader (helpers such
  // as __name that do not exist in the page).
  await page.addInitScript(`(() => {
    const w = window;
    w.__posted = [];
    w.__state = ${JSON.stringify(initialState ?? null)} ?? undefined;
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
    });
    // window.postMessage only queues a message: __send posts a marker after it and resolves when
    // the marker arrives, so the app's handler has run before send() returns (a test that reads
    // the page right after a send does not race it). The marker never reaches the app.
    w.__send = (m) => new Promise((resolve) => {
      const marker = '__sent' + Math.random();
      const settle = (e) => {
        if (!e.data || e.data.__harnessMarker !== marker) return;
        e.stopImmediatePropagation();
        w.removeEventListener('message', settle, true);
        resolve();
      };
      w.addEventListener('message', settle, true);
      w.postMessage(m, '*');
      w.postMessage({ __harnessMarker: marker }, '*');
    });
    w.acquireVsCodeApi = () => ({
      postMessage: (m) => w.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => w.__state,
      setState: (s) => { w.__state = JSON.parse(JSON.stringify(s)); },
    });
  })();`);
  await page.goto(`${h.origin}/panel.html?theme=${theme}`);
  return {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted),
    savedState: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
    async problems() {
      const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      return [...csp.map((c) => `csp: ${c}`), ...problems];
    },
    send: (message) => page.evaluate((m) => (window as unknown as { __send(m: unknown): Promise<void> }).__send(m), message as object),
    async screenshot(name, shot = {}) {
      mkdirSync(artifactsDir, { recursive: true });
      const file = path.join(artifactsDir, `${name}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      return file;
    },
  };
}

/** Share of canvas pixels that differ from its most common colour (0 = blank). */
export async function canvasInk(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(sel) as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 24) ^ (data[i + 1] << 16) ^ (data[i + 2] << 8) ^ data[i + 3];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    return 1 - Math.max(...counts.values()) / total;
  }, selector);
}

/** Number of canvas pixels within a small distance of the CSS colour `color` (e.g. a series colour). */
export async function canvasColorPixels(page: Page, selector: string, color: string): Promise<number> {
  return page.evaluate(
    ({ sel, css }) => {
      const probe = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      const canvas = document.querySelector(sel) as HTMLCanvasElement;
      const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40 && data[i + 3] > 200) n++;
      }
      return n;
    },
    { sel: selector, css: color },
  );
}
