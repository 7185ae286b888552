#!/usr/bin/env node
// Stands in for a desktop VS Code executable when `@vscode/test-electron`'s runTests launches
// "VS Code": it starts the real VS Code server (code-server), opens its workbench in Debian's
// headless Chromium with the extension and the test entry in the URL, forwards the extension
// host's console (mocha's output) to stdout, and exits with the tests' exit code. The server,
// the browser and the run's end are workbench.mjs's, shared with launchWeb.mjs.
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
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureCodeServerOrExit } from './install.mjs';
import { openWorkbench, runTests, startCodeServer } from './workbench.mjs';

const version = process.env.GDTUTOR_CODE_SERVER_VERSION ?? '4.100.3';
const trusted = process.env.GDTUTOR_TRUSTED !== '0';
const timeoutMs = Number(process.env.GDTUTOR_TIMEOUT_MS ?? 600_000);

/** The arguments runTests gives a desktop VS Code: the workspace folder and the extension's paths. */
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

const args = parseArgs(process.argv.slice(2));
ensureCodeServerOrExit(version);
const runDir = mkdtempSync(path.join(tmpdir(), `gdtutor-vscode-${version}-`));
const folder = args.folder ?? path.join(runDir, 'workspace');
mkdirSync(folder, { recursive: true });

const run = await startCodeServer({
  version,
  runDir,
  tag: 'vscode-test',
  trusted,
  // 4.100 reads the URL payload without the driver, and does not know the option.
  smokeTestDriver: !version.startsWith('4.100.'),
  timeoutMs,
  printServerLog: (tail) => console.error(tail),
  onFinish(code, { passed, failed }) {
    // runTests only sees the exit code; runTest.ts reads the counts from here.
    if (process.env.GDTUTOR_RESULTS_FILE) {
      writeFileSync(process.env.GDTUTOR_RESULTS_FILE, JSON.stringify({ version, passed, failed, exitCode: code }));
    }
  },
});

try {
  await openWorkbench(run);
  await runTests(run, {
    folder,
    extensionDevelopmentPath: args.extensionDevelopmentPath,
    testsPaths: [args.extensionTestsPath, process.env.GDTUTOR_AFTER_RELOAD_TESTS].filter(Boolean),
  });
} catch (e) {
  await run.fail(e);
}
