#!/usr/bin/env node
// Stands in for a desktop VS Code executable when `@vscode/test-electron`'s runTests launches
// "VS Code": it starts the real VS Code server (code-server), opens its workbench in Debian's
// headless Chromium with the extension and the test entry in the URL, forwards the extension
// host's console (mocha's output) to stdout, and exits with the tests' exit code.
//
// Environment (set by test/integration/runTest.ts through runTests' extensionTestsEnv):
//   GDTUTOR_CODE_SERVER_VERSION  which installed code-server to run (default 4.100.3)
//   GDTUTOR_TRUSTED=0            keep workspace trust on (the untrusted-workspace suite)
//   GDTUTOR_RESULTS_FILE         where to write {"passed","failed"} parsed from the run's output
//   GDTUTOR_TIMEOUT_MS           whole-run limit (default 10 min) → exit 124
//   GDTUTOR_AFTER_RELOAD_TESTS   a second test entry, run after the first passes, in the same
//                                workbench reloaded (the window's editors and panels restored)
//
// The window is 1280 × 800. A test that logs `GDTUTOR_SCREENSHOT <absolute path>.png` gets a
// screenshot of the whole workbench at that path (written whole: the file appears when done).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { format } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureCodeServerOrExit, codeServerEntry, nodeBinDir } from './install.mjs';

const version = process.env.GDTUTOR_CODE_SERVER_VERSION ?? '4.100.3';
const trusted = process.env.GDTUTOR_TRUSTED !== '0';
const timeoutMs = Number(process.env.GDTUTOR_TIMEOUT_MS ?? 600_000);

function parseArgs(argv) {
  const out = { folder: undefined, extensionDevelopmentPath: undefined, extensionTestsPath: undefined };
  for (const a of argv) {
    if (a.startsWith('--extensionDevelopmentPath=')) out.extensionDevelopmentPath = a.slice('--extensionDevelopmentPath='.length);
    else if (a.startsWith('--extensionTestsPath=')) out.extensionTestsPath = a.slice('--extensionTestsPath='.length);
    else if (!a.startsWith('-')) out.folder = a;
  }
  if (!out.extensionDevelopmentPath || !out.extensionTestsPath) throw new Error(`launcher: missing extension paths in ${argv.join(' ')}`);
  return out;
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

const args = parseArgs(process.argv.slice(2));
ensureCodeServerOrExit(version);
const port = await freePort();
const runDir = mkdtempSync(path.join(tmpdir(), `gdtutor-vscode-${version}-`));
const folder = args.folder ?? path.join(runDir, 'workspace');
mkdirSync(folder, { recursive: true });

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
  '--log',
  'info',
];
if (trusted) serverArgs.push('--disable-workspace-trust');
if (!version.startsWith('4.100.')) serverArgs.push('--vscode-option', 'enable-smoke-test-driver');

const env = {
  ...process.env,
  PATH: `${nodeBinDir(version)}${path.delimiter}${process.env.PATH}`,
  EXTENSIONS_GALLERY: '{}',
  XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
  XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
  XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
};
const server = spawn(path.join(nodeBinDir(version), 'node'), serverArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

let browser;
let finished = false;
let passed = 0;
let failed = 0;

async function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  if (process.env.GDTUTOR_RESULTS_FILE) {
    writeFileSync(process.env.GDTUTOR_RESULTS_FILE, JSON.stringify({ version, passed, failed, exitCode: code }));
  }
  try {
    await browser?.close();
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
}

const watchdog = setTimeout(() => {
  console.error(`[vscode-test] timed out after ${timeoutMs} ms`);
  if (serverLog) console.error(serverLog.slice(-4000));
  void finish(124);
}, timeoutMs);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void finish(130));
server.on('exit', (code) => {
  if (!finished) {
    console.error(`[vscode-test] code-server exited early (${code})\n${serverLog.slice(-4000)}`);
    void finish(1);
  }
});

try {
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/healthz`, 60_000);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    // The workbench forwards console calls as (format string, ...args), as mocha's reporter makes them.
    const parts = Array.isArray(logArgs) ? logArgs : [logArgs];
    const text = format(...parts.map((a) => (typeof a === 'string' || typeof a === 'number' ? a : JSON.stringify(a))));
    const shot = text.match(/GDTUTOR_SCREENSHOT (\S+\.png)/);
    if (shot) {
      const target = shot[1];
      const partial = `${target}.partial.png`;
      mkdirSync(path.dirname(target), { recursive: true });
      void page
        .screenshot({ path: partial })
        .then(() => renameSync(partial, target))
        .catch((e) => console.error(`[vscode-test] screenshot failed: ${e}`));
    }
    const m = text.match(/GDTUTOR_RESULT (\{.*\})/);
    if (m) {
      const r = JSON.parse(m[1]);
      passed += r.passed;
      failed += r.failed;
    }
    process.stdout.write(`${text}\n`);
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const workbenchUrl = (testsPath) => {
    const payload = [
      ['extensionDevelopmentPath', remote(args.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(testsPath)],
      ['skipWelcome', 'true'],
    ];
    return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  };
  // Phase two reloads the same workbench (same user data): what a window reload restores.
  let afterReload = process.env.GDTUTOR_AFTER_RELOAD_TESTS;
  await page.exposeFunction('codeAutomationExit', (code) => {
    const ok = Number(code) === 0 && failed === 0;
    if (ok && afterReload) {
      const next = afterReload;
      afterReload = undefined;
      process.stdout.write('[vscode-test] reloading the window for the after-reload tests\n');
      void page.goto(workbenchUrl(next)).catch((e) => {
        console.error(`[vscode-test] reload failed: ${e}`);
        void finish(1);
      });
      return;
    }
    void finish(ok ? 0 : 1);
  });
  await page.goto(workbenchUrl(args.extensionTestsPath));
} catch (e) {
  console.error(`[vscode-test] ${e instanceof Error ? e.stack : e}`);
  if (serverLog) console.error(serverLog.slice(-4000));
  await finish(1);
}
