#!/usr/bin/env node
// Builds the web layer's test bundle: test/web/index.ts → out/test/web/index.js, for VS Code's
// web-worker extension host (browser platform, CommonJS so the host's loader can take its
// `run` export, `vscode` left to the host). The web worker cannot run the desktop CLI, so the
// CLI's runs that the tests compare against are computed here and built into the bundle.
// Needs `node esbuild.js` first (dist/cli.js).
//   node scripts/vscode-test/buildWebTests.mjs
// GDTUTOR_GREP=<title pattern> builds a bundle that runs only the matching tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_TESTS_BUNDLE = path.join(root, 'out', 'test', 'web', 'index.js');

/** `node dist/cli.js train <file> --json`: params and losses, as the desktop computes them. */
function cliRun(file) {
  const out = execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'train', file, '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const { params, losses } = JSON.parse(out);
  return { params, losses };
}

/**
 * mocha's browser build (mocha/mocha.js) is a UMD file in a `"type": "module"` package, so esbuild
 * bundles it as an ES module and leaves its free `module` and `exports` to the bundle's
 * surroundings: the extension host's CommonJS wrapper. Its `module.exports = mocha` then replaced
 * the test entry's exports, and the host called mocha's own `run` instead of index.ts's. Hiding
 * `module`, `exports` and `define` from it takes its other branch: the global `mocha`.
 */
const mochaAsGlobal = {
  name: 'mocha-as-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${(await readFile(args.path, 'utf8')).replace(/^\/\/# sourceMappingURL=.*$/m, '')}\n})();\n`,
      loader: 'js',
    }));
  },
};

export async function buildWebTests() {
  if (!existsSync(path.join(root, 'dist', 'cli.js')))
    throw new Error('dist/cli.js is missing: build the extension first (node esbuild.js)');
  const cli = { quadratic: cliRun('examples/quadratic.ts'), rosenbrock: cliRun('examples/rosenbrock.ts') };
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/web/index.ts'],
    outfile: WEB_TESTS_BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [mochaAsGlobal],
    define: {
      // JSON.stringify writes each double so that it reads back as the same double.
      __GDTUTOR_CLI__: JSON.stringify(cli),
      __GDTUTOR_REPO_ROOT__: JSON.stringify(root),
      __GDTUTOR_GREP__: JSON.stringify(process.env.GDTUTOR_GREP ?? ''),
    },
  });
  return WEB_TESTS_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWebTests().then(
    (bundle) => console.log(`[web-tests] built ${path.relative(root, bundle)}`),
    (e) => {
      console.error(`[web-tests] ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
