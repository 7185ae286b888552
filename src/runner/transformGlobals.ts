/**
 * The globals and method calls the transformer (transform.ts) reroutes because JavaScript would
 * look at an active value's identity, truthiness or text instead of its number — places where the
 * engine's object (a Var standing for a number) would behave unlike the number without any error.
 * They go to `__gdx` (identityRuntime.ts) or to the runtime's own versions (`__gd`):
 *
 *   Math, isFinite, isNaN, Number(x), Number.isFinite/isNaN/isInteger/isSafeInteger, typeof x
 *                                                  → the runtime's versions, which see a number
 *   r.includes(x), r.indexOf(x), r.lastIndexOf(x), Object.is(a, b)  → compare by value
 *   r.sort(cmp), r.toSorted(cmp)                   → the comparator's result as a number; without
 *                                                    one, the elements' text as JavaScript sorts
 *   parseFloat(x), Number.parseFloat(x)            → an active x passes through
 *   x.valueOf(), structuredClone(x)                → an active x (also inside the clone) is kept
 *   Boolean(x)                                     → truthiness by value
 *   new Set(…), new Map(…)                         → refuse active keys (ActiveKeyError)
 *   x.toFixed(…), toPrecision, toExponential, x.toString(radix) → __gd.format(x): a plain or kept
 *                  number formats as itself, a live value is ActiveTextError (its text loses the gradient)
 *
 * Globals count only where the file does not bind the name itself (transformScope.ts).
 */
import ts from 'typescript';
import { bare, isValueReference } from './transformSyntax';

const NUMBER_CHECKS = new Set(['isFinite', 'isNaN', 'isInteger', 'isSafeInteger']);
const NUMBER_FORMATS = new Set(['toFixed', 'toPrecision', 'toExponential']);
const SEARCHES = new Set(['includes', 'indexOf', 'lastIndexOf']);
const SORTS = new Set(['sort', 'toSorted']);

/** What the rewrites need from the transformer that calls them. */
export interface RewriteTools {
  f: ts.NodeFactory;
  /** `__gd.name` and `__gdx.name`. */
  gd(name: string): ts.Expression;
  gdx(name: string): ts.Expression;
  /** A new node standing where `original` was (same source-map position). */
  at<T extends ts.Node>(node: T, original: ts.Node): T;
  call(callee: ts.Expression, args: readonly ts.Expression[], original: ts.Node): ts.Expression;
  /** The transformer's visit of a sub-expression. */
  expr(n: ts.Expression): ts.Expression;
  isGlobal(node: ts.Node, name: string): boolean;
  /** Whether the file declares this name anywhere (`typeof undeclared` must not throw). */
  isDeclared(id: ts.Identifier): boolean;
}

export function globalRewrites({ f, gd, gdx, at, call, expr, isGlobal, isDeclared }: RewriteTools) {
  /** What a global identifier becomes, or undefined to keep it (by use: `new Number` stays). */
  const globalReplacement = (id: ts.Identifier): ts.Expression | undefined => {
    const name = id.text;
    const p = id.parent;
    const constructed = ts.isNewExpression(p) && p.expression === id;
    const instanceOfRight = ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && p.right === id;
    const asObject = ts.isPropertyAccessExpression(p) && p.expression === id;
    switch (name) {
      case 'Math':
        return gd('Math');
      case 'isFinite':
      case 'isNaN':
        return gd(name);
      case 'parseFloat':
        return gdx('parseFloat');
      case 'structuredClone':
        return asObject ? undefined : gdx('structuredClone');
      case 'Number':
        return constructed || instanceOfRight || asObject ? undefined : gd('toNumber');
      case 'Boolean':
        return constructed || instanceOfRight || asObject ? undefined : gdx('truthy');
      case 'Set':
      case 'Map':
        return instanceOfRight || asObject ? undefined : gdx(name);
      default:
        return undefined;
    }
  };

  const identifier = (id: ts.Identifier): ts.Expression => {
    if (!isValueReference(id) || !isGlobal(id, id.text)) return id;
    const r = globalReplacement(id);
    return r ? at(r, id) : id;
  };

  /** `Number.isFinite`, `Number.parseFloat`, `Object.is`: members of globals with runtime versions. */
  const globalMember = (node: ts.PropertyAccessExpression): ts.Expression | undefined => {
    const owner = node.expression;
    if (!ts.isIdentifier(owner) || !isGlobal(owner, owner.text)) return undefined;
    const name = node.name.text;
    if (owner.text === 'Number' && NUMBER_CHECKS.has(name)) return at(f.createPropertyAccessExpression(gd('Number'), name), node);
    if (owner.text === 'Number' && name === 'parseFloat') return at(gdx('parseFloat'), node);
    if (owner.text === 'Object' && name === 'is') return at(gdx('is'), node);
    return undefined;
  };

  /** Method calls that compare by identity or convert a number: by method name, any receiver. */
  const methodCall = (node: ts.CallExpression): ts.Expression | undefined => {
    const callee = bare(node.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind === ts.SyntaxKind.SuperKeyword) return undefined;
    if (node.questionDotToken || callee.questionDotToken || ts.isOptionalChain(node)) return undefined; // short-circuits: left native
    const name = callee.name.text;
    const args = node.arguments.map(expr);
    if (SEARCHES.has(name) && args.length >= 1) return call(gdx(name), [expr(callee.expression), ...args], node);
    if (SORTS.has(name) && args.length <= 1) return call(gdx(name), [expr(callee.expression), ...args], node);
    if (name === 'valueOf' && args.length === 0) return call(gdx('valueOf'), [expr(callee.expression)], node);
    if (NUMBER_FORMATS.has(name) || (name === 'toString' && args.length >= 1)) {
      // `format`: a plain or kept number formats as itself; a live one is activeText (its text would lose the gradient).
      const receiver = call(gd('format'), [expr(callee.expression)], callee.expression);
      return call(f.createPropertyAccessExpression(receiver, callee.name), args, node);
    }
    return undefined;
  };

  const typeOf = (node: ts.TypeOfExpression): ts.Expression => {
    const operand = expr(node.expression);
    const e = bare(node.expression);
    // `typeof undeclaredName` must not throw: a name the file does not declare is checked first.
    if (ts.isIdentifier(e) && !isDeclared(e)) {
      const guard = f.createStrictEquality(f.createTypeOfExpression(operand), f.createStringLiteral('undefined'));
      return at(
        f.createParenthesizedExpression(
          f.createConditionalExpression(
            guard,
            undefined,
            f.createStringLiteral('undefined'),
            undefined,
            call(gd('typeOf'), [operand], node),
          ),
        ),
        node,
      );
    }
    return call(gd('typeOf'), [operand], node);
  };

  return { globalReplacement, identifier, globalMember, methodCall, typeOf };
}
