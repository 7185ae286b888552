// 안장점: L(x, y) = x² − y²
// 원점(0, 0)에서 기울기는 영벡터이지만 최솟값이 아닙니다. x 방향으로는 아래로 볼록, y 방향으로는 위로 볼록합니다.
// 시작점의 y 좌표가 정확히 영이면 기울기의 y 성분(−2y)도 영이라, 경사 하강법도 모멘텀도 Adam 옵티마이저도 안장점에 멈춥니다.
// 이 예제는 y = 0.001 위치에서 시작해 빠져나옵니다. 시작점의 y 좌표를 바꿔 보십시오.
export function loss([x, y]: number[]) {
  return x ** 2 - y ** 2;
}

export const init = [2, 1e-3];
export const bounds = [[-3, 3], [-3, 3]];
export const config = { optimizer: 'sgd', learningRate: 0.05, steps: 80 };
