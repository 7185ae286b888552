// 고원(plateau): 기울기가 거의 없는 넓은 지대에서는 학습이 멈춘 것처럼 보입니다.
// 손실 L(w) = 1 − exp(−(w − 2)²) 함수는 w = 2 지점에서 멀어질수록 기울기가 급격히 작아집니다.
// 시작점 w = −3 위치의 기울기는 약 −1.4 × 10⁻¹⁰ 수준이라, 경사 하강법도 모멘텀도 300 스텝 동안 사실상 움직이지 못합니다.
// 모멘텀은 한결같은 기울기를 최대 열 배까지만 키우기 때문입니다. 스텝을 √v̂ 값으로 나누는 Adam 옵티마이저는
// 빠져나옵니다(손실 0.5 미만: 37번째 스텝). 패널에서 옵티마이저를 바꿔 비교해 보십시오.
export function loss(w: number) {
  return 1 - Math.exp(-((w - 2) ** 2));
}

export const init = -3;
export const bounds = [[-5, 5]];
export const config = { optimizer: 'sgd', learningRate: 0.5, steps: 300 };
