// 2차원 그릇 모양(볼록 함수): L(x, y) = x² + 4y²
// 최솟값은 원점(0, 0) 하나뿐입니다. y 방향이 더 가파르기 때문에 학습률이 크면 y 방향으로 진동합니다.
// 헤세 행렬은 [[2, 0], [0, 8]], 가장 큰 고윳값은 8 값이라, 학습률이 2/8 = 0.25 미만이어야 수렴합니다.
export function loss([x, y]: number[]) {
  return x ** 2 + 4 * y ** 2;
}

export const init = [-4, 2];
export const bounds = [[-5, 5], [-3, 3]];
export const config = { optimizer: 'sgd', learningRate: 0.1, steps: 60 };
