/**
 * How many parameters a loss has and what they are called — from its `init` export or, failing
 * that, from the first parameter of `loss` as written (syntax only, no type checker):
 *
 *   loss(w: number) / loss(w) in JavaScript     → one scalar "w" (JS: only a guess, init wins)
 *   loss([x, y]: number[]) / loss([x, y])       → an array of 2 named x, y
 *   loss(p: [number, number])                   → an array of 2 named p[0], p[1]
 *   loss({ a, b }) / loss(p: { a: number; b: number }) / loss(p: Params) with
 *     `type Params = { a: number; b: number }` or `interface Params { … }` in the file
 *                                               → an object with keys a, b
 *   loss(p: number[])                           → an array whose length comes from `init` or `bounds`
 */
import ts from 'typescript';
import type { ParamShape } from '../engine/evaluate';

/** What decided how many parameters a loss takes ('guess': an untyped `loss(p)`, taken as one number). */
export type SizedBy = 'init' | 'signature' | 'guess' | 'bounds' | 'point';

export interface ShapeInfo {
  shape: ParamShape;
  names: string[];
  /** Only a guess (an untyped `loss(p)` in JavaScript): `init` overrides it without complaint. */
  guessed?: boolean;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The shape a start value implies (a number, an array of numbers, an object of numbers). */
export function shapeOfValue(init: unknown): ParamShape | undefined {
  if (isFiniteNumber(init)) return { kind: 'scalar' };
  if (ArrayBuffer.isView(init) && !(init instanceof DataView)) init = Array.from(init as unknown as ArrayLike<number>);
  if (Array.isArray(init)) return init.length > 0 && init.every(isFiniteNumber) ? { kind: 'array', length: init.length } : undefined;
  if (typeof init === 'object' && init !== null && Object.keys(init).length > 0 && Object.values(init).every(isFiniteNumber))
    return { kind: 'object', keys: Object.keys(init) };
  return undefined;
}

/** Flattens a value of the shape into numbers, in the shape's order. */
export function flatten(shape: ParamShape, value: unknown): number[] {
  if (shape.kind === 'scalar') return [value as number];
  if (shape.kind === 'array') return Array.from(value as ArrayLike<number>);
  const o = value as Record<string, number>;
  return shape.keys.map((k) => o[k]);
}

export function describeShape(shape: ParamShape): { ko: string; en: string } {
  if (shape.kind === 'scalar') return { ko: '숫자 하나', en: 'a number' };
  if (shape.kind === 'array') return { ko: `숫자 ${shape.length}개짜리 배열`, en: `an array of ${shape.length} numbers` };
  return { ko: `{ ${shape.keys.join(', ')} } 객체`, en: `an object with ${shape.keys.join(', ')}` };
}

/** Whether two shapes take the same parameters (object keys in any order). */
export function sameShape(a: ParamShape, b: ParamShape): boolean {
  if (a.kind === 'scalar' || b.kind === 'scalar') return a.kind === b.kind;
  if (a.kind === 'array' && b.kind === 'array') return a.length === b.length;
  if (a.kind === 'object' && b.kind === 'object') return a.keys.length === b.keys.length && a.keys.every((k) => b.keys.includes(k));
  return false;
}

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

const isExported = (st: ts.Statement) =>
  ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** A top-level function or function-valued const of this name (exported or not). */
function functionNamed(file: ts.SourceFile, name: string, mustExport: boolean): { node: ts.Node; fn: FunctionNode } | undefined {
  for (const st of file.statements) {
    if (mustExport && !isExported(st)) continue;
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) return { node: st, fn: st };
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && d.name.text === name && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          return { node: d, fn: init };
      }
    }
  }
  return undefined;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** The declaration of the exported `loss` and its first parameter, found syntactically. */
export function lossDeclaration(file: ts.SourceFile): { node: ts.Node; fn: FunctionNode; param?: ts.ParameterDeclaration } | undefined {
  let found = functionNamed(file, 'loss', true);
  if (!found) {
    // `function f(…) {…}  export { f as loss }`
    for (const st of file.statements) {
      if (!ts.isExportDeclaration(st) || st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
      for (const el of st.exportClause.elements) {
        if (el.name.text === 'loss') found = functionNamed(file, (el.propertyName ?? el.name).text, false);
      }
    }
  }
  return found && { ...found, param: found.fn.parameters[0] };
}

/** Keys of a type literal or of a `type`/`interface` of that name declared in the file. */
function objectKeys(type: ts.TypeNode, file: ts.SourceFile): string[] | undefined {
  const members = (list: ts.NodeArray<ts.TypeElement>) =>
    list.flatMap((m) => (ts.isPropertySignature(m) && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
  if (ts.isTypeLiteralNode(type)) return members(type.members);
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    for (const st of file.statements) {
      if (ts.isInterfaceDeclaration(st) && st.name.text === name) return members(st.members);
      if (ts.isTypeAliasDeclaration(st) && st.name.text === name) return objectKeys(st.type, file);
    }
  }
  return undefined;
}

/** Shape from the source alone, when the signature says enough. */
export function shapeFromSignature(param: ts.ParameterDeclaration | undefined, file: ts.SourceFile): ShapeInfo | undefined {
  if (!param) return undefined;
  const name = param.name;
  if (ts.isArrayBindingPattern(name)) {
    // `[x, ...rest]` says nothing about the length.
    if (name.elements.some((e) => ts.isBindingElement(e) && e.dotDotDotToken)) return undefined;
    const names = name.elements.map((e, i) => (ts.isBindingElement(e) && ts.isIdentifier(e.name) ? e.name.text : `p[${i}]`));
    return { shape: { kind: 'array', length: names.length }, names };
  }
  if (ts.isObjectBindingPattern(name)) {
    if (name.elements.some((e) => e.dotDotDotToken)) return undefined;
    const keys = name.elements.map((e) => {
      const key = e.propertyName ?? e.name;
      return ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : '';
    });
    return keys.every(Boolean) ? { shape: { kind: 'object', keys }, names: keys } : undefined;
  }
  const type = param.type;
  if (!type) return { shape: { kind: 'scalar' }, names: [name.text], guessed: true };
  if (type.kind === ts.SyntaxKind.NumberKeyword) return { shape: { kind: 'scalar' }, names: [name.text] };
  if (ts.isTupleTypeNode(type) && type.elements.every((e) => !ts.isRestTypeNode(e) && !ts.isOptionalTypeNode(e))) {
    return { shape: { kind: 'array', length: type.elements.length }, names: type.elements.map((_, i) => `${name.text}[${i}]`) };
  }
  const keys = objectKeys(type, file);
  if (keys && keys.length) return { shape: { kind: 'object', keys }, names: keys };
  return undefined; // number[], Float64Array, any …: the length must come from init or bounds
}

export function namesFor(shape: ParamShape, base: string): string[] {
  if (shape.kind === 'scalar') return [base];
  if (shape.kind === 'object') return shape.keys;
  return Array.from({ length: shape.length }, (_, i) => `${base}[${i}]`);
}
