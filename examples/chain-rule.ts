// 연쇄 법칙: 합성 함수의 미분은 바깥 함수의 미분과 안쪽 함수의 미분을 곱한 것입니다.
//   h = w · x,  y = tanh(h),  L = (y − t)²
//   ∂L/∂w = ∂L/∂y · ∂y/∂h · ∂h/∂w = 2(y − t) · (1 − y²) · x
// 역전파는 이 곱을 출력 쪽에서 입력 쪽으로 한 번에 계산합니다. 엔진이 구한 기울기와 손으로 구한 값을 비교해 보세요.
const x = 1.5;
const target = 0.8;

export function loss(w: number) {
  const h = w * x;
  const y = Math.tanh(h);
  return (y - target) ** 2;
}

export const init = -1;
export const bounds = [[-3, 3]];
export const config = { optimizer: 'sgd', learningRate: 0.5, steps: 40 };
