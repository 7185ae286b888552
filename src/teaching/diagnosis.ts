/**
 * Automatic diagnosis after a run. Every sentence states something measured on this run (loss,
 * gradient norm, Hessian eigenvalues, reversal rate …), and advice appears only as a *remedy*: a
 * change the lab below actually ran from the same start, which did better. When nothing tried
 * did better, the finding says so instead of guessing.
 *
 *   unbounded       the loss keeps falling and, past the end point along −∇L, falls without bound
 *   diverged        non-finite loss, or it ended above where it started
 *   overfitting     the validation loss turned up while the training loss kept falling
 *   minibatchNoise  the loss jitters, and the same run with the full batch does not
 *   oscillating     the step keeps reversing direction (most successive updates change sign)
 *   saddle          gradient ≈ 0 and the Hessian has eigenvalues of both signs
 *   maximum         gradient ≈ 0 and every eigenvalue negative (plain Newton walks uphill to one)
 *   plateau         gradient ≈ 0, curvature ≈ 0 in some direction, and a try reached far lower
 *   localMinimum    a minimum (positive-definite Hessian), but another start reached lower
 *   converged       gradient ≈ 0 at a minimum, or in a valley of minima (semidefinite Hessian)
 *   slow            still going down at the end
 *
 * The thresholds are in THRESHOLDS, each tested just inside and just outside
 * (test/unit/teaching/diagnosisThresholds.test.ts).
 */
import type { RunResult } from '../runner/trainLoss';
import { definiteness, symmetricEigenvalues } from './curvature';
import { describeChanges, fmt, remedySentence, triedNothingBetter } from './diagnosisText';

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

export type Change =
  | { kind: 'learningRate'; value: number }
  | { kind: 'optimizer'; value: string }
  | { kind: 'steps'; value: number }
  | { kind: 'fullBatch'; value: number }
  | { kind: 'init'; value: number[] };

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


interface Context {
  input: DiagnosisInput;
  lab?: Lab;
  start: number;
  last: number;
  lr: number;
  steps: number;
  optimizer: string;
}

const lastOf = <T>(xs: T[]): T => xs[xs.length - 1];

/** The tries that did better than `last` by THRESHOLDS.betterBy, best first (and only those that pass `accept`). */
function better(ctx: Context, candidates: Change[][], accept: (t: Trial) => boolean = () => true) {
  const tried: Trial[] = [];
  for (const changes of candidates) {
    const t = ctx.lab?.tryChanges(changes);
    if (t) tried.push(t);
  }
  const margin = THRESHOLDS.betterBy * Math.max(Math.abs(ctx.last), 1e-300);
  const reached = (t: Trial) => t.objective ?? t.finalLoss;
  const worked = tried.filter((t) => Number.isFinite(reached(t)) && reached(t) <= ctx.last - margin && accept(t)).sort((a, b) => reached(a) - reached(b));
  return { tried, best: worked[0] };
}

/** Appends the verified remedy, or what was tried without success, to a finding. */
function withRemedy(f: Omit<Finding, 'remedy'>, ctx: Context, result: { tried: Trial[]; best?: Trial }): Finding {
  if (result.best) {
    const t = result.best;
    const s = remedySentence(describeChanges(t.changes), t.steps, t.objective ?? t.finalLoss, ctx.last);
    return { ...f, ko: `${f.ko} ${s.ko}`, en: `${f.en} ${s.en}`, remedy: { cli: t.cli, outcome: { finalLoss: t.finalLoss, steps: t.steps } } };
  }
  if (result.tried.length) {
    const s = triedNothingBetter(result.tried.map((t) => describeChanges(t.changes)));
    return { ...f, ko: `${f.ko} ${s.ko}`, en: `${f.en} ${s.en}` };
  }
  return f;
}

const otherOptimizers = (current: string, wanted: string[]) => wanted.filter((o) => o !== current);

export function diagnose(input: DiagnosisInput, lab?: Lab): Finding[] {
  const { run } = input;
  const losses = run.losses;
  const ctx: Context = {
    input,
    lab,
    start: losses[0],
    last: lastOf(losses),
    lr: run.options.learningRate,
    steps: run.options.steps,
    optimizer: run.options.optimizer,
  };
  // A mini-batch run's own losses are batch losses: judge where it ended on all training samples.
  if (lab?.trainingSamples !== undefined) {
    ctx.start = lab.fullLoss(run.params[0]);
    ctx.last = lab.fullLoss(lastOf(run.params));
  }

  const unbounded = unboundedFinding(ctx);
  if (unbounded) return [unbounded];
  const badGradient = nonFiniteGradientFinding(ctx);
  if (badGradient) return [badGradient];
  const undefinedAt = nonFiniteFinding(ctx);
  if (undefinedAt) return [undefinedAt];

  const g0 = run.gradNorms[0];
  const gEnd = lastOf(run.gradNorms);
  const stopped = Number.isFinite(gEnd) && gEnd <= THRESHOLDS.stoppedGradient * Math.max(1, g0);
  // A run that came to rest at a stationary point (even one above its start: a maximum that plain
  // Newton climbed to) is described by the curvature there, not as a divergence.
  if (stopped && Number.isFinite(ctx.last) && input.hessianAtEnd) return [stationaryFinding(ctx, g0, gEnd)];
  if (run.reason === 'diverged' || !Number.isFinite(ctx.last) || ctx.last > ctx.start + 1e-9 * Math.max(1, Math.abs(ctx.start))) return [divergedFinding(ctx)];
  const overfit = overfittingFinding(ctx);
  if (overfit) return [overfit];

  const out: Finding[] = [];
  const noise = minibatchNoiseFinding(ctx);
  if (noise) out.push(noise);
  const adaptive = ['adam', 'adamw', 'rmsprop', 'adagrad'].includes(ctx.optimizer);
  const arrived = adaptive && Number.isFinite(ctx.start) && ctx.last <= ctx.start / THRESHOLDS.adaptiveArrival;
  const reversal = reversalRate(run.params);
  if (!noise && reversal > THRESHOLDS.reversal && !stopped && !arrived) out.push(oscillatingFinding(ctx, reversal));

  if (stopped) {
    const s = { ko: `|∇L|: 처음 ${fmt(g0)}, 끝 ${fmt(gEnd)}; 손실 L = ${fmt(ctx.last)}.`, en: `|∇L|: ${fmt(g0)} at the start, ${fmt(gEnd)} at the end; loss L = ${fmt(ctx.last)}.` };
    out.push({ code: 'converged', ko: `수렴했습니다: 기울기가 거의 0으로 줄었습니다. ${s.ko}`, en: `Converged: the gradient shrank to almost zero. ${s.en}`, glossary: 'convergence' });
  } else if (!out.some((f) => f.code === 'oscillating')) {
    const slow = slowFinding(ctx);
    if (slow) out.push(slow);
  }
  return out;
}

function unboundedFinding(ctx: Context): Finding | undefined {
  const probe = ctx.input.descentProbe;
  const fellToMinusInfinity = ctx.last === -Infinity;
  const lowest = Math.min(...ctx.input.run.losses.filter(Number.isFinite));
  if (!fellToMinusInfinity && !(probe && fallsWithoutBound(probe) && lowest < ctx.start)) return undefined;
  const shown = (probe ?? []).slice(-3);
  // A run that ended on NaN or +∞ (after falling) is described by the lowest loss it reached.
  const end = Number.isFinite(ctx.last)
    ? { ko: `끝 L = ${fmt(ctx.last)}, 그리고 마지막 점에서`, en: `end L = ${fmt(ctx.last)}, and further along −∇L from the end point` }
    : { ko: `가장 낮았던 L = ${fmt(lowest)}, 그리고 손실이 마지막으로 유한했던 점에서`, en: `lowest L = ${fmt(lowest)}, and further along −∇L from the last point where it was finite` };
  const list = (lang: 'ko' | 'en') => shown.map((p) => `${lang === 'ko' ? '거리' : 'distance'} ${fmt(p.distance)}: L = ${fmt(p.loss)}`).join(', ');
  return {
    code: 'unbounded',
    ko: fellToMinusInfinity
      ? `손실에 아래쪽 한계가 없습니다: 손실이 −∞까지 떨어졌습니다(시작 L = ${fmt(ctx.start)}). 최솟값이 없으므로 스텝을 늘려도 수렴하지 않습니다.`
      : `손실에 아래쪽 한계가 없습니다: 시작 L = ${fmt(ctx.start)}, ${end.ko} −∇L 방향으로 더 가도 손실은 멈추지 않고 작아집니다(${list('ko')}). 이 방향에는 최솟값이 없으므로 스텝을 늘려도 수렴하지 않습니다.`,
    en: fellToMinusInfinity
      ? `The loss has no lower bound: it fell to −∞ (start L = ${fmt(ctx.start)}). There is no minimum, so more steps cannot converge.`
      : `The loss has no lower bound: start L = ${fmt(ctx.start)}, ${end.en} it keeps falling (${list('en')}). There is no minimum in that direction, so more steps cannot converge.`,
    glossary: 'loss',
  };
}

/** The gradient is NaN or infinite where the loss is finite: a derivative undefined at that point, not a learning-rate problem. */
function nonFiniteGradientFinding(ctx: Context): Finding | undefined {
  const at = ctx.input.nonFiniteGradient;
  if (!at) return undefined;
  const { losses, params, gradNorms } = ctx.input.run;
  const g = gradNorms[at.step];
  const what = Number.isNaN(g) ? { ko: 'NaN(숫자가 아님)', en: 'NaN (not a number)' } : { ko: '무한대', en: 'infinite' };
  const point = `(${params[at.step].map(fmt).join(', ')})`;
  const site = at.site;
  const where = site
    ? {
        ko: ` 원인은 ${site.line !== undefined ? `${site.line}번째 줄의 ` : ''}연산(${site.op})입니다: 이 연산의 국소 미분이 이 점에서 유한하지 않습니다.`,
        en: ` It comes from the operation ${site.op}${site.line !== undefined ? ` on line ${site.line}` : ''}: its local derivative is not finite at this point.`,
      }
    : { ko: '', en: '' };
  return {
    code: 'nonFiniteGradient',
    ko: `손실은 유한한데 기울기가 유한하지 않습니다: ${at.step === 0 ? `시작점 ${point}` : `${at.step} 스텝의 점 ${point}`}, 손실 L = ${fmt(losses[at.step])}, 기울기 ${what.ko}.${where.ko} 학습률과는 관계없습니다: 손실 함수의 미분이 이 점에서 정의되지 않습니다. 예를 들어 음수의 거듭제곱을 지수로 미분하면 음수의 로그가 필요하고, 제곱근은 0에서 기울기가 무한대입니다.`,
    en: `${at.step === 0 ? `At the start point ${point}` : `At step ${at.step}, at the point ${point}`}, the loss is finite (L = ${fmt(losses[at.step])}) but the gradient is ${what.en}.${where.en} This is not about the learning rate: the loss function's derivative is undefined at this point. For example, differentiating a power of a negative number in its exponent needs the logarithm of a negative number, and a square root has an infinite slope at 0.`,
    glossary: 'gradient',
  };
}

/**
 * The loss is NaN or infinite at the start, or turned NaN at a finite point while it was still
 * below its start: the function is undefined there (0/0, the log or root of a negative number).
 * That is not a divergence, and a smaller learning rate is advised only if the lab shows it helps.
 */
function nonFiniteFinding(ctx: Context): Finding | undefined {
  const { losses, params } = ctx.input.run;
  const point = (p: number[]) => `(${p.map(fmt).join(', ')})`;
  const check = {
    ko: '0으로 나누는 곳, 음수의 로그(Math.log)나 제곱근(Math.sqrt)을 계산하는 곳이 있는지 확인하세요.',
    en: 'Look for a division by zero, or Math.log / Math.sqrt of a negative number.',
  };
  if (!Number.isFinite(losses[0])) {
    const what = Number.isNaN(losses[0]) ? { ko: 'NaN(숫자가 아님)', en: 'NaN (not a number)' } : { ko: `${fmt(losses[0])}(무한대)`, en: `${fmt(losses[0])} (infinite)` };
    return {
      code: 'nonFiniteLoss',
      ko: `손실 함수가 시작점에서 정의되지 않습니다: 시작점 ${point(params[0])}, 손실 값 ${what.ko}. 학습률과 관계없이 한 스텝도 갈 수 없습니다. ${check.ko}`,
      en: `The loss is ${what.en} at the start point ${point(params[0])}: the loss function is undefined there, so no learning rate can take a step. ${check.en}`,
      glossary: 'loss',
    };
  }
  const k = losses.findIndex((v) => Number.isNaN(v));
  if (k <= 0 || !params[k].every(Number.isFinite) || !(losses[k - 1] <= losses[0])) return undefined;
  const facts = {
    ko: `${k} 스텝에서 손실이 NaN(숫자가 아님)이 되었습니다: 그 스텝의 점 ${point(params[k])}. 바로 앞 스텝의 손실(L = ${fmt(losses[k - 1])})이 시작 손실(L = ${fmt(losses[0])})보다 낮았으므로, 손실이 커지다 넘친 발산이 아니라 손실 함수가 그 점에서 정의되지 않는 것입니다. ${check.ko}`,
    en: `At step ${k}, at the point ${point(params[k])}, the loss became NaN (not a number). The step before it was at L = ${fmt(losses[k - 1])}, below the start (L = ${fmt(losses[0])}), so this is not a divergence that grew and overflowed: the loss function is undefined at that point. ${check.en}`,
  };
  const candidates = [ctx.lr / 10, ctx.lr / 100].map((value) => [{ kind: 'learningRate', value: round(value) } as Change]);
  return withRemedy({ code: 'nonFiniteLoss', ...facts, glossary: 'loss' }, ctx, better({ ...ctx, last: losses[k - 1] }, candidates));
}

function divergedFinding(ctx: Context): Finding {
  const known = ctx.input.largestStableLearningRate;
  const facts = {
    ko: `손실이 발산했습니다: 시작 L = ${fmt(ctx.start)}, 끝 L = ${fmt(ctx.last)} (학습률 η = ${fmt(ctx.lr)}). 한 스텝마다 최솟값을 지나쳐 더 멀리 갑니다.${known !== undefined ? ` 이 파일에서 η = ${fmt(known)} 이하는 100 스텝 동안 발산하지 않았습니다.` : ''}`,
    en: `The loss diverged: start L = ${fmt(ctx.start)}, end L = ${fmt(ctx.last)} (learning rate η = ${fmt(ctx.lr)}). Every step overshoots the minimum by more.${known !== undefined ? ` On this file η up to ${fmt(known)} did not diverge within 100 steps.` : ''}`,
  };
  const rates = [known !== undefined ? known / 2 : undefined, ctx.lr / 10, ctx.lr / 100].filter((v): v is number => v !== undefined && v < ctx.lr);
  const candidates = [...new Set(rates.map(round))].map((value) => [{ kind: 'learningRate', value } as Change]);
  // Better than where the diverged run *started* (it ended higher or at infinity).
  const result = better({ ...ctx, last: ctx.start }, candidates);
  return withRemedy({ code: 'diverged', ...facts, glossary: 'divergence' }, ctx, result);
}

function overfittingFinding(ctx: Context): Finding | undefined {
  const test = ctx.input.run.test;
  if (!test || test.losses.length < 5) return undefined;
  const finite = test.losses.map((v) => (Number.isFinite(v) ? v : Infinity));
  const best = Math.min(...finite);
  const at = test.steps[finite.indexOf(best)];
  const end = lastOf(test.losses);
  const lastStep = lastOf(test.steps);
  const training = lastOf(ctx.input.run.losses);
  if (!(Number.isFinite(end) && end > THRESHOLDS.overfittingMargin * best && end - best > 1e-6 && at < THRESHOLDS.overfittingBefore * lastStep && training < best)) return undefined;
  const f = {
    code: 'overfitting' as const,
    ko: `과적합입니다: 학습 손실은 끝까지 내려갔지만(L = ${fmt(training)}), 검증 손실은 ${at} 스텝에서 가장 낮았고(L = ${fmt(best)}) 그 뒤로 다시 올랐습니다(끝: L = ${fmt(end)}).`,
    en: `Overfitting: the training loss kept falling (L = ${fmt(training)}), but the validation loss was lowest at step ${at} (L = ${fmt(best)}) and rose again (end: L = ${fmt(end)}).`,
    glossary: 'overfitting',
  };
  const t = at > 0 ? ctx.lab?.tryChanges([{ kind: 'steps', value: at }]) : undefined;
  const validation = t?.run.test ? lastOf(t.run.test.losses) : undefined;
  if (!t || validation === undefined || !(validation < end)) return f;
  return {
    ...f,
    ko: `${f.ko} 조기 종료를 확인했습니다: 같은 설정으로 ${at} 스텝에서 멈추면 검증 손실 L = ${fmt(validation)}, 학습 손실 L = ${fmt(t.finalLoss)}.`,
    en: `${f.en} Early stopping checked: the same run stopped at step ${at} ends with validation loss L = ${fmt(validation)}, training loss L = ${fmt(t.finalLoss)}.`,
    remedy: { cli: t.cli, outcome: { finalLoss: t.finalLoss, steps: t.steps } },
  };
}

function minibatchNoiseFinding(ctx: Context): Finding | undefined {
  const { run } = ctx.input;
  const samples = ctx.lab?.trainingSamples;
  const batch = run.options.batchSize;
  if (samples === undefined || batch === undefined || batch >= samples) return undefined;
  const jitter = riseRate(run.losses);
  if (jitter <= THRESHOLDS.jitter) return undefined;
  const t = ctx.lab?.tryChanges([{ kind: 'fullBatch', value: samples }]);
  if (!t || !Number.isFinite(t.finalLoss)) return undefined;
  const smooth = riseRate(t.run.losses);
  if (smooth > THRESHOLDS.smooth) return undefined;
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return {
    code: 'minibatchNoise',
    ko: `손실 곡선이 들쭉날쭉한 것은 미니배치 표본 추출 때문입니다: 배치 크기 ${batch}, 학습 표본 ${samples}개, 후반부에서 손실이 오른 스텝의 비율 ${pct(jitter)}. 같은 학습률로 전체 배치를 쓰면 그 비율 ${pct(smooth)}, ${t.steps} 스텝 뒤 L = ${fmt(t.finalLoss)}. 학습률이 너무 커서 생긴 진동이 아닙니다.`,
    en: `The jagged loss curve comes from mini-batch sampling: batch size ${batch} of ${samples} training samples, the loss rose on ${pct(jitter)} of the second half's steps. With the full batch at the same learning rate that share is ${pct(smooth)}, and after ${t.steps} steps L = ${fmt(t.finalLoss)}. It is not an oscillation from a too-large learning rate.`,
    glossary: 'miniBatch',
    remedy: { cli: t.cli, outcome: { finalLoss: t.finalLoss, steps: t.steps } },
  };
}

function oscillatingFinding(ctx: Context, reversal: number): Finding {
  const facts = {
    ko: `매개변수가 지그재그로 진동합니다: 후반부 이동 거리 가운데 방향이 뒤집힌 이동의 비율 ${Math.round(reversal * 100)}% (학습률 η = ${fmt(ctx.lr)}).`,
    en: `The parameters zigzag: ${Math.round(reversal * 100)}% of the second half's movement reversed direction (learning rate η = ${fmt(ctx.lr)}).`,
  };
  const candidates: Change[][] = [2, 4, 10].map((d) => [{ kind: 'learningRate', value: round(ctx.lr / d) }]);
  for (const o of otherOptimizers(ctx.optimizer, ['adam'])) candidates.push([{ kind: 'optimizer', value: o }]);
  const result = better(ctx, candidates, (t) => reversalRate(t.run.params) <= THRESHOLDS.reversal);
  return withRemedy({ code: 'oscillating', ...facts, glossary: 'learningRate' }, ctx, result);
}

/** Gradient ≈ 0 with the exact Hessian: minimum, valley of minima, saddle or plateau. */
function stationaryFinding(ctx: Context, g0: number, gEnd: number): Finding {
  const H = ctx.input.hessianAtEnd as number[][];
  const eig = symmetricEigenvalues(H);
  const scale = Math.max(...eig.map(Math.abs));
  const flat = scale < THRESHOLDS.zeroCurvature;
  const kind = flat ? 'semidefinite' : definiteness(eig, THRESHOLDS.relativeZeroEigenvalue);
  const eigText = eig.map(fmt).join(', ');
  const gradText = { ko: `|∇L| = ${fmt(gEnd)} (처음 ${fmt(g0)})`, en: `|∇L| = ${fmt(gEnd)} (${fmt(g0)} at the start)` };
  const init = ctx.input.run.options.init;

  if (kind === 'indefinite' || kind === 'negative') {
    // Nudge the start along the most negative curvature direction: off the ridge that led here.
    const direction = lowestEigenvector(H);
    const size = 1e-3 * Math.max(1, ...init.map(Math.abs));
    const nudged = init.map((v, i) => Number((v + size * direction[i]).toPrecision(12)));
    const candidates: Change[][] = [[{ kind: 'init', value: nudged }], ...otherOptimizers(ctx.optimizer, ['momentum', 'adam']).map((o) => [{ kind: 'optimizer', value: o } as Change])];
    const facts =
      kind === 'indefinite'
        ? {
            ko: `안장점 근처에서 멈췄습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} — 양수와 음수가 함께 있어 어떤 방향으로는 아직 내려갈 수 있습니다.`,
            en: `Stopped near a saddle point: ${gradText.en}, Hessian eigenvalues ${eigText} — of both signs, so some direction still leads down.`,
          }
        : ctx.optimizer === 'newton'
          ? {
              ko: `최댓값에서 멈췄습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} — 모두 음수입니다. 곡률이 음수인 곳에서 뉴턴 스텝 −H⁻¹∇L은 오르막을 가리키므로, 뉴턴 방법은 최솟값이 아니라 기울기가 0인 가장 가까운 점으로 갑니다: 손실이 L = ${fmt(ctx.start)} → ${fmt(ctx.last)}.`,
              en: `Stopped at a maximum: ${gradText.en}, Hessian eigenvalues ${eigText} — all negative. Where the curvature is negative, Newton's step −H⁻¹∇L points uphill, so Newton's method heads for the nearest point with zero gradient, not for a minimum: the loss went L = ${fmt(ctx.start)} → ${fmt(ctx.last)}.`,
            }
          : {
              ko: `최댓값 근처에서 멈췄습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} — 모두 음수입니다.`,
              en: `Stopped near a maximum: ${gradText.en}, Hessian eigenvalues ${eigText} — all negative.`,
            };
    const code = kind === 'indefinite' ? 'saddle' : 'maximum';
    return withRemedy({ code, ...facts, glossary: kind === 'indefinite' ? 'saddlePoint' : 'hessian' }, ctx, better({ ...ctx, last: Math.min(ctx.start, ctx.last) }, candidates));
  }

  if (kind === 'positive') {
    const restarts = ctx.lab?.restarts?.();
    const best = restarts?.best;
    const farLower = (v: number) => v < ctx.last - THRESHOLDS.farLower * Math.max(Math.abs(ctx.start - ctx.last), Math.abs(ctx.last), 1e-12);
    if (best && farLower(best.loss)) {
      const facts = {
        ko: `국소 최솟값에 수렴했습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} (모두 양수), 손실 L = ${fmt(ctx.last)}. 무작위 시작점 ${restarts.count}곳에서 다시 돌려 보니 더 낮은 최솟값이 있습니다: (${best.end.map(fmt).join(', ')}) 근처, L = ${fmt(best.loss)}.`,
        en: `Converged to a local minimum: ${gradText.en}, Hessian eigenvalues ${eigText} (all positive), loss L = ${fmt(ctx.last)}. Runs from ${restarts.count} random starts found a lower minimum near (${best.end.map(fmt).join(', ')}), L = ${fmt(best.loss)}.`,
      };
      const start = best.start.map((v) => Number(v.toPrecision(12)));
      return withRemedy({ code: 'localMinimum', ...facts, glossary: 'localMinimum' }, ctx, better(ctx, [[{ kind: 'init', value: start }]]));
    }
    const checked = restarts ? { ko: ` 무작위 시작점 ${restarts.count}곳에서 다시 돌려도 더 낮은 최솟값은 없었습니다.`, en: ` Runs from ${restarts.count} random starts found no lower minimum.` } : { ko: '', en: '' };
    return {
      code: 'converged',
      ko: `수렴했습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} — 모두 양수라 이곳은 (적어도 국소) 최솟값입니다. 손실 L = ${fmt(ctx.last)}.${checked.ko}`,
      en: `Converged: ${gradText.en}, Hessian eigenvalues ${eigText} — all positive, so this is a (at least local) minimum. Loss L = ${fmt(ctx.last)}.${checked.en}`,
      glossary: 'convergence',
    };
  }

  // Semidefinite or flat: a valley of minima, or a plateau when somewhere reachable is far lower.
  const rates = [ctx.lr * 10].map(round);
  const candidates: Change[][] = [...otherOptimizers(ctx.optimizer, ['adam']).map((o) => [{ kind: 'optimizer', value: o } as Change]), ...rates.map((value) => [{ kind: 'learningRate', value } as Change])];
  const farMargin = THRESHOLDS.farLower * Math.max(Math.abs(ctx.start - ctx.last), Math.abs(ctx.last), 1e-12);
  const farBelow = (t: Trial) => (t.objective ?? t.finalLoss) < ctx.last - farMargin;
  let result = better(ctx, candidates, farBelow);
  // Another start only when nothing from this start got off the plateau.
  const restarts = result.best ? undefined : ctx.lab?.restarts?.();
  if (restarts?.best) {
    const elsewhere = better(ctx, [[{ kind: 'init', value: restarts.best.start.map((v) => Number(v.toPrecision(12))) }]], farBelow);
    result = { tried: [...result.tried, ...elsewhere.tried], best: elsewhere.best };
  }
  if (result.best) {
    return withRemedy(
      {
        code: 'plateau',
        ko: `고원에서 멈췄습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} — 기울기도 곡률도 거의 0이라 스텝이 아주 작아졌지만, 지금 손실(L = ${fmt(ctx.last)})보다 훨씬 낮은 곳이 있습니다.`,
        en: `Stuck on a plateau: ${gradText.en}, Hessian eigenvalues ${eigText} — gradient and curvature are almost zero, so the steps became tiny, yet there is much lower ground than L = ${fmt(ctx.last)}.`,
        glossary: 'plateau',
      },
      ctx,
      result,
    );
  }
  const valley = !flat;
  const base = valley
    ? {
        ko: `수렴했습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} — 0인 고윳값의 방향으로는 손실이 변하지 않으므로, 이곳은 최솟값이 이어진 골짜기의 한 점입니다. 손실 L = ${fmt(ctx.last)}.`,
        en: `Converged: ${gradText.en}, Hessian eigenvalues ${eigText} — along the zero eigenvalue's direction the loss does not change, so this is one point of a valley of minima. Loss L = ${fmt(ctx.last)}.`,
      }
    : {
        ko: `멈췄습니다: ${gradText.ko}, 헤세 행렬 고윳값 ${eigText} — 기울기도 곡률도 거의 0입니다. 손실 L = ${fmt(ctx.last)}.`,
        en: `Stopped: ${gradText.en}, Hessian eigenvalues ${eigText} — gradient and curvature are both almost zero. Loss L = ${fmt(ctx.last)}.`,
      };
  return withRemedy({ code: 'converged', ...base, glossary: 'convergence' }, ctx, { tried: result.tried });
}

function slowFinding(ctx: Context): Finding | undefined {
  const { run } = ctx.input;
  const q = Math.floor((run.params.length - 1) * 0.75);
  const atQuarter = ctx.lab?.trainingSamples !== undefined ? (ctx.lab as Lab).fullLoss(run.params[q]) : run.losses[q];
  // Against the whole drop (a run that still descends steadily) or against the loss itself (a run
  // near zero that still halves it: (w − 3)² after 31 steps, x⁴ creeping to its flat minimum).
  const margin = Math.min(THRESHOLDS.farLower * Math.abs(ctx.start - ctx.last), THRESHOLDS.stillFalling * Math.abs(atQuarter));
  if (!(ctx.last < atQuarter - margin)) return undefined;
  const facts = {
    ko: `아직 내려가는 중에 끝났습니다: 마지막 4분의 1 구간의 손실 L = ${fmt(atQuarter)} → ${fmt(ctx.last)}.`,
    en: `The run ended while the loss was still going down: over the last quarter L = ${fmt(atQuarter)} → ${fmt(ctx.last)}.`,
  };
  const longer = Math.min(4 * ctx.steps, 20_000);
  const candidates: Change[][] = [[{ kind: 'learningRate', value: round(ctx.lr * 3) }]];
  if (longer > ctx.steps) candidates.unshift([{ kind: 'steps', value: longer }]);
  const result = better(ctx, candidates, (t) => t.run.reason !== 'diverged');
  return withRemedy({ code: 'slow', ...facts, glossary: 'convergence' }, ctx, result);
}

/** Learning rates and points shown and passed on the command line: 12 significant digits. */
function round(v: number): number {
  return Number(v.toPrecision(12));
}

/** Unit eigenvector of the smallest eigenvalue (power iteration on σI − H; d ≤ 16 here). */
function lowestEigenvector(H: number[][]): number[] {
  const n = H.length;
  const sigma = Math.max(...H.map((row) => row.reduce((s, v) => s + Math.abs(v), 0))) + 1;
  let v = Array.from({ length: n }, (_, i) => 1 / Math.sqrt(n) + 1e-3 * (i + 1));
  for (let it = 0; it < 500; it++) {
    const w = v.map((vi, i) => sigma * vi - H[i].reduce((s, h, j) => s + h * v[j], 0));
    const norm = Math.hypot(...w) || 1;
    v = w.map((x) => x / norm);
  }
  return v;
}
