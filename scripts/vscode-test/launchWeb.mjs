#!/usr/bin/env node
// `npm run test:web`: the extension inside the real VS Code for the Web workbench, in its
// web-worker extension host. It starts code-server (the integration harness's install, see
// install.mjs), opens the workbench in Debian's headless Chromium with
// ["extensionDevelopmentKind","web"] in the URL payload, forwards the extension host's console
// (mocha's output) to stdout, and exits with the tests' exit code. See ../shared/TESTING.md,
// "VS Code for the Web".
//
// The extension under test is a copy whose manifest has `browser` and no `main`: with both,
// code-server runs it in the Node extension host whatever `extensionKind` says. The tests are
// test/web, bundled by buildWebTests.mjs. The workspace is a temporary copy of
// test/integration/workspace plus examples/, on disk, which the web host reaches through the
// remote file system.
//
// Environment:
//   GDTUTOR_CODE_SERVER_VERSION  which code-server to run (default 4.139.1, the verified route)
//   GDTUTOR_WEB_EXTENSION        the extension folder to test (default: this repository)
//   GDTUTOR_GREP                 run only the tests whose title matches
//   GDTUTOR_RESULTS_FILE         where to write {"passed","failed","exitCode"} (default
//                                out/test-results/web.json)
//   GDTUTOR_TIMEOUT_MS           whole-run limit (default 5 min) → exit 124
//
// The window is 1280 × 800. A test that logs `GDTUTOR_SCREENSHOT <absolute path>.png` gets a
// screenshot of the whole workbench at that path (written whole: the file appears when done).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { buildWebTests } from './buildWebTests.mjs';
import { codeServerEntry, ensureCodeServerOrExit, nodeBinDir } from './install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = process.env.GDTUTOR_CODE_SERVER_VERSION ?? '4.139.1';
const timeoutMs = Number(process.env.GDTUTOR_TIMEOUT_MS ?? 300_000);
const extensionSource = path.resolve(process.env.GDTUTOR_WEB_EXTENSION ?? root);
const resultsFile = process.env.GDTUTOR_RESULTS_FILE ?? path.join(root, 'out', 'test-results', 'web.json');
const started = Date.now();
const log = (msg) => process.stderr.write(`[vscode-test-web] ${msg}\n`);
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** What the harness says when it cannot start: one line, results recorded, exit 1. */
function fail(message) {
  log(message);
  writeResults(0, 0, 1);
  process.exit(1);
}

function writeResults(passed, failed, exitCode) {
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify({ version, passed, failed, exitCode, seconds: Math.round((Date.now() - started) / 1000) }));
}

// What a packaged extension ships (.vscodeignore's list) and the web host may read at run time.
const SHIPPED = ['dist', 'media', 'snippets', 'examples', 'l10n', 'package.nls.json', 'package.nls.ko.json', 'README.md', 'LICENSE'];

/** The extension's manifest, when it has a built browser entry; otherwise the run stops, saying why. */
function webManifest(source) {
  const file = path.join(source, 'package.json');
  if (!existsSync(file)) fail(`no package.json in ${source}`);
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof manifest.browser !== 'string') fail('the extension has no browser entry: add "browser" to package.json');
  const entry = path.join(source, manifest.browser);
  if (!existsSync(entry) && !existsSync(`${entry}.js`))
    fail(`the browser entry ${manifest.browser} (package.json "browser") does not exist: build it (node esbuild.js)`);
  return manifest;
}

/**
 * Copies the extension into `dest` with a manifest that has `browser` and no `main`, so that
 * code-server runs it in the web-worker extension host.
 */
function copyWebExtension(source, manifest, dest) {
  mkdirSync(dest, { recursive: true });
  for (const name of SHIPPED) {
    const from = path.join(source, name);
    if (existsSync(from)) cpSync(from, path.join(dest, name), { recursive: true, dereference: true });
  }
  // The TypeScript server plugin the manifest contributes (a package the VSIX also ships).
  const plugin = path.join(source, 'node_modules', 'gdtutor-typescript-plugin');
  if (existsSync(plugin))
    cpSync(plugin, path.join(dest, 'node_modules', 'gdtutor-typescript-plugin'), { recursive: true, dereference: true });
  const { main: _main, ...webOnly } = manifest;
  writeFileSync(path.join(dest, 'package.json'), `${JSON.stringify(webOnly, null, 2)}\n`);
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

// Everything that can fail without starting anything comes first.
const manifest = webManifest(extensionSource);
let testsBundle;
try {
  testsBundle = await buildWebTests();
} catch (e) {
  fail(`cannot build the web tests: ${e instanceof Error ? e.message : e}`);
}
ensureCodeServerOrExit(version);

const runDir = mkdtempSync(path.join(tmpdir(), `gdtutor-web-${version}-`));
const extensionDir = path.join(runDir, 'extension');
copyWebExtension(extensionSource, manifest, extensionDir);
// The tests run in the extension host of the extension whose folder holds them; outside every
// extension's folder they would run in the remote (Node) host.
const testsEntry = path.join(extensionDir, 'gdtutor-web-tests', 'index.js');
cpSync(testsBundle, testsEntry);
const folder = path.join(runDir, 'workspace');
cpSync(path.join(root, 'test', 'integration', 'workspace'), folder, { recursive: true });
// The shipped examples too, so the tests train exactly the files learners get.
cpSync(path.join(root, 'examples'), path.join(folder, 'examples'), { recursive: true });

const port = await freePort();
const serverArgs = [
  codeServerEntry(version),
  '--bind-addr',
  `127.0.0.1:${port}`,
  '--auth',
  'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--user-data-dir',
  path.join(runDir, 'user-data'),
  '--extensions-dir',
  path.join(runDir, 'extensions'),
  '--config',
  path.join(runDir, 'config.yaml'),
  // `info`, not `warn`: warn drops the extension host's console, which carries mocha's output.
  '--log',
  'info',
  // Without the smoke-test driver, code-server 4.1xx ignores the URL payload.
  '--vscode-option',
  'enable-smoke-test-driver',
];
const env = {
  ...process.env,
  PATH: `${nodeBinDir(version)}${path.delimiter}${process.env.PATH}`,
  // An empty gallery: otherwise the server asks the marketplace over the network.
  EXTENSIONS_GALLERY: '{}',
  XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
  XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
  XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
};
const server = spawn(path.join(nodeBinDir(version), 'node'), serverArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));
// The workbench's own errors (an extension that fails to load or activate says so only there):
// kept, and printed when the run fails.
const workbenchErrors = [];

let browser;
let finished = false;
let passed = 0;
let failed = 0;

async function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  if (code !== 0 && workbenchErrors.length) {
    log(`the workbench's last errors:`);
    for (const e of workbenchErrors.slice(-15)) process.stderr.write(`  ${e}\n`);
  }
  writeResults(passed, failed, code);
  log(`done in ${seconds()}: ${passed} passed, ${failed} failed, exit ${code}`);
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
  log(`timed out after ${timeoutMs} ms`);
  if (serverLog) process.stderr.write(serverLog.slice(-4000));
  void finish(124);
}, timeoutMs);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void finish(130));
server.on('exit', (code) => {
  if (!finished) {
    log(`code-server exited early (${code})\n${serverLog.slice(-4000)}`);
    void finish(1);
  }
});

try {
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/healthz`, 60_000);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Signals are handled above: playwright's own handlers would exit before code-server is stopped.
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
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  page.on('console', (m) => {
    if (m.type() === 'error') workbenchErrors.push(m.text().slice(0, 600));
  });
  page.on('pageerror', (e) => workbenchErrors.push(`page error: ${String(e.stack ?? e).slice(0, 1500)}`));
  let firstLine = true;
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    if (firstLine) {
      firstLine = false;
      log(`workbench up (first log line) after ${seconds()}`);
    }
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
        .catch((e) => log(`screenshot failed: ${e}`));
    }
    const m = text.match(/GDTUTOR_RESULT (\{.*\})/);
    if (m) {
      const r = JSON.parse(m[1]);
      passed += r.passed;
      failed += r.failed;
    }
    process.stdout.write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => void finish(Number(code) === 0 && failed === 0 ? 0 : 1));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionDevelopmentKind', 'web'],
    ['extensionTestsPath', remote(testsEntry)],
    ['skipWelcome', 'true'],
  ];
  log(`code-server ${version}, web-worker extension host; extension ${extensionSource}`);
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
} catch (e) {
  log(e instanceof Error ? e.stack : String(e));
  if (serverLog) process.stderr.write(serverLog.slice(-4000));
  await finish(1);
}
