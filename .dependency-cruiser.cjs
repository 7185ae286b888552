/**
 * The import rules of src/ (docs/ARCHITECTURE.md), checked by `npm run lint`:
 *
 *   extension.ts, browser.ts,       entries: wire things up, may import anything below
 *   cli.ts, api.ts
 *   cli/                            the CLI's own parts (used by cli.ts only)
 *   commands/                       every VS Code command and controller
 *   panel/  hover/  snippets/       the panel's host side; hovers and the glossary; loss templates
 *   worker/                         the worker entry, the sealed room, the worker protocol
 *   teaching/                       analyses and diagnosis (pure)
 *   runner/                         a learner's file → a differentiable function; training runs
 *   engine/                         the automatic-differentiation engine and optimizers
 *   protocol/  l10n/                wire shapes; the string catalog (import nothing of ours)
 *
 * Each folder imports only from folders below it (never sideways, never up), nothing imports an
 * entry, there is no import cycle anywhere, the webview app (webview/, a browser bundle) imports
 * only protocol/, and only the host layers may import `vscode` (the rest also runs in the CLI
 * and in the sealed room).
 */
const LAYERS = [
  ['cli'],
  ['commands'],
  ['panel', 'hover', 'snippets'],
  ['worker'],
  ['teaching'],
  ['runner'],
  ['engine'],
  ['protocol', 'l10n'],
];

const folder = (names) => `^src/(${names.join('|')})/`;

const layerRules = LAYERS.flatMap((group, i) => {
  const above = LAYERS.slice(0, i).flat();
  return group.map((name) => {
    const sideways = group.filter((other) => other !== name);
    const forbidden = [...above, ...sideways, 'webview'];
    return {
      name: `${name}-imports-only-below`,
      comment: `src/${name}/ may import only from the folders below it (${LAYERS.slice(i + 1)
        .flat()
        .join(', ')}); not from ${forbidden.join(', ')}.`,
      severity: 'error',
      from: { path: folder([name]) },
      to: { path: [folder(forbidden), '^src/[^/]+\\.ts$'] },
    };
  });
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: two modules that need each other are one concern, or a shape that belongs lower down.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'webview-imports-only-protocol',
      comment: 'The webview app is a browser bundle: it shares only the wire shapes with the host.',
      severity: 'error',
      from: { path: '^src/webview/' },
      to: { path: '^src/', pathNot: ['^src/webview/', '^src/protocol/'] },
    },
    {
      name: 'vscode-only-in-the-host',
      comment: 'engine, runner, teaching, worker, protocol and l10n also run in the CLI and in the sealed room, where there is no vscode.',
      severity: 'error',
      from: { path: folder(['engine', 'runner', 'teaching', 'worker', 'protocol', 'l10n', 'cli', 'webview']) },
      to: { path: ['^vscode$', '^node_modules/@types/vscode/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/webview/tsconfig\\.json$' },
  },
};
