// 선형 회귀와 미니배치: 직선 y ≈ w·x + b 모델을 평균 제곱 오차(MSE)로 학습합니다.
// `data` 항목이 있으면 스텝마다 배치 크기만큼의 표본만 보고 기울기를 계산합니다(확률적 경사 하강법).
// 곡선의 점마다 다른 배치의 손실이라 손실 곡선이 들쭉날쭉하지만, 표본 추출에서 오는 흔들림일 뿐 해롭지 않습니다.
// 끝점의 전체 데이터 손실은 0.04502 값으로, 전체 배치 학습의 0.04492 값과 거의 같습니다.
// batchSize 값을 데이터 전체 크기(40)로 바꾸면 같은 학습률에서 곡선이 매끈해집니다.

// 참값 w = 2, b = −1 에 작은 잡음을 더한 40개의 점(고정된 값이라 매번 같습니다).
export const data = Array.from({ length: 40 }, (_, i) => {
  const x = -2 + (4 * i) / 39;
  const noise = 0.3 * Math.sin(7.3 * i);
  return { x, y: 2 * x - 1 + noise };
});

export function loss({ w, b }: { w: number; b: number }, batch: { x: number; y: number }[]) {
  let sum = 0;
  for (const { x, y } of batch) {
    const error = w * x + b - y;
    sum += error ** 2;
  }
  return sum / batch.length;
}

export const init = { w: 0, b: 0 };
export const config = { optimizer: 'sgd', learningRate: 0.1, steps: 200, batchSize: 8, seed: 1 };
