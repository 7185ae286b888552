/**
 * The diagnosis on the cases it once got wrong (seven of them) and more: which codes must
 * appear, which must not, and that advice is only a remedy the lab ran and that did better.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { diagnoseRun } from '../../../src/teaching/diagnosisLab';
import { nanGradientSite } from '../../../src/teaching/nanGradient';
import { THRESHOLDS, type Finding, type FindingCode } from '../../../src/teaching/diagnosis';
import { optimizerLabel } from '../../../src/teaching/diagnosisText';
import type { TrainOptions } from '../../../src/engine/trainOptions';

const example = (name: string) => readFileSync(path.join(__dirname, '../../../examples', name), 'utf8');

function diagnoseSource(source: string, options: TrainOptions, fileName = 'case.ts'): { findings: Finding[]; last: number } {
  const loss = compileLoss(source, fileName);
  const run = trainLoss(loss, options);
  return { findings: diagnoseRun(loss, run, options), last: run.losses[run.losses.length - 1] };
}

function codes(findings: Finding[]): FindingCode[] {
  return findings.map((f) => f.code);
}

interface Case {
  name: string;
  source: string;
  options: TrainOptions;
  must: FindingCode[];
  mustNot: FindingCode[];
  /** The optimizer in use, which no remedy may advise. */
  inUse?: string;
}

const CASES: Case[] = [
  {
    name: '(x − y)² from (2, −1): a valley of minima is a minimum',
    source: 'export function loss([x, y]: number[]) { return (x - y) ** 2 }',
    options: { init: [2, -1], learningRate: 0.1, steps: 200 },
    must: ['converged'],
    mustNot: ['plateau', 'saddle', 'slow'],
  },
  {
    name: '(x·y − 1)² from (2, −1): a curved valley of minima is a minimum',
    source: 'export function loss([x, y]: number[]) { return (x * y - 1) ** 2 }',
    options: { init: [2, -1], learningRate: 0.1, steps: 200 },
    must: ['converged'],
    mustNot: ['plateau', 'saddle'],
  },
  {
    name: 'plateau.ts with momentum: a plateau, and the remedy is not momentum',
    source: example('plateau.ts'),
    options: { optimizer: 'momentum' },
    must: ['plateau'],
    mustNot: ['converged', 'localMinimum'],
    inUse: 'momentum',
  },
  {
    name: 'saddle.ts from y = 0 exactly: a saddle, and the remedy moves the start',
    source: example('saddle.ts'),
    options: { init: [2, 0], steps: 400 },
    must: ['saddle'],
    mustNot: ['converged', 'localMinimum', 'plateau'],
  },
  {
    name: 'saddle.ts from y = 0 with its own 80 SGD steps: still moving, but into the saddle (not "slow")',
    source: example('saddle.ts'),
    options: { init: [2, 0] },
    must: ['saddle'],
    mustNot: ['slow', 'converged', 'localMinimum', 'plateau'],
  },
  {
    name: 'x² − y² from (1, 0) with momentum: momentum does not leave the ridge either',
    source: 'export function loss([x, y]: number[]) { return x ** 2 - y ** 2 }',
    options: { init: [1, 0], optimizer: 'momentum', learningRate: 0.1, steps: 100 },
    must: ['saddle'],
    mustNot: ['slow', 'converged'],
    inUse: 'momentum',
  },
  {
    name: 'saddle.ts from y = 0 with Adam: Adam hovers round the saddle (steps of about η), it does not escape',
    source: example('saddle.ts'),
    options: { init: [2, 0], optimizer: 'adam' },
    must: ['saddle'],
    mustNot: ['slow', 'converged', 'oscillating'],
    inUse: 'adam',
  },
  {
    name: 'linear-regression.ts (batch 8): the jitter is mini-batch noise, not the learning rate',
    source: example('linear-regression.ts'),
    options: {},
    must: ['minibatchNoise'],
    mustNot: ['oscillating', 'diverged'],
  },
  {
    name: 'x² − y² from (1, 0.5): no lower bound',
    source: 'export function loss([x, y]: number[]) { return x ** 2 - y ** 2 }',
    options: { init: [1, 0.5] },
    must: ['unbounded'],
    mustNot: ['slow', 'converged'],
  },
  {
    name: '−w: no lower bound',
    source: 'export function loss(w: number) { return -w }',
    options: { init: [0] },
    must: ['unbounded'],
    mustNot: ['slow', 'converged'],
  },
  {
    name: 'bowl.ts after 10 steps: still descending, not a minimum',
    source: example('bowl.ts'),
    options: { steps: 10 },
    must: ['slow'],
    mustNot: ['converged', 'localMinimum'],
  },
  {
    name: 'w · NaN from 0: NaN at the start is the loss, not the learning rate',
    source: 'export function loss(w: number) { return w * NaN }',
    options: { init: [0] },
    must: ['nonFiniteLoss'],
    mustNot: ['diverged'],
  },
  {
    name: '1 / w from 0: infinite at the start',
    source: 'export function loss(w: number) { return 1 / w }',
    options: { init: [0] },
    must: ['nonFiniteLoss'],
    mustNot: ['diverged'],
  },
  {
    name: 'a loss undefined beyond w = 5, reached while falling: not a divergence',
    source: 'export function loss(w: number) { return w < 5 ? -w : Math.sqrt(-w) }',
    options: { init: [0] },
    must: ['nonFiniteLoss'],
    mustNot: ['diverged', 'unbounded'],
  },
  {
    name: '(−2) ** n: a NaN gradient at a finite loss is the derivative, not the learning rate',
    source: 'export function loss(n: number) { return (-2) ** n + n * n }',
    options: { init: [2] },
    must: ['nonFiniteGradient'],
    mustNot: ['diverged', 'nonFiniteLoss'],
  },
  { name: 'learning-rate.ts: diverges', source: example('learning-rate.ts'), options: {}, must: ['diverged'], mustNot: ['converged'] },
];

describe('diagnosis: measured findings, verified remedies', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(c.name, () => {
      const { findings, last } = diagnoseSource(c.source, c.options);
      const got = codes(findings);
      for (const code of c.must)
        assert.ok(got.includes(code), `expected ${code}, got ${got.join(', ')}: ${findings.map((f) => f.en).join(' | ')}`);
      for (const code of c.mustNot) assert.ok(!got.includes(code), `did not expect ${code}: ${findings.map((f) => f.en).join(' | ')}`);
      for (const f of findings) {
        assert.match(f.ko, /[가-힣]/);
        assert.doesNotMatch(f.en, /[가-힣]/);
        if (!f.remedy) continue;
        if (c.inUse) {
          // The remedy's arguments name the run's optimizer when it changes something else (a
          // nudged start); what must never happen is advice to switch to the optimizer in use.
          assert.doesNotMatch(f.en, new RegExp(`optimizer ${optimizerLabel(c.inUse)}\\b`), `advises the optimizer already in use: ${f.en}`);
          assert.doesNotMatch(f.ko, new RegExp(`옵티마이저 ${optimizerLabel(c.inUse)}`), `advises the optimizer already in use: ${f.ko}`);
        }
        // A remedy is shown only when it did better than the run it fixes.
        if (Number.isFinite(last)) assert.ok(f.remedy.outcome.finalLoss < last, `remedy ${f.remedy.outcome.finalLoss} not below ${last}`);
      }
    });
  }

  it('the saddle remedy from y = 0 nudges the start off the ridge', () => {
    const { findings } = diagnoseSource(example('saddle.ts'), { init: [2, 0], steps: 400 });
    const saddle = findings.find((f) => f.code === 'saddle');
    assert.ok(saddle?.remedy, 'a verified remedy');
    const at = saddle.remedy.cli.indexOf('--init');
    assert.ok(at >= 0, saddle.remedy.cli.join(' '));
    const [, y] = saddle.remedy.cli[at + 1].split(',').map(Number);
    assert.ok(y !== 0 && Math.abs(y) < 0.1, `nudged y: ${y}`);
  });

  it('a NaN at the start gets no learning-rate advice and names the point', () => {
    const { findings } = diagnoseSource('export function loss(w: number) { return w * NaN }', { init: [0] });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].remedy, undefined);
    assert.doesNotMatch(findings[0].en, /learning rate η|smaller/);
    assert.match(findings[0].en, /NaN \(not a number\) at the start point \(0\)/);
  });

  it('a loss that throws away from the run keeps its diagnosis (the failed tries are neither advised nor counted)', () => {
    const source = "export function loss(w: number) { if (Math.abs(w) > 10) throw new Error('outside'); return -w }";
    const loss = compileLoss(source, 'case.ts');
    const options = { init: [0], learningRate: 0.1, steps: 50 };
    const errors: unknown[] = [];
    const findings = diagnoseRun(loss, trainLoss(loss, options), options, { onError: (e) => errors.push(e) });
    assert.deepEqual(errors, []);
    assert.deepEqual(codes(findings), ['slow']);
    assert.equal(findings[0].remedy, undefined);
  });

  it('a failure of the diagnosis itself is reported, and the run keeps no findings', () => {
    const loss = compileLoss('export function loss(w: number) { return w * w }', 'case.ts');
    const broken = { ...trainLoss(loss, { init: [1], steps: 5 }), params: [] };
    const errors: unknown[] = [];
    assert.deepEqual(diagnoseRun(loss, broken, {}, { onError: (e) => errors.push(e) }), []);
    assert.equal(errors.length, 1);
  });

  it('a NaN gradient names the operation and its line (Math.sqrt(x · x) at x = 0: ∞ · 0)', () => {
    const source = 'export function loss(x: number) {\n  const a = (x - 1) ** 2\n  return Math.sqrt(x * x) + a\n}\n';
    const loss = compileLoss(source, 'case.ts');
    const options = { init: [0], steps: 5 };
    const findings = diagnoseRun(loss, trainLoss(loss, options), options, {
      explainGradient: (at) => nanGradientSite(source, 'case.ts', at),
    });
    assert.deepEqual(codes(findings), ['nonFiniteGradient']);
    assert.match(findings[0].en, /operation Math\.sqrt on line 3/);
    assert.match(findings[0].ko, /3번째 줄의 연산\(Math\.sqrt\)/);
    assert.match(findings[0].en, /^At the start point \(0\)/);
    assert.equal(findings[0].remedy, undefined);
  });

  it('mini-batch noise: the remedy is the full batch', () => {
    const { findings } = diagnoseSource(example('linear-regression.ts'), {});
    const noise = findings.find((f) => f.code === 'minibatchNoise');
    assert.ok(noise?.remedy, 'a verified remedy');
    assert.ok(noise.remedy.cli.includes('--batch-size'), noise.remedy.cli.join(' '));
  });
  it(`"stopped moving" is a gradient at most ${THRESHOLDS.stoppedGradient} of the first: (w − 3)² from −2, η = 0.1 (|g| = 10 · 0.8^k)`, () => {
    const quadratic = 'export function loss(w: number) { return (w - 3) ** 2 }';
    const at = (steps: number) => codes(diagnoseSource(quadratic, { init: [-2], learningRate: 0.1, steps, tolerance: 0 }).findings);
    // Just outside: after 40 steps |g_end| / |g_0| = 1.3e-4 (and 9.9e-4 after 31): not a minimum yet.
    assert.ok(!at(31).includes('converged'), `31 steps: ${at(31).join(', ')}`);
    assert.ok(!at(40).includes('converged'), `40 steps: ${at(40).join(', ')}`);
    // Just inside: after 43 steps the ratio is 6.8e-5.
    assert.ok(at(43).includes('converged'), `43 steps: ${at(43).join(', ')}`);
  });
  it(`oscillating means more than ${THRESHOLDS.reversal * 100}% of the second half's movement reversed: 64% vs 56%`, () => {
    // SGD η = 0.1 on 9x² + w²: x is multiplied by −0.8 each step (a zigzag, moving 1.8·|x|), w by 0.8
    // (no turn, moving 0.2·|w|). Both shrink alike, so the reversed share is 1.8 / (1.8 + 0.2·w₀/x₀).
    const source = 'export function loss([x, w]: number[]) { return 9 * x ** 2 + w ** 2 }';
    const from = (init: number[]) => codes(diagnoseSource(source, { init, learningRate: 0.1, steps: 30, tolerance: 0 }).findings);
    assert.ok(from([1, 5]).includes('oscillating'), `1.8 / 2.8 = 64%: ${from([1, 5]).join(', ')}`);
    assert.ok(!from([1, 7]).includes('oscillating'), `1.8 / 3.2 = 56%: ${from([1, 7]).join(', ')}`);
  });
  it('one coordinate bouncing at full amplitude is an oscillation (x² + 10y², η = 0.1: y ↦ −y forever)', () => {
    const { findings } = diagnoseSource('export function loss([x, y]: number[]) { return x ** 2 + 10 * y ** 2 }', {
      init: [1, 1],
      learningRate: 0.1,
      steps: 100,
    });
    const f = findings.find((x) => x.code === 'oscillating');
    assert.ok(f?.remedy, codes(findings).join(', '));
    assert.ok(f.remedy.outcome.finalLoss < 1e-6, String(f.remedy.outcome.finalLoss));
  });
  it('one parameter has one eigenvalue: "eigenvalue 2 — positive", two have "eigenvalues … — all positive"', () => {
    const oneD = diagnoseSource(example('quadratic.ts'), {}).findings.find((f) => f.code === 'converged');
    assert.ok(oneD, 'quadratic.ts converges');
    assert.match(oneD.en, /Hessian eigenvalue 2 — positive, so this point is a minimum/);
    assert.match(oneD.ko, /헤세 행렬 고윳값 2 — 양수라 이곳은/);
    const twoD = diagnoseSource('export function loss([x, y]: number[]) { return x ** 2 + 2 * y ** 2 }', { init: [1, 1] }).findings;
    const converged = twoD.find((f) => f.code === 'converged');
    assert.ok(converged, codes(twoD).join(', '));
    assert.match(converged.en, /Hessian eigenvalues 2, 4 — all positive/);
    assert.match(converged.ko, /헤세 행렬 고윳값 2, 4 — 모두 양수라/);
    // d2l's x·cos(0.15πx), plain Newton from 10: a maximum in one dimension.
    const d2l = diagnoseSource('export function loss(x: number) { return x * Math.cos(0.15 * Math.PI * x) }', {
      init: [10],
      optimizer: 'newton',
      damping: 0,
      learningRate: 1,
      steps: 10,
    }).findings;
    const maximum = d2l.find((f) => /maximum/.test(f.en));
    assert.ok(maximum, d2l.map((f) => f.en).join(' | '));
    assert.match(maximum.en, /Hessian eigenvalue -?[\d.e-]+ — negative\./);
    assert.doesNotMatch(maximum.ko, /모두/);
  });
});
