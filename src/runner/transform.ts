/**
 * The TypeScript transformer that makes a learner's ordinary loss file differentiable: every
 * arithmetic operator, comparison, `Math`/`Number` use and `typeof` becomes a call on the
 * runtime object `__gd` (engine/runtime.ts). Control flow — loops, branches, helper functions,
 * map/reduce — is left alone and runs natively; only the operations on values are rerouted.
 *
 *   a + b          → __gd.add(a, b)          (likewise - * / % **; literals alone stay native)
 *   -a, +a         → __gd.neg(a), __gd.pos(a)
 *   a < b          → __gd.lt(a, b)           (likewise <= > >= === !== == !=)
 *   x += y         → x = __gd.add(x, y)      (a target's sub-expressions are evaluated once)
 *   x++ / ++x      → x = __gd.inc(x)         (postfix yields the old value, ToNumeric'd, when used)
 *   Math           → __gd.Math               (any reference to the global: Math.sin, Math[k], const f = Math.exp)
 *   Number(x), Number.isFinite/isNaN/isInteger/isSafeInteger, isFinite, isNaN, typeof x
 *                  → the runtime's versions, which see an active value as a number
 *   switch (x)     → switch (__gd.value(x))  (case labels too: `switch` compares with ===)
 *
 * Where JavaScript looks at identity or truthiness, or a global or method would see the
 * engine's object instead of its number, the code goes to `__gdx` (identityRuntime.ts) or to the
 * runtime's own versions: the table is in transformGlobals.ts. Conditions (`if (x)`, `x ? :`,
 * `!x`, `while (x)`, `a && b`, `a || b`, `x &&= y`, `x ||= y`) test truthiness by value, skipped
 * for conditions that are plainly booleans (`i < n`); `throw x` becomes `throw __gdx.thrown(x)`
 * (a thrown non-Error's line is noted).
 *
 * Left alone: type positions, `in`, `instanceof`, `??`, bitwise operators (on an active value
 * they call valueOf, which throws TapeEscapeError: a clear error, never a silent one).
 * Globals count only where the file does not bind the name itself (transformScope.ts).
 *
 * Not caught here, documented instead (no syntax to hook, or it needs types):
 *   - identity lookups reached indirectly: `Array.prototype.includes.call(r, w)`, `const f =
 *     r.indexOf; f(w)`, `r?.includes(w)` (optional calls are left native), WeakMap/WeakSet keys;
 *   - globals reached through `globalThis.Math` or `window`;
 *   - (values turned into text — `String(w)`, `${w}`, `JSON.stringify(p)` — are refused by the
 *     active value itself, engine/var.ts; values kept from an earlier evaluation act as the
 *     number they were: every Var knows its evaluation, engine/tape.ts;)
 *   - `new Array(w)` / `Array(w)` with an active w makes a one-element array, not w elements.
 *
 * Every loop body starts with `__gd.tick()`, so the host can stop an endless loop at its line.
 * Speed: no closures or wrappers per operation — direct `__gd.op(…)` calls on one shared object,
 * which V8 inlines (`__gd` is a parameter of the module wrapper: measured as fast as a
 * module-level const). Leaving provably plain arithmetic native (loop counters, `i / 100`) was
 * measured too and bought nothing measurable (the runtime's number fast path is inlined), so
 * only literal-only expressions stay native.
 */
import ts from 'typescript';
import { Scopes } from './transformScope';
import { Fusion } from './transformFusion';
import { isFusionCandidate } from './transformFusionTree';
import { findAccumulations, usesDynamicScope } from './transformAccumulate';
import { globalRewrites } from './transformGlobals';
import { targetRewrites } from './transformTargets';
import { ARITHMETIC, COMPARISON, COMPOUND, bare, isLiteral, isPlain } from './transformSyntax';

/** Identifiers the transformed code uses; a learner's own declaration of them is a LearnerError (reservedName). */
export const RUNTIME_NAME = '__gd';
export const IDENTITY_RUNTIME_NAME = '__gdx';

/** Where one operation of the learner's code is (graph mode): its runtime op and source span. */
export interface GraphSite {
  op: string;
  fileName: string;
  /** 0-based character offsets of the expression in its file. */
  start: number;
  end: number;
}

export const SITE_RUNTIME_NAME = '__gds';

export interface TransformOptions {
  /**
   * Fuse arithmetic expressions into one tape node each (transformFusion.ts): on by default; off
   * where every operator must be its own node (the backprop graph shows each one).
   */
  fuse?: boolean;
  /** Let loops' `s += …` grow one accumulator node (transformAccumulate.ts): on with fusion by default. */
  accumulate?: boolean;
  /**
   * Graph mode (the backprop graph): no fusion, and every operator and Math call is
   * wrapped as `__gds(siteId, <the call>)`, with its op and span appended to `sites` — so each
   * tape node can be traced back to the expression that made it. `record` is what `__gds` is
   * in the module (the loader passes it).
   */
  graph?: { sites: GraphSite[]; record: (site: number, value: unknown) => unknown };
}

/**
 * The transformer, and the JavaScript of the fused functions it writes (filled in as it runs;
 * the loader appends them to the module).
 */
export function createGdTransformer(options: TransformOptions = {}): {
  transformer: ts.TransformerFactory<ts.SourceFile>;
  fusedFunctions: string[];
} {
  const fusedFunctions: string[] = [];
  const transformer = (context: ts.TransformationContext) =>
    gdTransformer(context, options.fuse !== false && !options.graph, fusedFunctions, options.graph?.sites, options.accumulate !== false);
  return { transformer, fusedFunctions };
}

function gdTransformer(
  context: ts.TransformationContext,
  fuse: boolean,
  fusedFunctions: string[],
  sites?: GraphSite[],
  accumulate = true,
): ts.Transformer<ts.SourceFile> {
  const f = context.factory;
  return (file) => {
    const scopes = new Scopes(file);
    const isGlobal = (node: ts.Node, name: string) => scopes.isGlobal(node, name);
    const member = (object: string, name: string): ts.Expression => f.createPropertyAccessExpression(f.createIdentifier(object), name);
    const gd = (name: string) => member(RUNTIME_NAME, name);
    const gdx = (name: string) => member(IDENTITY_RUNTIME_NAME, name);
    /** A new node standing where `original` was: same source-map position, so errors map back. */
    const at = <T extends ts.Node>(node: T, original: ts.Node): T => ts.setOriginalNode(ts.setTextRange(node, original), original);
    const call = (callee: ts.Expression, args: readonly ts.Expression[], original: ts.Node) =>
      at(f.createCallExpression(callee, undefined, args), original);
    /** Graph mode: `__gds(id, e)` remembers which expression made the nodes `e` recorded. */
    const site = (e: ts.Expression, op: string, original: ts.Node): ts.Expression => {
      if (!sites) return e;
      sites.push({ op, fileName: file.fileName, start: original.getStart(file), end: original.getEnd() });
      return call(f.createIdentifier(SITE_RUNTIME_NAME), [f.createNumericLiteral(sites.length - 1), e], original);
    };
    const temp = () => {
      const t = f.createTempVariable(undefined);
      context.hoistVariableDeclaration(t);
      return t;
    };
    const expr = (n: ts.Expression): ts.Expression => ts.visitNode(n, visit, ts.isExpression);
    // A file with `eval` or `with` can reach variables without naming them: no fusion, no
    // accumulation — every operator its own runtime call, in JavaScript's order.
    const fusion =
      fuse && !usesDynamicScope(file)
        ? new Fusion({
            factory: f,
            visit: expr,
            isGlobal,
            at,
            runtime: RUNTIME_NAME,
            identityRuntime: IDENTITY_RUNTIME_NAME,
            temp,
            isStableLocal: (id) => scopes.isStableLocal(id),
          })
        : undefined;
    // Loops whose `s += …` may grow one accumulator node (transformAccumulate.ts), and their run tokens.
    const accumulations = fusion && accumulate ? findAccumulations(file) : undefined;
    const runTokens = new Map<ts.Node, ts.Identifier>();
    /** `(token = __gd.accToken(), e)`: e, after taking this run's token (once per run of the loop). */
    const withToken = (loop: ts.Node, e: ts.Expression | undefined): ts.Expression | undefined => {
      const token = runTokens.get(loop);
      if (!token) return e;
      const take = f.createAssignment(token, f.createCallExpression(gd('accToken'), undefined, []));
      return f.createParenthesizedExpression(e ? f.createCommaListExpression([take, e]) : take);
    };
    /** A loop that accumulates gets its token variable before its body is visited. */
    const tokenFor = (loop: ts.IterationStatement) => {
      if (accumulations?.loops.has(loop)) runTokens.set(loop, temp());
    };
    const { sequence, target, update } = targetRewrites({ f, gd, gdx, at, call, expr, temp });

    /** A condition as a boolean by value, unless it plainly is one already (`i < n`, `!done`). */
    const condition = (e: ts.Expression): ts.Expression => (isPlain(e, isGlobal) ? expr(e) : call(gdx('truthy'), [expr(e)], e));

    /** `a && b` → `__gdx.truthy(t = a) ? b : t`; `a || b` → `__gdx.truthy(t = a) ? t : b`. */
    const logical = (node: ts.BinaryExpression): ts.Expression => {
      if (isPlain(node.left, isGlobal)) return ts.visitEachChild(node, visit, context);
      const t = temp();
      const test = call(gdx('truthy'), [f.createAssignment(t, expr(node.left))], node.left);
      const right = expr(node.right);
      const and = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
      return at(
        f.createParenthesizedExpression(f.createConditionalExpression(test, undefined, and ? right : t, undefined, and ? t : right)),
        node,
      );
    };

    /**
     * `x ||= y` → `__gdx.truthy(t = x) ? t : (x = y)`, `x &&= y` → `__gdx.truthy(t = x) ? (x = y) : t`
     * (the target's sub-expressions once, as for compound assignment).
     */
    const logicalAssignment = (node: ts.BinaryExpression): ts.Expression => {
      const t = target(node.left);
      const and = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken;
      const old = temp(); // the target is read once, as JavaScript does
      const assign = f.createParenthesizedExpression(t.write(expr(node.right)));
      const test = call(gdx('truthy'), [f.createAssignment(old, t.read)], node.left);
      const choice = f.createConditionalExpression(test, undefined, and ? assign : old, undefined, and ? old : assign);
      return sequence([...t.setup, at(f.createParenthesizedExpression(choice), node)], node);
    };

    /** `__gd.tick();` first in a loop body, so endless loops can be stopped at their line. */
    const withTick = (loop: ts.IterationStatement): ts.Statement => {
      const visited = ts.visitNode(loop.statement, visit, ts.isStatement);
      const tick = f.createExpressionStatement(f.createCallExpression(gd('tick'), undefined, []));
      ts.setSourceMapRange(tick, { pos: loop.getStart(), end: loop.getStart() + 1 });
      return ts.isBlock(visited) ? f.updateBlock(visited, [tick, ...visited.statements]) : f.createBlock([tick, visited], true);
    };

    const { globalReplacement, identifier, globalMember, methodCall, typeOf } = globalRewrites({
      f,
      gd,
      gdx,
      at,
      call,
      expr,
      isGlobal,
      isDeclared: (id) => scopes.isDeclared(id, id.text),
    });

    const binary = (node: ts.BinaryExpression): ts.Expression => {
      const kind = node.operatorToken.kind;
      const arithmetic = ARITHMETIC[kind];
      if (arithmetic) {
        // Literals alone (`1 / 3`, `'a' + 'b'`) stay native: the runtime would compute the same.
        if (kind !== ts.SyntaxKind.AsteriskAsteriskToken && isLiteral(node.left) && isLiteral(node.right)) return node;
        return site(call(gd(arithmetic), [expr(node.left), expr(node.right)], node), arithmetic, node);
      }
      const comparison = COMPARISON[kind];
      if (comparison) return call(gd(comparison), [expr(node.left), expr(node.right)], node);
      const compound = COMPOUND[kind];
      if (compound) {
        const t = target(node.left);
        const loop = accumulations?.loopOf.get(node);
        const value =
          fusion?.compound(node, t.read, loop && runTokens.get(loop)) ??
          site(call(gd(compound), [t.read, expr(node.right)], node), compound, node);
        return sequence([...t.setup, at(t.write(value), node)], node);
      }
      if (kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken) return logical(node);
      if (kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken) return logicalAssignment(node);
      return ts.visitEachChild(node, visit, context);
    };

    const prefix = (node: ts.PrefixUnaryExpression): ts.Expression => {
      switch (node.operator) {
        case ts.SyntaxKind.MinusToken:
        case ts.SyntaxKind.PlusToken:
          // `-1` is a number written down, not an operation on a value.
          if (ts.isNumericLiteral(bare(node.operand))) return node;
          return site(
            call(gd(node.operator === ts.SyntaxKind.MinusToken ? 'neg' : 'pos'), [expr(node.operand)], node),
            node.operator === ts.SyntaxKind.MinusToken ? 'neg' : 'pos',
            node,
          );
        case ts.SyntaxKind.PlusPlusToken:
        case ts.SyntaxKind.MinusMinusToken:
          return update(node);
        case ts.SyntaxKind.ExclamationToken:
          return at(f.createPrefixUnaryExpression(ts.SyntaxKind.ExclamationToken, condition(node.operand)), node);
        default:
          return ts.visitEachChild(node, visit, context);
      }
    };

    const statement = (node: ts.Statement): ts.Statement | undefined => {
      if (ts.isIfStatement(node)) {
        return f.updateIfStatement(
          node,
          condition(node.expression),
          ts.visitNode(node.thenStatement, visit, ts.isStatement),
          node.elseStatement && ts.visitNode(node.elseStatement, visit, ts.isStatement),
        );
      }
      if (ts.isForStatement(node)) {
        tokenFor(node);
        let init = node.initializer && ts.visitNode(node.initializer, visit, ts.isForInitializer);
        if (runTokens.has(node)) {
          // The token is taken in the head, which runs once per run of the loop.
          if (init && ts.isVariableDeclarationList(init)) {
            const [first, ...rest] = init.declarations;
            const value = withToken(node, first.initializer ?? f.createVoidZero()) as ts.Expression;
            init = f.updateVariableDeclarationList(init, [
              f.updateVariableDeclaration(first, first.name, first.exclamationToken, first.type, value),
              ...rest,
            ]);
          } else {
            init = withToken(node, init as ts.Expression | undefined);
          }
        }
        return f.updateForStatement(
          node,
          init,
          node.condition && condition(node.condition),
          node.incrementor && expr(node.incrementor),
          withTick(node),
        );
      }
      if (ts.isForOfStatement(node)) {
        tokenFor(node);
        return f.updateForOfStatement(
          node,
          node.awaitModifier,
          ts.visitNode(node.initializer, visit, ts.isForInitializer),
          withToken(node, expr(node.expression)) as ts.Expression,
          withTick(node),
        );
      }
      if (ts.isForInStatement(node)) {
        tokenFor(node);
        return f.updateForInStatement(
          node,
          ts.visitNode(node.initializer, visit, ts.isForInitializer),
          withToken(node, expr(node.expression)) as ts.Expression,
          withTick(node),
        );
      }
      if (ts.isWhileStatement(node)) return f.updateWhileStatement(node, condition(node.expression), withTick(node));
      if (ts.isDoStatement(node)) return f.updateDoStatement(node, withTick(node), condition(node.expression));
      // A thrown string or object has no stack: the runtime notes where it was thrown (errorMapping.ts).
      if (ts.isThrowStatement(node)) return f.updateThrowStatement(node, call(gdx('thrown'), [expr(node.expression)], node.expression));
      if (ts.isSwitchStatement(node)) {
        // `switch` compares with ===, natively: compare the numbers of active values.
        const byValue = (e: ts.Expression) => (isPlain(e, isGlobal) ? expr(e) : call(gd('value'), [expr(e)], e));
        const clauses = node.caseBlock.clauses.map((c) =>
          ts.isCaseClause(c)
            ? f.updateCaseClause(c, byValue(c.expression), ts.visitNodes(c.statements, visit, ts.isStatement))
            : ts.visitEachChild(c, visit, context),
        );
        return f.updateSwitchStatement(node, byValue(node.expression), f.updateCaseBlock(node.caseBlock, clauses));
      }
      return undefined;
    };

    const visit = (node: ts.Node): ts.Node => {
      // Types, and declarations that are only types, are erased later: nothing to rewrite.
      if (
        (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node)
      )
        return node;
      if (ts.isStatement(node)) {
        const s = statement(node);
        if (s) return s;
      }
      if (fusion && isFusionCandidate(node, isGlobal)) {
        const fused = fusion.expression(node);
        if (fused) return fused;
      }
      if (ts.isBinaryExpression(node)) return binary(node);
      if (ts.isPrefixUnaryExpression(node)) return prefix(node);
      if (ts.isPostfixUnaryExpression(node)) return update(node);
      if (ts.isConditionalExpression(node))
        return f.updateConditionalExpression(
          node,
          condition(node.condition),
          node.questionToken,
          expr(node.whenTrue),
          node.colonToken,
          expr(node.whenFalse),
        );
      if (ts.isTypeOfExpression(node)) return typeOf(node);
      if (ts.isCallExpression(node)) {
        const m = methodCall(node);
        if (m) return m;
        if (sites) {
          const callee = bare(node.expression);
          if (
            ts.isPropertyAccessExpression(callee) &&
            ts.isIdentifier(callee.expression) &&
            callee.expression.text === 'Math' &&
            isGlobal(callee.expression, 'Math')
          ) {
            return site(ts.visitEachChild(node, visit, context), callee.name.text, node);
          }
        }
      }
      if (ts.isPropertyAccessExpression(node)) {
        const g = globalMember(node);
        if (g) return g;
      }
      if (ts.isShorthandPropertyAssignment(node) && !node.objectAssignmentInitializer && isGlobal(node, node.name.text)) {
        // `{ Math }` → `{ Math: __gd.Math }`
        const r = globalReplacement(node.name);
        if (r) return at(f.createPropertyAssignment(node.name.text, r), node);
      }
      if (ts.isIdentifier(node)) return identifier(node);
      return ts.visitEachChild(node, visit, context);
    };

    const out = ts.visitNode(file, visit, ts.isSourceFile);
    fusedFunctions.push(...(fusion?.functions ?? []));
    return out;
  };
}
