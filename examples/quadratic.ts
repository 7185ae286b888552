// 1차원 이차 함수: L(w) = (w − 3)²
// 도함수를 영으로 놓고 풀면 닫힌 형태의 해가 나옵니다: dL/dw = 2(w − 3) = 0 → w = 3.
// 경사 하강법은 같은 답을 반복으로 찾아갑니다: w ← w − η · 2(w − 3).
// 학습률이 η > 1 범위면 발산합니다. 패널에서 학습률을 바꿔 보십시오.
export function loss(w: number) {
  return (w - 3) ** 2;
}

export const init = -2;
export const bounds = [[-4, 8]];
export const config = { optimizer: 'sgd', learningRate: 0.1, steps: 50 };
