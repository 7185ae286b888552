import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('VSIX contents (vsce ls)', () => {
  let files: string[];
  before(function () {
    this.timeout(60_000);
    const out = execFileSync('npx', ['--no-install', 'vsce', 'ls'], { cwd: root, encoding: 'utf8' });
    files = out
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  });

  it('ships only what runs: dist, media, snippets, l10n, examples (demos), the TS server plugin, manifest, README, LICENSE', () => {
    const allowed =
      /^(dist|media|snippets|l10n|examples|node_modules\/gdtutor-typescript-plugin)\/|^(package\.json|package\.nls(\.[a-z-]+)?\.json|README\.md|LICENSE)$/;
    const stray = files.filter((f) => !allowed.test(f));
    assert.deepEqual(stray, []);
  });

  it('contains no sources, tests or source maps', () => {
    // examples/*.ts are the learner-facing demo files (opened by gdTutor.openExample), not sources.
    assert.deepEqual(
      files.filter((f) => /^(src|test|scripts|out)\/|\.map$|\.ts$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('examples/')),
      [],
    );
  });

  it('contains the TypeScript server plugin where tsserver looks for it, and the gdtutor declarations it points at', () => {
    for (const f of [
      'node_modules/gdtutor-typescript-plugin/index.js',
      'node_modules/gdtutor-typescript-plugin/package.json',
      'dist/types/gdtutor.d.ts',
    ])
      assert.ok(files.includes(f), `${f} missing`);
  });

  it('contains every file the manifest points at, and each entry’s room worker (desktop and web)', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.browser, './dist/browser.js', 'one VSIX for desktop VS Code and VS Code for the Web');
    const referenced = [manifest.main, manifest.browser, manifest.icon, 'dist/worker.js', 'dist/sealedRoom.js', 'dist/webWorker.js'].map(
      (p: string) => p.replace(/^\.\//, ''),
    );
    for (const f of referenced) assert.ok(files.includes(f), `${f} is referenced by package.json but not packaged`);
  });
});
