// What the two test launchers share: a real VS Code server (code-server) run with a throw-away
// user-data dir, its workbench opened in Debian's headless Chromium, the extension host's console
// forwarded to stdout and counted, and one `finish` that records, stops everything and exits.
// launch.mjs (the Node extension host, for runTests) and launchWeb.mjs (the web-worker extension
// host) differ only in what they test and in what they record; see each of them.
//
// The window is 1280 × 800. A test that logs `GDTUTOR_SCREENSHOT <absolute path>.png` gets a
// screenshot of the whole workbench at that path (written whole: the file appears when done).
// A test entry's mocha reports its counts as a line `GDTUTOR_RESULT {"passed":N,"failed":M}`.
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { codeServerEntry, nodeBinDir } from './install.mjs';

/** A launcher's one-line messages on stderr, `[tag] message`, so they stand apart from mocha's. */
export function stderrLog(tag) {
  return (msg) => process.stderr.write(`[${tag}] ${msg}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitForServer(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

/**
 * Starts code-server on a free port, everything it keeps under `runDir`, and owns the run from
 * then on: a watchdog (`timeoutMs` → exit 124), SIGINT/SIGTERM/SIGHUP (→ 130) and the server
 * dying early (→ 1) all end in `finish`, which calls `onFinish(code, { passed, failed })` (the
 * launcher records its results), closes Chromium, stops the server's process group, deletes
 * `runDir` and exits with `code`.
 *
 * Options: `tag` prefixes the messages; `trusted: false` keeps workspace trust on;
 * `smokeTestDriver` makes code-server 4.1xx read the URL payload (4.100 reads it without, and
 * has no such option); `printServerLog(tail)` prints the server's last output where a run fails.
 */
export async function startCodeServer({ version, runDir, tag, trusted, smokeTestDriver, timeoutMs, printServerLog, onFinish }) {
  const log = stderrLog(tag);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverArgs = [
    codeServerEntry(version),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    path.join(runDir, 'user-data'),
    '--extensions-dir',
    path.join(runDir, 'extensions'),
    '--config',
    path.join(runDir, 'config.yaml'),
    // `info`, not `warn`: warn drops the extension host's console, which carries mocha's output.
    '--log',
    'info',
  ];
  if (trusted) serverArgs.push('--disable-workspace-trust');
  if (smokeTestDriver) serverArgs.push('--vscode-option', 'enable-smoke-test-driver');
  const env = {
    ...process.env,
    PATH: `${nodeBinDir(version)}${path.delimiter}${process.env.PATH}`,
    // An empty gallery: otherwise the server asks the marketplace over the network.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
  };
  // Detached, so that `finish` can stop the server and every process it started as one group.
  const server = spawn(path.join(nodeBinDir(version), 'node'), serverArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  const printTail = () => {
    if (serverLog) printServerLog(serverLog.slice(-4000));
  };

  let finished = false;
  const run = {
    port,
    base,
    tag,
    log,
    passed: 0,
    failed: 0,
    /** Set by openWorkbench. */
    browser: undefined,
    page: undefined,

    async finish(code) {
      if (finished) return;
      finished = true;
      clearTimeout(watchdog);
      onFinish(code, { passed: run.passed, failed: run.failed });
      try {
        await run.browser?.close();
      } catch {
        // already gone
      }
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(runDir, { recursive: true, force: true });
      process.exit(code);
    },

    /** What a launcher does with an error that stops the run before the tests end. */
    async fail(e) {
      log(e instanceof Error ? e.stack : String(e));
      printTail();
      await run.finish(1);
    },
  };

  const watchdog = setTimeout(() => {
    log(`timed out after ${timeoutMs} ms`);
    printTail();
    void run.finish(124);
  }, timeoutMs);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void run.finish(130));
  server.on('exit', (code) => {
    if (!finished) {
      log(`code-server exited early (${code})\n${serverLog.slice(-4000)}`);
      void run.finish(1);
    }
  });
  return run;
}

/**
 * Waits for the server, then opens a workbench page in headless Chromium that reaches only
 * 127.0.0.1 and forwards the extension host's console to stdout line by line, counting
 * `GDTUTOR_RESULT` lines into `run.passed` / `run.failed` and taking `GDTUTOR_SCREENSHOT`s.
 * `onFirstLine` is called once, when the first line arrives (the workbench is up).
 */
export async function openWorkbench(run, { onFirstLine } = {}) {
  await waitForServer(`${run.base}/healthz`, 60_000);
  run.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Signals are handled by startCodeServer: playwright's own handlers would exit before
    // code-server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
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
  // A common laptop window: what a learner sees with the panel beside the editor.
  const page = await run.browser.newPage({ viewport: { width: 1280, height: 800 } });
  run.page = page;
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  let firstLine = true;
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    if (firstLine) {
      firstLine = false;
      onFirstLine?.();
    }
    // The workbench forwards console calls as (format string, ...args), as mocha's reporter makes them.
    const parts = Array.isArray(logArgs) ? logArgs : [logArgs];
    const text = format(...parts.map((a) => (typeof a === 'string' || typeof a === 'number' ? a : JSON.stringify(a))));
    const shot = text.match(/GDTUTOR_SCREENSHOT (\S+\.png)/);
    if (shot) {
      const target = shot[1];
      // Written aside and renamed, so that a test waiting for the file never reads half of it.
      const partial = `${target}.partial.png`;
      mkdirSync(path.dirname(target), { recursive: true });
      void page
        .screenshot({ path: partial })
        .then(() => renameSync(partial, target))
        .catch((e) => run.log(`screenshot failed: ${e}`));
    }
    const m = text.match(/GDTUTOR_RESULT (\{.*\})/);
    if (m) {
      const r = JSON.parse(m[1]);
      run.passed += r.passed;
      run.failed += r.failed;
    }
    process.stdout.write(`${text}\n`);
  });
  return page;
}

/**
 * Runs the test entries in `testsPaths` one after the other in the workbench of `folder`, the
 * extension from `extensionDevelopmentPath` (`web`: in the web-worker extension host). Each next
 * entry runs only when everything so far passed, in the same workbench reloaded (same user
 * data: what a window reload restores). The run finishes with 0 when all passed, else 1.
 */
export async function runTests(run, { folder, extensionDevelopmentPath, web = false, testsPaths }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${run.port}${p}`;
  const workbenchUrl = (testsPath) => {
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ...(web ? [['extensionDevelopmentKind', 'web']] : []),
      ['extensionTestsPath', remote(testsPath)],
      ['skipWelcome', 'true'],
    ];
    return `${run.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  };
  const [first, ...rest] = testsPaths;
  await run.page.exposeFunction('codeAutomationExit', (code) => {
    const ok = Number(code) === 0 && run.failed === 0;
    if (ok && rest.length) {
      const next = rest.shift();
      // On stdout, with mocha's output: it tells the two phases' reports apart.
      process.stdout.write(`[${run.tag}] reloading the window for the after-reload tests\n`);
      void run.page.goto(workbenchUrl(next)).catch((e) => {
        run.log(`reload failed: ${e}`);
        void run.finish(1);
      });
      return;
    }
    void run.finish(ok ? 0 : 1);
  });
  await run.page.goto(workbenchUrl(first));
}
