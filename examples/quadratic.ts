// 1차원 이차 함수: L(w) = (w − 3)²
// 미분해서 0으로 두면 dL/dw = 2(w − 3) = 0 → w = 3 (폐형식 해).
// 경사 하강법은 같은 답을 반복으로 찾아갑니다: w ← w − η · 2(w − 3).
// 학습률 η가 1보다 크면 발산합니다. 패널에서 η를 바꿔 보세요.
export function loss(w: number) {
  return (w - 3) ** 2;
}

export const init = -2;
export const bounds = [[-4, 8]];
export const config = { optimizer: 'sgd', learningRate: 0.1, steps: 50 };
