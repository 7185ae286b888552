// 히멜블라우 함수: L(x, y) = (x² + y − 11)² + (x + y² − 7)²
// 최솟값이 네 개인 비볼록 함수입니다. 어디서 시작하느냐에 따라 도착하는 최솟값이 달라집니다.
// 네 최솟값 모두 손실이 영이라 모두 전역 최솟값입니다.
// 시작점을 바꾸거나 여러 번 무작위로 시작해 보세요(무작위 재시작).
export function loss([x, y]: number[]) {
  return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2;
}

export const init = [0, 0];
export const bounds = [[-5, 5], [-5, 5]];
export const config = { optimizer: 'sgd', learningRate: 0.01, steps: 300 };
