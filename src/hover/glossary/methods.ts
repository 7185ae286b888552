/** Second-order and other optimisation methods, and the biological analogies of the seeds. */
import type { GlossaryEntry } from '../glossaryTypes';

export const METHODS: GlossaryEntry[] = [
  {
    id: 'orders', ko: '1차 · 2차 방법', en: 'first- and second-order methods', koVariants: ['1차 방법', '2차 방법', '1.5차 방법'],
    identifiers: ['firstOrder', 'secondOrder'], phrases: ['first-order method', 'second-order method', 'second order method'],
    explanation: '1차 방법은 기울기(1차 미분)만 씁니다. 2차 방법은 곡률(헤세 행렬, 2차 미분)까지 써서 더 적은 스텝으로 가지만 한 스텝이 비쌉니다. 준-뉴턴 방법은 곡률을 어림해 그 중간(1.5차)에 있습니다.',
    related: ['newton', 'quasiNewton', 'hessian'], demo: 'rosenbrock.ts', concepts: [33],
  },
  {
    id: 'newton', ko: '뉴턴 방법', en: "Newton's method", koVariants: ['뉴턴법'],
    identifiers: ['newton', 'newtonStep'], phrases: ["newton's method", 'newton method', 'newton step'],
    explanation: '기울기를 헤세 행렬로 나눠 곡률에 맞춘 스텝을 가는 방법입니다. 이차 함수는 단 한 스텝에 풉니다. 헤세 행렬이 양의 정부호가 아니면(안장점 근처) 엉뚱한 곳으로 갈 수 있어 이 튜터는 감쇠를 더해 막습니다.',
    formula: 'w ← w − H⁻¹∇L(w)', example: "optimizer: 'newton', learningRate: 1", related: ['hessian', 'orders'], demo: 'quadratic.ts', concepts: [34],
  },
  {
    id: 'hessian', ko: '헤세 행렬', en: 'Hessian', koVariants: ['헤시안'],
    identifiers: ['hessian', 'hessianMatrix'],
    explanation: '2차 편미분을 모은 행렬로, 손실의 곡률을 나타냅니다. 고윳값이 모두 양수면 그릇 모양(최솟값), 부호가 섞이면 안장점입니다.',
    formula: 'Hᵢⱼ = ∂²L / ∂wᵢ∂wⱼ', example: 'x² − y² → H = diag(2, −2)', related: ['newton', 'saddlePoint', 'jacobian'], demo: 'saddle.ts', concepts: [33, 34],
  },
  {
    id: 'jacobian', ko: '야코비 행렬', en: 'Jacobian', koVariants: ['자코비안'], identifiers: ['jacobian'],
    explanation: '출력이 여러 개인 함수의 1차 편미분을 모은 행렬입니다. 출력이 손실 하나뿐이면 야코비 행렬은 기울기와 같습니다.',
    formula: 'Jᵢⱼ = ∂fᵢ / ∂xⱼ', related: ['gradient', 'hessian'], concepts: [33],
  },
  {
    id: 'quasiNewton', ko: '준-뉴턴 방법', en: 'quasi-Newton methods', koVariants: ['준뉴턴 방법', 'L-BFGS'],
    identifiers: ['quasiNewton', 'lbfgs', 'LBFGS', 'bfgs'], phrases: ['quasi-newton', 'quasi newton', 'l-bfgs'],
    explanation: '헤세 행렬을 직접 계산하지 않고 지난 기울기들의 변화로 어림하는 방법입니다. L-BFGS 는 최근 몇 스텝만 기억해 메모리도 적게 씁니다.',
    formula: 'sₖ = wₖ₊₁ − wₖ, yₖ = ∇Lₖ₊₁ − ∇Lₖ 로 H⁻¹ 을 어림', example: "optimizer: 'lbfgs'", related: ['newton', 'orders'], demo: 'rosenbrock.ts', concepts: [35],
  },
  {
    id: 'conjugateGradient', ko: '켤레 경사법', en: 'conjugate gradient', koVariants: ['켤레 기울기법'],
    identifiers: ['conjugateGradient'], phrases: ['conjugate gradient'],
    explanation: '앞서 간 방향들과 서로 "켤레"인 방향으로만 움직여, n 차원 이차 함수를 최대 n 스텝에 푸는 방법입니다. 큰 선형 방정식을 풀 때 많이 씁니다.',
    related: ['quasiNewton'], concepts: [35],
  },
  {
    id: 'levenbergMarquardt', ko: '레벤베르크-마쿼트 방법', en: 'Levenberg–Marquardt', koVariants: ['레벤버그-마쿼트'],
    identifiers: ['levenbergMarquardt'], phrases: ['levenberg-marquardt', 'levenberg marquardt'],
    explanation: '뉴턴(가우스-뉴턴) 스텝과 경사 하강 스텝 사이를 감쇠 계수 λ 로 오가는 방법입니다. 이 튜터의 뉴턴 방법도 헤세 행렬이 나쁠 때 같은 생각으로 λI 를 더합니다.',
    formula: '(H + λI) d = ∇L', related: ['newton'], concepts: [35],
  },
  {
    id: 'interiorPoint', ko: '내부점법', en: 'interior-point method', identifiers: ['interiorPoint'], phrases: ['interior point', 'interior-point'],
    explanation: '제약 조건이 있는 최적화 문제를, 경계 안쪽에 머물게 하는 장벽 함수를 더해 풀어 가는 방법입니다. 신경망 학습보다는 선형·볼록 최적화에서 씁니다.',
    related: ['optimization'], concepts: [35],
  },
  {
    id: 'hebbian', ko: '헤비안 학습', en: 'Hebbian learning', koVariants: ['헤브 학습', '헤브 규칙'],
    identifiers: ['hebbian'], phrases: ['hebbian learning', 'hebb rule'],
    explanation: '"함께 활성화되는 뉴런은 연결이 강해진다"는 생물학의 학습 원리입니다. 인공 신경망의 가중치가 학습으로 바뀐다는 생각의 뿌리이지만, 경사 하강법은 손실을 줄이는 방향으로 바꾼다는 점이 다릅니다.',
    related: ['neuron', 'synapticPlasticity'], concepts: [36],
  },
  {
    id: 'synapticPlasticity', ko: '시냅스 가소성', en: 'synaptic plasticity', identifiers: ['plasticity'], phrases: ['synaptic plasticity'],
    explanation: '신경 세포 사이 연결(시냅스)의 세기가 경험에 따라 변하는 성질입니다. 인공 신경망에서는 가중치가 바뀌는 것에 해당합니다.',
    related: ['hebbian', 'weight'], concepts: [36],
  },
  {
    id: 'thresholdPotential', ko: '역치 전위', en: 'threshold potential', koVariants: ['흥분성 시냅스 후 전위', '억제성 시냅스 후 전위'],
    identifiers: ['epsp', 'ipsp'], phrases: ['threshold potential', 'epsp', 'ipsp'],
    explanation: '신경 세포가 신호를 내보내기 시작하는 막전위입니다. 흥분성(EPSP)과 억제성(IPSP) 입력이 더해져 역치를 넘으면 발화합니다. 인공 뉴런의 "가중합 후 활성화 함수"가 이를 흉내 냅니다.',
    related: ['neuron', 'activation'], concepts: [36],
  },
];
