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
 * transformFusionTree.ts finds the candidates and builds their trees; transformFusionCode.ts writes each function's code. The functions are appended to the module's
 * JavaScript (moduleLoader.ts), after the source-mapped code: a frame inside one maps to no line,
 * so an error there is reported at the learner's call.
 */
import ts from 'typescript';
import { bare } from './transformSyntax';
import { fusedFunctionSource, type Tree } from './transformFusionCode';
import { COMPOUND_KIND, TreeBuilder, constantOf, inClassField, usesLeaf, type Hint, type Leaf, type Step } from './transformFusionTree';

/** Larger trees are split (their subtrees fuse on their own): the functions stay small. */
export const MAX_LEAVES = 24;

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
