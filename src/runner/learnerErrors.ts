/**
 * What can be wrong with a loss file, said to the learner in Korean (and English), at their own
 * line, with how to fix it. Thrown by the compiler and the runtime checks; crosses the worker
 * boundary as plain data (LearnerErrorData).
 */
import type { LearnerErrorData } from './workerProtocol';

export class LearnerError extends Error implements LearnerErrorData {
  constructor(
    readonly code: string,
    readonly ko: string,
    readonly en: string,
    readonly line?: number,
    readonly column?: number,
    readonly severity: 'error' | 'warning' = 'error',
  ) {
    super(en);
    this.name = 'LearnerError';
  }

  at(line: number | undefined, column?: number): LearnerError {
    return new LearnerError(this.code, this.ko, this.en, line, column, this.severity);
  }
}

type Where = { line?: number; column?: number };

export const learnerErrors = {
  syntax: (message: string, w: Where) =>
    new LearnerError('syntax', `문법 오류: ${message}. 표시된 줄을 고친 뒤 다시 학습하세요.`, `Syntax error: ${message}. Fix the marked line and train again.`, w.line, w.column),
  noLoss: () =>
    new LearnerError(
      'noLoss',
      '`loss` 함수를 export 하세요. 예: `export function loss(w: number) { return (w - 3) ** 2; }`',
      'Export a `loss` function, e.g. `export function loss(w: number) { return (w - 3) ** 2; }`',
      1,
    ),
  lossNotFunction: (got: string, w: Where) =>
    new LearnerError('lossNotFunction', `\`loss\`는 함수여야 하는데 ${got}입니다. \`export function loss(...) { ... }\` 꼴로 쓰세요.`, `\`loss\` must be a function, but it is ${got}. Write \`export function loss(...) { ... }\`.`, w.line, w.column),
  lossThrew: (message: string, w: Where) =>
    new LearnerError('lossThrew', `손실 함수를 계산하다가 오류가 났습니다: ${message}`, `The loss threw an error: ${message}`, w.line, w.column),
  lossNotNumber: (got: string, w: Where) =>
    new LearnerError('lossNotNumber', `손실 함수는 숫자 하나를 돌려줘야 하는데 ${got}을(를) 돌려줬습니다. 마지막에 \`return\` 으로 숫자를 돌려주세요.`, `The loss must return one number, but it returned ${got}. End it with \`return\` of a number.`, w.line, w.column),
  lossNaN: (w: Where) =>
    new LearnerError('lossNaN', '시작점에서 손실이 NaN(숫자가 아님)입니다. 0으로 나누기, 음수의 로그나 제곱근이 있는지 확인하세요.', 'The loss is NaN at the start point. Check for division by zero, or log/sqrt of a negative number.', w.line, w.column),
  constantLoss: (w: Where) =>
    new LearnerError(
      'constantLoss',
      '손실이 매개변수에 의존하지 않습니다. 기울기가 항상 0이라 학습해도 아무것도 바뀌지 않습니다. 손실 식에 매개변수를 쓰고 있는지 확인하세요.',
      'The loss does not depend on the parameters: its gradient is always zero, so training changes nothing. Check that the loss uses its parameters.',
      w.line,
      w.column,
      'warning',
    ),
  tapeEscape: (w: Where) =>
    new LearnerError(
      'tapeEscape',
      '매개변수에 의존하는 값이 자동 미분이 볼 수 없는 코드(라이브러리 함수, Float64Array에 저장, 비트 연산 등)에서 쓰였습니다. 기울기가 틀리지 않도록 학습을 멈췄습니다. 그 계산을 손실 파일 안에서 평범한 연산자와 Math.* 로 쓰세요.',
      'A value that depends on the parameters was used by code automatic differentiation cannot see (a library function, a Float64Array store, a bitwise operator…). Training stopped rather than give a wrong gradient. Write that computation in the loss file with plain operators and Math.*.',
      w.line,
      w.column,
    ),
  notDifferentiable: (op: string, w: Where) =>
    new LearnerError('notDifferentiable', `${op}은(는) 미분할 수 없어서 매개변수에 의존하는 값에 쓸 수 없습니다.`, `${op} is not differentiable and cannot take a value that depends on the parameters.`, w.line, w.column),
  tapeOverflow: (limit: number, w: Where) =>
    new LearnerError(
      'tapeOverflow',
      `손실을 한 번 계산하는 데 연산이 ${limit.toLocaleString('en')}개를 넘었습니다. 끝나지 않는 반복문(무한 루프)이 매개변수로 계산하고 있는지 확인하세요.`,
      `One evaluation of the loss took more than ${limit.toLocaleString('en')} operations. Check for a loop that never ends while computing with the parameters.`,
      w.line,
      w.column,
    ),
  stackOverflow: (w: Where) =>
    new LearnerError('stackOverflow', '재귀 호출이 너무 깊습니다. 재귀 함수에 끝나는 조건이 있는지 확인하세요.', 'Recursion went too deep. Check that every recursive function has a base case.', w.line, w.column),
  badInit: (expected: string, got: string, w: Where) =>
    new LearnerError('badInit', `\`init\`의 모양이 매개변수와 다릅니다: ${expected}이어야 하는데 ${got}입니다.`, `\`init\` does not match the parameters: expected ${expected}, got ${got}.`, w.line, w.column),
  unknownShape: (w: Where) =>
    new LearnerError(
      'unknownShape',
      '매개변수가 몇 개인지 알 수 없습니다. `export const init = [0, 0, 0]` 처럼 시작점을 주거나 `loss([x, y]: number[])` 처럼 이름을 붙여 주세요.',
      'Cannot tell how many parameters the loss has. Give a start point such as `export const init = [0, 0, 0]`, or name them as in `loss([x, y]: number[])`.',
      w.line,
      w.column,
    ),
  badConfig: (ko: string, en: string, w: Where) => new LearnerError('badConfig', `config 오류: ${ko}`, `config error: ${en}`, w.line, w.column),
  badImport: (name: string, w: Where) =>
    new LearnerError('badImport', `'${name}'을(를) 불러올 수 없습니다. 같은 폴더의 파일('./파일')과 'gdtutor'만 쓸 수 있습니다.`, `Cannot import '${name}': only relative files ('./file') and 'gdtutor' are available.`, w.line, w.column),
};
