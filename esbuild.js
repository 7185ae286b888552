// Builds every bundle of the extension with esbuild.
//   node esbuild.js              one build (with source maps)
//   node esbuild.js --watch      rebuild on change
//   node esbuild.js --production minified, no source maps (what `npm run package` ships)
// Each target states its platform: the extension, worker, CLI and engine library run on Node;
// the web entry and its worker (VS Code for the Web) and the webview app run in the browser.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

/**
 * VS Code for the Web: where a module has a `.web.ts` twin beside it (worker/isolatedRun.web.ts,
 * worker/roomPool.web.ts, runner/learnerHost.web.ts), browser builds take the twin. The twin has
 * the same exports; the shared code above it does not know which platform it runs on.
 */
const webTwins = {
  name: 'web-twins',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.importer.endsWith('.web.ts')) return undefined;
      const twin = path.resolve(args.resolveDir, `${args.path}.web.ts`);
      return fs.existsSync(twin) ? { path: twin } : undefined;
    });
  },
};

/** A browser bundle of host or worker code: no Node APIs; `path` is path-browserify. */
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [webTwins],
  alias: { path: 'path-browserify', 'node:path': 'path-browserify' },
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** Shipped in the VSIX (dist/). */
const targets = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { api: 'src/api.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { worker: 'src/worker/worker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { sealedRoom: 'src/worker/sealedRoom.ts' }, outdir: 'dist' },
  // VS Code for the Web: the web-worker extension host's entry, and the sealed room's Web Worker.
  { ...web, format: 'cjs', external: ['vscode'], entryPoints: { browser: 'src/browser.ts' }, outdir: 'dist' },
  { ...web, format: 'iife', entryPoints: { webWorker: 'src/worker/webWorker.ts' }, outdir: 'dist' },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
  },
].filter((t) => Object.values(t.entryPoints).every((f) => fs.existsSync(f)));

/** Development only (out/): integration-test entry points and the benchmark. */
function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listTs(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}
if (!production) {
  const integration = listTs('test/integration');
  if (integration.length) {
    // mocha stays external: the extension host loads it from node_modules like any test runner.
    targets.push({
      ...node,
      sourcemap: true,
      minify: false,
      entryPoints: integration.filter((f) => !f.includes(`${path.sep}workspace${path.sep}`)),
      outbase: '.',
      outdir: 'out',
      external: ['vscode', 'mocha', '@vscode/test-electron'],
    });
  }
  const bench = listTs('bench');
  if (bench.length) {
    // playwright-core stays external: it is loaded from node_modules, as the webview tests load it.
    targets.push({
      ...node,
      sourcemap: true,
      minify: false,
      entryPoints: bench,
      outbase: '.',
      outdir: 'out',
      external: ['vscode', 'playwright-core'],
    });
  }
}

const { emitGdtutorTypes } = require('./scripts/emitGdtutorTypes');

/** Static files the webview loads besides the bundle (codicon font for @vscode-elements). */
function copyAssets() {
  const dest = path.join('dist', 'codicons');
  fs.mkdirSync(dest, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join('node_modules', '@vscode', 'codicons', 'dist', f), path.join(dest, f));
  }
}

async function main() {
  if (production) fs.rmSync('dist', { recursive: true, force: true });
  copyAssets();
  emitGdtutorTypes();
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log(`[esbuild] watching ${targets.length} bundles…`);
    return;
  }
  // Every bundle is attempted even when one fails, so one broken entry does not leave the
  // others stale; the build still fails as a whole.
  const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed) {
    console.error(`[esbuild] ${failed} of ${targets.length} bundles failed`);
    process.exit(1);
  }
  console.log(`[esbuild] built ${targets.length} bundles${production ? ' (production)' : ''}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
