#!/usr/bin/env node
// `npm test`: build, then type-check and lint (beside the unit layer: both are plain Node work, and
// on a two-core machine running them together saves their 45 s), then the test layers in order:
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

/**
 * Runs a command while capturing its output: shown as it comes, or (`quiet`) only returned, so
 * that a command running beside another does not interleave its lines with the other's.
 */
function run(cmd, args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        out += chunk;
        if (!quiet) sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), out, seconds: Math.round((Date.now() - started) / 1000) }),
    );
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
const timings = [];
let staticOk = true;

console.log('\n━━ build ━━');
const build = await run('node', ['esbuild.js']);
timings.push(`build ${build.seconds} s`);
if (build.code !== 0) {
  staticOk = false;
  console.log(`✗ build failed (exit ${build.code})`);
}

// Type-check and lint run beside the first layer; their output is printed after it.
const staticChecks = (async () => {
  const reports = [];
  for (const [name, args] of [
    ['typecheck', ['run', '--silent', 'typecheck']],
    ['lint', ['run', '--silent', 'lint']],
  ]) {
    const r = await run('npm', args, { quiet: true });
    timings.push(`${name} ${r.seconds} s`);
    reports.push({ name, ...r });
  }
  return reports;
})();
let staticPending = true;
const staticDone = async () => {
  if (!staticPending) return;
  staticPending = false;
  for (const r of await staticChecks) {
    console.log(`\n━━ ${r.name} ━━\n${r.out.trimEnd()}`);
    if (r.code !== 0) {
      staticOk = false;
      console.log(`✗ ${r.name} failed (exit ${r.code})`);
    }
  }
};

for (const layer of layers) {
  console.log(`\n━━ ${layer} tests ━━`);
  const layerStarted = Date.now();
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
  timings.push(`${layer} ${Math.round((Date.now() - layerStarted) / 1000)} s`);
  // The static checks end before the next layer starts: the browser layers want both cores.
  await staticDone();
}

await staticDone();

console.log('\n━━ summary ━━');
console.log(`time: ${timings.join(', ')}`);
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
