/**
 * `npm run test:integration`: runs the integration suites inside a real VS Code through
 * @vscode/test-electron's runTests, on the oldest supported (1.100) and the latest (1.139).
 *
 * Where no desktop VS Code can be had (these machines reach only npm and Debian), the
 * "executable" is scripts/vscode-test/code-server.sh: the real VS Code server in headless
 * Chromium. GDTUTOR_VSCODE_EXECUTABLE points at a desktop VS Code instead;
 * GDTUTOR_VSCODE_VERSIONS=4.100.3 restricts the versions (code-server version numbers);
 * GDTUTOR_GREP=<title pattern> runs only the matching tests.
 */
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const versions = (process.env.GDTUTOR_VSCODE_VERSIONS ?? '4.100.3,4.139.1')
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean);
const desktop = process.env.GDTUTOR_VSCODE_EXECUTABLE;

interface Suite {
  name: string;
  testsPath: string;
  trusted: boolean;
  /** Run in the same workbench after a reload, when the first entry passed (offline route only). */
  afterReloadPath?: string;
}

const suites: Suite[] = [
  {
    name: 'trusted',
    testsPath: path.join(__dirname, 'suite', 'index.js'),
    trusted: true,
    afterReloadPath: path.join(__dirname, 'reload', 'index.js'),
  },
  { name: 'untrusted', testsPath: path.join(__dirname, 'untrusted', 'index.js'), trusted: false },
];

interface Outcome {
  version: string;
  suite: string;
  passed: number;
  failed: number;
  ok: boolean;
  seconds: number;
}

async function runOne(version: string, suite: Suite): Promise<Outcome> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'gdtutor-ws-'));
  cpSync(path.join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  // The shipped examples too, so the suite trains exactly the files learners get.
  cpSync(path.join(root, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  const resultsFile = path.join(workspace, '..', `${path.basename(workspace)}-results.json`);
  const started = Date.now();
  let ok = true;
  console.log(`\n── VS Code ${desktop ? '(desktop)' : `code-server ${version}`} · ${suite.name} suite ──`);
  try {
    await runTests({
      vscodeExecutablePath: desktop ?? path.join(root, 'scripts', 'vscode-test', 'code-server.sh'),
      extensionDevelopmentPath: root,
      extensionTestsPath: suite.testsPath,
      launchArgs: [workspace],
      extensionTestsEnv: {
        GDTUTOR_CODE_SERVER_VERSION: version,
        GDTUTOR_TRUSTED: suite.trusted ? '1' : '0',
        GDTUTOR_RESULTS_FILE: resultsFile,
        ...(suite.afterReloadPath ? { GDTUTOR_AFTER_RELOAD_TESTS: suite.afterReloadPath } : {}),
        ...(process.env.GDTUTOR_GREP ? { GDTUTOR_GREP: process.env.GDTUTOR_GREP } : {}),
      },
    });
  } catch (e) {
    ok = false;
    console.error(`✗ ${suite.name} on ${version}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const counts = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { passed: number; failed: number })
    : { passed: 0, failed: 0 };
  rmSync(workspace, { recursive: true, force: true });
  rmSync(resultsFile, { force: true });
  // A run that crashed or timed out without reporting a failure still counts as one.
  const failed =
    counts.failed + (!ok && counts.failed === 0 ? 1 : 0) + (counts.passed + counts.failed === 0 && !process.env.GDTUTOR_GREP ? 1 : 0);
  return {
    version,
    suite: suite.name,
    passed: counts.passed,
    failed,
    ok: ok && failed === 0,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/**
 * Installs one code-server version before its suites run (a no-op once cached), so a failed
 * install is reported once, with its one-line reason, instead of once per suite; and so the
 * install's time is told apart from the tests'.
 */
function install(version: string): { ok: boolean; seconds: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'vscode-test', 'install.mjs'), version], { stdio: 'inherit' });
  return { ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
}

async function main(): Promise<number> {
  const outcomes: Outcome[] = [];
  for (const version of desktop ? ['desktop'] : versions) {
    if (!desktop) {
      const installed = install(version);
      if (installed.seconds > 5) console.log(`[vscode-test] code-server ${version} ready after ${installed.seconds} s`);
      if (!installed.ok) {
        for (const suite of suites) outcomes.push({ version, suite: suite.name, passed: 0, failed: 1, ok: false, seconds: 0 });
        continue;
      }
    }
    for (const suite of suites) outcomes.push(await runOne(version, suite));
  }
  console.log('\n── integration summary ──');
  for (const o of outcomes)
    console.log(`${o.ok ? '✓' : '✗'} ${o.version} ${o.suite}: ${o.passed} passed, ${o.failed} failed (${o.seconds} s)`);
  const passed = outcomes.reduce((s, o) => s + o.passed, 0);
  const failed = outcomes.reduce((s, o) => s + o.failed, 0);
  mkdirSync(path.join(root, 'out', 'test-results'), { recursive: true });
  writeFileSync(path.join(root, 'out', 'test-results', 'integration.json'), JSON.stringify({ passed, failed, runs: outcomes }, null, 2));
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
