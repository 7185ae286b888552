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
 * Evaluation order. The call evaluates every leaf, left to right, before any operator, where
 * JavaScript applies each operator as soon as its operands are ready. The only user code an
 * operator of the tree can run is the conversion of a leaf operand that is an object (its
 * valueOf, toString or Symbol.toPrimitive; intermediate results are numbers, active values,
 * strings or bigints). It must run before every leaf that JavaScript reads after that operator
 * whose value it could change (`o * w + k` where o.valueOf sets k) or whose reading runs code it
 * could see (a getter): a property read, a global, a variable some other function writes (or a
 * parameter of a function that uses `arguments`). `this` and a local that only its own function
 * writes — the loss's parameters, a loop counter — cannot be told apart early or late
 * (Scopes.isStableLocal). So where an operator with a leaf operand completes before such a leaf is
 * read, the leaves up to there are read into temporaries and each operand converted at its
 * operator's place, as JavaScript would (ToPrimitive, hint "default" for +, "number" otherwise; a
 * number or a Var is left alone by a typeof/instanceof test, the rest goes through
 * `__gdx.primitive`), and the fused function receives the converted values:
 *
 *     o * w * 0.5 + k    →    (t1 = o, t2 = w, <convert t1, t2>, __gdf0(t1, t2, k))
 *     (1 - x) ** 2 + 100 * (y - x ** 2) ** 2    →    __gdf1(x, y, x)      x, y: the loss's parameters
 *
 * Operators that complete after the last leaf is read need nothing: the fused function applies
 * them (or, for odd operands, the per-operator runtime calls in the same post-order) after every
 * read, as JavaScript does. What is left is the order of *errors*: an operation that throws on its
 * converted operands (a BigInt mixed with a number) throws after the later leaves have been read
 * rather than before; those reads are side-effect free (below) except for a getter, so only a loss
 * that catches that TypeError and looks at what a getter did could tell. And a leaf that might
 * have side effects of its own (a call, an assignment) is allowed only where no operator of the
 * tree has completed before it (`w * relu(x) + b` fuses; `a * b + f()` does not, its parts are
 * fused separately), so no such call runs where JavaScript would have thrown first.
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
  /** The identity runtime's name (`__gdx`): its `primitive(x, hint)` converts a leaf operand. */
  identityRuntime: string;
  /** A new temporary variable of the function being transformed. */
  temp: () => ts.Identifier;
  /** Reading this identifier runs no code and nothing running meanwhile can change it (Scopes.isStableLocal). */
  isStableLocal: (id: ts.Identifier) => boolean;
}

type Hint = 'default' | 'number';

/** One thing JavaScript does while evaluating the tree, in order: read leaf `read`, or apply an operator (`converts`: its leaf operands). */
type Step = { read: number } | { converts: Array<{ leaf: number; hint: Hint }> };

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
class TreeBuilder {
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
function inClassField(n: ts.Node): boolean {
  for (let p = n.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassStaticBlockDeclaration(p)) return false;
    if (ts.isPropertyDeclaration(p)) return true;
  }
  return false;
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
    const { before, steps } = this.ordered(builder);
    // Leaves read before the last conversion go through temporaries (below). A class field's
    // initializer would share them with every instance (they are hoisted out of the class), and a
    // leaf may construct another instance meanwhile: not fused there.
    if (before > 0 && inClassField(original)) return undefined;
    const f = this.ctx.factory;
    const name = `__gdf${this.functions.length}`;
    // Accumulating only where the running sum is leaf 0 at the root (y = x0 ± …) and nowhere else in the tree.
    const accumulate =
      token !== undefined && tree.kind === 'binary' && tree.a.kind === 'leaf' && tree.a.index === 0 && !usesLeaf(tree.b, 0);
    this.functions.push(fusedFunctionSource(name, tree, builder.leaves.length, this.ctx.runtime, accumulate));
    const value = (l: Leaf) => ('ready' in l ? l.ready : this.ctx.visit(l.source));
    if (before === 0) {
      const args = builder.leaves.map(value);
      return this.ctx.at(f.createCallExpression(f.createIdentifier(name), undefined, accumulate ? [token, ...args] : args), original);
    }
    // Leaves read before the last conversion into temporaries, each conversion where JavaScript's operator makes it.
    const temps = new Map<number, ts.Identifier>();
    const parts: ts.Expression[] = [];
    for (const step of steps) {
      if ('read' in step) {
        const t = this.ctx.temp();
        temps.set(step.read, t);
        parts.push(f.createAssignment(t, value(builder.leaves[step.read])));
      } else {
        for (const c of step.converts) parts.push(this.convert(temps.get(c.leaf) as ts.Identifier, c.hint, original));
      }
    }
    const args = builder.leaves.map((l, i) => temps.get(i) ?? value(l));
    parts.push(this.ctx.at(f.createCallExpression(f.createIdentifier(name), undefined, accumulate ? [token, ...args] : args), original));
    return this.ctx.at(f.createParenthesizedExpression(f.createCommaListExpression(parts)), original);
  }

  /**
   * Whether reading this leaf later than JavaScript would can be told apart: anything but `this`
   * and a local that only its own function writes (a property read may be a getter or see a
   * change made by a valueOf; a global may be a getter of globalThis).
   */
  private orderMatters(leaf: Leaf): boolean {
    if ('ready' in leaf) return true;
    const x = bare(leaf.source);
    if (x.kind === ts.SyntaxKind.ThisKeyword) return false;
    return !(ts.isIdentifier(x) && this.ctx.isStableLocal(x));
  }

  /**
   * The steps up to the last operator that has a leaf operand and completes before a leaf whose
   * reading order matters (`before`: how many; 0 when there is none and the plain call keeps the
   * order: `(1 - x) ** 2 + 100 * (y - x ** 2) ** 2` with x and y the loss's own parameters).
   */
  private ordered(builder: TreeBuilder): { before: number; steps: Step[] } {
    let lastRead = -1;
    builder.steps.forEach((s, i) => {
      if ('read' in s && this.orderMatters(builder.leaves[s.read])) lastRead = i;
    });
    let before = 0;
    for (let i = 0; i < lastRead; i++) {
      const s = builder.steps[i];
      if ('converts' in s && s.converts.length > 0) before = i + 1;
    }
    return { before, steps: builder.steps.slice(0, before) };
  }

  /** `typeof t === "number" || t instanceof __gd.Var || (t = __gdx.primitive(t, hint))`: a leaf operand converted as its operator would. */
  private convert(t: ts.Identifier, hint: Hint, original: ts.Node): ts.Expression {
    const f = this.ctx.factory;
    const isNumber = f.createStrictEquality(f.createTypeOfExpression(t), f.createStringLiteral('number'));
    const isVar = f.createBinaryExpression(
      t,
      ts.SyntaxKind.InstanceOfKeyword,
      f.createPropertyAccessExpression(f.createIdentifier(this.ctx.runtime), 'Var'),
    );
    const primitive = f.createCallExpression(
      f.createPropertyAccessExpression(f.createIdentifier(this.ctx.identityRuntime), 'primitive'),
      undefined,
      [t, f.createStringLiteral(hint)],
    );
    const converted = f.createParenthesizedExpression(f.createAssignment(t, this.ctx.at(primitive, original)));
    return f.createLogicalOr(f.createLogicalOr(isNumber, isVar), converted);
  }
}
