/**
 * A run that came to rest (gradient ≈ 0), described by the exact Hessian there: a minimum (and,
 * with restarts, whether another start reached lower), a valley of minima, a saddle or a maximum
 * (with a nudged start off the ridge as the remedy to try), or a plateau when a try from here or
 * another start reached far lower.
 */
import { definiteness, symmetricEigenvalues } from './curvature';
import { fmt, type Bilingual } from './diagnosisText';
import {
  better,
  otherOptimizers,
  round,
  THRESHOLDS,
  withRemedy,
  type Change,
  type Context,
  type Finding,
  type Trial,
} from './diagnosisCore';

/**
 * A run still moving at its end, close to a point where the gradient is zero (Newton's iteration
 * on ∇L = 0 from the end point finds it): when that point is a saddle or a maximum, the run is
 * creeping into it (SGD or momentum from exactly on the ridge) or hovering around it (Adam's steps
 * of about η), and more steps will not make it a minimum. "Close": within
 * THRESHOLDS.nearStationary of the farthest the run got from its start. Undefined otherwise (a
 * run approaching a minimum is merely slow).
 */
export function nearStationaryFinding(ctx: Context, g0: number): Finding | undefined {
  // Newton's iteration costs Hessians: only where the curvature at the end already says saddle or
  // maximum (close enough to one, it does; a run nearing a minimum pays nothing).
  const atEnd = ctx.input.hessianAtEnd;
  if (!atEnd) return undefined;
  const endKind = definiteness(symmetricEigenvalues(atEnd), THRESHOLDS.relativeZeroEigenvalue);
  if (endKind !== 'indefinite' && endKind !== 'negative') return undefined;
  const params = ctx.input.run.params;
  const end = params[params.length - 1];
  const near = ctx.lab?.stationaryNear?.(end);
  if (!near || !(near.gradNorm <= THRESHOLDS.stoppedGradient * Math.max(1, g0))) return undefined;
  const eig = symmetricEigenvalues(near.hessian);
  if (Math.max(...eig.map(Math.abs)) < THRESHOLDS.zeroCurvature) return undefined;
  const kind = definiteness(eig, THRESHOLDS.relativeZeroEigenvalue);
  if (kind !== 'indefinite' && kind !== 'negative') return undefined;
  const distance = Math.hypot(...near.point.map((v, i) => v - end[i]));
  const extent = Math.max(...params.map((p) => Math.hypot(...p.map((v, i) => v - params[0][i]))));
  if (!(distance <= THRESHOLDS.nearStationary * extent)) return undefined;
  return stationaryFinding({ ...ctx, input: { ...ctx.input, hessianAtEnd: near.hessian } }, g0, near.gradNorm, {
    point: near.point,
    distance,
    extent,
  });
}

/** Gradient ≈ 0 with the exact Hessian: minimum, valley of minima, saddle or plateau. */
export function stationaryFinding(ctx: Context, g0: number, gEnd: number, near?: Near): Finding {
  const H = ctx.input.hessianAtEnd as number[][];
  const eig = symmetricEigenvalues(H);
  const scale = Math.max(...eig.map(Math.abs));
  const flat = scale < THRESHOLDS.zeroCurvature;
  const kind = flat ? 'semidefinite' : definiteness(eig, THRESHOLDS.relativeZeroEigenvalue);
  // One parameter has one eigenvalue: "eigenvalue 2 — positive", not "eigenvalues 2 — all positive".
  const one = eig.length === 1;
  const values = eig.map(fmt).join(', ');
  const eigText = { ko: `헤세 행렬 고윳값 ${values}`, en: `Hessian eigenvalue${one ? '' : 's'} ${values}` };
  const all = one ? { ko: '', en: '' } : { ko: '모두 ', en: 'all ' };
  const gradText = { ko: `|∇L| = ${fmt(gEnd)} (처음 ${fmt(g0)})`, en: `|∇L| = ${fmt(gEnd)} (${fmt(g0)} at the start)` };
  const init = ctx.input.run.options.init;

  if (kind === 'indefinite' || kind === 'negative') {
    // Nudge the start along the most negative curvature direction: off the ridge that led here.
    const direction = lowestEigenvector(H);
    const size = 1e-3 * Math.max(1, ...init.map(Math.abs));
    const nudged = init.map((v, i) => Number((v + size * direction[i]).toPrecision(12)));
    const candidates: Change[][] = [
      [{ kind: 'init', value: nudged }],
      ...otherOptimizers(ctx.optimizer, ['momentum', 'adam']).map((o) => [{ kind: 'optimizer', value: o } as Change]),
    ];
    const facts = near
      ? nearFacts(kind, ctx, near, gradText, eigText, all)
      : kind === 'indefinite'
        ? {
            ko: `안장점 근처에서 멈췄습니다: ${gradText.ko}, ${eigText.ko} — 양수와 음수가 함께 있어 어떤 방향으로는 아직 내려갈 수 있습니다.`,
            en: `Stopped near a saddle point: ${gradText.en}, ${eigText.en} — of both signs, so some direction still leads down.`,
          }
        : ctx.optimizer === 'newton'
          ? {
              ko: `최댓값에서 멈췄습니다: ${gradText.ko}, ${eigText.ko} — ${all.ko}음수입니다. 곡률이 음수인 곳에서 뉴턴 스텝 −H⁻¹∇L은 오르막을 가리키므로, 뉴턴 방법은 최솟값이 아니라 기울기가 0인 가장 가까운 점으로 갑니다: 손실이 L = ${fmt(ctx.start)} → ${fmt(ctx.last)}.`,
              en: `Stopped at a maximum: ${gradText.en}, ${eigText.en} — ${all.en}negative. Where the curvature is negative, Newton's step −H⁻¹∇L points uphill, so Newton's method heads for the nearest point with zero gradient, not for a minimum: the loss went L = ${fmt(ctx.start)} → ${fmt(ctx.last)}.`,
            }
          : {
              ko: `최댓값 근처에서 멈췄습니다: ${gradText.ko}, ${eigText.ko} — ${all.ko}음수입니다.`,
              en: `Stopped near a maximum: ${gradText.en}, ${eigText.en} — ${all.en}negative.`,
            };
    const code = kind === 'indefinite' ? 'saddle' : 'maximum';
    return withRemedy(
      { code, ...facts, glossary: kind === 'indefinite' ? 'saddlePoint' : 'hessian' },
      ctx,
      better({ ...ctx, last: Math.min(ctx.start, ctx.last) }, candidates),
    );
  }

  if (kind === 'positive') {
    const restarts = ctx.lab?.restarts?.();
    const best = restarts?.best;
    const farLower = (v: number) =>
      v < ctx.last - THRESHOLDS.farLower * Math.max(Math.abs(ctx.start - ctx.last), Math.abs(ctx.last), 1e-12);
    if (best && farLower(best.loss)) {
      const facts = {
        ko: `국소 최솟값에 수렴했습니다: ${gradText.ko}, ${eigText.ko} (${all.ko}양수), 손실 L = ${fmt(ctx.last)}. 무작위 시작점 ${restarts.count}곳에서 다시 돌려 보니 더 낮은 최솟값이 있습니다: (${best.end.map(fmt).join(', ')}) 근처, L = ${fmt(best.loss)}.`,
        en: `Converged to a local minimum: ${gradText.en}, ${eigText.en} (${all.en}positive), loss L = ${fmt(ctx.last)}. Runs from ${restarts.count} random starts found a lower minimum near (${best.end.map(fmt).join(', ')}), L = ${fmt(best.loss)}.`,
      };
      const start = best.start.map((v) => Number(v.toPrecision(12)));
      return withRemedy({ code: 'localMinimum', ...facts, glossary: 'localMinimum' }, ctx, better(ctx, [[{ kind: 'init', value: start }]]));
    }
    const checked = restarts
      ? {
          ko: ` 무작위 시작점 ${restarts.count}곳에서 다시 돌려도 더 낮은 최솟값은 없었습니다.`,
          en: ` Runs from ${restarts.count} random starts found no lower minimum.`,
        }
      : { ko: '', en: '' };
    return {
      code: 'converged',
      ko: `수렴했습니다: ${gradText.ko}, ${eigText.ko} — ${all.ko}양수라 이곳은 (적어도 국소) 최솟값입니다. 손실 L = ${fmt(ctx.last)}.${checked.ko}`,
      en: `Converged: ${gradText.en}, ${eigText.en} — ${all.en}positive, so this point is a minimum (at least a local one). Loss L = ${fmt(ctx.last)}.${checked.en}`,
      glossary: 'convergence',
    };
  }

  // Semidefinite or flat: a valley of minima, or a plateau when somewhere reachable is far lower.
  const rates = [ctx.lr * 10].map(round);
  const candidates: Change[][] = [
    ...otherOptimizers(ctx.optimizer, ['adam']).map((o) => [{ kind: 'optimizer', value: o } as Change]),
    ...rates.map((value) => [{ kind: 'learningRate', value } as Change]),
  ];
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
        ko: `고원에서 멈췄습니다: ${gradText.ko}, ${eigText.ko} — 기울기도 곡률도 거의 0이라 스텝이 아주 작아졌지만, 지금 손실(L = ${fmt(ctx.last)})보다 훨씬 낮은 곳이 있습니다.`,
        en: `Stuck on a plateau: ${gradText.en}, ${eigText.en} — gradient and curvature are almost zero, so the steps became tiny, yet there is much lower ground than L = ${fmt(ctx.last)}.`,
        glossary: 'plateau',
      },
      ctx,
      result,
    );
  }
  const valley = !flat;
  const base = valley
    ? {
        ko: `수렴했습니다: ${gradText.ko}, ${eigText.ko} — 0인 고윳값의 방향으로는 손실이 변하지 않으므로, 이곳은 최솟값이 이어진 골짜기의 한 점입니다. 손실 L = ${fmt(ctx.last)}.`,
        en: `Converged: ${gradText.en}, ${eigText.en} — along the zero eigenvalue's direction the loss does not change, so this is one point of a valley of minima. Loss L = ${fmt(ctx.last)}.`,
      }
    : {
        ko: `멈췄습니다: ${gradText.ko}, ${eigText.ko} — 기울기도 곡률도 거의 0입니다. 손실 L = ${fmt(ctx.last)}.`,
        en: `Stopped: ${gradText.en}, ${eigText.en} — gradient and curvature are both almost zero. Loss L = ${fmt(ctx.last)}.`,
      };
  return withRemedy({ code: 'converged', ...base, glossary: 'convergence' }, ctx, { tried: result.tried });
}

/** A stationary point near a run's end that is still moving (nearStationaryFinding). */
interface Near {
  point: number[];
  distance: number;
  extent: number;
}

/** The lead sentence of a run that ended close to a saddle or a maximum without stopping there. */
function nearFacts(kind: 'indefinite' | 'negative', ctx: Context, near: Near, gradText: Bilingual, eigText: Bilingual, all: Bilingual) {
  const at = `(${near.point.map(fmt).join(', ')})`;
  const share = `${Math.max(1, Math.ceil((100 * near.distance) / near.extent))}%`;
  const where =
    kind === 'indefinite'
      ? {
          ko: '안장점',
          en: 'a saddle point',
          why: { ko: '양수와 음수가 함께 있어 최솟값이 아닙니다', en: 'of both signs, so it is not a minimum' },
        }
      : {
          ko: '최댓값',
          en: 'a maximum',
          why: { ko: `${all.ko}음수라 최솟값이 아닙니다`, en: `${all.en}negative, so it is not a minimum` },
        };
  return {
    ko: `${where.ko} 가까이에서 끝났습니다: 손실 L = ${fmt(ctx.last)}. 기울기가 0인 점을 끝점 가까이에서 찾았습니다: 위치 ${at}, 끝점과의 거리 ${fmt(near.distance)} (시작점에서 가장 멀리 간 거리 ${fmt(near.extent)}, 그 거리의 ${share} 이하), ${gradText.ko}, ${eigText.ko} — ${where.why.ko}.`,
    en: `The run ended close to ${where.en}: loss L = ${fmt(ctx.last)}. At distance ${fmt(near.distance)} from the end point (at most ${share} of the farthest the run got from its start, ${fmt(near.extent)}) lies a point with zero gradient, ${at}, where ${gradText.en}, ${eigText.en} — ${where.why.en}.`,
  };
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
