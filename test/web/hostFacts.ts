/**
 * What the test bundle found about its host when it was loaded, before mocha's browser build and
 * anything else could add globals: the proof that the tests (and so the extension beside them)
 * run in VS Code's web-worker extension host, not in Node.
 */
const g = globalThis as Record<string, unknown>;

/** The `require` the extension host hands a CommonJS module, if any (the web host's knows only `vscode`). */
declare const require: ((id: string) => unknown) | undefined;

function nodeModule(id: string): unknown {
  try {
    // A computed id, so esbuild leaves the call to the host instead of bundling or refusing it.
    return typeof require === 'function' ? require(id) : undefined;
  } catch {
    return undefined;
  }
}

const fs = nodeModule(['f', 's'].join('')) as { readFileSync?: unknown } | undefined;

export const hostFacts = {
  /** Node's `process` (with `versions.node`) is a global. */
  nodeProcess: typeof g.process === 'object' && g.process !== null && !!(g.process as { versions?: { node?: string } }).versions?.node,
  /** A dedicated worker's global scope: `importScripts` and `WorkerGlobalScope` exist, `document` does not. */
  workerScope: typeof g.importScripts === 'function' && typeof g.WorkerGlobalScope === 'function' && typeof g.document === 'undefined',
  userAgent: (g.navigator as { userAgent?: string } | undefined)?.userAgent,
  /** `require('fs')` gave Node's file system. */
  nodeFs: typeof fs?.readFileSync === 'function',
};
