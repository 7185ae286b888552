/**
 * Writes to a built-in that the syntax shows, refused at their line (see learnerBuiltins.ts for
 * what is protected and why, and for the run-time comparison that catches what syntax cannot).
 */
import ts from 'typescript';
import { Scopes } from './transformScope';
import { bare, isValueReference, isAssignment } from './transformSyntax';
import { GLOBAL_NAMES } from './builtinNames';

// ── no patches: syntax ───────────────────────────────────────────────────

/** `Object.f(target, …)` / `Reflect.f(target, …)` that change their first argument. */
const MUTATORS: Record<string, Set<string>> = {
  Object: new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf', 'freeze', 'seal', 'preventExtensions']),
  Reflect: new Set(['set', 'defineProperty', 'deleteProperty', 'setPrototypeOf', 'preventExtensions']),
};

/** Methods that change their receiver: on a built-in (`Array.prototype.push(1)`) they change the built-in. */
const RECEIVER_MUTATORS = new Set([
  '__defineGetter__',
  '__defineSetter__',
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);

/** Names of the global object a file can write through. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global']);

/** The name of a member access written with a name or a string literal (`a.b`, `a['b']`), else undefined. */
function memberName(x: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(x)) return ts.isIdentifier(x.name) ? x.name.text : undefined;
  if (ts.isElementAccessExpression(x)) {
    const a = bare(x.argumentExpression);
    return ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a) ? a.text : undefined;
  }
  return undefined;
}

const isAccess = (x: ts.Node): x is ts.PropertyAccessExpression | ts.ElementAccessExpression =>
  ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x);

/** A value written in the source whose prototype is a built-in one (not transformSyntax.isLiteral, which means a constant number or string expression): `[]`, `{}`, `0`, `''`, `/x/`, `() => 0`, `new Array()`. */
function hasBuiltinPrototype(x: ts.Expression): boolean {
  switch (x.kind) {
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.ObjectLiteralExpression:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.ClassExpression:
      return true;
    default:
      return false;
  }
}

/** A short text of an expression as the learner wrote it, without type assertions: `Array.prototype.map`. */
export function targetText(e: ts.Expression, file: ts.SourceFile): string {
  const x = bare(e);
  let text: string;
  if (ts.isPropertyAccessExpression(x)) text = `${targetText(x.expression, file)}.${x.name.text}`;
  else if (ts.isElementAccessExpression(x)) text = `${targetText(x.expression, file)}[${x.argumentExpression.getText(file)}]`;
  else text = x.getText(file).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

class BuiltinSyntax {
  private readonly scopes: Scopes;

  constructor(private readonly file: ts.SourceFile) {
    this.scopes = new Scopes(file);
  }

  private isGlobalName(x: ts.Expression, names: ReadonlySet<string>): x is ts.Identifier {
    return ts.isIdentifier(x) && names.has(x.text) && isValueReference(x) && this.scopes.isGlobal(x, x.text);
  }

  /** `Object.assign(x, …)`, `Reflect.set(x, …)` and the other calls that change their first argument: that argument. */
  private mutated(n: ts.CallExpression): ts.Expression | undefined {
    const callee = bare(n.expression);
    if (!ts.isPropertyAccessExpression(callee) || n.arguments.length === 0) return undefined;
    const owner = bare(callee.expression);
    return ts.isIdentifier(owner) && MUTATORS[owner.text]?.has(callee.name.text) && this.scopes.isGlobal(owner, owner.text)
      ? n.arguments[0]
      : undefined;
  }

  /** `globalThis` or Node's `global`, unless the file declares the name. */
  isGlobalObject(e: ts.Expression): boolean {
    return this.isGlobalName(bare(e), GLOBAL_OBJECTS);
  }

  /**
   * The expression denotes a protected built-in object itself: `Array`, `globalThis.JSON`,
   * `Array.prototype`, `Float64Array.prototype.__proto__`, `[].__proto__`, `(0).constructor`,
   * `Object.getPrototypeOf([])`.
   */
  isBuiltin(e: ts.Expression): boolean {
    const x = bare(e);
    if (this.isGlobalName(x, GLOBAL_NAMES)) return true;
    if (isAccess(x)) {
      const name = memberName(x);
      const base = bare(x.expression);
      if (name === 'prototype') return this.isBuiltin(base);
      if (name === '__proto__' || name === 'constructor')
        return (
          hasBuiltinPrototype(base) ||
          (ts.isNewExpression(base) && this.isGlobalName(bare(base.expression), GLOBAL_NAMES)) ||
          this.isBuiltin(base)
        );
      return name !== undefined && GLOBAL_NAMES.has(name) && this.isGlobalObject(base);
    }
    if (ts.isCallExpression(x) && x.arguments.length > 0 && memberName(bare(x.expression)) === 'getPrototypeOf') {
      const callee = bare(x.expression) as ts.PropertyAccessExpression;
      const arg = bare(x.arguments[0]);
      return (
        this.isGlobalName(bare(callee.expression), new Set(['Object', 'Reflect'])) && (hasBuiltinPrototype(arg) || this.isBuiltin(arg))
      );
    }
    return false;
  }

  /** A built-in, or a member of one at any depth (`Array.prototype.map.call`): writing it changes the built-in. */
  rootedAtBuiltin(e: ts.Expression): boolean {
    let x = bare(e);
    for (;;) {
      if (this.isBuiltin(x)) return true;
      if (!isAccess(x)) return false;
      x = bare(x.expression);
    }
  }

  /** Writing to `e` changes a built-in (`e` an assignment target, a `delete` operand). */
  writes(e: ts.Expression): boolean {
    const x = bare(e);
    if (isAccess(x)) {
      const name = memberName(x);
      // `o.__proto__ = p` sets o's prototype: a change to a built-in only when o is (part of) one.
      if (name === '__proto__') return this.rootedAtBuiltin(x.expression);
      // The global binding of Math (what Math's members are is learnerMath.ts's business).
      if (name === 'Math' && this.isGlobalObject(x.expression)) return true;
    }
    return this.rootedAtBuiltin(x);
  }

  /** An assignment target, destructuring patterns included: the first written place that is a built-in. */
  target(e: ts.Expression): ts.Expression | undefined {
    const x = bare(e);
    if (ts.isArrayLiteralExpression(x)) {
      for (const el of x.elements) {
        const t = ts.isOmittedExpression(el) ? undefined : this.target(ts.isSpreadElement(el) ? el.expression : el);
        if (t) return t;
      }
      return undefined;
    }
    if (ts.isObjectLiteralExpression(x)) {
      for (const p of x.properties) {
        const t = ts.isPropertyAssignment(p)
          ? this.target(p.initializer)
          : ts.isShorthandPropertyAssignment(p)
            ? GLOBAL_NAMES.has(p.name.text) && this.scopes.isGlobal(p.name, p.name.text)
              ? p.name
              : undefined
            : ts.isSpreadAssignment(p)
              ? this.target(p.expression)
              : undefined;
        if (t) return t;
      }
      return undefined;
    }
    // `[Array.prototype.map = f] = []`: a default inside a pattern.
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken) return this.target(x.left);
    return this.writes(x) ? x : undefined;
  }

  /** What a call changes when it changes a built-in: `Object.assign(Array.prototype, …)` → `Array.prototype`. */
  callTarget(n: ts.CallExpression): ts.Expression | undefined {
    const callee = bare(n.expression);
    if (!isAccess(callee)) return undefined;
    const method = memberName(callee);
    if (method === undefined) return undefined;
    const owner = bare(callee.expression);
    if (RECEIVER_MUTATORS.has(method) && this.isBuiltin(owner)) return owner;
    const first = this.mutated(n);
    if (!first) return undefined;
    if (this.writes(first)) return first;
    if (!this.isGlobalObject(first)) return undefined;
    // `Object.defineProperty(globalThis, 'Array', …)`, `Reflect.set(globalThis, 'JSON', …)`.
    const key = n.arguments[1] && bare(n.arguments[1]);
    if (key && (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) && (GLOBAL_NAMES.has(key.text) || key.text === 'Math'))
      return n;
    // `Object.assign(globalThis, { Array: … })`, `Object.defineProperties(globalThis, { JSON: … })`.
    const named = (p: ts.ObjectLiteralElementLike) =>
      p.name !== undefined &&
      (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
      (GLOBAL_NAMES.has(p.name.text) || p.name.text === 'Math');
    if (
      n.arguments
        .slice(1)
        .some((a) => ts.isObjectLiteralExpression(bare(a)) && (bare(a) as ts.ObjectLiteralExpression).properties.some(named))
    )
      return n;
    return undefined;
  }

  /** The first change to a built-in the syntax shows: the node to mark, and the changed place's text. */
  firstPatch(): { node: ts.Node; what: string } | undefined {
    let found: { node: ts.Node; what: string } | undefined;
    const hit = (node: ts.Node, target: ts.Expression) => {
      found = { node, what: targetText(ts.isCallExpression(target) ? (target.arguments[0] ?? target) : target, this.file) };
    };
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) {
        const t = this.target(n.left);
        if (t) hit(n, t);
      } else if (
        (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
        (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)
      ) {
        if (this.writes(n.operand)) hit(n, n.operand);
      } else if (ts.isDeleteExpression(n)) {
        if (this.writes(n.expression)) hit(n, n.expression);
      } else if ((ts.isForInStatement(n) || ts.isForOfStatement(n)) && !ts.isVariableDeclarationList(n.initializer)) {
        const t = this.target(n.initializer);
        if (t) hit(n.initializer, t);
      } else if (ts.isCallExpression(n)) {
        const t = this.callTarget(n);
        if (t) {
          const key = t === n ? bare(n.arguments[1]) : undefined;
          // `Object.defineProperty(globalThis, 'Array', …)`: the binding's name, not the global object.
          found = {
            node: n,
            what:
              key && (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key))
                ? `${targetText(n.arguments[0], this.file)}.${key.text}`
                : targetText(t === n ? n.arguments[0] : t, this.file),
          };
        }
      }
      if (!found) ts.forEachChild(n, visit);
    };
    visit(this.file);
    return found;
  }

  /**
   * Where a change found only at run time was probably made: the first write through a prototype
   * (`x.__proto__.y = …`, `Object.getPrototypeOf(x).y = …`, `x.constructor.prototype.y = …`) or
   * through the global object with a computed name (`globalThis[name] = …`), or the first use of a
   * built-in object as a value of its own (`const P = Object.prototype`, `f(Array.prototype)`);
   * whichever comes first. Constructors passed as callbacks (`xs.map(Number)`) do not count.
   */
  aliasSite(): ts.Node | undefined {
    let found: ts.Node | undefined;
    const throughPrototype = (e: ts.Expression): boolean => {
      let x = bare(e);
      for (;;) {
        if (ts.isCallExpression(x) && memberName(bare(x.expression)) === 'getPrototypeOf') return true;
        if (!isAccess(x)) return false;
        const name = memberName(x);
        if (name === '__proto__' || name === 'prototype' || name === 'constructor') return true;
        if (this.isGlobalObject(x.expression) && (name === undefined || GLOBAL_NAMES.has(name))) return true;
        x = bare(x.expression);
      }
    };
    const writtenThrough = (e: ts.Expression): boolean => {
      const x = bare(e);
      if (ts.isArrayLiteralExpression(x))
        return x.elements.some((el) => !ts.isOmittedExpression(el) && writtenThrough(ts.isSpreadElement(el) ? el.expression : el));
      if (ts.isObjectLiteralExpression(x))
        return x.properties.some((p) =>
          ts.isPropertyAssignment(p) ? writtenThrough(p.initializer) : ts.isSpreadAssignment(p) ? writtenThrough(p.expression) : false,
        );
      if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken) return writtenThrough(x.left);
      return isAccess(x) && throughPrototype(x);
    };
    const usedAsValue = (x: ts.Expression): boolean => {
      const p = x.parent;
      if (isAccess(p) && p.expression === x) return false;
      if (ts.isPropertyAccessExpression(p) && p.name === x) return false;
      if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === x) return false;
      if (
        ts.isBinaryExpression(p) &&
        p.right === x &&
        (p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword || p.operatorToken.kind === ts.SyntaxKind.InKeyword)
      )
        return false;
      if (ts.isTypeOfExpression(p) || ts.isHeritageClause(p) || ts.isExpressionWithTypeArguments(p)) return false;
      // `xs.map(Number)`, `xs.filter(Boolean)`: a constructor as a callback.
      if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && ts.isIdentifier(x)) return false;
      // Inside a parenthesis or an assertion: the outer expression decides.
      if (
        ts.isParenthesizedExpression(p) ||
        ts.isAsExpression(p) ||
        ts.isNonNullExpression(p) ||
        ts.isTypeAssertionExpression(p) ||
        ts.isSatisfiesExpression(p)
      )
        return usedAsValue(p);
      return true;
    };
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind) && writtenThrough(n.left)) found = n;
      else if (ts.isDeleteExpression(n) && writtenThrough(n.expression)) found = n;
      else if (ts.isCallExpression(n) && this.mutated(n) && throughPrototype(this.mutated(n) as ts.Expression)) found = n;
      else if (ts.isExpression(n) && this.isBuiltin(n) && usedAsValue(n)) found = n;
      if (!found) ts.forEachChild(n, visit);
    };
    visit(this.file);
    return found;
  }
}

/**
 * The first place where the file changes a built-in the engine shares with it, and that place as
 * the learner would write it (`Array.prototype.map`), or undefined. Only globals count: a file's
 * own `const Array = …` is its own object.
 */
export function builtinPatchSite(file: ts.SourceFile): { node: ts.Node; what: string } | undefined {
  return new BuiltinSyntax(file).firstPatch();
}

/** Where the file probably changed a built-in without the syntax showing it (see BuiltinSyntax.aliasSite), else undefined. */
export function builtinAliasSite(file: ts.SourceFile): ts.Node | undefined {
  return new BuiltinSyntax(file).aliasSite();
}
