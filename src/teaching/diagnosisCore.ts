/**
 * What every diagnosis finding is built from (diagnosis.ts): the codes and the shape of a finding,
 * the thresholds, the lab's experiments, the measurements on a run (reversal rate, jitter, the
 * unboundedness probe), and the rule that turns the lab's tries into a remedy — shown only when a
 * try did better than the run by THRESHOLDS.betterBy.
 */
import type { RunResult } from '../runner/trainLoss';
import { describeChanges, remedySentence, triedNothingBetter } from './diagnosisText';
import type { Change } from './diagnosisChange';

export type FindingCode =
  | 'diverged'
  | 'oscillating'
  | 'saddle'
  | 'plateau'
  | 'localMinimum'
  | 'converged'
  | 'slow'
  | 'overfitting'
  | 'unbounded'
  | 'minibatchNoise'
  | 'maximum'
  | 'nonFiniteLoss'
  | 'nonFiniteGradient';

/** Advice the worker tried before showing it: the train arguments that reproduce the try, and what it reached. */
export interface Remedy {
  /** `train` arguments after FILE (`--optimizer adam --lr 0.05 --steps 120 --init 2,-1`). */
  cli: string[];
  outcome: { finalLoss: number; steps: number };
}

export interface Finding {
  code: FindingCode;
  ko: string;
  en: string;
  /** Glossary entry id (src/hover/glossary) that explains the idea. */
  glossary: string;
  /** Present only when the advice was tried from the same start and worked. */
  remedy?: Remedy;
}

export const THRESHOLDS = {
  /** Oscillating: more than this share of the second half's movement reversed direction. */
  reversal: 0.6,
  /** Stopped moving: the gradient norm fell to this fraction of max(1, its start). */
  stoppedGradient: 1e-4,
  /** Adaptive optimizers dither at a minimum: a hundredfold drop of the loss is arrival. */
  adaptiveArrival: 100,
  /** Overfitting: the validation loss ended this factor above its minimum … */
  overfittingMargin: 1.2,
  /** … which it reached before this fraction of the run. */
  overfittingBefore: 0.8,
  /** Jittery: more than this fraction of the second half's steps raised the (batch) loss. */
  jitter: 0.2,
  /** Smooth: at most this fraction did (the full-batch comparison run). */
  smooth: 0.02,
  /** Eigenvalues below this (relative to the largest) count as zero; all below zeroCurvature: flat. */
  relativeZeroEigenvalue: 1e-6,
  zeroCurvature: 1e-6,
  /** "Far lower": below the run's loss by this fraction of max(|start − last|, |last|). */
  farLower: 1e-3,
  /** A try "did better" when it lowered the loss by this fraction of |last| (and the try was finite). */
  betterBy: 0.01,
  /** Still falling: the last quarter lowered the loss by this fraction of its value there (or by farLower of the whole drop). */
  stillFalling: 0.1,
  /** Near a saddle: a stationary point within this fraction of the run's extent from its (moving) end. */
  nearStationary: 0.05,
  /** Unbounded: along −∇L each decade of distance drops the loss by at least this fraction of the decade before. */
  unboundedDropRatio: 0.5,
} as const;

/** One experiment of the lab: what ran (as CLI arguments) and what it reached. */
export interface Trial {
  cli: string[];
  /** What differs from the diagnosed run, for the sentence ("η = 0.01", "Adam"). */
  changes: Change[];
  /** The last loss the CLI reports for this try (a batch loss for a mini-batch run). */
  finalLoss: number;
  /** Where it ended on all training samples, when the run drew mini-batches (else finalLoss). */
  objective?: number;
  steps: number;
  /** The trial's own run (for its reversal rate, jitter, validation curve …). */
  run: Pick<RunResult, 'params' | 'losses' | 'gradNorms' | 'reason' | 'test'>;
}

export type { Change };

/**
 * Runs experiments from the diagnosed run's own start. `undefined` when a try could not finish
 * within the diagnosis budget (it is then neither advised nor reported as tried).
 */
export interface Lab {
  tryChanges(changes: Change[]): Trial | undefined;
  /** The objective the run minimised, on all its training samples (no mini-batch). */
  fullLoss(params: number[]): number;
  /** Samples the optimizer trained on, when the run drew mini-batches from data. */
  trainingSamples?: number;
  /** A few random starts' results, for a small problem: the best minimum and the start that reached it. */
  restarts?: () => { count: number; best?: { start: number[]; end: number[]; loss: number } };
  /**
   * The point with zero gradient that Newton's iteration on ∇L = 0 reaches from `params`, with its
   * gradient norm and exact Hessian (small dimension, no data); undefined when it does not converge.
   */
  stationaryNear?: (params: number[]) => { point: number[]; gradNorm: number; hessian: number[][] } | undefined;
}

export interface DiagnosisInput {
  run: Pick<RunResult, 'params' | 'losses' | 'gradNorms' | 'reason' | 'options' | 'test'>;
  /** Exact Hessian at the run's last point (small dimension only). */
  hessianAtEnd?: number[][];
  /** Largest learning rate that did not diverge (a quick search after a divergence). */
  largestStableLearningRate?: number;
  /**
   * The first step where the gradient was not finite although the loss was (and had not risen):
   * the operation whose local derivative is not a number, when the worker could name it.
   */
  nonFiniteGradient?: { step: number; site?: { op: string; line?: number } };
  /** Values of the loss along −∇L from the end point (unboundedness probe), distances ascending. */
  descentProbe?: Array<{ distance: number; loss: number }>;
}

/**
 * Share of the second half's movement that reversed direction: each update of each coordinate
 * counts with its size, so one coordinate bouncing across the valley at full amplitude is an
 * oscillation even while another coordinate creeps along without turning.
 */
export function reversalRate(params: number[][]): number {
  const from = Math.floor(params.length / 2);
  let reversed = 0;
  let moved = 0;
  for (let k = Math.max(from, 1) + 1; k < params.length; k++) {
    for (let i = 0; i < params[k].length; i++) {
      const a = params[k - 1][i] - params[k - 2][i];
      const b = params[k][i] - params[k - 1][i];
      if (a === 0 || b === 0 || !Number.isFinite(a * b)) continue;
      moved += Math.abs(b);
      if (Math.sign(a) !== Math.sign(b)) reversed += Math.abs(b);
    }
  }
  return moved > 0 ? reversed / moved : 0;
}

/**
 * Fraction of steps in the second half whose loss went up: the jitter of a mini-batch curve. A rise
 * within rounding (1e-9 relative) is no rise: a converged full-batch run wobbles in its last digits.
 */
export function riseRate(losses: number[]): number {
  const from = Math.max(1, Math.floor(losses.length / 2));
  let rises = 0;
  for (let k = from; k < losses.length; k++) if (losses[k] > losses[k - 1] + 1e-9 * Math.abs(losses[k - 1]) + 1e-300) rises++;
  return losses.length - from > 0 ? rises / (losses.length - from) : 0;
}

/**
 * Unbounded below along the probe: the loss falls at every distance, and the drop per decade of
 * distance does not shrink away (a bounded descent such as e^(−t) has drops that vanish; −t, −t²
 * and even −log t do not).
 */
export function fallsWithoutBound(probe: Array<{ distance: number; loss: number }>): boolean {
  if (probe.length < 4) return false;
  const values = probe.map((p) => p.loss);
  if (values[values.length - 1] === -Infinity) return true;
  if (!values.every(Number.isFinite)) return false;
  const drops = values.slice(1).map((v, i) => values[i] - v);
  if (!drops.every((d) => d > 0)) return false;
  for (let i = 1; i < drops.length; i++) if (drops[i] < THRESHOLDS.unboundedDropRatio * drops[i - 1]) return false;
  return true;
}

export interface Context {
  input: DiagnosisInput;
  lab?: Lab;
  start: number;
  last: number;
  lr: number;
  steps: number;
  optimizer: string;
}

export const lastOf = <T>(xs: T[]): T => xs[xs.length - 1];

/** The tries that did better than `last` by THRESHOLDS.betterBy, best first (and only those that pass `accept`). */
export function better(ctx: Context, candidates: Change[][], accept: (t: Trial) => boolean = () => true) {
  const tried: Trial[] = [];
  for (const changes of candidates) {
    const t = ctx.lab?.tryChanges(changes);
    if (t) tried.push(t);
  }
  const margin = THRESHOLDS.betterBy * Math.max(Math.abs(ctx.last), 1e-300);
  const reached = (t: Trial) => t.objective ?? t.finalLoss;
  const worked = tried
    .filter((t) => Number.isFinite(reached(t)) && reached(t) <= ctx.last - margin && accept(t))
    .sort((a, b) => reached(a) - reached(b));
  return { tried, best: worked[0] };
}

/** Appends the verified remedy, or what was tried without success, to a finding. */
export function withRemedy(f: Omit<Finding, 'remedy'>, ctx: Context, result: { tried: Trial[]; best?: Trial }): Finding {
  if (result.best) {
    const t = result.best;
    const s = remedySentence(describeChanges(t.changes), t.steps, t.objective ?? t.finalLoss, ctx.last);
    return {
      ...f,
      ko: `${f.ko} ${s.ko}`,
      en: `${f.en} ${s.en}`,
      remedy: { cli: t.cli, outcome: { finalLoss: t.finalLoss, steps: t.steps } },
    };
  }
  if (result.tried.length) {
    const s = triedNothingBetter(result.tried.map((t) => describeChanges(t.changes)));
    return { ...f, ko: `${f.ko} ${s.ko}`, en: `${f.en} ${s.en}` };
  }
  return f;
}

export const otherOptimizers = (current: string, wanted: string[]) => wanted.filter((o) => o !== current);

/** Learning rates and points shown and passed on the command line: 12 significant digits. */
export function round(v: number): number {
  return Number(v.toPrecision(12));
}
