// 과적합(overfitting)을 눈으로 봅니다: 데이터는 적고(100개, 그중 학습용은 50개) 잡음은 많은데 신경망은 큽니다(은닉층 64개씩 두 층).
// config.testSplit: 데이터의 절반은 학습에 쓰지 않고 떼어 두었다가(검증 데이터) 매 스텝 손실만 잽니다.
// 패널의 손실 그래프에서 실선(학습 손실)은 계속 내려가는데, 점선(검증 손실)은 어느 순간부터 다시 올라갑니다.
// 그때부터 모델은 규칙이 아니라 학습 데이터의 잡음을 외우고 있습니다. 결정 경계 그림의 속이 빈 점이 검증 데이터입니다.
import { nn, datasets } from 'gdtutor';

const moons = datasets.moons({ n: 100, noise: 0.3, seed: 4 });
export const data = moons.x.map((x, i) => ({ x, label: moons.y[i] }));

const model = nn.sequential(nn.linear(2, 64), nn.tanh(), nn.linear(64, 64), nn.tanh(), nn.linear(64, 2));
export const init = model.init(0);

export function loss(p: number[], batch: { x: number[]; label: number }[]) {
  const logits = model.forward(p, batch.map((s) => s.x));
  return nn.crossEntropy(logits, batch.map((s) => s.label));
}

export const config = { optimizer: 'adam', learningRate: 0.005, steps: 1500, testSplit: 0.5, seed: 2 };
