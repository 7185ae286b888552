/** Optimizers: momentum, AdaGrad, RMSProp, Adam, AdamW and their settings. */
import type { GlossaryEntry } from '../glossaryTypes';

export const OPTIMIZER_ENTRIES: GlossaryEntry[] = [
  {
    id: 'optimizer',
    ko: '옵티마이저',
    en: 'optimizer',
    koVariants: ['최적화 알고리즘'],
    identifiers: ['optimizer', 'optimiser'],
    abbreviations: ['optim', 'opt'],
    explanation:
      '기울기를 받아 매개변수를 어떻게 갱신할지 정하는 알고리즘입니다. 이 튜터의 옵티마이저는 이름, 기본값, 계산 순서를 PyTorch의 torch.optim에 맞추었으므로 같은 설정에서 같은 숫자가 나옵니다.',
    explanationEn:
      'The algorithm that takes the gradient and decides how to update the parameters. This tutor’s optimizers follow PyTorch’s torch.optim in names, defaults and order of operations, so the same settings give the same numbers.',
    example: "optimizer: 'adam'",
    related: ['sgd', 'momentum', 'adam'],
    demo: 'rosenbrock.ts',
    concepts: [29, 30, 31, 32],
  },
  {
    id: 'momentum',
    ko: '모멘텀',
    en: 'momentum',
    koVariants: ['관성', '운동량'],
    identifiers: ['momentum', 'velocity', 'momentumBuffer', 'momentum_buffer'],
    explanation:
      '지난 갱신 방향을 기억해, 굴러가던 공처럼 같은 쪽으로 계속 밀고 나가는 방법입니다. 좁은 골짜기에서는 좌우로 흔들리는 성분이 서로 상쇄되어 진동이 줄고, 기울기가 한결같은 내리막에서는 스텝이 최대 1/(1 − μ)배까지 커집니다. 그러나 기울기 자체가 거의 0인 고원에서는 모아도 거의 0이라서 빠져나오지 못합니다. 계수 μ의 기본값은 0.9입니다.',
    explanationEn:
      'Remembering the previous update direction and carrying on that way, like a rolling ball. In a narrow valley the side-to-side components cancel and the oscillation shrinks; on a steady downhill slope the step grows up to 1/(1 − μ) times. On a plateau, where the gradient itself is almost zero, the sum is still almost zero, so momentum does not get out. The coefficient μ defaults to 0.9.',
    formula: 'b ← μb + g,  w ← w − η·b',
    example: "optimizer: 'momentum'",
    related: ['nesterov', 'sgd', 'plateau'],
    demo: 'rosenbrock.ts',
    concepts: [29],
  },
  {
    id: 'nesterov',
    ko: '네스테로프 모멘텀',
    en: 'Nesterov momentum',
    koVariants: ['네스테로프 가속 경사', 'NAG'],
    identifiers: ['nesterov', 'NAG'],
    phrases: ['nesterov momentum', 'nesterov accelerated gradient'],
    explanation:
      '모멘텀으로 갈 곳을 미리 내다보고, 그 방향의 기울기까지 더해 움직이는 변형입니다. PyTorch에서는 SGD(nesterov=True)에 해당합니다.',
    explanationEn:
      'A variant of momentum that looks ahead to where the momentum is carrying it and adds the gradient for that direction as well. In PyTorch it is SGD(nesterov=True).',
    formula: 'b ← μb + g,  w ← w − η(g + μb)',
    example: "optimizer: 'nesterov'",
    related: ['momentum'],
    demo: 'rosenbrock.ts',
    concepts: [29],
  },
  {
    id: 'adagrad',
    ko: 'AdaGrad',
    en: 'AdaGrad',
    identifiers: ['adagrad', 'Adagrad'],
    explanation:
      '매개변수마다 지금까지의 기울기 제곱을 모두 더해 두고, 그 제곱근으로 스텝을 나눕니다. 많이 움직인 매개변수일수록 학습률이 작아집니다. 쌓인 값이 줄지 않아서 학습이 갈수록 느려지는 것이 약점이지만, 기울기가 아주 작은 고원에서는 스텝이 기울기만큼 작아지지 않아 빠져나오는 데 유리합니다.',
    explanationEn:
      'Keeps, for every parameter, the sum of all its squared gradients so far and divides the step by its square root, so parameters that have moved a lot get a smaller learning rate. The sum never shrinks, so training slows down over time; on a plateau with tiny gradients, though, the step does not shrink with the gradient, which helps it get out.',
    formula: 's ← s + g²,  w ← w − η·g / (√s + ε)',
    example: "optimizer: 'adagrad'",
    related: ['rmsprop', 'adam', 'plateau'],
    demo: 'plateau.ts',
    concepts: [30],
  },
  {
    id: 'rmsprop',
    ko: 'RMSProp',
    en: 'RMSProp',
    identifiers: ['rmsprop', 'RMSprop'],
    explanation:
      'AdaGrad처럼 매개변수마다 학습률을 조절하지만, 기울기 제곱의 지수 이동 평균을 써서 오래된 기록을 잊습니다. 그래서 학습률이 한없이 줄어들지는 않습니다.',
    explanationEn:
      'Adapts the learning rate of every parameter as AdaGrad does, but with an exponential moving average of the squared gradients, so old history is forgotten and the learning rate does not keep shrinking towards zero.',
    formula: 'v ← αv + (1 − α)g²,  w ← w − η·g / (√v + ε)',
    example: "optimizer: 'rmsprop'",
    related: ['adagrad', 'adam'],
    concepts: [31],
  },
  {
    id: 'adam',
    ko: 'Adam',
    en: 'Adam',
    koVariants: ['Adam 옵티마이저', '적응적 학습률'],
    identifiers: ['adam', 'Adam'],
    phrases: ['adaptive learning rate'],
    explanation:
      '기울기의 이동 평균(모멘텀)과 기울기 제곱의 이동 평균(RMSProp의 방식)을 함께 쓰고, 두 평균이 0에서 출발해 처음 몇 스텝 동안 작게 나오는 것을 보정한(편향 보정) 옵티마이저입니다. 스텝은 학습률과 m̂/(√v̂ + ε)의 곱이라서, 기울기가 꾸준하면 기울기의 크기와 관계없이 대략 학습률만큼 움직입니다. 딥러닝에서 가장 흔히 쓰는 기본 선택입니다.',
    explanationEn:
      'Combines a moving average of the gradient (momentum) with a moving average of the squared gradient (as RMSProp does), and corrects both averages for starting at zero, which makes them too small in the first steps (bias correction). The step is the learning rate times m̂/(√v̂ + ε), so with a steady gradient it moves about one learning rate per step whatever the gradient’s size. It is the most common default choice in deep learning.',
    formula: 'm ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − η·m̂/(√v̂ + ε)',
    example: "optimizer: 'adam', learningRate: 0.001",
    related: ['betas', 'epsilon', 'adamw', 'rmsprop', 'plateau'],
    demo: 'plateau.ts',
    concepts: [32],
  },
  {
    id: 'adamw',
    ko: 'AdamW',
    en: 'AdamW',
    identifiers: ['adamw', 'AdamW'],
    explanation:
      'Adam에서 가중치 감쇠를 기울기에 섞지 않고 매개변수에 직접 곱하도록 바꾼 옵티마이저입니다. 그래서 가중치 감쇠가 적응적 학습률의 영향을 받지 않고 의도한 대로 작동합니다.',
    explanationEn:
      'Adam with the weight decay applied directly to the parameters instead of being mixed into the gradient, so the adaptive learning rate does not distort it and it works as intended.',
    formula: 'w ← w(1 − ηλ), 그다음 Adam 갱신',
    formulaEn: 'w ← w(1 − ηλ), then the Adam update',
    example: "optimizer: 'adamw'",
    related: ['adam', 'weightDecay'],
    concepts: [32],
  },
  {
    id: 'betas',
    ko: '베타 (Adam 계수)',
    en: 'Adam betas',
    identifiers: ['beta1', 'beta2', 'betas'],
    explanation:
      'Adam의 두 이동 평균이 과거를 얼마나 기억할지 정하는 계수입니다. 기본값은 기울기 평균의 계수 β₁ = 0.9, 기울기 제곱 평균의 계수 β₂ = 0.999입니다.',
    explanationEn:
      'The coefficients that set how much of the past Adam’s two moving averages remember. The defaults are β₁ = 0.9 for the average of the gradient and β₂ = 0.999 for the average of the squared gradient.',
    formula: 'm̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)',
    detail: {
      ko: '편향 보정을 숫자로 따라가 봅니다. m₀ = v₀ = 0에서 시작하므로 처음 몇 스텝의 평균은 실제보다 작습니다. 기울기가 스텝마다 같은 값 g이면 β₁ = 0.9일 때 m₁ = 0.1g, m₂ = 0.19g, m₃ = 0.271g입니다. 일반적으로 m_t = (1 − β₁ᵗ)g이므로 m_t / (1 − β₁ᵗ)인 보정값 m̂_t도 첫 스텝부터 정확히 g입니다. 같은 방식으로 v̂_t = g²이고, 스텝의 크기는 η·|g|/√(g²) = η입니다. 보정하지 않으면 첫 세 스텝의 크기가 3.16η, 4.25η, 4.95η입니다.',
      en: 'Follow the bias correction in numbers. Starting from m₀ = v₀ = 0, the averages of the first steps are too small. If the gradient is the same g at every step, then with β₁ = 0.9: m₁ = 0.1g, m₂ = 0.19g, m₃ = 0.271g. In general m_t = (1 − β₁ᵗ)g, so the corrected m̂_t = m_t / (1 − β₁ᵗ) is exactly g from the first step on. Likewise v̂_t = g², and the step size is η·|g|/√(g²) = η. Without the correction the first three steps would be 3.16η, 4.25η and 4.95η long.',
    },
    example: 'g = 1: m₁, m₂, m₃ = 0.1, 0.19, 0.271 → m̂ = 1',
    related: ['adam'],
    concepts: [32],
  },
  {
    id: 'epsilon',
    ko: '엡실론',
    en: 'epsilon',
    identifiers: ['eps', 'epsilon'],
    explanation:
      '분모가 0에 가까워져도 나눗셈이 터지지 않도록 분모에 더하는 아주 작은 수입니다. PyTorch의 Adam에서는 √v̂ 다음에 더하고 기본값은 10⁻⁸입니다. 기울기가 ε보다 훨씬 작으면 Adam의 스텝도 학습률보다 훨씬 작아집니다.',
    explanationEn:
      'A very small number added to a denominator so that the division does not blow up when the denominator nears zero. PyTorch’s Adam adds it after √v̂, with a default of 10⁻⁸. When the gradient is much smaller than ε, Adam’s step becomes much smaller than the learning rate.',
    formula: '√v̂ + ε',
    example: 'eps: 1e-8',
    related: ['adam', 'adagrad'],
    concepts: [32],
  },
  {
    id: 'weightDecay',
    ko: '가중치 감쇠',
    en: 'weight decay',
    koVariants: ['가중치 감소'],
    identifiers: ['weightDecay'],
    phrases: ['weight decay'],
    explanation:
      '가중치가 너무 커지지 않도록 스텝마다 조금씩 0 쪽으로 줄이는 규제입니다. torch.optim의 SGD, Adam에서는 기울기에 λ·w 항을 더하고, AdamW에서는 가중치를 스텝마다 직접 (1 − ηλ)배로 줄입니다.',
    explanationEn:
      'A regularisation that pulls the weights a little towards zero at every step so that they do not grow too large. In torch.optim’s SGD and Adam it adds λ·w to the gradient; AdamW multiplies the weights directly by (1 − ηλ) at every step.',
    formula: 'g ← g + λw',
    example: 'weightDecay: 0.01',
    related: ['adamw', 'overfitting'],
    concepts: [32],
  },
];
