#!/usr/bin/env node
// `npm test`: type-check, lint, build, then the three test layers in order:
//   1. unit        mocha on Node (test/unit)
//   2. webview     the panel bundle in headless Chromium (test/webview)
//   3. integration mocha inside a real VS Code, oldest and latest supported (test/integration)
//   4. web         mocha inside VS Code for the Web, in its web-worker extension host (test/web)
// Every layer runs even when an earlier one fails, so one run shows everything; the last line
// is the total as `N passed, M failed`, and the exit code is non-zero if anything failed.
// GDTUTOR_LAYERS=unit,webview restricts the layers (for a quick local loop).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';

const layers = (process.env.GDTUTOR_LAYERS ?? 'unit,webview,integration,web').split(',').map((s) => s.trim());
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Runs a command with inherited stdio while also capturing its output. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        out += chunk;
        sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

/** Mocha's spec reporter ends with "N passing", "N failing", "N pending", then each failure as "  1) suite". */
function mochaCounts(out) {
  const n = (re) => Number(out.match(re)?.[1] ?? 0);
  return { passed: n(/(\d+) passing/), failed: n(/(\d+) failing/), pending: n(/(\d+) pending/), failures: failureTitles(out) };
}

/**
 * The failing tests' titles, from the list after "N failing" ("  1) suite\n       test:"): repeated in
 * the summary, so that the last lines of a long CI log name what failed.
 */
function failureTitles(out) {
  const tail = out.slice(out.search(/\d+ failing/));
  const titles = [];
  for (const m of tail.matchAll(/^ {2}(\d+)\) (.*)\n((?: {5,}.*\n)*?) {5,}(.*):\n/gm))
    titles.push(`${m[2]} › ${[m[3].trim(), m[4].trim()].filter(Boolean).join(' › ')}`);
  return titles;
}

const results = [];
let staticOk = true;

for (const [name, cmd, args] of [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'node', ['esbuild.js']],
]) {
  console.log(`\n━━ ${name} ━━`);
  const { code } = await run(cmd, args);
  if (code !== 0) {
    staticOk = false;
    console.log(`✗ ${name} failed (exit ${code})`);
  }
}

for (const layer of layers) {
  console.log(`\n━━ ${layer} tests ━━`);
  if (layer === 'unit') {
    const { code, out } = await run(npx, ['mocha']);
    results.push({ layer, code, ...mochaCounts(out) });
  } else if (layer === 'webview') {
    const { code, out } = await run(npx, ['mocha', '--config', 'test/webview/.mocharc.json']);
    results.push({ layer, code, ...mochaCounts(out) });
  } else if (layer === 'integration') {
    const summary = 'out/test-results/integration.json';
    rmSync(summary, { force: true });
    const { code } = await run('node', ['out/test/integration/runTest.js']);
    const counts = existsSync(summary) ? JSON.parse(readFileSync(summary, 'utf8')) : { passed: 0, failed: 0 };
    results.push({ layer, code, passed: counts.passed ?? 0, failed: counts.failed ?? 0, pending: 0 });
  } else if (layer === 'web') {
    const summary = 'out/test-results/web.json';
    rmSync(summary, { force: true });
    const { code, out } = await run('node', ['scripts/vscode-test/launchWeb.mjs']);
    const counts = existsSync(summary) ? JSON.parse(readFileSync(summary, 'utf8')) : { passed: 0, failed: 0 };
    results.push({ layer, code, passed: counts.passed ?? 0, failed: counts.failed ?? 0, pending: 0, failures: failureTitles(out) });
  } else {
    console.error(`unknown layer: ${layer}`);
    results.push({ layer, code: 2, passed: 0, failed: 1, pending: 0 });
  }
}

console.log('\n━━ summary ━━');
if (!staticOk) console.log('✗ type-check, lint or build failed (see above)');
let passed = 0;
let failed = 0;
let ok = staticOk;
for (const r of results) {
  // A layer that exits non-zero without counting a failure (a crash, a timeout) still fails,
  // and so does a layer that ran no test at all.
  const layerFailed = r.failed + (r.code !== 0 && r.failed === 0 ? 1 : 0) + (r.passed + r.failed === 0 ? 1 : 0);
  passed += r.passed;
  failed += layerFailed;
  if (layerFailed) ok = false;
  console.log(
    `${layerFailed ? '✗' : '✓'} ${r.layer}: ${r.passed} passed, ${layerFailed} failed${r.pending ? `, ${r.pending} pending` : ''}`,
  );
  for (const title of (r.failures ?? []).slice(0, 10)) console.log(`    ✗ ${title}`);
}
if (!staticOk) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
