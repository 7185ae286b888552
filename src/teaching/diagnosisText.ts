/**
 * The sentences a diagnosis adds about its experiments (diagnosis.ts): what was changed, what it
 * reached. Korean never puts a particle straight after a number or a Latin name (1.05이(가)):
 * numbers sit in "L = …" phrases or before a noun.
 */
import type { Change } from './diagnosisChange';

/** Numbers as the diagnosis prints them: three significant digits, exponent outside [1e-3, 1e4). */
export const fmt = (v: number) =>
  v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(2);

const OPTIMIZER_LABEL: Record<string, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
  adamw: 'AdamW',
  newton: 'Newton',
  lbfgs: 'L-BFGS',
};

export const optimizerLabel = (name: string) => OPTIMIZER_LABEL[name] ?? name;

export interface Bilingual {
  ko: string;
  en: string;
}

const point = (p: number[]) => `(${p.map(fmt).join(', ')})`;

/** "학습률 η = 0.01, 옵티마이저 Adam" / "learning rate η = 0.01, optimizer Adam". */
export function describeChanges(changes: Change[]): Bilingual {
  const parts = changes.map((c): Bilingual => {
    switch (c.kind) {
      case 'learningRate':
        return { ko: `학습률 η = ${fmt(c.value)}`, en: `learning rate η = ${fmt(c.value)}` };
      case 'optimizer':
        return { ko: `옵티마이저 ${optimizerLabel(c.value)}`, en: `optimizer ${optimizerLabel(c.value)}` };
      case 'steps':
        return { ko: `스텝 수 ${c.value}`, en: `${c.value} steps` };
      case 'fullBatch':
        return { ko: `전체 배치(표본 ${c.value}개)`, en: `the full batch (${c.value} samples)` };
      case 'init':
        return { ko: `시작점 ${point(c.value)}`, en: `start ${point(c.value)}` };
    }
  });
  return { ko: parts.map((p) => p.ko).join(', '), en: parts.map((p) => p.en).join(', ') };
}

/** The verified remedy: what changed, and the loss it reached against this run's. */
export function remedySentence(changes: Bilingual, steps: number, finalLoss: number, runLoss: number): Bilingual {
  return {
    ko: `확인해 보았습니다: 같은 조건에서 ${changes.ko} 설정만 바꿔 다시 돌리면 ${steps} 스텝 뒤 L = ${fmt(finalLoss)} (이번 실행 L = ${fmt(runLoss)}).`,
    en: `Checked: the same run with ${changes.en} reaches L = ${fmt(finalLoss)} after ${steps} ${steps === 1 ? 'step' : 'steps'} (this run: L = ${fmt(runLoss)}).`,
  };
}

/** Nothing tried did better: say what was tried, advise nothing. */
export function triedNothingBetter(tried: Bilingual[]): Bilingual {
  return {
    ko: `다음 설정을 하나씩 바꿔 다시 돌려 보았지만 더 나아지지 않았습니다: ${tried.map((t) => t.ko).join('; ')}.`,
    en: `Each of these changes was tried and none did better: ${tried.map((t) => t.en).join('; ')}.`,
  };
}
