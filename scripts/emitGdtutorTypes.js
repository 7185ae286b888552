// Emits the declarations of the `gdtutor` module (src/engine/gdtutor.ts and what it exports) into
// dist/types/, so a learner's editor type-checks `import { nn } from 'gdtutor'`: the TypeScript
// server plugin in ts-plugin/ resolves the module name to dist/types/gdtutor.d.ts.
// Called by esbuild.js; uses the typescript compiler API (the same pinned version as the build).
const path = require('node:path');
const ts = require('typescript');

function emitGdtutorTypes(root = process.cwd()) {
  const outDir = path.join(root, 'dist', 'types');
  const program = ts.createProgram([path.join(root, 'src', 'engine', 'gdtutor.ts')], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir,
    rootDir: path.join(root, 'src', 'engine'),
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['node'],
    removeComments: false,
  });
  const result = program.emit();
  const errors = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(`gdtutor declarations:\n${ts.formatDiagnostics(errors, host)}`);
  }
  return path.join(outDir, 'gdtutor.d.ts');
}

module.exports = { emitGdtutorTypes };
