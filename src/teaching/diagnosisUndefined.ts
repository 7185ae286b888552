/**
 * Findings about a loss that is not a number where the run went: no lower bound (it falls to −∞
 * along −∇L), NaN or infinite at the start or once it reached a point where the function is
 * undefined, and a gradient that is not finite where the loss is. None of these is a learning-rate
 * problem, and none is advised as one.
 */
import { fmt } from './diagnosisText';
import { better, round, withRemedy, fallsWithoutBound, type Change, type Context, type Finding } from './diagnosisCore';

export function unboundedFinding(ctx: Context): Finding | undefined {
  const probe = ctx.input.descentProbe;
  const fellToMinusInfinity = ctx.last === -Infinity;
  const lowest = Math.min(...ctx.input.run.losses.filter(Number.isFinite));
  if (!fellToMinusInfinity && !(probe && fallsWithoutBound(probe) && lowest < ctx.start)) return undefined;
  const shown = (probe ?? []).slice(-3);
  // A run that ended on NaN or +∞ (after falling) is described by the lowest loss it reached.
  const end = Number.isFinite(ctx.last)
    ? { ko: `끝 L = ${fmt(ctx.last)}, 그리고 마지막 점에서`, en: `end L = ${fmt(ctx.last)}, and further along −∇L from the end point` }
    : {
        ko: `가장 낮았던 L = ${fmt(lowest)}, 그리고 손실이 마지막으로 유한했던 점에서`,
        en: `lowest L = ${fmt(lowest)}, and further along −∇L from the last point where it was finite`,
      };
  const list = (lang: 'ko' | 'en') =>
    shown.map((p) => `${lang === 'ko' ? '거리' : 'distance'} ${fmt(p.distance)}: L = ${fmt(p.loss)}`).join(', ');
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
export function nonFiniteGradientFinding(ctx: Context): Finding | undefined {
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
export function nonFiniteFinding(ctx: Context): Finding | undefined {
  const { losses, params } = ctx.input.run;
  const point = (p: number[]) => `(${p.map(fmt).join(', ')})`;
  const check = {
    ko: '0으로 나누는 곳, 음수의 로그(Math.log)나 제곱근(Math.sqrt)을 계산하는 곳이 있는지 확인하세요.',
    en: 'Look for a division by zero, or Math.log / Math.sqrt of a negative number.',
  };
  if (!Number.isFinite(losses[0])) {
    const what = Number.isNaN(losses[0])
      ? { ko: 'NaN(숫자가 아님)', en: 'NaN (not a number)' }
      : { ko: `${fmt(losses[0])}(무한대)`, en: `${fmt(losses[0])} (infinite)` };
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
