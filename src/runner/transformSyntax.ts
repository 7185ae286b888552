/**
 * Syntactic facts the transformer (transform.ts) needs: operator tables, which expressions can
 * never hold an active value, and where a value reference stands. Pure functions of the AST.
 */
import ts from 'typescript';

/** `a op b` → `__gd.<name>(a, b)`. */
export const ARITHMETIC: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: 'add',
  [ts.SyntaxKind.MinusToken]: 'sub',
  [ts.SyntaxKind.AsteriskToken]: 'mul',
  [ts.SyntaxKind.SlashToken]: 'div',
  [ts.SyntaxKind.PercentToken]: 'mod',
  [ts.SyntaxKind.AsteriskAsteriskToken]: 'pow',
};

export const COMPARISON: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.LessThanToken]: 'lt',
  [ts.SyntaxKind.LessThanEqualsToken]: 'le',
  [ts.SyntaxKind.GreaterThanToken]: 'gt',
  [ts.SyntaxKind.GreaterThanEqualsToken]: 'ge',
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: 'eq',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: 'ne',
  [ts.SyntaxKind.EqualsEqualsToken]: 'looseEq',
  [ts.SyntaxKind.ExclamationEqualsToken]: 'looseNe',
};

/** `x op= y` → `x = __gd.<name>(x, y)`. */
export const COMPOUND: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusEqualsToken]: 'add',
  [ts.SyntaxKind.MinusEqualsToken]: 'sub',
  [ts.SyntaxKind.AsteriskEqualsToken]: 'mul',
  [ts.SyntaxKind.SlashEqualsToken]: 'div',
  [ts.SyntaxKind.PercentEqualsToken]: 'mod',
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: 'pow',
};

/** Operators whose result is a boolean or an integer, never an active value (or they throw). */
const PLAIN_RESULT = new Set<ts.SyntaxKind>([
  ...Object.keys(COMPARISON).map(Number),
  ts.SyntaxKind.InKeyword,
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
]);

/** `(x)`, `x as T`, `x!`, `<T>x`, `x satisfies T` → x. */
export function bare(e: ts.Expression): ts.Expression {
  let x = e;
  while (
    ts.isParenthesizedExpression(x) ||
    ts.isAsExpression(x) ||
    ts.isNonNullExpression(x) ||
    ts.isTypeAssertionExpression(x) ||
    ts.isSatisfiesExpression(x) ||
    ts.isPartiallyEmittedExpression(x)
  )
    x = x.expression;
  return x;
}

/**
 * A number or string written in the source (`3`, `-1.5`, `'a'`), or such literals combined by
 * + − × ÷ % (`1 / 3 + 0`): computing it natively gives what the runtime would.
 */
export function isLiteral(e: ts.Expression): boolean {
  const x = bare(e);
  if (ts.isNumericLiteral(x) || ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) return true;
  if (ts.isPrefixUnaryExpression(x) && (x.operator === ts.SyntaxKind.MinusToken || x.operator === ts.SyntaxKind.PlusToken))
    return ts.isNumericLiteral(bare(x.operand));
  if (ts.isBinaryExpression(x) && x.operatorToken.kind !== ts.SyntaxKind.AsteriskAsteriskToken && ARITHMETIC[x.operatorToken.kind])
    return isLiteral(x.left) && isLiteral(x.right);
  return false;
}

/**
 * Syntactically certain never to be an active value: literals, comparisons, `!`, `typeof`,
 * bitwise results, and the boolean checks the runtime answers. Used to skip truthiness wrappers
 * where a condition is already a plain boolean (`i < n`, `!done`), so hot loops stay lean.
 * `isGlobal(node, name)` says whether a name there means the JavaScript global.
 */
export function isPlain(e: ts.Expression, isGlobal: (node: ts.Node, name: string) => boolean): boolean {
  const x = bare(e);
  switch (x.kind) {
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.VoidExpression:
    case ts.SyntaxKind.DeleteExpression:
      return true;
  }
  if (ts.isPrefixUnaryExpression(x))
    return x.operator === ts.SyntaxKind.ExclamationToken || x.operator === ts.SyntaxKind.TildeToken || isLiteral(x);
  if (ts.isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    if (PLAIN_RESULT.has(op)) return true;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken)
      return isPlain(x.left, isGlobal) && isPlain(x.right, isGlobal);
    if (op === ts.SyntaxKind.CommaToken) return isPlain(x.right, isGlobal);
    return false;
  }
  if (ts.isCallExpression(x)) {
    const callee = bare(x.expression);
    if (ts.isIdentifier(callee))
      return (callee.text === 'isNaN' || callee.text === 'isFinite' || callee.text === 'Boolean') && isGlobal(callee, callee.text);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const owner = callee.expression.text;
      const member = callee.name.text;
      if (owner === 'Number' && /^is(Finite|NaN|Integer|SafeInteger)$/.test(member)) return isGlobal(callee, 'Number');
      if (owner === 'Array' && member === 'isArray') return isGlobal(callee, 'Array');
    }
  }
  return false;
}

/** True where an identifier is read as a value (not a property name, declaration, label or type). */
export function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id;
  if (ts.isQualifiedName(p) || ts.isTypeReferenceNode(p) || ts.isTypeQueryNode(p)) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p) ||
      ts.isEnumMember(p)) &&
    p.name === id
  )
    return false;
  if (ts.isShorthandPropertyAssignment(p)) return false; // handled where the object literal is rebuilt
  if (
    (ts.isVariableDeclaration(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isFunctionExpression(p) ||
      ts.isParameter(p) ||
      ts.isBindingElement(p) ||
      ts.isClassDeclaration(p) ||
      ts.isClassExpression(p)) &&
    p.name === id
  )
    return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (
    ts.isImportSpecifier(p) ||
    ts.isExportSpecifier(p) ||
    ts.isImportClause(p) ||
    ts.isNamespaceImport(p) ||
    ts.isImportEqualsDeclaration(p)
  )
    return false;
  if (ts.isLabeledStatement(p) || ts.isBreakStatement(p) || ts.isContinueStatement(p)) return false;
  if (ts.isMetaProperty(p) || ts.isTypeParameterDeclaration(p) || ts.isEnumDeclaration(p) || ts.isModuleDeclaration(p)) return false;
  return true;
}

/** The expression's value is discarded (`x++;`, a for-loop's update, the left side of a comma). */
export function isResultUnused(node: ts.Node): boolean {
  let n = node;
  let p = n.parent;
  while (ts.isParenthesizedExpression(p)) {
    n = p;
    p = p.parent;
  }
  if (ts.isExpressionStatement(p) || ts.isVoidExpression(p)) return true;
  if (ts.isForStatement(p)) return p.incrementor === n || p.initializer === n;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.CommaToken) return p.left === n || isResultUnused(p);
  return false;
}

/** Reading this expression twice has no side effect and gives the same value (no temporary needed). */
export function isStableReference(e: ts.Expression): boolean {
  const x = bare(e);
  return (
    ts.isIdentifier(x) ||
    x.kind === ts.SyntaxKind.ThisKeyword ||
    ts.isNumericLiteral(x) ||
    ts.isStringLiteral(x) ||
    ts.isNoSubstitutionTemplateLiteral(x)
  );
}

/** `=`, `+=`, `??=` … : every operator that writes its left side. */
export const isAssignment = (k: ts.SyntaxKind): boolean => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
