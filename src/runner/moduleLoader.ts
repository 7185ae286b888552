/**
 * Loads a learner's TypeScript/JavaScript module: transpile with the differentiating transformer
 * (transform.ts) to CommonJS, compile it as a function of (exports, require, module, __filename,
 * __dirname, __gd, __gdx) under the learner's file name — so stack traces name their file and
 * the source map leads back to their line — and run it.
 *
 * `require` resolves only what a loss file may use: relative files (transformed by the same
 * rules, cached by absolute path, cycle-safe like Node: a module in a cycle sees the other's
 * exports as far as they are filled), `.json` data files, and 'gdtutor', the built-in nn library
 * (loaded on first import). Anything else — npm packages, `node:fs` — is a clear error at the
 * import's line. Relative files are read from disk: an unsaved edit of a helper is not seen.
 * (In VS Code for the Web there is no disk: learnerHost.web.ts refuses relative imports clearly.)
 */
import ts from 'typescript';
import path from 'node:path';
import { createGdTransformer, RUNTIME_NAME, IDENTITY_RUNTIME_NAME, SITE_RUNTIME_NAME, type TransformOptions } from './transform';
import { decodeMappings, type LineMappings } from './sourceMap';
import { LearnerError, learnerErrors, type Where } from './learnerErrors';
import { syntaxMessage, syntaxSpan } from './syntaxMessages';
import { sourceLimitError } from './sourceLimits';
import { identityRuntime } from './identityRuntime';
import { gd } from '../engine/runtime';
import { mathPatchSite } from './learnerMath';
import { builtinPatchSite } from './learnerBuiltinsSyntax';
import { RELATIVE_IMPORTS, compileModule, isFile, readText } from './learnerHost';

export interface LoadedModule {
  fileName: string;
  exports: Record<string, unknown>;
  /** Generated → source positions of every module loaded so far, by the file name in stack traces. */
  maps: Map<string, LineMappings>;
  sourceFile: ts.SourceFile;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  sourceMap: true,
  esModuleInterop: true,
  // Learners write loose code: only syntax matters here, never types.
  isolatedModules: true,
};

const scriptKind = (fileName: string) => (/\.[cm]?jsx?$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS);

/** 1-based position (and end) of a span of the file. */
export function whereOf(file: ts.SourceFile, start: number, end = start): Where {
  const s = file.getLineAndCharacterOfPosition(start);
  const e = file.getLineAndCharacterOfPosition(Math.max(start, end));
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** Transpiles one file; throws a LearnerError at the first syntax error. */
export function transpile(
  source: string,
  fileName: string,
  options: TransformOptions = {},
): { code: string; map: LineMappings; sourceFile: ts.SourceFile } {
  // Refused at once rather than minutes in the recursive compiler (sourceLimits.ts).
  const tooBig = sourceLimitError(source, fileName);
  if (tooBig) throw tooBig;
  const { transformer, fusedFunctions } = createGdTransformer(options);
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: COMPILER_OPTIONS,
    transformers: { before: [transformer] },
  });
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, scriptKind(fileName));
  const first = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (first) {
    const { ko, en } = syntaxMessage(first);
    const { start, end } = syntaxSpan(first, source);
    throw learnerErrors.syntax(ko, en, whereOf(sourceFile, start, end));
  }
  const reserved = source.includes('__gd') ? reservedUse(sourceFile) : undefined;
  if (reserved) throw learnerErrors.reservedName(reserved.text, whereOf(sourceFile, reserved.getStart(sourceFile), reserved.getEnd()));
  // Every loaded file runs as strict-mode code (a module), where `with` is a syntax error the
  // parser does not report: said here, at its line, rather than as a thrown SyntaxError without one.
  const withStatement = source.includes('with') ? findWith(sourceFile) : undefined;
  if (withStatement) {
    throw learnerErrors.syntax(
      "손실 파일은 엄격 모드로 실행되므로 'with' 문은 쓸 수 없습니다. 객체의 속성은 `o.s` 처럼 객체 이름을 붙여 쓰세요",
      "'with' statements are not allowed in strict mode, and a loss file runs in strict mode. Write an object's properties with its name, as in `o.s`",
      whereOf(sourceFile, withStatement.getStart(sourceFile), withStatement.getStart(sourceFile) + 4),
    );
  }
  // `Math.log = …` and the like: refused at their line, not honoured (learnerMath.ts says why).
  const patch = mathPatchSite(sourceFile);
  if (patch) throw learnerErrors.mathPatched(whereOf(sourceFile, patch.getStart(sourceFile), patch.getEnd()));
  // `Object.prototype.x = …`, `Array.prototype.map = …`: the engine's built-ins too (learnerBuiltins.ts).
  const changed = builtinPatchSite(sourceFile);
  if (changed)
    throw learnerErrors.builtinPatched(changed.what, whereOf(sourceFile, changed.node.getStart(sourceFile), changed.node.getEnd()));
  // transpileModule appends a sourceMappingURL comment; the map itself comes separately.
  // The fused expressions' functions go after the mapped code: their lines map to nothing, so an
  // error inside one is reported at the learner's expression that called it (errorMapping.ts).
  const code =
    out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, '') + (fusedFunctions.length ? `\n${fusedFunctions.join('\n')}\n` : '');
  const map = decodeMappings(JSON.parse(out.sourceMapText ?? '{"mappings":""}').mappings);
  return { code, map, sourceFile };
}

/** Names of the fused-expression functions (transformFusion.ts). */
const FUSED_NAME = /^__gdf\d+a?$/;

/** A declaration of a name the transformed code needs for itself (`__gd`, `__gdx`, `__gdf0`). */
/**
 * A use of a name the transform gives the runtime (`__gd`, `__gdx`, `__gds`, fused helpers): declared
 * by the learner it would shadow the runtime, and read or written it would reach into the engine
 * (`__gd.add = …`). In plain JavaScript such a name is not defined, so nothing correct is lost.
 * Property names (`o.__gd`, `{ __gd: 1 }`) are the learner's own and stay allowed.
 */
function reservedUse(file: ts.SourceFile): ts.Identifier | undefined {
  const reserved = new Set([RUNTIME_NAME, IDENTITY_RUNTIME_NAME, SITE_RUNTIME_NAME]);
  const isPropertyName = (n: ts.Identifier) => {
    const p = n.parent;
    return (
      (ts.isPropertyAccessExpression(p) && p.name === n) ||
      ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) &&
        p.name === n)
    );
  };
  let found: ts.Identifier | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && (reserved.has(n.text) || FUSED_NAME.test(n.text)) && !isPropertyName(n)) found = n;
    else ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

function findWith(file: ts.SourceFile): ts.WithStatement | undefined {
  let found: ts.WithStatement | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isWithStatement(n)) found = n;
    else ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/** Built-in modules a loss file may import by name, loaded on first use. */
const BUILTINS: Record<string, () => unknown> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: only files that import the nn library pay for loading it
  gdtutor: () => require('../engine/gdtutor'),
};

/** Where `spec` is imported or required in the file, for the error message. */
function importSite(file: ts.SourceFile, spec: string): Where {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    const specifier =
      ts.isImportDeclaration(n) || ts.isExportDeclaration(n)
        ? n.moduleSpecifier
        : ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)
          ? n.moduleReference.expression
          : ts.isCallExpression(n) &&
              (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))
            ? n.arguments[0]
            : undefined;
    if (specifier && ts.isStringLiteralLike(specifier) && specifier.text === spec) found = specifier;
    else ts.forEachChild(n, visit);
  };
  visit(file);
  return found ? whereOf(file, found.getStart(file), found.getEnd()) : {};
}

/** `./helpers` → helpers.ts, helpers.js, …; `./helpers.js` → also helpers.ts (the TS convention). */
function candidates(dir: string, spec: string): string[] {
  const base = path.resolve(dir, spec);
  const swapped = base.replace(/\.([cm]?)js$/, '.$1ts');
  const list = [
    base,
    swapped,
    `${base}.ts`,
    `${base}.js`,
    `${base}.mts`,
    `${base}.mjs`,
    `${base}.cts`,
    `${base}.cjs`,
    `${base}.json`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.js'),
  ];
  return [...new Set(list)];
}

function resolveRelative(dir: string, spec: string): { file?: string; tried: string[] } {
  const tried = candidates(dir, spec);
  const file = tried.find(isFile);
  return { file, tried: tried.map((t) => path.relative(dir, t) || t) };
}

interface LoaderState {
  maps: Map<string, LineMappings>;
  cache: Map<string, { exports: Record<string, unknown> }>;
  /** How every module of this load is transformed (imports included). */
  transform?: TransformOptions;
}

const WRAPPER_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', RUNTIME_NAME, IDENTITY_RUNTIME_NAME, SITE_RUNTIME_NAME];

/**
 * Evaluates one module. `fileName` is what stack traces will show (and the key of its source
 * map); relative imports resolve against its directory.
 */
export function loadModule(source: string, fileName: string, state: LoaderState = { maps: new Map(), cache: new Map() }): LoadedModule {
  const { code, map, sourceFile } = transpile(source, fileName, state.transform);
  state.maps.set(fileName, map);
  const module = { exports: {} as Record<string, unknown> };
  const dir = path.dirname(path.resolve(fileName));
  // Registered before running, so a cycle back to this file gets the partly filled exports.
  state.cache.set(path.resolve(fileName), module);

  const localRequire = (spec: string): unknown => {
    if (typeof spec !== 'string') throw learnerErrors.badImport(String(spec), {});
    const builtin = BUILTINS[spec];
    if (builtin) return builtin();
    if (!spec.startsWith('./') && !spec.startsWith('../')) throw learnerErrors.badImport(spec, importSite(sourceFile, spec));
    if (!RELATIVE_IMPORTS) throw learnerErrors.importOnWeb(spec, importSite(sourceFile, spec));
    const { file, tried } = resolveRelative(dir, spec);
    if (!file) throw learnerErrors.importNotFound(spec, tried, importSite(sourceFile, spec));
    const cached = state.cache.get(file);
    if (cached) return cached.exports;
    if (file.endsWith('.json')) {
      const data = { exports: JSON.parse(readText(file)) as Record<string, unknown> };
      state.cache.set(file, data);
      return data.exports;
    }
    try {
      return loadModule(readText(file), file, state).exports;
    } catch (e) {
      // A syntax or import error inside the helper: shown at this file's import of it.
      throw e instanceof LearnerError ? e.importedFrom(file, importSite(sourceFile, spec)) : e;
    }
  };

  const fn = compileModule(code, WRAPPER_PARAMS, fileName);
  fn.call(module.exports, module.exports, localRequire, module, fileName, dir, gd, identityRuntime, state.transform?.graph?.record);
  return { fileName, exports: module.exports, maps: state.maps, sourceFile };
}
