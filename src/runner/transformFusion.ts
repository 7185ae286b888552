/**
 * Expression fusion: one tape node per *expression* instead of one per operator.
 *
 * A learner's loop body such as
 *
 *     s += (p[i] - i / 100) ** 2 * (1 + 0.1 * Math.sin(p[i]))
 *
 * is eight operators. Transformed one operator at a time it makes eight runtime calls and records
 * eight tape nodes per iteration. Fused, the transformer writes one function for the whole
 * expression tree — straight-line JavaScript that computes the value and, by reverse mode inside
 * the expression, the partial derivative of the result with respect to each leaf (here s, p[i],
 * i, p[i]) — and records a single node whose parents are the leaves that are active. This is
 * statement-level preaccumulation (as in ADOL-C and Tapenade): the chain rule is the same, it is
 * just applied to the small expression tree at compile time instead of node by node at run time.
 *
 *     __gdf0(s, p[i], i, p[i])                     the call that replaces the expression
 *     function __gdf0(x0, x1, x2, x3)              all plain numbers → native arithmetic
 *     function __gdf0a(x0, x1, x2, x3)             numbers and Vars → value, partials, one node
 *                                                   (up to three active leaves; past that a
 *                                                   chain: the tape's nodes have ≤ 3 parents)
 *                                                   anything else (hyper-duals, strings …) → the
 *                                                   per-operator runtime calls, as unfused
 *
 * Exactness. Forward values are computed by the same formulas as the per-operator runtime (x ** 2
 * is x·x, Math.f through the rules table), so values are identical to the bit. Each partial is
 * formed exactly as the tape's reverse sweep would form it — local derivative × adjoint, with a
 * zero adjoint passing nothing on (which keeps 0·∞ out, tape.ts) — and only the order of the final
 * multiplications differs, so gradients agree to rounding (~1e-16 relative).
 *
 * Evaluation order. The call evaluates every leaf, left to right, before any operator. JavaScript
 * applies each operator as soon as its operands are ready, which can only be told apart when an
 * operator has a side effect (an object's valueOf, a BigInt mix that throws) *and* a later leaf
 * has one too. So a leaf that might have side effects (a call, an assignment) is allowed only
 * where no operator of the tree has completed before it (`w * relu(x) + b` fuses; `a * b + f()`
 * does not, its parts are fused separately).
 *
 * What fuses: + − × ÷, unary −, `** k` with a literal k, and the one-argument Math functions of
 * the rules table. `%`, `**` with a computed exponent and other calls are leaves. A tree needs at
 * least two operators to be worth a function; at most MAX_LEAVES leaves.
 *
 * Accumulating. A `s += …` that transformAccumulate.ts allows gets a variant that takes its loop
 * run's token first and grows one accumulator node across iterations (tape.ts) instead of adding a
 * node per iteration.
 *
 * transformFusionCode.ts writes each function's code. The functions are appended to the module's
 * JavaScript (moduleLoader.ts), after the source-mapped code: a frame inside one maps to no line,
 * so an error there is reported at the learner's call.
 */
import ts from 'typescript';
import { bare } from './transformSyntax';
import { fusedFunctionSource, type BinaryOp, type Tree } from './transformFusionCode';

/** Larger trees are split (their subtrees fuse on their own): the functions stay small. */
export const MAX_LEAVES = 24;

/** One-argument Math functions whose runtime is `Math.f(x)` for numbers and one rules-table node for a Var. */
const FUSIBLE_MATH = new Set([
  'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sqrt', 'cbrt', 'sin', 'cos', 'tan',
  'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'abs',
]);


const BINARY_KIND: Partial<Record<ts.SyntaxKind, BinaryOp>> = {
  [ts.SyntaxKind.PlusToken]: 'add',
  [ts.SyntaxKind.MinusToken]: 'sub',
  [ts.SyntaxKind.AsteriskToken]: 'mul',
  [ts.SyntaxKind.SlashToken]: 'div',
};

const COMPOUND_KIND: Partial<Record<ts.SyntaxKind, BinaryOp | 'pow'>> = {
  [ts.SyntaxKind.PlusEqualsToken]: 'add',
  [ts.SyntaxKind.MinusEqualsToken]: 'sub',
  [ts.SyntaxKind.AsteriskEqualsToken]: 'mul',
  [ts.SyntaxKind.SlashEqualsToken]: 'div',
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: 'pow',
};

/** A leaf: an original expression still to be transformed, or one the caller already transformed. */
type Leaf = { source: ts.Expression } | { ready: ts.Expression };

export interface FusionContext {
  factory: ts.NodeFactory;
  /** Transforms a leaf expression (the transformer's own visitor). */
  visit: (e: ts.Expression) => ts.Expression;
  /** Whether `name` at `node` is the JavaScript global. */
  isGlobal: (node: ts.Node, name: string) => boolean;
  /** Places a new node where `original` was, for the source map. */
  at: <T extends ts.Node>(node: T, original: ts.Node) => T;
  /** The runtime object's name in the module (`__gd`). */
  runtime: string;
}

/** Numeric value of a literal as written (`1_000`, `0x10`, `1e-3`). */
function literalValue(n: ts.NumericLiteral): number {
  return Number(n.text.replace(/_/g, ''));
}

/** A numeric literal, or − / + before one: a number written down. */
function constantOf(e: ts.Expression): number | undefined {
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
  if (x.kind === ts.SyntaxKind.ThisKeyword || x.kind === ts.SyntaxKind.TrueKeyword || x.kind === ts.SyntaxKind.FalseKeyword || x.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPropertyAccessExpression(x)) return !x.questionDotToken && x.expression.kind !== ts.SyntaxKind.SuperKeyword && isPure(x.expression, isGlobal);
  if (ts.isElementAccessExpression(x)) return !x.questionDotToken && x.expression.kind !== ts.SyntaxKind.SuperKeyword && isPure(x.expression, isGlobal) && isPure(x.argumentExpression, isGlobal);
  if (ts.isBinaryExpression(x)) {
    const k = x.operatorToken.kind;
    const operator = BINARY_KIND[k] || k === ts.SyntaxKind.PercentToken || k === ts.SyntaxKind.AsteriskAsteriskToken;
    return !!operator && isPure(x.left, isGlobal) && isPure(x.right, isGlobal);
  }
  if (ts.isPrefixUnaryExpression(x)) return (x.operator === ts.SyntaxKind.MinusToken || x.operator === ts.SyntaxKind.PlusToken) && isPure(x.operand, isGlobal);
  if (ts.isCallExpression(x)) return mathCallee(x, isGlobal) !== undefined && x.arguments.every((a) => !ts.isSpreadElement(a) && isPure(a, isGlobal));
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
class TreeBuilder {
  readonly leaves: Leaf[] = [];
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
    return { kind: 'leaf', index: this.leaves.length - 1 };
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
      this.operators++;
      return a.kind === 'const' ? { kind: 'const', value: -a.value } : { kind: 'neg', a };
    }
    const call = x as ts.CallExpression;
    const a = this.build(call.arguments[0]);
    this.operators++;
    const fn = mathCallee(call, this.isGlobal) as string;
    return { kind: 'math', fn, a };
  }

  binary(op: BinaryOp, a: Tree, b: Tree): Tree {
    this.operators++;
    if (a.kind === 'const' && b.kind === 'const') return { kind: 'const', value: fold(op, a.value, b.value) };
    return { kind: 'binary', op, a, b };
  }

  pow(a: Tree, k: number): Tree {
    this.operators++;
    if (a.kind === 'const') return { kind: 'const', value: powValue(a.value, k) };
    return { kind: 'pow', a, k };
  }
}

function usesLeaf(t: Tree, index: number): boolean {
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

/**
 * The fusion pass's state for one file: tries candidates and collects the functions it writes.
 */
export class Fusion {
  /** JavaScript of every fused function so far, to append to the module. */
  readonly functions: string[] = [];

  constructor(private readonly ctx: FusionContext) {}

  /** `node` (a candidate the visitor reached first, so the root of its tree) as one call, or undefined. */
  expression(node: ts.Expression): ts.Expression | undefined {
    const builder = new TreeBuilder(this.ctx.isGlobal);
    const tree = builder.build(node);
    return this.emit(builder, tree, node);
  }

  /**
   * `x op= right` as `x = <fused read op right>`: `read` is the target's (already transformed) read.
   * With `token` (the loop run's, transformAccumulate.ts) a `+=` / `-=` accumulates: its node grows
   * from one iteration to the next instead of adding one.
   */
  compound(node: ts.BinaryExpression, read: ts.Expression, token?: ts.Expression): ts.Expression | undefined {
    const op = COMPOUND_KIND[node.operatorToken.kind];
    if (!op) return undefined;
    const builder = new TreeBuilder(this.ctx.isGlobal);
    const a = builder.leaf({ ready: read });
    let tree: Tree;
    if (op === 'pow') {
      const k = constantOf(node.right);
      if (k === undefined) return undefined;
      tree = builder.pow(a, k);
    } else {
      tree = builder.binary(op, a, builder.build(node.right));
    }
    return this.emit(builder, tree, node, op === 'add' || op === 'sub' ? token : undefined);
  }

  private emit(builder: TreeBuilder, tree: Tree, original: ts.Node, token?: ts.Expression): ts.Expression | undefined {
    if (!builder.ok || builder.operators < 2 || builder.leaves.length === 0 || builder.leaves.length > MAX_LEAVES) return undefined;
    if (tree.kind === 'const' || tree.kind === 'leaf') return undefined;
    const f = this.ctx.factory;
    const name = `__gdf${this.functions.length}`;
    // Accumulating only where the running sum is leaf 0 at the root (y = x0 ± …) and nowhere else in the tree.
    const accumulate = token !== undefined && tree.kind === 'binary' && tree.a.kind === 'leaf' && tree.a.index === 0 && !usesLeaf(tree.b, 0);
    this.functions.push(fusedFunctionSource(name, tree, builder.leaves.length, this.ctx.runtime, accumulate));
    const args = builder.leaves.map((l) => ('ready' in l ? l.ready : this.ctx.visit(l.source)));
    return this.ctx.at(f.createCallExpression(f.createIdentifier(name), undefined, accumulate ? [token, ...args] : args), original);
  }
}
