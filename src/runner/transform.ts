/**
 * The TypeScript transformer that makes a learner's ordinary loss file differentiable: every
 * arithmetic operator, comparison, `Math`/`Number` call and `typeof` becomes a call on the
 * runtime object `__gd` (engine/runtime.ts). Control flow — loops, branches, helper functions,
 * map/reduce — is left alone and runs natively; only the operations on values are rerouted.
 *
 *   a + b        → __gd.add(a, b)          (likewise - * / % **)
 *   -a, +a       → __gd.neg(a), __gd.pos(a)
 *   a < b        → __gd.lt(a, b)           (likewise <= > >= === !== == !=)
 *   x += y       → x = __gd.add(x, y)      (targets with sub-expressions are evaluated once)
 *   x++ / ++x    → postfix keeps the old value, prefix gives the new one
 *   Math.sin(x)  → __gd.Math.sin(x)        (any reference to the global Math)
 *   Number(x), Number.isFinite(x), isNaN(x), typeof x → runtime versions that see through Vars
 *
 * Not rewritten: logical operators (they return an operand, which is fine), `in`, `instanceof`,
 * bitwise operators (on an active value they throw TapeEscapeError: a clear error, not a silently
 * wrong gradient), and anything inside types. Identity-based lookups (`includes`, `indexOf`,
 * `Set`, `Map`, `Object.is`) of active values compare objects, not numbers: documented in the
 * learner messages, not detectable here without type information.
 */
import ts from 'typescript';

const ARITHMETIC: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: 'add',
  [ts.SyntaxKind.MinusToken]: 'sub',
  [ts.SyntaxKind.AsteriskToken]: 'mul',
  [ts.SyntaxKind.SlashToken]: 'div',
  [ts.SyntaxKind.PercentToken]: 'mod',
  [ts.SyntaxKind.AsteriskAsteriskToken]: 'pow',
};

const COMPARISON: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.LessThanToken]: 'lt',
  [ts.SyntaxKind.LessThanEqualsToken]: 'le',
  [ts.SyntaxKind.GreaterThanToken]: 'gt',
  [ts.SyntaxKind.GreaterThanEqualsToken]: 'ge',
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: 'eq',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: 'ne',
  [ts.SyntaxKind.EqualsEqualsToken]: 'looseEq',
  [ts.SyntaxKind.ExclamationEqualsToken]: 'looseNe',
};

const COMPOUND: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusEqualsToken]: 'add',
  [ts.SyntaxKind.MinusEqualsToken]: 'sub',
  [ts.SyntaxKind.AsteriskEqualsToken]: 'mul',
  [ts.SyntaxKind.SlashEqualsToken]: 'div',
  [ts.SyntaxKind.PercentEqualsToken]: 'mod',
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: 'pow',
};

/** Names the file declares itself: a local `Math` or `isNaN` is not the global one. */
function declaredNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if ((ts.isVariableDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isParameter(n) || ts.isImportSpecifier(n) || ts.isImportClause(n) || ts.isNamespaceImport(n) || ts.isBindingElement(n)) && n.name && ts.isIdentifier(n.name)) {
      names.add(n.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return names;
}

/** True where an identifier is a value reference (not a property name, declaration or type). */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if (ts.isShorthandPropertyAssignment(p)) return false; // `{ Math }` cannot become `{ __gd.Math }`
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isTypeQueryNode(p)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isClassDeclaration(p)) && p.name === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakStatement(p) || ts.isContinueStatement(p)) return false;
  return true;
}

export function gdTransformer(context: ts.TransformationContext): ts.Transformer<ts.SourceFile> {
  const f = context.factory;
  return (file) => {
    const shadowed = declaredNames(file);
    const gd = (name: string): ts.Expression => f.createPropertyAccessExpression(f.createIdentifier('__gd'), name);
    const call = (name: string, ...args: ts.Expression[]) => f.createCallExpression(gd(name), undefined, args);
    const temp = () => {
      const t = f.createTempVariable(undefined);
      context.hoistVariableDeclaration(t);
      return t;
    };

    /**
     * Reads and writes of an assignment target whose sub-expressions run exactly once:
     * `a[f()] += 1` → `(t1 = a, t2 = f(), t1[t2] = __gd.add(t1[t2], 1))`.
     */
    const target = (node: ts.Expression): { setup: ts.Expression[]; read: ts.Expression; write: (v: ts.Expression) => ts.Expression } => {
      const e = ts.skipPartiallyEmittedExpressions(node);
      if (ts.isPropertyAccessExpression(e)) {
        const obj = visit(e.expression) as ts.Expression;
        const t = temp();
        return {
          setup: [f.createAssignment(t, obj)],
          read: f.createPropertyAccessExpression(t, e.name),
          write: (v) => f.createAssignment(f.createPropertyAccessExpression(t, e.name), v),
        };
      }
      if (ts.isElementAccessExpression(e)) {
        const obj = visit(e.expression) as ts.Expression;
        const key = visit(e.argumentExpression) as ts.Expression;
        const t = temp();
        const k = temp();
        return {
          setup: [f.createAssignment(t, obj), f.createAssignment(k, key)],
          read: f.createElementAccessExpression(t, k),
          write: (v) => f.createAssignment(f.createElementAccessExpression(t, k), v),
        };
      }
      const id = visit(e) as ts.Expression;
      return { setup: [], read: id, write: (v) => f.createAssignment(id, v) };
    };

    const sequence = (parts: ts.Expression[]): ts.Expression => (parts.length === 1 ? parts[0] : f.createParenthesizedExpression(f.createCommaListExpression(parts)));

    /** `x++`-style updates; `resultUnused` (statement or for-incrementor) needs no old value. */
    const update = (operand: ts.Expression, op: 'inc' | 'dec', prefix: boolean, resultUnused: boolean): ts.Expression => {
      const t = target(operand);
      if (prefix || resultUnused) return sequence([...t.setup, t.write(call(op, t.read))]);
      const old = temp();
      return sequence([...t.setup, f.createAssignment(old, t.read), t.write(call(op, old)), old]);
    };

    const resultUnused = (n: ts.Node): boolean => {
      const p = n.parent;
      return ts.isExpressionStatement(p) || (ts.isForStatement(p) && p.incrementor === n);
    };

    /** `__gd.tick();` first in a loop body, so endless loops can be stopped at their line. */
    const withTick = (body: ts.Statement): ts.Statement => {
      const visited = visit(body) as ts.Statement;
      const tick = f.createExpressionStatement(call('tick'));
      ts.setSourceMapRange(tick, { pos: body.parent.getStart(), end: body.parent.getStart() + 1 });
      return ts.isBlock(visited) ? f.updateBlock(visited, [tick, ...visited.statements]) : f.createBlock([tick, visited], true);
    };

    const visit = (node: ts.Node): ts.Node => {
      if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return node;

      if (ts.isForStatement(node)) {
        return f.updateForStatement(node, node.initializer && (visit(node.initializer) as ts.ForInitializer), node.condition && (visit(node.condition) as ts.Expression), node.incrementor && (visit(node.incrementor) as ts.Expression), withTick(node.statement));
      }
      if (ts.isForOfStatement(node)) {
        return f.updateForOfStatement(node, node.awaitModifier, visit(node.initializer) as ts.ForInitializer, visit(node.expression) as ts.Expression, withTick(node.statement));
      }
      if (ts.isForInStatement(node)) {
        return f.updateForInStatement(node, visit(node.initializer) as ts.ForInitializer, visit(node.expression) as ts.Expression, withTick(node.statement));
      }
      if (ts.isWhileStatement(node)) return f.updateWhileStatement(node, visit(node.expression) as ts.Expression, withTick(node.statement));
      if (ts.isDoStatement(node)) return f.updateDoStatement(node, withTick(node.statement), visit(node.expression) as ts.Expression);

      if (ts.isBinaryExpression(node)) {
        const kind = node.operatorToken.kind;
        const arith = ARITHMETIC[kind] ?? COMPARISON[kind];
        if (arith) return call(arith, visit(node.left) as ts.Expression, visit(node.right) as ts.Expression);
        const compound = COMPOUND[kind];
        if (compound) {
          const t = target(node.left);
          return sequence([...t.setup, t.write(call(compound, t.read, visit(node.right) as ts.Expression))]);
        }
        return ts.visitEachChild(node, visit, context);
      }

      if (ts.isPrefixUnaryExpression(node)) {
        switch (node.operator) {
          case ts.SyntaxKind.MinusToken:
            // Literal negative numbers stay literals (`-1` is not an operation on a value).
            if (ts.isNumericLiteral(node.operand)) return node;
            return call('neg', visit(node.operand) as ts.Expression);
          case ts.SyntaxKind.PlusToken:
            return call('pos', visit(node.operand) as ts.Expression);
          case ts.SyntaxKind.PlusPlusToken:
            return update(node.operand, 'inc', true, resultUnused(node));
          case ts.SyntaxKind.MinusMinusToken:
            return update(node.operand, 'dec', true, resultUnused(node));
          default:
            return ts.visitEachChild(node, visit, context);
        }
      }

      if (ts.isPostfixUnaryExpression(node)) {
        return update(node.operand, node.operator === ts.SyntaxKind.PlusPlusToken ? 'inc' : 'dec', false, resultUnused(node));
      }

      if (ts.isTypeOfExpression(node)) {
        const operand = visit(node.expression) as ts.Expression;
        // `typeof undeclared` must stay safe: only identifiers that exist reach the runtime.
        if (ts.isIdentifier(node.expression)) {
          return f.createConditionalExpression(
            f.createStrictEquality(f.createTypeOfExpression(operand), f.createStringLiteral('undefined')),
            undefined,
            f.createStringLiteral('undefined'),
            undefined,
            call('typeOf', operand),
          );
        }
        return call('typeOf', operand);
      }

      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && !shadowed.has(node.expression.text)) {
        const name = node.expression.text;
        const args = node.arguments.map((a) => visit(a) as ts.Expression);
        if (name === 'Number') return call('toNumber', ...args);
        if (name === 'isFinite') return call('isFinite', ...args);
        if (name === 'isNaN') return call('isNaN', ...args);
      }

      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Number' && !shadowed.has('Number')) {
        const member = node.name.text;
        if (member === 'isFinite' || member === 'isNaN' || member === 'isInteger' || member === 'isSafeInteger') {
          return f.createPropertyAccessExpression(gd('Number'), member);
        }
      }

      if (ts.isIdentifier(node) && node.text === 'Math' && !shadowed.has('Math') && isValueReference(node)) {
        return gd('Math');
      }

      return ts.visitEachChild(node, visit, context);
    };

    return ts.visitNode(file, visit) as ts.SourceFile;
  };
}
