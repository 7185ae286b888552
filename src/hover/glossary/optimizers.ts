/** Optimizers: momentum, AdaGrad, RMSProp, Adam, AdamW and their settings. */
import type { GlossaryEntry } from '../glossaryTypes';

export const OPTIMIZERS: GlossaryEntry[] = [
  {
    id: 'optimizer', ko: '옵티마이저', en: 'optimizer', koVariants: ['최적화 알고리즘'],
    identifiers: ['optimizer', 'optimiser'], abbreviations: ['optim', 'opt'],
    explanation: '기울기를 받아 매개변수를 어떻게 갱신할지 정하는 알고리즘입니다. 이 튜터의 옵티마이저는 PyTorch torch.optim 과 이름, 기본값, 계산 순서가 같습니다.',
    example: "optimizer: 'adam'", related: ['sgd', 'momentum', 'adam'], demo: 'rosenbrock.ts', concepts: [29, 30, 31, 32],
  },
  {
    id: 'momentum', ko: '모멘텀', en: 'momentum', koVariants: ['관성', '운동량'],
    identifiers: ['momentum', 'velocity', 'momentumBuffer', 'momentum_buffer'],
    explanation: '지난 갱신 방향을 기억해 관성처럼 밀고 나가는 방법입니다. 좁은 골짜기에서 진동이 줄고, 평평한 곳도 더 빨리 지나갑니다. μ 는 보통 0.9 입니다.',
    formula: 'b ← μb + g,  w ← w − η·b', example: "optimizer: 'momentum'", related: ['nesterov', 'sgd'], demo: 'rosenbrock.ts', concepts: [29],
  },
  {
    id: 'nesterov', ko: '네스테로프 모멘텀', en: 'Nesterov momentum', koVariants: ['네스테로프 가속 경사', 'NAG'],
    identifiers: ['nesterov', 'NAG'], phrases: ['nesterov momentum', 'nesterov accelerated gradient'],
    explanation: '모멘텀으로 갈 곳을 미리 내다보고 그 방향의 기울기를 더하는 변형입니다. PyTorch 의 SGD(nesterov=True) 와 같습니다.',
    formula: 'b ← μb + g,  w ← w − η(g + μb)', example: "optimizer: 'nesterov'", related: ['momentum'], demo: 'rosenbrock.ts', concepts: [29],
  },
  {
    id: 'adagrad', ko: 'AdaGrad', en: 'AdaGrad', identifiers: ['adagrad', 'Adagrad'],
    explanation: '매개변수마다 지금까지 기울기 제곱의 합을 쌓아, 많이 움직인 매개변수는 학습률을 줄입니다. 쌓인 값이 계속 커져서 학습이 점점 느려지는 것이 약점입니다.',
    formula: 's ← s + g²,  w ← w − η·g / (√s + ε)', example: "optimizer: 'adagrad'", related: ['rmsprop', 'adam'], concepts: [30],
  },
  {
    id: 'rmsprop', ko: 'RMSProp', en: 'RMSProp', identifiers: ['rmsprop', 'RMSprop'],
    explanation: 'AdaGrad 처럼 매개변수마다 학습률을 조절하되, 기울기 제곱의 지수 이동 평균을 써서 오래된 기록을 잊습니다. 그래서 학습이 멈추지 않습니다.',
    formula: 'v ← αv + (1 − α)g²,  w ← w − η·g / (√v + ε)', example: "optimizer: 'rmsprop'", related: ['adagrad', 'adam'], concepts: [31],
  },
  {
    id: 'adam', ko: 'Adam', en: 'Adam', koVariants: ['Adam 옵티마이저', '적응적 학습률'], identifiers: ['adam', 'Adam'], phrases: ['adaptive learning rate'],
    explanation: '모멘텀(기울기의 이동 평균)과 RMSProp(기울기 제곱의 이동 평균)을 합치고, 초기 편향을 보정한 옵티마이저입니다. 딥러닝에서 가장 흔히 쓰는 기본 선택입니다.',
    formula: 'm ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − η·m̂/(√v̂ + ε)', example: "optimizer: 'adam', learningRate: 0.001", related: ['betas', 'adamw', 'rmsprop'], demo: 'rosenbrock.ts', concepts: [32],
  },
  {
    id: 'adamw', ko: 'AdamW', en: 'AdamW', identifiers: ['adamw', 'AdamW'],
    explanation: 'Adam 에서 가중치 감쇠를 기울기에 섞지 않고 매개변수에 직접 곱하도록 바꾼 옵티마이저입니다. 규제가 더 의도대로 작동합니다.',
    formula: 'w ← w(1 − ηλ), 그다음 Adam 갱신', example: "optimizer: 'adamw'", related: ['adam', 'weightDecay'], concepts: [32],
  },
  {
    id: 'betas', ko: '베타 (Adam 계수)', en: 'Adam betas', identifiers: ['beta1', 'beta2', 'betas'],
    explanation: 'Adam 의 두 이동 평균이 과거를 얼마나 기억할지 정하는 계수입니다. β₁ = 0.9 는 기울기 평균, β₂ = 0.999 는 기울기 제곱 평균에 씁니다.',
    formula: 'm̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)', related: ['adam'], concepts: [32],
  },
  {
    id: 'epsilon', ko: '엡실론', en: 'epsilon', identifiers: ['eps', 'epsilon'],
    explanation: '0으로 나누는 것을 막기 위해 분모에 더하는 아주 작은 수입니다. PyTorch 의 Adam 은 √v̂ 다음에 더합니다.',
    formula: '√v̂ + ε', example: 'eps: 1e-8', related: ['adam', 'adagrad'], concepts: [32],
  },
  {
    id: 'weightDecay', ko: '가중치 감쇠', en: 'weight decay', koVariants: ['가중치 감소'],
    identifiers: ['weightDecay'], phrases: ['weight decay'],
    explanation: '가중치가 너무 커지지 않도록 매 스텝 조금씩 0 쪽으로 줄이는 규제입니다. SGD 와 Adam 에서는 기울기에 λw 를 더하고, AdamW 는 가중치에 직접 (1 − ηλ) 를 곱합니다.',
    formula: 'g ← g + λw', example: 'weightDecay: 0.01', related: ['adamw'], concepts: [32],
  },
];
