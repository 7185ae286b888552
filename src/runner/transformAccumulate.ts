/**
 * Which `s += …` statements may accumulate: grow one tape node from one loop iteration to the next
 * instead of recording a node per iteration (engine/tape.ts, "accumulator node").
 *
 *     let v = b;
 *     for (let i = 0; i < n; i++) v += w[i] * x[i];      n nodes → one node with 2n + 1 parents
 *
 * Growing the node that `v` holds changes what that Var stands for, so it is only sound when no one
 * can still see the old value: every intermediate sum must be read by nothing but the next
 * iteration's `+=`. This is checked here, on the source, conservatively:
 *
 *   - the statement is `v += e` or `v -= e` on its own (its value unused), with `v` a plain name,
 *     directly inside the body of a `for`, `for…of` or `for…in` loop (no function in between);
 *   - `v` is declared once in the enclosing function (a `let` or `var`, no other binding of that
 *     name anywhere in the function, nested functions included), outside the loop;
 *   - inside the loop — head and body — the name `v` appears only as that statement's target,
 *     and no nested function or class body anywhere in the function mentions it (a closure, or
 *     a field initializer run by `new` inside the loop, could read it);
 *   - nothing can reach `v` without naming it: the file has no `eval` (a direct `eval('v')`
 *     reads it from a string) and no `with` (inside one, `v` may be another object's property;
 *     learner code is strict, where the loader reports `with` as a syntax error) —
 *     `usesDynamicScope` turns fusion off for such a file too; the function does not use
 *     `arguments` (in sloppy code it aliases parameters; `v` is never one, and learner code is
 *     strict, but it costs nothing to refuse); at the top level, `v` is not exported (the
 *     CommonJS output writes every assignment to `exports.v` too, a second reference to the
 *     growing node).
 *
 * Reading `v` after the loop is fine (the node stops growing: it is the final sum). A new run of
 * the loop must not grow the last run's node (code between the runs may have kept the old sum in
 * an array), so each run of the loop gets its own token (`__gd.accToken()`, evaluated once per run
 * in the loop's head) and a node grows only for the token that started it. The engine also grows a
 * node only while it is still the last one recorded; otherwise the next `+=` starts a new one.
 */
import ts from 'typescript';

export interface Accumulations {
  /** Loops whose head gets a run token. */
  loops: Set<ts.IterationStatement>;
  /** Each accumulating statement's loop. */
  loopOf: Map<ts.BinaryExpression, ts.IterationStatement>;
}

type FunctionLike = ts.SignatureDeclaration | ts.SourceFile | ts.ClassStaticBlockDeclaration | ts.ClassLikeDeclaration;

/**
 * Code that runs as a function of its own. A class body counts: a field initializer (`class P {
 * v = s }`) runs whenever the class is instantiated, inside the loop or not, like a closure.
 */
function isFunctionLike(n: ts.Node): n is FunctionLike {
  return ts.isFunctionLike(n) || ts.isSourceFile(n) || ts.isClassStaticBlockDeclaration(n) || ts.isClassLike(n);
}

function enclosingFunction(n: ts.Node): ts.Node {
  let p = n.parent;
  while (p && !isFunctionLike(p)) p = p.parent;
  return p;
}

/** A name that is not a reference: a property name, a label. */
function isPropertyOrLabel(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true;
  if (ts.isQualifiedName(p) && p.right === id) return true;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodSignature(p)) &&
    p.name === id
  )
    return true;
  if ((ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) && p.label === id) return true;
  return false;
}

/** A loop whose head can take the token: for (with a head we can extend), for…of, for…in. */
function tokenLoop(loop: ts.IterationStatement): boolean {
  if (ts.isForOfStatement(loop)) return !loop.awaitModifier;
  if (ts.isForInStatement(loop)) return true;
  if (!ts.isForStatement(loop)) return false;
  const init = loop.initializer;
  if (!init || !ts.isVariableDeclarationList(init)) return true;
  // `for (var i; …)` has no initializer to carry the token without changing i.
  const first = init.declarations[0];
  return !!first && (first.initializer !== undefined || (init.flags & ts.NodeFlags.BlockScoped) !== 0);
}

function candidate(node: ts.BinaryExpression): { name: string; loop: ts.IterationStatement } | undefined {
  const k = node.operatorToken.kind;
  if (k !== ts.SyntaxKind.PlusEqualsToken && k !== ts.SyntaxKind.MinusEqualsToken) return undefined;
  if (!ts.isIdentifier(node.left) || !ts.isExpressionStatement(node.parent) || node.parent.expression !== node) return undefined;
  let p: ts.Node = node.parent.parent;
  let child: ts.Node = node.parent;
  while (p && !isFunctionLike(p)) {
    if (ts.isIterationStatement(p, false)) {
      if (p.statement !== child) return undefined; // (a statement can only be in a loop's body)
      return tokenLoop(p) ? { name: node.left.text, loop: p } : undefined;
    }
    // Only plain blocks and conditionals between the statement and its loop.
    if (!ts.isBlock(p) && !ts.isIfStatement(p)) return undefined;
    child = p;
    p = p.parent;
  }
  return undefined;
}

/**
 * The file can reach a variable without naming it: a direct `eval` (any identifier `eval` that is
 * not a property name, conservatively: a direct call is what can see local variables) or a `with`
 * statement. Neither fusion nor accumulation is used in such a file (transform.ts).
 */
export function usesDynamicScope(file: ts.SourceFile): boolean {
  if (!/\beval\b|\bwith\b/.test(file.text)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isWithStatement(n) || (ts.isIdentifier(n) && n.text === 'eval' && !isPropertyOrLabel(n))) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/** `export let v`, `export var v`: the declaration statement carries `export`. */
function isExported(decl: ts.VariableDeclaration): boolean {
  const statement = decl.parent.parent;
  return ts.isVariableStatement(statement) && !!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function within(n: ts.Node, outer: ts.Node): boolean {
  return n.pos >= outer.pos && n.end <= outer.end;
}

function accumulates(node: ts.BinaryExpression, name: string, loop: ts.IterationStatement): boolean {
  const fn = enclosingFunction(loop);
  const target = node.left as ts.Identifier;
  let declarations = 0;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    // `arguments` anywhere in the function (an arrow inside sees the function's own).
    if (ts.isIdentifier(n) && n.text === 'arguments' && !isPropertyOrLabel(n)) ok = false;
    // `export { v }`: the output writes each assignment to `exports.v` as well.
    if (ts.isExportSpecifier(n) && (n.propertyName ?? n.name).text === name) ok = false;
    if (ts.isIdentifier(n) && n.text === name && !isPropertyOrLabel(n) && !ts.isExportSpecifier(n.parent)) {
      const p = n.parent;
      const declares =
        ((ts.isVariableDeclaration(p) ||
          ts.isParameter(p) ||
          ts.isBindingElement(p) ||
          ts.isFunctionDeclaration(p) ||
          ts.isClassDeclaration(p) ||
          ts.isFunctionExpression(p) ||
          ts.isClassExpression(p) ||
          ts.isImportSpecifier(p) ||
          ts.isImportClause(p) ||
          ts.isNamespaceImport(p) ||
          ts.isEnumDeclaration(p) ||
          ts.isModuleDeclaration(p) ||
          ts.isImportEqualsDeclaration(p)) &&
          (p as { name?: ts.Node }).name === n) ||
        (ts.isBindingElement(p) && p.propertyName === undefined && p.name === n);
      if (declares) {
        declarations++;
        // One `let`/`var` of the loss's own function, outside the loop.
        const list = p.parent;
        const plain =
          ts.isVariableDeclaration(p) && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) === 0 && !isExported(p);
        if (!plain || enclosingFunction(p) !== fn || within(p, loop)) ok = false;
      } else if (enclosingFunction(n) !== fn) {
        ok = false; // a closure mentions it
      } else if (within(n, loop) && n !== target) {
        ok = false; // read (or written) elsewhere in the loop
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return ok && declarations === 1;
}

export function findAccumulations(file: ts.SourceFile): Accumulations {
  const loops = new Set<ts.IterationStatement>();
  const loopOf = new Map<ts.BinaryExpression, ts.IterationStatement>();
  if (usesDynamicScope(file)) return { loops, loopOf };
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n)) {
      const c = candidate(n);
      if (c && accumulates(n, c.name, c.loop)) {
        loops.add(c.loop);
        loopOf.set(n, c.loop);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return { loops, loopOf };
}
