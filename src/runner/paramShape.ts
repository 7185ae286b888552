/**
 * How many parameters a loss has and what they are called, from its `init` export or, failing
 * that, from the first parameter of `loss` in the source:
 *   loss(w: number) / loss(w)        → one scalar "w"
 *   loss([x, y]: number[])            → an array of 2 named x, y
 *   loss({ a, b }) / loss(p: {a: number; b: number}) → an object with keys a, b
 *   loss(p: number[])                 → an array whose length comes from `init` or `bounds`
 */
import ts from 'typescript';
import type { ParamShape } from '../engine/evaluate';

export interface ShapeInfo {
  shape: ParamShape;
  names: string[];
  /** Only a guess (an untyped `loss(p)` in JavaScript): `init` overrides it without complaint. */
  guessed?: boolean;
}

/** The shape a start value implies (a number, an array of numbers, an object of numbers). */
export function shapeOfValue(init: unknown): ParamShape | undefined {
  if (typeof init === 'number') return { kind: 'scalar' };
  if (Array.isArray(init) && init.every((v) => typeof v === 'number')) return { kind: 'array', length: init.length };
  if (typeof init === 'object' && init !== null && Object.values(init).every((v) => typeof v === 'number')) return { kind: 'object', keys: Object.keys(init) };
  return undefined;
}

/** Flattens a value of the shape into numbers (undefined when it does not fit). */
export function flatten(shape: ParamShape, value: unknown): number[] | undefined {
  if (shape.kind === 'scalar') return typeof value === 'number' ? [value] : Array.isArray(value) && value.length === 1 && typeof value[0] === 'number' ? [value[0]] : undefined;
  if (shape.kind === 'array') return Array.isArray(value) && value.length === shape.length && value.every((v) => typeof v === 'number') ? [...value] : undefined;
  if (typeof value !== 'object' || value === null) return Array.isArray(value) && value.length === shape.keys.length ? [...value] : undefined;
  const o = value as Record<string, unknown>;
  return shape.keys.every((k) => typeof o[k] === 'number') ? shape.keys.map((k) => o[k] as number) : undefined;
}

export function describeShape(shape: ParamShape): string {
  if (shape.kind === 'scalar') return 'a number';
  if (shape.kind === 'array') return `an array of ${shape.length} numbers`;
  return `an object with ${shape.keys.join(', ')}`;
}

/** The declaration of the exported `loss` and its first parameter, found syntactically. */
export function lossParameter(file: ts.SourceFile): { decl: ts.Node; param?: ts.ParameterDeclaration } | undefined {
  for (const st of file.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(st) && st.name?.text === 'loss' && exported) return { decl: st, param: st.parameters[0] };
    if (ts.isVariableStatement(st) && exported) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === 'loss' && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          return { decl: d, param: d.initializer.parameters[0] };
        }
      }
    }
  }
  return undefined;
}

/** Shape from the source alone, when the signature says enough. */
export function shapeFromSignature(param: ts.ParameterDeclaration | undefined): ShapeInfo | undefined {
  if (!param) return undefined;
  const name = param.name;
  if (ts.isArrayBindingPattern(name)) {
    const names = name.elements.map((e, i) => (ts.isBindingElement(e) && ts.isIdentifier(e.name) ? e.name.text : `p${i}`));
    return { shape: { kind: 'array', length: names.length }, names };
  }
  if (ts.isObjectBindingPattern(name)) {
    const keys = name.elements.map((e) => (e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : ts.isIdentifier(e.name) ? e.name.text : ''));
    return { shape: { kind: 'object', keys }, names: keys };
  }
  const type = param.type;
  if (type && ts.isTypeLiteralNode(type)) {
    const keys = type.members.flatMap((m) => (ts.isPropertySignature(m) && m.name && ts.isIdentifier(m.name) ? [m.name.text] : []));
    return { shape: { kind: 'object', keys }, names: keys };
  }
  if (type && (ts.isArrayTypeNode(type) || (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && /Array/.test(type.typeName.text)))) return undefined; // length unknown
  if (!type) return { shape: { kind: 'scalar' }, names: [name.text], guessed: true };
  if (type.kind === ts.SyntaxKind.NumberKeyword) return { shape: { kind: 'scalar' }, names: [name.text] };
  return undefined;
}

export function namesFor(shape: ParamShape, base: string): string[] {
  if (shape.kind === 'scalar') return [base];
  if (shape.kind === 'object') return shape.keys;
  return Array.from({ length: shape.length }, (_, i) => `${base}[${i}]`);
}
