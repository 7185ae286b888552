/**
 * Checks of a loss file's optional exports — `init`, `bounds`, `config`, `data` — each failing
 * with a LearnerError at the line that declares it (at the offending `config` property when
 * there is one), and the parameter shape that `init`, the signature and `bounds` agree on.
 */
import ts from 'typescript';
import { describe, type ParamShape } from '../engine/evaluate';
import { OPTIMIZER_NAMES } from '../engine/optim';
import { CONFIG_KEYS } from '../engine/trainOptions';
import { learnerErrors, koreanDescription, type LearnerError, type Where } from './learnerErrors';
import { whereOf } from './moduleLoader';
import { describeShape, flatten, namesFor, sameShape, shapeFromSignature, shapeOfValue, type ShapeInfo, type SizedBy } from './paramShape';

/** Positions of the file's top-level declarations, for messages about them. */
export class Declarations {
  constructor(private readonly file: ts.SourceFile) {}

  private declaration(name: string): ts.VariableDeclaration | ts.FunctionDeclaration | undefined {
    for (const st of this.file.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st;
      if (ts.isVariableStatement(st)) {
        const d = st.declarationList.declarations.find((v) => ts.isIdentifier(v.name) && v.name.text === name);
        if (d) return d;
      }
    }
    return undefined;
  }

  /** Where `name` is declared (its name), or nothing when the file does not declare it itself. */
  of(name: string): Where {
    const d = this.declaration(name);
    const id = d?.name;
    return id ? whereOf(this.file, id.getStart(this.file), id.getEnd()) : {};
  }

  /** Where `name = [ …, element, … ]` writes element `index`; else where `name` is declared. */
  element(name: string, index: number): Where {
    const d = this.declaration(name);
    let init = d && ts.isVariableDeclaration(d) ? d.initializer : undefined;
    while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init)))
      init = init.expression;
    const e = init && ts.isArrayLiteralExpression(init) ? init.elements[index] : undefined;
    return e ? whereOf(this.file, e.getStart(this.file), e.getEnd()) : this.of(name);
  }

  /** Where `name = { …, key: … }` sets `key`; else where `name` is declared. */
  property(name: string, key: string): Where {
    const d = this.declaration(name);
    let init = d && ts.isVariableDeclaration(d) ? d.initializer : undefined;
    while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init)))
      init = init.expression;
    if (init && ts.isObjectLiteralExpression(init)) {
      const p = init.properties.find((q) => q.name && (ts.isIdentifier(q.name) || ts.isStringLiteral(q.name)) && q.name.text === key);
      if (p) return whereOf(this.file, p.getStart(this.file), p.getEnd());
    }
    return this.of(name);
  }
}

/** Edit distance, for "did you mean" hints on misspelt names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length];
}

const ALIASES: Record<string, string> = {
  lr: 'learningRate',
  learning_rate: 'learningRate',
  learningrate: 'learningRate',
  iterations: 'steps',
  maxSteps: 'steps',
  batch_size: 'batchSize',
  weight_decay: 'weightDecay',
};

export function closest(word: string, choices: readonly string[]): string | undefined {
  if (ALIASES[word] && choices.includes(ALIASES[word])) return ALIASES[word];
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of choices) {
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

const isCount = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min;

/**
 * `config`'s own settings, read once into a plain object: a getter or a Proxy that throws is an
 * error at the `config` line (not an unexplained crash), and one that answers differently on each
 * read cannot pass the checks with one value and train with another.
 */
function plainCopy(config: object, at: Declarations): Record<string, unknown> {
  try {
    // The keys the tutor reads are read as a learner's code would read them (config.optimizer), so
    // a config that answers them without owning them (a Proxy, a getter on the prototype) is
    // neither ignored nor allowed to answer one way now and another way later.
    const read = (key: string) => (config as Record<string, unknown>)[key];
    const copy: Record<string, unknown> = Object.fromEntries(Object.keys(config).map((key) => [key, read(key)]));
    for (const key of CONFIG_KEYS) {
      if (key in copy) continue;
      const v = read(key);
      if (v !== undefined) copy[key] = v;
    }
    return copy;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw learnerErrors.badConfig(
      `\`config\`의 값을 읽다가 오류가 났습니다: ${message}. 숫자와 문자열만 담은 객체로 쓰세요.`,
      `reading \`config\` threw: ${message}. Write it as an object of plain numbers and strings.`,
      at.of('config'),
    );
  }
}

/** Validates `config`; returns it with the warnings it deserves (unknown keys). */
export function checkConfig(config: unknown, at: Declarations): { config?: Record<string, unknown>; warnings: LearnerError[] } {
  if (config === undefined) return { warnings: [] };
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw learnerErrors.badConfig(
      '`config`는 `{ optimizer: "adam", learningRate: 0.01 }` 같은 객체여야 합니다.',
      '`config` must be an object such as `{ optimizer: "adam", learningRate: 0.01 }`.',
      at.of('config'),
    );
  }
  const c = plainCopy(config, at);
  const where = (key: string) => at.property('config', key);
  if (c.optimizer !== undefined && !(OPTIMIZER_NAMES as readonly unknown[]).includes(c.optimizer)) {
    const guess = typeof c.optimizer === 'string' ? closest(c.optimizer, OPTIMIZER_NAMES) : undefined;
    throw learnerErrors.badConfig(
      `알 수 없는 옵티마이저입니다: '${String(c.optimizer)}'.${guess ? ` 비슷한 이름: '${guess}'.` : ''} 쓸 수 있는 것: ${OPTIMIZER_NAMES.join(', ')}`,
      `unknown optimizer '${String(c.optimizer)}'.${guess ? ` Did you mean '${guess}'?` : ''} Available: ${OPTIMIZER_NAMES.join(', ')}`,
      where('optimizer'),
    );
  }
  if (c.learningRate !== undefined && !(typeof c.learningRate === 'number' && Number.isFinite(c.learningRate) && c.learningRate >= 0)) {
    // 0 is allowed, as torch.optim allows it (and the CLI's --lr): the run then shows no movement.
    const got = typeof c.learningRate === 'number' ? { ko: String(c.learningRate), en: String(c.learningRate) } : valueText(c.learningRate);
    throw learnerErrors.badConfig(
      `학습률(learningRate)은 0 이상의 숫자여야 합니다. 지금 값: ${got.ko}. 예: \`learningRate: 0.1\``,
      `learningRate must be a number of at least 0, got ${got.en}. For example \`learningRate: 0.1\`.`,
      where('learningRate'),
    );
  }
  for (const [key, min] of [
    ['steps', 0],
    ['epochs', 1],
    ['batchSize', 1],
  ] as const) {
    if (c[key] !== undefined && !isCount(c[key], min)) {
      throw learnerErrors.badConfig(
        `${key} 설정은 ${min} 이상의 정수여야 합니다. 지금 값: ${String(c[key])}.`,
        `${key} must be a whole number ≥ ${min}, got ${String(c[key])}.`,
        where(key),
      );
    }
  }
  if (c.tolerance !== undefined && !(typeof c.tolerance === 'number' && c.tolerance >= 0)) {
    throw learnerErrors.badConfig(
      `tolerance 설정은 0 이상의 숫자여야 합니다. 지금 값: ${String(c.tolerance)}.`,
      `tolerance must be a number ≥ 0, got ${String(c.tolerance)}.`,
      where('tolerance'),
    );
  }
  if (c.testSplit !== undefined && !(typeof c.testSplit === 'number' && c.testSplit >= 0 && c.testSplit < 1)) {
    throw learnerErrors.badConfig(
      `testSplit(학습에 쓰지 않고 떼어 둘 데이터의 비율)은 0 이상 1 미만의 숫자여야 합니다. 지금 값: ${String(c.testSplit)}. 예: \`testSplit: 0.25\` (데이터의 25%를 검증용으로 떼어 둡니다)`,
      `testSplit (the fraction of data held out for validation) must be a number in [0, 1), got ${String(c.testSplit)}. For example \`testSplit: 0.25\`.`,
      where('testSplit'),
    );
  }
  if (c.damping !== undefined && !(typeof c.damping === 'number' && Number.isFinite(c.damping) && c.damping >= 0)) {
    throw learnerErrors.badConfig(
      `damping(뉴턴 방법의 감쇠 λ)은 0 이상의 유한한 숫자여야 합니다(받은 값: ${String(c.damping)}). 0은 순수한 뉴턴 스텝이고, 빼면 기본 안전장치를 씁니다.`,
      `damping (Newton's λ in H + λI) must be a finite number ≥ 0, got ${String(c.damping)}. 0 is the plain Newton step; leave it out for the default safeguard.`,
      where('damping'),
    );
  }
  const known = CONFIG_KEYS as readonly string[];
  const warnings = Object.keys(c)
    .filter((k) => !known.includes(k))
    .map((k) => learnerErrors.unknownConfigKey(k, closest(k, known), where(k)));
  return { config: c, warnings };
}

const isPair = (b: unknown): b is [number, number] =>
  Array.isArray(b) && b.length === 2 && b.every((v) => typeof v === 'number' && Number.isFinite(v)) && b[0] < b[1];

/** `bounds`: one [low, high] per parameter; a single flat pair means "this window for every parameter". */
export function checkBounds(bounds: unknown, dimension: number, at: Declarations): Array<[number, number]> | undefined {
  if (bounds === undefined) return undefined;
  if (isPair(bounds)) return Array.from({ length: dimension }, () => [bounds[0], bounds[1]]);
  if (!Array.isArray(bounds) || bounds.length === 0 || bounds.length > dimension || !bounds.every(isPair))
    throw learnerErrors.badBounds(at.of('bounds'));
  return bounds as Array<[number, number]>;
}

export function checkData(data: unknown, at: Declarations): unknown[] | undefined {
  if (data === undefined) return undefined;
  if (!Array.isArray(data) || data.length === 0) throw learnerErrors.badData(at.of('data'));
  return data;
}

/** What a field holds, for comparing samples: a kind, and an array's length. */
function fieldKind(v: unknown): { ko: string; en: string; length?: number } {
  if (v === undefined) return { ko: '없음', en: 'missing' };
  if (v === null) return { ko: 'null', en: 'null' };
  if (Array.isArray(v)) return { ko: '배열', en: 'an array', length: v.length };
  switch (typeof v) {
    case 'number':
      return { ko: '숫자', en: 'a number' };
    case 'string':
      return { ko: '문자열', en: 'a string' };
    case 'boolean':
      return { ko: '참/거짓 값', en: 'a boolean' };
    default:
      return { ko: '객체', en: 'an object' };
  }
}

/** A sample whose field differs from what most samples hold there (oddSample). */
export interface OddSample {
  index: number;
  field: string;
  problem: { ko: string; en: string };
}

/**
 * The first sample (plain objects only) whose field is missing, of another kind, or an array of
 * another length, where more than half of the samples (at least two) agree. A sample that has a
 * field most others lack is not odd (an optional field). The caller confirms that the loss fails
 * on it before saying so: a field the loss never reads is no error.
 */
export function oddSample(data: readonly unknown[]): OddSample | undefined {
  if (data.length < 3 || !data.every((d) => typeof d === 'object' && d !== null && !Array.isArray(d))) return undefined;
  const samples = data as ReadonlyArray<Record<string, unknown>>;
  const fields = new Set<string>();
  for (const s of samples) for (const k of Object.keys(s)) fields.add(k);
  const n = samples.length;
  for (const field of fields) {
    const kinds = samples.map((s) => fieldKind(s[field]));
    const key = (k: { en: string; length?: number }) => `${k.en}/${k.length ?? ''}`;
    const counts = new Map<string, number>();
    for (const k of kinds) counts.set(key(k), (counts.get(key(k)) ?? 0) + 1);
    const [usualKey, m] = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
    if (counts.size < 2 || m < 2 || m * 2 <= n || usualKey.startsWith('missing')) continue;
    const index = kinds.findIndex((k) => key(k) !== usualKey);
    const usual = kinds.find((k) => key(k) === usualKey) as ReturnType<typeof fieldKind>;
    const odd = kinds[index];
    const problem =
      odd.length !== undefined && usual.length !== undefined
        ? {
            ko: `배열 길이가 다릅니다(이 표본: ${odd.length}, 전체 ${n}개 가운데 ${m}개: ${usual.length}).`,
            en: `an array of length ${odd.length}, where ${m} of the ${n} samples have length ${usual.length}.`,
          }
        : odd.en === 'missing'
          ? {
              ko: `이 표본에는 없습니다(전체 표본 ${n}개 가운데 ${m}개에는 ${usual.ko} 값으로 있습니다).`,
              en: `missing here, while ${m} of the ${n} samples have it (${usual.en}).`,
            }
          : {
              ko: `이 표본의 값 종류는 ${odd.ko}, 전체 ${n}개 가운데 ${m}개의 값 종류는 ${usual.ko}.`,
              en: `${odd.en} here, ${usual.en} in ${m} of the ${n} samples.`,
            };
    return { index, field, problem };
  }
  return undefined;
}

/** A data sample as the learner wrote it, short: `{"x":2}`. */
export function sampleText(sample: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(sample) ?? String(sample);
  } catch {
    text = String(sample);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export interface Parameters {
  shape: ParamShape;
  names: string[];
  init?: number[];
  sizedBy: SizedBy;
}

/**
 * The loss's parameter shape: from `init` (checked against the signature), else the signature,
 * else the length of `bounds` (nested pairs only), else — for an array parameter that declares no
 * size, or an untyped one only guessed to be a number — the length of the point the caller gives
 * (`pointLength`: `--at`, `--init`, a start from the panel, the array passed to the library).
 * `sizedBy` says which, so that a point of another length can be told where the size came from.
 */
export function resolveParameters(
  exports: Record<string, unknown>,
  param: ts.ParameterDeclaration | undefined,
  file: ts.SourceFile,
  at: Declarations,
  lossWhere: Where,
  pointLength?: number,
): Parameters {
  const signature: ShapeInfo | undefined = shapeFromSignature(param, file);
  const baseName = param && ts.isIdentifier(param.name) ? param.name.text : 'p';
  if (exports.init !== undefined) {
    const shape = shapeOfValue(exports.init);
    const expected =
      signature && !signature.guessed
        ? describeShape(signature.shape)
        : { ko: '유한한 숫자, 숫자 배열, 또는 숫자로 된 객체', en: 'a finite number, an array of numbers or an object of numbers' };
    if (!shape) throw learnerErrors.badInit(expected.ko, expected.en, valueText(exports.init), at.of('init'));
    if (signature && !signature.guessed && !sameShape(signature.shape, shape)) {
      const got = describeShape(shape);
      throw learnerErrors.badInit(expected.ko, expected.en, got, at.of('init'));
    }
    const names = shape.kind === 'object' ? shape.keys : signature && !signature.guessed ? signature.names : namesFor(shape, baseName);
    return { shape, names, init: flatten(shape, exports.init), sizedBy: 'init' };
  }
  // An untyped `loss(p)` is only guessed to take one number: a longer point says otherwise.
  const pointSized = pointLength !== undefined && pointLength > 0;
  if (signature && !(signature.guessed && pointSized && pointLength !== 1))
    return { shape: signature.shape, names: signature.names, sizedBy: signature.guessed ? 'guess' : 'signature' };
  const b = exports.bounds;
  if (Array.isArray(b) && b.length > 0 && b.every(Array.isArray)) {
    const shape: ParamShape = { kind: 'array', length: b.length };
    return { shape, names: namesFor(shape, baseName), sizedBy: 'bounds' };
  }
  if (pointSized) {
    const shape: ParamShape = { kind: 'array', length: pointLength };
    return { shape, names: namesFor(shape, baseName), sizedBy: 'point' };
  }
  throw learnerErrors.unknownShape(lossWhere);
}

/** A value as the messages show it, in both languages. */
function valueText(v: unknown): { ko: string; en: string } {
  if (typeof v === 'number') return { ko: `숫자 ${v}`, en: String(v) };
  if (Array.isArray(v))
    return {
      ko: `원소 ${v.length}개짜리 배열(유한한 숫자가 아닌 원소 포함)`,
      en: `an array of ${v.length} that holds something other than a finite number`,
    };
  const en = describe(v);
  return { ko: koreanDescription(en), en };
}
