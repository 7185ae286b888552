/**
 * Assignment targets for the transformer (transform.ts): `a[f()] += 1` and `x++` rewritten so that
 * the target's sub-expressions run exactly once and in JavaScript's order, with the arithmetic on
 * the runtime (`__gd.add`, `__gd.inc`).
 */
import ts from 'typescript';
import { bare, isResultUnused, isStableReference } from './transformSyntax';
import type { RewriteTools } from './transformGlobals';

type TargetTools = Pick<RewriteTools, 'f' | 'gd' | 'gdx' | 'at' | 'call' | 'expr'> & {
  /** A fresh hoisted temporary variable. */
  temp(): ts.Identifier;
};

export function targetRewrites({ f, gd, gdx, at, call, expr, temp }: TargetTools) {
  const sequence = (parts: ts.Expression[], original: ts.Node): ts.Expression =>
    parts.length === 1 ? parts[0] : at(f.createParenthesizedExpression(f.createCommaListExpression(parts)), original);

  /**
   * Reads and writes of an assignment target whose sub-expressions run exactly once:
   * `a[f()] += 1` → `(t1 = a, t2 = f(), t1[t2] = __gd.add(t1[t2], 1))`. Identifiers, `this` and
   * literals are read twice instead of through a temporary (no side effect, same value; the
   * assignment's target reference is still taken before the right side runs).
   */
  const target = (node: ts.Expression): { setup: ts.Expression[]; read: ts.Expression; write: (v: ts.Expression) => ts.Expression } => {
    const e = bare(node);
    const setup: ts.Expression[] = [];
    const once = (x: ts.Expression): ts.Expression => {
      const visited = expr(x);
      if (isStableReference(x)) return visited;
      const t = temp();
      setup.push(f.createAssignment(t, visited));
      return t;
    };
    if (ts.isPropertyAccessExpression(e) && e.expression.kind !== ts.SyntaxKind.SuperKeyword) {
      const obj = once(e.expression);
      return {
        setup,
        read: f.createPropertyAccessExpression(obj, e.name),
        write: (v) => f.createAssignment(f.createPropertyAccessExpression(obj, e.name), v),
      };
    }
    if (ts.isElementAccessExpression(e) && e.expression.kind !== ts.SyntaxKind.SuperKeyword) {
      const obj = once(e.expression);
      const key = once(e.argumentExpression);
      return {
        setup,
        read: f.createElementAccessExpression(obj, key),
        write: (v) => f.createAssignment(f.createElementAccessExpression(obj, key), v),
      };
    }
    const place = expr(e);
    return { setup, read: place, write: (v) => f.createAssignment(place, v) };
  };

  /** `x++` and friends; without a use of the result no old value is kept. */
  const update = (node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): ts.Expression => {
    const op = node.operator === ts.SyntaxKind.PlusPlusToken ? 'inc' : 'dec';
    const t = target(node.operand);
    if (ts.isPrefixUnaryExpression(node) || isResultUnused(node))
      return sequence([...t.setup, at(t.write(call(gd(op), [t.read], node)), node)], node);
    // The old value is ToNumeric(x): `s = '5'; y = s++` gives 5, not '5'.
    const old = temp();
    return sequence(
      [
        ...t.setup,
        f.createAssignment(old, call(gdx('numeric'), [t.read], node.operand)),
        at(t.write(call(gd(op), [old], node)), node),
        old,
      ],
      node,
    );
  };

  return { sequence, target, update };
}
