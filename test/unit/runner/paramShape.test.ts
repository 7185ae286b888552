import { strict as assert } from 'node:assert';
import ts from 'typescript';
import { lossDeclaration, shapeFromSignature, shapeOfValue, sameShape, flatten } from '../../../src/runner/paramShape';
import { compileLoss } from '../../../src/runner/compile';

function signature(source: string, fileName = 'loss.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  return shapeFromSignature(lossDeclaration(file)?.param, file);
}

describe('paramShape: the parameter shape from the loss signature', () => {
  it('w: number → one scalar named w', () => {
    assert.deepEqual(signature('export function loss(w: number) { return w; }'), { shape: { kind: 'scalar' }, names: ['w'] });
  });

  it('an untyped parameter (JavaScript) is only a guess', () => {
    assert.deepEqual(signature('export const loss = (w) => w;', 'loss.js'), { shape: { kind: 'scalar' }, names: ['w'], guessed: true });
  });

  it('[x, y]: number[] → an array of 2 named x, y (also an arrow function, also holes)', () => {
    assert.deepEqual(signature('export function loss([x, y]: number[]) { return x; }'), {
      shape: { kind: 'array', length: 2 },
      names: ['x', 'y'],
    });
    assert.deepEqual(signature('export const loss = ([a, , c]: number[]) => a;')?.shape, { kind: 'array', length: 3 });
  });

  it('[x, ...rest] and p: number[] leave the length to init or bounds', () => {
    assert.equal(signature('export function loss([x, ...rest]: number[]) { return x; }'), undefined);
    assert.equal(signature('export function loss(p: number[]) { return p[0]; }'), undefined);
    assert.equal(signature('export function loss(p: Float64Array) { return p[0]; }'), undefined);
  });

  it('p: [number, number] (a tuple) → an array of 2 named p[0], p[1]', () => {
    assert.deepEqual(signature('export function loss(p: [number, number]) { return p[0]; }'), {
      shape: { kind: 'array', length: 2 },
      names: ['p[0]', 'p[1]'],
    });
  });

  it('{ a, b } destructuring (with renames and defaults) → object keys', () => {
    assert.deepEqual(signature('export function loss({ a, b: beta, c = 1 }) { return a; }'), {
      shape: { kind: 'object', keys: ['a', 'b', 'c'] },
      names: ['a', 'b', 'c'],
    });
  });

  it('{ a: number; b: number } type literal, a type alias or an interface of the file → object keys', () => {
    assert.deepEqual(signature('export function loss(p: { a: number; b: number }) { return p.a; }')?.shape, {
      kind: 'object',
      keys: ['a', 'b'],
    });
    assert.deepEqual(signature('type P = { w: number; b: number };\nexport function loss(p: P) { return p.w; }')?.shape, {
      kind: 'object',
      keys: ['w', 'b'],
    });
    assert.deepEqual(signature('interface P { w: number; b: number }\nexport function loss(p: P) { return p.w; }')?.shape, {
      kind: 'object',
      keys: ['w', 'b'],
    });
  });

  it('finds loss through `export { f as loss }` and `export const loss = function …`', () => {
    assert.deepEqual(signature('function f([u, v]: number[]) { return u; }\nexport { f as loss };')?.names, ['u', 'v']);
    assert.deepEqual(signature('export const loss = function (z: number) { return z; };')?.names, ['z']);
  });
});

describe('paramShape: the shape of init', () => {
  it('a number, an array, a typed array, an object of finite numbers', () => {
    assert.deepEqual(shapeOfValue(1.5), { kind: 'scalar' });
    assert.deepEqual(shapeOfValue([1, 2]), { kind: 'array', length: 2 });
    assert.deepEqual(shapeOfValue(Float64Array.of(1, 2, 3)), { kind: 'array', length: 3 });
    assert.deepEqual(shapeOfValue({ a: 1, b: 2 }), { kind: 'object', keys: ['a', 'b'] });
  });

  it('rejects NaN, strings, empty arrays and objects, nested arrays', () => {
    for (const bad of [NaN, Infinity, 'x', [], {}, [[1]], [1, NaN], { a: 'x' }, null, undefined])
      assert.equal(shapeOfValue(bad), undefined, String(bad));
  });

  it('object shapes match whatever the key order; flatten follows the shape', () => {
    assert.ok(sameShape({ kind: 'object', keys: ['a', 'b'] }, { kind: 'object', keys: ['b', 'a'] }));
    assert.ok(!sameShape({ kind: 'object', keys: ['a', 'b'] }, { kind: 'object', keys: ['a', 'c'] }));
    assert.deepEqual(flatten({ kind: 'object', keys: ['b', 'a'] }, { a: 1, b: 2 }), [2, 1]);
  });
});

describe('paramShape through compileLoss: init, signature and bounds together', () => {
  it('p: number[] takes its length from init, else from bounds', () => {
    assert.equal(
      compileLoss('export const init = [1, 2, 3];\nexport function loss(p: number[]) { return p[0] * p[1] * p[2]; }').dimension,
      3,
    );
    const l = compileLoss('export const bounds = [[-1, 1], [-2, 2]];\nexport function loss(p: number[]) { return p[0] * p[1]; }');
    assert.deepEqual([l.dimension, l.paramNames], [2, ['p[0]', 'p[1]']]);
  });

  it('object init in another key order than the signature: names follow init, gradients follow names', () => {
    const l = compileLoss(
      'export const init = { b: 1, a: 2 };\nexport function loss({ a, b }: { a: number; b: number }) { return 3 * a + 5 * b; }',
    );
    assert.deepEqual(l.paramNames, ['b', 'a']);
    assert.deepEqual(l.init, [1, 2]);
    assert.deepEqual(Array.from(l.valueAndGrad([1, 2]).gradient), [5, 3]);
  });

  it('a JavaScript untyped parameter yields to an array init', () => {
    const l = compileLoss('exports.init = [1, 2];\nexports.loss = (p) => p[0] * p[1];', 'loss.js');
    assert.deepEqual(l.shape, { kind: 'array', length: 2 });
  });

  it('a flat [low, high] bounds pair is the window of every parameter', () => {
    const l = compileLoss('export const bounds = [-3, 3];\nexport function loss([x, y]: number[]) { return x * y; }');
    assert.deepEqual(l.bounds, [
      [-3, 3],
      [-3, 3],
    ]);
  });
});
