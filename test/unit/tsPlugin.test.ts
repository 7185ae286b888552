/**
 * The TypeScript server plugin (ts-plugin/): in a real TypeScript language service, a loss file
 * that imports 'gdtutor' type-checks against the extension's declarations — no "Cannot find
 * module", and a wrong call is a real type error.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin is plain CommonJS, loaded as tsserver loads it
const { emitGdtutorTypes } = require(path.join(ROOT, 'scripts', 'emitGdtutorTypes.js')) as { emitGdtutorTypes: (root: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pluginInit = require(path.join(ROOT, 'ts-plugin', 'index.js')) as (m: { typescript: typeof ts }) => {
  create(info: unknown): ts.LanguageService;
};

/** A language service over in-memory files, as tsserver would have for an open editor. */
function service(files: Record<string, string>, withPlugin: boolean): ts.LanguageService {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => {
      const text = files[f] ?? (ts.sys.fileExists(f) ? ts.sys.readFile(f) : undefined);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/learner',
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f in files || ts.sys.fileExists(f),
    readFile: (f) => files[f] ?? ts.sys.readFile(f),
    directoryExists: (d) => d.startsWith('/learner') || ts.sys.directoryExists(d),
    getDirectories: ts.sys.getDirectories,
  };
  const ls = ts.createLanguageService(host);
  if (!withPlugin) return ls;
  const info = {
    languageServiceHost: host,
    languageService: ls,
    project: { projectService: { logger: { info: () => undefined } } },
    config: {},
  };
  return pluginInit({ typescript: ts }).create(info);
}

const errors = (ls: ts.LanguageService, file: string) =>
  [...ls.getSyntacticDiagnostics(file), ...ls.getSemanticDiagnostics(file)].map(
    (d) => `${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );

describe('TypeScript server plugin: the gdtutor module in the learner’s editor', function () {
  this.timeout(60_000);
  before(() => emitGdtutorTypes(ROOT));

  it('type-checks examples/moons-network.ts with no error (and without the plugin the import fails)', () => {
    const file = '/learner/moons-network.ts';
    const files = { [file]: readFileSync(path.join(ROOT, 'examples', 'moons-network.ts'), 'utf8') };
    assert.deepEqual(errors(service(files, true), file), []);
    assert.ok(
      errors(service(files, false), file).some((e) => e.startsWith('2307:')),
      'control: without the plugin the module is not found',
    );
  });

  it('reports a real type error in a call into gdtutor', () => {
    const file = '/learner/wrong.ts';
    const files = { [file]: "import { nn } from 'gdtutor';\nexport const model = nn.mlp('sixteen', 'tanh');\n" };
    const found = errors(service(files, true), file);
    assert.ok(
      found.some((e) => e.startsWith('2345:')),
      found.join('\n'),
    );
  });

  it('leaves other unresolved modules alone', () => {
    const file = '/learner/other.ts';
    const files = { [file]: "import { x } from 'not-gdtutor';\nexport const y = x;\n" };
    assert.ok(errors(service(files, true), file).some((e) => e.startsWith('2307:')));
  });
});
