// 학습률이 너무 크면: 손실 L(w) = (w − 3)² 함수에서는 η > 1 범위면 발산합니다.
// 한 스텝의 변화는 w − 3 ← (1 − 2η)(w − 3) 꼴이라, |1 − 2η| > 1 조건, 곧 η > 1 범위면 점점 멀어집니다.
// 예제는 η = 1.05 설정으로 시작합니다. 패널의 학습률 슬라이더로 0.9, 0.5, 0.1, 0.01 순서로 비교해 보십시오.
export function loss(w: number) {
  return (w - 3) ** 2;
}

export const init = 2;
export const bounds = [[-10, 16]];
export const config = { optimizer: 'sgd', learningRate: 1.05, steps: 60 };
