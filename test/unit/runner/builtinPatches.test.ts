/**
 * The built-in objects a loss file shares with the engine (src/runner/learnerBuiltins.ts, the
 * sealed room): a file that changes `Object.prototype`, `Array.prototype.map`, `JSON.parse` … stops with
 * builtinPatched at its line instead of changing the run (`Object.prototype.learningRate = 50`
 * made SGD run at η = 50; a replaced `Array.prototype.map` gave empty parameters), whether the
 * syntax shows the change or only the run does, and nothing of the change outlives the error.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';
import { LearnerError } from '../../../src/runner/learnerErrors';
import { runIsolated } from '../../../src/worker/isolatedRun';
import { adoptHostSettings, restoreBuiltins } from '../../../src/runner/learnerBuiltins';
import { OPTIMIZER_NAMES } from '../../../src/engine/optim';
import { BAD_DIR } from './badFixtures';

const FILE = '/learner/builtins.ts';
const ROOT = path.resolve(__dirname, '../../..');

/** compileLoss must throw builtinPatched at `line` (and name `what` when given), in both languages. */
function refused(source: string, line: number, what?: string, fileName = FILE): LearnerError {
  let error: unknown;
  try {
    compileLoss(source, fileName);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof LearnerError, `expected builtinPatched, got ${String(error)}\n${source}`);
  assert.equal(error.code, 'builtinPatched', `${error.en}\n${source}`);
  assert.equal(error.severity, 'error');
  assert.equal(error.line, line, `line of ${error.en}\n${source}`);
  assert.match(error.ko, /손실 파일이 JavaScript 내장 객체를 바꿉니다\. 바뀐 곳: /);
  assert.match(error.ko, /다른 이름의 함수로 만들어 호출하세요/);
  assert.match(error.en, /The loss file changes a built-in JavaScript object: /);
  if (what !== undefined) {
    assert.ok(error.ko.includes(`바뀐 곳: ${what}.`), `${error.ko}\nshould name ${what}`);
    assert.ok(error.en.includes(`object: ${what}.`), `${error.en}\nshould name ${what}`);
  }
  return error;
}

/** One statement inside the loss (line 3 of the file). */
const inLoss = (statement: string) =>
  `export const init = [1];\nexport function loss([w]: number[]) {\n  ${statement}\n  return (w - 3) ** 2;\n}`;
/** One statement at the top level (line 2 of the file). */
const atTop = (statement: string) =>
  `export const init = [1];\n${statement}\nexport function loss([w]: number[]) {\n  return (w - 3) ** 2;\n}`;

const QUADRATIC = 'export const init = [1];\nexport function loss([w]: number[]) {\n  return (w - 3) ** 2;\n}';

/** The realm as it was: nothing of a refused file left in the built-ins, and a clean file trains as it should. */
function assertIntact(): void {
  // As a compile does: the host's own settings (Error.stackTraceLimit) are the host's to change.
  adoptHostSettings();
  assert.equal(restoreBuiltins(), undefined, 'a built-in was left changed');
  assert.equal(({} as Record<string, unknown>).learningRate, undefined);
  assert.deepEqual(
    [1, 2].map((x) => x * 2),
    [2, 4],
  );
  assert.equal(JSON.stringify({ a: [1] }), '{"a":[1]}');
  const run = trainLoss(compileLoss(QUADRATIC, '/learner/clean.ts'), { optimizer: 'sgd', steps: 3 });
  assert.equal(run.options.learningRate, 0.1);
  assert.deepEqual(
    run.params.map((p) => p.length),
    [1, 1, 1, 1],
  );
  // w ← w − 0.1·2(w − 3) from w = 1.
  assert.equal(run.params[1][0], 1 - 0.1 * 2 * (1 - 3));
}

describe('built-ins: a change the syntax shows is refused at its line', () => {
  afterEach(assertIntact);

  it('the two examples above: Object.prototype.learningRate = 50 and a replaced Array.prototype.map, never a run', () => {
    refused(atTop('(Object.prototype as any).learningRate = 50;'), 2, 'Object.prototype.learningRate');
    refused(atTop('(Array.prototype as any).map = function () { return []; };'), 2, 'Array.prototype.map');
    const e = refused(inLoss('(Object.prototype as any).learningRate = 50;'), 3, 'Object.prototype.learningRate');
    assert.deepEqual([e.column, e.endLine], [3, 3]);
  });

  it('every form of write: assignment, compound, ??=, ++, delete, destructuring, for…of, X.prototype = …, X.y = … on a constructor or namespace', () => {
    const cases: Array<[string, string]> = [
      ['(Array.prototype as any).sum = () => 0;', 'Array.prototype.sum'],
      ['(Array as any).prototype = {};', 'Array.prototype'],
      ['(Array.prototype as any)["map"] = null;', 'Array.prototype["map"]'],
      ['(String.prototype as any).suffix += "!";', 'String.prototype.suffix'],
      ['(Number.prototype as any).count++;', 'Number.prototype.count'],
      ['--(Number as any).EPSILON;', 'Number.EPSILON'],
      ['(Object.prototype as any).learningRate ??= 50;', 'Object.prototype.learningRate'],
      ['delete (Array.prototype as any).map;', 'Array.prototype.map'],
      ['[(Array.prototype as any).first] = [1];', 'Array.prototype.first'],
      ['({ a: (Object.prototype as any).b } = { a: 1 });', 'Object.prototype.b'],
      ['[(Object.prototype as any).c = 2] = [];', 'Object.prototype.c'],
      ['for ((Object.prototype as any).k of [1, 2]) {}', 'Object.prototype.k'],
      ['JSON.parse = () => ({});', 'JSON.parse'],
      ['(Array as any).isArray = () => false;', 'Array.isArray'],
      ['(Reflect as any).apply = null;', 'Reflect.apply'],
      ['(Error as any).stackTraceLimit = 0;', 'Error.stackTraceLimit'],
      ['(TypeError.prototype as any).name = "x";', 'TypeError.prototype.name'],
      ['(Promise.prototype as any).then = null;', 'Promise.prototype.then'],
      ['(Map.prototype as any).get = null;', 'Map.prototype.get'],
      ['(Set.prototype as any).has = null;', 'Set.prototype.has'],
      ['(WeakMap.prototype as any).x = 1;', 'WeakMap.prototype.x'],
      ['(WeakSet.prototype as any).x = 1;', 'WeakSet.prototype.x'],
      ['(RegExp.prototype as any).test = null;', 'RegExp.prototype.test'],
      ['(Date as any).now = () => 0;', 'Date.now'],
      ['(Symbol.prototype as any).x = 1;', 'Symbol.prototype.x'],
      ['(Boolean.prototype as any).x = 1;', 'Boolean.prototype.x'],
      ['(Function.prototype as any).x = 1;', 'Function.prototype.x'],
      ['(Float64Array.prototype as any).map = null;', 'Float64Array.prototype.map'],
      ['(Object.getPrototypeOf(Float64Array.prototype) as any).fill = null;', 'Object.getPrototypeOf(Float64Array.prototype).fill'],
      ['(ArrayBuffer as any).isView = null;', 'ArrayBuffer.isView'],
      ['(Array.prototype.map as any).call = null;', 'Array.prototype.map.call'],
      ['(Array as any) = null;', 'Array'],
      ['({ Array } = { Array: null } as any);', 'Array'],
    ];
    for (const [statement, what] of cases) {
      refused(inLoss(statement), 3, what);
      refused(atTop(statement), 2, what);
    }
  });

  it('Object.defineProperty / defineProperties / assign / setPrototypeOf / freeze / seal / preventExtensions, and the Reflect versions, on a built-in', () => {
    const cases: Array<[string, string]> = [
      ['Object.defineProperty(Array.prototype, "sum", { value: () => 0 });', 'Array.prototype'],
      ['Object.defineProperties(Number.prototype, { x: { value: 1 } });', 'Number.prototype'],
      ['Object.assign(Array.prototype, { sum() { return 0; } });', 'Array.prototype'],
      ['Object.setPrototypeOf(Array.prototype, null);', 'Array.prototype'],
      ['Object.setPrototypeOf(Float64Array, Array);', 'Float64Array'],
      ['Object.freeze(Object.prototype);', 'Object.prototype'],
      ['Object.seal(JSON);', 'JSON'],
      ['Object.preventExtensions(Array.prototype);', 'Array.prototype'],
      ['Reflect.set(Object.prototype, "learningRate", 50);', 'Object.prototype'],
      ['Reflect.defineProperty(Array.prototype, "x", { value: 1 });', 'Array.prototype'],
      ['Reflect.deleteProperty(Array.prototype, "map");', 'Array.prototype'],
      ['Reflect.setPrototypeOf(Map.prototype, null);', 'Map.prototype'],
      ['Object.defineProperty(globalThis, "Array", { value: null });', 'globalThis.Array'],
      ['Reflect.set(globalThis, "JSON", null);', 'globalThis.JSON'],
      ['Object.assign(globalThis, { JSON: null });', 'globalThis'],
      ['(Array.prototype as any).push(1);', 'Array.prototype'],
      ['(Object.prototype as any).__defineGetter__("x", () => 1);', 'Object.prototype'],
    ];
    for (const [statement, what] of cases) refused(inLoss(statement), 3, what);
  });

  it('__proto__, constructor and Object.getPrototypeOf on a literal, and the global object’s bindings', () => {
    const cases: Array<[string, string]> = [
      ['([] as any).__proto__.map = null;', '[].__proto__.map'],
      ['({} as any).__proto__.learningRate = 50;', '{}.__proto__.learningRate'],
      ['((0) as any).__proto__.x = 1;', '0.__proto__.x'],
      ["(('' as any).__proto__).x = 1;", "''.__proto__.x"],
      ['((() => 0) as any).__proto__.x = 1;', '() => 0.__proto__.x'],
      ['(Object.getPrototypeOf([]) as any).map = null;', 'Object.getPrototypeOf([]).map'],
      ['(Reflect.getPrototypeOf({}) as any).x = 1;', 'Reflect.getPrototypeOf({}).x'],
      ['(([] as any).constructor as any).prototype.map = null;', '[].constructor.prototype.map'],
      ['(new Map() as any).__proto__.get = null;', 'new Map().__proto__.get'],
      ['(Array.prototype as any).__proto__ = null;', 'Array.prototype.__proto__'],
      ['(globalThis as any).Array = null;', 'globalThis.Array'],
      ['(globalThis as any).Math = null;', 'globalThis.Math'],
      ['(globalThis as any).JSON.stringify = null;', 'globalThis.JSON.stringify'],
      ["(globalThis as any)['Float64Array'].prototype.fill = null;", "globalThis['Float64Array'].prototype.fill"],
      ['delete (globalThis as any).Array;', 'globalThis.Array'],
    ];
    for (const [statement, what] of cases) refused(inLoss(statement), 3, what);
  });

  it('a change inside an imported helper: at the import in the trained file, naming the helper and its line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-builtins-'));
    try {
      writeFileSync(
        path.join(dir, 'helper.ts'),
        'export const twice = (x: number) => 2 * x;\n(Array.prototype as any).sum = function () { return 0; };\n',
      );
      const e = refused(
        "import { twice } from './helper';\nexport const init = [2];\nexport function loss([w]: number[]) { return twice(w) * w; }",
        1,
        'Array.prototype.sum',
        path.join(dir, 'loss.ts'),
      );
      assert.match(e.ko, /helper\.ts 2번째 줄/);
      assert.match(e.en, /in helper\.ts, line 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the bad-input corpus holds both examples above and an alias', () => {
    for (const f of ['builtin-object-prototype.ts', 'builtin-array-map.ts', 'builtin-alias.ts'])
      assert.match(readFileSync(path.join(BAD_DIR, f), 'utf8'), /^\/\/ expect: builtinPatched line=\d+\n/);
  });
});

describe('built-ins: a change only the run shows is found, undone, and refused', () => {
  afterEach(assertIntact);

  it('an alias at the top level: found after loading, shown where the alias starts', () => {
    const e = refused(
      'export const init = [1];\nconst P: any = Object.prototype;\nP.learningRate = 50;\nexport function loss([w]: number[]) { return (w - 3) ** 2; }',
      2,
      'Object.prototype.learningRate',
    );
    assert.equal(e.column, 16);
    refused(
      'export const init = [1];\nconst A: any = Array.prototype;\nA.map = function () { return []; };\nexport function loss([w]: number[]) { return (w - 3) ** 2; }',
      2,
      'Array.prototype.map',
    );
  });

  it('inside the loss: found after its first evaluation', () => {
    refused(inLoss('const P: any = Object.prototype; P.learningRate = 50;'), 3, 'Object.prototype.learningRate');
    refused(inLoss('const A: any = Array.prototype; A.map = () => [];'), 3, 'Array.prototype.map');
  });

  it('computed names, prototypes reached through a variable, descriptors, prototypes and deletions', () => {
    const cases: Array<[string, string]> = [
      // The global object with a computed name.
      ["(globalThis as any)['Obj' + 'ect'].prototype.learningRate = 50;", 'Object.prototype.learningRate'],
      ["(globalThis as any)['JS' + 'ON'] = null;", 'globalThis.JSON'],
      // A prototype reached through a value.
      ['const xs: any = [1]; Object.getPrototypeOf(xs).map = () => [];', 'Array.prototype.map'],
      ['const o: any = {}; o.__proto__.learningRate = 50;', 'Object.prototype.learningRate'],
      ['const t: any = new Float64Array(1); Object.getPrototypeOf(Object.getPrototypeOf(t)).fill = null;', 'TypedArray.prototype.fill'],
      // Only a descriptor changes: `for…in` over every object would list toString.
      ['const P: any = Object.prototype; Object.defineProperty(P, "toString", { enumerable: true });', 'Object.prototype.toString'],
      // Added without being enumerable, deleted, re-parented.
      ['const A: any = Array.prototype; Reflect.defineProperty(A, "sum", { value: 1, configurable: true });', 'Array.prototype.sum'],
      ['const J: any = JSON; delete J.parse;', 'JSON.parse'],
      ['const M: any = Map.prototype; Object.setPrototypeOf(M, null);', 'Object.setPrototypeOf(Map.prototype, …)'],
      ['const A: any = Array.prototype; A.push(7);', 'Array.prototype["0"]'],
      // What the comparison itself could trip on: an inherited `get`, a replaced push, a replaced Object.
      ['const P: any = Object.prototype; P.get = () => 1;', 'Object.prototype.get'],
      ['const A: any = Array.prototype; A.push = null; A.splice = null;', 'Array.prototype.push'],
      ["(globalThis as any)['Obj' + 'ect'] = null; (globalThis as any)['Ref' + 'lect'] = null;", 'globalThis.Object'],
      // The host's own setting, changed by the loss: put back to the host's value.
      ['const E: any = Error; E.stackTraceLimit = 0;', 'Error.stackTraceLimit'],
      // The Set a loss file constructs (identityRuntime.ts).
      ['const S: any = Set; S.prototype.add = null;', 'Set.prototype.add'],
    ];
    for (const [statement, what] of cases) {
      const e = refused(inLoss(statement), 3, what);
      assert.equal(e.line, 3);
    }
  });

  it('what cannot be put back (a member made non-configurable) is reported once, and not blamed on the next file', () => {
    // DataView.prototype keeps a harmless extra member for the rest of this process.
    refused(
      inLoss('const D: any = DataView.prototype; Object.defineProperty(D, "stuckForTest", { value: 1 });'),
      3,
      'DataView.prototype.stuckForTest',
    );
    assert.equal(Object.getOwnPropertyDescriptor(DataView.prototype, 'stuckForTest')?.configurable, false);
    // afterEach: no change reported any more, and a clean file trains.
  });

  it('a change followed by an error while loading: the change is reported, and undone', () => {
    refused(
      "export const init = [1];\nconst P: any = Object.prototype;\nP.learningRate = 50;\nthrow new Error('boom');\nexport function loss([w]: number[]) { return (w - 3) ** 2; }",
      2,
      'Object.prototype.learningRate',
    );
  });

  it('a change made during training stops the run with the error, never a result (and η stays the file’s)', () => {
    const src = `export const init = [1];
let calls = 0;
export function loss([w]: number[]) {
  if (++calls === 40) { const P: any = Object.prototype; P.learningRate = 50; }
  return (w - 3) ** 2;
}`;
    const loss = compileLoss(src, FILE);
    assert.throws(
      () => trainLoss(loss, { optimizer: 'sgd', steps: 100 }),
      (e: unknown) =>
        e instanceof LearnerError && e.code === 'builtinPatched' && e.line === 4 && e.en.includes('Object.prototype.learningRate'),
    );
  });

  it('a change made by an evaluation after the compile (surface, analysis) is refused before the run reads its options', () => {
    const src = `export const init = [1];
let calls = 0;
export function loss([w]: number[]) {
  if (++calls === 10) { const P: any = Object.prototype; P.learningRate = 50; }
  return (w - 3) ** 2;
}`;
    const loss = compileLoss(src, FILE);
    for (let i = 0; i < 10; i++) loss.value([i]);
    let seen: number | undefined;
    assert.throws(
      () => trainLoss(loss, { optimizer: 'sgd', steps: 5 }, { onOptions: (o) => (seen = o.learningRate) }),
      (e: unknown) => e instanceof LearnerError && e.code === 'builtinPatched',
    );
    assert.equal(seen, undefined, 'no run started');
  });

  it('a long run is stopped soon after the change, not at its end', () => {
    const src = `export const init = [1];
let calls = 0;
export function loss([w]: number[]) {
  if (++calls === 100) { const P: any = Array.prototype; P.sum = 1; }
  return (w - 3) ** 2;
}`;
    const loss = compileLoss(src, FILE);
    let last = 0;
    assert.throws(
      () => trainLoss(loss, { optimizer: 'sgd', steps: 2_000_000 }, { onProgress: (e) => (last = e.step) }),
      (e: unknown) => e instanceof LearnerError && e.code === 'builtinPatched',
    );
    assert.ok(last < 2_000_000, `stopped at step ${last}`);
  });

  it('every protected built-in, its prototype and its global binding, changed through an alias: found and put back', () => {
    const names = [
      'Object',
      'Function',
      'Array',
      'Number',
      'String',
      'Boolean',
      'Symbol',
      'BigInt',
      'Error',
      'EvalError',
      'RangeError',
      'ReferenceError',
      'SyntaxError',
      'TypeError',
      'URIError',
      'AggregateError',
      'Map',
      'Set',
      'WeakMap',
      'WeakSet',
      'Promise',
      'RegExp',
      'Date',
      'ArrayBuffer',
      'DataView',
      'Int8Array',
      'Uint8Array',
      'Uint8ClampedArray',
      'Int16Array',
      'Uint16Array',
      'Int32Array',
      'Uint32Array',
      'Float32Array',
      'Float64Array',
      'BigInt64Array',
      'BigUint64Array',
    ];
    // The name computed, so that only the run can see what is changed.
    const named = (name: string) => `(globalThis as any)[String.fromCharCode(${[...name].map((c) => c.charCodeAt(0)).join(', ')})]`;
    for (const name of names) {
      refused(inLoss(`${named(name)}.extra = 1;`), 3, `${name}.extra`);
      refused(inLoss(`${named(name)}.prototype.extra = 1;`), 3, `${name}.prototype.extra`);
      refused(inLoss(`${named(name)} = 1;`), 3, `globalThis.${name}`);
    }
    for (const name of ['JSON', 'Reflect', 'Atomics']) refused(inLoss(`${named(name)}.extra = 1;`), 3, `${name}.extra`);
  });
});

describe('built-ins: what is not a change to them', () => {
  afterEach(assertIntact);

  it('a file’s own variable of the same name is its own object', () => {
    const src = `export const init = [2];
function shadowed(Object: any) { Object.prototype.x = 1; return Object.prototype.x; }
export function loss([w]: number[]) {
  const Array = { prototype: { map: 0 } as any, isArray: 0 as any };
  Array.prototype.map = 2;
  Array.isArray = 3;
  const JSON = { parse: (s: string) => s.length };
  JSON.parse = (s: string) => s.length * 2;
  const globalThis = { Array: 1 };
  globalThis.Array = 4;
  return w * Array.prototype.map * Array.isArray + JSON.parse('ab') + shadowed({ prototype: {} }) + globalThis.Array;
}`;
    // 6w + 4 + 1 + 4 at w = 2: 21; ∂/∂w = 6.
    const r = compileLoss(src, FILE).valueAndGrad([2]);
    assert.equal(r.value, 21);
    assert.equal(r.gradient[0], 6);
  });

  it('reading built-ins, using them as values, and changing one’s own objects: no error', () => {
    const src = `export const init = [1, 2];
export const data = [{ x: 1, y: 2 }, { x: 2, y: 4 }];
class Stack extends Array<number> {}
class Problem extends Error {}
enum Kind { A, B }
namespace Util { export const k = 1; }
const own: any = {};
Object.defineProperty(own, 'k', { value: 1 });
Object.assign(own, { m: 2 });
Object.freeze(own);
const child = Object.setPrototypeOf({}, Array.prototype);
const made = Object.create(Object.prototype);
made.x = 1;
const proto: any = Object.getPrototypeOf(own);
const ok = proto === Object.prototype && Array.isArray([]) && child instanceof Array;
const xs = [1, 2, 3].map(Number).filter(Boolean);
const sorted = [...xs].sort((a, b) => b - a);
const copy = Object.fromEntries(Object.entries({ a: 1 }));
const text = JSON.stringify({ xs, sorted, copy, k: Kind.B, u: Util.k });
const slice = Array.prototype.slice.call([1, 2, 3], 1);
const typed = Float64Array.from([1, 2]);
const map = new Map([['a', 1]]);
const set = new Set([1, 2]);
for (const [k, v] of map) made[k] = v;
for (const v of set) made.s = v;
const s = new Stack();
s.push(1);
export function loss([a, b]: number[], batch: { x: number; y: number }[]) {
  if (!ok || text.length === 0 || slice.length !== 2 || typed.length !== 2 || s.length !== 1) throw new Problem('unexpected');
  const errors = batch.map(({ x, y }) => a * x + b - y);
  return errors.reduce((sum, e) => sum + e * e, 0) / batch.length;
}`;
    const loss = compileLoss(src, FILE);
    assert.deepEqual(loss.warnings, []);
    const run = trainLoss(loss, { steps: 20 });
    assert.equal(run.params.length, 21);
  });

  it('the nn library, every optimizer and the TypeScript helpers (classes, async, generators, spread, optional chaining): no false alarm', () => {
    const src = `import { nn } from 'gdtutor';
export const data = [{ x: [0, 1], y: 1 }, { x: [1, 0], y: 0 }, { x: [1, 1], y: 1 }];
const model = nn.sequential(nn.linear(2, 4), nn.tanh(), nn.linear(4, 1));
export const init = model.init(3);
async function never() { await Promise.resolve(1); }
function* count() { yield 1; yield 2; }
const counted = [...count()];
const maybe: { a?: { b?: number } } = {};
const found = maybe.a?.b ?? counted.length;
export function loss(p: number[], batch: { x: number[]; y: number }[]) {
  void never;
  if (found !== 2) throw new Error('optional chaining');
  return nn.mse(model.forward(p, batch.map((s) => s.x)), batch.map((s) => [s.y]));
}`;
    const loss = compileLoss(src, FILE);
    // TypeScript's own helpers: decorators (__esDecorate, __setFunctionName), `using` (__addDisposableResource).
    const helpers = `function logged<T extends new (...a: any[]) => object>(value: T, _context: ClassDecoratorContext) { return value; }
@logged
class Box { constructor(public v: number) {} }
function scoped() {
  using res = { [Symbol.dispose]() {} };
  return res ? 1 : 0;
}
export const init = [1];
export function loss([w]: number[]) { return (w - 3) ** 2 * new Box(2).v * scoped(); }`;
    assert.equal(trainLoss(compileLoss(helpers, '/learner/helpers.ts'), { steps: 3 }).params.length, 4);
    // Newton needs the Hessian, which networks do not give (hyper-dual numbers): on a plain loss.
    for (const optimizer of OPTIMIZER_NAMES) {
      const run = trainLoss(optimizer === 'newton' ? compileLoss(QUADRATIC, '/learner/newton.ts') : loss, { optimizer, steps: 5 });
      assert.equal(run.params.length > 1, true, optimizer);
    }
  });

  it('the host may set Error.stackTraceLimit between compiles (a setting of the host, not the engine)', () => {
    const limit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 7;
      trainLoss(compileLoss(QUADRATIC, FILE), { steps: 2 });
      assert.equal(Error.stackTraceLimit, 7);
    } finally {
      Error.stackTraceLimit = limit;
    }
  });
});

describe('built-ins: the two examples above through the worker and the CLI', function () {
  this.timeout(120_000);
  const examples = ['builtin-object-prototype.ts', 'builtin-array-map.ts', 'builtin-alias.ts'];

  for (const file of examples) {
    it(`${file} in a worker: builtinPatched as data, no run`, async () => {
      const fileName = path.join(BAD_DIR, file);
      let progressed = false;
      const run = runIsolated(
        { kind: 'train', source: readFileSync(fileName, 'utf8'), fileName, options: { steps: 5 } },
        { onProgress: () => (progressed = true), onOptions: () => (progressed = true) },
        { timeoutMs: 60_000 },
      );
      const outcome = await run.done;
      assert.equal(outcome.ok, false);
      assert.equal(outcome.ok ? undefined : outcome.error.code, 'builtinPatched');
      assert.equal(progressed, false);
    });
  }

  it('a frozen Object.prototype (through an alias, so only the run sees it) in a worker: builtinPatched, not a crash', async () => {
    const source =
      'export const init = [1];\nconst P: any = Object.prototype;\nObject.freeze(P);\nexport function loss([w]: number[]) { return (w - 3) ** 2; }';
    const outcome = await runIsolated(
      { kind: 'train', source, fileName: path.join(BAD_DIR, 'frozen.ts'), options: { steps: 5 } },
      {},
      { timeoutMs: 60_000 },
    ).done;
    assert.equal(outcome.ok ? undefined : outcome.error.code, 'builtinPatched');
    assert.equal(outcome.ok ? undefined : outcome.error.line, 2);
  });

  it('node dist/cli.js train: exit status 1 and the message, not a run at η = 50 or empty parameters', () => {
    for (const file of examples) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'train', path.join(BAD_DIR, file), '--steps', '5'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
      });
      assert.equal(r.status, 1, `${file}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /손실 파일이 JavaScript 내장 객체를 바꿉니다/);
      assert.doesNotMatch(r.stdout, /학습률 50|최종 매개변수/);
    }
  });
});
