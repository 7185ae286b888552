import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
/** The locale of a machine that says nothing about English (C.UTF-8): the CLI speaks Korean. */
const KOREAN_DEFAULT = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
const cliWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
const cli = (...args: string[]) => cliWith(KOREAN_DEFAULT, ...args);
const example = (name: string) => path.join('examples', name);
const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;
const CODES = [
  'diverged',
  'oscillating',
  'saddle',
  'plateau',
  'localMinimum',
  'converged',
  'slow',
  'overfitting',
  'unbounded',
  'minibatchNoise',
];

/** Loss files written for these tests only, in a temporary folder. */
let tmp = '';
const lossFile = (name: string, text: string) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};
before(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-cli-'))));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('CLI (node dist/cli.js), the contract of docs/cli-contract.md', function () {
  this.timeout(60_000);

  it('train --json: steps + 1 rows of params, losses[k] at params[k]', () => {
    const r = cli('train', example('quadratic.ts'), '--steps', '10', '--lr', '0.1', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['params', 'losses', 'diagnosis']);
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
    const r = cli(
      'train',
      example('bowl.ts'),
      '--init',
      '-2.5,1',
      '--optimizer',
      'adam',
      '--lr',
      '0.1',
      '--steps',
      '5000',
      '--tolerance',
      '1e-10',
      '--json',
    );
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

  it('without --json prints a Korean summary (the default where the locale does not start with "en")', () => {
    const r = cli('train', example('quadratic.ts'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /최종 손실/);
    assert.match(r.stdout, /50 스텝에서/);
    assert.match(r.stdout, /^진단: 수렴했습니다/m);
  });

  it('ends a diverged run with the diagnosis and the largest learning rate that did not diverge', () => {
    const r = cli('train', example('learning-rate.ts'));
    assert.equal(r.status, 0, r.stderr);
    const m = /^진단: 손실이 발산했습니다: .*1\.05.* η = ([0-9.]+) 이하는 \d+ 스텝 동안 발산하지 않았습니다\./m.exec(r.stdout);
    assert.ok(m, r.stdout);
    // (w − 3)² under SGD is stable exactly for η ≤ 1: the search brackets it within 1%.
    assert.ok(Number(m[1]) <= 1 && Number(m[1]) >= 0.99, m[1]);
  });

  it('an unknown flag or malformed number is a usage error (exit 2), never a silent default', () => {
    for (const args of [
      ['train', example('quadratic.ts'), '--learning-rate', '0.1'],
      ['train', example('quadratic.ts'), '--lr', 'fast'],
    ]) {
      const r = cli(...args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^사용법:/m);
      const en = cli(...args, '--lang', 'en');
      assert.equal(en.status, 2);
      assert.match(en.stderr, /^usage:/m);
    }
  });

  it('an array loss that declares no size takes it from the point given: grad --at 10 numbers, train --init 20 numbers', () => {
    const file = lossFile(
      'sizeless.ts',
      'export function loss(p: number[]) {\n  let s = 0;\n  for (let i = 0; i < p.length; i++) s += (p[i] - i) ** 2;\n  return s;\n}\n',
    );
    const at = Array.from({ length: 10 }, (_, i) => i + 1);
    const g = cli('grad', file, '--at', at.join(','), '--json');
    assert.equal(g.status, 0, g.stderr);
    assert.deepEqual(JSON.parse(g.stdout), { value: 10, gradient: at.map(() => 2) });
    const init = Array.from({ length: 20 }, () => 0);
    const t = cli('train', file, '--init', init.join(','), '--steps', '2', '--json');
    assert.equal(t.status, 0, t.stderr);
    const run = JSON.parse(t.stdout) as { params: number[][] };
    assert.equal(run.params[0].length, 20);
    // Without a point anywhere, the clear message stays.
    assert.match(cli('train', file, '--steps', '2', '--json').stderr, /매개변수가 몇 개인지 알 수 없습니다/);
  });

  it('a point whose length disagrees with the declared size is refused with a message naming that size, at its line', () => {
    const typed = lossFile('typed.ts', 'export function loss(p: [number, number]) { return p[0] ** 2 + p[1] ** 2 }\n');
    const withInit = lossFile(
      'withInit.ts',
      'export function loss(p: number[]) { return p[0] ** 2 + p[1] ** 2 }\nexport const init = [1, 2];\n',
    );
    for (const [file, where, by] of [
      [typed, ':1:17:', /`loss` 매개변수의 타입/],
      [withInit, ':2:14:', /`export const init`/],
    ] as const) {
      for (const args of [
        ['grad', file, '--at', '1,2,3'],
        ['grad', file, '--at', '1'],
        ['train', file, '--init', '1,2,3', '--steps', '2'],
      ]) {
        const r = cli(...args, '--json');
        assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}`);
        assert.equal(r.stdout, '', 'no numbers from a point read short or cut');
        assert.ok(r.stderr.includes(where), r.stderr);
        assert.match(r.stderr, /주어진 점에는 숫자가 [13]개 있는데, 이 손실이 받는 매개변수와 다릅니다\. 필요한 모양: 숫자 2개짜리 배열/);
        assert.match(r.stderr, by);
      }
    }
    const en = cliWith(KOREAN_DEFAULT, 'grad', typed, '--at', '1,2,3', '--lang', 'en');
    assert.match(
      en.stderr,
      /The given point has 3 numbers, but this loss takes an array of 2 numbers \(set by the type of `loss`'s parameter\)\. Give a point of 2 numbers\./,
    );
  });

  it('with no step count anywhere a run stops when it converges and says at which step; an explicit --steps runs exactly that many', () => {
    const file = lossFile('converges.ts', 'export function loss(w: number) { return (w - 3) ** 2 } export const init = -2;\n');
    const free = cli('train', file, '--json');
    assert.equal(free.status, 0, free.stderr);
    const run = JSON.parse(free.stdout) as { params: number[][]; reason?: string; stoppedAt?: number };
    assert.equal(run.reason, 'converged');
    assert.ok(run.stoppedAt !== undefined && run.stoppedAt < 300, `stopped at ${run.stoppedAt}`);
    assert.equal(run.params.length, run.stoppedAt + 1);
    assert.match(cli('train', file, '--lang', 'en').stdout, new RegExp(`at step ${run.stoppedAt}: stopped: converged`));
    const fixed = JSON.parse(cli('train', file, '--steps', '300', '--json').stdout) as { params: number[][]; reason?: string };
    assert.equal(fixed.params.length, 301);
    assert.equal(fixed.reason, undefined);
  });

  it('train --seed: Math.random in the loss is seeded, so the same seed gives the same trajectory', () => {
    const noisy = lossFile(
      'noisy.ts',
      'export const init = [0];\nexport function loss([w]: number[]) {\n  return (w - 3) ** 2 + w * (Math.random() - 0.5);\n}\n',
    );
    const run = (seed: string) => {
      const r = cli('train', noisy, '--steps', '20', '--seed', seed, '--json');
      assert.equal(r.status, 0, r.stderr);
      // The loss is not a function of its parameters: said once, at the Math.random() call (line 3).
      // At w = 0 the random term is multiplied by 0: the values agree (9), the gradients do not.
      assert.match(r.stderr, /noisy\.ts:3:\d+: 같은 매개변수로 손실 함수를 두 번 계산했는데 값\(9\)은 같고 기울기가 달랐습니다/);
      return JSON.parse(r.stdout) as { params: number[][]; losses: number[] };
    };
    const a = run('1');
    const b = run('1');
    const c = run('2');
    assert.deepEqual(a.params, b.params);
    assert.deepEqual(a.losses, b.losses);
    assert.notDeepEqual(a.params, c.params);
  });

  it('a broken loss file exits 1 with its message at the line', () => {
    const r = cli('train', path.join('test', 'fixtures', 'bad', 'syntax.ts'), '--json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /syntax\.ts:3:\d+: 문법 오류/);
  });
  describe('--damping (Newton)', () => {
    // d2l.ai §12.3: f(x) = x·cos(cx), c = 0.15π, from x = 10 with η = 1 plain Newton walks to a maximum.
    const c = 0.15 * Math.PI;
    const f1 = (x: number) => Math.cos(c * x) - c * x * Math.sin(c * x);
    const f2 = (x: number) => -2 * c * Math.sin(c * x) - c * c * x * Math.cos(c * x);
    const cosine = () => lossFile('cosine.ts', 'export function loss(x: number) { return x * Math.cos(0.15 * Math.PI * x) }\n');
    const finals = (out: { params: number[][] }) => out.params.map((p) => p[0]);

    it('--damping 0 is the plain step x − f′/f″ and ends on the maximum at x ≈ 26.834', () => {
      const r = cli('train', cosine(), '--optimizer', 'newton', '--damping', '0', '--lr', '1', '--steps', '10', '--init', '10', '--json');
      assert.equal(r.status, 0, r.stderr);
      const xs = finals(JSON.parse(r.stdout));
      assert.equal(xs.length, 11);
      assert.ok(Math.abs(xs[10] - 26.834) <= 1e-3, String(xs[10]));
      // x·cos(cx) has f′ = 0 and f″ < 0 there: a maximum
      assert.ok(Math.abs(f1(xs[10])) < 1e-9 && f2(xs[10]) < 0);
      // every step is x ← x − f′(x)/f″(x), whatever the sign of f″
      const ref = [10];
      for (let k = 0; k < 10; k++) ref.push(ref[k] - f1(ref[k]) / f2(ref[k]));
      xs.forEach((x, k) => assert.ok(Math.abs(x - ref[k]) < 1e-9 * Math.max(1, Math.abs(ref[k])), `step ${k}: ${x} vs ${ref[k]}`));
    });

    it('without --damping the default safeguard is unchanged (damped only where f″ ≤ 0)', () => {
      const r = cli('train', cosine(), '--optimizer', 'newton', '--lr', '1', '--steps', '10', '--init', '10', '--json');
      assert.equal(r.status, 0, r.stderr);
      const xs = finals(JSON.parse(r.stdout));
      // newton.ts's documented rule in 1-D: f″ > 0 → x − f′/f″; else λ = −f″ + |f′|, x − f′/(f″ + λ) = x − sign(f′)
      const ref = [10];
      for (let k = 0; k < 10; k++) {
        const [g, h] = [f1(ref[k]), f2(ref[k])];
        ref.push(h > 0 ? ref[k] - g / h : ref[k] - g / (h + (-h + Math.abs(g))));
      }
      xs.forEach((x, k) => assert.ok(Math.abs(x - ref[k]) < 1e-9 * Math.max(1, Math.abs(ref[k])), `step ${k}: ${x} vs ${ref[k]}`));
      assert.ok(Math.abs(xs[10] - 26.834) > 1, 'the safeguard does not climb to the maximum');
    });

    it('config.damping in the loss file does the same, and the flag overrides it', () => {
      const file = lossFile(
        'cosine-config.ts',
        "export function loss(x: number) { return x * Math.cos(0.15 * Math.PI * x) }\nexport const init = 10;\nexport const config = { optimizer: 'newton', learningRate: 1, steps: 10, damping: 0 };\n",
      );
      const fromFile = cli('train', file, '--json');
      assert.equal(fromFile.status, 0, fromFile.stderr);
      assert.ok(Math.abs(finals(JSON.parse(fromFile.stdout))[10] - 26.834) <= 1e-3);
      const flag = cli('train', file, '--damping', '1000', '--json');
      const xs = finals(JSON.parse(flag.stdout));
      assert.ok(Math.abs(xs[1] - (10 - f1(10) / (f2(10) + 1000))) < 1e-12, String(xs[1]));
    });

    it('rejects a negative or non-numeric --damping (usage error in the chosen language) and a bad config.damping', () => {
      const en = cli('train', cosine(), '--damping', '-1', '--lang', 'en');
      assert.equal(en.status, 2);
      assert.match(en.stderr, /^--damping must be a finite number ≥ 0, got -1/);
      assert.ok(!HANGUL.test(en.stderr), en.stderr);
      const ko = cli('train', cosine(), '--damping', 'big', '--lang', 'ko');
      assert.equal(ko.status, 2);
      assert.match(ko.stderr, /^--damping 옵션의 값 "big": 숫자가 아닙니다\n사용법:/);
      const file = lossFile(
        'bad-damping.ts',
        "export function loss(x: number) { return x * x }\nexport const config = { optimizer: 'newton', damping: -2 };\n",
      );
      const bad = cli('train', file, '--lang', 'en');
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /bad-damping\.ts:2:\d+: .*damping .*must be a finite number ≥ 0, got -2/);
    });
  });

  describe('--lang and the locale', () => {
    const nan = () => lossFile('nan.ts', 'export function loss(w: number) { return w * NaN }\n');
    const runs = (lang: string): Array<[string, ReturnType<typeof cli>, number]> => [
      ['a normal train', cli('train', example('quadratic.ts'), '--lang', lang), 0],
      ['a usage error', cli('train', example('quadratic.ts'), '--lr', 'fast', '--lang', lang), 2],
      ['a usage error before --lang', cli('train', example('quadratic.ts'), '--learning-rate', '0.1', '--lang', lang), 2],
      ['a syntax error', cli('train', path.join('test', 'fixtures', 'bad', 'syntax.ts'), '--lang', lang), 1],
      ['a loss that is NaN', cli('train', nan(), '--lang', lang), 0],
      ['a file that cannot be read', cli('train', path.join(tmp, 'missing.ts'), '--lang', lang), 1],
      ['--help', cli('--help', '--lang', lang), 0],
    ];

    it('--lang en: not one Hangul character on stdout or stderr', () => {
      for (const [what, r, status] of runs('en')) {
        assert.equal(r.status, status, `${what}: ${r.stderr}`);
        assert.ok(!HANGUL.test(r.stdout + r.stderr), `${what}:\n${r.stdout}${r.stderr}`);
        assert.ok((r.stdout + r.stderr).trim().length > 0, what);
      }
      const train = cli('train', example('quadratic.ts'), '--lang', 'en');
      assert.match(train.stdout, /final loss L = /);
      assert.match(train.stdout, /^Diagnosis: \S/m);
      assert.match(cli('train', nan(), '--lang', 'en').stdout, /stopped: the loss became infinite or NaN/);
    });

    it('--lang ko: Korean, with no English sentence doubled beside it', () => {
      for (const [what, r, status] of runs('ko')) {
        assert.equal(r.status, status, `${what}: ${r.stderr}`);
        assert.ok(HANGUL.test(r.stdout + r.stderr), `${what}:\n${r.stdout}${r.stderr}`);
        assert.ok(!/ \/ [a-z]/i.test(r.stdout + r.stderr), `${what}:\n${r.stdout}${r.stderr}`);
      }
      const train = cli('train', example('quadratic.ts'), '--lang', 'ko');
      assert.match(train.stdout, /최종 손실/);
      assert.match(train.stdout, /^진단: /m);
      assert.ok(!/Diagnosis/.test(train.stdout));
      assert.match(cli('train', path.join('test', 'fixtures', 'bad', 'syntax.ts'), '--lang', 'ko').stderr, /문법 오류/);
    });

    it('without --lang: English when LC_ALL, LC_MESSAGES or LANG (the first set) starts with "en"', () => {
      const english = cliWith({ LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' }, 'train', example('quadratic.ts'), '--lr', 'fast');
      assert.match(english.stderr, /^--lr: "fast" is not a number\nusage:/);
      const korean = cliWith({ LC_ALL: 'ko_KR.UTF-8', LC_MESSAGES: '', LANG: 'en_US.UTF-8' }, 'train', example('quadratic.ts'));
      assert.match(korean.stdout, /최종 손실/);
      const messages = cliWith({ LC_ALL: '', LC_MESSAGES: 'en_GB.UTF-8', LANG: 'ko_KR.UTF-8' }, 'train', example('quadratic.ts'));
      assert.match(messages.stdout, /final loss/);
      const flagWins = cliWith({ LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' }, 'train', example('quadratic.ts'), '--lang', 'ko');
      assert.match(flagWins.stdout, /최종 손실/);
      const badLang = cli('train', example('quadratic.ts'), '--lang', 'fr');
      assert.equal(badLang.status, 2);
      assert.match(badLang.stderr, /--lang 옵션의 값은 ko 또는 en이어야 합니다 \(받은 값: "fr"\)\n사용법:/);
    });
  });

  describe('the diagnosis in --json', () => {
    type Json = { params: number[][]; losses: Array<number | null>; stoppedAt?: number; diagnosis: Array<Record<string, unknown>> };
    const checkShape = (out: Json) => {
      assert.ok(Array.isArray(out.diagnosis));
      for (const f of out.diagnosis) {
        assert.deepEqual(
          Object.keys(f).filter((k) => !['code', 'ko', 'en', 'glossary', 'remedy'].includes(k)),
          [],
          JSON.stringify(f),
        );
        assert.ok(CODES.includes(f.code as string), String(f.code));
        assert.ok(typeof f.ko === 'string' && HANGUL.test(f.ko));
        assert.ok(typeof f.en === 'string' && f.en.length > 0 && !HANGUL.test(f.en));
        assert.ok(typeof f.glossary === 'string' && f.glossary.length > 0);
        if (f.remedy !== undefined) {
          const r = f.remedy as { cli: unknown; outcome: { finalLoss: unknown; steps: unknown } };
          assert.deepEqual(Object.keys(r), ['cli', 'outcome']);
          assert.ok(Array.isArray(r.cli) && r.cli.every((a) => typeof a === 'string'));
          assert.deepEqual(Object.keys(r.outcome), ['finalLoss', 'steps']);
          assert.ok(typeof r.outcome.finalLoss === 'number' && Number.isInteger(r.outcome.steps));
        }
      }
    };

    it('is the same diagnosis the human output prints, in both languages', () => {
      const json = cli('train', example('quadratic.ts'), '--json');
      assert.equal(json.status, 0, json.stderr);
      const out = JSON.parse(json.stdout) as Json;
      checkShape(out);
      assert.ok(out.diagnosis.length > 0);
      assert.equal(out.diagnosis[0].code, 'converged');
      const ko = cli('train', example('quadratic.ts'), '--lang', 'ko')
        .stdout.split('\n')
        .filter((l) => l.startsWith('진단: '));
      const en = cli('train', example('quadratic.ts'), '--lang', 'en')
        .stdout.split('\n')
        .filter((l) => l.startsWith('Diagnosis: '));
      assert.deepEqual(
        ko,
        out.diagnosis.map((f) => `진단: ${String(f.ko)}`),
      );
      assert.deepEqual(
        en,
        out.diagnosis.map((f) => `Diagnosis: ${String(f.en)}`),
      );
    });

    it('keeps every other field as it was: a diverged run still ends with stoppedAt and reason', () => {
      const r = cli('train', example('learning-rate.ts'), '--lr', '1e10', '--steps', '100', '--json');
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Json;
      assert.deepEqual(Object.keys(out), ['params', 'losses', 'stoppedAt', 'reason', 'diagnosis']);
      checkShape(out);
      assert.ok(
        out.diagnosis.some((f) => f.code === 'diverged'),
        JSON.stringify(out.diagnosis),
      );
    });

    it('a remedy, when there is one, is train arguments that reproduce its outcome', () => {
      const r = cli('train', example('learning-rate.ts'), '--json');
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Json;
      checkShape(out);
      for (const f of out.diagnosis) {
        const remedy = f.remedy as { cli: string[]; outcome: { finalLoss: number; steps: number } } | undefined;
        if (!remedy) continue;
        const again = cli('train', example('learning-rate.ts'), ...remedy.cli, '--json');
        assert.equal(again.status, 0, again.stderr);
        const rerun = JSON.parse(again.stdout) as Json;
        const last = rerun.losses[rerun.losses.length - 1] as number;
        assert.ok(
          Math.abs(last - remedy.outcome.finalLoss) <= 1e-12 * Math.max(1, Math.abs(last)),
          `${remedy.cli.join(' ')}: ${last} vs ${remedy.outcome.finalLoss}`,
        );
        assert.equal(rerun.stoppedAt ?? rerun.params.length - 1, remedy.outcome.steps, remedy.cli.join(' '));
      }
    });
  });
});
