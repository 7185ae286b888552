// 안장점: L(x, y) = x² − y²
// (0, 0)에서 기울기가 0이지만 최솟값이 아닙니다. x 방향으로는 아래로 볼록, y 방향으로는 위로 볼록합니다.
// y = 0에서 정확히 시작하면 경사 하강법은 안장점에 멈춥니다. y를 조금만 바꿔 보세요.
export function loss([x, y]: number[]) {
  return x ** 2 - y ** 2;
}

export const init = [2, 1e-3];
export const bounds = [[-3, 3], [-3, 3]];
export const config = { optimizer: 'sgd', learningRate: 0.05, steps: 80 };
