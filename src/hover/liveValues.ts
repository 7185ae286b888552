/**
 * What the last run of this file did, added to hovers on `loss`, the learning rate and the
 * parameters: "learning rate 0.5 diverged at step 12", "final w = 2.9999". Pure: the provider
 * passes the run in.
 */
import type { RunResult } from '../runner/trainLoss';

export interface LastRun {
  result: RunResult;
  paramNames: string[];
}

const fmt = (v: number | null | undefined) =>
  typeof v !== 'number' || !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5
      ? v.toPrecision(5)
      : v.toExponential(3);

function outcome(r: RunResult, lang: 'ko' | 'en'): string {
  const last = r.params.length - 1;
  const step = r.stoppedAt ?? last;
  // "Diverged" only when the loss grew before it overflowed; a NaN while it was falling is a point where the loss is undefined.
  const before = r.losses.slice(0, step).filter(Number.isFinite);
  const grew = before.length > 1 && before[before.length - 1] > before[0];
  const ko: Record<string, string> = {
    diverged: grew ? `${step} 스텝에서 발산했습니다` : `${step} 스텝에서 손실이 유한한 수가 아니게 되었습니다(L = ${fmt(r.losses[step])})`,
    converged: `${step} 스텝에서 수렴했습니다`,
    cancelled: `${step} 스텝에서 취소했습니다`,
    timeout: `${step} 스텝에서 시간 제한에 걸렸습니다`,
  };
  const en: Record<string, string> = {
    diverged: grew ? `diverged at step ${step}` : `the loss stopped being a finite number at step ${step} (L = ${fmt(r.losses[step])})`,
    converged: `converged at step ${step}`,
    cancelled: `was cancelled at step ${step}`,
    timeout: `hit the time limit at step ${step}`,
  };
  if (r.reason) return (lang === 'ko' ? ko : en)[r.reason] ?? r.reason;
  return lang === 'ko' ? `${step} 스텝을 모두 마쳤습니다` : `finished all ${step} steps`;
}

/** A Markdown line about the last run for this hover, or undefined when there is nothing to say. */
export function liveNote(
  entryId: string | undefined,
  word: string,
  run: LastRun | undefined,
  lang: 'ko' | 'en' = 'ko',
): string | undefined {
  if (!run) return undefined;
  const r = run.result;
  const last = r.params.length - 1;
  const head = lang === 'ko' ? '**지난 학습**' : '**Last run**';
  if (entryId === 'learningRate') {
    const o = r.options;
    return lang === 'ko'
      ? `${head}: ${o.optimizer}, 학습률 η = ${o.learningRate} — ${outcome(r, lang)}.`
      : `${head}: ${o.optimizer}, learning rate η = ${o.learningRate} — ${outcome(r, lang)}.`;
  }
  if (entryId === 'loss') {
    return lang === 'ko'
      ? `${head}: 시작 손실 ${fmt(r.losses[0])} → 마지막 손실 ${fmt(r.losses[last])} (${outcome(r, lang)}).`
      : `${head}: loss ${fmt(r.losses[0])} at the start → ${fmt(r.losses[last])} at the end (${outcome(r, lang)}).`;
  }
  const i = run.paramNames.indexOf(word);
  if (i >= 0 && last >= 0) {
    return lang === 'ko'
      ? `${head}: \`${word}\` = ${fmt(r.params[0][i])} 에서 시작해 ${fmt(r.params[last][i])} 까지 (${outcome(r, lang)}).`
      : `${head}: \`${word}\` went from ${fmt(r.params[0][i])} to ${fmt(r.params[last][i])} (${outcome(r, lang)}).`;
  }
  return undefined;
}
