/**
 * Command-line arguments of `node dist/cli.js`, parsed strictly: an unknown flag, a missing value
 * or a malformed number is a UsageError with the usage line — never a silent default.
 *
 * Arguments are separate argv entries, so a negative start point reads `--init -2.5,1`: a flag's
 * value is always the next entry, even when it starts with a minus sign.
 *
 * Every message exists in Korean and English (`ko`, `en`); the CLI prints the one of `--lang`
 * (found first by `languageArgument`, so that even a usage error is in the chosen language).
 */
import type { TrainOptions } from '../engine/trainOptions';
import { isLanguage, language, pick, type Language } from '../l10n/localize';

const SYNOPSIS = `  node dist/cli.js grad    FILE.ts --at 1.5,-2 [--lang ko|en] [--json]
  node dist/cli.js train   FILE.ts [--optimizer sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw|newton|lbfgs]
                           [--lr X] [--momentum M] [--dampening D] [--nesterov] [--beta1 B1] [--beta2 B2]
                           [--eps E] [--alpha A] [--weight-decay W] [--amsgrad] [--centered] [--lr-decay D]
                           [--initial-accumulator-value V] [--line-search strong_wolfe] [--damping L]
                           [--steps N] [--epochs N] [--batch-size N] [--tolerance T] [--init 1.5,-2] [--seed S]
                           [--timeout SECONDS] [--lang ko|en] [--json]
  node dist/cli.js surface FILE.ts [--grid N] [--bounds -2,2,-1,3] [--lang ko|en] [--json]`;

/** The usage text in each language. */
export const USAGE: Readonly<Record<Language, string>> = {
  en: `usage:
${SYNOPSIS}

  --damping L    Newton only: solve (H + L·I)d = ∇L at every step; 0 is the plain Newton step
                 (it may walk to a maximum). Without it, Newton damps only a Hessian that is not
                 positive definite.
  --lang ko|en   language of every message. Default: English when LC_ALL, LC_MESSAGES or LANG
                 (the first one set) starts with "en", Korean otherwise.`,
  ko: `사용법:
${SYNOPSIS}

  --damping L    뉴턴 방법 전용: 매 스텝 (H + L·I)d = ∇L 을 풉니다. 0이면 순수한 뉴턴 스텝입니다
                 (최댓값으로 갈 수도 있습니다). 주지 않으면 헤세 행렬이 양의 정부호가 아닐 때만 감쇠합니다.
  --lang ko|en   모든 메시지의 언어. 기본값: LC_ALL, LC_MESSAGES, LANG 중 처음 설정된 값이 "en"으로
                 시작하면 영어, 아니면 한국어.`,
};

/** The usage text in the current language (l10n/localize.ts). */
export function usage(): string {
  return USAGE[language()];
}

export class UsageError extends Error {
  /** `message` is English with the English usage (stable for logs and tests); print `text()`. */
  constructor(
    readonly ko: string,
    readonly en: string,
  ) {
    super(`${en}\n${USAGE.en}`);
    this.name = 'UsageError';
  }

  /** The reason and the usage, in the current language. */
  text(): string {
    return `${pick(this)}\n${usage()}`;
  }
}

export type Command = 'grad' | 'train' | 'surface';

export interface CliArgs {
  command: Command;
  file: string;
  json: boolean;
  train: TrainOptions;
  /** grad: the point to evaluate at. */
  at?: number[];
  /** surface: samples per axis, and the window [lo, hi] per parameter. */
  grid?: number;
  bounds?: Array<[number, number]>;
  /** Wall-clock limit of the whole run, seconds. */
  timeout?: number;
  /** `--lang`: the language of every message (else the environment's, see lang.ts). */
  lang?: Language;
}

type Kind = 'number' | 'integer' | 'list' | 'flag' | 'string';

const ALL: Command[] = ['grad', 'train', 'surface'];

/** Flag → [option key, kind, commands it belongs to]. */
const FLAGS: Record<string, [string, Kind, Command[]]> = {
  '--optimizer': ['optimizer', 'string', ['train']],
  '--lr': ['learningRate', 'number', ['train']],
  '--momentum': ['momentum', 'number', ['train']],
  '--dampening': ['dampening', 'number', ['train']],
  '--nesterov': ['nesterov', 'flag', ['train']],
  '--beta1': ['beta1', 'number', ['train']],
  '--beta2': ['beta2', 'number', ['train']],
  '--eps': ['eps', 'number', ['train']],
  '--alpha': ['alpha', 'number', ['train']],
  '--weight-decay': ['weightDecay', 'number', ['train']],
  '--amsgrad': ['amsgrad', 'flag', ['train']],
  '--centered': ['centered', 'flag', ['train']],
  '--lr-decay': ['lrDecay', 'number', ['train']],
  '--initial-accumulator-value': ['initialAccumulatorValue', 'number', ['train']],
  '--line-search': ['lineSearch', 'string', ['train']],
  '--damping': ['damping', 'number', ['train']],
  '--steps': ['steps', 'integer', ['train']],
  '--epochs': ['epochs', 'integer', ['train']],
  '--batch-size': ['batchSize', 'integer', ['train']],
  '--tolerance': ['tolerance', 'number', ['train']],
  '--init': ['init', 'list', ['train']],
  '--seed': ['seed', 'integer', ['train', 'surface']],
  '--at': ['at', 'list', ['grad']],
  '--grid': ['grid', 'integer', ['surface']],
  '--bounds': ['bounds', 'list', ['surface']],
  '--timeout': ['timeout', 'number', ALL],
  '--lang': ['lang', 'string', ALL],
};

/**
 * The value of a valid `--lang`, read before the full parse (so the parse's own errors are in that
 * language); walks argv as parseArgs does, so a flag's value is never mistaken for `--lang`.
 */
export function languageArgument(argv: readonly string[]): Language | undefined {
  let found: Language | undefined;
  for (let i = 1; i < argv.length; i++) {
    const spec = FLAGS[argv[i]];
    if (!spec || spec[1] === 'flag') continue;
    if (argv[i] === '--lang' && isLanguage(argv[i + 1])) found = argv[i + 1] as Language;
    i++;
  }
  return found;
}

/** A finite number in JavaScript's own syntax, nothing more (no "1e", "", "0x", " 2"). */
function parseNumber(text: string, flag: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    throw new UsageError(`${flag} 옵션의 값 "${text}": 숫자가 아닙니다`, `${flag}: "${text}" is not a number`);
  }
  const v = Number(text);
  if (!Number.isFinite(v))
    throw new UsageError(`${flag} 옵션의 값 "${text}": 유한한 숫자가 아닙니다`, `${flag}: "${text}" is not a finite number`);
  return v;
}

function parseValue(kind: Kind, text: string, flag: string): number | number[] | string {
  switch (kind) {
    case 'number':
      return parseNumber(text, flag);
    case 'integer': {
      const v = parseNumber(text, flag);
      if (!Number.isInteger(v))
        throw new UsageError(`${flag} 옵션의 값 "${text}": 정수가 아닙니다`, `${flag}: "${text}" is not a whole number`);
      return v;
    }
    case 'list':
      return text.split(',').map((part) => parseNumber(part.trim(), flag));
    default:
      return text;
  }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h')
    throw new UsageError('명령이 없습니다 (grad, train, surface 중 하나)', 'no command given');
  if (command !== 'grad' && command !== 'train' && command !== 'surface') {
    throw new UsageError(`알 수 없는 명령 "${command}"`, `unknown command "${command}"`);
  }
  const args: CliArgs = { command, file: '', json: false, train: {} };
  const train = args.train as Record<string, unknown>;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') {
      args.json = true;
      continue;
    }
    if (!a.startsWith('--')) {
      if (args.file)
        throw new UsageError(
          `뜻밖의 인자 "${a}" (손실 파일은 이미 주었습니다: "${args.file}")`,
          `unexpected argument "${a}" (the file is already "${args.file}")`,
        );
      args.file = a;
      continue;
    }
    const spec = FLAGS[a];
    if (!spec) throw new UsageError(`알 수 없는 옵션 ${a}`, `unknown flag ${a}`);
    const [key, kind, commands] = spec;
    if (!commands.includes(command))
      throw new UsageError(`${a} 옵션은 "${command}" 명령에 쓸 수 없습니다`, `${a} does not apply to "${command}"`);
    let value: number | number[] | string | boolean = true;
    if (kind !== 'flag') {
      const text = rest[++i];
      if (text === undefined) throw new UsageError(`${a} 옵션에 값이 필요합니다`, `${a} needs a value`);
      value = parseValue(kind, text, a);
    }
    if (key === 'at') args.at = value as number[];
    else if (key === 'grid') args.grid = value as number;
    else if (key === 'timeout') args.timeout = value as number;
    else if (key === 'bounds') args.bounds = pairs(value as number[], a);
    else if (key === 'lang') {
      if (!isLanguage(value))
        throw new UsageError(
          `--lang 옵션의 값은 ko 또는 en이어야 합니다 (받은 값: "${String(value)}")`,
          `--lang must be ko or en, got "${String(value)}"`,
        );
      args.lang = value;
    } else train[key] = value;
  }
  if (!args.file) throw new UsageError('손실 파일이 없습니다', 'no loss file given');
  if (command === 'grad' && !args.at) throw new UsageError('grad 명령에는 --at 옵션이 필요합니다', 'grad needs --at');
  checkRanges(args);
  return args;
}

function pairs(values: number[], flag: string): Array<[number, number]> {
  if (values.length % 2 !== 0)
    throw new UsageError(`${flag} 옵션에는 매개변수마다 lo,hi 한 쌍이 필요합니다`, `${flag} needs pairs lo,hi per parameter`);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < values.length; i += 2) {
    if (!(values[i] < values[i + 1])) {
      throw new UsageError(
        `${flag} 옵션의 구간 ${values[i]},${values[i + 1]}: lo < hi가 아닙니다`,
        `${flag}: ${values[i]},${values[i + 1]} is not an interval lo < hi`,
      );
    }
    out.push([values[i], values[i + 1]]);
  }
  return out;
}

function checkRanges(a: CliArgs): void {
  const t = a.train;
  if (t.steps !== undefined && t.steps < 0) throw new UsageError('--steps 옵션의 값은 0 이상이어야 합니다', '--steps must be 0 or more');
  if (t.epochs !== undefined && t.epochs < 1)
    throw new UsageError('--epochs 옵션의 값은 1 이상이어야 합니다', '--epochs must be at least 1');
  if (t.batchSize !== undefined && t.batchSize < 1)
    throw new UsageError('--batch-size 옵션의 값은 1 이상이어야 합니다', '--batch-size must be at least 1');
  // 0 is allowed, as in config.tolerance: it stops only at an exactly zero gradient (the diagnosis' tries pass it on).
  if (t.tolerance !== undefined && !(t.tolerance >= 0))
    throw new UsageError('--tolerance 옵션의 값은 0 이상이어야 합니다', '--tolerance must be at least 0');
  if (t.damping !== undefined && t.damping < 0) {
    throw new UsageError(
      `--damping 옵션의 값은 0 이상의 유한한 숫자여야 합니다 (받은 값: ${t.damping}; 0은 순수한 뉴턴 스텝, 주지 않으면 기본 안전장치)`,
      `--damping must be a finite number ≥ 0, got ${t.damping} (0: the plain Newton step; leave it out for the default safeguard)`,
    );
  }
  if (a.grid !== undefined && (a.grid < 2 || a.grid > 1000))
    throw new UsageError('--grid 옵션의 값은 2 이상 1000 이하여야 합니다', '--grid must be between 2 and 1000');
  if (a.timeout !== undefined && a.timeout <= 0)
    throw new UsageError('--timeout 옵션의 값은 양수여야 합니다', '--timeout must be positive');
}
