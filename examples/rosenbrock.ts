// 로젠브록 함수: L(x, y) = (1 − x)² + 100 (y − x²)²
// 최솟값은 (1, 1) 위치에 있지만 바닥이 좁고 휘어진 골짜기라 기본 경사 하강법은 아주 느립니다.
// 모멘텀, Adam, 뉴턴 방법과 비교해 보십시오.
export function loss([x, y]: number[]) {
  return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;
}

export const init = [-1.2, 1];
export const bounds = [[-2, 2], [-1, 3]];
export const config = { optimizer: 'adam', learningRate: 0.05, steps: 2000 };
