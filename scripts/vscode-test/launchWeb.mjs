#!/usr/bin/env node
// `npm run test:web`: the extension inside the real VS Code for the Web workbench, in its
// web-worker extension host. It starts code-server (the integration harness's install, see
// install.mjs), opens the workbench in Debian's headless Chromium with
// ["extensionDevelopmentKind","web"] in the URL payload, forwards the extension host's console
// (mocha's output) to stdout, and exits with the tests' exit code (README, "Tests": the web
// layer). The server, the browser and the run's end are workbench.mjs's, shared with launch.mjs
// (the Node extension host).
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
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebTests } from './buildWebTests.mjs';
import { ensureCodeServerOrExit } from './install.mjs';
import { openWorkbench, runTests, startCodeServer, stderrLog } from './workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = process.env.GDTUTOR_CODE_SERVER_VERSION ?? '4.139.1';
const timeoutMs = Number(process.env.GDTUTOR_TIMEOUT_MS ?? 300_000);
const extensionSource = path.resolve(process.env.GDTUTOR_WEB_EXTENSION ?? root);
const resultsFile = process.env.GDTUTOR_RESULTS_FILE ?? path.join(root, 'out', 'test-results', 'web.json');
const started = Date.now();
const log = stderrLog('vscode-test-web');
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

// The workbench's own errors (an extension that fails to load or activate says so only there):
// kept, and printed when the run fails.
const workbenchErrors = [];

const run = await startCodeServer({
  version,
  runDir,
  tag: 'vscode-test-web',
  trusted: true,
  // Without the smoke-test driver, code-server 4.1xx ignores the URL payload.
  smokeTestDriver: true,
  timeoutMs,
  printServerLog: (tail) => process.stderr.write(tail),
  onFinish(code, { passed, failed }) {
    if (code !== 0 && workbenchErrors.length) {
      log(`the workbench's last errors:`);
      for (const e of workbenchErrors.slice(-15)) process.stderr.write(`  ${e}\n`);
    }
    writeResults(passed, failed, code);
    log(`done in ${seconds()}: ${passed} passed, ${failed} failed, exit ${code}`);
  },
});

try {
  const page = await openWorkbench(run, { onFirstLine: () => log(`workbench up (first log line) after ${seconds()}`) });
  page.on('console', (m) => {
    if (m.type() === 'error') workbenchErrors.push(m.text().slice(0, 600));
  });
  page.on('pageerror', (e) => workbenchErrors.push(`page error: ${String(e.stack ?? e).slice(0, 1500)}`));
  log(`code-server ${version}, web-worker extension host; extension ${extensionSource}`);
  await runTests(run, { folder, extensionDevelopmentPath: extensionDir, web: true, testsPaths: [testsEntry] });
} catch (e) {
  await run.fail(e);
}
