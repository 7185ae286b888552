import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadModule } from '../../../src/runner/moduleLoader';
import { compileLoss } from '../../../src/runner/compile';
import { LearnerError } from '../../../src/runner/learnerErrors';

/** A throw-away project directory with the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-loader-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function failure(run: () => unknown): LearnerError {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof LearnerError, String(e));
    return e;
  }
  assert.fail('expected a LearnerError');
}

describe('moduleLoader: relative imports', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('guesses .ts and .js, maps ./x.js to x.ts, finds dir/index.ts and reads .json', () => {
    dir = project({
      'a.ts': 'export const a = 1;',
      'b.js': 'exports.b = 2;',
      'c.ts': 'export const c = 3;',
      'd/index.ts': 'export const d = 4;',
      'e.json': '{ "e": 5 }',
    });
    const m = loadModule(
      "import { a } from './a'; import { b } from './b'; import { c } from './c.js'; import { d } from './d'; import data from './e.json'; export const all = [a, b, c, d, data.e];",
      path.join(dir, 'main.ts'),
    );
    assert.deepEqual(m.exports.all, [1, 2, 3, 4, 5]);
  });

  it('transforms imported files by the same rules: gradients flow through a helper', () => {
    dir = project({ 'lib/sq.ts': 'export const sq = (v: number) => v ** 2 + Math.sin(v);' });
    const l = compileLoss("import { sq } from './lib/sq';\nexport function loss(w: number) { return sq(w); }", path.join(dir, 'main.ts'));
    assert.ok(Math.abs(l.valueAndGrad([0.5]).gradient[0] - (1 + Math.cos(0.5))) < 1e-15);
  });

  it('is cycle-safe: a module in a cycle sees the partly filled exports, as in Node', () => {
    dir = project({
      'a.ts': "import { b } from './b';\nexport const a = 'a';\nexport const fromB = b;",
      'b.ts': "import * as A from './a';\nexport const b = 'b';\nexport const aSeenEarly = A.a;\nexport const later = () => A.a;",
    });
    const m = loadModule(
      "import { a, fromB } from './a';\nimport { aSeenEarly, later } from './b';\nexport const seen = [a, fromB, aSeenEarly, later()];",
      path.join(dir, 'main.ts'),
    );
    assert.deepEqual(m.exports.seen, ['a', 'b', undefined, 'a']);
  });

  it('loads each file once and a cycle back to the main file gets the editor text, not the disk', () => {
    dir = project({
      'main.ts': 'export const onDisk = true;',
      'h.ts': "import * as M from './main';\nexport const fromMain = () => M.marker;",
    });
    const m = loadModule(
      "import { fromMain } from './h';\nexport const marker = 'editor';\nexport const check = () => fromMain();",
      path.join(dir, 'main.ts'),
    );
    assert.equal((m.exports.check as () => string)(), 'editor');
  });

  it("resolves 'gdtutor' to the built-in nn library", () => {
    const m = loadModule(
      "import { nn, datasets } from 'gdtutor';\nexport const kinds = [typeof nn.mlp, typeof datasets];",
      path.join(os.tmpdir(), 'main.ts'),
    );
    assert.deepEqual(m.exports.kinds, ['function', 'object']);
  });

  it('an npm package, a node: module or a require() of one is a clear error at the import', () => {
    const e = failure(() => loadModule("const x = 1;\nimport fs from 'node:fs';\nexport const y = fs;", path.join(os.tmpdir(), 'main.ts')));
    assert.deepEqual([e.code, e.line, e.column], ['badImport', 2, 16]);
    assert.match(e.ko, /불러올 수 없는 모듈입니다: 'node:fs'/);
    const r = failure(() => loadModule("exports.f = 1;\nconst _ = require('lodash');", path.join(os.tmpdir(), 'main.js')));
    assert.deepEqual([r.code, r.line], ['badImport', 2]);
  });

  it('a missing relative file names the places it looked', () => {
    dir = project({});
    const e = failure(() => loadModule("import { q } from './nowhere';\nexport const z = q;", path.join(dir, 'main.ts')));
    assert.equal(e.code, 'badImport');
    assert.match(e.en, /nowhere\.ts/);
    assert.match(e.ko, /찾을 수 없습니다/);
  });

  it('an error inside an imported file is shown at the import, naming the file and its line', () => {
    dir = project({ 'bad.ts': '// helper\nexport const broken = (1 + ;', 'mid.ts': "export { broken } from './bad';" });
    const e = failure(() =>
      compileLoss(
        "const k = 2;\nimport { broken } from './mid';\nexport function loss(w: number) { return w * broken; }",
        path.join(dir, 'main.ts'),
      ),
    );
    assert.deepEqual([e.code, e.line, e.column], ['syntax', 2, 24]);
    assert.match(e.ko, /식\(값\)이 와야 합니다.*\(bad\.ts 2번째 줄\)/);
    assert.match(e.en, /\(in bad\.ts, line 2\)/);
    assert.deepEqual(e.origin, { file: path.join(dir, 'bad.ts'), line: 2 });
  });
});
