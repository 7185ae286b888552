/**
 * Automatic diagnosis after a run, from the run's own numbers (and the exact Hessian where the
 * run stopped): what happened, in one Korean sentence with one piece of advice, and the glossary
 * entry that explains it (the hover's id, so the panel can link to it).
 *
 *   diverged      non-finite loss, or it ended above where it started
 *   oscillating   the step keeps reversing direction (most successive updates change sign)
 *   saddle        gradient ≈ 0 and the Hessian has eigenvalues of both signs
 *   plateau       gradient ≈ 0 and the Hessian ≈ 0 too, with the loss not going down
 *   localMinimum  converged, but another start reached a lower loss (given by a restart search)
 *   converged     gradient ≈ 0 at a positive-definite Hessian
 *   slow          still going down at the end: more steps or a larger learning rate
 *   overfitting   with a held-out test set: its loss ended well above its own minimum while the
 *                 training loss kept falling (then "more steps" would be the wrong advice)
 */
import type { RunResult } from '../runner/trainLoss';
import { definiteness, symmetricEigenvalues } from './curvature';

export type FindingCode = 'diverged' | 'oscillating' | 'saddle' | 'plateau' | 'localMinimum' | 'converged' | 'slow' | 'overfitting';

export interface Finding {
  code: FindingCode;
  ko: string;
  en: string;
  /** Glossary entry id (src/hover/glossary) that explains the idea. */
  glossary: string;
}

export interface DiagnosisInput {
  run: Pick<RunResult, 'params' | 'losses' | 'gradNorms' | 'reason' | 'options' | 'test'>;
  /** Exact Hessian at the run's last point (small dimension only). */
  hessianAtEnd?: number[][];
  /** Largest learning rate that did not diverge (a quick search after a divergence). */
  largestStableLearningRate?: number;
  /** A lower minimum another start reached (from random restarts). */
  betterMinimum?: { point: number[]; loss: number };
}

const fmt = (v: number) => (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(2));

/** Fraction of successive updates (in any coordinate) whose direction reversed, over the second half. */
export function reversalRate(params: number[][]): number {
  const from = Math.floor(params.length / 2);
  let flips = 0;
  let pairs = 0;
  for (let k = Math.max(from, 1) + 1; k < params.length; k++) {
    for (let i = 0; i < params[k].length; i++) {
      const a = params[k - 1][i] - params[k - 2][i];
      const b = params[k][i] - params[k - 1][i];
      if (a === 0 || b === 0) continue;
      pairs++;
      if (Math.sign(a) !== Math.sign(b)) flips++;
    }
  }
  return pairs ? flips / pairs : 0;
}

export function diagnose(input: DiagnosisInput): Finding[] {
  const { run } = input;
  const out: Finding[] = [];
  const losses = run.losses;
  const start = losses[0];
  const last = losses[losses.length - 1];
  const lr = run.options.learningRate;
  if (run.reason === 'diverged' || !Number.isFinite(last) || last > start + 1e-9 * Math.max(1, Math.abs(start))) {
    const known = input.largestStableLearningRate;
    out.push({
      code: 'diverged',
      ko: `손실이 발산했습니다: 학습률 ${fmt(lr)}이(가) 너무 커서 한 걸음마다 최소점을 넘어 더 멀리 갑니다. ${known !== undefined ? `이 파일에서는 약 ${fmt(known)} 이하의 학습률이 발산하지 않았습니다.` : '학습률을 1/10로 줄여 보세요.'}`,
      en: `The loss diverged: learning rate ${fmt(lr)} is too large, every step overshoots the minimum by more. ${known !== undefined ? `On this file learning rates up to about ${fmt(known)} did not diverge.` : 'Try a learning rate ten times smaller.'}`,
      glossary: 'divergence',
    });
    return out;
  }
  const overfit = overfitting(run.test, last);
  if (overfit) {
    out.push(overfit);
    return out;
  }
  const grads = run.gradNorms;
  const g0 = grads[0];
  const gEnd = grads[grads.length - 1];
  // "Stopped moving": the gradient fell by four orders of magnitude (or is negligible outright).
  const small = gEnd <= 1e-4 * Math.max(1, g0) || gEnd <= 1e-8;
  // Adaptive optimizers dither around a minimum they have reached (their step never shrinks to 0):
  // with the loss down a hundredfold that is arrival, not a problem.
  const adaptive = ['adam', 'adamw', 'rmsprop', 'adagrad'].includes(run.options.optimizer);
  const arrived = adaptive && Number.isFinite(start) && last <= start / 100;
  if (reversalRate(run.params) > 0.6 && !small && !arrived) {
    out.push(
      adaptive
        ? {
            code: 'oscillating',
            ko: `매개변수가 지그재그로 진동합니다: 한 걸음마다 방향이 뒤집힙니다. ${run.options.optimizer}의 학습률 ${fmt(lr)}을(를) 줄여 보세요.`,
            en: `The parameters zigzag: nearly every step reverses direction. Lower ${run.options.optimizer}'s learning rate ${fmt(lr)}.`,
            glossary: 'learningRate',
          }
        : {
            code: 'oscillating',
            ko: '매개변수가 지그재그로 진동합니다: 한 걸음마다 방향이 뒤집힙니다. 학습률을 줄이거나 모멘텀·Adam처럼 진동을 누그러뜨리는 옵티마이저를 써 보세요.',
            en: 'The parameters zigzag: nearly every step reverses direction. Lower the learning rate, or use an optimizer that damps oscillation (momentum, Adam).',
            glossary: 'learningRate',
          },
    );
  }
  if (small && input.hessianAtEnd) {
    const eig = symmetricEigenvalues(input.hessianAtEnd);
    const kind = definiteness(eig, 1e-6);
    if (kind === 'indefinite') {
      out.push({
        code: 'saddle',
        ko: `안장점 근처에서 멈췄습니다: 기울기는 거의 0이지만 헤세 행렬의 고유값이 양수와 음수(${eig.map(fmt).join(', ')})를 함께 가집니다. 시작점을 조금 바꾸거나 모멘텀을 쓰면 빠져나갑니다.`,
        en: `Stopped near a saddle point: the gradient is almost zero but the Hessian has eigenvalues of both signs (${eig.map(fmt).join(', ')}). A slightly different start or momentum escapes it.`,
        glossary: 'saddlePoint',
      });
    } else if (kind === 'semidefinite' || Math.max(...eig.map(Math.abs)) < 1e-6) {
      out.push({
        code: 'plateau',
        ko: '고원(plateau)에 갇혔습니다: 기울기와 곡률이 모두 거의 0이라 걸음이 아주 작아집니다. 학습률을 키우거나 Adam처럼 걸음 크기를 스스로 맞추는 옵티마이저를 써 보세요.',
        en: 'Stuck on a plateau: gradient and curvature are both almost zero, so the steps become tiny. Raise the learning rate or use an optimizer that scales its steps (Adam).',
        glossary: 'plateau',
      });
    } else if (kind === 'positive') {
      const better = input.betterMinimum;
      if (better && better.loss < last - 1e-6 * Math.max(1, Math.abs(last))) {
        out.push({
          code: 'localMinimum',
          ko: `국소 최솟값에 수렴했습니다(손실 ${fmt(last)}). 다른 시작점에서는 더 낮은 손실 ${fmt(better.loss)}에 도달했습니다(${better.point.map(fmt).join(', ')}). 무작위 재시작으로 여러 골짜기를 비교해 보세요.`,
          en: `Converged to a local minimum (loss ${fmt(last)}). Another start reached a lower loss ${fmt(better.loss)} at (${better.point.map(fmt).join(', ')}). Compare valleys with random restarts.`,
          glossary: 'localMinimum',
        });
      } else {
        out.push({
          code: 'converged',
          ko: `수렴했습니다: 기울기가 거의 0이고 헤세 행렬이 양의 정부호라 이곳은 (적어도 국소) 최솟값입니다. 손실 ${fmt(last)}.`,
          en: `Converged: the gradient is almost zero and the Hessian is positive definite, so this is a (at least local) minimum. Loss ${fmt(last)}.`,
          glossary: 'convergence',
        });
      }
    }
  } else if (!small && out.length === 0) {
    const half = losses[Math.floor(losses.length / 2)];
    if (last < half) {
      out.push({
        code: 'slow',
        ko: '아직 내려가는 중에 끝났습니다: 걸음 수를 늘리거나 학습률을 조금 키워 보세요.',
        en: 'The run ended while the loss was still going down: give it more steps or a somewhat larger learning rate.',
        glossary: 'convergence',
      });
    }
  }
  return out;
}

/**
 * The held-out loss ended at least 20% above its lowest value, reached before the last fifth of the
 * run, while the training loss ended below that minimum: the model kept fitting the training
 * samples after it stopped getting better on new ones.
 */
function overfitting(test: RunResult['test'], trainingLoss: number): Finding | undefined {
  if (!test || test.losses.length < 5) return undefined;
  const finite = test.losses.map((v) => (Number.isFinite(v) ? v : Infinity));
  const best = Math.min(...finite);
  const at = test.steps[finite.indexOf(best)];
  const end = test.losses[test.losses.length - 1];
  const lastStep = test.steps[test.steps.length - 1];
  if (!(Number.isFinite(end) && end > 1.2 * best && end - best > 1e-6 && at < 0.8 * lastStep && trainingLoss < best)) return undefined;
  return {
    code: 'overfitting',
    ko: `과적합입니다: 테스트 손실은 ${at} 스텝에서 가장 낮았고(${fmt(best)}) 끝날 때는 ${fmt(end)}인데, 학습 손실은 ${fmt(trainingLoss)}까지 계속 내려갔습니다. 그 무렵에 멈추거나(조기 종료), 데이터를 늘리거나, 모델을 작게 해 보세요.`,
    en: `Overfitting: the test loss was lowest at step ${at} (${fmt(best)}) and ended at ${fmt(end)}, while the training loss kept falling to ${fmt(trainingLoss)}. Stop around that step (early stopping), use more data, or a smaller model.`,
    glossary: 'overfitting',
  };
}
