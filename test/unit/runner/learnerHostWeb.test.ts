/**
 * The browser's learnerHost (VS Code for the Web): no files, and a module compiled so that its
 * stack frames name the learner's file with the code's own line numbers — what the loader's
 * source maps need to put an error at the learner's line (V8 in the browser and in Node alike).
 */
import { strict as assert } from 'node:assert';
import * as web from '../../../src/runner/learnerHost.web';
import * as node from '../../../src/runner/learnerHost';

describe('learnerHost.web (the sealed room in the browser)', () => {
  it('compiles a module whose stack frames say the learner’s file and the code’s own line and column, as vm.compileFunction does', () => {
    const code = '"use strict";\nconst a = 1;\n  throw new Error("at line 3");\n';
    const frames = [web, node].map((host) => {
      const fn = host.compileModule(code, ['exports', 'require'], '/ws/loss.ts');
      try {
        fn({}, () => undefined);
      } catch (e) {
        return /\/ws\/loss\.ts:(\d+):(\d+)/.exec((e as Error).stack ?? '')?.slice(1, 3);
      }
      return undefined;
    });
    assert.deepEqual(frames[0], ['3', '9']);
    assert.deepEqual(frames[0], frames[1], 'the same position as on Node');
  });

  it('passes the wrapper’s arguments and returns what the module sets', () => {
    const fn = web.compileModule('exports.loss = (w) => (w - k) ** 2;', ['exports', 'k'], 'm.ts');
    const exports: Record<string, (w: number) => number> = {};
    fn(exports, 3);
    assert.equal(exports.loss(5), 4);
  });

  it('has no files: relative imports are refused (the loader says why, at the import)', () => {
    assert.equal(web.RELATIVE_IMPORTS, false);
    assert.equal(web.isFile('/ws/helper.ts'), false);
    assert.throws(() => web.readText('/ws/helper.ts'), /no file system/);
    assert.equal(node.RELATIVE_IMPORTS, true);
  });
});
