/** Second-order and other optimisation methods, and the biological analogies of the seeds. */
import type { GlossaryEntry } from '../glossaryTypes';

export const METHODS: GlossaryEntry[] = [
  {
    id: 'orders',
    ko: '1차 · 2차 방법',
    en: 'first- and second-order methods',
    koVariants: ['1차 방법', '2차 방법', '준2차 방법', '1.5차 방법'],
    identifiers: ['firstOrder', 'secondOrder'],
    phrases: ['first-order method', 'second-order method', 'second order method'],
    explanation:
      '1차 방법은 기울기(1차 미분)만 씁니다. 2차 방법은 곡률(헤세 행렬, 2차 미분)까지 써서 더 적은 스텝으로 가지만 한 스텝의 계산이 훨씬 많습니다. 준뉴턴 방법은 곡률을 기울기의 변화로 어림하므로 그 중간(준2차)에 있습니다.',
    explanationEn:
      'First-order methods use only the gradient (first derivatives). Second-order methods also use the curvature (the Hessian, second derivatives): fewer steps, but each step computes far more. Quasi-Newton methods estimate the curvature from how the gradient changes, which puts them in between.',
    formula: 'w ← w − η∇L  /  w ← w − H⁻¹∇L',
    related: ['newton', 'quasiNewton', 'hessian'],
    demo: 'rosenbrock.ts',
    concepts: [33],
  },
  {
    id: 'newton',
    ko: '뉴턴 방법',
    en: "Newton's method",
    koVariants: ['뉴턴법'],
    identifiers: ['newton', 'newtonStep'],
    phrases: ["newton's method", 'newton method', 'newton step'],
    explanation:
      '곡률까지 고려해 스텝을 정하는 방법입니다. 1차원에서는 그 점에 접하는 포물선의 꼭짓점으로 곧장 가는 스텝 w ← w − L′(w)/L″(w)입니다. 이차 함수는 한 스텝에 풉니다. (w − 3)²에서 w = −2이면 L′ = −10, L″ = 2이므로 다음 점은 −2 + 5 = 3, 곧 최솟값입니다.',
    explanationEn:
      'A method that sizes each step with the curvature. In 1-D the step goes straight to the vertex of the parabola that touches the loss at the current point: w ← w − L′(w)/L″(w). A quadratic is solved in one step: for (w − 3)² at w = −2, L′ = −10 and L″ = 2, so the next point is −2 + 5 = 3, the minimum.',
    formula: 'w ← w − H⁻¹∇L(w);  1차원: w ← w − L′(w)/L″(w)',
    formulaEn: 'w ← w − H⁻¹∇L(w);  in 1-D: w ← w − L′(w)/L″(w)',
    detail: {
      ko: 'd차원에서는 기울기를 헤세 행렬로 나누는 스텝 w ← w − H⁻¹∇L입니다. 헤세 행렬은 d × d = d²개의 값을 가지고, 스텝마다 d × d 연립방정식을 풀어야 해서 계산량이 약 d³에 비례합니다. 매개변수가 100만 개면 헤세 행렬만 10¹²개의 값이라서 큰 신경망에는 쓰지 않습니다. 헤세 행렬이 양의 정부호가 아니면(안장점 근처) 오르막으로 갈 수도 있어서, 이 튜터는 그럴 때 감쇠 항(λI)을 더합니다.',
      en: 'In d dimensions the step divides the gradient by the Hessian: w ← w − H⁻¹∇L. The Hessian has d × d = d² entries, and every step solves a d × d linear system, which costs on the order of d³ operations. With a million parameters the Hessian alone has 10¹² entries, so large networks do not use it. Where the Hessian is not positive definite (near a saddle point) the step can go uphill, so this tutor then adds a damping term (λI).',
    },
    example: "optimizer: 'newton', learningRate: 1",
    related: ['hessian', 'orders', 'levenbergMarquardt'],
    demo: 'quadratic.ts',
    concepts: [34],
  },
  {
    id: 'hessian',
    ko: '헤세 행렬',
    en: 'Hessian',
    koVariants: ['헤시안'],
    identifiers: ['hessian', 'hessianMatrix'],
    explanation:
      '2차 편미분을 모은 d × d 행렬로, 손실이 각 방향으로 얼마나 휘었는지(곡률)를 나타냅니다. 고윳값이 모두 양수면 그릇 모양(최솟값), 양수와 음수가 섞이면 안장점입니다. 가장 큰 고윳값이 학습률의 한계(2/λ_max)를 정합니다.',
    explanationEn:
      'The d × d matrix of second partial derivatives: how sharply the loss bends in each direction (its curvature). All eigenvalues positive means a bowl (a minimum); eigenvalues of both signs mean a saddle point. The largest eigenvalue sets the learning-rate limit 2/λ_max.',
    formula: 'Hᵢⱼ = ∂²L / ∂wᵢ∂wⱼ',
    example: 'x² − y² → H = diag(2, −2)',
    related: ['eigenvalue', 'newton', 'saddlePoint', 'jacobian'],
    demo: 'saddle.ts',
    concepts: [33, 34],
  },
  {
    id: 'eigenvalue',
    ko: '고윳값',
    en: 'eigenvalue',
    koVariants: ['고유값'],
    identifiers: ['eigenvalue', 'eigenvalues', 'eigvals'],
    explanation:
      '행렬을 곱해도 방향은 그대로이고 길이만 달라지는 벡터(고유벡터)가 있을 때, 그 길이의 배율입니다. 헤세 행렬의 고윳값은 고유벡터 방향의 곡률입니다. 모두 양수면 그릇 모양, 양수와 음수가 섞이면 안장점이고, 가장 큰 고윳값(λ_max)이 학습률의 한계(2/λ_max)를 정합니다.',
    explanationEn:
      'When multiplying a vector by a matrix only changes its length and not its direction (an eigenvector), the eigenvalue is that scaling factor. The Hessian’s eigenvalues are the curvatures along its eigenvectors: all positive means a bowl, mixed signs a saddle point, and the largest one (λ_max) sets the learning-rate limit 2/λ_max.',
    formula: 'Hv = λv',
    example: 'x² + 4y² → H = diag(2, 8), λ = 2, 8',
    related: ['hessian', 'learningRate', 'saddlePoint'],
    demo: 'bowl.ts',
    concepts: [17],
  },
  {
    id: 'jacobian',
    ko: '야코비 행렬',
    en: 'Jacobian',
    koVariants: ['야코비안', '자코비안'],
    identifiers: ['jacobian'],
    explanation:
      '출력이 여러 개인 함수의 1차 편미분을 모은 행렬입니다. 출력이 손실 하나뿐이면 야코비 행렬은 한 줄짜리이고 기울기와 같습니다.',
    explanationEn:
      'The matrix of first partial derivatives of a function with several outputs. With a single output, the loss, the Jacobian is one row: the gradient.',
    formula: 'Jᵢⱼ = ∂fᵢ / ∂xⱼ',
    related: ['gradient', 'hessian'],
    concepts: [33],
  },
  {
    id: 'quasiNewton',
    ko: '준뉴턴 방법',
    en: 'quasi-Newton methods',
    koVariants: ['준-뉴턴 방법', '준뉴턴법', 'L-BFGS'],
    identifiers: ['quasiNewton', 'lbfgs', 'LBFGS', 'bfgs'],
    phrases: ['quasi-newton', 'quasi newton', 'l-bfgs'],
    explanation:
      '헤세 행렬을 직접 계산하지 않고, 지나온 스텝과 기울기의 변화로 곡률을 어림하는 방법입니다. 대표적인 L-BFGS 방법은 최근 몇 스텝만 기억해 메모리를 적게 씁니다.',
    explanationEn:
      'Methods that never compute the Hessian but estimate the curvature from the past steps and how the gradient changed along them. The best known, L-BFGS, remembers only the last few steps and so needs little memory.',
    formula: 'sₖ = wₖ₊₁ − wₖ, yₖ = ∇Lₖ₊₁ − ∇Lₖ → H⁻¹ 어림',
    formulaEn: 'sₖ = wₖ₊₁ − wₖ, yₖ = ∇Lₖ₊₁ − ∇Lₖ → estimate H⁻¹',
    example: "optimizer: 'lbfgs'",
    related: ['newton', 'orders'],
    demo: 'rosenbrock.ts',
    concepts: [35],
  },
  {
    id: 'conjugateGradient',
    ko: '켤레 기울기법',
    en: 'conjugate gradient',
    koVariants: ['켤레 경사법', '공액 경사법'],
    identifiers: ['conjugateGradient'],
    phrases: ['conjugate gradient'],
    explanation:
      '앞서 간 방향들과 서로 켤레인(헤세 행렬에 대해 직교하는) 방향으로만 움직여, n차원 이차 함수를 많아야 n 스텝에 푸는 방법입니다. 큰 선형 연립방정식을 풀 때 많이 씁니다.',
    explanationEn:
      'A method that only moves in directions conjugate to the earlier ones (orthogonal with respect to the Hessian), which solves an n-dimensional quadratic in at most n steps. It is widely used to solve large linear systems.',
    formula: 'dᵢᵀ H dⱼ = 0  (i ≠ j)',
    related: ['quasiNewton', 'hessian'],
    concepts: [35],
  },
  {
    id: 'levenbergMarquardt',
    ko: 'Levenberg–Marquardt 방법',
    en: 'Levenberg–Marquardt',
    koVariants: ['레벤버그-마쿼트', '레벤베르크-마쿼트', '레벤버그-마르쿼트'],
    identifiers: ['levenbergMarquardt'],
    phrases: ['levenberg-marquardt', 'levenberg marquardt'],
    explanation:
      '뉴턴(가우스-뉴턴) 스텝과 경사 하강 스텝 사이를 감쇠 계수(λ)로 오가는 방법입니다. 감쇠 계수가 작으면 뉴턴 스텝에, 크면 짧은 경사 하강 스텝에 가깝습니다. 이 튜터의 뉴턴 방법도 헤세 행렬이 양의 정부호가 아닐 때 같은 생각으로 대각에 감쇠를 더합니다.',
    explanationEn:
      'A method that moves between a Newton (Gauss–Newton) step and a gradient descent step through a damping factor λ: small λ gives nearly a Newton step, large λ a short gradient step. This tutor’s Newton method uses the same idea, adding damping to the diagonal where the Hessian is not positive definite.',
    formula: '(H + λI) d = ∇L',
    related: ['newton'],
    concepts: [35],
  },
  {
    id: 'interiorPoint',
    ko: '내부점법',
    en: 'interior-point method',
    identifiers: ['interiorPoint'],
    phrases: ['interior point', 'interior-point'],
    explanation:
      '제약 조건이 있는 최적화 문제를, 경계에 가까워질수록 커지는 장벽 함수를 더해 경계 안쪽에 머물면서 풀어 가는 방법입니다. 신경망 학습보다는 선형·볼록 최적화에서 씁니다.',
    explanationEn:
      'A method for constrained optimization problems that adds a barrier function, growing without bound near the boundary, so that the iterates stay inside the feasible region. It is used for linear and convex optimization rather than for training networks.',
    formula: 'minimize f(x) − μ Σ log(−gᵢ(x)),  μ → 0',
    related: ['optimization'],
    concepts: [35],
  },
  {
    id: 'hebbian',
    ko: '헤브 학습',
    en: 'Hebbian learning',
    koVariants: ['헤브 규칙', '헤비안 학습', '헵 학습', '헵의 법칙'],
    identifiers: ['hebbian'],
    phrases: ['hebbian learning', 'hebb rule'],
    explanation:
      '"함께 활성화되는 뉴런은 연결이 강해진다"는 생물학의 학습 원리입니다. 인공 신경망의 가중치가 경험으로 바뀐다는 생각의 뿌리이지만, 경사 하강법은 손실을 줄이는 방향으로 가중치를 바꾼다는 점이 다릅니다.',
    explanationEn:
      'The biological learning principle "neurons that fire together wire together". It is the root of the idea that a network’s weights change with experience; gradient descent differs in changing them in the direction that lowers a loss.',
    formula: 'Δw = η·x·y',
    related: ['neuron', 'synapticPlasticity'],
    concepts: [36],
  },
  {
    id: 'synapticPlasticity',
    ko: '시냅스 가소성',
    en: 'synaptic plasticity',
    identifiers: ['plasticity'],
    phrases: ['synaptic plasticity'],
    explanation: '신경 세포 사이 연결(시냅스)의 세기가 경험에 따라 변하는 성질입니다. 인공 신경망에서는 가중치가 바뀌는 것에 해당합니다.',
    explanationEn:
      'The property of the connections between nerve cells (synapses) to change strength with experience. In an artificial network it corresponds to the weights changing.',
    related: ['hebbian', 'weight'],
    concepts: [36],
  },
  {
    id: 'thresholdPotential',
    ko: '역치 전위',
    en: 'threshold potential',
    koVariants: ['흥분성 시냅스 후 전위', '억제성 시냅스 후 전위'],
    identifiers: ['epsp', 'ipsp'],
    phrases: ['threshold potential', 'epsp', 'ipsp'],
    explanation:
      '신경 세포가 신호를 내보내기 시작하는 막전위입니다. 흥분성(EPSP)과 억제성(IPSP) 입력이 더해져 이 값을 넘으면 발화합니다. 인공 뉴런의 "가중합 뒤 활성화 함수"가 이것을 흉내 냅니다.',
    explanationEn:
      'The membrane potential at which a nerve cell starts to fire. Excitatory (EPSP) and inhibitory (IPSP) inputs add up, and the cell fires once the sum crosses this value. An artificial neuron’s "weighted sum, then activation function" imitates it.',
    related: ['neuron', 'activation'],
    concepts: [36],
  },
];
