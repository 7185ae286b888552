/** Networks: forward and backward passes, the chain rule, weights, activations, the loop. */
import type { GlossaryEntry } from '../glossaryTypes';

export const NETWORKS: GlossaryEntry[] = [
  {
    id: 'forwardPass', ko: '순전파', en: 'forward pass', koVariants: ['순방향 전파', '정방향 전파', '정방향 패스'],
    identifiers: ['forward', 'forwardPass'], phrases: ['forward pass', 'forward propagation'],
    explanation: '입력에서 출력 쪽으로 차례로 계산해 예측과 손실을 구하는 과정입니다. 이때 계산한 중간값은 역전파에서 다시 쓰입니다.',
    formula: 'h = σ(Wx + b), ŷ = W₂h + b₂', example: 'model.forward(p, xs)', related: ['backprop', 'trainingLoop'], demo: 'moons-network.ts', concepts: [21],
  },
  {
    id: 'backprop', ko: '역전파', en: 'backpropagation', koVariants: ['오차 역전파', '오차역전파법'],
    identifiers: ['backprop', 'backpropagation', 'backward'], phrases: ['backpropagation', 'back-propagation', 'backward pass'],
    explanation: '연쇄 법칙으로 출력에서 입력 쪽으로 국소 미분을 곱해 나가며 모든 매개변수의 기울기를 한 번에 구하는 방법입니다. PyTorch 의 loss.backward() 가 하는 일이고, 이 튜터의 엔진도 테이프를 거꾸로 한 번 훑어 같은 일을 합니다.',
    formula: '∂L/∂w = ∂L/∂y · ∂y/∂h · ∂h/∂w', example: 'loss.backward()', related: ['chainRule', 'forwardPass', 'gradient'], demo: 'chain-rule.ts', concepts: [22],
  },
  {
    id: 'chainRule', ko: '연쇄 법칙', en: 'chain rule', koVariants: ['연쇄법칙', '합성 함수의 미분', '합성 함수'],
    identifiers: ['chainRule'], phrases: ['chain rule', 'composite function'],
    explanation: '합성 함수의 미분은 바깥 함수의 미분과 안쪽 함수의 미분을 곱한 것입니다. 신경망은 층을 겹친 합성 함수라서 역전파가 이 법칙을 되풀이해 씁니다.',
    formula: 'd/dx f(g(x)) = f′(g(x))·g′(x)', example: 'd/dw tanh(w·x) = (1 − tanh²(w·x))·x', related: ['backprop'], demo: 'chain-rule.ts', concepts: [23],
  },
  {
    id: 'weight', ko: '가중치', en: 'weight', identifiers: ['weight', 'weights'], phrases: ['weight matrix'],
    explanation: '입력마다 곱해지는 학습 가능한 매개변수입니다. 입력이 출력에 얼마나 영향을 주는지를 정하며, 학습은 가중치를 바꾸는 일입니다.',
    formula: 'y = Σ wᵢxᵢ + b', example: 'nn.linear(2, 16) 의 가중치는 16×2 행렬', related: ['bias', 'parameter'], demo: 'moons-network.ts', concepts: [24],
  },
  {
    id: 'bias', ko: '편향', en: 'bias', koVariants: ['바이어스'], identifiers: ['bias', 'biases'],
    explanation: '가중합에 더해지는 학습 가능한 상수입니다. 입력이 모두 0이어도 출력을 옮길 수 있게 해 줍니다. (통계의 "편향(bias)"과는 다른 뜻입니다.)',
    formula: 'y = w·x + b', example: 'nn.linear(16, 1) 의 편향은 1개', related: ['weight', 'parameter'], concepts: [24],
  },
  {
    id: 'parameter', ko: '매개변수', en: 'parameter', koVariants: ['파라미터', '모델 파라미터'],
    identifiers: ['params', 'parameters', 'param', 'theta'], phrases: ['model parameters'],
    explanation: '학습이 바꾸는 값들입니다. 가중치, 편향, PReLU 의 기울기처럼 데이터로부터 정해집니다. 사람이 정하는 하이퍼파라미터와 구별합니다.',
    formula: 'θ = (W₁, b₁, W₂, b₂, …)', example: 'loss(p: number[]) 의 p', related: ['hyperparameter', 'weight', 'bias'], concepts: [25],
  },
  {
    id: 'hyperparameter', ko: '하이퍼파라미터', en: 'hyper-parameter', koVariants: ['초매개변수'],
    identifiers: ['hyperparameter', 'hyperparameters', 'hparams'], phrases: ['hyperparameter', 'hyper-parameter', 'hyperparameters'],
    explanation: '학습 전에 사람이 정하는 값입니다. 학습률, 옵티마이저, 배치 크기, 층의 수와 크기가 여기에 속하며, 학습은 이 값들을 바꾸지 않습니다.',
    example: "config = { optimizer: 'adam', learningRate: 0.01 }", related: ['parameter', 'learningRate'], concepts: [25],
  },
  {
    id: 'prelu', ko: 'PReLU', en: 'parametric ReLU', identifiers: ['prelu', 'PReLU'], phrases: ['parametric relu'],
    explanation: '음수 쪽 기울기 a 를 학습하는 ReLU 입니다. a 는 사람이 정하지 않고 학습으로 정해지므로 하이퍼파라미터가 아니라 매개변수입니다.',
    formula: 'f(x) = max(0, x) + a·min(0, x)', related: ['relu', 'parameter'], concepts: [25],
  },
  {
    id: 'neuron', ko: '뉴런', en: 'neuron', koVariants: ['가중합', '인공 뉴런'],
    identifiers: ['neuron', 'neurons', 'weightedSum'], phrases: ['weighted sum', 'artificial neuron'],
    explanation: '입력에 가중치를 곱해 더하고(가중합) 편향을 더한 뒤 활성화 함수를 거쳐 출력을 내는 계산 단위입니다. 생물의 신경 세포에서 이름을 따왔습니다.',
    formula: 'y = σ(Σ wᵢxᵢ + b)', related: ['activation', 'weight'], concepts: [26],
  },
  {
    id: 'activation', ko: '활성화 함수', en: 'activation function', koVariants: ['활성 함수'],
    identifiers: ['activation', 'activationFn'], phrases: ['activation function'],
    explanation: '가중합에 적용하는 비선형 함수입니다. 활성화 함수가 없으면 층을 아무리 쌓아도 하나의 선형 함수와 같아집니다. 시그모이드, tanh, ReLU, 소프트맥스가 대표적입니다.',
    related: ['sigmoid', 'tanh', 'relu', 'softmax'], concepts: [26],
  },
  {
    id: 'sigmoid', ko: '시그모이드', en: 'sigmoid', identifiers: ['sigmoid', 'logistic'],
    explanation: '실수를 0과 1 사이로 눌러 확률처럼 만드는 함수입니다. 이진 분류의 출력에 쓰며, 입력이 크면 기울기가 거의 0이 되는 단점이 있습니다.',
    formula: 'σ(x) = 1/(1 + e⁻ˣ), σ′ = σ(1 − σ)', related: ['bce', 'activation'], concepts: [26],
  },
  {
    id: 'tanh', ko: 'tanh', en: 'hyperbolic tangent', koVariants: ['하이퍼볼릭 탄젠트'], identifiers: ['tanh'],
    explanation: '실수를 −1과 1 사이로 보내는 S자 함수입니다. 출력의 평균이 0 근처라 은닉층에 자주 씁니다.',
    formula: 'tanh′(x) = 1 − tanh²(x)', related: ['activation'], demo: 'chain-rule.ts', concepts: [26],
  },
  {
    id: 'relu', ko: 'ReLU', en: 'rectified linear unit', koVariants: ['정류 선형 단위'], identifiers: ['relu', 'ReLU'],
    explanation: '음수는 0으로, 양수는 그대로 내보내는 함수입니다. 계산이 싸고 양수 쪽 기울기가 1이라 깊은 신경망에서 많이 씁니다.',
    formula: 'ReLU(x) = max(0, x), 기울기는 x > 0 이면 1, 아니면 0', related: ['prelu', 'activation'], concepts: [26],
  },
  {
    id: 'softmax', ko: '소프트맥스', en: 'softmax', identifiers: ['softmax', 'logSoftmax'],
    explanation: '여러 점수(로짓)를 합이 1인 확률로 바꾸는 함수입니다. 다중 분류의 출력에 쓰고, 교차 엔트로피와 함께 계산합니다.',
    formula: 'softmax(z)ⱼ = e^{zⱼ} / Σₖ e^{zₖ}', related: ['crossEntropy', 'logits'], concepts: [26],
  },
  {
    id: 'logits', ko: '로짓', en: 'logits', identifiers: ['logits', 'logit'],
    explanation: '소프트맥스나 시그모이드를 거치기 전의 원래 점수입니다. 손실 함수에 로짓을 직접 넘기면 수치적으로 더 안정적입니다.',
    example: 'nn.crossEntropy(logits, labels)', related: ['softmax', 'crossEntropy'], concepts: [26],
  },
  {
    id: 'trainingLoop', ko: '학습 루프', en: 'training loop', koVariants: ['신경망 학습 루프', '학습 과정'],
    identifiers: ['trainingLoop', 'trainStep', 'fit'], phrases: ['training loop', 'training step'],
    explanation: '순전파로 손실을 계산하고, 역전파로 기울기를 구하고, 옵티마이저로 매개변수를 갱신하는 과정을 되풀이하는 것입니다. PyTorch 에서는 zero_grad → forward → backward → step 순서입니다.',
    formula: '순전파 → 손실 → 역전파 → 갱신', related: ['forwardPass', 'backprop', 'optimizer', 'zeroGrad'], demo: 'moons-network.ts', concepts: [27],
  },
  {
    id: 'zeroGrad', ko: '기울기 초기화', en: 'zero_grad', identifiers: ['zero_grad', 'zeroGrad'],
    explanation: 'PyTorch 는 backward() 를 부를 때마다 기울기를 더해 쌓으므로, 매 스텝 전에 optimizer.zero_grad() 로 0으로 되돌립니다. 이 튜터의 엔진은 평가마다 새 테이프를 쓰므로 따로 할 필요가 없습니다.',
    example: 'optimizer.zero_grad(); loss.backward(); optimizer.step()', related: ['trainingLoop', 'backprop'], concepts: [27],
  },
  {
    id: 'ruleLearning', ko: '일반화', en: 'generalization (learning the rule)', koVariants: ['규칙 학습', '일반화를 위한 규칙 학습'],
    identifiers: ['generalization', 'generalize'], phrases: ['generalization', 'generalisation'],
    explanation: '학습은 예제를 외우는 것이 아니라 입력을 출력으로 바꾸는 규칙을 찾는 일입니다. 처음 보는 데이터에서도 잘 맞으면 잘 일반화되었다고 합니다. 그래서 학습 데이터와 시험 데이터를 나눠 확인합니다.',
    related: ['loss', 'trainingLoop', 'overfitting', 'testSplit'], demo: 'overfitting.ts', concepts: [37],
  },
  {
    id: 'overfitting', ko: '과적합', en: 'overfitting', koVariants: ['과대적합', '오버피팅'],
    identifiers: ['overfitting', 'overfit'], phrases: ['overfitting', 'over-fitting'],
    explanation: '모델이 학습 데이터의 규칙뿐 아니라 잡음까지 외워 버린 상태입니다. 학습 손실은 계속 줄어드는데 떼어 둔 테스트 데이터의 손실은 어느 지점부터 다시 커집니다. 데이터를 늘리거나, 모델을 작게 하거나, 테스트 손실이 가장 낮던 무렵에 학습을 멈추면(조기 종료) 나아집니다.',
    formula: '학습 손실 ↓, 테스트 손실 ↑  ⇒  과적합', example: 'config.testSplit = 0.5', related: ['ruleLearning', 'testSplit', 'weightDecay'], demo: 'overfitting.ts', concepts: [37],
  },
  {
    id: 'testSplit', ko: '테스트 데이터', en: 'test set (held-out data)', koVariants: ['시험 데이터', '테스트 세트', '검증 데이터'],
    identifiers: ['testSplit', 'testSet', 'testData', 'heldOut'], phrases: ['test set', 'held-out data', 'train/test split'],
    explanation: '학습에 전혀 쓰지 않고 떼어 둔 데이터입니다. 옵티마이저는 훈련 데이터의 기울기만 보고, 테스트 데이터에서는 손실만 잽니다. 두 손실을 나란히 보면 모델이 규칙을 배웠는지(둘 다 내려감) 외웠는지(테스트만 올라감) 알 수 있습니다. 이 튜터에서는 config.testSplit 에 떼어 둘 비율을 적습니다.',
    example: 'export const config = { testSplit: 0.25 }', related: ['overfitting', 'ruleLearning', 'miniBatch'], demo: 'overfitting.ts', concepts: [37],
  },
];
