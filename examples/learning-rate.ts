// 학습률이 너무 크면: L(w) = (w − 3)² 에서 η > 1 이면 발산합니다.
// 한 스텝의 변화는 w − 3 ← (1 − 2η)(w − 3) 이므로 |1 − 2η| > 1, 곧 η > 1 이면 점점 멀어집니다.
// η = 1.05로 시작해 보고, 패널의 학습률 슬라이더로 0.9, 0.5, 0.1, 0.01을 차례로 비교해 보세요.
export function loss(w: number) {
  return (w - 3) ** 2;
}

export const init = 2;
export const bounds = [[-10, 16]];
export const config = { optimizer: 'sgd', learningRate: 1.05, steps: 60 };
