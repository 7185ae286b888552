import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const example = (name: string) => path.join('examples', name);

describe('CLI (node dist/cli.js), the contract of DESIGN.md', function () {
  this.timeout(60_000);

  it('train --json: steps + 1 rows of params, losses[k] at params[k]', () => {
    const r = cli('train', example('quadratic.ts'), '--steps', '10', '--lr', '0.1', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['params', 'losses']);
    assert.equal(out.params.length, 11);
    assert.equal(out.losses.length, 11);
    out.params.forEach((p: number[], k: number) => assert.ok(Math.abs(out.losses[k] - (p[0] - 3) ** 2) < 1e-12));
    // plain gradient descent by hand: w₁ = w₀ − 0.1·2(w₀ − 3) with w₀ = −2 from the file's init
    assert.ok(Math.abs(out.params[1][0] - (-2 - 0.1 * 2 * (-2 - 3))) < 1e-15);
  });

  it('stops at the first non-finite loss with stoppedAt and reason "diverged"', () => {
    const r = cli('train', example('learning-rate.ts'), '--lr', '1e10', '--steps', '100', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.reason, 'diverged');
    assert.equal(out.params.length, out.stoppedAt + 1);
    assert.equal(out.losses[out.stoppedAt], null, 'the non-finite loss is null in JSON');
    assert.ok(out.losses.slice(0, -1).every((l: number | null) => typeof l === 'number' && Number.isFinite(l)));
  });

  it('reads a negative start as a separate argv entry and stops on --tolerance', () => {
    const r = cli('train', example('bowl.ts'), '--init', '-2.5,1', '--optimizer', 'adam', '--lr', '0.1', '--steps', '5000', '--tolerance', '1e-10', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.params[0], [-2.5, 1]);
    assert.equal(out.reason, 'converged');
    assert.ok(out.stoppedAt < 5000);
  });

  it('grad --at prints the value and the exact gradient', () => {
    const r = cli('grad', example('rosenbrock.ts'), '--at', '-1.2,1', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.ok(Math.abs(out.value - 24.2) < 1e-12);
    assert.ok(Math.abs(out.gradient[0] - -215.6) < 1e-12 && Math.abs(out.gradient[1] - -88) < 1e-12);
  });

  it('without --json prints a Korean summary', () => {
    const r = cli('train', example('quadratic.ts'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /최종 손실/);
    assert.match(r.stdout, /50 스텝에서/);
    assert.match(r.stdout, /^진단: 수렴했습니다/m);
  });

  it('ends a diverged run with the diagnosis and the largest learning rate that did not diverge', () => {
    const r = cli('train', example('learning-rate.ts'));
    assert.equal(r.status, 0, r.stderr);
    const m = /^진단: 손실이 발산했습니다: 학습률 1\.05.* 약 ([0-9.]+) 이하의 학습률이 발산하지 않았습니다\.$/m.exec(r.stdout);
    assert.ok(m, r.stdout);
    // (w − 3)² under SGD is stable exactly for η ≤ 1: the search brackets it within 1%.
    assert.ok(Number(m[1]) <= 1 && Number(m[1]) >= 0.99, m[1]);
  });

  it('an unknown flag or malformed number is a usage error (exit 2), never a silent default', () => {
    for (const args of [['train', example('quadratic.ts'), '--learning-rate', '0.1'], ['train', example('quadratic.ts'), '--lr', 'fast']]) {
      const r = cli(...args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /usage:/);
    }
  });

  it('a broken loss file exits 1 with its message at the line', () => {
    const r = cli('train', path.join('test', 'fixtures', 'bad', 'syntax.ts'), '--json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /syntax\.ts:3:\d+: 문법 오류/);
  });
});
