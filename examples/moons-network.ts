// 작은 신경망으로 두 개의 반달(moons) 데이터를 분류합니다.
// 순전파: 입력 2개 → 은닉층 16개(tanh) → 출력 2개(로짓). 손실은 소프트맥스 교차 엔트로피입니다.
// 매개변수(가중치와 편향)는 p 한 줄에 층마다 [W, b] 순서로 들어 있고, 역전파로 구한 기울기로 Adam 옵티마이저가 갱신합니다.
import { nn, datasets } from 'gdtutor';

const moons = datasets.moons({ n: 200, noise: 0.1, seed: 1 });
export const data = moons.x.map((x, i) => ({ x, label: moons.y[i] }));

const model = nn.sequential(nn.linear(2, 16), nn.tanh(), nn.linear(16, 2));
export const init = model.init(0);

export function loss(p: number[], batch: { x: number[]; label: number }[]) {
  const logits = model.forward(p, batch.map((s) => s.x));
  return nn.crossEntropy(logits, batch.map((s) => s.label));
}

export const config = { optimizer: 'adam', learningRate: 0.05, steps: 400, batchSize: 50, seed: 1 };
