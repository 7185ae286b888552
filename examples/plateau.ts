// 고원(plateau): 기울기가 거의 0인 평평한 구간에서는 학습이 멈춘 것처럼 보입니다.
// L(w) = 1 − exp(−(w − 2)²) 은 w가 2에서 멀어질수록 평평해집니다.
// w = −3에서 시작하면 기울기가 아주 작아 한참 동안 거의 움직이지 않습니다. 모멘텀이나 Adam과 비교해 보세요.
export function loss(w: number) {
  return 1 - Math.exp(-((w - 2) ** 2));
}

export const init = -3;
export const bounds = [[-5, 5]];
export const config = { optimizer: 'sgd', learningRate: 0.5, steps: 300 };
