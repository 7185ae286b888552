/**
 * Command-line arguments of `node dist/cli.js`, parsed strictly: an unknown flag, a missing value
 * or a malformed number is a UsageError with the usage line — never a silent default.
 *
 * Arguments are separate argv entries, so a negative start point reads `--init -2.5,1`: a flag's
 * value is always the next entry, even when it starts with a minus sign.
 */
import type { TrainOptions } from '../engine/trainOptions';

export const USAGE = `usage:
  node dist/cli.js grad    FILE.ts --at 1.5,-2 [--json]
  node dist/cli.js train   FILE.ts [--optimizer sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw|newton|lbfgs]
                           [--lr X] [--momentum M] [--dampening D] [--nesterov] [--beta1 B1] [--beta2 B2]
                           [--eps E] [--alpha A] [--weight-decay W] [--amsgrad] [--centered] [--lr-decay D]
                           [--initial-accumulator-value V] [--line-search strong_wolfe] [--steps N] [--epochs N] [--batch-size N]
                           [--tolerance T] [--init 1.5,-2] [--seed S] [--timeout SECONDS] [--json]
  node dist/cli.js surface FILE.ts [--grid N] [--bounds -2,2,-1,3] [--json]`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
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
}

type Kind = 'number' | 'integer' | 'list' | 'flag' | 'string';

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
  '--steps': ['steps', 'integer', ['train']],
  '--epochs': ['epochs', 'integer', ['train']],
  '--batch-size': ['batchSize', 'integer', ['train']],
  '--tolerance': ['tolerance', 'number', ['train']],
  '--init': ['init', 'list', ['train']],
  '--seed': ['seed', 'integer', ['train', 'surface']],
  '--at': ['at', 'list', ['grad']],
  '--grid': ['grid', 'integer', ['surface']],
  '--bounds': ['bounds', 'list', ['surface']],
  '--timeout': ['timeout', 'number', ['grad', 'train', 'surface']],
};

/** A finite number in JavaScript's own syntax, nothing more (no "1e", "", "0x", " 2"). */
function parseNumber(text: string, flag: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    throw new UsageError(`${flag}: "${text}" is not a number`);
  }
  const v = Number(text);
  if (!Number.isFinite(v)) throw new UsageError(`${flag}: "${text}" is not a finite number`);
  return v;
}

function parseValue(kind: Kind, text: string, flag: string): number | number[] | string {
  switch (kind) {
    case 'number':
      return parseNumber(text, flag);
    case 'integer': {
      const v = parseNumber(text, flag);
      if (!Number.isInteger(v)) throw new UsageError(`${flag}: "${text}" is not a whole number`);
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
  if (command === undefined || command === '--help' || command === '-h') throw new UsageError('no command given');
  if (command !== 'grad' && command !== 'train' && command !== 'surface') {
    throw new UsageError(`unknown command "${command}"`);
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
      if (args.file) throw new UsageError(`unexpected argument "${a}" (the file is already "${args.file}")`);
      args.file = a;
      continue;
    }
    const spec = FLAGS[a];
    if (!spec) throw new UsageError(`unknown flag ${a}`);
    const [key, kind, commands] = spec;
    if (!commands.includes(command)) throw new UsageError(`${a} does not apply to "${command}"`);
    let value: number | number[] | string | boolean = true;
    if (kind !== 'flag') {
      const text = rest[++i];
      if (text === undefined) throw new UsageError(`${a} needs a value`);
      value = parseValue(kind, text, a);
    }
    if (key === 'at') args.at = value as number[];
    else if (key === 'grid') args.grid = value as number;
    else if (key === 'timeout') args.timeout = value as number;
    else if (key === 'bounds') args.bounds = pairs(value as number[], a);
    else train[key] = value;
  }
  if (!args.file) throw new UsageError('no loss file given');
  if (command === 'grad' && !args.at) throw new UsageError('grad needs --at');
  checkRanges(args);
  return args;
}

function pairs(values: number[], flag: string): Array<[number, number]> {
  if (values.length % 2 !== 0) throw new UsageError(`${flag} needs pairs lo,hi per parameter`);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < values.length; i += 2) {
    if (!(values[i] < values[i + 1])) throw new UsageError(`${flag}: ${values[i]},${values[i + 1]} is not an interval lo < hi`);
    out.push([values[i], values[i + 1]]);
  }
  return out;
}

function checkRanges(a: CliArgs): void {
  const t = a.train;
  if (t.steps !== undefined && t.steps < 0) throw new UsageError('--steps must be 0 or more');
  if (t.epochs !== undefined && t.epochs < 1) throw new UsageError('--epochs must be at least 1');
  if (t.batchSize !== undefined && t.batchSize < 1) throw new UsageError('--batch-size must be at least 1');
  if (t.tolerance !== undefined && t.tolerance <= 0) throw new UsageError('--tolerance must be positive');
  if (a.grid !== undefined && (a.grid < 2 || a.grid > 1000)) throw new UsageError('--grid must be between 2 and 1000');
  if (a.timeout !== undefined && a.timeout <= 0) throw new UsageError('--timeout must be positive');
}
