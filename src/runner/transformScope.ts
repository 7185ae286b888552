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

export class Scopes {
  private readonly table: ScopeTable;

  constructor(file: ts.SourceFile) {
    this.table = collect(file);
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
