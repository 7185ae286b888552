/**
 * The sealed room (isolatedRun.ts, sealedRoom.ts, lockDown.ts): a loss file can compute and
 * nothing else. Each hostile file ends with a learner message at its line, and this process —
 * the host, in the place of the extension host or the CLI — is still here afterwards (a file that
 * killed its parent would end this test run).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { permissionFlags, runIsolated, type Outcome } from '../../../src/worker/isolatedRun';

describe('the sealed room: a loss file can compute, and nothing else', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-room-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const train = (body: string): Promise<Outcome> => {
    const fileName = path.join(dir, 'hostile.ts');
    const source = `export function loss(w: number) {\n  ${body}\n  return (w - 3) ** 2\n}\n`;
    writeFileSync(fileName, source);
    return runIsolated({ kind: 'train', source, fileName, options: { steps: 3, init: [0] } }, {}, { timeoutMs: 60_000 }).done;
  };
  const denied = async (body: string, what: string) => {
    const outcome = await train(body);
    assert.equal(outcome.ok, false, 'the run must stop');
    if (outcome.ok) return;
    assert.equal(outcome.error.code, 'notAllowed', outcome.error.en);
    assert.equal(outcome.error.line, 2, outcome.error.en);
    assert.ok(outcome.error.en.includes(what), outcome.error.en);
    assert.match(outcome.error.ko, /계산만 할 수 있습니다/);
  };

  it('no signals: process.kill of the host (its parent) or of itself', async () => {
    await denied("process.kill(process.ppid, 'SIGKILL')", 'process.kill');
    await denied("process.kill(process.pid, 'SIGKILL')", 'process.kill');
  });
  it('no way around it through the global object or the Function constructor', async () => {
    await denied("(0, eval)('this').process.kill(process.ppid, 'SIGTERM')", 'process.kill');
    await denied("Function('return process')().binding('fs')", 'process.binding');
  });
  it('no files: Node modules are out of reach, and nothing is written', async () => {
    const target = path.join(dir, 'written.txt');
    await denied(`(process as any).getBuiltinModule('fs').writeFileSync(${JSON.stringify(target)}, 'x')`, 'process.getBuiltinModule');
    assert.ok(!existsSync(target));
  });
  it('process.exit (in the loss, or while the file loads) is stopped at its line, not a silent end', async () => {
    await denied('process.exit(3)', 'process.exit');
    const fileName = path.join(dir, 'exits.ts');
    const source = 'export const init = 1\nprocess.exit(0)\nexport function loss(w: number) { return w * w }\n';
    writeFileSync(fileName, source);
    const outcome = await runIsolated({ kind: 'train', source, fileName, options: { steps: 3 } }).done;
    assert.equal(outcome.ok, false);
    if (!outcome.ok) {
      assert.equal(outcome.error.code, 'notAllowed', outcome.error.en);
      assert.equal(outcome.error.line, 2);
    }
  });
  it('no network: fetch', async () => {
    await denied("fetch('http://127.0.0.1:9/')", 'fetch');
  });
  it('no timers: setTimeout, setInterval, setImmediate (code that would run outside the loss)', async () => {
    await denied('setTimeout(() => {}, 0)', 'setTimeout');
    await denied('setInterval(() => {}, 10)', 'setInterval');
    await denied('setImmediate(() => {})', 'setImmediate');
  });
  it('a 10 GB array buffer (outside the heap limit) ends the room, with a memory message', async () => {
    const outcome = await train('const hoard = new Float64Array(1.25e9); hoard.fill(1); w = w + hoard[7] * 0');
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.equal(outcome.error.code, 'outOfMemory', outcome.error.en);
  });
  it('an array of 1.25e9 elements (a fatal heap abort in a worker thread) ends the room only', async () => {
    const outcome = await train('const hoard = new Array(1.25e9).fill(0); w = w + hoard[7]');
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.equal(outcome.error.code, 'outOfMemory', outcome.error.en);
  });
  it('an ordinary loss still trains in the room', async () => {
    const outcome = await train('');
    assert.equal(outcome.ok, true);
  });

  it('reads: the read root and below (a helper one folder up from the loss), nothing outside it', async function () {
    if (!permissionFlags(dir, dir).length) this.skip();
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'helper.ts'), 'export const c = 3\n');
    const fileName = path.join(dir, 'sub', 'loss.ts');
    const source = "import { c } from '../helper'\nexport function loss(w: number) { return (w - c) ** 2 }\nexport const init = 0\n";
    writeFileSync(fileName, source);
    const job = { kind: 'train', source, fileName, options: { steps: 3 } } as const;
    const inside = await runIsolated(job, {}, { readRoot: dir }).done;
    assert.equal(inside.ok, true, inside.ok ? '' : inside.error.en);
    const outside = await runIsolated(job).done;
    assert.equal(outside.ok, false);
    if (!outside.ok) {
      assert.equal(outside.error.code, 'readOutsideRoom', outside.error.en);
      assert.equal(outside.error.line, 1);
    }
  });

  it("under Node's permission model the room itself cannot write files or start processes", function () {
    const flags = permissionFlags(path.resolve(__dirname, '../../../dist'), dir);
    if (!flags.length) this.skip(); // a runtime without the permission model: lockDown alone
    const target = path.join(dir, 'by-room.txt');
    const attempt = (code: string) => spawnSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8' });
    const write = attempt(`require('fs').writeFileSync(${JSON.stringify(target)}, 'x')`);
    assert.match(write.stderr, /ERR_ACCESS_DENIED/);
    assert.ok(!existsSync(target));
    assert.match(attempt("require('child_process').execSync('true')").stderr, /ERR_ACCESS_DENIED/);
    assert.match(attempt("require('fs').readFileSync('/etc/hostname')").stderr, /ERR_ACCESS_DENIED/);
  });
});
