/**
 * Automatic diagnosis after a run. Every sentence states something measured on this run (loss,
 * gradient norm, Hessian eigenvalues, reversal rate …), and advice appears only as a *remedy*: a
 * change the lab below actually ran from the same start, which did better. When nothing tried
 * did better, the finding says so instead of guessing.
 *
 *   unbounded       the loss keeps falling and, past the end point along −∇L, falls without bound
 *   nonFiniteGradient  the loss is finite but its gradient is not (the operation is named)
 *   nonFiniteLoss   NaN or ∞ at the start, or NaN at a point reached while the loss was falling
 *   diverged        non-finite loss, or it ended above where it started
 *   overfitting     the validation loss turned up while the training loss kept falling
 *   minibatchNoise  the loss jitters, and the same run with the full batch does not
 *   oscillating     the step keeps reversing direction (most successive updates change sign)
 *   saddle          gradient ≈ 0 and the Hessian has eigenvalues of both signs, or a run still
 *                   moving ended close to such a point (creeping into it, or Adam hovering round it)
 *   maximum         gradient ≈ 0 and every eigenvalue negative (plain Newton walks uphill to one)
 *   plateau         gradient ≈ 0, curvature ≈ 0 in some direction, and a try reached far lower
 *   localMinimum    a minimum (positive-definite Hessian), but another start reached lower
 *   converged       gradient ≈ 0 at a minimum, or in a valley of minima (semidefinite Hessian)
 *   slow            still going down at the end
 *
 * The thresholds are in THRESHOLDS, each tested just inside and just outside
 * (test/unit/teaching/diagnosisThresholds.test.ts). The parts: diagnosisCore.ts (types,
 * thresholds, measurements, the remedy rule), diagnosisUndefined.ts (unbounded and non-finite),
 * diagnosisStationary.ts (a run at rest, by its Hessian), diagnosisText.ts (shared wording).
 */
import { fmt } from './diagnosisText';
import {
  better,
  lastOf,
  otherOptimizers,
  reversalRate,
  riseRate,
  round,
  THRESHOLDS,
  withRemedy,
  type Change,
  type Context,
  type DiagnosisInput,
  type Finding,
  type Lab,
} from './diagnosisCore';
import { nonFiniteFinding, nonFiniteGradientFinding, unboundedFinding } from './diagnosisUndefined';
import { nearStationaryFinding, stationaryFinding } from './diagnosisStationary';

export { THRESHOLDS, reversalRate, riseRate, fallsWithoutBound } from './diagnosisCore';
export type { Change, DiagnosisInput, Finding, FindingCode, Lab, Remedy, Trial } from './diagnosisCore';

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
  if (run.reason === 'diverged' || !Number.isFinite(ctx.last) || ctx.last > ctx.start + 1e-9 * Math.max(1, Math.abs(ctx.start)))
    return [divergedFinding(ctx)];
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
    const s = {
      ko: `|∇L|: 처음 ${fmt(g0)}, 끝 ${fmt(gEnd)}; 손실 L = ${fmt(ctx.last)}.`,
      en: `|∇L|: ${fmt(g0)} at the start, ${fmt(gEnd)} at the end; loss L = ${fmt(ctx.last)}.`,
    };
    out.push({
      code: 'converged',
      ko: `수렴했습니다: 기울기가 거의 0으로 줄었습니다. ${s.ko}`,
      en: `Converged: the gradient shrank to almost zero. ${s.en}`,
      glossary: 'convergence',
    });
  } else if (!out.some((f) => f.code === 'oscillating')) {
    const finding = nearStationaryFinding(ctx, g0) ?? slowFinding(ctx);
    if (finding) out.push(finding);
  }
  return out;
}

function divergedFinding(ctx: Context): Finding {
  const known = ctx.input.largestStableLearningRate;
  const facts = {
    ko: `손실이 발산했습니다: 시작 L = ${fmt(ctx.start)}, 끝 L = ${fmt(ctx.last)} (학습률 η = ${fmt(ctx.lr)}). 한 스텝마다 최솟값을 지나쳐 더 멀리 갑니다.${known !== undefined ? ` 이 파일에서 η = ${fmt(known)} 이하는 100 스텝 동안 발산하지 않았습니다.` : ''}`,
    en: `The loss diverged: start L = ${fmt(ctx.start)}, end L = ${fmt(ctx.last)} (learning rate η = ${fmt(ctx.lr)}). Every step overshoots the minimum by more.${known !== undefined ? ` On this file η up to ${fmt(known)} did not diverge within 100 steps.` : ''}`,
  };
  const rates = [known !== undefined ? known / 2 : undefined, ctx.lr / 10, ctx.lr / 100].filter(
    (v): v is number => v !== undefined && v < ctx.lr,
  );
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
  if (!(
    Number.isFinite(end) &&
    end > THRESHOLDS.overfittingMargin * best &&
    end - best > 1e-6 &&
    at < THRESHOLDS.overfittingBefore * lastStep &&
    training < best
  ))
    return undefined;
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
    en: `The jagged loss curve comes from mini-batch sampling: batch size ${batch} of ${samples} training samples, the loss rose on ${pct(jitter)} of the second half's steps. With the full batch at the same learning rate that share is ${pct(smooth)}, and after ${t.steps} ${t.steps === 1 ? 'step' : 'steps'} L = ${fmt(t.finalLoss)}. It is not an oscillation from a too-large learning rate.`,
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
