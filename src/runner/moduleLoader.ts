/**
 * Loads a learner's TypeScript/JavaScript module: transpile with the differentiating transformer
 * (transform.ts) to CommonJS, compile it as a function of (exports, require, module, __gd) with
 * the learner's file name (so stack traces name their file), and run it.
 *
 * `require` resolves only what a loss file may use: relative files (transformed the same way,
 * cached, cycle-safe) and 'gdtutor', the built-in nn library. Anything else is a clear error.
 */
import ts from 'typescript';
import vm from 'node:vm';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gdTransformer } from './transform';
import { decodeMappings, type LineMappings } from './sourceMap';
import { learnerErrors } from './learnerErrors';
import { gd } from '../engine/runtime';

export interface LoadedModule {
  fileName: string;
  exports: Record<string, unknown>;
  /** Generated → source positions of every module loaded so far, by file name. */
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

/** Transpiles one file; throws a LearnerError for the first syntax error. */
export function transpile(source: string, fileName: string): { code: string; map: LineMappings; sourceFile: ts.SourceFile } {
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: COMPILER_OPTIONS,
    transformers: { before: [gdTransformer] },
  });
  const first = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  if (first) {
    const pos = first.start !== undefined ? sourceFile.getLineAndCharacterOfPosition(first.start) : undefined;
    throw learnerErrors.syntax(ts.flattenDiagnosticMessageText(first.messageText, ' '), { line: pos ? pos.line + 1 : undefined, column: pos ? pos.character + 1 : undefined });
  }
  // transpileModule appends a sourceMappingURL comment; the map itself comes separately.
  const code = out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, '');
  const map = decodeMappings(JSON.parse(out.sourceMapText ?? '{"mappings":""}').mappings);
  return { code, map, sourceFile };
}

export function loadModule(source: string, fileName: string, maps = new Map<string, LineMappings>(), cache = new Map<string, Record<string, unknown>>()): LoadedModule {
  const { code, map, sourceFile } = transpile(source, fileName);
  maps.set(fileName, map);
  const module = { exports: {} as Record<string, unknown> };
  cache.set(fileName, module.exports);
  const localRequire = (spec: string): unknown => {
    const builtin = builtins.get(spec);
    if (builtin) return builtin;
    if (!spec.startsWith('./') && !spec.startsWith('../')) throw learnerErrors.badImport(spec, importLine(sourceFile, spec));
    const resolved = resolveRelative(path.dirname(fileName), spec);
    if (!resolved) throw learnerErrors.badImport(spec, importLine(sourceFile, spec));
    const cached = cache.get(resolved);
    if (cached) return cached;
    return loadModule(readFileSync(resolved, 'utf8'), resolved, maps, cache).exports;
  };
  const fn = vm.compileFunction(code, ['exports', 'require', 'module', '__gd'], { filename: fileName });
  fn(module.exports, localRequire, module, gd);
  cache.set(fileName, module.exports);
  return { fileName, exports: module.exports, maps, sourceFile };
}

function resolveRelative(dir: string, spec: string): string | undefined {
  const base = path.resolve(dir, spec);
  const candidates = [base, `${base}.ts`, `${base}.js`, base.replace(/\.js$/, '.ts'), path.join(base, 'index.ts'), path.join(base, 'index.js')];
  return candidates.find((c) => existsSync(c) && !c.endsWith(path.sep));
}

function importLine(file: ts.SourceFile, spec: string): { line?: number; column?: number } {
  const i = file.text.indexOf(`'${spec}'`) >= 0 ? file.text.indexOf(`'${spec}'`) : file.text.indexOf(`"${spec}"`);
  if (i < 0) return {};
  const p = file.getLineAndCharacterOfPosition(i);
  return { line: p.line + 1, column: p.character + 1 };
}

/**
 * Built-in modules a loss file may import by name ('gdtutor': the nn library). Registered by the
 * entry points that ship them, so the loader itself does not depend on the library.
 */
const builtins = new Map<string, unknown>();

export function registerBuiltin(name: string, exports: unknown): void {
  builtins.set(name, exports);
}
