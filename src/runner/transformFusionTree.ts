/**
 * The expression trees of fusion (transformFusion.ts): which expressions are candidates, and the
 * tree of one candidate built in JavaScript's evaluation order, with the leaf reads and operator
 * applications (steps) the fused code must keep in that order.
 */
import ts from 'typescript';
import { bare } from './transformSyntax';
import type { BinaryOp, Tree } from './transformFusionCode';

/** One-argument Math functions whose runtime is `Math.f(x)` for numbers and one rules-table node for a Var. */
const FUSIBLE_MATH = new Set([
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'sqrt',
  'cbrt',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'abs',
]);

const BINARY_KIND: Partial<Record<ts.SyntaxKind, BinaryOp>> = {
  [ts.SyntaxKind.PlusToken]: 'add',
  [ts.SyntaxKind.MinusToken]: 'sub',
  [ts.SyntaxKind.AsteriskToken]: 'mul',
  [ts.SyntaxKind.SlashToken]: 'div',
};

export const COMPOUND_KIND: Partial<Record<ts.SyntaxKind, BinaryOp | 'pow'>> = {
  [ts.SyntaxKind.PlusEqualsToken]: 'add',
  [ts.SyntaxKind.MinusEqualsToken]: 'sub',
  [ts.SyntaxKind.AsteriskEqualsToken]: 'mul',
  [ts.SyntaxKind.SlashEqualsToken]: 'div',
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: 'pow',
};

/** A leaf: an original expression still to be transformed, or one the caller already transformed. */
export type Leaf = { source: ts.Expression } | { ready: ts.Expression };

export type Hint = 'default' | 'number';

/** One thing JavaScript does while evaluating the tree, in order: read leaf `read`, or apply an operator (`converts`: its leaf operands). */
export type Step = { read: number } | { converts: Array<{ leaf: number; hint: Hint }> };

/** Numeric value of a literal as written (`1_000`, `0x10`, `1e-3`). */
function literalValue(n: ts.NumericLiteral): number {
  return Number(n.text.replace(/_/g, ''));
}

/** A numeric literal, or − / + before one: a number written down. */
export function constantOf(e: ts.Expression): number | undefined {
  const x = bare(e);
  if (ts.isNumericLiteral(x)) return literalValue(x);
  if (ts.isPrefixUnaryExpression(x) && ts.isNumericLiteral(bare(x.operand))) {
    if (x.operator === ts.SyntaxKind.MinusToken) return -literalValue(bare(x.operand) as ts.NumericLiteral);
    if (x.operator === ts.SyntaxKind.PlusToken) return literalValue(bare(x.operand) as ts.NumericLiteral);
  }
  return undefined;
}

/** `x ** k` exactly as the runtime computes it for numbers (arithmetic.ts): k = 2 is x·x. */
function powValue(x: number, k: number): number {
  return k === 2 ? x * x : x ** k;
}

function fold(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
  }
}

/**
 * Reading it has no side effect and cannot throw in a way an operator's timing could reveal:
 * names, literals, `this`, member reads of such, and operators and Math calls over them.
 */
function isPure(e: ts.Expression, isGlobal: (node: ts.Node, name: string) => boolean): boolean {
  const x = bare(e);
  if (ts.isIdentifier(x) || ts.isNumericLiteral(x) || ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) return true;
  if (
    x.kind === ts.SyntaxKind.ThisKeyword ||
    x.kind === ts.SyntaxKind.TrueKeyword ||
    x.kind === ts.SyntaxKind.FalseKeyword ||
    x.kind === ts.SyntaxKind.NullKeyword
  )
    return true;
  if (ts.isPropertyAccessExpression(x))
    return !x.questionDotToken && x.expression.kind !== ts.SyntaxKind.SuperKeyword && isPure(x.expression, isGlobal);
  if (ts.isElementAccessExpression(x))
    return (
      !x.questionDotToken &&
      x.expression.kind !== ts.SyntaxKind.SuperKeyword &&
      isPure(x.expression, isGlobal) &&
      isPure(x.argumentExpression, isGlobal)
    );
  if (ts.isBinaryExpression(x)) {
    const k = x.operatorToken.kind;
    const operator = BINARY_KIND[k] || k === ts.SyntaxKind.PercentToken || k === ts.SyntaxKind.AsteriskAsteriskToken;
    return !!operator && isPure(x.left, isGlobal) && isPure(x.right, isGlobal);
  }
  if (ts.isPrefixUnaryExpression(x))
    return (x.operator === ts.SyntaxKind.MinusToken || x.operator === ts.SyntaxKind.PlusToken) && isPure(x.operand, isGlobal);
  if (ts.isCallExpression(x))
    return mathCallee(x, isGlobal) !== undefined && x.arguments.every((a) => !ts.isSpreadElement(a) && isPure(a, isGlobal));
  return false;
}

/** `Math.f(…)` with the global Math: the function's name. */
function mathCallee(call: ts.CallExpression, isGlobal: (node: ts.Node, name: string) => boolean): string | undefined {
  const callee = bare(call.expression);
  if (call.questionDotToken || !ts.isPropertyAccessExpression(callee) || callee.questionDotToken) return undefined;
  const owner = bare(callee.expression);
  if (!ts.isIdentifier(owner) || owner.text !== 'Math' || !isGlobal(owner, 'Math')) return undefined;
  return callee.name.text;
}

/** A fusible root: + − × ÷ with an operator, unary −, `** k`, or `Math.f(x)`. */
export function isFusionCandidate(node: ts.Node, isGlobal: (node: ts.Node, name: string) => boolean): node is ts.Expression {
  if (ts.isBinaryExpression(node)) {
    const k = node.operatorToken.kind;
    return !!BINARY_KIND[k] || (k === ts.SyntaxKind.AsteriskAsteriskToken && constantOf(node.right) !== undefined);
  }
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && constantOf(node) === undefined;
  if (ts.isCallExpression(node)) {
    const fn = mathCallee(node, isGlobal);
    return fn !== undefined && FUSIBLE_MATH.has(fn) && node.arguments.length === 1 && !ts.isSpreadElement(node.arguments[0]);
  }
  return false;
}

/** Builds the tree of one candidate, or says it cannot be fused. */
export class TreeBuilder {
  readonly leaves: Leaf[] = [];
  /** What JavaScript would do, in its order (leaf reads and operator applications). */
  readonly steps: Step[] = [];
  operators = 0;
  ok = true;

  constructor(private readonly isGlobal: (node: ts.Node, name: string) => boolean) {}

  leaf(leaf: Leaf): Tree {
    if ('source' in leaf) {
      const x = bare(leaf.source);
      // A string is concatenated, not added: fusing would only ever take the slow path.
      if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x) || ts.isTemplateExpression(x)) this.ok = false;
      // A leaf with side effects after an operator has been applied would change the order.
      else if (this.operators > 0 && !isPure(leaf.source, this.isGlobal)) this.ok = false;
    }
    this.leaves.push(leaf);
    this.steps.push({ read: this.leaves.length - 1 });
    return { kind: 'leaf', index: this.leaves.length - 1 };
  }

  /** An operator applied to `operands`: the leaves among them are converted now. */
  private applied(hint: Hint, ...operands: Tree[]): void {
    this.operators++;
    this.steps.push({ converts: operands.flatMap((t) => (t.kind === 'leaf' ? [{ leaf: t.index, hint }] : [])) });
  }

  /** The tree of `e`, in JavaScript's evaluation order (left operand first). */
  build(e: ts.Expression): Tree {
    const c = constantOf(e);
    if (c !== undefined) return { kind: 'const', value: c };
    const x = bare(e);
    if (!isFusionCandidate(x, this.isGlobal)) return this.leaf({ source: e });
    if (ts.isBinaryExpression(x)) {
      if (x.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken) {
        const a = this.build(x.left);
        return this.pow(a, constantOf(x.right) as number);
      }
      const a = this.build(x.left);
      const b = this.build(x.right);
      return this.binary(BINARY_KIND[x.operatorToken.kind] as BinaryOp, a, b);
    }
    if (ts.isPrefixUnaryExpression(x)) {
      const a = this.build(x.operand);
      this.applied('number', a);
      return a.kind === 'const' ? { kind: 'const', value: -a.value } : { kind: 'neg', a };
    }
    const call = x as ts.CallExpression;
    const a = this.build(call.arguments[0]);
    this.applied('number', a);
    const fn = mathCallee(call, this.isGlobal) as string;
    return { kind: 'math', fn, a };
  }

  binary(op: BinaryOp, a: Tree, b: Tree): Tree {
    this.applied(op === 'add' ? 'default' : 'number', a, b);
    if (a.kind === 'const' && b.kind === 'const') return { kind: 'const', value: fold(op, a.value, b.value) };
    return { kind: 'binary', op, a, b };
  }

  pow(a: Tree, k: number): Tree {
    this.applied('number', a);
    if (a.kind === 'const') return { kind: 'const', value: powValue(a.value, k) };
    return { kind: 'pow', a, k };
  }
}

/** Inside a class field's initializer, not inside a function there. */
export function inClassField(n: ts.Node): boolean {
  for (let p = n.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassStaticBlockDeclaration(p)) return false;
    if (ts.isPropertyDeclaration(p)) return true;
  }
  return false;
}

export function usesLeaf(t: Tree, index: number): boolean {
  switch (t.kind) {
    case 'leaf':
      return t.index === index;
    case 'const':
      return false;
    case 'binary':
      return usesLeaf(t.a, index) || usesLeaf(t.b, index);
    default:
      return usesLeaf(t.a, index);
  }
}
