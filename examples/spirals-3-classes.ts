// 세 갈래 나선(spirals) 데이터를 세 부류로 분류합니다: 출력이 3개(로짓)인 신경망과 소프트맥스 교차 엔트로피.
// 소프트맥스는 로짓을 확률로 바꿉니다: pₖ = exp(zₖ) / Σⱼ exp(zⱼ). 손실은 정답 부류의 −log p 평균입니다.
// 결정 경계 그림은 평면의 각 점을 신경망이 고른 부류의 색으로 칠합니다. 학습이 진행되며 나선 모양이 드러납니다.
import { nn, datasets } from 'gdtutor';

const spirals = datasets.spirals({ n: 300, classes: 3, noise: 0.04, seed: 2 });
export const data = spirals.x.map((x, i) => ({ x, label: spirals.y[i] }));

// 입력 2 → 은닉층 32 (tanh) → 은닉층 32 (tanh) → 출력 3
const model = nn.mlp([2, 32, 32, 3], 'tanh');
export const init = model.init(0);

export function loss(p: number[], batch: { x: number[]; label: number }[]) {
  const logits = model.forward(p, batch.map((s) => s.x));
  return nn.crossEntropy(logits, batch.map((s) => s.label));
}

export const config = { optimizer: 'adam', learningRate: 0.02, steps: 800, batchSize: 60, seed: 1 };
