/** The CLI's human output: a progress bar while training, and a summary at the end, in the language of l10n/localize.ts. */
import type { StepPoint } from '../protocol/panelProtocol';
import type { RunResult } from '../runner/trainLoss';
import { language } from '../l10n/localize';

const fmt = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? v.toPrecision(6) : v.toExponential(4)) : String(v);

export function progressBar(p: StepPoint, totalSteps: number | undefined): string {
  const width = 30;
  const total = totalSteps ?? 1000;
  const done = Math.min(1, p.step / Math.max(1, total));
  const filled = Math.round(done * width);
  const [step, loss] = language() === 'ko' ? ['스텝', '손실'] : ['step', 'loss'];
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(done * 100)).padStart(3)}%  ${step} ${p.step}/${total}  ${loss} ${fmt(p.loss)}  |∇L| ${fmt(p.gradNorm)}   `;
}

/** One line of the automatic diagnosis (teaching/diagnosis.ts), in the current language. */
export function diagnosisLine(f: { ko: string; en: string }): string {
  return language() === 'ko' ? `진단: ${f.ko}` : `Diagnosis: ${f.en}`;
}

const reasonText = {
  ko: {
    completed: '정해진 스텝을 모두 마쳤습니다',
    converged: '수렴해서 멈췄습니다',
    diverged: '손실이 무한대 또는 NaN이 되어 멈췄습니다',
    cancelled: '취소해서 멈췄습니다',
    timeout: '시간 제한에 걸려 멈췄습니다',
  },
  en: {
    completed: 'finished all steps',
    converged: 'stopped: converged',
    diverged: 'stopped: the loss became infinite or NaN',
    cancelled: 'stopped: cancelled',
    timeout: 'stopped: time limit reached',
  },
} as const;

export function summary(file: string, r: RunResult): string {
  const last = r.params.length - 1;
  const loss = r.losses[last];
  const params = r.params[last].map(fmt).join(', ');
  const lang = language();
  const why = reasonText[lang][r.reason ?? 'completed'];
  const step = r.stoppedAt ?? last;
  const o = r.options;
  const t = r.test;
  const testLoss = t?.losses[t.losses.length - 1];
  const short = params.length > 160 ? `${params.slice(0, 160)}…` : params;
  return lang === 'ko'
    ? [
        `${file}: ${o.optimizer}, 학습률 ${o.learningRate}${o.damping !== undefined ? `, 감쇠 ${o.damping}` : ''}, 시작점 (${o.init.length > 8 ? `매개변수 ${o.init.length}개` : o.init.map(fmt).join(', ')})`,
        `  ${step} 스텝에서 ${why}.`,
        t ? `  최종 학습 손실 L = ${fmt(loss)}  (학습 데이터 ${t.trainSize}개)` : `  최종 손실  L = ${fmt(loss)}`,
        ...(t && testLoss !== undefined
          ? [`  최종 검증 손실 = ${fmt(testLoss)}  (기울기 계산에 쓰지 않은 검증 데이터 ${t.testSize}개)`]
          : []),
        `  최종 매개변수 = (${short})`,
      ].join('\n')
    : [
        `${file}: ${o.optimizer}, learning rate ${o.learningRate}${o.damping !== undefined ? `, damping ${o.damping}` : ''}, start (${o.init.length > 8 ? `${o.init.length} parameters` : o.init.map(fmt).join(', ')})`,
        `  at step ${step}: ${why}.`,
        t ? `  final training loss L = ${fmt(loss)}  (${t.trainSize} training samples)` : `  final loss L = ${fmt(loss)}`,
        ...(t && testLoss !== undefined ? [`  final validation loss = ${fmt(testLoss)}  (${t.testSize} held-out samples)`] : []),
        `  final parameters = (${short})`,
      ].join('\n');
}
