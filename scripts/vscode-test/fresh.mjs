#!/usr/bin/env node
// `npm run test:fresh`: the integration layer as a machine that never ran it sees it. The VS Code
// test harness (Node 24 and both code-server versions), npm's download cache and the temporary
// folder all start empty, in a new folder under the system's temporary directory, so nothing an
// earlier run installed can hide a broken cold install. Run it whenever scripts/vscode-test/
// changes. The folder is removed at the end (GDTUTOR_KEEP_FRESH=1 keeps it, to look inside).
//
// It proves the harness, not the Debian packages: those come from .ci/run's apt-get step, and a
// missing one is named by the harness's preflight in one line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'gdtutor-fresh-'));
const dirs = { cache: path.join(scratch, 'vscode-test'), npmCache: path.join(scratch, 'npm-cache'), tmp: path.join(scratch, 'tmp') };
for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });

console.log(`[fresh] empty harness cache, npm cache and TMPDIR under ${scratch}`);
const started = Date.now();
const env = {
  ...process.env,
  GDTUTOR_VSCODE_CACHE: dirs.cache,
  // Upper case on purpose: the harness drops the lower-case npm_* variables an outer npm exports.
  NPM_CONFIG_CACHE: dirs.npmCache,
  TMPDIR: dirs.tmp,
};
const run = spawnSync(process.execPath, [path.join(root, 'out', 'test', 'integration', 'runTest.js')], { stdio: 'inherit', env });
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

const summary = path.join(root, 'out', 'test-results', 'integration.json');
const counts = existsSync(summary) ? JSON.parse(readFileSync(summary, 'utf8')) : { passed: 0, failed: 1 };
const du = spawnSync('du', ['-sm', dirs.cache], { encoding: 'utf8' }).stdout?.split('\t')[0];
console.log(`[fresh] cold install and integration layer: ${minutes} min, harness ${du ?? '?'} MB, exit ${run.status}`);
if (process.env.GDTUTOR_KEEP_FRESH === '1') console.log(`[fresh] kept ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(run.status === 0 && counts.failed === 0 ? 0 : 1);
