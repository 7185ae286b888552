/** Gradient descent itself: closed form vs iteration, the update rule, learning rate, steps. */
import type { GlossaryEntry } from '../glossaryTypes';

export const BASICS: GlossaryEntry[] = [
  {
    id: 'closedForm', ko: '폐형식 해', en: 'closed-form solution', koVariants: ['닫힌 형식의 해', '해석적 해'],
    identifiers: ['closedForm', 'closedFormSolution', 'analyticSolution'], phrases: ['closed-form solution', 'closed form solution', 'analytic solution'],
    explanation: '식을 풀어 답을 한 번에 적을 수 있는 해입니다. L(w) = (w − 3)² 은 dL/dw = 0 을 풀면 바로 w = 3 입니다. 매개변수가 많은 신경망은 이렇게 풀 수 없어서 반복으로 찾아갑니다.',
    formula: 'dL/dw = 0 을 w 에 대해 푼다', example: 'L(w) = (w − 3)² → w* = 3', related: ['stationaryPoint', 'gradientDescent', 'newton'], demo: 'quadratic.ts', concepts: [1],
  },
  {
    id: 'stationaryPoint', ko: '정류점', en: 'stationary point', koVariants: ['임계점', '미분이 0인 점'],
    identifiers: ['stationaryPoint', 'criticalPoint'], phrases: ['stationary point', 'critical point'],
    explanation: '기울기가 0인 점입니다. 최솟값, 최댓값, 안장점이 모두 정류점입니다. 경사 하강법은 기울기가 0에 가까워지면 거의 움직이지 않으므로 정류점 근처에서 멈춥니다.',
    formula: '∇L(w) = 0', example: 'x² − y² 의 (0, 0) 은 정류점이지만 최솟값이 아닙니다', related: ['saddlePoint', 'localMinimum'], demo: 'saddle.ts', concepts: [1],
  },
  {
    id: 'bruteForce', ko: '무차별 대입', en: 'brute force (grid search)', koVariants: ['격자 탐색', '그리드 탐색', '전수 조사'],
    identifiers: ['bruteForce', 'gridSearch'], phrases: ['brute force', 'grid search', 'exhaustive search'],
    explanation: '후보 값을 촘촘히 모두 넣어 보고 가장 낮은 손실을 고르는 방법입니다. 매개변수 하나에 k 개씩 시험하면 d 개일 때 kᵈ 번 계산해야 해서 금방 불가능해집니다(조합 폭발). 경사 하강법은 스텝마다 기울기 한 번만 계산합니다.',
    formula: '계산 횟수 = kᵈ', example: 'k = 100, d = 10 → 10²⁰ 번', related: ['gradientDescent'], demo: 'quadratic.ts', concepts: [2],
  },
  {
    id: 'gradientDescent', ko: '경사 하강법', en: 'gradient descent', koVariants: ['경사하강법'],
    identifiers: ['gradientDescent', 'gradDescent'], phrases: ['gradient descent'],
    explanation: '손실이 가장 가파르게 줄어드는 방향, 곧 기울기의 반대 방향으로 조금씩 움직이기를 되풀이해 최솟값을 찾는 방법입니다. 한 번에 움직이는 크기는 학습률이 정합니다.',
    formula: 'w ← w − η·∇L(w)', example: 'L = (w − 3)², η = 0.1: w ← w − 0.2(w − 3)', related: ['gradient', 'learningRate', 'sgd'], demo: 'bowl.ts', concepts: [3],
  },
  {
    id: 'gradient', ko: '기울기', en: 'gradient', koVariants: ['기울기 벡터', '그레이디언트', '그래디언트', '변화도'],
    identifiers: ['gradient', 'gradients', 'grads', 'dL_dw', 'dLdw', 'gradVector'], abbreviations: ['grad', 'dw', 'dL'], phrases: ['gradient vector'],
    explanation: '각 매개변수에 대한 손실의 편미분을 모은 벡터입니다. 손실이 가장 가파르게 올라가는 방향을 가리키고, 그 크기는 얼마나 가파른지를 나타냅니다. 이 튜터는 유한 차분 근사가 아니라 자동 미분으로 정확한 기울기를 구합니다.',
    formula: '∇L = (∂L/∂w₁, …, ∂L/∂wₙ)', example: 'L = x² + 4y² → ∇L = (2x, 8y)', related: ['partialDerivative', 'steepestDescent', 'backprop'], demo: 'bowl.ts', concepts: [4],
  },
  {
    id: 'partialDerivative', ko: '편미분', en: 'partial derivative', koVariants: ['편도함수'],
    identifiers: ['partialDerivative', 'partial'], phrases: ['partial derivative', 'partial derivatives'],
    explanation: '다른 변수는 그대로 두고 한 변수만 조금 바꿀 때 함수가 얼마나 변하는지입니다. 모든 매개변수의 편미분을 모으면 기울기 벡터가 됩니다.',
    formula: '∂L/∂x', example: 'L = x·y → ∂L/∂x = y', related: ['gradient'], concepts: [4],
  },
  {
    id: 'steepestDescent', ko: '가장 가파른 방향', en: 'steepest descent direction', koVariants: ['최급 하강 방향', '가장 가파르게'],
    identifiers: ['steepestDescent', 'steepestAscent'], phrases: ['steepest descent', 'steepest ascent'],
    explanation: '기울기는 손실이 가장 가파르게 올라가는 방향입니다. 그래서 내려가려면 마이너스를 붙여 −∇L 방향으로 갑니다. 등고선 지도에서 이 방향은 등고선에 수직입니다.',
    formula: '−∇L(w) / ‖∇L(w)‖', example: '등고선 지도의 화살표', related: ['gradient', 'gradientDescent'], demo: 'bowl.ts', concepts: [5],
  },
  {
    id: 'learningRate', ko: '학습률', en: 'learning rate', koVariants: ['스텝 크기'],
    identifiers: ['learningRate', 'stepSize'], abbreviations: ['lr', 'eta'], phrases: ['learning rate', 'step size'],
    explanation: '기울기 방향으로 한 번에 얼마나 움직일지 정하는 값(η)입니다. 너무 크면 최솟값을 지나쳐 진동하거나 발산하고, 너무 작으면 아주 느립니다. L = (w − 3)² 에서는 η > 1 이면 발산합니다.',
    formula: 'w ← w − η·∇L(w)', example: 'η = 0.1 은 안정적, η = 1.05 는 발산', related: ['gradientDescent', 'divergence', 'hyperparameter'], demo: 'learning-rate.ts', concepts: [6],
  },
  {
    id: 'iteration', ko: '반복', en: 'iteration (step)', koVariants: ['이터레이션', '스텝'],
    identifiers: ['iteration', 'iterations', 'numSteps', 'maxIter', 'steps'], abbreviations: ['iter', 'step'],
    explanation: '매개변수를 한 번 갱신하는 것이 한 번의 반복(스텝)입니다. 미니배치 학습에서는 배치 하나를 보고 한 번 갱신합니다.',
    formula: 'w_{k+1} = w_k − η·∇L(w_k)', example: 'steps: 1000', related: ['epoch', 'miniBatch'], concepts: [7],
  },
  {
    id: 'epoch', ko: '에포크', en: 'epoch', koVariants: ['에폭'],
    identifiers: ['epoch', 'epochs', 'numEpochs'],
    explanation: '학습 데이터 전체를 한 번씩 모두 본 것이 한 에포크입니다. 데이터 N 개를 배치 크기 B 로 나누면 한 에포크는 ⌈N/B⌉ 번의 반복입니다.',
    formula: '반복 수 = 에포크 × ⌈N / B⌉', example: 'N = 40, B = 8 → 한 에포크 = 5 스텝', related: ['iteration', 'batchSize'], demo: 'linear-regression.ts', concepts: [7],
  },
  {
    id: 'miniBatch', ko: '미니배치', en: 'mini-batch', koVariants: ['미니 배치', '배치'],
    identifiers: ['miniBatch', 'minibatch', 'batch', 'batches'], phrases: ['mini-batch', 'mini batch'],
    explanation: '전체 데이터 대신 무작위로 고른 일부로 손실과 기울기를 계산하는 묶음입니다. 계산이 싸고, 기울기에 섞인 잡음이 오히려 나쁜 국소 최솟값을 벗어나는 데 도움이 되기도 합니다.',
    formula: 'L_B(w) = (1/|B|) Σ_{i∈B} ℓ(w; xᵢ)', example: 'batchSize: 8', related: ['sgd', 'batchSize', 'epoch'], demo: 'linear-regression.ts', concepts: [8],
  },
  {
    id: 'batchSize', ko: '배치 크기', en: 'batch size',
    identifiers: ['batchSize'], phrases: ['batch size'],
    explanation: '미니배치 하나에 들어가는 샘플 수입니다. 작을수록 스텝이 싸고 손실 곡선이 들쭉날쭉하며, 데이터 전체와 같으면 평범한(전체 배치) 경사 하강법이 됩니다.',
    example: 'batchSize: 32', related: ['miniBatch', 'hyperparameter'], demo: 'linear-regression.ts', concepts: [8],
  },
  {
    id: 'sgd', ko: '확률적 경사 하강법', en: 'stochastic gradient descent (SGD)', koVariants: ['확률적 경사하강법'],
    identifiers: ['sgd', 'stochasticGradientDescent'], phrases: ['stochastic gradient descent'],
    explanation: '스텝마다 무작위 미니배치의 기울기로 갱신하는 경사 하강법입니다. PyTorch 의 torch.optim.SGD 는 모멘텀과 가중치 감쇠도 선택할 수 있습니다.',
    formula: 'w ← w − η·∇L_B(w)', example: "optimizer: 'sgd'", related: ['miniBatch', 'momentum'], demo: 'linear-regression.ts', concepts: [8],
  },
  {
    id: 'convergence', ko: '수렴', en: 'convergence', koVariants: ['수렴 판정'],
    identifiers: ['converge', 'converged', 'convergence', 'tolerance'], abbreviations: ['tol'],
    explanation: '반복할수록 손실과 매개변수가 한 값에 다가가 거의 변하지 않는 상태입니다. 보통 손실의 변화나 기울기의 크기가 아주 작은 값(허용 오차)보다 작아지면 수렴했다고 보고 멈춥니다.',
    formula: '|L_k − L_{k−1}| < tol 또는 ‖∇L‖ < tol', example: 'config.tolerance = 1e-8', related: ['divergence', 'plateau'], demo: 'plateau.ts', concepts: [19],
  },
  {
    id: 'divergence', ko: '발산', en: 'divergence', identifiers: ['diverge', 'diverged', 'divergence', 'diverging'],
    explanation: '반복할수록 손실이 끝없이 커지거나 NaN(숫자가 아님)이 되는 상태입니다. 대부분 학습률이 너무 커서 최솟값을 매번 더 크게 지나치기 때문입니다. 학습률을 줄여 보세요.',
    formula: '|1 − 2η| > 1 이면 (w − 3)² 에서 발산', example: 'η = 1.05 → 손실 → ∞', related: ['learningRate', 'convergence'], demo: 'learning-rate.ts', concepts: [20],
  },
];
