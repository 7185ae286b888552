/**
 * What can be wrong with a loss file, said to the learner in Korean (and English), at their own
 * 1-based line and column, with how to fix it. Thrown by the compiler (compile.ts, the module
 * loader) and by errorMapping.ts for errors raised while the loss runs; crosses the worker
 * boundary as plain data (LearnerErrorData).
 *
 * Terms follow docs/korean-terms.md: 손실 함수, 기울기, 학습률, 매개변수, 초깃값,
 * 최솟값/최댓값, 옵티마이저 names in Latin script.
 */
import type { LearnerErrorData } from '../protocol/learnerError';
import type { SizedBy } from './paramShape';

/** A position in the learner's file (1-based); the end is exclusive, as in an editor range. */
export interface Where {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export class LearnerError extends Error implements LearnerErrorData {
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Set when the problem is in an imported file: the message names it, the position is the import. */
  origin?: { file: string; line?: number };

  constructor(
    readonly code: string,
    readonly ko: string,
    readonly en: string,
    where: Where = {},
    readonly severity: 'error' | 'warning' = 'error',
  ) {
    super(en);
    this.name = 'LearnerError';
    this.line = where.line;
    this.column = where.column;
    this.endLine = where.endLine;
    this.endColumn = where.endColumn;
  }

  /** The same message at another place. */
  at(where: Where): LearnerError {
    return new LearnerError(this.code, this.ko, this.en, where, this.severity);
  }

  /** The same error with a sentence added to both messages. */
  withNote(ko: string, en: string): LearnerError {
    return new LearnerError(this.code, `${this.ko} ${ko}`, `${this.en} ${en}`, this, this.severity);
  }

  /**
   * This error, found in the imported `file`, reported at the import in the file being trained
   * (`where`): the editor shows the trained file, so the message says where the problem really is.
   */
  importedFrom(file: string, where: Where): LearnerError {
    const name = baseName(file);
    const moved = this.origin
      ? this.at(where)
      : this.at(where).withNote(`(${name} ${this.line ?? 1}번째 줄)`, `(in ${name}, line ${this.line ?? 1})`);
    moved.origin = this.origin ?? { file, line: this.line };
    return moved;
  }

  /** Plain data for postMessage (an Error's own fields do not survive structured cloning). */
  toData(): LearnerErrorData {
    const { code, ko, en, line, column, endLine, endColumn, severity } = this;
    return { code, ko, en, line, column, endLine, endColumn, severity };
  }
}

/**
 * The engine's English description of a value (evaluate.ts `describe`: `undefined`, `the string
 * "abc"`, `an array of 3`, `an object`, `number` …) in Korean.
 */
export function koreanDescription(en: string): string {
  const str = /^the string (.*)$/s.exec(en);
  if (str) return `문자열 ${str[1]}`;
  const arr = /^an array of (\d+)$/.exec(en);
  if (arr) return `원소 ${arr[1]}개짜리 배열`;
  const big = /^the bigint (.*)$/.exec(en);
  if (big) return `BigInt ${big[1]}`;
  const words: Record<string, string> = {
    'an object': '객체',
    number: '숫자(number)',
    boolean: '참/거짓 값(boolean)',
    function: '함수',
    symbol: '심볼(symbol)',
  };
  return words[en] ?? en;
}

/** The file's name without folders, for messages (Windows or POSIX paths alike). */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() || file;

const error = (code: string, ko: string, en: string, w: Where = {}) => new LearnerError(code, ko, en, w);
const warning = (code: string, ko: string, en: string, w: Where = {}) => new LearnerError(code, ko, en, w, 'warning');

const LOSS_EXAMPLE = '`export function loss(w: number) { return (w - 3) ** 2; }`';

/**
 * A message that is one sentence of ours, without its final period: a thrown error's text or a
 * parser's message may end with one already, and "expected.." must not reach the learner.
 */
const clause = (text: string) => text.trim().replace(/\.+$/, '');

export const learnerErrors = {
  /** `ko`: a Korean sentence (syntaxMessages.ts), never the parser's English; `en`: the parser's message. */
  syntax: (ko: string, en: string, w: Where) =>
    error(
      'syntax',
      `문법 오류: ${clause(ko)}. 표시된 곳을 고친 뒤 다시 학습하세요.`,
      `Syntax error: ${clause(en)}. Fix the marked place and train again.`,
      w,
    ),

  /** `found`: the file's other exports, to spot a typo such as `lost` or `Loss`. */
  noLoss: (found: string[], hasDefault: boolean) => {
    const koHint = hasDefault
      ? ' `export default` 대신 이름을 붙여 `export function loss` 로 내보내세요.'
      : found.length
        ? ` 지금 export 된 것: ${found.join(', ')}.`
        : '';
    const enHint = hasDefault
      ? ' Use a named export, `export function loss`, not `export default`.'
      : found.length
        ? ` Exported now: ${found.join(', ')}.`
        : '';
    return error(
      'noLoss',
      `\`loss\` 함수를 export 하세요: ${LOSS_EXAMPLE}${koHint}`,
      `Export a \`loss\` function: ${LOSS_EXAMPLE}${enHint}`,
      { line: 1, column: 1 },
    );
  },
  lossNotFunction: (got: string, w: Where) =>
    error(
      'lossNotFunction',
      `\`loss\`는 함수여야 합니다. 지금 값: ${koreanDescription(got)}. ${LOSS_EXAMPLE} 꼴로 쓰세요.`,
      `\`loss\` must be a function, but it is ${got}. Write it as ${LOSS_EXAMPLE}.`,
      w,
    ),
  readOutsideRoom: (resource: string, w: Where) =>
    error(
      'readOutsideRoom',
      `손실 파일은 자기 폴더(편집기에서는 작업 영역 폴더) 안의 파일만 읽을 수 있습니다. 읽으려 한 파일: ${resource || '(알 수 없음)'}. 필요한 파일을 그 안으로 옮기세요.`,
      `A loss file can read only files inside its own folder (in the editor, the workspace folder). It tried to read: ${resource || '(unknown)'}. Move the file it needs inside.`,
      w,
    ),
  fileTooLong: (what: 'chars' | 'lines', size: number, limit: number, w: Where) =>
    error(
      'fileTooLong',
      what === 'lines'
        ? `손실 파일이 너무 깁니다: 줄 수 ${size.toLocaleString('en-US')}, 한도 ${limit.toLocaleString('en-US')}. 같은 모양의 줄은 반복문으로 묶고, 많은 수치는 데이터 파일(.json)로 옮기세요.`
        : `손실 파일이 너무 큽니다: 글자 수 ${size.toLocaleString('en-US')}, 한도 ${limit.toLocaleString('en-US')}. 많은 수치는 데이터 파일(.json)로 옮기세요.`,
      what === 'lines'
        ? `The loss file is too long: ${size.toLocaleString('en-US')} lines, the limit is ${limit.toLocaleString('en-US')}. Fold repeated lines into a loop and move many numbers into a data file (.json).`
        : `The loss file is too large: ${size.toLocaleString('en-US')} characters, the limit is ${limit.toLocaleString('en-US')}. Move many numbers into a data file (.json).`,
      w,
    ),
  expressionTooDeep: (depth: number | undefined, limit: number, w: Where) =>
    error(
      'expressionTooDeep',
      `한 식이 너무 깊게 중첩되어 있습니다: ${depth ? `깊이 ${depth.toLocaleString('en-US')}, ` : ''}한도 ${limit.toLocaleString('en-US')}. 긴 합은 반복문으로 더하세요(예: \`for (const t of terms) s += t\`).`,
      `One expression is nested too deeply${depth ? ` (depth ${depth.toLocaleString('en-US')})` : ''}; the limit is ${limit.toLocaleString('en-US')}. Add long sums in a loop (for example \`for (const t of terms) s += t\`).`,
      w,
    ),
  notAllowed: (what: string, w: Where) =>
    error(
      'notAllowed',
      `손실 파일은 계산만 할 수 있습니다. 이 줄에서 쓰려 한 기능(${what})은 파일, 프로세스, 네트워크, 타이머, 신호 가운데 하나에 닿으므로 막혀 있습니다.`,
      `A loss file can compute and nothing else: ${what} reaches files, processes, the network, timers or signals, so it is not available.`,
      w,
    ),
  lossThrew: (message: string, w: Where) =>
    error(
      'lossThrew',
      `손실 함수를 계산하다가 오류가 났습니다: ${clause(message)}. 표시된 줄을 확인하세요.`,
      `The loss function threw an error: ${clause(message)}. Check the marked line.`,
      w,
    ),
  lossThrewValue: (got: string, w: Where) =>
    error(
      'lossThrew',
      `손실 함수가 throw 문으로 오류 객체 대신 다른 값을 던졌습니다: ${koreanDescription(got)}. 표시된 줄을 확인하세요.`,
      `The loss function threw a value that is not an Error: ${got}. Check the marked line.`,
      w,
    ),
  lossNotNumber: (got: string, w: Where) =>
    error(
      'lossNotNumber',
      `손실 함수는 숫자 하나를 돌려줘야 합니다. 돌려준 값: ${koreanDescription(got)}. 함수 끝에서 \`return\` 으로 손실 값(숫자)을 돌려주세요.`,
      `The loss function must return one number, but it returned ${got}. End it with \`return\` and the loss value.`,
      w,
    ),
  lossNaN: (w: Where) =>
    error(
      'lossNaN',
      '시작점(init)에서 손실이 NaN(숫자가 아님)입니다. 0으로 나누기, 음수의 Math.log 나 Math.sqrt 가 있는지 확인하세요.',
      'The loss is NaN at the start point (init). Check for a division by zero, or Math.log / Math.sqrt of a negative number.',
      w,
    ),
  lossNaNAtSample: (index: number, sample: string, w: Where) =>
    error(
      'lossNaN',
      `시작점(init)에서 손실이 NaN(숫자가 아님)입니다. 원인은 표본 data[${index}]입니다(값: ${sample}): 손실이 읽는 값이 빠졌거나(예: y가 없음) 숫자가 아닌 값이 있는지 확인하세요.`,
      `The loss is NaN at the start point (init) because of the sample data[${index}] (${sample}): check that it has every field the loss reads (a missing y, say) and that they are numbers.`,
      w,
    ),
  lossInfinite: (value: number, w: Where) =>
    error(
      'lossInfinite',
      `시작점(init)에서 손실이 ${value}(무한대)입니다. 0으로 나누거나 Math.log(0) 을 계산하는 곳이 있는지 확인하세요.`,
      `The loss is ${value} at the start point (init). Check for a division by zero or Math.log(0).`,
      w,
    ),
  constantLoss: (w: Where) =>
    warning(
      'constantLoss',
      '손실이 매개변수에 의존하지 않습니다(시험한 모든 점에서 기울기가 0). 학습해도 아무것도 바뀌지 않습니다. 손실 식에 매개변수를 쓰고 있는지 확인하세요.',
      'The loss does not depend on the parameters (a zero gradient at every point tried), so training changes nothing. Check that the loss uses its parameters.',
      w,
    ),
  /**
   * The loss gave two different values for the same parameters (compile.ts evaluates it twice at
   * the start): the clock, a module variable each call changes, random numbers. `w`: where the two
   * evaluations first differed (repeatability.ts), else the loss.
   */
  lossNotRepeatable: (first: number, second: number, w: Where) => {
    // Equal values with different gradients: a value kept from the first evaluation (firstLoss ??= raw).
    const same = Object.is(first, second);
    return warning(
      'lossNotRepeatable',
      `같은 매개변수로 손실 함수를 두 번 계산했는데 ${same ? `값(${first})은 같고 기울기가 달랐습니다` : `값이 달랐습니다(처음 값: ${first}, 다음 값: ${second})`}. 호출할 때마다 바뀌는 것이 손실에 들어 있습니다: 시각(Date.now(), performance.now()), 호출할 때마다 바뀌는 모듈 변수${same ? '(예: 처음 계산한 손실을 모듈 변수에 보관해 두고 그것으로 나누기)' : ''}, 난수(Math.random()) 같은 것입니다. 표시된 곳이 두 계산이 처음 달라진 곳입니다. 학습은 손실뿐 아니라 이 변화까지 따라가므로, 의도한 것이 아니라면 손실이 매개변수와 데이터에만 의존하도록 고치세요. Math.random() 함수는 학습마다 시드로 초기화되므로 같은 시드로 다시 학습하면 같은 결과가 나옵니다.`,
      `The loss returned ${same ? `the same value for the same parameters (${first}) but a different gradient` : `two different values for the same parameters (${first}, then ${second})`}. Something in it changes from one call to the next: the clock (Date.now(), performance.now()), a module variable that every call changes${same ? ' (say, the first loss kept in a module variable and divided by)' : ''}, random numbers (Math.random()). The marked place is where the two evaluations first differed. Training follows that change as well as the loss, so unless you mean it, make the loss depend only on its parameters and data. Math.random() is seeded for each run: training again with the same seed gives the same result.`,
      w,
    );
  },
  /**
   * The file assigns to `Math` or one of its members (`Math.log = …`). Refused rather than honoured:
   * see learnerMath.ts for why.
   */
  mathPatched: (w: Where) =>
    error(
      'mathPatched',
      '손실 파일이 Math 객체를 바꿉니다(Math 자체나 Math.log 같은 멤버에 값을 대입). 자동 미분은 Math 함수를 자체 미분 규칙으로 계산하므로, 바꾼 함수는 어떤 곳에서는 쓰이고 어떤 곳에서는 쓰이지 않아 손실 값과 기울기가 틀려집니다. 대신 `const myLog = (x: number) => …` 처럼 다른 이름으로 함수를 만들어 호출하세요.',
      'The loss file changes Math (it assigns to Math itself or to a member such as Math.log). Automatic differentiation computes Math functions with its own derivative rules, so a replaced function would be used in some places and not in others, and the loss and its gradient would be wrong. Define your own function under another name instead, e.g. `const myLog = (x: number) => …`, and call that.',
      w,
    ),
  /**
   * The file changes a built-in object the engine shares with it (`Object.prototype.x = …`,
   * `Array.prototype.map = …`, `JSON.parse = …`). `what`: the changed place as the learner would
   * write it. Refused rather than honoured: see learnerBuiltins.ts for why.
   */
  builtinPatched: (what: string, w: Where) =>
    error(
      'builtinPatched',
      `손실 파일이 JavaScript 내장 객체를 바꿉니다. 바뀐 곳: ${what}. 내장 객체(Object, Array, Number 같은 생성자와 그 프로토타입, JSON, Reflect)는 자동 미분 엔진, 옵티마이저, 학습 코드가 손실 파일과 함께 쓰므로, 바꾸면 학습 전체가 경고 없이 달라집니다. 예를 들어 Object.prototype 위에 둔 learningRate 값은 모든 설정 객체가 물려받아 학습률로 쓰이고, 바꾼 Array.prototype.map 함수는 엔진의 계산도 바꿉니다. 내장 객체는 그대로 두고, 필요한 기능은 \`function myMap(xs: number[], f: (x: number) => number) { … }\` 처럼 다른 이름의 함수로 만들어 호출하세요.`,
      `The loss file changes a built-in JavaScript object: ${what}. The built-ins (Object, Array, Number and the other constructors, their prototypes, JSON, Reflect) are shared by the automatic differentiation engine, the optimizers and the training code, so changing one silently changes the whole run: a learningRate put on Object.prototype is inherited by every options object and becomes the learning rate, a replaced Array.prototype.map changes the engine's own computations. Leave the built-ins as they are and write what you need as a function of your own under another name, e.g. \`function myMap(xs: number[], f: (x: number) => number) { … }\`, and call that.`,
      w,
    ),
  tapeEscape: (w: Where) =>
    error(
      'tapeEscape',
      '매개변수에 의존하는 값이 자동 미분이 따라갈 수 없는 곳(Float64Array 같은 타입 배열에 저장, 비트 연산 `|` `&` `~`, 라이브러리 함수)에서 일반 숫자로 쓰였습니다. 기울기가 틀리지 않도록 멈췄습니다. 그 계산은 손실 파일 안에서 일반 배열(`number[]`), 일반 연산자와 Math.* 로 쓰세요.',
      'A value that depends on the parameters was used as a plain number where automatic differentiation cannot follow it (stored in a typed array such as Float64Array, a bitwise operator `|` `&` `~`, a library function). Training stopped rather than give a wrong gradient. Write that computation in the loss file with plain arrays (`number[]`), ordinary operators and Math.*.',
      w,
    ),
  /** An active value turned into text (engine ActiveTextError): String(w), `${w}`, '' + w, w.toFixed(…), JSON.stringify. */
  activeText: (w: Where) =>
    error(
      'activeText',
      "매개변수에 따라 달라지는 값을 문자열로 바꾸면 기울기를 잃습니다. 문자열에는 그 순간의 숫자만 남고 매개변수와의 관계는 남지 않아서, 문자열에서 다시 읽은 숫자로는 기울기가 틀리게 계산됩니다. 틀린 기울기로 학습하지 않도록 멈췄습니다. 표시된 줄에서 `String(w)`, 템플릿 문자열 `${w}`, 문자열 더하기 `'' + w`, `w.toFixed(3)`, `JSON.stringify(p)` 같은 변환을 빼고 숫자 그대로 계산하세요. 값을 확인하려고 출력하는 것이라면 문자열로 바꾸지 말고 값을 그대로 넘겨 출력하세요. 예: `console.log(w)`",
      "A value that depends on the parameters was turned into text, which loses its gradient: the text keeps only the number, not how it depends on the parameters, so a number read back from it would get a wrong gradient. Training stopped rather than give a wrong gradient. On the marked line, leave out the conversion (`String(w)`, a template string `${w}`, `'' + w`, `w.toFixed(3)`, `JSON.stringify(p)`) and compute with the number itself. To look at a value, pass it to console.log as it is: `console.log(w)`.",
      w,
    ),
  notDifferentiable: (op: string, w: Where) =>
    error(
      'notDifferentiable',
      `${op} 함수는 미분할 수 없어서 매개변수에 의존하는 값에 쓸 수 없습니다. 다른 식으로 바꿔 쓰세요.`,
      `${op} has no derivative, so it cannot take a value that depends on the parameters. Rewrite that expression.`,
      w,
    ),
  activeKey: (collection: 'Set' | 'Map', w: Where) =>
    error(
      'activeKey',
      `매개변수에 의존하는 값을 ${collection === 'Set' ? 'Set 객체의 원소로' : 'Map 객체의 키로'} 썼습니다. ${collection} 객체는 키를 값이 아니라 객체의 정체성으로 비교하므로 결과가 숫자일 때와 달라집니다. 인덱스처럼 매개변수에 의존하지 않는 값을 키로 쓰세요.`,
      `A value that depends on the parameters was used as a ${collection} ${collection === 'Set' ? 'element' : 'key'}. ${collection} compares keys by identity, not by value, so the result would differ from plain numbers. Use a key that does not depend on the parameters, such as an index.`,
      w,
    ),
  tapeOverflow: (limit: number, w: Where) =>
    error(
      'tapeOverflow',
      `손실을 한 번 계산하는 데 연산이 ${limit.toLocaleString('en')}개를 넘었습니다. 매개변수로 계산하는 반복문이 끝나지 않는지(무한 루프) 확인하세요.`,
      `One evaluation of the loss took more than ${limit.toLocaleString('en')} operations. Check for a loop over the parameters that never ends.`,
      w,
    ),
  stackOverflow: (w: Where) =>
    error(
      'stackOverflow',
      '재귀 호출이 너무 깊습니다(Maximum call stack size exceeded). 재귀 함수에 끝나는 조건이 있는지 확인하세요.',
      'Recursion went too deep (Maximum call stack size exceeded). Check that every recursive function has a base case.',
      w,
    ),

  badInit: (expectedKo: string, expectedEn: string, got: { ko: string; en: string }, w: Where) =>
    error(
      'badInit',
      `\`init\`(시작점, 초깃값)의 모양이 매개변수와 다릅니다. 필요한 모양: ${expectedKo}, 받은 값: ${got.ko}.`,
      `\`init\` (the start point) does not match the parameters: expected ${expectedEn}, got ${got.en}.`,
      w,
    ),
  /**
   * A point (`--at`, `--init`, the panel's start, the array given to the library) whose length is
   * not the loss's declared size. `sizedBy` names what declared it.
   */
  pointSize: (got: number, expected: { ko: string; en: string; count: number }, sizedBy: SizedBy, w: Where) => {
    const by = {
      init: { ko: '`export const init`', en: '`export const init`' },
      signature: { ko: '`loss` 매개변수의 타입', en: "the type of `loss`'s parameter" },
      guess: { ko: '타입이 없는 `loss` 매개변수를 숫자 하나로 본 것', en: "reading `loss`'s untyped parameter as one number" },
      bounds: { ko: '`bounds`', en: '`bounds`' },
      point: { ko: '처음 받은 점의 길이', en: 'the length of the first point it was given' },
    }[sizedBy];
    return error(
      'pointSize',
      `주어진 점에는 숫자가 ${got}개 있는데, 이 손실이 받는 매개변수와 다릅니다. 필요한 모양: ${expected.ko} (정한 곳: ${by.ko}). 숫자 ${expected.count}개로 된 점을 주세요.`,
      `The given point has ${got} ${got === 1 ? 'number' : 'numbers'}, but this loss takes ${expected.en} (set by ${by.en}). Give a point of ${expected.count} ${expected.count === 1 ? 'number' : 'numbers'}.`,
      w,
    );
  },
  unknownShape: (w: Where) =>
    error(
      'unknownShape',
      '매개변수가 몇 개인지 알 수 없습니다. `export const init = [0, 0, 0]` 처럼 시작점을 주거나, `loss([x, y]: number[])` 처럼 매개변수마다 이름을 붙이거나, `bounds` 를 주세요.',
      'Cannot tell how many parameters the loss has. Give a start point such as `export const init = [0, 0, 0]`, name them as in `loss([x, y]: number[])`, or give `bounds`.',
      w,
    ),
  badConfig: (ko: string, en: string, w: Where) => error('badConfig', `config 오류: ${ko}`, `config error: ${en}`, w),
  unknownConfigKey: (key: string, suggestion: string | undefined, w: Where) =>
    warning(
      'unknownConfigKey',
      `쓰이지 않는 config 설정이라 무시합니다: '${key}'.${suggestion ? ` 비슷한 설정: '${suggestion}'.` : ''}`,
      `config key '${key}' is not a setting and is ignored.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
      w,
    ),
  badBounds: (w: Where) =>
    error(
      'badBounds',
      '`bounds`는 매개변수마다 [최솟값, 최댓값] 쌍 하나씩인 배열이어야 합니다(최솟값 < 최댓값). 예: `export const bounds = [[-2, 2], [-1, 3]]`',
      '`bounds` must hold one [low, high] pair per parameter (low < high), e.g. `export const bounds = [[-2, 2], [-1, 3]]`.',
      w,
    ),
  badData: (w: Where) =>
    error(
      'badData',
      '`data`는 표본이 하나 이상 든 배열이어야 합니다. 예: `export const data = [{ x: 1, y: 2 }, { x: 2, y: 4 }]`',
      '`data` must be an array of at least one sample, e.g. `export const data = [{ x: 1, y: 2 }, { x: 2, y: 4 }]`.',
      w,
    ),
  /** One sample's field is missing or of another kind, where every other sample agrees. */
  badSample: (index: number, sample: string, field: string, problem: { ko: string; en: string }, w: Where) =>
    error(
      'badData',
      `데이터 표본 하나의 모양이 다른 표본과 다릅니다. 표본 번호 ${index} (값: ${sample}), 필드 '${field}' 항목: ${problem.ko} 시작점에서 이 표본 하나로 계산한 손실이 유한한 숫자가 아니므로(또는 계산 중에 오류가 나므로) 학습을 시작하지 않았습니다. 표시된 표본을 고치세요.`,
      `One data sample differs in shape from the others: data[${index}] (${sample}), field '${field}': ${problem.en} The loss computed on this sample alone at the start point is not a finite number (or fails), so training did not start. Fix the marked sample.`,
      w,
    ),
  reservedName: (name: string, w: Where) =>
    error(
      'reservedName',
      `자동 미분이 내부에서 쓰는 이름이라 쓸 수 없습니다: '${name}'. 다른 이름으로 바꾸세요.`,
      `'${name}' is a name automatic differentiation uses internally. Rename it.`,
      w,
    ),
  lossAsync: (w: Where) =>
    error(
      'lossAsync',
      '`loss`는 async 함수나 제너레이터(function*)일 수 없습니다. 손실 값을 바로 `return` 하는 보통 함수로 쓰세요.',
      '`loss` cannot be an async function or a generator (function*). Write an ordinary function that returns the loss value.',
      w,
    ),
  badImport: (name: string, w: Where) =>
    error(
      'badImport',
      `불러올 수 없는 모듈입니다: '${name}'. 손실 파일에서는 같은 폴더의 파일('./helpers')과 내장 라이브러리 'gdtutor'만 import 할 수 있습니다.`,
      `Cannot import '${name}': a loss file may import only relative files ('./helpers') and the built-in 'gdtutor' library.`,
      w,
    ),
  importNotFound: (name: string, tried: string[], w: Where) =>
    error(
      'badImport',
      `'${name}' 파일을 찾을 수 없습니다(찾아본 곳: ${tried.join(', ')}). 경로와 파일 이름을 확인하세요.`,
      `Cannot find the file '${name}' (looked for ${tried.join(', ')}). Check the path and the file name.`,
      w,
    ),
  /** VS Code for the Web: the sealed room (a Web Worker) has no files to read. */
  importOnWeb: (name: string, w: Where) =>
    error(
      'badImport',
      `VS Code for the Web(vscode.dev, github.dev)에서는 손실 파일이 다른 파일('${name}')을 가져올 수 없습니다. 필요한 함수와 데이터를 이 파일 안에 두거나, 데스크톱 VS Code에서 실행하세요.`,
      `In VS Code for the Web (vscode.dev, github.dev) a loss file cannot import another file ('${name}'). Keep the functions and data it needs in this file, or run it in desktop VS Code.`,
      w,
    ),
};
