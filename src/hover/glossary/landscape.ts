/** Losses and the shape of the loss surface: minima, saddles, plateaus, convexity. */
import type { GlossaryEntry } from '../glossaryTypes';

export const LANDSCAPE: GlossaryEntry[] = [
  {
    id: 'loss', ko: '손실 함수', en: 'loss function', koVariants: ['손실함수', '손실', '비용 함수', '목적 함수', '오차'],
    identifiers: ['loss', 'lossFn', 'lossFunction', 'criterion', 'cost', 'costFunction', 'objective'], phrases: ['loss function', 'cost function', 'objective function'],
    explanation: '모델의 예측이 정답과 얼마나 다른지를 숫자 하나로 나타내는 함수입니다. 학습은 이 값을 가장 작게 만드는 매개변수를 찾는 일입니다. 이 튜터에서는 `export function loss` 가 손실 함수입니다.',
    formula: 'L(w) = (1/N) Σ ℓ(f(xᵢ; w), yᵢ)', example: 'export function loss(w: number) { return (w - 3) ** 2; }', related: ['mse', 'crossEntropy'], demo: 'quadratic.ts', concepts: [9],
  },
  {
    id: 'mse', ko: '평균 제곱 오차', en: 'mean squared error (MSE)', koVariants: ['평균제곱오차', 'MSE'],
    identifiers: ['mse', 'MSELoss', 'meanSquaredError'], phrases: ['mean squared error'],
    explanation: '예측과 정답의 차이(오차)를 제곱해 평균한 값입니다. 회귀 문제의 기본 손실이며, 큰 오차에 더 큰 벌점을 줍니다.',
    formula: 'MSE = (1/N) Σ (ŷᵢ − yᵢ)²', example: 'nn.mse(pred, y)', related: ['loss', 'crossEntropy'], demo: 'linear-regression.ts', concepts: [10],
  },
  {
    id: 'crossEntropy', ko: '교차 엔트로피', en: 'cross-entropy', koVariants: ['크로스 엔트로피', '크로스엔트로피'],
    identifiers: ['crossEntropy', 'CrossEntropyLoss', 'softmaxCrossEntropy', 'nllLoss'], phrases: ['cross-entropy', 'cross entropy'],
    explanation: '분류 문제의 손실입니다. 모델이 정답 부류에 준 확률의 로그에 마이너스를 붙인 값으로, 정답에 높은 확률을 줄수록 작아집니다. 소프트맥스와 합쳐 계산하면 수치적으로 안정적입니다.',
    formula: 'L = −(1/N) Σ log softmax(zᵢ)_{yᵢ}', example: 'nn.crossEntropy(logits, labels)', related: ['softmax', 'bce', 'logits'], demo: 'moons-network.ts', concepts: [11],
  },
  {
    id: 'bce', ko: '이진 교차 엔트로피', en: 'binary cross-entropy', koVariants: ['이진 크로스 엔트로피'],
    identifiers: ['bce', 'BCELoss', 'BCEWithLogitsLoss', 'binaryCrossEntropy'], phrases: ['binary cross-entropy', 'binary cross entropy'],
    explanation: '두 부류(0 또는 1)를 나누는 문제의 교차 엔트로피입니다. 시그모이드로 구한 확률 p 가 정답에 가까울수록 작아집니다.',
    formula: 'L = −[y log p + (1 − y) log(1 − p)]', example: 'nn.binaryCrossEntropy(logits, labels)', related: ['crossEntropy', 'sigmoid'], concepts: [11],
  },
  {
    id: 'globalMinimum', ko: '전역 최솟값', en: 'global minimum', koVariants: ['전역 최소'],
    identifiers: ['globalMinimum', 'globalMin'], phrases: ['global minimum', 'global minima'],
    explanation: '손실 함수 전체에서 가장 낮은 값과 그 위치입니다. 경사 하강법은 주변만 보기 때문에 전역 최솟값에 도착한다는 보장이 없습니다.',
    formula: 'w* = argmin_w L(w)', example: '히멜블라우 함수의 네 최솟값은 모두 L = 0', related: ['localMinimum', 'randomRestart'], demo: 'himmelblau.ts', concepts: [12],
  },
  {
    id: 'localMinimum', ko: '국소 최솟값', en: 'local minimum', koVariants: ['지역 최솟값', '지역 최소', '국소 최소', '극솟값'],
    identifiers: ['localMinimum', 'localMin', 'localMinima'], phrases: ['local minimum', 'local minima'],
    explanation: '가까운 주변에서는 가장 낮지만 전체에서 가장 낮지는 않을 수 있는 점입니다. 경사 하강법은 시작점이 속한 골짜기의 국소 최솟값에 멈추므로, 어디서 시작하느냐에 따라 결과가 달라집니다.',
    formula: '∇L(w) = 0, 헤세 행렬이 양의 정부호', example: '히멜블라우: 시작점마다 다른 최솟값', related: ['globalMinimum', 'randomRestart', 'saddlePoint'], demo: 'himmelblau.ts', concepts: [13],
  },
  {
    id: 'randomRestart', ko: '무작위 재시작', en: 'random restarts', koVariants: ['랜덤 재시작', '여러 번 학습', '다중 시작'],
    identifiers: ['randomRestart', 'randomRestarts', 'restarts', 'multiStart'], phrases: ['random restart', 'random restarts', 'multi-start'],
    explanation: '서로 다른 무작위 시작점에서 여러 번 학습한 뒤 손실이 가장 낮은 결과를 고르는 방법입니다. 국소 최솟값에 갇힐 위험을 줄여 줍니다.',
    example: '시작점 10개 → 가장 낮은 손실을 선택', related: ['localMinimum', 'initialization'], demo: 'himmelblau.ts', concepts: [14],
  },
  {
    id: 'initialization', ko: '초기화', en: 'initialization', koVariants: ['무작위 초기화', '초깃값', '시작점'],
    identifiers: ['initialization', 'initialize', 'initParams', 'init'],
    explanation: '학습을 시작할 매개변수 값을 정하는 일입니다. 신경망은 보통 작은 무작위 값으로 시작하며, 시드를 고정하면 같은 시작점을 다시 만들 수 있습니다.',
    formula: 'W ~ U(−1/√n_in, 1/√n_in) (PyTorch nn.Linear 기본값)', example: 'export const init = [-1.2, 1];', related: ['randomRestart'], demo: 'himmelblau.ts', concepts: [14],
  },
  {
    id: 'saddlePoint', ko: '안장점', en: 'saddle point',
    identifiers: ['saddle', 'saddlePoint'], phrases: ['saddle point', 'saddle points'],
    explanation: '기울기가 0이지만 한 방향으로는 오르막, 다른 방향으로는 내리막인 점입니다. 말안장 모양이라 이런 이름이 붙었습니다. 고차원 손실에서는 국소 최솟값보다 안장점이 훨씬 흔합니다.',
    formula: '∇L = 0, 헤세 행렬의 고윳값 부호가 섞임', example: 'L = x² − y² 의 (0, 0)', related: ['stationaryPoint', 'hessian'], demo: 'saddle.ts', concepts: [15],
  },
  {
    id: 'plateau', ko: '고원', en: 'plateau', koVariants: ['평탄한 구간', '평탄 구간', '플래토'],
    identifiers: ['plateau'], phrases: ['plateau', 'plateaus'],
    explanation: '기울기가 거의 0인 넓고 평평한 구간입니다. 스텝마다 거의 움직이지 않아 학습이 멈춘 것처럼 보입니다. 모멘텀이나 Adam 이 이런 곳을 더 빨리 지나갑니다.',
    formula: '‖∇L‖ ≈ 0, L 은 높음', example: 'L = 1 − exp(−(w − 2)²), w = −3', related: ['momentum', 'adam'], demo: 'plateau.ts', concepts: [16],
  },
  {
    id: 'convex', ko: '볼록 함수', en: 'convex function', koVariants: ['볼록함수', '비볼록', '비볼록 함수', '아래로 볼록'],
    identifiers: ['convex', 'isConvex', 'nonConvex'], phrases: ['convex function', 'non-convex', 'nonconvex'],
    explanation: '두 점을 잇는 선분이 언제나 그래프 위에 있는 그릇 모양의 함수입니다. 볼록 함수에서는 국소 최솟값이 곧 전역 최솟값입니다. 신경망의 손실은 대부분 비볼록이라 골짜기와 안장점이 여럿 있습니다.',
    formula: 'L(tx + (1−t)y) ≤ tL(x) + (1−t)L(y)', example: 'x² + 4y² 는 볼록, 히멜블라우는 비볼록', related: ['localMinimum', 'saddlePoint'], demo: 'bowl.ts', concepts: [17],
  },
  {
    id: 'lossLandscape', ko: '손실 지형', en: 'loss landscape', koVariants: ['오차 지형', '고차원 오차 지형', '손실 곡면'],
    identifiers: ['lossLandscape', 'lossSurface'], phrases: ['loss landscape', 'loss surface', 'error surface'],
    explanation: '매개변수 공간 위에 손실 값을 높이로 그린 지형입니다. 매개변수가 두 개면 등고선 지도로 볼 수 있고, 더 많으면 두 방향을 골라 자른 단면으로 봅니다.',
    example: '패널의 등고선 지도', related: ['convex', 'saddlePoint'], demo: 'rosenbrock.ts', concepts: [18],
  },
  {
    id: 'optimization', ko: '최적화 문제', en: 'optimization problem', koVariants: ['최적화', '최적화 문제 표준형'],
    identifiers: ['optimization', 'minimize', 'argmin'], phrases: ['optimization problem', 'standard form'],
    explanation: '목적 함수를 가장 작게(또는 크게) 만드는 변수를 찾는 문제입니다. 표준형은 "제약 조건을 만족하면서 목적 함수를 최소화"로 씁니다. 신경망 학습은 제약 없는 최적화 문제입니다.',
    formula: 'minimize f(x)  subject to gᵢ(x) ≤ 0, hⱼ(x) = 0', related: ['loss', 'interiorPoint'], concepts: [28],
  },
];
