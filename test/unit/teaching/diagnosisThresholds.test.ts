/**
 * Every threshold of the diagnosis (THRESHOLDS in src/teaching/diagnosis.ts) just inside and just
 * outside its value, on runs built by hand so that only that one measurement is near its limit.
 * Moving any threshold past one of these cases fails a test (the stopped-gradient and reversal
 * thresholds are also tested on real runs in diagnosis.test.ts).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  diagnose,
  fallsWithoutBound,
  THRESHOLDS,
  type DiagnosisInput,
  type Finding,
  type Lab,
  type Trial,
} from '../../../src/teaching/diagnosis';

type Run = DiagnosisInput['run'];

interface RunSpec {
  losses: number[];
  params?: number[][];
  gradNorms?: number[];
  optimizer?: string;
  learningRate?: number;
  batchSize?: number;
  test?: Run['test'];
}

/** A run of `losses.length − 1` steps; by default the parameter falls monotonically and the gradient halves (not stopped). */
function run(spec: RunSpec): Run {
  const n = spec.losses.length;
  const params = spec.params ?? spec.losses.map((_, k) => [1 - k / n]);
  const gradNorms = spec.gradNorms ?? spec.losses.map((_, k) => 1 - k / (2 * n));
  const options = {
    optimizer: spec.optimizer ?? 'sgd',
    learningRate: spec.learningRate ?? 0.1,
    steps: n - 1,
    init: params[0],
    seed: 0,
    batchSize: spec.batchSize,
  } as unknown as Run['options'];
  return { params, losses: spec.losses, gradNorms, reason: undefined, options, test: spec.test };
}

const codes = (findings: Finding[]) => findings.map((f) => f.code);
const linear = (from: number, to: number, n: number) => Array.from({ length: n }, (_, k) => from + ((to - from) * k) / (n - 1));
/** Parameters that reverse direction at every step (a zigzag of shrinking amplitude). */
const zigzag = (n: number) => Array.from({ length: n }, (_, k) => [(k % 2 ? -1 : 1) * (1 - k / (2 * n))]);

function trial(partial: Partial<Trial> & { finalLoss: number }): Trial {
  const losses = partial.run?.losses ?? [1, partial.finalLoss];
  return {
    cli: ['--lr', '0.05'],
    changes: [{ kind: 'learningRate', value: 0.05 }],
    steps: losses.length - 1,
    ...partial,
    run: partial.run ?? {
      params: losses.map((_, k) => [1 - k / losses.length]),
      losses,
      gradNorms: losses.map(() => 1),
      reason: undefined,
    },
  };
}

function lab(parts: Partial<Lab>): Lab {
  return { tryChanges: () => undefined, fullLoss: () => NaN, ...parts };
}

describe('diagnosis thresholds, each just inside and just outside', () => {
  describe(`overfitting: the validation loss ends more than ${THRESHOLDS.overfittingMargin}× its minimum, reached before ${THRESHOLDS.overfittingBefore} of the run`, () => {
    // Validation measured every 5 of 100 steps; the training loss keeps falling below it.
    const steps = Array.from({ length: 21 }, (_, k) => 5 * k);
    const validation = (bestAt: number, endFactor: number) => {
      const best = 0.1;
      return steps.map((s) =>
        s <= bestAt ? 1 - ((1 - best) * s) / bestAt : best + ((endFactor - 1) * best * (s - bestAt)) / (100 - bestAt),
      );
    };
    const overfits = (bestAt: number, endFactor: number) =>
      codes(
        diagnose({
          run: run({ losses: linear(1, 0.01, 101), test: { trainSize: 80, testSize: 20, steps, losses: validation(bestAt, endFactor) } }),
        }),
      ).includes('overfitting');

    it('ends 1.25× above its best (best at 0.7 of the run): overfitting', () => assert.ok(overfits(70, 1.25)));
    it('ends 1.15× above its best: not overfitting (a small rise is noise)', () => assert.ok(!overfits(70, 1.15)));
    it('best at 0.75 of the run (ends 1.5× above): overfitting', () => assert.ok(overfits(75, 1.5)));
    it('best at 0.85 of the run: too late to call (the run may have just reached its best)', () => assert.ok(!overfits(85, 1.5)));
  });

  describe(`adaptive optimizers: a ${THRESHOLDS.adaptiveArrival}-fold drop is arrival, not oscillation`, () => {
    const n = 41;
    const oscillates = (drop: number) =>
      codes(diagnose({ run: run({ optimizer: 'adam', losses: linear(1, 1 / drop, n), params: zigzag(n) }) })).includes('oscillating');
    it('Adam zigzagging after a 101-fold drop: arrived (dithering at the minimum), not oscillating', () => assert.ok(!oscillates(101)));
    it('Adam zigzagging after a 99-fold drop: oscillating', () => assert.ok(oscillates(99)));
    it('SGD zigzagging after a 101-fold drop: oscillating (only adaptive steps dither)', () => {
      assert.ok(codes(diagnose({ run: run({ losses: linear(1, 1 / 101, n), params: zigzag(n) }) })).includes('oscillating'));
    });
  });

  describe(`mini-batch noise: more than ${THRESHOLDS.jitter} of the second half's batch losses rose, and at most ${THRESHOLDS.smooth} with the full batch`, () => {
    /** 41 batch losses falling by 0.01, with `rises` of the second half's 20 steps going up instead. */
    const jagged = (rises: number) => {
      const out = [1];
      for (let k = 1; k <= 40; k++) out.push(out[k - 1] + (k > 20 && k <= 20 + rises ? 0.004 : -0.01));
      return out;
    };
    /** 201 full-batch losses with `rises` of the second half's 100 steps going up. */
    const fullBatch = (rises: number) => {
      const out = [1];
      for (let k = 1; k <= 200; k++) out.push(out[k - 1] + (k > 100 && k <= 100 + rises ? 1e-4 : -1e-3));
      return out;
    };
    const noise = (batchRises: number, fullRises: number) => {
      const smooth = fullBatch(fullRises);
      const l = lab({
        trainingSamples: 100,
        fullLoss: (p) => p[0] ** 2,
        tryChanges: (changes) =>
          changes[0].kind === 'fullBatch'
            ? trial({
                cli: ['--batch-size', '100'],
                changes,
                finalLoss: smooth[200],
                run: { params: smooth.map((v) => [v]), losses: smooth, gradNorms: smooth, reason: undefined },
              })
            : undefined,
      });
      return codes(diagnose({ run: run({ losses: jagged(batchRises), batchSize: 8 }) }, l)).includes('minibatchNoise');
    };
    it('5 of 20 steps rose (25%), the full batch 2 of 100 (2%, at the limit): mini-batch noise', () => assert.ok(noise(5, 2)));
    it('3 of 20 steps rose (15%): not jittery enough to call it noise', () => assert.ok(!noise(3, 1)));
    it('the full batch rose on 3 of 100 steps (3%): not smooth, so the jitter is not shown to be sampling', () => assert.ok(!noise(5, 3)));
  });

  describe(`curvature at a stopped point: eigenvalues below ${THRESHOLDS.relativeZeroEigenvalue} of the largest are zero; all below ${THRESHOLDS.zeroCurvature} is flat`, () => {
    const stoppedAt = (H: number[][]) => {
      const losses = linear(1, 0.5, 21);
      const [f] = diagnose({ run: run({ losses, gradNorms: losses.map((_, k) => (k === 20 ? 1e-9 : 1)) }), hessianAtEnd: H });
      return f;
    };
    it('eigenvalues 1 and 2e-6: positive definite, a minimum', () =>
      assert.match(
        stoppedAt([
          [1, 0],
          [0, 2e-6],
        ]).en,
        /all positive/,
      ));
    it('eigenvalues 1 and 5e-7: the small one counts as zero, a valley of minima', () =>
      assert.match(
        stoppedAt([
          [1, 0],
          [0, 5e-7],
        ]).en,
        /valley of minima/,
      ));
    it('both eigenvalues 2e-6: small but not flat (relative to each other they are equal)', () =>
      assert.match(
        stoppedAt([
          [2e-6, 0],
          [0, 2e-6],
        ]).en,
        /all positive/,
      ));
    it('both eigenvalues 5e-7: flat (gradient and curvature both almost zero)', () => {
      const f = stoppedAt([
        [5e-7, 0],
        [0, 5e-7],
      ]);
      assert.match(f.en, /gradient and curvature are both almost zero/);
      assert.equal(f.code, 'converged');
    });
  });

  describe(`a restart's minimum is "lower" when below the run's by ${THRESHOLDS.farLower} of max(|start − last|, |last|)`, () => {
    // start 1, last 0.5: the margin is 5e-4.
    const at = (restartLoss: number) => {
      const losses = linear(1, 0.5, 21);
      const l = lab({ restarts: () => ({ count: 8, best: { start: [3], end: [2], loss: restartLoss } }) });
      return codes(diagnose({ run: run({ losses, gradNorms: losses.map((_, k) => (k === 20 ? 1e-9 : 1)) }), hessianAtEnd: [[2]] }, l));
    };
    it('a restart 6e-4 lower: a local minimum', () => assert.deepEqual(at(0.5 - 6e-4), ['localMinimum']));
    it('a restart 4e-4 lower: the same minimum within rounding, converged', () => assert.deepEqual(at(0.5 - 4e-4), ['converged']));
  });

  describe(`a try "did better" when it lowered the loss by ${THRESHOLDS.betterBy} of |last|`, () => {
    // An SGD zigzag from L = 2 to L = 1; the lab's smaller learning rate ends at `reached`.
    const remedyOf = (reached: number) => {
      const n = 41;
      const l = lab({ tryChanges: (changes) => (changes[0].kind === 'learningRate' ? trial({ changes, finalLoss: reached }) : undefined) });
      const f = diagnose({ run: run({ losses: linear(2, 1, n), params: zigzag(n) }) }, l).find((x) => x.code === 'oscillating');
      assert.ok(f, 'oscillating');
      return f;
    };
    it('1.1% lower: a verified remedy', () => assert.equal(remedyOf(0.989).remedy?.outcome.finalLoss, 0.989));
    it('0.9% lower: no remedy, and the finding says nothing tried did better', () => {
      const f = remedyOf(0.991);
      assert.equal(f.remedy, undefined);
      assert.match(f.en, /none did better/);
    });
  });

  describe(`still descending: the last quarter lowered the loss by ${THRESHOLDS.stillFalling} of its value there, or by ${THRESHOLDS.farLower} of the whole drop`, () => {
    // From 1 down to 0.001 over three quarters, then a last quarter that lowers it by `fraction`.
    const endsFalling = (fraction: number) => {
      const losses = [...linear(1, 0.001, 76), ...linear(0.001, 0.001 * (1 - fraction), 26).slice(1)];
      return codes(diagnose({ run: run({ losses }) })).includes('slow');
    };
    it('the last quarter took 11% off: still descending', () => assert.ok(endsFalling(0.11)));
    it('the last quarter took 9% off (less than 0.001 of the whole drop too): not called slow', () => assert.ok(!endsFalling(0.09)));
    it('a steady descent far from zero counts by the whole drop: 10 → 5 with 0.11% of the drop in the last quarter vs 0.09%', () => {
      const steady = (share: number) =>
        codes(diagnose({ run: run({ losses: [...linear(10, 5 + 5 * share, 76), ...linear(5 + 5 * share, 5, 26).slice(1)] }) })).includes(
          'slow',
        );
      assert.ok(steady(0.0011));
      assert.ok(!steady(0.0009));
    });
  });

  describe(`near a saddle: a zero-gradient point within ${THRESHOLDS.nearStationary} of the run's extent from its moving end`, () => {
    // A run along y = 0 from (1, 0) that ends at (d, 0), still moving; the saddle of x² − y² at (0, 0).
    const endsNear = (ratio: number) => {
      const d = ratio / (1 + ratio); // distance d over extent 1 − d
      const params = linear(1, d, 21).map((x) => [x, 0]);
      const losses = params.map(([x]) => x * x);
      const saddle = {
        point: [0, 0],
        gradNorm: 0,
        hessian: [
          [2, 0],
          [0, -2],
        ],
      };
      return codes(diagnose({ run: run({ losses, params }), hessianAtEnd: saddle.hessian }, lab({ stationaryNear: () => saddle })));
    };
    it('the saddle at 4.5% of the extent: saddle', () => assert.ok(endsNear(0.045).includes('saddle')));
    it('the saddle at 5.5% of the extent: not called a saddle yet', () => assert.ok(!endsNear(0.055).includes('saddle')));
    it('a minimum nearby is not a saddle (merely slow)', () => {
      const params = linear(1, 0.01, 21).map((x) => [x, 0]);
      const minimum = {
        point: [0, 0],
        gradNorm: 0,
        hessian: [
          [2, 0],
          [0, 2],
        ],
      };
      // Even where the end point's own curvature is mixed, the point Newton finds decides.
      const found = codes(
        diagnose(
          {
            run: run({ losses: params.map(([x]) => x * x), params }),
            hessianAtEnd: [
              [2, 0],
              [0, -2],
            ],
          },
          lab({ stationaryNear: () => minimum }),
        ),
      );
      assert.ok(!found.includes('saddle') && !found.includes('maximum'), found.join());
    });
    it('a run whose end point curves upward in every direction does not look for a nearby saddle at all', () => {
      const params = linear(1, 0.01, 21).map((x) => [x, 0]);
      let looked = 0;
      diagnose(
        {
          run: run({ losses: params.map(([x]) => x * x), params }),
          hessianAtEnd: [
            [2, 0],
            [0, 2],
          ],
        },
        lab({ stationaryNear: () => (looked++, undefined) }),
      );
      assert.equal(looked, 0);
    });
  });

  describe(`unbounded: the drop per decade along −∇L does not shrink below ${THRESHOLDS.unboundedDropRatio} of the previous one`, () => {
    const probe = (ratio: number) =>
      [0, 1, 10, 100, 1000].map((distance, i) => ({
        distance,
        loss: i === 0 ? 0 : -Array.from({ length: i }, (_, j) => ratio ** j).reduce((a, b) => a + b, 0),
      }));
    it('drops shrinking to 0.55 of the last: no bound in sight', () => assert.ok(fallsWithoutBound(probe(0.55))));
    it('drops shrinking to 0.45 of the last: a geometric series, bounded', () => assert.ok(!fallsWithoutBound(probe(0.45))));
    it('the diagnosis calls an unbounded probe "unbounded" and a bounded one not', () => {
      const losses = linear(0, -1, 21);
      assert.deepEqual(codes(diagnose({ run: run({ losses }), descentProbe: probe(0.55) })), ['unbounded']);
      assert.ok(!codes(diagnose({ run: run({ losses }), descentProbe: probe(0.45) })).includes('unbounded'));
    });
  });

  it('every threshold has its test (here or, for the real-run ones, in diagnosis.test.ts)', () => {
    const tests = ['diagnosisThresholds.test.ts', 'diagnosis.test.ts'].map((f) => readFileSync(`${__dirname}/${f}`, 'utf8')).join('\n');
    const untested = Object.keys(THRESHOLDS).filter((key) => !tests.includes(`THRESHOLDS.${key}`));
    assert.deepEqual(untested, []);
  });
});
