// TypeScript server plugin (contributes.typescriptServerPlugins in the extension's package.json).
//
// A learner's loss file may `import { nn, datasets } from 'gdtutor'`. That module is built into
// the tutor (src/engine/gdtutor.ts) and exists in no node_modules of the learner's workspace, so
// the editor would underline the import ("Cannot find module 'gdtutor'") and type nothing. This
// plugin resolves the name — only when nothing else does — to the declarations the build emits
// (dist/types/gdtutor.d.ts), so completions, hovers and type errors work as for any library.
// Plain CommonJS on purpose: tsserver loads it with require, without a build step.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const MODULE = 'gdtutor';

/** dist/types/gdtutor.d.ts of the extension: beside the plugin (repository) or two levels up (node_modules). */
function declarationsPath() {
  for (const up of ['..', path.join('..', '..')]) {
    const candidate = path.resolve(__dirname, up, 'dist', 'types', 'gdtutor.d.ts');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

function init({ typescript: ts }) {
  function create(info) {
    const host = info.languageServiceHost;
    const file = declarationsPath();
    if (!file) {
      info.project.projectService.logger.info('gdtutor-typescript-plugin: dist/types/gdtutor.d.ts not found; the plugin does nothing');
      return info.languageService;
    }
    const resolved = { resolvedModule: { resolvedFileName: file, extension: ts.Extension.Dts, isExternalLibraryImport: true } };
    const original = host.resolveModuleNameLiterals && host.resolveModuleNameLiterals.bind(host);
    host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, options, sourceFile, reused) => {
      const results = original
        ? original(literals, containingFile, redirectedReference, options, sourceFile, reused)
        : literals.map((l) => ts.resolveModuleName(l.text, containingFile, options, ts.sys));
      return results.map((r, i) => (literals[i].text === MODULE && !r.resolvedModule ? resolved : r));
    };
    return info.languageService;
  }
  return { create };
}

module.exports = init;
