/**
 * Which identifiers of a learner's file refer to JavaScript's globals (`Math`, `Number`,
 * `isNaN`, `Set` …) and which to the file's own bindings.
 *
 * The transformer reroutes the global `Math` to the runtime, but a learner who writes
 * `const Math = { sq: … }` inside one function must keep their own object there — and only
 * there: the rest of the file still means the global. So this is real lexical scoping, not a
 * file-wide list of names: every declaration is attached to the node that scopes it (function,
 * block, `for`, `catch`, class expression, the file), and a reference is global exactly when
 * no enclosing scope node declares its name.
 */
import ts from 'typescript';
import { isAssignment } from './transformSyntax';

/** Scope node → names declared directly in it. */
type ScopeTable = Map<ts.Node, Set<string>>;

function bindingNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else {
    for (const element of name.elements) {
      if (!ts.isOmittedExpression(element)) bindingNames(element.name, out);
    }
  }
  return out;
}

/** The nearest function-like node or the file: where `var` and parameters live. */
function functionScope(node: ts.Node): ts.Node {
  let n = node.parent;
  while (n && !ts.isFunctionLike(n) && !ts.isSourceFile(n) && !ts.isClassStaticBlockDeclaration(n)) n = n.parent;
  return n;
}

/** Where a `let`/`const`/`class`/`function` declaration statement is visible. */
function blockScope(statement: ts.Node): ts.Node {
  const p = statement.parent;
  // `case 1: let x` is scoped to the whole `switch` body.
  return ts.isCaseClause(p) || ts.isDefaultClause(p) ? p.parent : p;
}

function declare(table: ScopeTable, scope: ts.Node, names: string[]): void {
  let set = table.get(scope);
  if (!set) table.set(scope, (set = new Set()));
  for (const n of names) set.add(n);
}

function collect(file: ts.SourceFile): ScopeTable {
  const table: ScopeTable = new Map();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) {
      const list = node.parent;
      const names = bindingNames(node.name);
      if (ts.isCatchClause(list)) declare(table, list, names);
      else if (ts.isVariableDeclarationList(list)) {
        const lexical = (list.flags & ts.NodeFlags.BlockScoped) !== 0;
        const holder = list.parent; // VariableStatement, or a for / for-in / for-of statement
        declare(table, lexical ? (ts.isVariableStatement(holder) ? blockScope(holder) : holder) : functionScope(node), names);
      }
    } else if (ts.isParameter(node)) {
      declare(table, node.parent, bindingNames(node.name));
    } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) {
      declare(table, blockScope(node), [node.name.text]);
    } else if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name)) {
      declare(table, blockScope(node), [node.name.text]);
    } else if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) {
      // A named function or class expression sees its own name inside itself only.
      declare(table, node, [node.name.text]);
    } else if (ts.isImportClause(node) && node.name) {
      declare(table, file, [node.name.text]);
    } else if (ts.isNamespaceImport(node) || ts.isImportSpecifier(node) || ts.isImportEqualsDeclaration(node)) {
      declare(table, file, [node.name.text]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return table;
}

/** Where code runs as a function of its own: functions, class bodies (field initializers, static blocks), the file. */
function isBoundary(n: ts.Node): boolean {
  return ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isClassStaticBlockDeclaration(n) || ts.isSourceFile(n);
}

function boundaryOf(n: ts.Node): ts.Node {
  let p = n;
  while (!isBoundary(p)) p = p.parent;
  return p;
}

/** The identifiers an assignment target writes: `x`, `[x, y]`, `{ a: x, y }`, `[x = 1]`, `...x`. */
function writtenNames(target: ts.Expression, out: ts.Identifier[] = []): ts.Identifier[] {
  let x = target;
  while (
    ts.isParenthesizedExpression(x) ||
    ts.isNonNullExpression(x) ||
    ts.isAsExpression(x) ||
    ts.isTypeAssertionExpression(x) ||
    ts.isSatisfiesExpression(x)
  )
    x = x.expression;
  if (ts.isIdentifier(x)) out.push(x);
  else if (ts.isArrayLiteralExpression(x)) {
    for (const e of x.elements) if (!ts.isOmittedExpression(e)) writtenNames(ts.isSpreadElement(e) ? e.expression : e, out);
  } else if (ts.isObjectLiteralExpression(x)) {
    for (const p of x.properties) {
      if (ts.isPropertyAssignment(p)) writtenNames(p.initializer, out);
      else if (ts.isShorthandPropertyAssignment(p)) out.push(p.name);
      else if (ts.isSpreadAssignment(p)) writtenNames(p.expression, out);
    }
  } else if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken) writtenNames(x.left, out);
  return out;
}

export class Scopes {
  private readonly table: ScopeTable;
  /** Bindings (scope node, name) some other function writes, or that `arguments` may alias. */
  private unstable?: Map<ts.Node, Set<string>>;

  constructor(private readonly file: ts.SourceFile) {
    this.table = collect(file);
  }

  /** The node whose scope declares `name` as seen at `node`, or undefined for a global. */
  private declaringScope(node: ts.Node, name: string): ts.Node | undefined {
    for (let n: ts.Node | undefined = node; n; n = n.parent) {
      if (this.table.get(n)?.has(name)) return n;
    }
    return undefined;
  }

  private unstableBindings(): Map<ts.Node, Set<string>> {
    if (this.unstable) return this.unstable;
    const unstable = new Map<ts.Node, Set<string>>();
    const mark = (scope: ts.Node, name: string) => {
      let set = unstable.get(scope);
      if (!set) unstable.set(scope, (set = new Set()));
      set.add(name);
    };
    const usesArguments = new Set<ts.Node>();
    const visit = (n: ts.Node): void => {
      let written: ts.Identifier[] = [];
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) written = writtenNames(n.left);
      else if (
        (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
        (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)
      )
        written = writtenNames(n.operand);
      else if ((ts.isForInStatement(n) || ts.isForOfStatement(n)) && !ts.isVariableDeclarationList(n.initializer))
        written = writtenNames(n.initializer);
      else if (ts.isIdentifier(n) && n.text === 'arguments') {
        // An arrow function sees the `arguments` of the function around it.
        let f = boundaryOf(n.parent);
        while (ts.isArrowFunction(f)) f = boundaryOf(f.parent);
        usesArguments.add(f);
      }
      for (const id of written) {
        const scope = this.declaringScope(id, id.text);
        if (scope && boundaryOf(id.parent) !== boundaryOf(scope)) mark(scope, id.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(this.file);
    // `arguments[0] = …` writes a parameter of a sloppy-mode function: all its parameters count.
    for (const f of usesArguments) {
      for (const name of this.table.get(f) ?? []) mark(f, name);
    }
    this.unstable = unstable;
    return unstable;
  }

  /**
   * True when reading `id` runs no code and no code running meanwhile can change it: a binding
   * of the file (not an import: that is a property of the other module), written only by the
   * function that declares it (a closure could write it from a valueOf) and not a parameter of a
   * function that uses `arguments`. A file with `eval` or `with` is not asked (no fusion there).
   */
  isStableLocal(id: ts.Identifier): boolean {
    const scope = this.declaringScope(id, id.text);
    if (!scope || (ts.isSourceFile(scope) && this.imports().has(id.text))) return false;
    return !this.unstableBindings().get(scope)?.has(id.text);
  }

  private importNames?: Set<string>;

  private imports(): Set<string> {
    if (!this.importNames) {
      const names = new Set<string>();
      for (const st of this.file.statements) {
        if (ts.isImportDeclaration(st) && st.importClause) {
          const c = st.importClause;
          if (c.name) names.add(c.name.text);
          const b = c.namedBindings;
          if (b && ts.isNamespaceImport(b)) names.add(b.name.text);
          else if (b) for (const e of b.elements) names.add(e.name.text);
        } else if (ts.isImportEqualsDeclaration(st)) names.add(st.name.text);
      }
      this.importNames = names;
    }
    return this.importNames;
  }

  /** True when `name`, used at `node`, is bound by the file (a local, parameter or import). */
  isDeclared(node: ts.Node, name: string): boolean {
    for (let n: ts.Node | undefined = node; n; n = n.parent) {
      if (this.table.get(n)?.has(name)) return true;
    }
    return false;
  }

  /** True when `name` at `node` means JavaScript's global of that name. */
  isGlobal(node: ts.Node, name: string): boolean {
    return !this.isDeclared(node, name);
  }
}
